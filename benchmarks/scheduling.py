"""Benchmark of the meeting scheduler: CP-SAT against the greedy baseline, same process, same events.

Three families:

- *forum-shaped* events (``make_forum``), as a partnering forum's missions and annual meetings
  are: 60-80 participants, 150-300 requested meetings that all fit, 10-22 slots in one day split
  into a morning and an afternoon session, 12-27 tables, about half of the meetings restricted
  to the morning or the afternoon, a third of the participants unavailable for some slots, the
  busiest people meeting in nearly every slot they have. For each: breaks found, the proven
  lower bound, time to the best schedule, and the same for a plain reference CP-SAT model (every
  meeting hard, minimise breaks, no tuning) run in the same process. Default: 5 events at 15 s
  each; ``--forum-all`` (or BENCH_FULL=1): 20 events at 60 s, the held-out check's conditions.
- generated brokerage events of 60, 500 and 2,000 participants (up to 20,000 requests, Zipf-like
  popularity, 12-16 slots in two sessions, up to a few hundred tables, unavailabilities, group
  meetings, slot-restricted requests, a few fixed meetings): share of the upper bound reached,
  breaks, largest breaks of one person, solve time, and the ratios against greedy;
- small events (``SMALL``), which should all come out proven optimal.

    .venv/bin/python benchmarks/scheduling.py [--quick] [--small] [--forum] [--forum-all]
        [--one-session] [--compact] [--sizes 60,500] [--time-limit S]

``--quick`` runs small sizes with short limits (a smoke test).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

from ortools.sat.python import cp_model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from passerelle.scheduling import parse_instance, solve, validate_schedule  # noqa: E402
from passerelle.scheduling.all_placed import SolutionTimer  # noqa: E402
from passerelle.scheduling.breaks import schedule_breaks  # noqa: E402
from passerelle.scheduling.greedy import greedy_schedule  # noqa: E402

# participants -> (slots per session, tables, requests, time limit in seconds)
SIZES = {60: (6, 12, 360, 20.0), 500: (7, 70, 5000, 60.0), 2000: (8, 280, 20000, 120.0)}
QUICK = {30: (6, 8, 150, 5.0), 120: (7, 20, 900, 10.0)}
# Small events, as missions, workshops and a B2B afternoon are: (participants, slots per
# session, tables, requests); each gets SMALL_LIMIT seconds and must come out proven optimal.
SMALL = [(12, 4, 4, 30), (16, 6, 4, 60), (20, 4, 6, 60), (20, 6, 5, 100), (24, 5, 8, 60), (24, 6, 6, 100),
         (30, 6, 8, 90), (40, 6, 10, 120)]
SMALL_LIMIT = 20.0
DEGREE_EXPONENT = float(os.environ.get("FORUM_EXPONENT", "0.7"))
FORUM_DEFAULT = (5, 15.0)   # events, seconds each
FORUM_FULL = (20, 60.0)


def make_forum(seed: int, n_people: int | None = None, n_slots: int | None = None, tables: int | None = None,
               n_requests: int | None = None) -> dict:
    """A seeded forum-shaped event (see the module docstring) in the JSON form.

    Every request fits: the meetings are drawn slot by slot into a hidden schedule that respects
    tables, availability and one meeting per person and slot; half of them are then restricted
    to the session (morning or afternoon) where they were drawn. Degree targets follow a Zipf-like
    law capped by each person's available slots, so the busiest people fill nearly every slot.
    """
    rng = random.Random(seed)
    n_people = n_people or rng.randint(60, 80)
    n_slots = n_slots or rng.randint(10, 22)
    morning = (n_slots + 1) // 2
    slots = [f"am{k:02d}" if k < morning else f"pm{k - morning:02d}" for k in range(n_slots)]
    sessions = [slots[:morning], slots[morning:]]
    n_requests = n_requests or min(rng.randint(150, 300), 25 * n_slots)
    per_slot = -(-n_requests // n_slots)
    tables = max(tables or max(12, min(27, per_slot + rng.randint(0, 6))), per_slot)
    unavailable = _forum_unavailability(rng, n_people, n_slots)
    degree = _forum_degrees(rng, n_people, n_slots, n_requests, unavailable)
    drawn = _forum_draw(rng, n_people, n_slots, tables, n_requests, unavailable, degree)
    requests = []
    for k, (pair, s) in enumerate(drawn.items()):
        request: dict = {"id": f"m{k}", "participants": [f"p{p}" for p in sorted(pair)]}
        if rng.random() < 0.5:
            request["slots"] = sessions[0] if s < morning else sessions[1]
        requests.append(request)
    people = [{"id": f"p{p}", **({"unavailable": [slots[s] for s in sorted(unavailable[p])]} if unavailable[p] else {})}
              for p in range(n_people)]
    return {"slots": slots, "sessions": sessions, "tables": tables, "participants": people, "requests": requests}


def _forum_unavailability(rng: random.Random, n_people: int, n_slots: int) -> list[set[int]]:
    """A third of the people miss some slots: arriving late, leaving early, a block in between, or
    a few scattered slots (other appointments)."""
    unavailable: list[set[int]] = [set() for _ in range(n_people)]
    for p in rng.sample(range(n_people), n_people // 3):
        length = rng.randint(1, max(1, n_slots // 3))
        where = rng.choice(("start", "end", "middle", "scattered"))
        if where == "scattered":
            unavailable[p] = set(rng.sample(range(n_slots), min(length, 4)))
            continue
        first = 0 if where == "start" else n_slots - length if where == "end" else rng.randrange(n_slots - length + 1)
        unavailable[p] = set(range(first, first + length))
    return unavailable


def _forum_degrees(rng: random.Random, n_people: int, n_slots: int, n_requests: int,
                   unavailable: list[set[int]]) -> list[int]:
    order = list(range(n_people))
    rng.shuffle(order)
    raw = [1.0 / (rank + 1) ** DEGREE_EXPONENT for rank in range(n_people)]
    scale = 2 * n_requests / sum(raw)
    degree = [0] * n_people
    for rank, p in enumerate(order):
        degree[p] = max(1, min(n_slots - len(unavailable[p]), round(raw[rank] * scale)))
    return degree


def _forum_draw(rng: random.Random, n_people: int, n_slots: int, tables: int, n_requests: int,
                unavailable: list[set[int]], degree: list[int]) -> dict[frozenset, int]:
    """Pairs -> the slot where they were drawn; the busiest free person first in every slot."""
    busy: set[tuple[int, int]] = set()
    drawn: dict[frozenset, int] = {}
    per_slot = [0] * n_slots
    slot_order = list(range(n_slots))
    for _ in range(3):
        rng.shuffle(slot_order)
        for s in slot_order:
            while per_slot[s] < tables and len(drawn) < n_requests:
                free = [p for p in range(n_people) if s not in unavailable[p] and (p, s) not in busy and degree[p] > 0]
                if len(free) < 2:
                    break
                free.sort(key=lambda p: (-degree[p], rng.random()))
                a = free[0]
                partners = [q for q in free[1:] if frozenset((a, q)) not in drawn][:12]
                if not partners:
                    degree[a] = 0
                    continue
                b = rng.choices(partners, weights=[degree[q] for q in partners])[0]
                drawn[frozenset((a, b))] = s
                busy |= {(a, s), (b, s)}
                degree[a] -= 1
                degree[b] -= 1
                per_slot[s] += 1
    return drawn


def make_compact_forum(seed: int) -> tuple[dict, int]:
    """A harder forum-shaped event, the day as one session, with a known good schedule.

    Each person is present during one window of consecutive slots as long as their number of
    meetings; slot by slot, the people present are paired (those whose window ends first
    first), so the hidden schedule has few breaks. Returns (event, breaks of the hidden
    schedule): an upper bound on the optimum, to see how far a solver stays from it.
    """
    rng = random.Random(seed)
    n_people, n_slots = rng.randint(60, 80), rng.randint(10, 22)
    morning = (n_slots + 1) // 2
    slots = [f"am{k:02d}" if k < morning else f"pm{k - morning:02d}" for k in range(n_slots)]
    target = min(rng.randint(150, 300), 25 * n_slots)
    tables = max(12, min(27, -(-target // n_slots) + rng.randint(0, 4)))
    order = list(range(n_people))
    rng.shuffle(order)
    raw = [1.0 / (rank + 1) ** DEGREE_EXPONENT for rank in range(n_people)]
    scale = 2 * target / sum(raw)
    window = {}
    for rank, p in enumerate(order):
        length = max(1, min(n_slots, round(raw[rank] * scale)))
        start = rng.randint(0, n_slots - length)
        window[p] = (start, start + length)
    drawn: dict[frozenset, int] = {}
    for s in range(n_slots):
        present = [p for p in range(n_people) if window[p][0] <= s < window[p][1]]
        rng.shuffle(present)
        present.sort(key=lambda p: window[p][1])
        placed = 0
        while len(present) >= 2 and placed < tables:
            a = present.pop(0)
            b = next((q for q in present if frozenset((a, q)) not in drawn), None)
            if b is not None:
                present.remove(b)
                drawn[frozenset((a, b))] = s
                placed += 1
    unavailable: dict[int, list[int]] = {}
    for p in rng.sample(range(n_people), n_people // 3):
        options = [s for s in range(n_slots) if all(p not in pair or t != s for pair, t in drawn.items())]
        unavailable[p] = sorted(rng.sample(options, min(len(options), rng.randint(1, 4))))
    requests = []
    for k, (pair, s) in enumerate(drawn.items()):
        request: dict = {"id": f"m{k}", "participants": [f"p{p}" for p in sorted(pair)]}
        if rng.random() < 0.5:
            request["slots"] = slots[:morning] if s < morning else slots[morning:]
        requests.append(request)
    people = [{"id": f"p{p}", **({"unavailable": [slots[s] for s in unavailable[p]]} if unavailable.get(p) else {})}
              for p in range(n_people)]
    data = {"slots": slots, "sessions": [slots], "tables": tables, "participants": people, "requests": requests}
    instance = parse_instance(data)
    hidden = {r: drawn[frozenset(instance.requests[r].participants)] for r in range(len(instance.requests))}
    return data, sum(schedule_breaks(instance, hidden))


def reference_model(data: dict, time_limit: float) -> dict:
    """A plain CP-SAT model, no tuning: every meeting hard, minimise breaks (``later``/gap chain).

    ``x[r, s]`` per allowed available slot, exactly one per request, at most one per person and
    slot, at most ``tables`` per slot; ``after[p, s] >= busy[p, s]``, ``after[p, s] >= after[p, s+1]``,
    ``gap[p, s] >= busy[p, s-1] - busy[p, s] + after[p, s+1] - 1`` (a break starts at ``s``).
    """
    instance = parse_instance(data)
    model = cp_model.CpModel()
    x = {(r, s): model.new_bool_var(f"x{r}_{s}") for r in range(len(instance.requests))
         for s in instance.candidate_slots(r)}
    by_person_slot: dict[tuple[int, int], list] = {}
    by_slot: dict[int, list] = {}
    for r in range(len(instance.requests)):
        model.add_exactly_one([x[r, s] for s in instance.candidate_slots(r)])
    for (r, s), v in x.items():
        by_slot.setdefault(s, []).append(v)
        for p in instance.requests[r].participants:
            by_person_slot.setdefault((p, s), []).append(v)
    for vs in by_person_slot.values():
        model.add_at_most_one(vs)
    for vs in by_slot.values():
        model.add(sum(vs) <= len(instance.tables))
    gaps = []
    for p in range(len(instance.participants)):
        for session in instance.sessions:
            busy = [sum(by_person_slot.get((p, s), [])) for s in session]
            after_next = None
            for i in range(len(session) - 1, -1, -1):
                after = model.new_bool_var("")
                model.add(after >= busy[i])
                if after_next is not None:
                    model.add(after >= after_next)
                    if i > 0:
                        gap = model.new_bool_var("")
                        model.add(gap >= busy[i - 1] - busy[i] + after_next - 1)
                        gaps.append(gap)
                after_next = after
    model.minimize(sum(gaps))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    timer = SolutionTimer()
    status = solver.solve(model, timer)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"breaks": None, "bound": None, "best_at": None, "status": solver.status_name(status).lower()}
    slot_of = {r: s for (r, s), v in x.items() if solver.boolean_value(v)}
    return {"breaks": sum(schedule_breaks(instance, slot_of)), "bound": round(solver.best_objective_bound),
            "best_at": timer.best_at, "status": solver.status_name(status).lower()}


def bench_forum(count: int, limit: float, one_session: bool = False, compact: bool = False) -> None:
    """Forum-shaped events: ours and the reference model, breaks, bound and time to the best.

    ``one_session``: the same events with the whole day as one session (breaks across lunch
    count), a much harder variant. ``compact``: ``make_compact_forum`` events, whose hidden
    schedule's breaks are printed as an upper bound on the optimum."""
    variant = ", the day as one session" if one_session else ", compact hidden schedule" if compact else ""
    print(f"\n--- forum-shaped events{variant}: {count} at {limit:.0f} s each (ours, then the reference model)",
          flush=True)
    totals = {"ours": 0, "ref": 0, "ours_proven": 0, "ref_proven": 0, "lower": 0}
    for seed in range(1, count + 1):
        data, hidden = make_compact_forum(seed) if compact else (make_forum(seed), None)
        if one_session:
            data["sessions"] = [data["slots"]]
        if hidden is not None:
            print(f"seed {seed:2d}: the hidden schedule has {hidden} breaks (an upper bound on the optimum)")
        ours = _run("cp-sat", lambda inst: solve(inst, time_limit=limit), data)
        summary = next((p for p in ours["phases"] if p["phase"] == "all placed"), {})
        found_at = summary.get("found_at", ours["wall"])
        ref = reference_model(data, limit)
        placed = len(ours["meetings"]) == len(data["requests"])
        totals["ours"] += ours["breaks"]
        totals["lower"] += ours["breaks_lower_bound"]
        totals["ours_proven"] += ours["breaks"] == ours["breaks_lower_bound"]
        totals["ref"] += ref["breaks"] if ref["breaks"] is not None else 0
        totals["ref_proven"] += ref["status"] == "optimal"
        print(f"seed {seed:2d}: {len(data['participants'])} people {len(data['requests'])} meetings "
              f"{len(data['slots'])} slots {data['tables']} tables | ours: breaks {ours['breaks']:3d} "
              f">= {ours['breaks_lower_bound']:3d} {ours['status']:8s} best at {found_at:5.1f} s, "
              f"done {ours['wall']:5.1f} s "
              f"(all placed: {placed}, {ours['valid']}) | reference: breaks {ref['breaks']} >= {ref['bound']} "
              f"{ref['status']} best at {ref['best_at'] or 0:5.1f} s", flush=True)
    print(f"total breaks: ours {totals['ours']} (proven lower bound {totals['lower']}, "
          f"{totals['ours_proven']}/{count} proven optimal), reference {totals['ref']} "
          f"({totals['ref_proven']}/{count} proven)")


