"""One error shape for every error the server returns, API or not.

`{"ok": false, "status": 404, "error": "message", "errors": [...]}`: built by
`error_response` only; the handlers below route HTTP errors, validation errors and
unexpected exceptions through it. Browsers asking for a page get the same message
in an HTML page, with the same status.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


def error_response(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    """The single JSON error body of the whole server."""
    body = {"ok": False, "status": status, "error": message, "errors": errors or []}
    return JSONResponse(body, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = str(exc.detail) if exc.detail else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"not found: {request.url.path}"
    return _respond(request, exc.status_code, message, [])


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"location": ".".join(str(part) for part in err.get("loc", ())), "message": str(err.get("msg", ""))}
        for err in exc.errors()
    ]
    message = "; ".join(f"{e['location']}: {e['message']}" for e in errors) or "invalid request"
    return _respond(request, 422, message, errors)


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path)
    return _respond(request, 500, "internal error", [])


def _respond(request: Request, status: int, message: str, errors: list[dict[str, Any]]) -> Response:
    wants_page = not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")
    if not wants_page:
        return error_response(status, message, errors)
    from marsad.web.pages import render_error

    return render_error(request, status, message)
