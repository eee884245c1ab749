"""The dashboard, its exports, the public figures, the annual report and the API: the same numbers
everywhere, the right indicators for each role, filters and their errors."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.reports.indicators import all_indicators

from .figures_io import api_figures, csv_figures, html_figures, xlsx_figures

PERIOD = "year_from=2019&year_to=2023"


def test_dashboard_exports_public_page_and_api_show_identical_numbers(pipeline, coordinator_client, client):
    dashboard = html_figures(coordinator_client.get(f"{reverse('reports:dashboard')}?{PERIOD}").content)
    exported_csv = csv_figures(coordinator_client.get(f"{reverse('reports:export', args=['csv'])}?{PERIOD}").content)
    exported_xlsx = xlsx_figures(coordinator_client.get(f"{reverse('reports:export', args=['xlsx'])}?{PERIOD}")
                                 .content)
    api = api_figures(coordinator_client.get(f"{reverse('api-indicators')}?{PERIOD}").json())
    assert dashboard == exported_csv == exported_xlsx == api
    # Figures counted by hand in test_indicators_*: a few of them, as every reader sees them.
    assert dashboard[("events", "2020")] == 2
    assert dashboard[("participants", "total")] == 5
    assert dashboard[("useful_rate", "total")] == 75.0
    assert dashboard[("money_granted.CAD", "total")] == 90000
    assert dashboard[("outcomes_by_kind.follow_on_funding", "total")] == 2
    assert dashboard[("days_to_funding", "2021")] == 601

    client.logout()
    public = html_figures(client.get(f"{reverse('reports:public')}?{PERIOD}").content)
    public_api = api_figures(client.get(f"{reverse('api-indicators')}?{PERIOD}").json())
    assert public == public_api
    assert public and all(dashboard[key] == value for key, value in public.items())


def test_the_same_numbers_with_a_territory_and_one_year(pipeline, coordinator_client):
    query = "year_from=2020&year_to=2020&territory=QC"
    dashboard = html_figures(coordinator_client.get(f"{reverse('reports:dashboard')}?{query}").content)
    api = api_figures(coordinator_client.get(f"{reverse('api-indicators')}?year=2020&territory=QC").json())
    assert dashboard == api
    assert dashboard[("participants", "2020")] == 2  # chloe, denis
    assert dashboard[("meetings_held", "total")] == 1  # M5


def test_public_figures_are_aggregates_of_public_indicators_only(pipeline, client):
    response = client.get(reverse("reports:public"))
    assert response.status_code == 200
    keys = {key for key, _year in html_figures(response.content)}
    public = {i.key for i in all_indicators() if i.public}
    assert {key.split(".")[0] for key in keys} == public
    text = response.content.decode()
    for name in ("Alice", "Chloé", "Denis", "Radiomics", "RADIO-QC"):
        assert name not in text
    assert "money_requested" not in text and "no_show_rate" not in text


def test_every_figure_is_shown_with_its_definition(pipeline, coordinator_client):
    text = coordinator_client.get(reverse("reports:dashboard")).content.decode()
    for indicator in all_indicators():
        assert str(indicator.label) in text
        assert str(indicator.definition).replace("'", "&#x27;") in text


def test_definitions_fold_on_the_dashboard_and_stay_open_in_the_printed_annual_report(pipeline, coordinator_client):
    dashboard = coordinator_client.get(reverse("reports:dashboard")).content.decode()
    annual = coordinator_client.get(reverse("reports:annual", args=[2020])).content.decode()
    assert dashboard.count('<details class="definition">') >= len(all_indicators())
    assert '<details class="definition" open>' not in dashboard
    assert '<details class="definition" open>' in annual and '<details class="definition">' not in annual


def test_api_answers_non_coordinators_with_the_public_indicators(pipeline, member_client):
    data = member_client.get(reverse("api-indicators"), {"year": 2020}).json()
    assert data["years"] == [2020]
    assert {entry["indicator"] for entry in data["indicators"]} == {i.key for i in all_indicators() if i.public}
    rate = next(entry for entry in data["indicators"] if entry["key"] == "success_rate")
    assert (rate["values"], rate["ratios"], rate["total"]) == ({"2020": 50.0}, {"2020": [1, 2]}, 50.0)


def test_api_refuses_bad_filters_by_name(db, client):
    response = client.get(reverse("api-indicators"), {"territory": "MARS", "year_from": 2022, "year_to": 2020})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"territory", "year_to"}


def test_dashboard_keeps_valid_filters_and_names_the_wrong_ones(pipeline, coordinator_client):
    response = coordinator_client.get(reverse("reports:dashboard"), {"territory": "MARS", "year_from": 2020,
                                                                     "year_to": 2020})
    assert response.status_code == 200
    assert response.context["table"].years == [2020]
    assert response.context["table"].filters.territory == ""
    assert "Select a valid choice" in response.content.decode()


def test_dashboard_filters_by_event_category_and_site(pipeline, world, coordinator_client):
    response = coordinator_client.get(reverse("reports:dashboard"),
                                      {"event": world.events["E1"].pk, "category": "5", "site": 7})
    table = response.context["table"]
    assert (table.filters.event, table.filters.category, table.filters.site) == (world.events["E1"].pk, "5", 7)
    assert table.row("events").total == 1
    assert table.row("participants").total == 3


def test_export_files(pipeline, coordinator_client):
    response = coordinator_client.get(reverse("reports:export", args=["xlsx"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="indicators.xlsx"'
    response = coordinator_client.get(reverse("reports:export", args=["csv"]), {"table": "territories"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "key,indicator,part,unit,AURA,QC,OTHER,all,definition"
    # AURA: alice, bruno, farid · Québec: chloe, denis.
    assert lines[2].startswith("participants,Participants,,count,3,2,0,5,")


def test_territory_sheet_of_the_workbook(pipeline, coordinator_client):
    import io

    import openpyxl

    content = coordinator_client.get(reverse("reports:export", args=["xlsx"])).content
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True)["by territory"]
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    # Events held in Auvergne-Rhône-Alpes (E1, E7), in Québec (E2), elsewhere none; 4 in all (the webinar).
    assert rows["events"][4:8] == (2, 1, 0, 4)


def test_annual_report_of_a_year(pipeline, coordinator_client):
    response = coordinator_client.get(reverse("reports:annual", args=[2020]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "RADIO-QC" in text  # funded in 2020 (A1)
    assert "25,000 EUR" in text and "40,000 CAD" in text
    headline = {row.key: (value, before) for row, value, before in response.context["headline"]}
    assert headline["events"] == (2, 1)
    assert headline["projects_born"] == (2, 0)
    figures = html_figures(response.content)
    assert figures[("meetings_held", "2019")] == 3 and ("meetings_held", "total") not in figures


def test_annual_report_lists_the_outcomes_of_the_year(pipeline, coordinator_client):
    text = coordinator_client.get(reverse("reports:annual", args=[2022])).content.decode()
    assert "Université de Sherbrooke ouvre son bureau européen à Lyon" in text.replace("&#x27;", "'")
    assert "Subvention FRQS" in text


def test_annual_report_of_a_year_out_of_range_is_not_found(db, coordinator_client):
    assert coordinator_client.get(reverse("reports:annual", args=[1999])).status_code == 404
    assert coordinator_client.get(reverse("reports:annual", args=[2999])).status_code == 404


def test_figures_are_kept_then_recomputed_in_the_background(pipeline, coordinator_client, settings):
    from datetime import timedelta

    from passerelle.jobs.models import Job, JobStatus
    from passerelle.reports.figures import REFRESH_HANDLER
    from passerelle.reports.models import FigureSet, Outcome

    settings.REPORTS_REFRESH_SECONDS = 600

    def outcomes_total():
        return coordinator_client.get(reverse("reports:dashboard")).context["table"].row("outcomes").total

    assert outcomes_total() == 5  # first visit: the sets are computed and kept
    assert set(FigureSet.objects.values_list("territory", flat=True)) == {"", "AURA", "QC", "OTHER"}
    Outcome.objects.filter(pk=pipeline.outcomes["X4"].pk).delete()
    assert outcomes_total() == 5  # still the kept figure, on every page alike
    assert api_figures(coordinator_client.get(reverse("api-indicators")).json())[("outcomes", "total")] == 5
    assert not Job.objects.filter(handler=REFRESH_HANDLER).exists()  # fresh figures: nothing queued

    # A coordinator asks for new figures: a background job (run at once by the test backend).
    response = coordinator_client.post(reverse("reports:refresh"))
    job = Job.objects.get(handler=REFRESH_HANDLER)
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.result["url"] == reverse("reports:dashboard")
    assert outcomes_total() == 4

    # Figures older than REPORTS_REFRESH_SECONDS are shown, and a refresh is queued behind them.
    Outcome.objects.filter(pk=pipeline.outcomes["X3"].pk).delete()
    FigureSet.objects.update(computed_at=FigureSet.objects.first().computed_at - timedelta(seconds=601))
    response = coordinator_client.get(reverse("reports:dashboard"))
    assert response.context["table"].row("outcomes").total == 4
    assert "Figures computed on" in response.content.decode()
    assert Job.objects.filter(handler=REFRESH_HANDLER).count() == 2
    assert outcomes_total() == 3


def test_kept_figures_are_the_computed_ones_for_every_filter(pipeline, coordinator_client, settings):
    """Every standing set read from the database gives the numbers computed on the spot."""
    queries = [PERIOD, "year_from=2020&year_to=2020&territory=QC", "territory=AURA&year_from=2021",
               "year_to=2020&territory=OTHER", ""]
    computed = {q: html_figures(coordinator_client.get(f"{reverse('reports:dashboard')}?{q}").content)
                for q in queries}
    settings.REPORTS_REFRESH_SECONDS = 600
    for query in queries:
        kept = html_figures(coordinator_client.get(f"{reverse('reports:dashboard')}?{query}").content)
        assert kept == computed[query], query
    api = api_figures(coordinator_client.get(f"{reverse('api-indicators')}?year=2020&territory=QC").json())
    assert api == computed["year_from=2020&year_to=2020&territory=QC"]


def test_only_coordinators_recompute_the_figures(pipeline, client, member_client, settings):
    from passerelle.jobs.models import Job

    settings.REPORTS_REFRESH_SECONDS = 600
    url = reverse("reports:refresh")
    assert member_client.post(url).status_code == 403
    member_client.logout()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not Job.objects.exists()


def test_recompute_needs_a_post(coordinator_client):
    assert coordinator_client.get(reverse("reports:refresh")).status_code == 405


def test_exports_escape_text_cells_and_keep_figures_as_numbers(pipeline, coordinator_client, monkeypatch):
    import csv
    import io

    import openpyxl

    from passerelle.reports import tables

    formula = '=HYPERLINK("http://evil.example/","x")'
    monkeypatch.setattr(tables.Row, "definition", property(lambda row: formula))
    response = coordinator_client.get(f"{reverse('reports:export', args=['xlsx'])}?{PERIOD}")
    cells = [c for sheet in openpyxl.load_workbook(io.BytesIO(response.content)).worksheets
             for row in sheet.iter_rows(min_row=2) for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert {c.value for c in cells if "evil.example" in str(c.value)} == {"'" + formula}
    assert 90000 in [c.value for c in cells if c.data_type == "n"]
    response = coordinator_client.get(f"{reverse('reports:export', args=['csv'])}?{PERIOD}")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert {row["definition"] for row in rows} == {"'" + formula}


@pytest.mark.django_db
def test_the_exports_speak_the_readers_language(coordinator_client):
    response = coordinator_client.get(reverse("reports:export", args=["csv"]), HTTP_ACCEPT_LANGUAGE="fr")
    header = response.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:4] == ["clé", "indicateur", "partie", "unité"] and header[-2:] == ["total", "définition"]
    first = response.content.decode("utf-8-sig").splitlines()[1]
    assert ",nombre," in first or ",taux (%)," in first or ",montant," in first or ",jours," in first
