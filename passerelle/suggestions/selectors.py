"""Reads: suggested partners for a person or a pasted idea, with the reasons in words.

Visibility comes first: the engine may only suggest the profiles that
``directory.selectors.people_visible_to(viewer)`` returns (the very query the directory pages
use), so a viewer never meets, in a suggestion or a reason, someone hidden from them.
Who may *ask* for a person's suggestions is the caller's check: :func:`can_see_suggestions`.

    >>> suggest_partners(person, viewer=request.user, k=10)          # doctest: +SKIP
    [Suggestion(person=<Person: …>, score=0.61, reasons=['both work on glioblastoma', …]), …]
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from passerelle.core.enums import Territory
from passerelle.directory.models import Organisation, Person, PersonCategory
from passerelle.directory.selectors import is_coordinator, people_visible_to
from passerelle.matching import Suggestion as EngineSuggestion
from passerelle.matching import TopOptions

from .documents import idea_document, organisation_doc_id, person_doc_id, pk_of
from .index import DirectoryIndex, current_index, engine_language, labels

MIN_REASONS = 2
MAX_K = 100


@dataclass(frozen=True)
class Suggestion:
    """A suggested partner: the person, the score (higher is better) and 2–4 reasons in the
    active language, strongest first. ``components`` holds each score component's share."""

    person: Person
    score: float
    reasons: list[str]
    components: dict[str, float] = field(default_factory=dict)
    reason_components: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OrganisationSuggestion:
    organisation: Organisation
    score: float
    reasons: list[str]
    components: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class IdeaSuggestions:
    people: list[Suggestion]
    organisations: list[OrganisationSuggestion]


def can_see_suggestions(viewer: Any, person: Person) -> bool:
    """A person's suggestions are for themself and for coordinators."""
    if not getattr(viewer, "is_authenticated", False):
        return False
    return is_coordinator(viewer) or (person.user_id is not None and person.user_id == viewer.pk)


def allowed_people(
    viewer: Any, *, candidates: QuerySet[Person] | Iterable[Person] | None = None,
    kinds: Sequence[str] | None = None, category: str | None = None,
) -> QuerySet[Person]:
    """The profiles that may be suggested to ``viewer``: visible to them, then the caller's filters."""
    qs = people_visible_to(viewer)
    if candidates is not None:
        if isinstance(candidates, QuerySet):
            qs = qs.filter(pk__in=candidates.values("pk"))
        else:
            qs = qs.filter(pk__in=[c.pk for c in candidates])
    if kinds:
        qs = qs.filter(kind__in=list(kinds))
    if category:
        qs = qs.filter(pk__in=PersonCategory.objects.filter(
            Q(category__code=category) | Q(category__parent__code=category)).values("person_id"))
    return qs


def _allowed_ids(qs: QuerySet[Person]) -> frozenset[str]:
    return frozenset(person_doc_id(pk) for pk in qs.values_list("pk", flat=True))


def _colleagues(index: DirectoryIndex, person_pk: int) -> frozenset[str]:
    """Everyone sharing an organisation with the person (the engine knows only the main one)."""
    facts = index.facts.get(person_pk)
    if facts is None:
        return frozenset()
    return frozenset(person_doc_id(pk) for org in facts.organisations for pk in index.members.get(org, ()))


def _context_reasons(index: DirectoryIndex, a: int | None, b: int) -> list[str]:
    """True facts that complete a short list of reasons: the pair spans both territories."""
    mine, theirs = index.facts.get(a) if a is not None else None, index.facts.get(b)
    if theirs is None or mine is None or not mine.territory or mine.territory == theirs.territory:
        return []
    return [_("on the other side of the partnership: %(territory)s") % {"territory": Territory(theirs.territory).label}]


