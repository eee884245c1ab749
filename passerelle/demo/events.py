"""Demo history of the cooperation: 18 events from 2018 to 2026 and one upcoming event in 2027.

One Entretiens Jacques Cartier a year, alternating between Québec (even years) and
Auvergne-Rhône-Alpes (odd years), missions, researchers' tours, a delegation visit to
Sherbrooke, workshops and a webinar; each with a programme, delegations and registrations drawn
deterministically from the directory's people. Organisations are the real ones, found by
acronym (missing ones are skipped). ``seed_events(...)`` is idempotent: events are keyed by slug.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from passerelle.core.enums import Territory, TimeZone
from passerelle.core.models import CancerSite, CsoCategory
from passerelle.directory.models import Organisation, Person
from passerelle.events import services
from passerelle.events.enums import (
    EventKind,
    EventStatus,
    ItemKind,
    RegistrationRole,
    RegistrationStatus,
)
from passerelle.events.models import Delegation, Event, Place, ProgrammeItem, Registration

from .event_programmes import DAY_PLANS, TALKS, Slot

K = EventKind
QC_TZ, AURA_TZ = TimeZone.MONTREAL, TimeZone.PARIS
VENUES = {
    "Lyon": ("Centre Léon Bérard", "AURA"), "Grenoble": ("Université Grenoble Alpes", "AURA"),
    "Clermont-Ferrand": ("Université Clermont Auvergne", "AURA"),
    "Saint-Étienne": ("Institut de Cancérologie Lucien Neuwirth", "AURA"),
    "Montréal": ("Centre de recherche du CHUM", "QC"), "Québec": ("Université Laval", "QC"),
    "Sherbrooke": ("Université de Sherbrooke", "QC"), "Ottawa": ("Ambassade de France au Canada", "OTHER"),
    "En ligne": ("Visioconférence", ""),
}
# Organisations visited in each city (acronyms of core/data/organisations.csv).
HOSTS = {
    "Lyon": ["CLB", "CRCL", "CIRC", "HCL"], "Grenoble": ["IAB", "CHUGA", "CEA"], "Clermont-Ferrand": ["CJP", "UCA"],
    "Saint-Étienne": ["ICLN", "UJM"], "Montréal": ["CRCHUM", "IRIC", "GCI", "LDI"], "Québec": ["CRCHUQ", "ULaval"],
    "Sherbrooke": ["CRCHUS", "UdeS", "CHUS"], "Ottawa": [], "En ligne": [],
}


@dataclass(frozen=True)
class EventSpec:
    slug: str
    kind: str
    title_fr: str
    title_en: str
    first_day: date
    days: int
    cities: tuple[str, ...]
    organisers: tuple[str, ...]
    categories: tuple[str, ...] = ()
    sites: tuple[int, ...] = ()
    participants: int = 40
    capacity: int | None = None
    travellers: str = ""  # territory the delegation comes from ("" → none)
    upcoming: bool = False
    description_fr: str = ""
    description_en: str = ""
    time_zone: str = ""  # default: the zone of the first city

    @property
    def zone(self) -> str:
        if self.time_zone:
            return self.time_zone
        return AURA_TZ if VENUES[self.cities[0]][1] == "AURA" else QC_TZ


def _ejc(year: int, day: date, cities: tuple[str, ...], participants: int, **extra) -> EventSpec:
    """Even years in Québec, odd years in Auvergne-Rhône-Alpes (2020 online, in Québec's hours)."""
    in_quebec = year % 2 == 0
    host_fr, host_en = ("au Québec", "in Québec") if in_quebec else ("en Auvergne-Rhône-Alpes",
                                                                      "in Auvergne-Rhône-Alpes")
    if cities == ("En ligne",):
        host_fr, host_en = "en ligne", "online"
    fields = dict(
        slug=f"entretiens-jacques-cartier-{year}", kind=K.ANNUAL_MEETING,
        title_fr=f"Entretiens Jacques Cartier {year} — cancérologie",
        title_en=f"Jacques Cartier Meetings {year} — oncology",
        first_day=day, days=min(len(cities) + 1, 5), cities=cities, organisers=("CLARA", "CJC", "FRQS"),
        categories=("5", "2"), participants=participants, travellers="AURA" if in_quebec else "QC",
        time_zone=QC_TZ if in_quebec else AURA_TZ,
        description_fr=f"Rencontre bilatérale annuelle France–Québec en cancérologie, tenue {host_fr} : "
                       "conférences, tables rondes, rendez-vous d'affaires et visites de laboratoires.",
        description_en=f"The annual France–Québec bilateral meeting in oncology, held {host_en}: talks, "
                       "panels, one-to-one meetings and laboratory visits.",
    )
    fields.update(extra)
    return EventSpec(**fields)


EVENTS: tuple[EventSpec, ...] = (
    _ejc(2018, date(2018, 11, 19), ("Québec", "Montréal"), 70),
    _ejc(2019, date(2019, 11, 18), ("Lyon", "Grenoble"), 85),
    _ejc(2020, date(2020, 11, 16), ("En ligne",), 110, travellers=""),
    _ejc(2021, date(2021, 11, 22), ("Lyon",), 75),
    _ejc(2022, date(2022, 10, 17), ("Québec", "Montréal"), 80),
    _ejc(2023, date(2023, 11, 20), ("Lyon", "Clermont-Ferrand"), 90),
    _ejc(2024, date(2024, 10, 7), ("Montréal", "Québec", "Sherbrooke", "Ottawa"), 95),
    _ejc(2025, date(2025, 11, 17), ("Lyon", "Grenoble", "Clermont-Ferrand", "Saint-Étienne"), 100),
    _ejc(2026, date(2026, 10, 5), ("Montréal", "Québec"), 90),
    EventSpec("mission-imagerie-quebec-2018", K.MISSION, "Mission imagerie et radiomique au Québec",
              "Imaging and radiomics mission to Québec", date(2018, 5, 14), 3, ("Montréal", "Sherbrooke"),
              ("CLARA", "CJC"), ("2", "4"), (6, 12), 14, travellers="AURA"),
    EventSpec("delegation-immuno-oncologie-lyon-2019", K.INCOMING_DELEGATION,
              "Délégation québécoise en immuno-oncologie à Lyon", "Québec immuno-oncology delegation in Lyon",
              date(2019, 3, 25), 2, ("Lyon",), ("CLARA", "Oncopole"), ("5",), (), 18, travellers="QC"),
    EventSpec("tournee-chercheurs-lyon-grenoble-2019", K.RESEARCHERS_TOUR,
              "Tournée de chercheurs québécois à Lyon et Grenoble", "Québec researchers' tour of Lyon and Grenoble",
              date(2019, 6, 3), 3, ("Lyon", "Grenoble"), ("CLARA", "CJC", "UGA"), ("1", "5"), (), 16,
              travellers="QC"),
    EventSpec("webinaire-samuel-de-champlain-2021", K.WEBINAR,
              "Webinaire Samuel-De Champlain : monter un projet conjoint",
              "Samuel-De Champlain webinar: building a joint project", date(2021, 3, 16), 1, ("En ligne",),
              ("CLARA", "MRIF", "CPCFQ"), (), (), 60, capacity=100, time_zone=AURA_TZ),
    EventSpec("visite-sherbrooke-2022", K.SITE_VISIT, "Visite d'une délégation AURA à Sherbrooke",
              "AURA delegation visit to Sherbrooke", date(2022, 5, 16), 2, ("Sherbrooke",),
              ("CLARA", "UdeS"), ("4", "5"), (), 15, travellers="AURA"),
    EventSpec("atelier-radiomique-ia-2022", K.WORKSHOP, "Atelier radiomique et IA en oncologie",
              "Radiomics and AI in oncology workshop", date(2022, 9, 22), 1, ("Grenoble",),
              ("CLARA", "UGA", "Mila"), ("2", "4"), (6,), 32, capacity=40),
    EventSpec("mission-immunotherapie-montreal-2023", K.MISSION, "Mission immunothérapie à Montréal",
              "Immunotherapy mission to Montréal", date(2023, 5, 8), 3, ("Montréal",),
              ("CLARA", "CJC", "Oncopole"), ("5",), (), 15, travellers="AURA"),
    EventSpec("tournee-jeunes-chercheurs-lyon-grenoble-2024", K.RESEARCHERS_TOUR,
              "Tournée de jeunes chercheurs à Lyon et Grenoble", "Early-career researchers' tour of Lyon and Grenoble",
              date(2024, 4, 15), 3, ("Lyon", "Grenoble"), ("CLARA", "CJC"), ("1", "2"), (), 14,
              travellers="QC"),
    EventSpec("atelier-patients-partenaires-2025", K.WORKSHOP, "Atelier patients partenaires France–Québec",
              "France–Québec patient partners workshop", date(2025, 6, 12), 1, ("Québec",),
              ("CPCQ", "Ligue 69", "CLARA"), ("6",), (), 28, capacity=35),
    _ejc(2027, date(2027, 6, 7), ("Lyon", "Grenoble"), 24, capacity=120, upcoming=True),
)


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def seed_events(specs: tuple[EventSpec, ...] = EVENTS) -> SeedReport:
    report = SeedReport()
    organisations = {o.acronym or o.name: o for o in Organisation.objects.all()}
    for spec in specs:
        if Event.objects.filter(slug=spec.slug).exists():
            report.skipped.append(spec.slug)
            continue
        with transaction.atomic():
            _seed_event(spec, organisations, random.Random(spec.slug))
        report.created.append(spec.slug)
    return report


def _aware(spec: EventSpec, day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=ZoneInfo(spec.zone))


def _seed_event(spec: EventSpec, organisations: dict[str, Organisation], rng: random.Random) -> Event:
    last_day = spec.first_day + timedelta(days=spec.days - 1)
    plan = DAY_PLANS[spec.kind]
    start = _aware(spec, spec.first_day, plan(0, spec.days)[0].start)
    end = _aware(spec, last_day, plan(spec.days - 1, spec.days)[-1].end)
    opens = start - timedelta(days=120)
    closes = start - timedelta(days=7)
    if spec.upcoming:  # open now, whenever the demo is loaded
        opens = min(opens, timezone.now() - timedelta(days=1))
    event = Event(slug=spec.slug, kind=spec.kind, title_fr=spec.title_fr, title_en=spec.title_en,
                  description_fr=spec.description_fr, description_en=spec.description_en, start=start, end=end,
                  time_zone=spec.zone, capacity=spec.capacity, registration_opens=opens, registration_closes=closes)
    services.event_save(
        actor=None, event=event,
        categories=CsoCategory.objects.filter(code__in=spec.categories),
        sites=CancerSite.objects.filter(icrp_code__in=spec.sites),
        organisers=[organisations[a] for a in spec.organisers if a in organisations],
    )
    places = [Place.objects.create(event=event, name=VENUES[city][0], city=city, territory=VENUES[city][1],
                                   position=i) for i, city in enumerate(spec.cities)]
    registrations = _register_people(event, spec, rng)
    delegation = _delegation(event, spec, registrations)
    _programme(event, spec, places, organisations, registrations, delegation, rng)
    for status in (EventStatus.PUBLISHED, EventStatus.REGISTRATION_OPEN):
        services.event_set_status(actor=None, event=event, to_status=status)
    if not spec.upcoming:
        for status in (EventStatus.CLOSED, EventStatus.HELD):
            services.event_set_status(actor=None, event=event, to_status=status)
    return event


def _register_people(event: Event, spec: EventSpec, rng: random.Random) -> list[Registration]:
    people = Person.objects.order_by("pk")
    if spec.upcoming:  # leave the demo accounts free to register themselves
        people = people.filter(user__isnull=True)
    by_territory = {t: list(people.filter(territory=t).values_list("pk", flat=True)) for t in Territory.values}
    host_side = "AURA" if spec.zone == AURA_TZ else "QC"
    travellers = spec.travellers or ("QC" if host_side == "AURA" else "AURA")
    wanted = {travellers: spec.participants // 2, host_side: spec.participants - spec.participants // 2}
    chosen: list[tuple[int, str]] = []
    for territory, count in wanted.items():
        pool = by_territory.get(territory, [])
        role = RegistrationRole.DELEGATE if territory == travellers else RegistrationRole.HOST
        chosen += [(pk, role) for pk in rng.sample(pool, min(count, len(pool)))]
    if by_territory["OTHER"]:
        chosen.append((rng.choice(by_territory["OTHER"]), RegistrationRole.VISITOR))
    if chosen:
        chosen[0] = (chosen[0][0], RegistrationRole.ORGANISER)
    registrations = []
    for i, (pk, role) in enumerate(chosen):
        queued = event.registration_opens + timedelta(hours=7 * i + 1)
        status = RegistrationStatus.CANCELLED if i % 17 == 16 else RegistrationStatus.CONFIRMED
        registrations.append(Registration(
            event=event, person_id=pk, role=role, status=status, consent_to_list=rng.random() < 0.85,
            queued_at=queued, confirmed_at=queued,
            cancelled_at=queued + timedelta(days=3) if status == RegistrationStatus.CANCELLED else None))
    return Registration.objects.bulk_create(registrations)


def _delegation(event: Event, spec: EventSpec, registrations: list[Registration]) -> Delegation | None:
    if not spec.travellers:
        return None
    members = [r.person_id for r in registrations
               if r.role == RegistrationRole.DELEGATE and r.status == RegistrationStatus.CONFIRMED]
    if not members:
        return None
    destination = "QC" if spec.travellers == "AURA" else "AURA"
    name = "Délégation Auvergne-Rhône-Alpes" if spec.travellers == "AURA" else "Délégation québécoise"
    delegation = Delegation.objects.create(event=event, name=name, origin=spec.travellers,
                                           destination=destination, head_id=members[0])
    delegation.members.set(members)
    return delegation


def _programme(event: Event, spec: EventSpec, places: list[Place], organisations: dict[str, Organisation],
               registrations: list[Registration], delegation: Delegation | None, rng: random.Random) -> None:
    speakers = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    talks = list(TALKS)
    rng.shuffle(talks)
    visited: set[str] = set()
    for day_index in range(spec.days):
        day = spec.first_day + timedelta(days=day_index)
        place = places[min(day_index, len(places) - 1)]
        plan = DAY_PLANS[spec.kind](day_index, spec.days)
        for slot in plan:
            _add_item(event, spec, day, place, slot, organisations, speakers, talks, visited, delegation, rng)
    spoke = ProgrammeItem.speakers.through.objects.filter(programmeitem__event=event).values("person_id")
    event.registrations.filter(person_id__in=spoke).update(role=RegistrationRole.SPEAKER)


def _add_item(event, spec, day, place, slot: Slot, organisations, speakers, talks, visited, delegation, rng) -> None:
    item = ProgrammeItem(event=event, kind=slot.kind, title_fr=slot.title_fr, title_en=slot.title_en,
                         start=_aware(spec, day, slot.start), end=_aware(spec, day, slot.end), place=place,
                         room=slot.room)
    chosen: list[Person] = []
    if slot.kind == ItemKind.VISIT:
        hosts = [a for a in HOSTS[place.city] if a in organisations and a not in visited]
        if not hosts:
            return
        host = organisations[hosts[0]]
        visited.add(hosts[0])
        item.visited_organisation = host
        item.title_fr, item.title_en = f"Visite : {host.name}", f"Visit: {host.name}"
        item.room = ""
        item.delegation = delegation
    elif slot.kind in (ItemKind.TALK, ItemKind.PANEL) and talks:
        title_fr, title_en = talks.pop()
        item.title_fr, item.title_en = f"{slot.title_fr} : {title_fr}", f"{slot.title_en}: {title_en}"
        count = 1 if slot.kind == ItemKind.TALK else 3
        chosen = [r.person for r in rng.sample(speakers, min(count, len(speakers)))]
    services.programme_item_save(actor=None, item=item, speakers=chosen)
