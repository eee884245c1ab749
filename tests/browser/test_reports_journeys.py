"""Reports journeys in a real browser: a coordinator opens the dashboard (charts drawn under the
strict Content-Security-Policy), filters a territory and a period, downloads the XLSX and CSV
exports and finds the figures of the page in them; the network is drawn."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from tests.browser.journeys import sign_in
from tests.factories import CoordinatorFactory
from tests.reports.pipeline import build_pipeline
from tests.reports.world import build_world

pytestmark = pytest.mark.browser
VENDOR = Path(__file__).resolve().parents[2] / "passerelle" / "static" / "vendor"


@pytest.fixture
def coordinator_page(page, settings):
    settings.REPORTS_REFRESH_SECONDS = 0
    build_pipeline(build_world())
    CoordinatorFactory(email="coord@example.org")
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    sign_in(page, "coord@example.org")
    page.problems = problems
    return page


def test_coordinator_filters_the_dashboard_and_downloads_the_exports(coordinator_page):
    page = coordinator_page
    page.goto("/reports/")
    if (VENDOR / "chart.js" / "chart.umd.min.js").exists():  # installed by `make venv` (npm ci)
        page.wait_for_selector("figure.chart.drawn")
        assert page.locator("#charts").is_visible()

    page.select_option("#id_territory", "QC")
    page.select_option("#id_year_from", "2019")
    page.select_option("#id_year_to", "2021")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/reports/?*territory=QC*")
    participants = page.locator("tr[data-key='participants'] td[data-year='total']").inner_text()
    assert participants.strip() == "2"  # Chloé and Denis

    with page.expect_download() as xlsx:
        page.click("a[href^='/reports/export.xlsx']")
    book = openpyxl.load_workbook(io.BytesIO(Path(xlsx.value.path()).read_bytes()), read_only=True)
    rows = {row[0]: row for row in book["par année"].iter_rows(values_only=True)}  # in the reader's language
    assert rows["clé"][:4] == ("clé", "indicateur", "partie", "unité")
    assert rows["clé"][4:8] == ("2019", "2020", "2021", "total")
    assert rows["participants"][4:8] == (1, 2, 0, 2)

    with page.expect_download() as download:
        page.click("a[href^='/reports/export.csv']:not([href*='table='])")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    exported = {row["clé"]: row for row in csv.DictReader(io.StringIO(text))}
    assert exported["participants"]["total"] == "2"
    assert exported["meetings_held"]["2019"] == page.locator(
        "tr[data-key='meetings_held'] td[data-year='2019']").inner_text().strip()
    assert not [p for p in page.problems if "Content Security Policy" in p]


def test_coordinator_sees_the_collaboration_network(coordinator_page):
    page = coordinator_page
    page.goto("/reports/network/")
    assert page.locator("[data-figure='nodes']").inner_text() == "4"
    assert page.locator("[data-figure='edges']").inner_text() == "5"
    if (VENDOR / "vis-network" / "vis-network.min.js").exists():
        page.wait_for_selector("#network.drawn", timeout=30_000)
        assert page.locator("#network canvas").count() == 1
        first = page.locator("#network-names option").first.get_attribute("value")
        page.fill("#network-focus", first)
        page.press("#network-focus", "Enter")
        page.wait_for_selector("#network[data-focus]")
        assert page.locator("#network-focus-status").inner_text() != ""
    # vis-network's "peer" build (with vis-data beside it) adds no inline style: the policy refuses nothing.
    assert [p for p in page.problems if "Content Security Policy" in p] == []
