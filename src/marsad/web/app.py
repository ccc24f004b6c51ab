"""The dashboard's FastAPI application: routes, static files and error handlers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.store import SQLiteStore
from marsad.web import api, pages
from marsad.web.cache import AggregateCache
from marsad.web.errors import install_error_handlers

STATIC_DIR = Path(__file__).parent / "static"


def create_app(store: SQLiteStore) -> FastAPI:
    """The dashboard and the JSON API over an open store (read only: nothing here writes)."""
    app = FastAPI(
        title="Marsad",
        version=__version__,
        description="Read-only API over PLOVER events coded from news in Arabic, English and French.",
    )
    app.state.store = store
    app.state.db = store.connection
    app.state.cache = AggregateCache(store.connection)
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
