"""The index stored in the database: written by a worker, loaded by every process when its version moves."""
from __future__ import annotations

import pytest

from passerelle.directory import services as directory_services
from passerelle.jobs.services import job_start
from passerelle.suggestions import index as index_module
from passerelle.suggestions.index import current_index, directory_fingerprint
from passerelle.suggestions.models import IndexSnapshot

pytestmark = pytest.mark.django_db


def test_a_stored_index_is_loaded_by_another_process_once_per_version(community):
    built = index_module.rebuild_and_save()
    assert IndexSnapshot.objects.get().version == 1
    index_module.forget_index()  # another process: nothing in memory

    loaded = current_index()

    assert loaded is not built and loaded.fingerprint == built.fingerprint == directory_fingerprint()
    assert loaded.facts[community.economist.pk].expertise == community.economist.expertise
    assert index_module._read_new_snapshot() is None  # same version: not read again
    index_module.rebuild_and_save()
    assert IndexSnapshot.objects.get().version == 2


def test_a_snapshot_with_a_wrong_signature_is_never_unpickled(community):
    index_module.rebuild_and_save()
    IndexSnapshot.objects.update(signature="0" * 64)
    index_module.forget_index()
    assert index_module._read_new_snapshot() is None
    assert current_index().fingerprint == directory_fingerprint()  # built here instead


def test_a_large_directory_answers_from_the_stored_index_until_the_worker_refreshes_it(community, coordinator,
                                                                                        settings):
    settings.SUGGESTIONS_SYNC_REBUILD_LIMIT = 0
    index_module.rebuild_and_save()
    index_module.forget_index()
    before = current_index()  # loaded from the database
    directory_services.person_update(actor=coordinator, person=community.economist,
                                     data={"expertise": "Radiomics of glioblastoma MRI"})
    assert index_module.stored_fingerprint() != repr(directory_fingerprint())

    job = job_start(handler="passerelle.suggestions.jobs.refresh_index", title="Refresh")

    assert job.result == {"rebuilt": True}
    assert index_module.stored_fingerprint() == repr(directory_fingerprint())
    index_module.forget_index()  # a web process that had the old one reloads the new version
    index_module._current = before
    fresh = current_index()
    assert fresh.facts[community.economist.pk].expertise == "Radiomics of glioblastoma MRI"
    assert job_start(handler="passerelle.suggestions.jobs.refresh_index", title="Again").result == {"rebuilt": False}


def test_a_signed_snapshot_this_code_cannot_read_is_ignored(community):
    index_module.rebuild_and_save()
    data = b"not an index"
    IndexSnapshot.objects.update(data=data, signature=index_module._sign(data), version=7)
    index_module.forget_index()
    assert index_module._read_new_snapshot() is None
    assert current_index().fingerprint == directory_fingerprint()
