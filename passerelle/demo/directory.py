"""Writes the demo directory to the database, idempotently and fast.

Organisations go through ``services.organisation_create``/``organisation_update`` (they are
few). People are many, so they take a bulk path: every row, tag, affiliation and audit entry
is built in memory and inserted with ``bulk_create``; the search document is computed from
the same parts, in the same order, as ``search.person_search_document`` and the audit entry
holds what ``audit.person_snapshot`` would (tests check both against the per-row functions).

People are keyed by e-mail address: a profile that already exists is left as it is (so that
edits made during a demo survive a re-run), missing ones are created.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count

from passerelle.accounts.models import Role
from passerelle.core.enums import ActorKind, Territory, Visibility
from passerelle.core.models import CancerSite, CsoCategory, Language, Technique
from passerelle.core.text import search_document
from passerelle.directory import audit, services
from passerelle.directory.models import Affiliation, AuditEntry, Organisation, Person, PersonCategory, PersonSite

from .people import EMAIL_DOMAIN, PersonSpec, generate_people, organisation_rows

DEMO_PASSWORD = "passerelle-demo"
BATCH_SIZE = 2000


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    profile: Person | None = None


DEMO_ACCOUNTS: tuple[tuple[str, str, str | None], ...] = (
    # (e-mail, role, territory of the linked profile)
    ("coordinator@passerelle.demo", Role.COORDINATOR, None),
    ("member@passerelle.demo", Role.MEMBER, Territory.AURA),
    ("membre.qc@passerelle.demo", Role.MEMBER, Territory.QC),
)


@dataclass
class SeedReport:
    organisations_created: int = 0
    organisations_total: int = 0
    people_created: int = 0
    people_by_territory: dict[str, int] = field(default_factory=dict)
    accounts: list[DemoAccount] = field(default_factory=list)


@dataclass(frozen=True)
class Taxonomies:
    """Reference rows by code, loaded once."""

    categories: dict[str, CsoCategory]
    sites: dict[int, CancerSite]
    techniques: dict[str, Technique]
    languages: dict[str, Language]

    @classmethod
    def load(cls) -> Taxonomies:
        return cls(
            categories={c.code: c for c in CsoCategory.objects.all()},
            sites={s.icrp_code: s for s in CancerSite.objects.all()},
            techniques={t.code: t for t in Technique.objects.all()},
            languages={lang.code: lang for lang in Language.objects.all()},
        )


# ---------------------------------------------------------------------------- whole seed

@transaction.atomic
def seed_directory(count: int, seed: int, *, with_accounts: bool = True) -> SeedReport:
    """Organisations of the CSV, ``count`` generated people and (optionally) the demo accounts."""
    report = SeedReport()
    organisations, report.organisations_created = load_organisations()
    report.organisations_total = len(organisations)
    specs = generate_people(count, seed)
    report.people_created = load_people(specs, organisations)
    report.people_by_territory = demo_people_by_territory()
    if with_accounts:
        report.accounts = ensure_demo_accounts(specs)
    return report


def demo_people_by_territory() -> dict[str, int]:
    """How many demo profiles (e-mail under ``EMAIL_DOMAIN``) each territory holds."""
    rows = (Person.objects.filter(email__endswith="@" + EMAIL_DOMAIN).values("territory")
            .annotate(n=Count("pk")).order_by("territory"))
    return {row["territory"]: row["n"] for row in rows}


# ---------------------------------------------------------------------------- organisations

def load_organisations() -> tuple[dict[str, Organisation], int]:
    """Create or update the organisations of the CSV (by name); parents before children."""
    existing = {o.name: o for o in Organisation.objects.select_related("parent")}
    by_acronym: dict[str, Organisation] = {}
    created = 0
    for row in sorted(organisation_rows(), key=lambda r: bool(r.parent_acronym)):
        data: dict[str, Any] = {
            "name": row.name, "acronym": row.acronym, "kind": row.kind, "territory": row.territory,
            "city": row.city, "parent": by_acronym.get(row.parent_acronym),
        }
        organisation = existing.get(row.name)
        if organisation is None:
            organisation = services.organisation_create(actor=None, data=data)
            created += 1
        elif any(getattr(organisation, key) != value for key, value in data.items()):
            organisation = services.organisation_update(actor=None, organisation=organisation, data=data)
        existing[row.name] = organisation
        by_acronym[row.acronym or row.name] = organisation
    return {row.name: existing[row.name] for row in organisation_rows()}, created


# ---------------------------------------------------------------------------- people

def load_people(specs: Sequence[PersonSpec], organisations: dict[str, Organisation]) -> int:
    """Insert the profiles whose e-mail address is not in the directory yet; return how many."""
    taxonomies = Taxonomies.load()
    present = set(Person.objects.filter(email__endswith="@" + EMAIL_DOMAIN).values_list("email", flat=True))
    orcids_taken = set(Person.objects.exclude(orcid="").values_list("orcid", flat=True))
    missing = [s for s in specs if s.email not in present]
    for start in range(0, len(missing), BATCH_SIZE):
        _insert_batch(missing[start:start + BATCH_SIZE], organisations, taxonomies, orcids_taken)
    return len(missing)


def _insert_batch(specs: Sequence[PersonSpec], organisations: dict[str, Organisation], taxonomies: Taxonomies,
                  orcids_taken: set[str]) -> None:
    people = [_person(spec, organisations, taxonomies, orcids_taken) for spec in specs]
    Person.objects.bulk_create(people, batch_size=500)
    pairs = list(zip(specs, people, strict=True))
    PersonCategory.objects.bulk_create(
        [PersonCategory(person=p, category=taxonomies.categories[c]) for s, p in pairs for c in s.categories],
        batch_size=1000)
    PersonSite.objects.bulk_create(
        [PersonSite(person=p, site=taxonomies.sites[code]) for s, p in pairs for code in s.sites], batch_size=1000)
    Person.techniques.through.objects.bulk_create(
        [Person.techniques.through(person=p, technique=taxonomies.techniques[t]) for s, p in pairs
         for t in s.techniques], batch_size=1000)
    Person.languages.through.objects.bulk_create(
        [Person.languages.through(person=p, language=taxonomies.languages[code]) for s, p in pairs
         for code in s.languages], batch_size=1000)
    Affiliation.objects.bulk_create(
        [Affiliation(person=p, organisation=organisations[a.organisation], position=a.position,
                     is_primary=a.is_primary) for s, p in pairs for a in s.affiliations], batch_size=1000)
    AuditEntry.objects.bulk_create(
        [_audit_entry(s, p, organisations, taxonomies) for s, p in pairs], batch_size=500)


def _person(spec: PersonSpec, organisations: dict[str, Organisation], taxonomies: Taxonomies,
            orcids_taken: set[str]) -> Person:
    orcid = spec.orcid if spec.orcid not in orcids_taken else ""
    orcids_taken.add(orcid)
    person = Person(
        first_name=spec.first_name, last_name=spec.last_name, email=spec.email, kind=spec.kind,
        territory=spec.territory, orcid=orcid, expertise=spec.expertise, keywords=spec.keywords,
        offers=spec.offers, seeks=spec.seeks, visibility=spec.visibility, consent_date=spec.consent_date,
    )
    person.search_document = spec_search_document(person, spec, organisations, taxonomies)
    return person


def _ordered_affiliations(spec: PersonSpec) -> list[Any]:
    """Affiliations in ``Affiliation.Meta.ordering`` order: main one first, then by name."""
    return sorted(spec.affiliations, key=lambda a: (not a.is_primary, a.organisation))


def _ordered_techniques(spec: PersonSpec, taxonomies: Taxonomies) -> list[Technique]:
    return sorted((taxonomies.techniques[code] for code in spec.techniques), key=lambda t: t.title_en)


def spec_search_document(person: Person, spec: PersonSpec, organisations: dict[str, Organisation],
                         taxonomies: Taxonomies) -> str:
    """What ``search.person_search_document`` computes once the tags are saved, without a query."""
    parts: list[str] = [person.first_name, person.last_name, person.expertise, person.keywords,
                        person.offers, person.seeks, person.orcid]
    for code in spec.categories:
        category = taxonomies.categories[code]
        parts += [category.code, category.title_en, category.title_fr]
    for icrp_code in spec.sites:
        site = taxonomies.sites[icrp_code]
        parts += [site.title_en, site.title_fr, site.synonyms.replace(";", " ")]
    for technique in _ordered_techniques(spec, taxonomies):
        parts += [technique.title_en, technique.title_fr]
    for item in _ordered_affiliations(spec):
        organisation = organisations[item.organisation]
        parts += [organisation.name, organisation.acronym, organisation.city, item.position]
    return search_document(*parts)


def _snapshot(person: Person, spec: PersonSpec, taxonomies: Taxonomies) -> dict[str, str]:
    """What ``audit.person_snapshot`` records for the new profile."""
    return {
        "first_name": person.first_name, "last_name": person.last_name, "email": person.email,
        "kind": person.kind, "territory": person.territory, "orcid": person.orcid,
        "expertise": person.expertise, "keywords": person.keywords, "offers": person.offers,
        "seeks": person.seeks, "visibility": person.visibility,
        "consent_date": person.consent_date.isoformat() if person.consent_date else "",
        "categories": ", ".join(sorted(spec.categories)),
        "sites": ", ".join(sorted(taxonomies.sites[code].title_en for code in spec.sites)),
        "techniques": ", ".join(sorted(spec.techniques)),
        "languages": ", ".join(sorted(spec.languages)),
        "affiliations": "; ".join(
            f"{a.organisation}{' – ' + a.position if a.position else ''}" for a in _ordered_affiliations(spec)
        ),
    }


def _audit_entry(spec: PersonSpec, person: Person, organisations: dict[str, Organisation],
                 taxonomies: Taxonomies) -> AuditEntry:
    return AuditEntry(
        actor=None, action=AuditEntry.Action.CREATE, object_type="person", object_id=person.pk,
        object_repr=str(person)[:255], changes=audit.diff({}, _snapshot(person, spec, taxonomies)),
    )


# ---------------------------------------------------------------------------- accounts

def demo_profile(specs: Iterable[PersonSpec], territory: str) -> PersonSpec | None:
    """The profile a demo member account is linked to: the first public researcher of the territory."""
    candidates = [s for s in specs if s.territory == territory]
    for preferred in (
        lambda s: s.visibility == Visibility.PUBLIC and s.kind == ActorKind.RESEARCHER,
        lambda s: s.visibility == Visibility.PUBLIC,
        lambda s: True,
    ):
        matching = [s for s in candidates if preferred(s)]
        if matching:
            return matching[0]
    return None


def ensure_demo_accounts(specs: Sequence[PersonSpec]) -> list[DemoAccount]:
    """Create or reset the demo accounts (password ``DEMO_PASSWORD``) and link the member profiles."""
    accounts = []
    for email, role, territory in DEMO_ACCOUNTS:
        spec = demo_profile(specs, territory) if territory else None
        person = Person.objects.filter(email=spec.email).first() if spec else None
        user = _demo_user(email, role, person)
        if person is not None and person.user_id != user.pk:
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            services.person_link_user(person=person, user=user)
        accounts.append(DemoAccount(email=email, role=role, profile=person))
    return accounts


def demo_coordinator() -> Any:
    """The first active coordinator account, who acts in the demo's story (the later seed commands
    need it); a CommandError when there is none yet."""
    coordinator = get_user_model().objects.filter(role=Role.COORDINATOR, is_active=True).order_by("pk").first()
    if coordinator is None:
        raise CommandError("No coordinator account: run seed_demo first.")
    return coordinator


def _demo_user(email: str, role: str, person: Person | None) -> Any:
    users = get_user_model().objects
    names = ({"first_name": person.first_name, "last_name": person.last_name} if person
             else {"first_name": "Coordination", "last_name": "Passerelle"})
    user = users.filter(email=email).first()
    if user is None:
        if role == Role.COORDINATOR:
            return users.create_superuser(email, DEMO_PASSWORD, **names)
        return users.create_user(email, DEMO_PASSWORD, role=role, **names)
    user.set_password(DEMO_PASSWORD)
    user.role, user.is_active = role, True
    user.is_superuser = role == Role.COORDINATOR
    for key, value in names.items():
        setattr(user, key, value)
    user.save()
    return user
