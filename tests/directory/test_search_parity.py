"""The same queries give the same answers on SQLite (FTS5, bm25) and PostgreSQL (tsquery, ts_rank).

`make test` runs this module on SQLite and `make test-postgres` on PostgreSQL, with the same
expectations: which people match, and who comes first.
"""
from __future__ import annotations

import pytest
from django.db import connection

from passerelle.directory.selectors import PeopleFilters, person_list
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = {
    "Carter": ("CAR-T cells in lymphoma; CAR-T manufacturing", "CAR-T; lymphome"),
    "Parcoursier": ("Parcours de soins des patients", "parcours; qualité de vie"),
    "Carcin": ("Carcinome hépatocellulaire et tumeurs rares", "carcinome"),
    "Liquide": ("Biopsie liquide et ADN tumoral circulant", "biopsie liquide; ADN tumoral circulant"),
    "Tumour": ("Circulating tumour DNA in colorectal cancer", "liquid biopsy"),
    "Glio": ("Glioblastomes de l'adulte", "neuro-oncologie"),
    "Immuno": ("Immunothérapie des mélanomes", "immunologie"),
    "Sein": ("Épidémiologie au sein de cohortes", "cohortes"),
}

# query → (everyone who matches, who comes first)
EXPECTED: dict[str, tuple[set[str], str]] = {
    "CAR-T": ({"Carter"}, "Carter"),
    "car-t lymphomes": ({"Carter"}, "Carter"),
    "carcinomes": ({"Carcin"}, "Carcin"),
    # Same matches; the leader differs: bm25 favours the exact word (« tumeurs »), ts_rank the
    # profile that says « tumoral » twice. Left open (noted in docs/decisions.md).
    "tumeurs": ({"Carcin", "Liquide", "Tumour"}, ""),
    "tumor": ({"Carcin", "Liquide", "Tumour"}, "Liquide"),
    "ADN": ({"Liquide", "Tumour"}, "Liquide"),
    "biopsie liquide": ({"Liquide", "Tumour"}, "Liquide"),
    "liquid biopsy": ({"Liquide", "Tumour"}, "Liquide"),
    "glioblastoma": ({"Glio"}, "Glio"),
    "immuno": ({"Immuno"}, "Immuno"),
    "melanoma": ({"Immuno"}, "Immuno"),
    "épidémiologie": ({"Sein"}, "Sein"),
    "breast": (set(), ""),
    "parcours": ({"Parcoursier"}, "Parcoursier"),
}


@pytest.fixture
def people(db):
    return {name: PersonFactory(last_name=name, expertise=expertise, keywords=keywords)
            for name, (expertise, keywords) in PEOPLE.items()}


@pytest.mark.parametrize("query", list(EXPECTED))
def test_query_finds_the_same_people_and_leader_on_every_database(people, query):
    found = list(person_list(user=None, filters=PeopleFilters(q=query)))
    matches, leader = EXPECTED[query]
    assert {p.last_name for p in found} == matches, connection.vendor
    if leader:
        assert found[0].last_name == leader, (connection.vendor, [(p.last_name, p.rank) for p in found])


def test_car_t_is_a_phrase_not_a_prefix_of_carcinome_or_parcours(people):
    found = {p.last_name for p in person_list(user=None, filters=PeopleFilters(q="CAR-T"))}
    assert not found & {"Parcoursier", "Carcin"}


def test_relevance_is_a_real_score(people):
    ranks = [p.rank for p in person_list(user=None, filters=PeopleFilters(q="tumeurs"))]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1] > 0


def test_edits_and_deletions_reach_the_index(people):
    from passerelle.directory import search

    person = people["Glio"]
    person.expertise = "Médulloblastome pédiatrique"
    person.save()
    search.refresh_person(person)
    assert [p.last_name for p in person_list(user=None, filters=PeopleFilters(q="medulloblastome"))] == ["Glio"]
    assert list(person_list(user=None, filters=PeopleFilters(q="glioblastoma"))) == []
    person.delete()
    assert list(person_list(user=None, filters=PeopleFilters(q="medulloblastome"))) == []
