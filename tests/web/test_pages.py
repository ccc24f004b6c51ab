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
    mark = re.search(r'<mark class="evidence" id="evidence-[^"]+" ([^>]*)>(.*?)</mark>', html)
    assert mark is not None
    assert mark.group(1) == 'dir="rtl" lang="ar"'
    assert mark.group(2) == "قصفت القوات التركية مواقع في شمال العراق."
    assert "Northern Iraq" in html and "36.300, 43.100" in html and "0.80" in html
    assert "MIL" in html and "TUR" in html


def test_event_page_of_an_english_article_cuts_the_text_around_the_evidence(
    client: TestClient, event_ids: dict[str, str]
) -> None:
    html = client.get(f"/events/{event_ids['AGREE']}").text
    assert re.search(
        r'Lead paragraph.\n<mark class="evidence" id="[^"]+" dir="auto" lang="en">Iraq signed', html
    )


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


def test_event_page_shows_every_source_with_its_evidence(
    client: TestClient, event_ids: dict[str, str]
) -> None:
    html = client.get(f"/events/{event_ids['CONSULT']}").text
    assert re.search(r'id="corroboration">2 articles', html)
    marks = re.findall(r'<mark class="evidence" id="[^"]+" ([^>]*)>(.*?)</mark>', html)
    assert [attrs for attrs, _ in marks] == ['dir="rtl" lang="ar"', 'dir="auto" lang="en"']
    assert marks[1][1] == "The French foreign minister received his Iraqi counterpart in Paris on Sunday."
    assert "Wakala" in html and "Wire Two" in html and 'href="/api/documents/story-en-0"' in html
    assert "story-en-0 title" in html and "requested" not in html


def test_a_mention_redirects_to_its_event_with_the_report_highlighted(
    client: TestClient, event_ids: dict[str, str], mention_id: str
) -> None:
    response = client.get(f"/events/{mention_id}", follow_redirects=False)
    assert response.status_code == 303
    assert (
        response.headers["location"]
        == f"/events/{event_ids['CONSULT']}?mention={mention_id}#source-{mention_id}"
    )
    html = client.get(f"/events/{mention_id}").text
    assert f'<article class="source requested" id="source-{mention_id}"' in html


def test_events_table_shows_corroboration_and_languages(client: TestClient) -> None:
    html = client.get("/events", params={"type": "CONSULT"}).text
    assert re.search(r'id="total">1 events', html)
    assert re.search(r'class="num corroboration many"[^>]*>2</td>', html)
    assert '<span class="lang">ar</span><span class="lang">en</span>' in html
    reports = client.get("/events", params={"type": "CONSULT", "mentions": "true"}).text
    assert re.search(r'id="total">2 reports', reports) and "checked" in reports
