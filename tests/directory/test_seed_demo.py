"""The demo data: ``manage.py seed_demo`` and its generator."""
from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse

from passerelle.accounts.models import Role
from passerelle.core.enums import ActorKind, OrganisationKind, Territory, Visibility
from passerelle.core.identifiers import normalize_orcid
from passerelle.core.models import CancerSite
from passerelle.core.taxonomies import read_rows
from passerelle.core.text import fold, search_terms
from passerelle.demo import expertise
from passerelle.demo import people as generator
from passerelle.demo.directory import DEMO_PASSWORD
from passerelle.directory import audit, search, selectors
from passerelle.directory.models import AuditEntry, Organisation, Person

SMALL = 82  # two blocks of 41: 40 AURA, 40 QC, 2 elsewhere


def seed(people: int = SMALL) -> str:
    out = StringIO()
    call_command("seed_demo", people=people, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "audit": AuditEntry.objects.count(),
        **Counter(Person.objects.values_list("territory", flat=True)),
    }


@pytest.fixture
def seeded(db) -> str:
    return seed()


def test_seed_loads_every_organisation_and_people_of_both_territories(seeded):
    rows = read_rows("organisations.csv")
    assert Organisation.objects.count() == len(rows)
    crcl = Organisation.objects.get(acronym="CRCL")
    assert crcl.parent.acronym == "UCBL" and crcl.territory == Territory.AURA and crcl.city == "Lyon"
    assert not Organisation.objects.exclude(ror_id="").exists()
    by_territory = Counter(Person.objects.values_list("territory", flat=True))
    assert by_territory == {Territory.AURA: 40, Territory.QC: 40, Territory.OTHER: 2}
    assert "Demo people: 82 (82 created)" in seeded


def test_seed_twice_gives_the_same_data(seeded):
    before = counts()
    documents = dict(Person.objects.values_list("email", "search_document"))
    output = seed()
    assert counts() == before
    assert dict(Person.objects.values_list("email", "search_document")) == documents
    assert "(0 created)" in output


def test_generated_orcids_are_valid_and_unique(seeded):
    orcids = list(Person.objects.exclude(orcid="").values_list("orcid", flat=True))
    assert len(orcids) > SMALL // 3
    assert all(normalize_orcid(orcid) == orcid for orcid in orcids)
    people = generator.generate_people(600)
    generated = [p.orcid for p in people if p.orcid]
    assert len(set(generated)) == len(generated)
    assert all(normalize_orcid(orcid) == orcid for orcid in generated)


def test_orcid_check_character_matches_orcid_example():
    assert generator.orcid_from_digits("000000021825009") == "0000-0002-1825-0097"


def test_texts_mention_their_sites(seeded):
    checked = 0
    for person in Person.objects.prefetch_related("site_tags__site"):
        text = fold(person.expertise)
        for tag in person.site_tags.all():
            phrase = expertise.SITES[tag.site.icrp_code]
            assert fold(phrase.en) in text or fold(phrase.fr) in text, (person.email, tag.site.title_en)
            checked += 1
    assert checked >= SMALL // 2


@pytest.mark.django_db
def test_site_phrases_use_the_words_of_the_site():
    """Every phrase shares a word with the site's title or synonyms, so search and matching find it."""
    for icrp_code, phrase in expertise.SITES.items():
        site = CancerSite.objects.get(icrp_code=icrp_code)
        reference = set(search_terms(f"{site.title_en} {site.title_fr} {site.synonyms}", limit=100))
        words = set(search_terms(f"{phrase.en} {phrase.fr}", limit=100)) - {"cancer", "le", "la", "les", "de", "du"}
        assert words & reference, site.title_en


