"""The matching indexes of the directory (people, organisations), kept in memory per process
and rebuilt when the directory changes.

Every use checks a *fingerprint* of the directory (one aggregate query: how many people and
organisations, the latest ``updated_at`` and primary key of each). Every write that matters
to matching (profile edits, tags, affiliations, visibility, imports, deletions) goes through
a service, an import or the admin, which all save the ``Person``/``Organisation`` row, so the
fingerprint moves. When it has moved, the index is rebuilt from the database before
answering (0.7 s for the ~600 demo profiles), or, for a large directory, by a worker while the
previous index keeps answering (:func:`current_index`, docs/decisions.md). What a worker builds is
stored in the database (:class:`~passerelle.suggestions.models.IndexSnapshot`), so that every web
process, on every server, answers from the same index: a process loads it when its version moves.
"""
from __future__ import annotations

import hmac
import logging
import pickle
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from passerelle.directory.engine_documents import code_labels, engine_labels, engine_language
from passerelle.directory.models import Organisation, Person
from passerelle.matching import MatchingIndex, build_index

from .documents import ProfileFacts, load_profile_facts, organisation_documents

Fingerprint = tuple[Any, ...]
logger = logging.getLogger(__name__)


@dataclass
class DirectoryIndex:
    """The people and organisation indexes fitted on the directory as of ``fingerprint``."""

    fingerprint: Fingerprint
    people: MatchingIndex
    organisations: MatchingIndex
    facts: dict[int, ProfileFacts]
    members: dict[int, list[int]]  # organisation pk → its people's pks
    code_labels: dict[str, dict[str, dict[str, str]]]  # language → family → code → name
    build_seconds: float
    built_at: float = field(default_factory=time.time)


_lock = threading.Lock()
_current: DirectoryIndex | None = None
_snapshot_seen: int | None = None  # version of the stored snapshot last read by this process
SNAPSHOT_KEY = "directory"
REBUILD_HANDLER = "passerelle.suggestions.jobs.rebuild_index"


def directory_fingerprint() -> Fingerprint:
    """A value that changes whenever a profile or an organisation is created, saved or deleted."""
    # One aggregate per query: PostgreSQL then reads MAX() from the end of an index and COUNT(*) from
    # the smallest index, instead of reading every row of the directory at each request.
    values = []
    for model in (Person, Organisation):
        values += [model.objects.count(), model.objects.aggregate(last=Max("updated_at"))["last"],
                   model.objects.aggregate(top=Max("pk"))["top"]]
    return tuple(values)


def build_directory_index(fingerprint: Fingerprint | None = None) -> DirectoryIndex:
    """Read the whole directory and fit both indexes (no caching)."""
    started = time.perf_counter()
    fingerprint = fingerprint if fingerprint is not None else directory_fingerprint()
    facts = load_profile_facts()
    people = build_index([f.document() for f in facts])
    organisations = build_index(organisation_documents(facts))
    members: dict[int, list[int]] = {}
    for f in facts:
        for org in f.organisations:
            members.setdefault(org, []).append(f.pk)
    return DirectoryIndex(fingerprint, people, organisations, {f.pk: f for f in facts}, members,
                          {"fr": code_labels(french=True), "en": code_labels(french=False)},
                          time.perf_counter() - started)


def current_index() -> DirectoryIndex:
    """The index to answer from now.

    Fresh when the directory has not changed since it was built. After a change, a directory of
    up to ``SUGGESTIONS_SYNC_REBUILD_LIMIT`` people is re-indexed at once, here; a larger one keeps
    answering from the previous index while a worker rebuilds it and stores a snapshot that
    every process picks up (:func:`rebuild_and_save`). With no index at all, one is built here.
    """
    global _current
    fingerprint = directory_fingerprint()
    index = _current
    if index is not None and index.fingerprint == fingerprint:
        return index
    with _lock:
        snapshot = _read_new_snapshot()
        if snapshot is not None and (_current is None or snapshot.built_at > _current.built_at):
            _current = snapshot
        if _current is not None and _current.fingerprint == fingerprint:
            return _current
        if _current is None or fingerprint[0] <= settings.SUGGESTIONS_SYNC_REBUILD_LIMIT:
            _current = build_directory_index(fingerprint)
            return _current
        stale = _current
    request_rebuild()
    return stale


