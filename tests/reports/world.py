"""A small hand-built world whose figures are written out by hand in the tests.

Four organisations, six people, seven events (one draft, one cancelled, one to come), their
registrations, delegations and programme items. Every figure the tests expect can be counted on
this page with a pencil; the comments say which rows make each one.

    organisations  CLB (AURA) · CRCL (AURA) · CRCHUM (QC) · UdeS (QC)
    people         alice (AURA, CLB) · bruno (AURA, CRCL) · chloe (QC, CRCHUM) · denis (QC, UdeS)
                   emma (QC, no organisation) · farid (AURA, CLB)
    events         E1 ejc-2019   10 Oct 2019, Lyon (AURA), held, theme CSO 5.3 + breast (7), co-organised by CLB
                   E2 mission-2020  5 Mar 2020, Montréal (QC), held, theme CSO 1.1, co-organised by CRCHUM
                   E3 webinar-2020  20 Nov 2020, online (no territory), held
                   E4 cancelled-2020 (cancelled) · E5 draft-2019 (draft) · E6 future (registration open, 2030)
                   E7 new-year-2021  31 Dec 2020 23:30 UTC = 1 Jan 2021 00:30 in Lyon, Grenoble (AURA), held
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from passerelle.core.enums import Territory
from passerelle.core.models import CancerSite, CsoCategory
from passerelle.events.enums import EventKind, EventStatus, ItemKind, ItemStatus, RegistrationStatus
from passerelle.events.models import Event
from tests.events.factories import (
    DelegationFactory,
    EventFactory,
    PlaceFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
)
from tests.factories import OrganisationFactory, PersonFactory

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")


def paris(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=PARIS)


def event(slug: str, start: datetime, status: str = EventStatus.HELD, kind: str = EventKind.ANNUAL_MEETING,
          city: str = "", territory: str = "") -> Event:
    created = EventFactory(slug=slug, kind=kind, start=start, end=start + timedelta(days=2), status=status,
                           registration_opens=None, registration_closes=None)
    if city:
        PlaceFactory(event=created, name=city, city=city, territory=territory)
    return created


@dataclass
class World:
    orgs: dict
    people: dict
    events: dict


def build_world() -> World:
    clb = OrganisationFactory(name="Centre Léon Bérard", acronym="CLB", territory=Territory.AURA)
    crcl = OrganisationFactory(name="Centre de recherche en cancérologie de Lyon", acronym="CRCL",
                               territory=Territory.AURA)
    crchum = OrganisationFactory(name="Centre de recherche du CHUM", acronym="CRCHUM", territory=Territory.QC,
                                 city="Montréal")
    udes = OrganisationFactory(name="Université de Sherbrooke", acronym="UdeS", territory=Territory.QC,
                               city="Sherbrooke")
    people = {
        "alice": PersonFactory(first_name="Alice", territory=Territory.AURA, organisation=clb),
        "bruno": PersonFactory(first_name="Bruno", territory=Territory.AURA, organisation=crcl),
        "chloe": PersonFactory(first_name="Chloé", territory=Territory.QC, organisation=crchum),
        "denis": PersonFactory(first_name="Denis", territory=Territory.QC, organisation=udes),
        "emma": PersonFactory(first_name="Emma", territory=Territory.QC),
        "farid": PersonFactory(first_name="Farid", territory=Territory.AURA, organisation=clb),
    }
    p = people
    e1 = event("ejc-2019", paris(2019, 10, 10), city="Lyon", territory=Territory.AURA)
    e1.categories.set(CsoCategory.objects.filter(code="5.3"))
    e1.sites.set(CancerSite.objects.filter(icrp_code=7))
    e1.organisers.set([clb])
    e2 = event("mission-2020", paris(2020, 3, 5), kind=EventKind.MISSION, city="Montréal", territory=Territory.QC)
    e2.categories.set(CsoCategory.objects.filter(code="1.1"))
    e2.organisers.set([crchum])
    e3 = event("webinar-2020", paris(2020, 11, 20), kind=EventKind.WEBINAR, city="En ligne")
    e4 = event("cancelled-2020", paris(2020, 6, 1), status=EventStatus.CANCELLED, city="Lyon",
               territory=Territory.AURA)
    e5 = event("draft-2019", paris(2019, 5, 1), status=EventStatus.DRAFT, city="Lyon", territory=Territory.AURA)
    e6 = event("future-2030", paris(2030, 5, 1), status=EventStatus.REGISTRATION_OPEN, city="Québec",
               territory=Territory.QC)
    e7 = event("new-year-2021", datetime(2020, 12, 31, 23, 30, tzinfo=UTC), city="Grenoble",
               territory=Territory.AURA)

    confirmed, waiting, cancelled = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING,
                                     RegistrationStatus.CANCELLED)
    for ev, person, status in [
        (e1, "alice", confirmed), (e1, "bruno", confirmed), (e1, "chloe", confirmed),
        (e1, "denis", waiting), (e1, "emma", cancelled),
        (e2, "alice", confirmed), (e2, "chloe", confirmed), (e2, "denis", confirmed),
        (e3, "chloe", confirmed), (e3, "farid", confirmed),
        (e4, "bruno", confirmed), (e5, "emma", confirmed), (e6, "emma", confirmed),
        (e7, "bruno", confirmed),
    ]:
        RegistrationFactory(event=ev, person=p[person], status=status)

    qc_2019 = DelegationFactory(event=e1, name="Délégation québécoise 2019", origin="QC", destination="AURA")
    qc_2019.members.set([p["chloe"], p["denis"]])
    aura_2020 = DelegationFactory(event=e2, name="Délégation AURA 2020", origin="AURA", destination="QC")
    aura_2020.members.set([p["alice"]])
    DelegationFactory(event=e4, name="Annulée", origin="QC", destination="AURA").members.set([p["emma"]])

    ProgrammeItemFactory(event=e1, kind=ItemKind.VISIT, visited_organisation=crcl, delegation=qc_2019,
                         start=paris(2019, 10, 11), end=paris(2019, 10, 11, 11))
    talk = ProgrammeItemFactory(event=e1, kind=ItemKind.TALK, start=paris(2019, 10, 10, 10),
                                end=paris(2019, 10, 10, 11))
    talk.speakers.set([p["farid"]])
    ProgrammeItemFactory(event=e2, kind=ItemKind.VISIT, visited_organisation=udes, start=paris(2020, 3, 6),
                         end=paris(2020, 3, 6, 11))
    ProgrammeItemFactory(event=e2, kind=ItemKind.VISIT, visited_organisation=crchum, status=ItemStatus.CANCELLED,
                         start=paris(2020, 3, 7), end=paris(2020, 3, 7, 11))
    ProgrammeItemFactory(event=e5, kind=ItemKind.VISIT, visited_organisation=udes, start=paris(2019, 5, 1, 10),
                         end=paris(2019, 5, 1, 11))
    return World(
        orgs={"CLB": clb, "CRCL": crcl, "CRCHUM": crchum, "UdeS": udes},
        people=people,
        events={"E1": e1, "E2": e2, "E3": e3, "E4": e4, "E5": e5, "E6": e6, "E7": e7},
    )
