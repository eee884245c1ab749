"""Small hand-made and hypothesis-generated instances for the scheduling tests (raw JSON form)."""
from __future__ import annotations

from hypothesis import strategies as st


def two_people(**extra) -> dict:
    """Two slots, one table, p1 and p2 wishing to meet."""
    data = {"slots": ["s1", "s2"], "tables": 1, "participants": [{"id": "p1"}, {"id": "p2"}],
            "requests": [{"id": "r1", "participants": ["p1", "p2"]}]}
    data.update(extra)
    return data


@st.composite
def instances(draw, max_slots: int = 6, max_people: int = 6, max_requests: int = 8) -> dict:
    """A random small instance; its fixed meetings each respect the rules (jointly maybe not)."""
    n_slots = draw(st.integers(1, max_slots))
    slots = [f"t{i}" for i in range(n_slots)]
    cut = draw(st.integers(0, n_slots))
    sessions = [s for s in (slots[:cut], slots[cut:]) if s]
    tables = draw(st.one_of(st.integers(0, 3), st.lists(st.sampled_from(["A", "B", "C"]), max_size=3, unique=True)))
    people = []
    for i in range(draw(st.integers(2, max_people))):
        person = {"id": f"p{i}", "unavailable": draw(st.lists(st.sampled_from(slots), unique=True, max_size=2))}
        if draw(st.booleans()):
            person["max_meetings"] = draw(st.integers(0, 3))
        people.append(person)
    ids = [p["id"] for p in people]
    requests = []
    for k in range(draw(st.integers(0, max_requests))):
        request = {"id": f"r{k}", "participants": draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3,
                                                                 unique=True)),
                   "weight": draw(st.sampled_from([0, 1, 1, 2, 3, 1.5]))}
        if draw(st.booleans()):
            request["slots"] = draw(st.lists(st.sampled_from(slots), unique=True, min_size=1))
        requests.append(request)
    data = {"slots": slots, "sessions": sessions, "tables": tables, "participants": people, "requests": requests}
    data["fixed"] = _fixed(draw, data)
    return data


def _fixed(draw, data: dict) -> list[dict]:
    """Fixed meetings that each respect availability, allowed slots, one person/table per slot."""
    unavailable = {p["id"]: set(p["unavailable"]) for p in data["participants"]}
    taken_people: set = set()
    taken_tables: set = set()
    fixed = []
    table_ids = list(range(data["tables"])) if isinstance(data["tables"], int) else data["tables"]
    for request in data["requests"]:
        if not draw(st.integers(0, 3)) == 0:
            continue
        allowed = [s for s in request.get("slots", data["slots"])
                   if all(s not in unavailable[p] and (p, s) not in taken_people for p in request["participants"])]
        if not allowed:
            continue
        slot = draw(st.sampled_from(allowed))
        entry = {"request": request["id"], "slot": slot}
        free = [t for t in table_ids if (t, slot) not in taken_tables]
        if free and draw(st.booleans()):
            entry["table"] = draw(st.sampled_from(free))
            taken_tables.add((entry["table"], slot))
        taken_people |= {(p, slot) for p in request["participants"]}
        fixed.append(entry)
    return fixed


def small_forum(seed: int, people: int = 5, per_session: int = 3, tables: int = 2, meetings: int = 8) -> dict:
    """A tiny partnering forum where every meeting fits (drawn into a hidden schedule first):
    morning and afternoon sessions, half of the meetings restricted to the session where they
    were drawn, a third of the people unavailable for a block of slots. Small enough for brute
    force over every placement of every meeting."""
    import random

    rng = random.Random(seed)
    sessions = [[f"am{k}" for k in range(per_session)], [f"pm{k}" for k in range(per_session)]]
    slots = sessions[0] + sessions[1]
    unavailable = {p: set() for p in range(people)}
    for p in rng.sample(range(people), people // 3):
        first = rng.randrange(len(slots) - 1)
        unavailable[p] = set(range(first, first + rng.randint(1, 2)))
    unavailable[0] = {1}  # the busiest person (drawn first half of the time) misses a morning slot
    busy: set[tuple[int, int]] = set()
    drawn: dict[frozenset, int] = {}
    for _ in range(200):
        if len(drawn) == meetings:
            break
        s = rng.randrange(len(slots))
        if sum(1 for v in drawn.values() if v == s) >= tables:
            continue
        free = [p for p in range(people) if s not in unavailable[p] and (p, s) not in busy]
        if len(free) < 2:
            continue
        a, b = rng.sample(free, 2)
        if 0 in free and rng.random() < 0.5:
            a, b = 0, rng.choice([q for q in free if q != 0])
        if frozenset((a, b)) in drawn:
            continue
        drawn[frozenset((a, b))] = s
        busy |= {(a, s), (b, s)}
    requests = []
    for k, (pair, s) in enumerate(drawn.items()):
        request: dict = {"id": f"m{k}", "participants": [f"p{p}" for p in sorted(pair)]}
        if 0 in pair or rng.random() < 0.5:  # the busiest person's meetings all keep their session
            request["slots"] = sessions[0] if s < per_session else sessions[1]
        requests.append(request)
    participants = [{"id": f"p{p}", "unavailable": [slots[s] for s in sorted(unavailable[p])]} for p in range(people)]
    return {"slots": slots, "sessions": sessions, "tables": tables, "participants": participants,
            "requests": requests}


@st.composite
def forums(draw) -> dict:
    """Hypothesis: a forum-shaped instance (every meeting fits) of a few people and slots."""
    return small_forum(draw(st.integers(0, 10**6)), people=draw(st.integers(4, 9)),
                       per_session=draw(st.integers(2, 4)), tables=draw(st.integers(1, 3)),
                       meetings=draw(st.integers(2, 9)))