def test_search_finds_people_by_a_site_word(seeded, client):
    public_breast = set(Person.objects.filter(visibility=Visibility.PUBLIC, site_tags__site__icrp_code=7)
                        .values_list("pk", flat=True))
    assert public_breast
    for word in ("sein", "breast"):
        found = selectors.person_list(user=AnonymousUser(), filters=selectors.PeopleFilters(q=word))
        assert public_breast <= set(found.values_list("pk", flat=True)), word
    response = client.get(reverse("directory:people"), {"q": "sein", "territory": "QC"})
    assert response.status_code == 200
    shown = {p.pk for p in response.context["page"].object_list}
    assert shown and all(p.territory == Territory.QC for p in response.context["page"].object_list)
    assert shown <= public_breast | set(Person.objects.filter(search_document__contains="sein")
                                        .values_list("pk", flat=True))


def test_bulk_path_matches_the_per_row_search_document_and_audit(seeded):
    for person in Person.objects.all():
        assert sorted(person.search_document.split()) == sorted(search.person_search_document(person).split())
        entry = AuditEntry.objects.get(object_type="person", object_id=person.pk)
        assert entry.action == AuditEntry.Action.CREATE
        assert entry.changes == audit.diff({}, audit.person_snapshot(person))
        person.full_clean()


def test_people_are_attached_to_fitting_organisations(seeded):
    expected = {
        ActorKind.COMPANY: {OrganisationKind.COMPANY},
        ActorKind.PATIENT_PARTNER: {OrganisationKind.PATIENT_ASSOCIATION},
        ActorKind.CLINICIAN: {OrganisationKind.HOSPITAL, OrganisationKind.CANCER_CENTRE},
    }
    for person in Person.objects.prefetch_related("affiliations__organisation"):
        affiliations = list(person.affiliations.all())
        primary = [a for a in affiliations if a.is_primary]
        assert len(primary) == 1 and primary[0].position, person.email
        assert all(a.organisation.territory == person.territory for a in affiliations)
        if person.kind in expected:
            assert primary[0].organisation.kind in expected[person.kind], person.email


@pytest.mark.parametrize("email,role,territory", [
    ("coordinator@passerelle.demo", Role.COORDINATOR, None),
    ("member@passerelle.demo", Role.MEMBER, Territory.AURA),
    ("membre.qc@passerelle.demo", Role.MEMBER, Territory.QC),
])
def test_demo_accounts_can_sign_in(seeded, client, email, role, territory):
    assert email in seeded and DEMO_PASSWORD in seeded
    response = client.post(reverse("login"), {"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    user = response.wsgi_request.user
    assert user.is_authenticated and user.email == email and user.role == role
    if territory is None:
        assert user.is_superuser and user.is_coordinator
    else:
        profile = user.person
        assert profile.territory == territory and profile.visibility == Visibility.PUBLIC
        assert client.get(reverse("directory:my_profile")).status_code == 302


def test_generation_is_deterministic_and_prefix_stable():
    people = generator.generate_people(120)
    assert generator.generate_people(40) == people[:40]
    assert [generator.latent_topic(p.index) for p in people[:20]] == [p.topic for p in people[:20]]
    assert len({p.email for p in people}) == len(people)


def test_generated_population_has_realistic_proportions():
    people = generator.generate_people(generator.DEFAULT_PEOPLE)
    territories = Counter(p.territory for p in people)
    assert abs(territories[Territory.AURA] - territories[Territory.QC]) <= 2
    assert 0 < territories[Territory.OTHER] < 0.05 * len(people)
    public = sum(p.visibility == Visibility.PUBLIC for p in people) / len(people)
    assert 0.7 < public < 0.9
    kinds = Counter(p.kind for p in people)
    assert kinds[ActorKind.RESEARCHER] > kinds[ActorKind.CLINICIAN] > kinds[ActorKind.COORDINATOR] > 0
    for person in people:
        assert 2 <= person.expertise.count(". ") + 1 <= 4, person.expertise
        if person.topic:
            topic = expertise.TOPICS_BY_KEY[person.topic]
            assert set(person.sites) <= set(topic.sites)
            assert person.offers and person.seeks
