"""The events and community indicators on the hand-built world (see ``world.py``): every expected
figure below is counted by hand from the rows listed there."""
from __future__ import annotations

from passerelle.reports.indicators.community import organisations_active, people_active
from passerelle.reports.indicators.events import (
    delegates,
    delegations,
    events_accompanied,
    participants,
    participations,
    site_visits,
)

from .figures_io import ALL, figures


def test_events_accompanied_leave_out_drafts_cancelled_and_future_events(world):
    # 2019: E1 · 2020: E2, E3 · 2021: E7 (31 Dec 23:30 UTC is 1 Jan in Lyon). Not E4, E5, E6.
    assert figures(events_accompanied(ALL)) == ({2019: 1, 2020: 2, 2021: 1}, 4)


def test_events_accompanied_by_territory_count_where_they_were_held(world):
    assert figures(events_accompanied(ALL.but(territory="AURA"))) == ({2019: 1, 2021: 1}, 2)  # E1, E7
    assert figures(events_accompanied(ALL.but(territory="QC"))) == ({2020: 1}, 1)  # E2; the webinar has no place
    assert figures(events_accompanied(ALL.but(territory="OTHER"))) == ({}, 0)


def test_events_accompanied_by_theme_include_sub_categories(world):
    assert figures(events_accompanied(ALL.but(category="5"))) == ({2019: 1}, 1)  # E1 is tagged 5.3
    assert figures(events_accompanied(ALL.but(category="5.3"))) == ({2019: 1}, 1)
    assert figures(events_accompanied(ALL.but(category="1"))) == ({2020: 1}, 1)  # E2 is tagged 1.1
    assert figures(events_accompanied(ALL.but(category="5.1"))) == ({}, 0)
    assert figures(events_accompanied(ALL.but(site=7))) == ({2019: 1}, 1)
    assert figures(events_accompanied(ALL.but(site=28))) == ({}, 0)


def test_events_accompanied_in_a_period_and_for_one_event(world):
    assert figures(events_accompanied(ALL.but(year_from=2020, year_to=2020))) == ({2020: 2}, 2)
    assert figures(events_accompanied(ALL.but(year_from=2021))) == ({2021: 1}, 1)
    assert figures(events_accompanied(ALL.but(event=world.events["E2"].pk))) == ({2020: 1}, 1)
    assert figures(events_accompanied(ALL.but(event=world.events["E4"].pk))) == ({}, 0)  # cancelled


def test_participations_count_confirmed_registrations_only(world):
    # 2019: alice, bruno, chloe (denis waits, emma cancelled) · 2020: E2 alice, chloe, denis + E3 chloe,
    # farid · 2021: bruno. E4 (cancelled), E5 (draft), E6 (future) do not count.
    assert figures(participations(ALL)) == ({2019: 3, 2020: 5, 2021: 1}, 9)
    # Québec: chloe at E1; chloe, denis at E2; chloe at E3.
    assert figures(participations(ALL.but(territory="QC"))) == ({2019: 1, 2020: 3}, 4)


def test_participants_are_counted_once_per_year_and_once_over_the_period(world):
    # 2019: alice, bruno, chloe · 2020: alice, chloe, denis, farid · 2021: bruno → 5 different people.
    assert figures(participants(ALL)) == ({2019: 3, 2020: 4, 2021: 1}, 5)
    assert figures(participants(ALL.but(territory="QC"))) == ({2019: 1, 2020: 2}, 2)  # chloe; chloe, denis
    assert figures(participants(ALL.but(territory="AURA", year_from=2020))) == ({2020: 2, 2021: 1}, 3)
    assert figures(participants(ALL.but(event=world.events["E3"].pk))) == ({2020: 2}, 2)


def test_delegations_and_their_members(world):
    assert figures(delegations(ALL)) == ({2019: 1, 2020: 1}, 2)  # the one of cancelled E4 left out
    assert figures(delegations(ALL.but(territory="QC"))) == ({2019: 1}, 1)  # by territory of origin
    assert figures(delegates(ALL)) == ({2019: 2, 2020: 1}, 3)  # chloe, denis · alice
    assert figures(delegates(ALL.but(territory="AURA"))) == ({2020: 1}, 1)


def test_site_visits_leave_out_cancelled_items_and_events(world):
    # E1 → CRCL · E2 → UdeS (the visit of CRCHUM was cancelled; E5 is a draft).
    assert figures(site_visits(ALL)) == ({2019: 1, 2020: 1}, 2)
    assert figures(site_visits(ALL.but(territory="QC"))) == ({2020: 1}, 1)


def test_people_active_gather_registrations_delegations_and_talks(world):
    # 2019: alice, bruno, chloe (registered), denis (delegation), farid (talk) · 2020: alice, chloe,
    # denis, farid · 2021: bruno. Emma never took part in an event that took place.
    assert figures(people_active(ALL)) == ({2019: 5, 2020: 4, 2021: 1}, 5)
    assert figures(people_active(ALL.but(territory="QC"))) == ({2019: 2, 2020: 2}, 2)
    assert figures(people_active(ALL.but(territory="AURA"))) == ({2019: 3, 2020: 2, 2021: 1}, 3)
    assert figures(people_active(ALL.but(category="5"))) == ({2019: 5}, 5)


def test_organisations_active_through_people_visits_and_co_organisation(world):
    # 2019: CLB (alice, farid, co-organiser), CRCL (bruno, visited), CRCHUM (chloe), UdeS (denis)
    # 2020: CLB (alice, farid), CRCHUM (chloe, co-organiser), UdeS (denis, visited) · 2021: CRCL (bruno)
    assert figures(organisations_active(ALL)) == ({2019: 4, 2020: 3, 2021: 1}, 4)
    assert figures(organisations_active(ALL.but(territory="AURA"))) == ({2019: 2, 2020: 1, 2021: 1}, 2)
    assert figures(organisations_active(ALL.but(territory="QC"))) == ({2019: 2, 2020: 2}, 2)
    # E2 alone: alice (CLB), chloe (CRCHUM), denis (UdeS); UdeS visited; CRCHUM co-organised.
    assert figures(organisations_active(ALL.but(event=world.events["E2"].pk))) == ({2020: 3}, 3)
