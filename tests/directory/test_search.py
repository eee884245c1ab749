"""Search and filters of the directory: the same answers on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from passerelle.core.enums import ActorKind, OrganisationKind, Territory
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def names(client, **params) -> list[str]:
    response = client.get(reverse("directory:people"), params)
    assert response.status_code == 200
    return [p.last_name for p in response.context["page"].object_list]


def api_names(client, **params) -> list[str]:
    return [p["last_name"] for p in client.get(reverse("api-people"), params).json()["results"]]


@pytest.fixture
def directory(db):
    """A small directory on both sides of the ocean."""
    lyon = OrganisationFactory(name="Centre Léon Bérard", acronym="CLB", territory=Territory.AURA)
    crcl = OrganisationFactory(name="Centre de recherche en cancérologie de Lyon", parent=lyon)
    chum = OrganisationFactory(name="CHUM", territory=Territory.QC, kind=OrganisationKind.HOSPITAL,
                               city="Montréal")
    return {
        "lyon": lyon, "crcl": crcl, "chum": chum,
        "Aubert": PersonFactory(last_name="Aubert", first_name="Étienne", expertise="Glioblastome et radiothérapie",
                                organisation=lyon, sites=[6], categories=["5.2"], techniques=["radiotherapy"],
                                languages=["fr"]),
        "Bouchard": PersonFactory(last_name="Bouchard", first_name="Louise", territory=Territory.QC,
                                  kind=ActorKind.CLINICIAN, expertise="Immunothérapie du cancer du sein",
                                  keywords="CAR-T; lymphome", organisation=chum, sites=[7], categories=["5.3"],
                                  techniques=["immunotherapy"], languages=["fr", "en"]),
        "Chevalier": PersonFactory(last_name="Chevalier", first_name="Hugo", expertise="Radiomique des gliomes",
                                   organisation=crcl, techniques=["radiomics"], categories=["4.1"],
                                   languages=["en"]),
        "Dubois": PersonFactory(last_name="Dubois", first_name="Anne", territory=Territory.QC,
                                kind=ActorKind.PATIENT_PARTNER, expertise="Partenariat patient",
                                categories=["6"]),
    }


@pytest.mark.parametrize("query", ["glioblastome", "Glioblastome", "GLIOBLASTOME", "glioblastomé"])
def test_search_ignores_case_and_accents(client, directory, query):
    assert names(client, q=query) == ["Aubert"]


@pytest.mark.parametrize("query", ["Étienne", "etienne", "ETIENNE"])
def test_search_finds_first_names_with_or_without_accents(client, directory, query):
    assert names(client, q=query) == ["Aubert"]


def test_search_matches_word_prefixes(client, directory):
    assert names(client, q="immuno") == ["Bouchard"]
    assert names(client, q="radio", sort="name") == ["Aubert", "Chevalier"]


def test_search_requires_every_term(client, directory):
    assert names(client, q="radiothérapie glioblastome") == ["Aubert"]
    assert names(client, q="radiothérapie sein") == []


def test_search_covers_keywords_tags_and_organisations(client, directory):
    assert names(client, q="lymphome") == ["Bouchard"]  # keyword
    assert names(client, q="mammaire") == ["Bouchard"]  # synonym of the breast cancer site
    assert names(client, q="Radiomics") == ["Chevalier"]  # English title of a technique
    assert names(client, q="CHUM") == ["Bouchard"]  # organisation
    assert names(client, q="Léon Bérard") == ["Aubert"]


def test_search_with_no_letter_shows_everyone(client, directory):
    assert names(client, q="  ;; ", sort="name") == ["Aubert", "Bouchard", "Chevalier", "Dubois"]


def test_filter_by_territory(client, directory):
    assert names(client, territory="QC") == ["Bouchard", "Dubois"]
    assert names(client, territory="AURA") == ["Aubert", "Chevalier"]


def test_filter_by_kind_of_actor(client, directory):
    assert names(client, kind="patient_partner") == ["Dubois"]


def test_filter_by_organisation_includes_its_units(client, directory):
    assert names(client, organisation=directory["lyon"].pk) == ["Aubert", "Chevalier"]
    assert names(client, organisation=directory["crcl"].pk) == ["Chevalier"]


def test_filter_by_category_includes_its_child_codes(client, directory):
    assert names(client, category="5") == ["Aubert", "Bouchard"]
    assert names(client, category="5.3") == ["Bouchard"]


def test_filter_by_site_technique_and_language(client, directory):
    assert names(client, site="7") == ["Bouchard"]
    assert names(client, technique="radiomics") == ["Chevalier"]
    assert names(client, language="en") == ["Bouchard", "Chevalier"]


def test_filters_combine(client, directory):
    assert names(client, territory="QC", language="fr", q="sein") == ["Bouchard"]
    assert names(client, territory="AURA", category="5", technique="radiotherapy") == ["Aubert"]
    assert names(client, territory="QC", technique="radiomics") == []


def test_api_applies_the_same_filters_as_the_page(client, directory):
    for params in ({"territory": "QC"}, {"q": "glioblastome"}, {"category": "5"},
                   {"organisation": directory["lyon"].pk}, {"language": "en", "q": "radio"}):
        assert api_names(client, **params) == names(client, **params), params


def test_invalid_filter_values_are_ignored_not_errors(client, directory):
    assert names(client, territory="MARS", q="glioblastome") == ["Aubert"]


@pytest.mark.parametrize(("sort", "expected"), [
    ("name", ["Aubert", "Bouchard", "Chevalier", "Dubois"]),
    ("-name", ["Dubois", "Chevalier", "Bouchard", "Aubert"]),
    ("territory", ["Aubert", "Chevalier", "Bouchard", "Dubois"]),
    ("kind", ["Bouchard", "Dubois", "Aubert", "Chevalier"]),
])
def test_sorting(client, directory, sort, expected):
    assert names(client, sort=sort) == expected


def test_sorting_by_recent_update_puts_the_last_edited_first(client, directory):
    directory["Bouchard"].save()
    assert names(client, sort="recent")[0] == "Bouchard"


def test_relevance_is_the_default_order_of_a_search_and_name_otherwise(client, directory):
    response = client.get(reverse("directory:people"), {"q": "radio"})
    assert response.context["page"].paginator.object_list.query.order_by[0] == "-rank"
    assert names(client) == ["Aubert", "Bouchard", "Chevalier", "Dubois"]
    assert names(client, sort="relevance") == ["Aubert", "Bouchard", "Chevalier", "Dubois"]


def test_second_page_holds_the_rest_and_keeps_the_filters(client):
    PersonFactory.create_batch(30, territory=Territory.QC)
    PersonFactory.create_batch(3, territory=Territory.AURA)
    response = client.get(reverse("directory:people"), {"territory": "QC", "page": 2})
    page = response.context["page"]
    assert (page.number, len(page.object_list), page.paginator.count) == (2, 5, 30)
    assert 'href="?territory=QC&amp;page=1"' in response.content.decode()


def test_api_paginates_with_a_count(client):
    PersonFactory.create_batch(30)
    first = client.get(reverse("api-people")).json()
    second = client.get(first["next"]).json()
    assert (first["count"], len(first["results"]), len(second["results"]), second["next"]) == (30, 25, 5, None)


def test_empty_search_says_so(client, directory):
    response = client.get(reverse("directory:people"), {"q": "xylophone"})
    with translation.override("fr"):
        message = translation.gettext("No one matches this search.")
    assert response.context["page"].paginator.count == 0
    assert message in response.content.decode()


def test_organisation_search_and_filters(client, directory):
    def org_names(**params):
        return [o.name for o in client.get(reverse("directory:organisations"), params).context["page"].object_list]

    assert org_names(q="berard") == ["Centre Léon Bérard"]
    assert org_names(q="montreal") == ["CHUM"]
    assert org_names(territory="QC") == ["CHUM"]
    assert org_names(kind="hospital") == ["CHUM"]
    # The collation of names differs between databases: compare the two directions with each other.
    assert org_names(sort="-name") == org_names(sort="name")[::-1]
    PersonFactory(organisation=directory["chum"])
    assert org_names(sort="people")[0] == "CHUM"


def test_api_organisations_filter_and_count(client, directory):
    body = client.get(reverse("api-organisations"), {"territory": "QC"}).json()
    assert (body["count"], [o["name"] for o in body["results"]]) == (1, ["CHUM"])
