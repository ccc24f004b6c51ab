"""The JSON API over a small hand-made store (TestClient, no server)."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the web extra (fastapi, jinja2, httpx2)")

from fastapi.testclient import TestClient

from marsad.model import Article, Document
from marsad.plover import EVENT_TYPES
from marsad.store import SQLiteStore
from tests.web.conftest import build_event


def test_events_lists_records_latest_first_with_paging(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 2, "offset": 1}).json()
    assert body["total"] == 6 and body["limit"] == 2 and body["offset"] == 1
    dates = [item["date"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 2
    assert body["items"][0]["event"] in EVENT_TYPES and "text_info" in body["items"][0]


def test_events_filters_combine(client: TestClient) -> None:
    def total(**params: str) -> int:
        return int(client.get("/api/events", params=params).json()["total"])

    assert total(language="ar") == 2
    assert total(type="assault") == 1
    assert total(actor="IRQ") == 5 and total(actor="IRQ:GOV") == 4
    assert total(country="IRN") == 1
    assert total(source="Wakala", since="2024-03-01") == 1
    assert total(since="2024-02-01", until="2024-02-29") == 1
    assert total(q="frappe") == 1 and total(q="التركية") == 1
    assert total(dyad="IRQ-FRA") == 3 and total(dyad="FRA,IRQ", quad="1") == 2


def test_event_and_document_by_id(client: TestClient, event_ids: dict[str, str]) -> None:
    record = client.get(f"/api/events/{event_ids['AGREE']}").json()
    assert record["cite_info"]["language"] == "en" and record["actor"][0]["code"] == "IRQ"
    assert record["corroboration"] == 1 and [s["event_id"] for s in record["sources"]] == [record["id"]]
    doc = client.get(f"/api/documents/{record['cite_info']['story_id']}").json()
    start, end = record["text_info"]["start"], record["text_info"]["end"]
    assert doc["text"][start:end] == record["event_text"]
    assert [e["id"] for e in doc["events"]] == [record["id"]]


def test_actor_summary_has_aliases_in_every_script(client: TestClient) -> None:
    body = client.get("/api/actors/irq").json()
    assert body["name"] == "Iraq" and body["events"] == 5
    aliases = {a["text"] for a in body["aliases"]}
    assert {"Iraq", "L'Irak", "العراق"} <= aliases
    assert {c["code"] for c in body["counterparts"]} == {"FRA", "TUR"}
    top = client.get("/api/actors").json()["items"]
    assert top[0] == {"code": "IRQ", "name": "Iraq", "events": 5}


def test_dyad_series_puts_cooperation_above_and_conflict_below(client: TestClient) -> None:
    months = client.get("/api/dyads", params={"a": "IRQ", "b": "FRA"}).json()["months"]
    by_month = {m["month"]: m for m in months}
    assert by_month["2024-01"]["cooperation"] == {"count": 1, "intensity": 2.5}
    assert by_month["2024-03"]["conflict"]["count"] == 1
    assert by_month["2024-03"]["conflict"]["intensity"] < 0


def test_series_by_quad_and_language(client: TestClient) -> None:
    quad = client.get("/api/series", params={"by": "quad"}).json()
    assert quad["months"] == ["2024-01", "2024-02", "2024-03"]
    totals = {s["key"]: s["total"] for s in quad["series"]}
    assert totals == {"1": 2, "3": 3, "4": 1}
    language = client.get("/api/series", params={"by": "language"}).json()
    # The Paris meeting, reported in Arabic and in English, counts once under each language.
    assert {s["key"]: s["total"] for s in language["series"]} == {"ar": 2, "en": 3, "fr": 2}


def test_network_and_map_data(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    assert {n["id"] for n in graph["nodes"]} == {"FRA", "IRQ", "IRN", "TUR"}
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("FRA", "IRQ"))
    assert edge["weight"] == 2
    conflict_only = client.get("/api/network", params={"type": "ASSAULT"}).json()
    assert [(e["source"], e["target"]) for e in conflict_only["edges"]] == [("TUR", "IRQ")]
    countries = {c["code"]: c for c in client.get("/api/countries").json()["items"]}
    assert countries["IRQ"]["numeric"] == "368" and countries["IRQ"]["events"] == 5
    points = client.get("/api/locations").json()["items"]
    assert [(p["lat"], p["lon"], p["event"]) for p in points] == [(36.3, 43.1, "ASSAULT")]


def test_openapi_describes_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/dyads", "/api/series", "/api/network"} <= set(
        paths
    )
    assert "/events" not in paths  # the HTML pages stay out of the API description


def test_cached_aggregates_follow_new_articles(client: TestClient, store: SQLiteStore) -> None:
    before = client.get("/api/series", params={"by": "language"}).json()
    assert {s["key"]: s["total"] for s in before["series"]}["en"] == 3
    spec = (
        "Iraq and France agreed on a plan.",
        "AGREE",
        ("IRQ", "GOV", "Iraq", ""),
        ("FRA", "GOV", "France", ""),
    )
    event = build_event("story-en-3", "en", "Wire One", dt.date(2024, 4, 2), spec[0], spec)
    doc = Document(origin="story-en-3.txt", content=spec[0], content_format="text")
    store.write_article(Article("story-en-3", doc, spec[0], "t", "en", dt.date(2024, 4, 2), events=(event,)))
    after = client.get("/api/series", params={"by": "language"}).json()
    assert {s["key"]: s["total"] for s in after["series"]}["en"] == 4
    assert after["months"][-1] == "2024-04"


def test_an_event_comes_with_every_source(client: TestClient, event_ids: dict[str, str]) -> None:
    record = client.get(f"/api/events/{event_ids['CONSULT']}").json()
    assert record["corroboration"] == 2 and record["mention_id"] is None
    assert [(s["language"], s["source"]) for s in record["sources"]] == [("ar", "Wakala"), ("en", "Wire Two")]
    for source in record["sources"]:
        assert source["title"] == f"{source['story_id']} title" and source["published"].startswith("2024-01")
        text = client.get(source["document"]).json()["text"]
        assert text[source["text_start"] : source["text_end"]] == source["event_text"]


def test_a_mention_id_resolves_to_its_canonical_event(
    client: TestClient, event_ids: dict[str, str], mention_id: str
) -> None:
    record = client.get(f"/api/events/{mention_id}").json()
    assert record["id"] == event_ids["CONSULT"] != mention_id
    assert record["mention_id"] == mention_id and record["corroboration"] == 2
    document = client.get("/api/documents/story-en-0").json()
    assert document["events"][0]["canonical_id"] == event_ids["CONSULT"]


def test_lists_count_events_once_unless_mentions_are_asked_for(client: TestClient) -> None:
    def listed(**params: str) -> dict:
        return client.get("/api/events", params=params).json()

    assert listed()["total"] == 6 and listed(mentions="true")["total"] == 7
    assert listed(type="CONSULT")["total"] == 1 and listed(type="CONSULT", mentions="1")["total"] == 2
    # A reporter filter matches an event when any of its reports matches; the event listed is canonical.
    english = {item["event"]: item for item in listed(language="en")["items"]}
    assert set(english) == {"CONSULT", "AGREE", "THREATEN"}
    assert english["CONSULT"]["cite_info"]["language"] == "ar"
    assert english["CONSULT"]["corroboration"] == 2 and english["CONSULT"]["source_languages"] == ["ar", "en"]
    reports = listed(language="en", mentions="true", type="CONSULT")["items"]
    assert [r["cite_info"]["language"] for r in reports] == ["en"] and reports[0]["corroboration"] == 2
    assert listed(q="Iraqi counterpart")["total"] == 1  # the English evidence finds the Arabic-led event
    assert client.get("/api/events", params={"mentions": "maybe"}).status_code == 400


def test_aggregates_count_canonical_events(client: TestClient) -> None:
    edges = {(e["source"], e["target"]): e["weight"] for e in client.get("/api/network").json()["edges"]}
    assert edges[("FRA", "IRQ")] == 2  # the Paris meeting once (two reports), the threat once
    per_report = client.get("/api/network", params={"mentions": "true"}).json()["edges"]
    assert {(e["source"], e["target"]): e["weight"] for e in per_report}[("FRA", "IRQ")] == 3
    months = client.get("/api/dyads", params={"a": "FRA", "b": "IRQ"}).json()["months"]
    assert months[0]["cooperation"]["count"] == 1
    assert client.get("/api/actors/FRA").json()["events"] == 4
