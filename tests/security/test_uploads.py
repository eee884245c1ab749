"""Uploaded files: bounded in size, checked by content, never served or shown as HTML."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from passerelle.core.uploads import attachment_response, check_upload
from passerelle.directory.models import ImportBatch

pytestmark = pytest.mark.django_db
CSV = "first_name,last_name,kind,territory\n"


def upload(client, name: str, content: bytes):
    return client.post(reverse("directory:import_upload"),
                       {"kind": "people", "file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(("name", "content"), [
    ("people.html", b"<html><script>alert(1)</script></html>"),
    ("people.xlsx", b"<html>not a workbook</html>"),
    ("people", b"first_name\nAda\n"),
])
def test_import_refuses_files_that_are_not_tables(coordinator_client, name, content):
    response = upload(coordinator_client, name, content)
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()


def test_import_refuses_a_file_over_the_limit_without_reading_it_all(coordinator_client, settings):
    settings.IMPORT_MAX_BYTES = 1024
    response = upload(coordinator_client, "people.csv", (CSV + "Ada,Lovelace,researcher,QC\n" * 200).encode())
    assert "too large" in str(response.context["form"].errors["file"]) or "volumineux" in str(
        response.context["form"].errors["file"])
    assert not ImportBatch.objects.exists()


def test_markup_in_an_imported_csv_is_shown_as_text_never_as_html(coordinator_client):
    content = (CSV + '"<script>alert(1)</script>",<img src=x onerror=alert(2)>,researcher,QC\n').encode()
    response = upload(coordinator_client, "people.csv", content)
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("directory:import_mapping", args=[batch.pk])
    for url in (reverse("directory:import_mapping", args=[batch.pk]),):
        body = coordinator_client.get(url).content.decode()
        assert "<script>alert(1)" not in body and "<img src=x" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize(("name", "content", "ok"), [
    ("letter.pdf", b"%PDF-1.7 ...", True),
    ("budget.xlsx", b"PK\x03\x04...", True),
    ("photo.png", b"\x89PNG\r\n\x1a\n...", True),
    ("letter.pdf", b"<html><script>alert(1)</script>", False),
    ("page.html", b"<html></html>", False),
    ("image.svg", b"<svg onload=alert(1)>", False),
    ("notes.txt", b"<!DOCTYPE html><html>", False),
    ("notes.txt", b"plain words", True),
    ("notes.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", False),
    ("notes.txt", b"PK\x03\x04\x14\x00\x00\x00", False),
])
def test_documents_are_judged_by_their_content_not_their_name(name, content, ok):
    file = SimpleUploadedFile(name, content)
    if ok:
        check_upload(file, extensions=(".pdf", ".xlsx", ".png", ".txt"))
    else:
        with pytest.raises(ValidationError):
            check_upload(file, extensions=(".pdf", ".xlsx", ".png", ".txt", ".svg"))


def test_documents_over_the_size_limit_are_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="too large|volumineux"):
        check_upload(SimpleUploadedFile("letter.pdf", b"%PDF-" + b"x" * 20))


def test_stored_files_are_served_as_sandboxed_downloads():
    response = attachment_response(SimpleUploadedFile("page.html", b"<html></html>"), "page.html")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
