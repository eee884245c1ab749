"""Read the JSON form of an instance (docs/engines.md, "Scheduling", "Input") into ``model.Instance``.

Every error raises ``InstanceError`` with a message that names the faulty item, e.g.
``request 'r3': unknown participant 'p9'``. Fixed meetings that on their own break a hard rule
(outside the request's slots, a participant unavailable, one person or one table twice in a
slot, an unknown table) are input errors too. Fixed meetings that are only *jointly*
infeasible (more than ``max_meetings`` for someone, more than the tables of a slot) are left
to the solver, which answers ``status: infeasible``.

Reading is linear in the size of the input and bounded: weights at most ``MAX_WEIGHT``, at
most ``MAX_TABLES`` tables, ids valid Unicode, JSON nesting and number lengths within Python's
limits; anything else is an ``InstanceError``, never a traceback.

Example::

    instance = parse_instance(json.loads(text))
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from .model import FixedMeeting, Ident, Instance, Participant, Request

# Limits that keep every input cheap to read and within CP-SAT's 64-bit integers: weights are
# scaled by up to 10**6 and summed over all requests, so 10**6 * 10**6 * requests stays far below 2**63.
MAX_WEIGHT = 1_000_000
MAX_TABLES = 100_000


class InstanceError(ValueError):
    """The instance is malformed; the message names the item at fault."""


def load_json(text: str, what: str = "the instance") -> Any:
    """Decode JSON text; every failure (syntax, nesting too deep, a number too long) is an InstanceError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstanceError(f"malformed JSON in {what}: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise InstanceError(f"malformed JSON in {what}: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InstanceError(f"malformed JSON in {what}: {exc}") from None


def load_instance(text: str) -> Instance:
    """Parse a JSON text into an Instance (InstanceError on malformed JSON or content)."""
    return parse_instance(load_json(text))


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
        raise InstanceError(f"{what}: id must be a non-empty string or an integer, got {_short(value)}")
    if isinstance(value, str):
        _text(value, what)
    return value


def _text(value: str, what: str) -> str:
    """Refuse strings that cannot be written back as UTF-8 (a lone surrogate such as \\ud800)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InstanceError(f"{what}: {_short(value)} is not valid Unicode text (lone surrogate)") from None
    return value


def _short(value: Any) -> str:
    """A repr short enough for an error message (huge numbers or strings are cut)."""
    if isinstance(value, int) and abs(value) >= 10**30:
        return f"a {len(str(abs(value)))}-digit number"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _list(value: Any, what: str) -> list:
    if not isinstance(value, list):
        raise InstanceError(f"{what} must be a list, got {type(value).__name__}")
    return value


def _slot_ref(name: Any, slot_index: dict[str, int], what: str) -> int:
    if not isinstance(name, str) or name not in slot_index:
        raise InstanceError(f"{what}: unknown slot {_short(name)}")
    return slot_index[name]


def _parse_slots(value: Any) -> tuple[str, ...]:
    if value is None:
        raise InstanceError("missing 'slots'")
    slots = _list(value, "'slots'")
    seen: set[str] = set()
    for name in slots:
        if not isinstance(name, str) or not name:
            raise InstanceError(f"slot {_short(name)}: a slot must be a non-empty string")
        _text(name, "slot")
        if name in seen:
            raise InstanceError(f"slot {name!r}: duplicate slot id")
        seen.add(name)
    return tuple(slots)


def _parse_sessions(value: Any, slot_index: dict[str, int]) -> tuple[tuple[int, ...], ...]:
    """Sessions as sorted slot indices; slots named in no session each form their own."""
    if value is None:
        return (tuple(range(len(slot_index))),) if slot_index else ()
    owner: dict[int, int] = {}
    names = list(slot_index)
    sessions = []
    for k, session in enumerate(_list(value, "'sessions'")):
        members = sorted(_slot_ref(n, slot_index, f"session {k}") for n in _list(session, f"session {k}"))
        for s in members:
            if s in owner:
                raise InstanceError(f"session {k}: slot {names[s]!r} is already in session {owner[s]}")
            owner[s] = k
        if members:
            sessions.append(tuple(members))
    sessions += [(s,) for s in range(len(slot_index)) if s not in owner]
    return tuple(sorted(sessions))


def _parse_tables(value: Any) -> tuple[Ident, ...]:
    if value is None:
        raise InstanceError("missing 'tables'")
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= MAX_TABLES:
            raise InstanceError(f"'tables': the number of tables must be between 0 and {MAX_TABLES}, "
                                f"got {_short(value)}")
        return tuple(range(value))
    items = _list(value, "'tables'")
    if len(items) > MAX_TABLES:
        raise InstanceError(f"'tables': at most {MAX_TABLES} tables, got {len(items)}")
    seen: set[Ident] = set()
    for item in items:
        table = _ident(item, "table")
        if table in seen:
            raise InstanceError(f"table {str(table)!r}: duplicate table id")
        seen.add(table)
    return tuple(items)


def _objects_with_ids(value: Any, noun: str) -> Iterator[tuple[dict, Ident, str]]:
    """The items of the list ``value`` (the instance's ``'<noun>s'``), each checked to be an object
    with a valid id not seen before, as (item, id, what): ``what`` names the item in messages."""
    seen: set[Ident] = set()
    for item in _list(value, f"'{noun}s'"):
        if not isinstance(item, dict):
            raise InstanceError(f"{noun} {_short(item)}: must be an object")
        ident = _ident(item.get("id"), f"{noun} {_short(item.get('id'))}")
        what = f"{noun} {_short(ident)}"
        if ident in seen:
            raise InstanceError(f"{what}: duplicate {noun} id")
        seen.add(ident)
        yield item, ident, what


def _parse_participants(value: Any, slot_index: dict[str, int]) -> tuple[Participant, ...]:
    people: list[Participant] = []
    for item, pid, what in _objects_with_ids(value, "participant"):
        unavailable = frozenset(_slot_ref(n, slot_index, what) for n in _list(item.get("unavailable", []),
                                                                             f"{what}: 'unavailable'"))
        limit = item.get("max_meetings")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise InstanceError(f"{what}: max_meetings must be an integer >= 0 or null, got {_short(limit)}")
        if limit is not None:
            limit = min(limit, len(slot_index))  # more than one a slot can never be reached
        people.append(Participant(pid, unavailable, limit))
    return tuple(people)


def _parse_weight(value: Any, what: str) -> float:
    if (isinstance(value, bool) or not isinstance(value, int | float) or (isinstance(value, float)
                                                                         and not math.isfinite(value))
            or not 0 <= value <= MAX_WEIGHT):
        raise InstanceError(f"{what}: weight must be a number between 0 and {MAX_WEIGHT}, got {_short(value)}")
    return value


def _parse_requests(value: Any, person_index: dict[Ident, int],
                    slot_index: dict[str, int]) -> tuple[Request, ...]:
    requests: list[Request] = []
    for item, rid, what in _objects_with_ids(value, "request"):
        names = _list(item.get("participants"), f"{what}: 'participants'")
        for name in names:
            if isinstance(name, bool) or not isinstance(name, str | int) or name not in person_index:
                raise InstanceError(f"{what}: unknown participant {_short(name)}")
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
    table_index = {t: i for i, t in enumerate(instance.tables)}
    fixed: list[FixedMeeting] = []
    for item in _list(value, "'fixed'"):
        if not isinstance(item, dict):
            raise InstanceError(f"fixed meeting {_short(item)}: must be an object")
        rid = item.get("request")
        what = f"fixed meeting of request {_short(rid)}"
        if isinstance(rid, bool) or not isinstance(rid, str | int) or rid not in request_index:
            raise InstanceError(f"{what}: unknown request {_short(rid)}")
        slot = _slot_ref(item.get("slot"), slot_index, what)
        table = _table_ref(item.get("table"), table_index, what)
        fixed.append(FixedMeeting(request_index[rid], slot, table))
    _check_fixed_rules(fixed, instance)
    return tuple(fixed)


def _table_ref(value: Any, table_index: dict[Ident, int], what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int) or value not in table_index:
        raise InstanceError(f"{what}: unknown table {_short(value)}")
    return table_index[value]


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
