"""Import of people and organisations: upload, mapping, preview of every error, all-or-nothing commit."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from passerelle.core.enums import Visibility
from passerelle.directory import services
from passerelle.directory.models import AuditEntry, ImportBatch, Organisation, Person
from tests.directory.import_files import (
    PEOPLE_HEADERS,
    commit,
    csv_bytes,
    upload,
    upload_and_map,
    xlsx_bytes,
)
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, settings):
    """Messages are compared in English, whatever the state of the French catalogue."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

GOOD_ROWS = [
    ["Ada", "Lovelace", "ada@example.org", "researcher", "AURA", "0000-0002-1825-0097", "CLB"],
    ["Louise", "Bouchard", "louise@example.org", "Clinician-researcher", "Québec", "", "CHUM"],
    ["Hugo", "Chevalier", "", "clinician_researcher", "QC", "https://orcid.org/0000-0001-5109-3700", ""],
]


@pytest.fixture
def orgs(db):
    return {"CLB": OrganisationFactory(name="Centre Léon Bérard", acronym="CLB"),
            "CHUM": OrganisationFactory(name="CHUM", territory="QC")}


def preview_errors(client, batch) -> list[tuple[int, str, str]]:
    results = client.get(batch.get_absolute_url()).context["results"]
    return [(r.number, field, message) for r in results for field, message in r.errors]


def test_people_import_from_csv_creates_every_row(coordinator_client, coordinator, orgs):
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, GOOD_ROWS))
    response = commit(coordinator_client, batch)

    assert response["Location"] == batch.get_absolute_url()
    people = {p.last_name: p for p in Person.objects.all()}
    assert sorted(people) == ["Bouchard", "Chevalier", "Lovelace"]
    assert (people["Bouchard"].kind, people["Bouchard"].territory) == ("clinician_researcher", "QC")
    assert people["Chevalier"].orcid == "0000-0001-5109-3700"
    assert [a.organisation.acronym for a in people["Lovelace"].affiliations.all()] == ["CLB"]
    assert people["Lovelace"].visibility == Visibility.MEMBERS
    assert "centre leon berard" in people["Lovelace"].search_document
    assert AuditEntry.objects.filter(action="import", actor=coordinator).count() == 3
    batch.refresh_from_db()
    assert (batch.status, batch.report["created"]) == ("committed", 3)


def test_people_import_from_xlsx_built_in_memory(coordinator_client, orgs):
    rows = [row[:] for row in GOOD_ROWS]
    content = xlsx_bytes(PEOPLE_HEADERS + ["consent_date", "sites"], [r + ["2024-03-01", 7] for r in rows])
    batch = upload_and_map(coordinator_client, "people.xlsx", content)
    commit(coordinator_client, batch)
    ada = Person.objects.get(last_name="Lovelace")
    assert (ada.consent_date.isoformat(), [t.site.icrp_code for t in ada.site_tags.all()]) == ("2024-03-01", [7])


# The headers of a file in each language, and the field its last column is taken for (the first seven are
# first_name, last_name, email, kind, territory, orcid, organisation).
GUESSED_HEADERS = {
    "french": ("personnes.csv", ["Prénom", "Nom", "Courriel", "Type d'acteur", "Territoire", "ORCID",
                                 "Établissement", "Mots-clés"], "keywords"),
    "english": ("people.csv", ["Given name", "Surname", "E-mail", "Kind of actor", "Region", "ORCID iD",
                               "Institution", "Title"], "position"),
}


@pytest.mark.parametrize("language", list(GUESSED_HEADERS))
def test_mapping_is_guessed_from_the_headers(coordinator_client, language):
    filename, headers, last_field = GUESSED_HEADERS[language]
    upload(coordinator_client, filename, csv_bytes(headers, [["Ada"] * len(headers)]))
    assert ImportBatch.objects.get().mapping == {
        "first_name": 0, "last_name": 1, "email": 2, "kind": 3, "territory": 4, "orcid": 5, "organisation": 6,
        last_field: 7,
    }


def test_mapping_requires_the_required_fields(coordinator_client):
    upload(coordinator_client, "people.csv", csv_bytes(["a", "b"], [["Ada", "Lovelace"]]))
    batch = ImportBatch.objects.get()
    response = coordinator_client.post(reverse("directory:import_mapping", args=[batch.pk]),
                                       {"first_name": "0", "last_name": "1"})
    assert set(response.context["form"].errors) == {"kind", "territory"}