def _zipf_picker(rng: random.Random, n: int, exponent: float = 1.0):
    order = list(range(n))
    rng.shuffle(order)
    weights = [1.0 / (rank + 1) ** exponent for rank in range(n)]
    return lambda k: rng.choices(order, weights=weights, k=k)


def _participants(rng: random.Random, n: int, slots: list[str]) -> list[dict]:
    people = []
    for i in range(n):
        person: dict = {"id": f"p{i}", "max_meetings": rng.choice([6, 8, 8, 10, None])}
        if rng.random() < 0.3:
            start, length = rng.randrange(len(slots)), rng.randint(1, 4)
            person["unavailable"] = slots[start:start + length]
        people.append(person)
    return people


def _requests(rng: random.Random, n: int, count: int, sessions: list[list[str]]) -> list[dict]:
    popular = _zipf_picker(rng, n)
    seen: set[frozenset] = set()
    requests = []
    while len(requests) < count:
        size = 2 if rng.random() > 0.05 else rng.choice([3, 4])
        group = {rng.randrange(n)} | set(popular(size - 1))
        if len(group) < 2 or frozenset(group) in seen:
            continue
        seen.add(frozenset(group))
        request: dict = {"id": f"r{len(requests)}", "participants": [f"p{i}" for i in sorted(group)],
                         "weight": rng.choices([1, 2, 3], weights=[5, 3, 2])[0]}
        if rng.random() < 0.1:
            request["slots"] = rng.choice(sessions)
        requests.append(request)
    return requests


