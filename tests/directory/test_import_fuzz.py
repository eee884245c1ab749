"""Random text in every column of an import never breaks it: a clear result, never half a batch."""
from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.directory import import_fields, imports
from passerelle.directory.models import ImportBatch, Organisation, Person
from tests.directory.import_files import csv_bytes, xlsx_bytes
from tests.factories import CoordinatorFactory, OrganisationFactory, PersonFactory

VALID = {
    "first_name": ["Ada", "Étienne"], "last_name": ["Lovelace", "Roux"], "email": ["ada@example.org", ""],
    "kind": ["researcher", "Clinician"], "territory": ["AURA", "QC"], "orcid": ["0000-0002-1825-0097", ""],
    "organisation": ["CLB", ""], "languages": ["fr; en"], "categories": ["5.3:40", "1"], "sites": ["7", "6:50"],
    "techniques": ["radiomics"], "visibility": ["public"], "consent_date": ["2024-01-31"],
    "name": ["Inserm", "CHUM"], "acronym": ["INS"], "website": ["https://example.org"], "ror_id": ["03yrm5c26"],
    "parent": ["CLB", ""],
}


def cell(name: str):
    noise = st.text(max_size=300) | st.text(alphabet=";:|,%-.\n0123456789 aéX", max_size=30)
    return st.sampled_from(VALID.get(name, [""])) | noise


def rows_for(kind: str):
    names = [t.name for t in import_fields.fields_for(kind)]
    return st.lists(st.tuples(*[cell(n) for n in names]).map(list), min_size=1, max_size=4)


def run_import(kind: str, rows: list[list[str]], fmt: str, skip_duplicates: bool) -> None:
    """The whole pipeline; checks that the outcome is a report or a refusal, and all or nothing."""
    headers = [t.name for t in import_fields.fields_for(kind)]
    model = Person if kind == "people" else Organisation
    try:
        content = xlsx_bytes(headers, rows) if fmt == "xlsx" else csv_bytes(headers, rows)
    except Exception:  # openpyxl refuses control characters: such a file cannot exist
        return
    try:
        headers_read, rows_read = imports.read_table(f"fuzz.{fmt}", content)
    except imports.UnreadableFile as exc:
        assert str(exc)
        return
    batch = ImportBatch.objects.create(kind=kind, filename="fuzz", headers=headers_read, rows=rows_read,
                                       mapping=import_fields.guess_mapping(kind, headers_read))
    results = imports.validate_batch(batch)
    before = model.objects.count()
    try:
        report = imports.commit_batch(batch=batch, actor=None, options=imports.CommitOptions(
            skip_invalid=True, skip_duplicates=skip_duplicates))
    except imports.CommitRefused as exc:
        assert str(exc)
        assert model.objects.count() == before
        return
    accepted = [r for r in results if r.ok and not (r.duplicates and skip_duplicates)]
    assert report["created"] == len(accepted) == model.objects.count() - before
    assert len(report["rejected"]) == len([r for r in results if not r.ok])


@pytest.fixture
def reference(db):
    clb = OrganisationFactory(name="Centre Léon Bérard", acronym="CLB")
    PersonFactory(email="ada@example.org", organisation=clb)
    return CoordinatorFactory()


FUZZ = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", ["people", "organisations"])
def test_random_cells_never_break_an_import_nor_write_half_a_batch(reference, kind, fmt):
    @FUZZ
    @given(rows=rows_for(kind), skip_duplicates=st.booleans())
    def check(rows, skip_duplicates):
        with transaction.atomic():
            run_import(kind, rows, fmt, skip_duplicates)
            transaction.set_rollback(True)

    check()


def test_random_cells_never_give_a_server_error_through_the_pages(reference, client):
    client.force_login(reference)

    @settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(rows=rows_for("people"))
    def check(rows):
        from tests.directory.import_files import commit, upload

        with transaction.atomic():
            headers = [t.name for t in import_fields.fields_for("people")]
            response = upload(client, "fuzz.csv", csv_bytes(headers, rows))
            assert response.status_code in (200, 302)
            if response.status_code == 302:
                batch = ImportBatch.objects.latest("pk")
                batch.status = ImportBatch.Status.MAPPED
                batch.save()
                assert client.get(batch.get_absolute_url()).status_code == 200
                assert commit(client, batch, skip_invalid=True).status_code in (200, 302)
            transaction.set_rollback(True)

    check()
