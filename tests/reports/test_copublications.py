"""The co-publication indicator on a hand-built set of works, counted by hand.

People of ``world.py``: alice, bruno, farid (AURA) · chloe, denis, emma (QC); plus gaspard (AURA,
profile shown to coordinators only) and hugo (elsewhere). Emma's profile is for members only.

    W1  2019  alice, chloe                      across             → 2019
    W2  2019  alice, bruno                      AURA only          → no
    W3  2020  bruno, denis, emma                across             → 2020
    W4  2020  chloe, farid (farid hid it)       QC only once hidden → no
    W5  2021  gaspard, chloe                    gaspard's profile is hidden → no
    W6  2021  alice, bruno, chloe, denis, hugo  across, counted once → 2021 (with "elsewhere": the only one)
    W7  ----  alice, chloe                      no year            → no
    W8  2021  emma + a French author the directory does not know   → no (only profiles count)
    W9  2020  farid, emma                       across (members-only profile) → 2020

    2019: 1 · 2020: 2 · 2021: 1 · period: 4
"""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Territory, Visibility
from passerelle.publications.models import Authorship, PersonPublication
from passerelle.reports.indicators import ReportFilters, indicator
from tests.factories import PersonFactory
from tests.publications.factories import work

from .figures_io import api_figures, csv_figures, html_figures, xlsx_figures

PERIOD = "year_from=2019&year_to=2022"
EXPECTED = {"2019": 1, "2020": 2, "2021": 1, "2022": 0, "total": 4}


@pytest.fixture
def works(world):
    p = dict(world.people)
    p["emma"].visibility = Visibility.MEMBERS
    p["emma"].save()
    p["gaspard"] = PersonFactory(first_name="Gaspard", territory=Territory.AURA, visibility=Visibility.COORDINATORS)
    p["hugo"] = PersonFactory(first_name="Hugo", territory=Territory.OTHER)
    made = {
        "W1": work(2019, p["alice"], p["chloe"]),
        "W2": work(2019, p["alice"], p["bruno"]),
        "W3": work(2020, p["bruno"], p["denis"], p["emma"]),
        "W4": work(2020, p["chloe"], p["farid"], hidden=[p["farid"]]),
        "W5": work(2021, p["gaspard"], p["chloe"]),
        "W6": work(2021, p["alice"], p["bruno"], p["chloe"], p["denis"], p["hugo"]),
        "W7": work(None, p["alice"], p["chloe"]),
        "W8": work(2021, p["emma"]),
        "W9": work(2020, p["farid"], p["emma"]),
    }
    Authorship.objects.create(publication=made["W8"], position=2, name="Jean Martin", country="FR",
                              affiliation="Centre Léon Bérard, Lyon")
    return made


def test_copublications_counted_by_hand(works):
    series = indicator("copublications").compute(ReportFilters())
    assert series.by_year == {2019: 1, 2020: 2, 2021: 1}
    assert series.total == 4


def test_copublications_with_a_territory_and_a_period(works):
    compute = indicator("copublications").compute
    assert compute(ReportFilters(territory=Territory.QC)).by_year == {2019: 1, 2020: 2, 2021: 1}
    assert compute(ReportFilters(territory=Territory.OTHER)).by_year == {2021: 1}  # W6, through hugo
    assert compute(ReportFilters(year_from=2020, year_to=2020)).total == 2


def test_a_hidden_link_leaves_the_count_and_showing_it_again_brings_it_back(works, world):
    compute = indicator("copublications").compute
    link = PersonPublication.objects.get(publication=works["W1"], person=world.people["chloe"])
    link.hidden = True
    link.save()
    assert compute(ReportFilters()).by_year.get(2019) is None
    link.hidden = False
    link.save()
    assert compute(ReportFilters()).by_year[2019] == 1


def test_the_same_figures_on_the_dashboard_the_exports_the_api_and_the_public_page(works, coordinator_client,
                                                                                   client):
    dashboard = html_figures(coordinator_client.get(f"{reverse('reports:dashboard')}?{PERIOD}").content)
    exported_csv = csv_figures(coordinator_client.get(f"{reverse('reports:export', args=['csv'])}?{PERIOD}").content)
    exported_xlsx = xlsx_figures(coordinator_client.get(f"{reverse('reports:export', args=['xlsx'])}?{PERIOD}")
                                 .content)
    api = api_figures(coordinator_client.get(f"{reverse('api-indicators')}?{PERIOD}").json())
    for figures in (dashboard, exported_csv, exported_xlsx, api):
        assert {year: figures[("copublications", year)] for year in EXPECTED} == EXPECTED
    client.logout()
    public_page = client.get(f"{reverse('reports:public')}?{PERIOD}")
    public = html_figures(public_page.content)
    public_api = client.get(f"{reverse('api-indicators')}?{PERIOD}").json()
    assert {year: public[("copublications", year)] for year in EXPECTED} == EXPECTED
    assert {year: api_figures(public_api)[("copublications", year)] for year in EXPECTED} == EXPECTED
    entry = next(row for row in public_api["indicators"] if row["key"] == "copublications")
    assert "Auvergne-Rhône-Alpes" in entry["definition"] and entry["unit"] == "count"
    text = public_page.content.decode()
    for name in ("Gaspard", "Shared cohort study", "Journal of Joint Oncology", "10.5555"):
        assert name not in text


def test_the_dashboard_shows_the_definition(works, coordinator_client):
    text = coordinator_client.get(reverse("reports:dashboard")).content.decode()
    assert 'data-key="copublications"' in text
    assert "not through the affiliation printed on the paper" in text
