"""Read the JSON form of an instance (ARCHITECTURE.md, "Scheduling") into ``model.Instance``.

Every error raises ``InstanceError`` with a message that names the faulty item, e.g.
``request 'r3': unknown participant 'p9'``. Fixed meetings that on their own break a hard rule
(outside the request's slots, a participant unavailable, one person or one table twice in a
slot, an unknown table) are input errors too. Fixed meetings that are only *jointly*
infeasible (more than ``max_meetings`` for someone, more than the tables of a slot) are left
to the solver, which answers ``status: infeasible``.

Example::

    instance = parse_instance(json.loads(text))
"""
from __future__ import annotations

import json
import math
from typing import Any

from .model import FixedMeeting, Ident, Instance, Participant, Request


class InstanceError(ValueError):
    """The instance is malformed; the message names the item at fault."""


def load_instance(text: str) -> Instance:
    """Parse a JSON text into an Instance (InstanceError on malformed JSON or content)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstanceError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    return parse_instance(data)


def parse_instance(data: Any) -> Instance:
    """Check and convert a decoded JSON object into an Instance (indices everywhere)."""
    if not isinstance(data, dict):
        raise InstanceError("the instance must be a JSON object")
    unknown = set(data) - {"slots", "sessions", "tables", "participants", "requests", "fixed"}
    if unknown:
        raise InstanceError(f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}")
    slots = _parse_slots(data.get("slots"))
    slot_index = {name: s for s, name in enumerate(slots)}
    sessions = _parse_sessions(data.get("sessions"), slot_index)
    tables = _parse_tables(data.get("tables"))
    participants = _parse_participants(data.get("participants", []), slot_index)
    person_index = {p.id: i for i, p in enumerate(participants)}
    requests = _parse_requests(data.get("requests", []), person_index, slot_index)
    instance = Instance(slots, sessions, tables, participants, requests)
    fixed = _parse_fixed(data.get("fixed", []), instance, slot_index)
    return Instance(slots, sessions, tables, participants, requests, fixed)


def _ident(value: Any, what: str) -> Ident:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise InstanceError(f"{what}: id must be a non-empty string or an integer, got {value!r}")
    return value


def _list(value: Any, what: str) -> list:
    if not isinstance(value, list):
        raise InstanceError(f"{what} must be a list, got {type(value).__name__}")
    return value


def _slot_ref(name: Any, slot_index: dict[str, int], what: str) -> int:
    if not isinstance(name, str) or name not in slot_index:
        raise InstanceError(f"{what}: unknown slot {name!r}")
    return slot_index[name]


def _parse_slots(value: Any) -> tuple[str, ...]:
    if value is None:
        raise InstanceError("missing 'slots'")
    slots = _list(value, "'slots'")
    seen: set[str] = set()
    for name in slots:
        if not isinstance(name, str) or not name:
            raise InstanceError(f"slot {name!r}: a slot must be a non-empty string")
        if name in seen:
            raise InstanceError(f"slot {name!r}: duplicate slot id")
        seen.add(name)
    return tuple(slots)


def _parse_sessions(value: Any, slot_index: dict[str, int]) -> tuple[tuple[int, ...], ...]:
    """Sessions as sorted slot indices; slots named in no session each form their own."""
    if value is None:
        return (tuple(range(len(slot_index))),) if slot_index else ()
    owner: dict[int, int] = {}
    sessions = []
    for k, session in enumerate(_list(value, "'sessions'")):
        members = sorted(_slot_ref(n, slot_index, f"session {k}") for n in _list(session, f"session {k}"))
        for s in members:
            if s in owner:
                raise InstanceError(f"session {k}: slot {list(slot_index)[s]!r} is already in session {owner[s]}")
            owner[s] = k
        if members:
            sessions.append(tuple(members))
    sessions += [(s,) for s in range(len(slot_index)) if s not in owner]
    return tuple(sorted(sessions))


def _parse_tables(value: Any) -> tuple[Ident, ...]:
    if value is None:
        raise InstanceError("missing 'tables'")
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise InstanceError(f"'tables': the number of tables must be >= 0, got {value}")
        return tuple(range(value))
    ids = [_ident(t, "table") for t in _list(value, "'tables'")]
    duplicates = sorted({str(t) for t in ids if ids.count(t) > 1})
    if duplicates:
        raise InstanceError(f"table {duplicates[0]!r}: duplicate table id")
    return tuple(ids)


def _parse_participants(value: Any, slot_index: dict[str, int]) -> tuple[Participant, ...]:
    people: list[Participant] = []
    seen: set[Ident] = set()
    for item in _list(value, "'participants'"):
        if not isinstance(item, dict):
            raise InstanceError(f"participant {item!r}: must be an object")
        pid = _ident(item.get("id"), f"participant {item.get('id')!r}")
        what = f"participant {pid!r}"
        if pid in seen:
            raise InstanceError(f"{what}: duplicate participant id")
        seen.add(pid)
        unavailable = frozenset(_slot_ref(n, slot_index, what) for n in _list(item.get("unavailable", []),
                                                                             f"{what}: 'unavailable'"))
        limit = item.get("max_meetings")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise InstanceError(f"{what}: max_meetings must be an integer >= 0 or null, got {limit!r}")
        people.append(Participant(pid, unavailable, limit))
    return tuple(people)


def _parse_weight(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise InstanceError(f"{what}: weight must be a finite number >= 0, got {value!r}")
    return value


def _parse_requests(value: Any, person_index: dict[Ident, int],
                    slot_index: dict[str, int]) -> tuple[Request, ...]:
    requests: list[Request] = []
    seen: set[Ident] = set()
    for item in _list(value, "'requests'"):
        if not isinstance(item, dict):
            raise InstanceError(f"request {item!r}: must be an object")
        rid = _ident(item.get("id"), f"request {item.get('id')!r}")
        what = f"request {rid!r}"
        if rid in seen:
            raise InstanceError(f"{what}: duplicate request id")
        seen.add(rid)
        names = _list(item.get("participants"), f"{what}: 'participants'")
        for name in names:
            if isinstance(name, bool) or not isinstance(name, str | int) or name not in person_index:
                raise InstanceError(f"{what}: unknown participant {name!r}")
        if len(set(names)) != len(names):
            raise InstanceError(f"{what}: a participant is named twice")
        if len(names) < 2:
            raise InstanceError(f"{what}: a meeting needs at least two participants")
        weight = _parse_weight(item.get("weight", 1), what)
        allowed = item.get("slots")
        slots = tuple(range(len(slot_index))) if allowed is None else tuple(
            sorted({_slot_ref(n, slot_index, what) for n in _list(allowed, f"{what}: 'slots'")}))
        requests.append(Request(rid, tuple(person_index[n] for n in names), weight, slots))
    return tuple(requests)


def _parse_fixed(value: Any, instance: Instance, slot_index: dict[str, int]) -> tuple[FixedMeeting, ...]:
    request_index = {r.id: i for i, r in enumerate(instance.requests)}
    fixed: list[FixedMeeting] = []
    for item in _list(value, "'fixed'"):
        if not isinstance(item, dict):
            raise InstanceError(f"fixed meeting {item!r}: must be an object")
        rid = item.get("request")
        what = f"fixed meeting of request {rid!r}"
        if isinstance(rid, bool) or not isinstance(rid, str | int) or rid not in request_index:
            raise InstanceError(f"{what}: unknown request {rid!r}")
        slot = _slot_ref(item.get("slot"), slot_index, what)
        table = _table_ref(item.get("table"), instance.tables, what)
        fixed.append(FixedMeeting(request_index[rid], slot, table))
    _check_fixed_rules(fixed, instance)
    return tuple(fixed)


def _table_ref(value: Any, tables: tuple[Ident, ...], what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or value not in tables:
        raise InstanceError(f"{what}: unknown table {value!r}")
    return tables.index(value)


def _check_fixed_rules(fixed: list[FixedMeeting], instance: Instance) -> None:
    """Refuse fixed meetings that break a hard rule on their own or pairwise."""
    seen_requests: set[int] = set()
    person_slot: dict[tuple[int, int], int] = {}
    table_slot: dict[tuple[int, int], int] = {}
    for f in fixed:
        request = instance.requests[f.request]
        what = f"fixed meeting of request {request.id!r} in slot {instance.slots[f.slot]!r}"
        if f.request in seen_requests:
            raise InstanceError(f"{what}: request {request.id!r} is fixed twice")
        seen_requests.add(f.request)
        if f.slot not in request.slots:
            raise InstanceError(f"{what}: the slot is not among the request's allowed slots")
        for p in request.participants:
            person = instance.participants[p]
            if f.slot in person.unavailable:
                raise InstanceError(f"{what}: participant {person.id!r} is unavailable then")
            other = person_slot.setdefault((p, f.slot), f.request)
            if other != f.request:
                raise InstanceError(f"{what}: participant {person.id!r} is already fixed in request "
                                    f"{instance.requests[other].id!r} at that slot")
        if f.table is not None:
            other = table_slot.setdefault((f.table, f.slot), f.request)
            if other != f.request:
                raise InstanceError(f"{what}: table {instance.tables[f.table]!r} already holds request "
                                    f"{instance.requests[other].id!r} at that slot")
