"""Uploaded documents go through Django's storage API only (STORAGES["default"]): the same code runs on
the local file system and on an S3-compatible store."""
from __future__ import annotations

import pytest
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from passerelle.funding.models import Application
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


class RecordingStorage(InMemoryStorage):
    """An in-memory store that writes down every call Passerelle makes to it."""

    calls: list[tuple[str, str]] = []

    def _save(self, name, content):
        self.calls.append(("save", name))
        return super()._save(name, content)

    def _open(self, name, mode="rb"):
        self.calls.append(("open", name))
        return super()._open(name, mode)

    def delete(self, name):
        self.calls.append(("delete", name))
        return super().delete(name)


@pytest.fixture
def recording_storage(settings, tmp_path):
    RecordingStorage.calls = []
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.RecordingStorage"}}
    return RecordingStorage


def test_an_upload_a_download_and_a_removal_go_through_the_configured_storage(client, case, recording_storage,
                                                                             tmp_path):
    project = ProjectFactory(partners=[(case["lea"], "lead"), (case["marc"], "lead")])
    client.force_login(case["lea_user"])
    client.post(reverse("funding:apply", args=[case["call"].slug]), {"project": project.pk})
    application = Application.objects.get(project=project)
    content = b"%PDF-1.4 the proposal"

    client.post(reverse("funding:application_documents", args=[application.pk]),
                {"kind": "proposal", "file": SimpleUploadedFile("proposal.pdf", content)})
    document = application.documents.get()
    name = f"funding/applications/{application.pk}/proposal.pdf"
    assert (document.file.name, recording_storage.calls) == (name, [("save", name)])
    stored = document.file.storage
    assert isinstance(stored, RecordingStorage) and stored.open(name).read() == content

    response = client.get(reverse("funding:document", args=[application.pk, document.pk]))
    assert (response.status_code, b"".join(response.streaming_content)) == (200, content)
    assert recording_storage.calls.count(("open", name)) == 2

    client.post(reverse("funding:document_delete", args=[application.pk, document.pk]))
    assert recording_storage.calls[-1] == ("delete", name) and not stored.exists(name)
    # nothing went to the local media folder behind the storage's back
    assert list(tmp_path.rglob("*")) == []