def _reasons(index: DirectoryIndex, found: EngineSuggestion, query_pk: int | None) -> tuple[list[str], list[str]]:
    texts = [r.text for r in found.reasons]
    components = [r.component for r in found.reasons]
    if len(texts) < MIN_REASONS and found.id.startswith("p"):
        extra = _context_reasons(index, query_pk, pk_of(found.id))[: MIN_REASONS - len(texts)]
        texts += extra
        components += ["territory"] * len(extra)
    return texts, components


def _people_suggestions(index: DirectoryIndex, found: list[EngineSuggestion], query_pk: int | None) -> list[Suggestion]:
    people = Person.objects.prefetch_related("affiliations__organisation").in_bulk([pk_of(s.id) for s in found])
    out = []
    for s in found:
        person = people.get(pk_of(s.id))
        if person is None:  # deleted since the index was read
            continue
        reasons, components = _reasons(index, s, query_pk)
        out.append(Suggestion(person, s.score, reasons, s.components, components))
    return out


def suggest_partners(
    person: Person, *, viewer: Any, k: int = 20, candidates: QuerySet[Person] | Iterable[Person] | None = None,
    both_territories: bool = False, kinds: Sequence[str] | None = None, category: str | None = None,
) -> list[Suggestion]:
    """The ``k`` best partners for ``person`` among the profiles ``viewer`` may see, best first.

    ``candidates`` restricts them further (e.g. an event's participants); by default only the
    other territory is suggested (``both_territories=True`` allows both); ``kinds`` are
    ``ActorKind`` values; ``category`` a CSO code (its sub-categories included). Never the
    person themself nor anyone of one of their organisations.
    """
    index = current_index()
    doc_id = person_doc_id(person.pk)
    if doc_id not in index.people.position:
        return []
    only = _allowed_ids(allowed_people(viewer, candidates=candidates, kinds=kinds, category=category))
    options = TopOptions(any_territory=both_territories, only=only, exclude=_colleagues(index, person.pk))
    found = index.people.top(doc_id, k=max(1, min(k, MAX_K)), options=options, language=engine_language(),
                             labels=labels(index))
    return _people_suggestions(index, found, person.pk)


def suggest_for_idea(
    *, viewer: Any, text: str, categories: Sequence[str] = (), sites: Sequence[str | int] = (),
    techniques: Sequence[str] = (), needs: str = "", territories: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None, k: int = 20,
) -> IdeaSuggestions:
    """People and organisations for a pasted project summary (French or English).

    ``territories`` limits where partners are looked for (default: anywhere); the viewer's own
    profile and organisations are left out.
    """
    index = current_index()
    me = getattr(viewer, "person", None) if getattr(viewer, "is_authenticated", False) else None
    mine = index.facts.get(me.pk) if me is not None else None
    idea = idea_document(text=text, categories=categories, sites=sites, techniques=techniques, needs=needs,
                         kind=mine.kind if mine else "")
    k = max(1, min(k, MAX_K))
    own_orgs = frozenset(organisation_doc_id(o) for o in (mine.organisations if mine else ()))
    exclude = (_colleagues(index, me.pk) | {person_doc_id(me.pk)}) if me is not None else frozenset()
    wanted = frozenset(territories) if territories else None
    common = {"language": engine_language(), "labels": labels(index)}
    found = index.people.query(idea, k=k, options=TopOptions(
        any_territory=True, territories=wanted, exclude=frozenset(exclude),
        only=_allowed_ids(allowed_people(viewer, kinds=kinds))), **common)
    people = _people_suggestions(index, found, None)
    organisations: list[OrganisationSuggestion] = []
    if len(index.organisations):
        orgs_found = index.organisations.query(idea, k=k, options=TopOptions(
            any_territory=True, territories=wanted, exclude=own_orgs), **common)
        by_pk = Organisation.objects.in_bulk([pk_of(s.id) for s in orgs_found])
        organisations = [
            OrganisationSuggestion(by_pk[pk_of(s.id)], s.score, [r.text for r in s.reasons], s.components)
            for s in orgs_found if pk_of(s.id) in by_pk
        ]
    return IdeaSuggestions(people, organisations)