def test_preview_lists_each_rows_errors_naming_the_field(coordinator_client, orgs):
    rows = [
        ["Ada", "Lovelace", "", "researcher", "AURA", "0000-0002-1825-0098", ""],
        ["Louise", "Bouchard", "", "researcher", "Mars", "", ""],
        ["Hugo", "", "", "researcher", "QC", "", ""],
        ["Anne", "Dubois", "", "researcher", "QC", "", "Institut inconnu"],
        ["Jean", "Martin", "jean@example.org", "researcher", "QC", "", ""],
        ["Jeanne", "Martin", "jean@example.org", "researcher", "QC", "", ""],
    ]
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, rows))
    errors = preview_errors(coordinator_client, batch)

    assert [(row, field) for row, field, _ in errors] == [
        (1, "ORCID iD"), (2, "Territory"), (3, "Last name"), (4, "Organisations (separated by ;)"),
        (6, "E-mail address"),
    ]
    messages = {row: message for row, _, message in errors}
    assert "0000-0002-1825-0098" in messages[1]
    assert "Mars" in messages[2]
    assert "Institut inconnu" in messages[4]
    assert "5" in messages[6]
    page = coordinator_client.get(batch.get_absolute_url()).content.decode()
    assert page.count('class="row-error"') == 5


def test_preview_lists_likely_duplicates(coordinator_client, orgs):
    PersonFactory(orcid="0000-0002-1825-0097", email="old@example.org")
    PersonFactory(email="louise@example.org")
    PersonFactory(first_name="Hugo", last_name="Chevallier", organisation=orgs["CLB"])
    rows = [
        ["Ada", "Lovelace", "ada@example.org", "researcher", "AURA", "0000-0002-1825-0097", ""],
        ["Louise", "Bouchard", "Louise@Example.org", "researcher", "QC", "", ""],
        ["Hugo", "Chevalier", "", "researcher", "AURA", "", "CLB"],
        ["Hugo", "Chevalier", "", "researcher", "AURA", "", "CHUM"],
    ]
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, rows))
    results = coordinator_client.get(batch.get_absolute_url()).context["results"]
    assert [r.duplicates for r in results] == [
        ["same ORCID iD as an existing profile"],
        ["same e-mail address as an existing profile"],
        ["similar name to Hugo Chevallier at Centre Léon Bérard"],
        [],
    ]


def test_commit_is_refused_while_errors_remain(coordinator_client, orgs):
    rows = GOOD_ROWS + [["Anne", "Dubois", "", "researcher", "Mars", "", ""]]
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, rows))

    response = commit(coordinator_client, batch)

    assert response.status_code == 200
    assert Person.objects.count() == 0
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.MAPPED
    assert [str(m) for m in response.context["messages"]] == [
        "1 row has errors: correct it, or choose to leave it out."
    ]


def test_leaving_out_the_rows_with_errors_imports_the_rest_and_reports_them(coordinator_client, orgs):
    rows = GOOD_ROWS + [["Anne", "Dubois", "", "researcher", "Mars", "", ""]]
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, rows))

    commit(coordinator_client, batch, skip_invalid=True)

    assert Person.objects.count() == 3
    batch.refresh_from_db()
    assert [(r["row"], r["label"], [e[0] for e in r["errors"]]) for r in batch.report["rejected"]] == [
        (4, "Anne Dubois", ["Territory"])
    ]
    report_page = coordinator_client.get(batch.get_absolute_url())
    assert report_page.templates[0].name == "directory/import_report.html"
    assert "Anne Dubois" in report_page.content.decode()


def test_likely_duplicates_are_left_out_unless_asked(coordinator_client, orgs):
    PersonFactory(first_name="Hugo", last_name="Chevallier", organisation=orgs["CLB"])
    rows = [["Hugo", "Chevalier", "", "researcher", "AURA", "", "CLB"]]
    left_out = upload_and_map(coordinator_client, "a.csv", csv_bytes(PEOPLE_HEADERS, rows))
    commit(coordinator_client, left_out)
    kept = upload_and_map(coordinator_client, "b.csv", csv_bytes(PEOPLE_HEADERS, rows))
    commit(coordinator_client, kept, skip_duplicates=False)

    left_out.refresh_from_db()
    kept.refresh_from_db()
    assert (left_out.report["created"], len(left_out.report["skipped_duplicates"]), kept.report["created"]) == (0, 1, 1)


