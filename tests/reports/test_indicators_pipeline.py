"""Indicators of meetings, projects, funding and outcomes on the hand-built world and its pipeline
(``world.py``, ``pipeline.py``): every expected figure is counted by hand from the rows listed there."""
from __future__ import annotations

from decimal import Decimal

from passerelle.reports.indicators import Ratio
from passerelle.reports.indicators.community import organisations_active, people_active
from passerelle.reports.indicators.funding import (
    applications,
    money_granted,
    money_requested,
    success_rate,
    time_to_funding,
)
from passerelle.reports.indicators.meetings import (
    cross_border_meetings,
    meeting_requests,
    meetings_held,
    no_show_rate,
    useful_rate,
)
from passerelle.reports.indicators.outcomes import follow_on_funding, outcomes, outcomes_by_kind
from passerelle.reports.indicators.projects import opportunities, projects_born

from .figures_io import ALL, figures


def test_meeting_requests_count_every_request_sent_whatever_its_answer(pipeline):
    # 2019: R1, R2, R3, R9, R4 (declined), R5 (its meeting cancelled) · 2020: R6, R7 (pending) · 2021: R8
    assert figures(meeting_requests(ALL)) == ({2019: 6, 2020: 2, 2021: 1}, 9)
    # Québec: all but R3 (farid → alice).
    assert figures(meeting_requests(ALL.but(territory="QC"))) == ({2019: 5, 2020: 2, 2021: 1}, 8)


def test_meetings_held_leave_out_cancelled_no_shows_and_future_meetings(pipeline):
    # M1, M2, M7 in 2019, M5 in 2020; not M3 (no-show), M4 (cancelled), M6 (2030).
    assert figures(meetings_held(ALL)) == ({2019: 3, 2020: 1}, 4)
    assert figures(meetings_held(ALL.but(territory="AURA"))) == ({2019: 2, 2020: 1}, 3)  # M7 is Québec–Québec
    assert figures(meetings_held(ALL.but(territory="OTHER"))) == ({}, 0)
    assert figures(meetings_held(ALL.but(category="5"))) == ({2019: 1, 2020: 1}, 2)  # alice's: M1, M5
    assert figures(meetings_held(ALL.but(event=pipeline.meetings["M5"].session.event_id))) == ({2020: 1}, 1)


def test_cross_border_meetings_need_both_territories_at_the_table(pipeline):
    assert figures(cross_border_meetings(ALL)) == ({2019: 2, 2020: 1}, 3)  # M1, M2, M5 (not M7)


def test_useful_rate_counts_answers_with_an_opinion(pipeline):
    # 2019: alice yes, chloe yes, bruno no (denis had no opinion) · 2020: alice yes.
    assert figures(useful_rate(ALL)) == ({2019: Ratio(2, 3), 2020: Ratio(1, 1)}, Ratio(3, 4))
    assert useful_rate(ALL).total.value == 0.75
    assert figures(useful_rate(ALL.but(territory="QC"))) == ({2019: Ratio(1, 1)}, Ratio(1, 1))  # chloe


def test_no_show_rate_among_past_meetings_with_feedback(pipeline):
    # Feedback on M1, M2, M3 (2019) and M5 (2020); farid said M3 did not take place.
    assert figures(no_show_rate(ALL)) == ({2019: Ratio(1, 3), 2020: Ratio(0, 1)}, Ratio(1, 4))


def test_opportunities_whatever_became_of_them(pipeline):
    assert figures(opportunities(ALL)) == ({2019: 1, 2020: 1, 2021: 1}, 3)
    assert figures(opportunities(ALL.but(territory="AURA"))) == ({2019: 1, 2020: 1}, 2)  # O3 is emma's (QC)
    e1 = pipeline.meetings["M1"].session.event_id
    assert figures(opportunities(ALL.but(event=e1))) == ({2019: 1}, 1)  # O1, born at E1's meeting M1


def test_projects_born_in_their_start_year_or_the_year_recorded(pipeline):
    # P1 starts 1 Jan 2020 (recorded in 2019); P2 has no start, recorded 10 Jun 2020; P3 is a draft.
    assert figures(projects_born(ALL)) == ({2020: 2}, 2)
    assert figures(projects_born(ALL.but(category="5"))) == ({2020: 1}, 1)  # P1 is tagged 5.3
    assert figures(projects_born(ALL.but(year_to=2019))) == ({}, 0)
    e1 = pipeline.meetings["M1"].session.event_id
    assert figures(projects_born(ALL.but(event=e1))) == ({2020: 1}, 1)


