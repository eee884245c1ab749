"""Reviewer suggestions: the matching engine (``passerelle.matching``, pure) scores the expertise of
people with an account against an application's text and themes; conflicts of interest are
marked so that the coordinator sees why a strong candidate cannot be assigned."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from passerelle.directory.engine_documents import engine_labels, engine_language, load_profile_facts, pk_of
from passerelle.directory.models import Affiliation, Person
from passerelle.matching import Document, TopOptions, build_index

from .conflicts import Conflict, facts_for_application, facts_for_reviewers, find_conflicts
from .models import Application


@dataclass
class ReviewerSuggestion:
    person: Person
    score: float
    reasons: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return bool(self.conflicts)


def reviewer_pool():
    """People who could review: a directory profile with an active account."""
    return (Person.objects.filter(user__isnull=False, user__is_active=True)
            .prefetch_related("category_tags__category", "site_tags__site", "techniques",
                              Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation"))))


def reviewer_documents(person_ids: Iterable[int]) -> list[Document]:
    """The engine documents of these people (the directory's one adapter: texts, tags, offers and
    seeks, kind), leaving out profiles with no text to compare."""
    facts = load_profile_facts(Person.objects.filter(pk__in=list(person_ids)))
    return [document for document in (f.document() for f in facts) if document.texts]


def application_document(application: Application) -> dict:
    project = application.project
    texts = [application.abstract, project.summary_fr, project.summary_en, project.title_fr, project.title_en]
    return {
        "id": f"application:{application.pk}",
        "texts": [text for text in texts if text and text.strip()],
        "tags": {"cso": [c.code for c in project.categories.all()],
                 "sites": [str(s.icrp_code) for s in project.sites.all()]},
    }


def suggest_reviewers(application: Application, k: int = 10) -> list[ReviewerSuggestion]:
    """The ``k`` people whose expertise best matches the application (not yet assigned), best
    first, each with the engine's reasons and any conflict of interest that blocks them."""
    assigned = set(application.assignments.values_list("reviewer_id", flat=True))
    people = {p.pk: p for p in reviewer_pool() if p.pk not in assigned}
    documents = reviewer_documents(people)
    if not documents:
        return []
    app_side = facts_for_application(application)
    sides = facts_for_reviewers(people)
    blocked = {pk for pk, side in sides.items() if find_conflicts(side, app_side)}
    index = build_index(documents)
    wanted = min(len(documents), k + len(blocked))
    found = index.query(application_document(application), k=wanted, options=TopOptions(any_territory=True),
                        language=engine_language(), labels=engine_labels())
    suggestions, free = [], 0
    for suggestion in found:
        pk = pk_of(suggestion.id)
        conflicts = find_conflicts(sides[pk], app_side)
        if not conflicts:
            if free == k:
                continue
            free += 1
        suggestions.append(ReviewerSuggestion(people[pk], suggestion.score, [r.text for r in suggestion.reasons],
                                              conflicts))
    return suggestions
