"""Server-rendered pages hold the data (charts as SVG marks with links, tables, evidence)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the web extra (fastapi, jinja2, httpx2)")

from fastapi.testclient import TestClient


def test_overview_has_the_quad_chart_counts_and_latest_events(client: TestClient) -> None:
    html = client.get("/").text
    assert 'id="quad-chart"' in html
    bars = re.findall(r'<a class="mark" href="([^"]+)"', html)
    assert len(bars) == 4  # Jan and Feb cooperation, March verbal and material conflict
    assert "/events?quad=4&amp;since=2024-03-01&amp;until=2024-03-31" in html
    assert 'id="counts-type"' in html and "ASSAULT" in html and "Wakala" in html
    assert 'dir="rtl" lang="ar"' in html  # Arabic evidence in the latest events


def test_events_page_filters_and_pages(client: TestClient) -> None:
    html = client.get("/events", params={"language": "fr"}).text
    assert re.search(r'id="total">2 events', html)
    assert "La France a accusé" in html and "Iraq signed" not in html
    assert "page 1 of 1" in html


def test_event_page_highlights_the_evidence_right_to_left(
    client: TestClient, event_ids: dict[str, str]
) -> None:
    html = client.get(f"/events/{event_ids['ASSAULT']}").text
    mark = re.search(r'<mark id="evidence" ([^>]*)>(.*?)</mark>', html)
    assert mark is not None
    assert mark.group(1) == 'dir="rtl" lang="ar"'
    assert mark.group(2) == "قصفت القوات التركية مواقع في شمال العراق."
    assert "Northern Iraq" in html and "36.300, 43.100" in html and "0.80" in html
    assert "MIL" in html and "TUR" in html


def test_event_page_of_an_english_article_cuts_the_text_around_the_evidence(
    client: TestClient, event_ids: dict[str, str]
) -> None:
    html = client.get(f"/events/{event_ids['AGREE']}").text
    assert 'Lead paragraph.\n<mark id="evidence" dir="auto" lang="en">Iraq signed' in html


def test_dyad_page_draws_points_linked_to_their_events(client: TestClient) -> None:
    html = client.get("/dyad", params={"a": "irq", "b": "fra"}).text
    points = re.findall(r'<a class="mark" href="([^"]+)" data-month="([^"]+)" data-side="(\w+)"', html)
    assert [(month, side) for _, month, side in points] == [
        ("2024-01", "cooperation"),
        ("2024-02", "cooperation"),
        ("2024-03", "conflict"),
    ]
    assert points[0][0] == "/events?dyad=IRQ-FRA&amp;since=2024-01-01&amp;until=2024-01-31"


def test_actor_page_shows_aliases_roles_and_counterparts(client: TestClient) -> None:
    html = client.get("/actors/IRQ").text
    assert "Iraq" in html and '<bdi dir="auto" class="alias">العراق</bdi>' in html
    assert 'href="/dyad?a=IRQ&amp;b=FRA"' in html
    assert client.get("/actors/FRA", params={"sector": "GOV"}).status_code == 200


def test_network_and_map_pages_point_at_their_data(client: TestClient) -> None:
    network = client.get("/network", params={"type": "ASSAULT"}).text
    assert 'data-src="/api/network?type=ASSAULT"' in network
    world = client.get("/map").text
    assert "/static/vendor/topojson-client.min.js" in world and "events per actor country" in world
    assert client.get("/static/vendor/countries-110m.json").status_code == 200
