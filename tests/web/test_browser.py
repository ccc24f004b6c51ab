"""The dashboard in a real browser: Debian's chromium driven by Playwright, over uvicorn on loopback.

One browser for the whole module. Screenshots of every page go to artifacts/screenshots/.
Skipped when /usr/bin/chromium or the playwright package is missing
(`apt-get install -y chromium`; never `playwright install`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import make_store

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARABIC_EVIDENCE = "استقبل وزير الخارجية الفرنسي نظيره العراقي في باريس لبحث التعاون."
ENGLISH_EVIDENCE = "The French foreign minister received his Iraqi counterpart in Paris on Sunday."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install -y chromium)"),
]
pytest.importorskip("playwright.sync_api", reason="the browser tests need the playwright package")
pytest.importorskip("uvicorn", reason="the dashboard needs the web extra")

from playwright.sync_api import Page, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from marsad.web import create_app

    store = make_store(tmp_path_factory.mktemp("browser") / "web.db")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)
    store.close()


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Page]:
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    args += ["--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=args)
        tab = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=base_url)
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        yield tab
        browser.close()
    assert errors == [], f"JavaScript errors: {errors}"


def _shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _attr(page: Page, selector: str, name: str) -> Any:
    return page.locator(selector).get_attribute(name)


def test_pages_render_with_their_data(page: Page) -> None:
    page.goto("/")
    assert page.locator("#quad-chart rect").count() == 4
    _shot(page, "overview")
    page.goto("/events?language=ar")
    assert page.locator("table.events tbody tr").count() == 2
    _shot(page, "events")
    page.goto("/actors/IRQ")
    assert page.locator("#aliases").get_by_text("العراق", exact=True).count() == 1
    _shot(page, "actor")
    page.goto("/network")
    page.wait_for_selector("#network[data-nodes]")
    assert page.locator("#network circle").count() == 4 and page.locator("#network path.edge").count() == 5
    _shot(page, "network")
    page.goto("/map")
    page.wait_for_selector("#map[data-shaded]")
    assert _attr(page, "#map", "data-shaded") == "4" and page.locator("#map a.point").count() == 1
    assert page.locator("#map path.country").count() > 150  # the vendored outline drew offline
    _shot(page, "map")


def test_a_chart_point_leads_to_the_evidence_right_to_left(page: Page) -> None:
    page.goto("/dyad?a=IRQ&b=FRA")
    points = page.locator("#dyad-chart circle")
    assert points.count() == 3
    page.wait_for_selector("#busiest-pairs a.chip")  # loaded from the API after the page showed
    points.first.click()  # January: the consultation in Paris, reported in Arabic
    page.wait_for_selector("#dyad-event-list li")
    _shot(page, "dyad")
    page.locator("#dyad-event-list li a").first.click()
    page.wait_for_url("**/events/*")
    mark = page.locator('article.source[data-language="ar"] mark.evidence')
    assert mark.inner_text() == ARABIC_EVIDENCE
    assert mark.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("#evidence-sentence").evaluate("el => getComputedStyle(el).direction") == "rtl"
    _shot(page, "event")


def test_an_overview_bar_lists_its_events(page: Page) -> None:
    page.goto("/")
    page.locator("#quad-chart a.mark").last.click()  # March, material conflict
    page.wait_for_url("**/events?quad=4*")
    assert page.locator("table.events tbody tr").count() == 1
    assert page.locator("td.evidence").first.evaluate("el => getComputedStyle(el).direction") == "rtl"


def test_an_english_report_leads_to_the_event_with_both_sources(page: Page) -> None:
    page.goto("/events?language=en&mentions=true&type=CONSULT")
    page.locator("td.evidence a").first.click()  # a mention: redirected to its canonical event
    page.wait_for_url("**/events/*?mention=*")
    sources = page.locator("article.source")
    assert sources.count() == 2 and page.locator("#corroboration").inner_text().startswith("2 articles")
    arabic = page.locator('article.source[data-language="ar"] mark.evidence')
    english = page.locator("article.source.requested mark.evidence")
    assert arabic.inner_text() == ARABIC_EVIDENCE and english.inner_text() == ENGLISH_EVIDENCE
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert english.evaluate("el => getComputedStyle(el).direction") == "ltr"
    rtl_title = page.locator('article.source[data-language="ar"] h3')
    assert rtl_title.evaluate("el => getComputedStyle(el).direction") == "rtl"
    _shot(page, "event-sources")
