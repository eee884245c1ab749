"""Benchmark of the meeting scheduler: CP-SAT against the greedy baseline, same process, same events.

Generates seeded events of 60, 500 and 2,000 participants (up to 20,000 requests, Zipf-like
popularity, 12-16 slots in two sessions, up to a few hundred tables, unavailabilities, group
meetings, slot-restricted requests, a few fixed meetings) and prints per size: share of the
upper bound reached, breaks, largest breaks of one person, solve time, and the ratios against
greedy. ``--quick`` runs small sizes with short limits (a smoke test).

    .venv/bin/python benchmarks/scheduling.py [--quick] [--small] [--sizes 60,500] [--time-limit S]

Without options it also runs the small events (``SMALL``), which should all come out proven
optimal (status "optimal": weight and breaks).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from passerelle.scheduling import parse_instance, solve, validate_schedule  # noqa: E402
from passerelle.scheduling.greedy import greedy_schedule  # noqa: E402

# participants -> (slots per session, tables, requests, time limit in seconds)
SIZES = {60: (6, 12, 360, 20.0), 500: (7, 70, 5000, 60.0), 2000: (8, 280, 20000, 120.0)}
QUICK = {30: (6, 8, 150, 5.0), 120: (7, 20, 900, 10.0)}
# Small events, as missions, workshops and a B2B afternoon are: (participants, slots per
# session, tables, requests); each gets SMALL_LIMIT seconds and must come out proven optimal.
SMALL = [(12, 4, 4, 30), (16, 6, 4, 60), (20, 4, 6, 60), (20, 6, 5, 100), (24, 5, 8, 60), (24, 6, 6, 100),
         (30, 6, 8, 90), (40, 6, 10, 120)]
SMALL_LIMIT = 20.0


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
    args = parser.parse_args(argv)
    table = QUICK if args.quick else SIZES
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(table)
    if args.small or not (args.quick or args.sizes):
        bench_small(args.time_limit)
    if args.small:
        return 0
    for n in sizes:
        bench_size(n, table.get(n) or SIZES[n], args.time_limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