def test_applications_and_success_rate(pipeline):
    assert figures(applications(ALL)) == ({2020: 2, 2021: 1}, 3)  # A1, A2 · A3 (A4 is a draft)
    assert figures(success_rate(ALL)) == ({2020: Ratio(1, 2), 2021: Ratio(1, 1)}, Ratio(2, 3))
    assert figures(success_rate(ALL.but(category="5"))) == ({2020: Ratio(1, 1)}, Ratio(1, 1))  # P1's A1


def test_money_is_summed_per_currency_and_never_converted(pipeline):
    assert figures(money_requested(ALL)) == (
        {2020: {"EUR": Decimal("50000"), "CAD": Decimal("45000")}, 2021: {"CAD": Decimal("50000")}},
        {"EUR": Decimal("50000"), "CAD": Decimal("95000")},
    )
    assert figures(money_granted(ALL)) == (
        {2020: {"EUR": Decimal("25000"), "CAD": Decimal("40000")}, 2021: {"CAD": Decimal("50000")}},
        {"EUR": Decimal("25000"), "CAD": Decimal("90000")},
    )
    assert figures(money_granted(ALL.but(year_from=2021))) == ({2021: {"CAD": Decimal("50000")}},
                                                             {"CAD": Decimal("50000")})


def test_days_from_first_meeting_to_funding(pipeline):
    # P1: meeting M1 (10 Oct 2019, where O1 was born) → A1 funded 15 Jun 2020: 249 days.
    # P2: O2 came from a suggestion; bruno and denis first met at M2 (10 Oct 2019) → A3 funded 2 Jun 2021
    # (366 days to 10 Oct 2020, then 235): 601 days. Median of 249 and 601: 425.
    assert figures(time_to_funding(ALL)) == ({2020: 249, 2021: 601}, 425)
    assert figures(time_to_funding(ALL.but(year_from=2021))) == ({2021: 601}, 601)
    assert figures(time_to_funding(ALL.but(year_to=2019))) == ({}, None)


def test_outcomes_by_kind_and_territory(pipeline):
    assert figures(outcomes(ALL)) == ({2021: 2, 2022: 2, 2023: 1}, 5)
    assert figures(outcomes_by_kind(ALL)) == (
        {2021: {"publication": 1, "exchange": 1}, 2022: {"new_site": 1, "follow_on_funding": 1},
         2023: {"follow_on_funding": 1}},
        {"publication": 1, "exchange": 1, "new_site": 1, "follow_on_funding": 2},
    )
    # Québec: X1 and X4 (no territory, projects with a Québec partner) and X3 (placed in Québec).
    assert figures(outcomes(ALL.but(territory="QC"))) == ({2021: 2, 2022: 1}, 3)
    assert figures(outcomes(ALL.but(territory="AURA"))) == ({2021: 2, 2022: 1, 2023: 1}, 4)  # not X3
    assert figures(outcomes(ALL.but(category="5"))) == ({2021: 1, 2022: 1, 2023: 1}, 3)  # P1's X1, X2, X5


def test_follow_on_funding_per_currency(pipeline):
    assert figures(follow_on_funding(ALL)) == (
        {2022: {"CAD": Decimal("120000")}, 2023: {"EUR": Decimal("50000")}},
        {"CAD": Decimal("120000"), "EUR": Decimal("50000")},
    )


def test_people_and_organisations_active_through_meetings_and_projects(pipeline):
    # 2020 now adds bruno (P2 born) to alice, chloe, denis, farid; CRCL becomes active through him.
    assert figures(people_active(ALL)) == ({2019: 5, 2020: 5, 2021: 1}, 5)
    assert figures(organisations_active(ALL)) == ({2019: 4, 2020: 4, 2021: 1}, 4)
    # Emma only sent a request and had an idea: she is never counted.
    assert figures(people_active(ALL.but(territory="QC"))) == ({2019: 2, 2020: 2}, 2)
