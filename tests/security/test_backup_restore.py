"""Backup and restore (scripts/backup.sh, scripts/restore.sh): dump, wipe, restore, same figures.

Needs PostgreSQL and its client tools (pg_dump, pg_restore, psql): skipped on SQLite.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from passerelle.directory.models import AuditEntry, Organisation, Person
from passerelle.events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore need PostgreSQL")


def database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def script(name: str, *args: str, media: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url()}
    if media is not None:
        env["MEDIA_ROOT"] = str(media)
    return subprocess.run(["bash", str(ROOT / "scripts" / name), *args], env=env, capture_output=True, text=True,
                          timeout=120)


def figures() -> dict:
    return {
        "people": sorted(Person.objects.values_list("last_name", "email", "visibility")),
        "organisations": Organisation.objects.count(),
        "registrations per event": dict(Event.objects.annotate(n=Count("registrations")).values_list("slug", "n")),
        "audit entries": AuditEntry.objects.count(),
        "search finds": list(Person.objects.filter(search_document__icontains="quarkonium").values_list("pk")),
    }


@pytest.fixture
def world(db):
    org = OrganisationFactory(name="Institut Sauvegarde")
    people = [PersonFactory(organisation=org, expertise=f"quarkonium {i}") for i in range(5)]
    event = EventFactory(slug="entretiens-sauvegarde")
    for person in people[:3]:
        RegistrationFactory(event=event, person=person)
    AuditEntry.objects.create(action="create", object_type="person", object_id=people[0].pk, object_repr="x")
    return people


def test_backup_wipe_restore_gives_back_the_same_figures(world, tmp_path):
    before = figures()
    media = tmp_path / "media"
    (media / "applications").mkdir(parents=True)
    (media / "applications" / "letter.pdf").write_bytes(b"%PDF-1.4 letter")

    backup = script("backup.sh", str(tmp_path / "backups"), media=media)
    assert backup.returncode == 0, backup.stderr
    dump, archive = backup.stdout.split()
    assert dump.endswith(".dump") and archive.endswith("-media.tar.gz")

    call_command("flush", interactive=False, verbosity=0)
    (media / "applications" / "letter.pdf").unlink()
    assert (Person.objects.count(), Registration.objects.count()) == (0, 0)
    connection.close()

    restore = script("restore.sh", dump, "--media", archive, "--force", media=media)

    assert restore.returncode == 0, restore.stderr
    assert figures() == before
    assert (media / "applications" / "letter.pdf").read_bytes() == b"%PDF-1.4 letter"
    # Sequences come back too: a new row does not collide with a restored one.
    assert PersonFactory().pk > max(p.pk for p in world)


def test_restore_refuses_a_database_in_use_without_force(world, tmp_path):
    dump = script("backup.sh", str(tmp_path)).stdout.split()[0]
    connection.close()
    refused = script("restore.sh", dump)
    assert refused.returncode == 3 and "add --force" in refused.stderr
    assert Person.objects.count() == len(world)


def test_a_broken_dump_changes_nothing(world, tmp_path):
    dump = Path(script("backup.sh", str(tmp_path)).stdout.split()[0])
    broken = tmp_path / "broken.dump"
    broken.write_bytes(dump.read_bytes()[: len(dump.read_bytes()) // 2])
    before = figures()
    connection.close()

    result = script("restore.sh", str(broken), "--force")

    assert result.returncode != 0
    assert figures() == before


def test_scripts_refuse_a_database_that_is_not_postgresql(tmp_path):
    env = {**os.environ, "DATABASE_URL": "sqlite:///db.sqlite3"}
    for name, args in (("backup.sh", [str(tmp_path)]), ("restore.sh", ["x.dump"])):
        result = subprocess.run(["bash", str(ROOT / "scripts" / name), *args], env=env, capture_output=True,
                                text=True, timeout=30)
        assert result.returncode == 2 and "PostgreSQL" in result.stderr
