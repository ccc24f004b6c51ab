"""Every error has one shape: {"ok": false, "status", "error", "errors"}."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the web extra (fastapi, jinja2, httpx2)")

from fastapi.testclient import TestClient

from marsad.web.errors import error_response

CASES = [
    ("/api/events?type=NOPE", 400),  # bad parameter
    ("/api/events?since=2024-13-01", 400),
    ("/api/series?by=colour", 400),
    ("/api/dyads?a=IRQ&b=F", 400),
    ("/api/events/no-such-id", 404),  # unknown id
    ("/api/documents/no-such-story", 404),
    ("/api/actors/ZZZ", 404),
    ("/no/such/route", 404),  # unknown route
    ("/api/events?limit=0", 422),  # validation
    ("/api/events?offset=-1", 422),
    ("/api/dyads?a=IRQ", 422),
]


def assert_error_shape(body: dict[str, object], status: int) -> None:
    assert set(body) == {"ok", "status", "error", "errors"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)


@pytest.mark.parametrize(("url", "status"), CASES)
def test_every_error_has_the_one_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert_error_shape(response.json(), status)


def test_validation_errors_name_the_parameter(client: TestClient) -> None:
    body = client.get("/api/events?limit=100000").json()
    assert body["errors"][0]["location"] == "query.limit"
    assert "limit" in body["error"]


def test_method_not_allowed_has_the_shape_too(client: TestClient) -> None:
    response = client.post("/api/events")
    assert response.status_code == 405
    assert_error_shape(response.json(), 405)


def test_the_one_function_builds_the_body() -> None:
    response = error_response(400, "bad", [{"location": "query.x", "message": "m"}])
    assert response.status_code == 400
    assert response.body == (
        b'{"ok":false,"status":400,"error":"bad","errors":[{"location":"query.x","message":"m"}]}'
    )


def test_a_browser_gets_the_message_in_a_page(client: TestClient) -> None:
    response = client.get("/events/no-such-id", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"] and "no-such-id" in response.text
