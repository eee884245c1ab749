"""Reviewer suggestions: the matching engine (``passerelle.matching``, pure) scores the expertise of
people with an account against an application's text and themes; conflicts of interest are
marked so that the coordinator sees why a strong candidate cannot be assigned."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import get_language

from passerelle.core.models import CancerSite, CsoCategory, Technique
from passerelle.directory.models import Affiliation, Person
from passerelle.matching import TopOptions, build_index

from .conflicts import Conflict, facts_for_application, facts_for_reviewers, find_conflicts
from .models import Application

PERSON = "person:"


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


def person_document(person: Person) -> dict:
    main = next((a.organisation_id for a in person.affiliations.all() if a.is_primary), None)
    return {
        "id": f"{PERSON}{person.pk}",
        "texts": [text for text in (person.expertise, "; ".join(person.keyword_list)) if text.strip()],
        "tags": {"cso": [t.category.code for t in person.category_tags.all()],
                 "sites": [str(t.site.icrp_code) for t in person.site_tags.all()],
                 "techniques": [t.code for t in person.techniques.all()],
                 "kind": person.kind, "territory": person.territory,
                 "organisation": f"org:{main}" if main else ""},
    }


def application_document(application: Application) -> dict:
    project = application.project
    texts = [application.abstract, project.summary_fr, project.summary_en, project.title_fr, project.title_en]
    return {
        "id": f"application:{application.pk}",
        "texts": [text for text in texts if text and text.strip()],
        "tags": {"cso": [c.code for c in project.categories.all()],
                 "sites": [str(s.icrp_code) for s in project.sites.all()]},
    }


def _labels(french: bool) -> dict[str, dict[str, str]]:
    def title(row) -> str:
        return row.title_fr if french else row.title_en

    return {
        "cso": {c.code: title(c) for c in CsoCategory.objects.all()},
        "sites": {str(s.icrp_code): title(s) for s in CancerSite.objects.all()},
        "techniques": {t.code: title(t) for t in Technique.objects.all()},
    }


def suggest_reviewers(application: Application, k: int = 10) -> list[ReviewerSuggestion]:
    """The ``k`` people whose expertise best matches the application (not yet assigned), best
    first, each with the engine's reasons and any conflict of interest that blocks them."""
    assigned = set(application.assignments.values_list("reviewer_id", flat=True))
    people = {p.pk: p for p in reviewer_pool() if p.pk not in assigned}
    documents = [person_document(p) for p in people.values() if person_document(p)["texts"]]
    if not documents:
        return []
    app_side = facts_for_application(application)
    sides = facts_for_reviewers(people)
    blocked = {pk for pk, side in sides.items() if find_conflicts(side, app_side)}
    french = (get_language() or "fr").startswith("fr")
    index = build_index(documents)
    wanted = min(len(documents), k + len(blocked))
    found = index.query(application_document(application), k=wanted, options=TopOptions(any_territory=True),
                        language="fr" if french else "en", labels=_labels(french))
    suggestions, free = [], 0
    for suggestion in found:
        pk = int(suggestion.id.removeprefix(PERSON))
        conflicts = find_conflicts(sides[pk], app_side)
        if not conflicts:
            if free == k:
                continue
            free += 1
        suggestions.append(ReviewerSuggestion(people[pk], suggestion.score, [r.text for r in suggestion.reasons],
                                              conflicts))
    return suggestions