def _sign(data: bytes) -> str:
    return salted_hmac("passerelle.suggestions.index", data, algorithm="sha256").hexdigest()


def _read_new_snapshot() -> DirectoryIndex | None:
    """The stored snapshot, if its version moved since this process last read it (one small query
    otherwise). A snapshot whose signature does not match is ignored."""
    global _snapshot_seen
    from .models import IndexSnapshot

    version = IndexSnapshot.objects.filter(key=SNAPSHOT_KEY).values_list("version", flat=True).first()
    if version is None or version == _snapshot_seen:
        return None
    row = IndexSnapshot.objects.filter(key=SNAPSHOT_KEY).first()
    if row is None:
        return None
    _snapshot_seen = row.version
    data = bytes(row.data)
    if not hmac.compare_digest(_sign(data), row.signature):
        logger.error("The stored suggestions index has a wrong signature (another SECRET_KEY?): ignored")
        return None
    try:
        # Signed with this site's SECRET_KEY: only ever written by store_index below.
        return pickle.loads(zlib.decompress(data))  # noqa: S301
    except Exception:  # noqa: BLE001 - e.g. written by an older version of the code: rebuilt instead
        logger.exception("The stored suggestions index could not be read: ignored")
        return None


def store_index(index: DirectoryIndex) -> int:
    """Store ``index`` for every process; returns the new version."""
    from .models import IndexSnapshot

    data = zlib.compress(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL), 1)
    fields = {"fingerprint": repr(index.fingerprint), "data": data, "signature": _sign(data),
              "people": len(index.people), "built_at": datetime.fromtimestamp(index.built_at, tz=UTC)}
    with transaction.atomic():
        if not IndexSnapshot.objects.filter(key=SNAPSHOT_KEY).update(version=F("version") + 1, **fields):
            try:
                with transaction.atomic():
                    IndexSnapshot.objects.create(key=SNAPSHOT_KEY, **fields)
            except IntegrityError:  # another worker created it at the same moment
                IndexSnapshot.objects.filter(key=SNAPSHOT_KEY).update(version=F("version") + 1, **fields)
    return IndexSnapshot.objects.filter(key=SNAPSHOT_KEY).values_list("version", flat=True).get()


def stored_fingerprint() -> str | None:
    from .models import IndexSnapshot

    return IndexSnapshot.objects.filter(key=SNAPSHOT_KEY).values_list("fingerprint", flat=True).first()


def rebuild_and_save() -> DirectoryIndex:
    """Build the index, store it where every process will find it, and use it here."""
    global _current, _snapshot_seen
    index = build_directory_index()
    version = store_index(index)
    with _lock:
        _current, _snapshot_seen = index, version
    return index


def refresh_stored_index() -> bool:
    """Rebuild and store the index when the stored one is missing or older than the directory."""
    if stored_fingerprint() == repr(directory_fingerprint()):
        return False
    rebuild_and_save()
    return True


def request_rebuild() -> None:
    """Start the rebuild job unless one is already waiting or running."""
    from passerelle.jobs.services import job_start_unless_pending

    job_start_unless_pending(handler=REBUILD_HANDLER, title=_("Updating the index of suggested partners"))


def forget_index() -> None:
    """Drop the in-memory index (tests; after a restore of the database)."""
    global _current, _snapshot_seen
    with _lock:
        _current, _snapshot_seen = None, None


def labels(index: DirectoryIndex) -> dict[str, dict[str, str]]:
    """Names of codes and kinds in the active language, for the engine's reasons."""
    return engine_labels(index.code_labels[engine_language()])
