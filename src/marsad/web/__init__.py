"""Marsad's analyst dashboard and read-only JSON API (`marsad serve`)."""

from __future__ import annotations

import logging

import uvicorn

from marsad.store import open_store
from marsad.web.app import create_app

__all__ = ["create_app", "serve"]

log = logging.getLogger(__name__)


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the dashboard over the store at `db_path` until interrupted."""
    store = open_store(db_path)
    store.connection.execute("PRAGMA query_only = ON")  # the dashboard never writes
    try:
        log.info("serving %s on http://%s:%d/", db_path, host, port)
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
    finally:
        store.close()