def make_event(n: int, per_session: int, tables: int, n_requests: int, seed: int = 7) -> dict:
    """A seeded event in the JSON form; 1 % of greedy's meetings become fixed (with their table)."""
    rng = random.Random(seed * 100_003 + n)
    sessions = [[f"d1-{day}{k:02d}" for k in range(per_session)] for day in ("am", "pm")]
    slots = [s for session in sessions for s in session]
    data = {"slots": slots, "sessions": sessions, "tables": tables,
            "participants": _participants(rng, n, slots),
            "requests": _requests(rng, n, n_requests, sessions)}
    greedy = greedy_schedule(parse_instance(data)).to_dict(parse_instance(data))["meetings"]
    data["fixed"] = [dict(m) for m in rng.sample(greedy, k=len(greedy) // 100)]
    return data


def _run(name: str, runner, data: dict) -> dict:
    instance = parse_instance(data)
    start = time.perf_counter()
    output = runner(instance).to_dict(instance)
    output["wall"] = time.perf_counter() - start
    problems = validate_schedule(data, output)
    output["valid"] = "valid" if not problems else f"INVALID ({problems[0]})"
    return output


def bench_size(n: int, spec: tuple, time_limit: float | None) -> None:
    """Generate one event, run greedy and CP-SAT on it and print the figures."""
    per_session, tables, n_requests, default_limit = spec
    limit = time_limit or default_limit
    data = make_event(n, per_session, tables, n_requests)
    print(f"\n--- {n} participants, {len(data['requests'])} requests, {2 * per_session} slots, "
          f"{tables} tables, {len(data['fixed'])} fixed; CP-SAT limit {limit:.0f} s", flush=True)
    greedy = _run("greedy", greedy_schedule, data)
    cpsat = _run("cp-sat", lambda inst: solve(inst, time_limit=limit), data)
    bound = cpsat["upper_bound"]
    for label, out in (("greedy", greedy), ("cp-sat", cpsat)):
        print(f"{label:7s} weight {out['objective']:>8} / bound {bound:>8} = {out['objective'] / bound:7.2%}  "
              f"breaks {out['breaks']:>5}  max/person {out['max_breaks']:>2}  time {out['wall']:6.1f} s  "
              f"{out['status']:8s} {out['valid']}")
    g_breaks = greedy["breaks"] or 1
    print(f"ratios  cp-sat/greedy: weight {cpsat['objective'] / greedy['objective']:.3f}, "
          f"breaks {cpsat['breaks'] / g_breaks:.3f}, max breaks {cpsat['max_breaks']}/{greedy['max_breaks']}")
    print("phases  " + "; ".join(f"{p['phase']} {p['status']} {p['seconds']:.1f} s" for p in cpsat["phases"]))


def bench_small(time_limit: float | None) -> None:
    """Small events: how many are proven optimal (weight and breaks), and in what time."""
    limit = time_limit or SMALL_LIMIT
    print(f"\n--- small events, CP-SAT limit {limit:.0f} s each", flush=True)
    proven = 0
    for n, per_session, tables, n_requests in SMALL:
        data = make_event(n, per_session, tables, n_requests)
        out = _run("cp-sat", lambda inst: solve(inst, time_limit=limit), data)
        proven += out["status"] == "optimal"
        print(f"{n:3d} participants {n_requests:4d} requests {2 * per_session:2d} slots {tables:2d} tables: "
              f"{out['status']:8s} weight {out['objective']} / {out['upper_bound']}  breaks {out['breaks']} "
              f"(max {out['max_breaks']})  {out['wall']:5.1f} s  {out['valid']}", flush=True)
    print(f"proven optimal: {proven} of {len(SMALL)}")


def main(argv: list[str]) -> int:
    """Parse arguments and run every size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", help="comma-separated participant counts among " + ",".join(map(str, SIZES)))
    parser.add_argument("--time-limit", type=float, help="override the CP-SAT limit for every size")
    parser.add_argument("--small", action="store_true", help="only the small events")
    parser.add_argument("--forum", action="store_true", help="only the forum-shaped events")
    parser.add_argument("--forum-all", action="store_true", help="the 20 forum-shaped events at 60 s (BENCH_FULL=1)")
    parser.add_argument("--one-session", action="store_true", help="forum events with the day as one session")
    parser.add_argument("--compact", action="store_true", help="forum events with a compact hidden schedule")
    args = parser.parse_args(argv)
    table = QUICK if args.quick else SIZES
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(table)
    full = args.forum_all or os.environ.get("BENCH_FULL") == "1"
    count, forum_limit = FORUM_FULL if full else ((2, 5.0) if args.quick else FORUM_DEFAULT)
    if not (args.small or args.sizes):
        bench_forum(count, args.time_limit or forum_limit, args.one_session, args.compact)
    if args.forum or args.forum_all:
        return 0
    if args.small or not (args.quick or args.sizes):
        bench_small(args.time_limit)
    if args.small:
        return 0
    for n in sizes:
        bench_size(n, table.get(n) or SIZES[n], args.time_limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
