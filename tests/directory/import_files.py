"""Builders of import files in memory (CSV and XLSX) and the steps of the import pages."""
from __future__ import annotations

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from passerelle.directory.models import ImportBatch

PEOPLE_HEADERS = ["first_name", "last_name", "email", "kind", "territory", "orcid", "organisation"]


def csv_bytes(headers: list[str], rows: list[list[str]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(headers: list[str], rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, filename: str, content: bytes, kind: str = "people"):
    return client.post(reverse("directory:import_upload"),
                       {"kind": kind, "file": SimpleUploadedFile(filename, content)})


def upload_and_map(client, filename: str, content: bytes, kind: str = "people") -> ImportBatch:
    """Upload a file and accept the guessed mapping; returns the batch, ready to preview."""
    response = upload(client, filename, content, kind)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    batch = ImportBatch.objects.latest("pk")
    mapping = {name: str(index) for name, index in batch.mapping.items()}
    response = client.post(reverse("directory:import_mapping", args=[batch.pk]), mapping)
    assert response["Location"] == batch.get_absolute_url()
    batch.refresh_from_db()
    return batch


def commit(client, batch: ImportBatch, *, skip_invalid: bool = False, skip_duplicates: bool = True):
    data = {}
    if skip_invalid:
        data["skip_invalid"] = "on"
    if skip_duplicates:
        data["skip_duplicates"] = "on"
    return client.post(batch.get_absolute_url(), data)
