"""Reads: suggested partners for a person or a pasted idea, with the reasons in words.

Visibility comes first: the engine may only suggest the profiles that
``directory.selectors.people_visible_to(viewer)`` returns (the very query the directory pages
use), so a viewer never meets, in a suggestion or a reason, someone hidden from them.
Who may *ask* for a person's suggestions is the caller's check: ``rules.can_see_suggestions``.

    >>> suggest_partners(person, viewer=request.user, k=10)          # doctest: +SKIP
    [Suggestion(person=<Person: …>, score=0.61, reasons=['both work on glioblastoma', …]), …]
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from passerelle.core.enums import Territory
from passerelle.directory.models import Organisation, Person, PersonCategory
from passerelle.directory.selectors import people_visible_to
from passerelle.events.enums import RegistrationStatus
from passerelle.events.models import Event
from passerelle.events.selectors import events_visible_to
from passerelle.matching import Suggestion as EngineSuggestion
from passerelle.matching import TopOptions
from passerelle.projects.enums import OriginKind
from passerelle.projects.models import Opportunity

from .documents import idea_document, organisation_doc_id, person_doc_id, pk_of
from .index import DirectoryIndex, current_index, engine_language, labels
from .models import EventSuggestion

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


def allowed_ids(qs: QuerySet[Person]) -> frozenset[str]:
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


def _tie_reasons(index: DirectoryIndex, a: int | None, b: int) -> list[str]:
    """The existing tie between two people, when suggestions show them: works they co-signed."""
    mine = index.facts.get(a) if a is not None else None
    # getattr: an index snapshot stored by an older version has facts without partners
    count = (getattr(mine, "partners", None) or {}).get(b, 0) if mine is not None else 0
    if not count:
        return []
    return [ngettext("you co-signed %(count)s article", "you co-signed %(count)s articles", count) % {"count": count}]


def reason_texts(index: DirectoryIndex, found: EngineSuggestion, query_pk: int | None) -> tuple[list[str], list[str]]:
    """The reasons of an engine suggestion in the active language (completed up to two with true
    facts when the engine found fewer), and the score component each comes from; an existing
    co-author (shown only when asked for) comes with the number of works co-signed, first."""
    texts = [r.text for r in found.reasons]
    components = [r.component for r in found.reasons]
    if found.id.startswith("p"):
        ties = _tie_reasons(index, query_pk, pk_of(found.id))
        texts, components = ties + texts, ["coauthors"] * len(ties) + components
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
        reasons, components = reason_texts(index, s, query_pk)
        out.append(Suggestion(person, s.score, reasons, s.components, components))
    return out


def rank_partners(
    index: DirectoryIndex, person_pk: int, *, only: frozenset[str], k: int, both_territories: bool = False,
    existing_ties: bool = False,
) -> list[EngineSuggestion]:
    """The engine's ``k`` best among ``only`` (document ids) for a person, reasons in the active
    language; never themself nor a colleague of one of their organisations, nor an existing
    co-author unless ``existing_ties`` (then shown, with how many works they co-signed)."""
    doc_id = person_doc_id(person_pk)
    if doc_id not in index.people.position:
        return []
    options = TopOptions(any_territory=both_territories, only=only, exclude=_colleagues(index, person_pk),
                         exclude_partners=not existing_ties)
    return index.people.top(doc_id, k=max(1, min(k, MAX_K)), options=options, language=engine_language(),
                            labels=labels(index))


def suggest_partners(
    person: Person, *, viewer: Any, k: int = 20, candidates: QuerySet[Person] | Iterable[Person] | None = None,
    both_territories: bool = False, kinds: Sequence[str] | None = None, category: str | None = None,
    existing_ties: bool = False,
) -> list[Suggestion]:
    """The ``k`` best partners for ``person`` among the profiles ``viewer`` may see, best first.

    ``candidates`` restricts them further (e.g. an event's participants); by default only the
    other territory is suggested (``both_territories=True`` allows both); ``kinds`` are
    ``ActorKind`` values; ``category`` a CSO code (its sub-categories included). Never the
    person themself nor anyone of one of their organisations. Existing co-authors are left out
    unless ``existing_ties`` (a coordinator's choice): then they come with the works co-signed.
    """
    index = current_index()
    only = allowed_ids(allowed_people(viewer, candidates=candidates, kinds=kinds, category=category))
    found = rank_partners(index, person.pk, only=only, k=k, both_territories=both_territories,
                          existing_ties=existing_ties)
    return _people_suggestions(index, found, person.pk)


def pair_suggestion(person: Person, partner: Person, *, viewer: Any) -> Suggestion | None:
    """The pair (person, partner) scored and explained as a suggestion, if ``partner`` may be
    suggested to ``person`` for ``viewer`` (visible, not themself nor a colleague); either territory,
    co-authors included (with the works co-signed as a reason)."""
    index = current_index()
    only = allowed_ids(allowed_people(viewer, candidates=[partner]))
    found = rank_partners(index, person.pk, only=only, k=1, both_territories=True, existing_ties=True)
    suggestions = _people_suggestions(index, found, person.pk)
    return suggestions[0] if suggestions else None


def shared_tags(person: Person, partner: Person) -> tuple[list[str], list[str]]:
    """CSO codes and cancer site codes the two profiles share (for an opportunity's tags)."""
    index = current_index()
    a, b = index.facts.get(person.pk), index.facts.get(partner.pk)
    if a is None or b is None:
        return [], []
    return [c for c in a.cso if c in b.cso], [s for s in a.sites if s in b.sites]


def saved_partner_ids(person: Person, partners: Iterable[Person] | None = None) -> dict[int, int]:
    """Partners already saved with ``person`` as an opportunity born from a suggestion:
    partner pk → opportunity pk (one query)."""
    through = Opportunity.people.through
    opportunities = Opportunity.objects.filter(origin_kind=OriginKind.SUGGESTION, people=person).values("pk")
    rows = through.objects.filter(opportunity__in=opportunities).exclude(person=person)
    if partners is not None:
        rows = rows.filter(person__in=[p.pk for p in partners])
    return dict(rows.order_by("-opportunity_id").values_list("person_id", "opportunity_id"))


def suggest_for_idea(
    *, viewer: Any, text: str, categories: Sequence[str] = (), sites: Sequence[str | int] = (),
    techniques: Sequence[str] = (), needs: str = "", territories: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None, k: int = 20, tags_text: str = "",
) -> IdeaSuggestions:
    """People and organisations for a pasted project summary (French or English).

    ``territories`` limits where partners are looked for (default: anywhere); the viewer's own
    profile and organisations are left out.
    """
    index = current_index()
    me = getattr(viewer, "person", None) if getattr(viewer, "is_authenticated", False) else None
    mine = index.facts.get(me.pk) if me is not None else None
    idea = idea_document(text=text, categories=categories, sites=sites, techniques=techniques, needs=needs,
                         kind=mine.kind if mine else "", tags_text=tags_text)
    k = max(1, min(k, MAX_K))
    own_orgs = frozenset(organisation_doc_id(o) for o in (mine.organisations if mine else ()))
    exclude = (_colleagues(index, me.pk) | {person_doc_id(me.pk)}) if me is not None else frozenset()
    wanted = frozenset(territories) if territories else None
    common = {"language": engine_language(), "labels": labels(index)}
    only = allowed_ids(allowed_people(viewer, kinds=kinds))

    def people_in(sides: frozenset[str] | None) -> list[EngineSuggestion]:
        return index.people.query(idea, k=k, options=TopOptions(
            any_territory=True, territories=sides, exclude=frozenset(exclude), only=only), **common)

    found = people_in(wanted) if wanted else balanced_by_territory(people_in, k)
    people = _people_suggestions(index, found, me.pk if me is not None else None)
    organisations: list[OrganisationSuggestion] = []
    if len(index.organisations):
        def organisations_in(sides: frozenset[str] | None) -> list[EngineSuggestion]:
            return index.organisations.query(idea, k=k, options=TopOptions(
                any_territory=True, territories=sides, exclude=own_orgs), **common)

        orgs_found = organisations_in(wanted) if wanted else balanced_by_territory(organisations_in, k)
        by_pk = Organisation.objects.in_bulk([pk_of(s.id) for s in orgs_found])
        organisations = [
            OrganisationSuggestion(by_pk[pk_of(s.id)], s.score, [r.text for r in s.reasons], s.components)
            for s in orgs_found if pk_of(s.id) in by_pk
        ]
    return IdeaSuggestions(people, organisations)


# A suggestion weaker than this share of the best one is not moved up to balance the territories.
BALANCE_FLOOR = 0.5
CLUSTER_TERRITORIES = (Territory.AURA, Territory.QC)


def balanced_by_territory(
    query: Callable[[frozenset[str]], list[EngineSuggestion]], k: int,
) -> list[EngineSuggestion]:
    """The best of Auvergne-Rhône-Alpes and of Québec interleaved, round after round, the stronger first.

    Without it, one side's longer profiles fill the whole list. Only suggestions scoring at least
    ``BALANCE_FLOOR`` of the best are interleaved; those from elsewhere take their place by score,
    and the weaker ones follow, by score.
    """
    found = {territory: query(frozenset({territory})) for territory in Territory.values}
    best = max((s.score for results in found.values() for s in results[:1]), default=0.0)
    floor = best * BALANCE_FLOOR
    sides = [[s for s in found[t] if s.score >= floor] for t in CLUSTER_TERRITORIES]
    merged: list[EngineSuggestion] = []
    for round_ in range(k):
        merged += sorted((side[round_] for side in sides if round_ < len(side)), key=lambda s: -s.score)
    for other in (s for s in found[Territory.OTHER] if s.score >= floor):
        position = next((i for i, s in enumerate(merged) if s.score < other.score), len(merged))
        merged.insert(position, other)
    placed = {s.id for s in merged}
    merged += sorted((s for results in found.values() for s in results if s.id not in placed), key=lambda s: -s.score)
    return merged[:k]


def is_indexed(person: Person) -> bool:
    """Whether the index answering now knows this profile (a new one waits for the rebuild)."""
    return person_doc_id(person.pk) in current_index().people.position


# Event suggestions (computed by jobs.compute_event_suggestions) ---------------------------------

MATRIX_COLUMNS = 5


@dataclass
class MatrixRow:
    person: Person
    suggestions: list[EventSuggestion]


def event_participants(event: Event, q: str = "") -> QuerySet[Person]:
    """Confirmed participants of ``event``, by name; ``q`` filters on the name."""
    people = Person.objects.filter(registrations__event=event, registrations__status=RegistrationStatus.CONFIRMED)
    for term in q.split():
        people = people.filter(Q(first_name__icontains=term) | Q(last_name__icontains=term))
    return people.order_by("last_name", "first_name", "pk")


def event_matrix_rows(event: Event, people: Sequence[Person], columns: int = MATRIX_COLUMNS) -> list[MatrixRow]:
    """Each participant of ``people`` with their best ``columns`` stored suggestions, each marked
    ``mutual`` when the partner was also suggested the participant (two queries)."""
    by_person: dict[int, list[EventSuggestion]] = {p.pk: [] for p in people}
    stored = (EventSuggestion.objects.filter(event=event, person__in=list(by_person), rank__lte=columns)
              .select_related("partner").order_by("person_id", "rank"))
    mutual = mutual_pairs(event)
    for row in stored:
        row.mutual = (row.person_id, row.partner_id) in mutual
        by_person[row.person_id].append(row)
    return [MatrixRow(p, by_person[p.pk]) for p in people]


def mutual_pairs(event: Event) -> set[tuple[int, int]]:
    """(a, b) pairs suggested to each other, both ways, at ``event``."""
    pairs = set(EventSuggestion.objects.filter(event=event).values_list("person_id", "partner_id"))
    return {(a, b) for a, b in pairs if (b, a) in pairs}


def event_suggestions_summary(event: Event) -> dict[str, Any]:
    stats = EventSuggestion.objects.filter(event=event).aggregate(
        count=Count("pk"), people=Count("person", distinct=True), computed_at=Max("computed_at"))
    return stats


def upcoming_event_suggestions(person: Person, *, viewer: Any) -> list[EventSuggestion]:
    """``person``'s stored suggested meetings at events not yet over, partners visible to ``viewer``."""
    return list(
        EventSuggestion.objects.filter(person=person, event__end__gte=timezone.now(),
                                       event__in=events_visible_to(viewer),
                                       partner__in=people_visible_to(viewer))
        .select_related("event", "partner").order_by("event__start", "event_id", "rank")
    )


MeetingRequestUrls = Callable[[Any, Person, Iterable[int]], dict[tuple[int, int], str]]
_meeting_request_urls: list[MeetingRequestUrls] = []


def provide_meeting_request_urls(provider: MeetingRequestUrls) -> None:
    """The meetings app tells where a person may ask a suggested partner for a meeting (called from
    its ``AppConfig.ready``); without it, suggestions offer no meeting link."""
    _meeting_request_urls[:] = [provider]


def meeting_request_urls(viewer: Any, person: Person, partner_pks: Iterable[int]) -> dict[tuple[int, int], str]:
    """Where ``viewer`` — only when they are ``person`` — may ask each partner for a meeting:
    (event pk, partner pk) → the request page, for every session open to requests at which both
    take part (soonest event first)."""
    if not _meeting_request_urls:
        return {}
    return _meeting_request_urls[0](viewer, person, partner_pks)