def test_a_failure_in_the_middle_of_a_commit_writes_nothing(coordinator_client, orgs, monkeypatch):
    real_create = services.person_create
    calls = []

    def fail_on_the_third_row(**kwargs):
        calls.append(kwargs["data"]["last_name"])
        if len(calls) == 3:
            raise ValidationError("the disk is full")
        return real_create(**kwargs)

    monkeypatch.setattr(services, "person_create", fail_on_the_third_row)
    rows = GOOD_ROWS + [["Anne", "Dubois", "", "researcher", "QC", "", ""]]
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, rows))

    response = commit(coordinator_client, batch)

    assert calls == ["Lovelace", "Bouchard", "Chevalier"]
    assert (Person.objects.count(), AuditEntry.objects.count()) == (0, 0)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.MAPPED
    assert [str(m) for m in response.context["messages"]] == [
        "Row 3 could not be written, so nothing was imported: the disk is full"
    ]


def test_a_database_constraint_the_preview_cannot_see_writes_nothing(coordinator_client, orgs):
    """A duplicate e-mail is only a *likely duplicate* in the preview; importing it anyway breaks a constraint."""
    PersonFactory(email="louise@example.org")
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, GOOD_ROWS))

    response = commit(coordinator_client, batch, skip_duplicates=False)

    assert response.status_code == 200
    assert Person.objects.count() == 1
    assert [str(m) for m in response.context["messages"]][0].startswith("Row 2 could not be written")


def test_too_long_values_are_errors_of_the_preview_not_of_the_commit(coordinator_client, orgs):
    headers = PEOPLE_HEADERS + ["keywords", "position"]
    rows = [GOOD_ROWS[0] + ["k" * 501, "p" * 201]]
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(headers, rows))
    assert [field for _, field, _ in preview_errors(coordinator_client, batch)] == ["Keywords", "Position"]


def test_organisations_import_with_parents_in_the_same_file(coordinator_client):
    headers = ["Nom", "Sigle", "Type", "Territoire", "Ville", "ROR", "Tutelle"]
    rows = [
        ["Centre de recherche en cancérologie de Lyon", "CRCL", "research_centre", "AURA", "Lyon", "", "UCBL"],
        ["Université Claude Bernard Lyon 1", "UCBL", "University", "AURA", "Lyon", "https://ror.org/03yrm5c26", ""],
        ["Équipe inconnue", "", "research_centre", "AURA", "Lyon", "", "Nulle part"],
    ]
    batch = upload_and_map(coordinator_client, "orgs.csv", csv_bytes(headers, rows), kind="organisations")
    assert preview_errors(coordinator_client, batch) == [
        (3, "Parent organisation", "unknown organisation “Nulle part”")
    ]

    commit(coordinator_client, batch, skip_invalid=True)

    crcl = Organisation.objects.get(acronym="CRCL")
    assert (crcl.parent.acronym, crcl.parent.ror_id, crcl.parent.kind) == ("UCBL", "03yrm5c26", "university")
    assert Organisation.objects.count() == 2


def test_organisations_with_the_same_name_twice_in_a_file(coordinator_client):
    rows = [["Inserm", "research_centre", "AURA"], ["INSERM", "research_centre", "QC"]]
    batch = upload_and_map(coordinator_client, "orgs.csv", csv_bytes(["name", "kind", "territory"], rows),
                           kind="organisations")
    assert preview_errors(coordinator_client, batch) == [(2, "Name", "same value as row 1 of this file")]


def upload_errors(client, filename: str, content: bytes) -> list[str]:
    response = upload(client, filename, content)
    assert response.status_code == 200
    assert ImportBatch.objects.count() == 0
    return list(response.context["form"].errors["file"])


def test_unreadable_xlsx_is_refused_with_a_clear_error(coordinator_client):
    assert upload_errors(coordinator_client, "people.xlsx", b"this is not a workbook") == [
        "This file is not an XLSX workbook."
    ]
    assert upload_errors(coordinator_client, "people.xlsx", b"PK\x03\x04 broken zip")[0].startswith(
        "The file could not be read"
    )


def test_wrong_extension_is_refused(coordinator_client):
    assert upload_errors(coordinator_client, "people.pdf", b"%PDF-1.4") == [
        "Only .csv and .xlsx files can be imported."
    ]


