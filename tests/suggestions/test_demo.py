"""On the demo data, suggestions are meaningful: most of a person's best partners share the
research topic the generator drew them from (its ground truth), far above chance; and
``seed_suggestions_demo`` (called by ``seed_demo``) computes the upcoming events' suggested meetings."""
from __future__ import annotations

import random
from io import StringIO

import pytest
from django.core.management import call_command

from passerelle.demo.directory import seed_directory
from passerelle.demo.people import DEFAULT_SEED, ground_truth
from passerelle.directory.models import Person
from passerelle.suggestions.models import EventSuggestion
from passerelle.suggestions.selectors import suggest_partners
from tests.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db
PEOPLE = 164  # four blocks of 41: 80 AURA, 80 QC, 4 elsewhere


def test_best_partners_mostly_share_the_generators_topic(db):
    seed_directory(PEOPLE, DEFAULT_SEED, with_accounts=False)
    truth = ground_truth(PEOPLE, DEFAULT_SEED)
    people = list(Person.objects.prefetch_related("affiliations"))
    organisations = {p.pk: {a.organisation_id for a in p.affiliations.all()} for p in people}
    viewer = CoordinatorFactory()
    same = possible = total = 0
    for person in random.Random(4).sample([p for p in people if truth.get(p.email)], 30):
        # Same-topic people the rules allow: the other territory, no shared organisation.
        allowed = [p for p in people if p.territory != person.territory and truth.get(p.email) == truth[person.email]
                   and not organisations[p.pk] & organisations[person.pk]]
        found = suggest_partners(person, viewer=viewer, k=5)
        total += len(found)
        possible += min(5, len(allowed))
        same += sum(truth.get(s.person.email) == truth[person.email] for s in found)
    topics = [truth[p.email] for p in people if truth.get(p.email)]
    chance = sum(a == b for a in topics for b in topics) / len(topics) ** 2
    assert total == 150
    assert same >= 0.7 * possible  # measured: 83 of 106 (78 %)
    assert same / total >= 5 * chance


def test_the_demo_command_computes_the_upcoming_events_suggested_meetings(community):
    from tests.events.factories import EventFactory, RegistrationFactory, in_days

    upcoming, past = EventFactory(slug="a-venir"), EventFactory(slug="passe", start=in_days(-30), end=in_days(-29))
    for event in (upcoming, past):
        for person in (community.clinician, community.company, community.economist):
            RegistrationFactory(event=event, person=person)
    out = StringIO()
    call_command("seed_suggestions_demo", stdout=out)
    assert "a-venir: 4 for 3 participants" in out.getvalue()
    assert set(EventSuggestion.objects.values_list("event__slug", flat=True)) == {"a-venir"}
    row = EventSuggestion.objects.get(person=community.clinician, rank=1)
    assert row.partner == community.company
    assert row.reasons_fr and row.reasons_en
