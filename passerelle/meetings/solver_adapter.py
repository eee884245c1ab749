"""The bridge between the meetings models and the pure solver (``passerelle.scheduling``).

``take_snapshot(session)`` reads a session into the solver's JSON instance (slots by UTC key, one
solver session per time window, tables by primary key, one participant per person, one request
per accepted meeting request); meetings already announced (published) or locked by a coordinator
are ``fixed`` with their table, so re-scheduling never moves them. The snapshot carries a
fingerprint of everything the solver relied on: applying a result checks it again under the
session lock and refuses to write if the schedule changed meanwhile.

Example::

    snapshot = take_snapshot(session)
    solution = solve(parse_instance(snapshot.data), time_limit=30)
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from passerelle.core.enums import Territory
from passerelle.directory.models import Person

from . import reasons, rules
from .enums import MeetingStatus, Priority, RequestStatus
from .models import B2BSession, MeetingRequest, Participant, RequestInvitee

CROSS_BORDER_BONUS = 1.0


def person_key(person_id: int) -> str:
    return f"p{person_id}"


def request_key(request_id: int) -> str:
    return f"r{request_id}"


def request_weight(request: MeetingRequest, territories: dict[int, str]) -> float:
    """How much a request is worth to the schedule: the sender's priority (1–3), plus the mean
    priority the invitees gave when accepting (normal when they gave none), plus one when the
    meeting brings the two territories together (the cooperation's purpose)."""
    answers = list(request.answers.all())
    given = [a.priority or Priority.NORMAL for a in answers]
    weight = float(request.priority) + (sum(given) / len(given) if given else Priority.NORMAL)
    people = [request.requester_id, *(a.person_id for a in answers)]
    present = {territories.get(p) for p in people}
    if {Territory.AURA, Territory.QC} <= present:
        weight += CROSS_BORDER_BONUS
    return round(weight, 3)


@dataclass
class Snapshot:
    """A session as the solver sees it, and what is needed to write the answer back."""

    data: dict
    fingerprint: str
    request_pks: dict[str, int] = field(default_factory=dict)       # instance id -> MeetingRequest pk
    fixed_meetings: set[int] = field(default_factory=set)            # meetings kept where they are
    replaced_meetings: set[int] = field(default_factory=set)         # draft meetings the run re-places
    left_out: list[dict] = field(default_factory=list)               # [{"request": pk, "reason": str}]
    warnings: list[str] = field(default_factory=list)


def fingerprint(session: B2BSession) -> str:
    """A digest of what a run depends on: grid, accepted requests, meetings, availability."""
    meetings = sorted(session.meetings.filter(status=MeetingStatus.SCHEDULED)
                      .values_list("pk", "slot_id", "table_id", "locked", "published_at"))
    accepted = sorted(session.requests.filter(status=RequestStatus.ACCEPTED).values_list("pk", flat=True))
    participants = session.participants.aggregate(last=Max("updated_at"))["last"]
    state = {
        "grid": sorted(session.slots.values_list("pk", "start")) + sorted(session.tables.values_list("pk", flat=True)),
        "max": session.max_meetings, "meetings": meetings, "accepted": accepted, "availability": participants,
        "registered": sorted(rules.registered_people(session).values_list("pk", flat=True)),
    }
    return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()


def take_snapshot(session: B2BSession) -> Snapshot:
    """The solver's instance for ``session`` (see the module's docstring)."""
    slots = list(session.slots.select_related("window").order_by("start"))
    key_of = {slot.pk: slot.key for slot in slots}
    windows: dict[int, list[str]] = defaultdict(list)
    for slot in slots:
        windows[slot.window_id].append(slot.key)
    requests = list(session.requests.filter(status=RequestStatus.ACCEPTED).select_related("requester")
                    .prefetch_related(Prefetch("answers", queryset=RequestInvitee.objects.order_by("pk")))
                    .order_by("created_at", "pk"))
    meetings = {m.request_id: m for m in session.meetings.filter(status=MeetingStatus.SCHEDULED)}
    registered = set(rules.registered_people(session).values_list("pk", flat=True))
    person_ids = {p for r in requests for p in (r.requester_id, *(a.person_id for a in r.answers.all()))}
    people = Person.objects.in_bulk(person_ids)
    territories = {pk: person.territory for pk, person in people.items()}
    snapshot = Snapshot(data={}, fingerprint=fingerprint(session))
    instance_requests, fixed, fixed_count = [], [], Counter()
    fixed_slots: dict[int, set[int]] = defaultdict(set)
    for request in requests:
        people_of = [request.requester_id, *(a.person_id for a in request.answers.all())]
        meeting = meetings.get(request.pk)
        kept = meeting is not None and (meeting.locked or meeting.published_at is not None)
        gone = [people[p].full_name for p in people_of if p not in registered]
        if gone and not kept:
            snapshot.left_out.append({"request": request.pk, "code": "unregistered", "names": ", ".join(gone)})
            if meeting is not None:
                snapshot.replaced_meetings.add(meeting.pk)
            continue
        key = request_key(request.pk)
        snapshot.request_pks[key] = request.pk
        instance_requests.append({"id": key, "participants": [person_key(p) for p in people_of],
                                  "weight": request_weight(request, territories)})
        if kept:
            fixed.append({"request": key, "slot": key_of[meeting.slot_id], "table": meeting.table_id})
            snapshot.fixed_meetings.add(meeting.pk)
            for p in people_of:
                fixed_count[p] += 1
                fixed_slots[p].add(meeting.slot_id)
        elif meeting is not None:
            snapshot.replaced_meetings.add(meeting.pk)
    snapshot.data = {
        "slots": [slot.key for slot in slots],
        "sessions": [keys for _window, keys in sorted(windows.items(), key=lambda item: item[1][0])],
        "tables": list(session.tables.order_by("position", "pk").values_list("pk", flat=True)),
        "participants": _participants(session, sorted(person_ids), key_of, fixed_count, fixed_slots, people,
                                      snapshot.warnings),
        "requests": instance_requests,
        "fixed": fixed,
    }
    return snapshot


def _participants(session: B2BSession, person_ids: list[int], key_of: dict[int, str], fixed_count: Counter,
                  fixed_slots: dict[int, set[int]], people: dict[int, Person], warnings: list[str]) -> list[dict]:
    """One entry per person; an announced meeting wins over a later unavailability or limit (it is
    kept, and the coordinator is warned)."""
    settings_of = {p.person_id: p for p in Participant.objects.filter(session=session, person_id__in=person_ids)
                   .prefetch_related("unavailable_slots")}
    entries = []
    for pk in person_ids:
        participant = settings_of.get(pk)
        unavailable = {slot.pk for slot in participant.unavailable_slots.all()} if participant else set()
        clash = unavailable & fixed_slots.get(pk, set())
        if clash:
            warnings.append(_("%(name)s marked as unavailable a slot where a meeting was already announced; "
                              "the meeting is kept.") % {"name": people[pk].full_name})
        limit = participant.limit(session) if participant else session.max_meetings
        if limit is not None and fixed_count[pk] > limit:
            warnings.append(_("%(name)s has more announced meetings than their limit; they are kept.")
                            % {"name": people[pk].full_name})
            limit = fixed_count[pk]
        entry: dict = {"id": person_key(pk),
                       "unavailable": sorted(key_of[s] for s in unavailable - clash if s in key_of)}
        if limit is not None:
            entry["max_meetings"] = limit
        entries.append(entry)
    return entries


def meetings_of_output(snapshot: Snapshot, output: dict, slot_pks: dict[str, int]) -> list[tuple[int, int, int]]:
    """(request pk, slot pk, table pk) of the meetings a run adds (fixed ones are already stored)."""
    fixed = {f["request"] for f in snapshot.data["fixed"]}
    return [(snapshot.request_pks[m["request"]], slot_pks[m["slot"]], int(m["table"]))
            for m in output["meetings"] if m["request"] not in fixed]


def explain_unscheduled(snapshot: Snapshot, output: dict, names: dict[str, str]) -> list[dict]:
    """The requests left out, each with its reason as data (``reasons.reason_text`` words it in the
    reader's language): the snapshot's own, then the solver's, with people named, not numbered."""
    return list(snapshot.left_out) + [
        {"request": snapshot.request_pks[item["request"]], **reasons.solver_reason(item, names)}
        for item in output.get("unscheduled", [])
    ]