def test_empty_file_is_refused(coordinator_client):
    response = upload(coordinator_client, "people.csv", b"")
    assert response.context["form"].errors["file"] == ["The submitted file is empty."]
    assert upload_errors(coordinator_client, "people.csv", b"first_name,last_name\n") == [
        "The file has a header row but no data."
    ]


def test_too_large_file_is_refused(coordinator_client, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    content = csv_bytes(PEOPLE_HEADERS, [GOOD_ROWS[0]] * 20000)
    assert upload_errors(coordinator_client, "people.csv", content) == ["The file is too large (at most 1 MB)."]


def test_windows_1252_csv_is_read(coordinator_client, orgs):
    content = csv_bytes(PEOPLE_HEADERS, [["Étienne", "Roux", "", "researcher", "AURA", "", ""]])
    batch = upload_and_map(coordinator_client, "people.csv", content.decode("utf-8").encode("cp1252"))
    assert batch.rows == [["Étienne", "Roux", "", "researcher", "AURA", "", ""]]


def test_semicolon_separated_csv_from_french_spreadsheets_is_read(coordinator_client):
    upload(coordinator_client, "personnes.csv", csv_bytes(["Prénom", "Nom", "Territoire"], [["Ada", "Lovelace",
                                                                                              "AURA"]], ";"))
    batch = ImportBatch.objects.get()
    assert (batch.headers, batch.rows) == (["Prénom", "Nom", "Territoire"], [["Ada", "Lovelace", "AURA"]])


def test_an_imported_file_cannot_be_committed_twice(coordinator_client, orgs):
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, GOOD_ROWS))
    commit(coordinator_client, batch)
    commit(coordinator_client, batch)
    assert Person.objects.count() == 3


def test_member_gets_403_on_every_import_url(member_client):
    batch = ImportBatch.objects.create(kind="people", filename="a.csv", headers=["x"], rows=[["y"]])
    for url in [reverse("directory:imports"), reverse("directory:import_upload"),
                reverse("directory:import_mapping", args=[batch.pk]), batch.get_absolute_url()]:
        assert (member_client.get(url).status_code, member_client.post(url, {}).status_code) == (403, 403), url
    response = upload(member_client, "people.csv", csv_bytes(PEOPLE_HEADERS, GOOD_ROWS))
    assert response.status_code == 403
    assert (ImportBatch.objects.count(), Person.objects.count()) == (1, 0)


def test_coordinator_merges_a_duplicate_field_by_field_and_the_row_is_left_out(coordinator_client, orgs):
    existing = PersonFactory(first_name="Ada", last_name="Lovelace", email="ada@example.org", orcid="",
                             expertise="Analytical engines", keywords="")
    rows = [["Ada", "Lovelace", "ada@example.org", "researcher", "AURA", "0000-0002-1825-0097", "CLB"], GOOD_ROWS[1]]
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, rows))
    page = coordinator_client.get(batch.get_absolute_url()).content.decode()
    url = reverse("directory:import_merge", args=[batch.pk, 1])
    assert url in page
    compare = coordinator_client.get(url)
    fields = {name: (old, new) for name, _label, old, new in compare.context["candidate"].fields}
    assert fields["orcid"] == ("", "0000-0002-1825-0097")
    response = coordinator_client.post(url, {"orcid": "imported", "territory": "existing"})
    assert response["Location"] == reverse("directory:import_preview", args=[batch.pk])
    existing.refresh_from_db()
    assert existing.orcid == "0000-0002-1825-0097"
    entry = AuditEntry.objects.filter(object_id=existing.pk, action=AuditEntry.Action.UPDATE).get()
    assert set(entry.changes) == {"orcid"}
    assert coordinator_client.get(url).status_code == 404  # merged once, not twice
    commit(coordinator_client, batch, skip_duplicates=False)
    batch.refresh_from_db()
    assert (batch.report["created"], batch.report["merged"]) == (1, 1)
    assert Person.objects.filter(last_name="Lovelace").count() == 1


def test_a_row_that_is_not_a_duplicate_cannot_be_merged(coordinator_client, orgs):
    batch = upload_and_map(coordinator_client, "people.csv", csv_bytes(PEOPLE_HEADERS, GOOD_ROWS))
    assert coordinator_client.get(reverse("directory:import_merge", args=[batch.pk, 1])).status_code == 404
