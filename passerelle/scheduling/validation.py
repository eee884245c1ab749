"""An independent checker of a schedule, working on the raw JSON forms only.

It shares no code with the parser or the solvers, so it can judge them: give it the instance as
decoded JSON and the solver output as decoded JSON, it lists every broken rule (empty list: the
schedule is valid) and checks the reported objective and breaks.

Example::

    problems = validate_schedule(instance_json, output_json)
    assert problems == []
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any


def _table_ids(instance: dict) -> list:
    tables = instance["tables"]
    return list(range(tables)) if isinstance(tables, int) else list(tables)


def _sessions(instance: dict) -> list[list[str]]:
    """Sessions as lists of slot names in time order; uncovered slots are sessions of their own."""
    order = {name: i for i, name in enumerate(instance["slots"])}
    sessions = [sorted(s, key=order.__getitem__) for s in instance.get("sessions") or [instance["slots"]]]
    covered = {name for s in sessions for name in s}
    return sessions + [[name] for name in instance["slots"] if name not in covered]


def count_breaks(instance: dict, meetings: list[dict]) -> dict[Any, int]:
    """Participant id -> breaks: gaps between consecutive meetings within a session."""
    request_people = {r["id"]: r["participants"] for r in instance.get("requests", [])}
    busy: dict[Any, set[str]] = defaultdict(set)
    for m in meetings:
        for person in request_people.get(m["request"], []):
            busy[person].add(m["slot"])
    result = {p["id"]: 0 for p in instance.get("participants", [])}
    for person, slots in busy.items():
        for session in _sessions(instance):
            positions = [i for i, name in enumerate(session) if name in slots]
            result[person] += sum(1 for a, b in zip(positions, positions[1:], strict=False) if b - a > 1)
    return result


def _check_meeting(m: dict, instance: dict, requests: dict, people: dict, tables: list) -> list[str]:
    where = f"meeting of request {m.get('request')!r} in slot {m.get('slot')!r}"
    if m.get("request") not in requests:
        return [f"{where}: unknown request"]
    if m.get("slot") not in instance["slots"]:
        return [f"{where}: unknown slot"]
    if m.get("table") not in tables:
        return [f"{where}: unknown table {m.get('table')!r}"]
    request = requests[m["request"]]
    problems = []
    if m["slot"] not in request.get("slots", instance["slots"]):
        problems.append(f"{where}: slot not allowed for the request")
    for person in request["participants"]:
        if m["slot"] in people[person].get("unavailable", []):
            problems.append(f"{where}: participant {person!r} is unavailable")
    return problems


def _check_counts(meetings: list[dict], requests: dict, people: dict) -> list[str]:
    problems = []
    for rid, n in Counter(m["request"] for m in meetings).items():
        if n > 1:
            problems.append(f"request {rid!r} scheduled {n} times")
    person_slot = Counter((p, m["slot"]) for m in meetings for p in requests[m["request"]]["participants"])
    problems += [f"participant {p!r} is in {n} meetings in slot {s!r}" for (p, s), n in person_slot.items() if n > 1]
    per_person = Counter(p for m in meetings for p in requests[m["request"]]["participants"])
    for p, n in per_person.items():
        limit = people[p].get("max_meetings")
        if limit is not None and n > limit:
            problems.append(f"participant {p!r} has {n} meetings, max_meetings is {limit}")
    table_slot = Counter((m["table"], m["slot"]) for m in meetings)
    problems += [f"table {t!r} holds {n} meetings in slot {s!r}" for (t, s), n in table_slot.items() if n > 1]
    return problems


def _check_fixed(instance: dict, meetings: list[dict]) -> list[str]:
    placed = {m["request"]: m for m in meetings}
    problems = []
    for f in instance.get("fixed", []):
        m = placed.get(f["request"])
        if m is None or m["slot"] != f["slot"] or ("table" in f and f["table"] is not None
                                                  and m["table"] != f["table"]):
            problems.append(f"fixed meeting of request {f['request']!r} was not kept")
    return problems


def _check_figures(instance: dict, output: dict, requests: dict) -> list[str]:
    meetings = output["meetings"]
    problems = []
    weight = sum(requests[m["request"]].get("weight", 1) for m in meetings)
    if abs(weight - output.get("objective", weight)) > 1e-6 * max(1, abs(weight)):
        problems.append(f"objective {output.get('objective')} but the meetings weigh {weight}")
    if output.get("upper_bound", weight) < weight - 1e-6 * max(1, abs(weight)):
        problems.append(f"upper_bound {output.get('upper_bound')} is below the objective {weight}")
    breaks = count_breaks(instance, meetings)
    if "breaks" in output and output["breaks"] != sum(breaks.values()):
        problems.append(f"breaks {output['breaks']} but the schedule has {sum(breaks.values())}")
    if "max_breaks" in output and output["max_breaks"] != max(breaks.values(), default=0):
        problems.append(f"max_breaks {output['max_breaks']} but the schedule has {max(breaks.values(), default=0)}")
    return problems


def validate_schedule(instance: dict, output: dict) -> list[str]:
    """Every rule the output breaks, as readable sentences; [] when the schedule is valid."""
    meetings = output.get("meetings", [])
    if output.get("status") == "infeasible":
        return [] if not meetings else ["status infeasible but meetings are listed"]
    requests = {r["id"]: r for r in instance.get("requests", [])}
    people = {p["id"]: p for p in instance.get("participants", [])}
    tables = _table_ids(instance)
    problems = [msg for m in meetings for msg in _check_meeting(m, instance, requests, people, tables)]
    if problems:
        return problems
    return _check_counts(meetings, requests, people) + _check_fixed(instance, meetings) + _check_figures(
        instance, output, requests)
