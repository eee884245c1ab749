"""The solvers on hand cases: rules, fixed meetings, groups, tables, weights, infeasibility."""
from passerelle.scheduling import greedy_schedule, parse_instance, solve, validate_schedule


def solved(data: dict, time_limit: float = 5) -> dict:
    instance = parse_instance(data)
    result = solve(instance, time_limit=time_limit).to_dict(instance)
    assert validate_schedule(data, result) == []
    return result


def test_fixed_meeting_keeps_slot_and_table_and_others_avoid_it():
    data = {"slots": ["a", "b"], "tables": ["T1", "T2"],
            "participants": [{"id": f"p{i}"} for i in range(4)],
            "requests": [{"id": "r1", "participants": ["p0", "p1"]}, {"id": "r2", "participants": ["p2", "p3"]},
                         {"id": "r3", "participants": ["p0", "p2"]}],
            "fixed": [{"request": "r1", "slot": "b", "table": "T1"}]}
    result = solved(data)
    placed = {m["request"]: (m["slot"], m["table"]) for m in result["meetings"]}
    assert placed["r1"] == ("b", "T1")
    assert result["objective"] == 3 and result["status"] == "optimal"


def test_one_table_limits_meetings_per_slot():
    data = {"slots": ["a"], "tables": 1, "participants": [{"id": f"p{i}"} for i in range(4)],
            "requests": [{"id": "light", "participants": ["p0", "p1"], "weight": 1},
                         {"id": "heavy", "participants": ["p2", "p3"], "weight": 5}]}
    result = solved(data)
    assert [m["request"] for m in result["meetings"]] == ["heavy"]
    assert result["unscheduled"] == [{"request": "light", "reason": "no table free in any common available slot",
                                      "code": "no_table", "params": {}}]


def test_group_meeting_blocks_all_its_people():
    data = {"slots": ["a", "b"], "tables": 3, "participants": [{"id": f"p{i}"} for i in range(4)],
            "requests": [{"id": "group", "participants": ["p0", "p1", "p2"], "weight": 3, "slots": ["a"]},
                         {"id": "pair", "participants": ["p2", "p3"], "slots": ["a"]}]}
    result = solved(data)
    assert [m["request"] for m in result["meetings"]] == ["group"]


def test_non_integer_weights_reported_in_original_units():
    data = {"slots": ["a"], "tables": 2, "participants": [{"id": f"p{i}"} for i in range(3)],
            "requests": [{"id": "r1", "participants": ["p0", "p1"], "weight": 0.7},
                         {"id": "r2", "participants": ["p0", "p2"], "weight": 0.35},
                         {"id": "r3", "participants": ["p1", "p2"], "weight": 0.4}]}
    result = solved(data)
    assert result["objective"] == 0.7 and result["upper_bound"] == 0.7 and result["status"] == "optimal"


def test_max_meetings_respected_and_reason_given():
    data = {"slots": ["a", "b", "c"], "tables": 3,
            "participants": [{"id": "star", "max_meetings": 2}, {"id": "f1"}, {"id": "f2"}, {"id": "f3"}],
            "requests": [{"id": f"r{i}", "participants": ["star", f"f{i}"], "weight": i} for i in (1, 2, 3)]}
    result = solved(data)
    assert sorted(m["request"] for m in result["meetings"]) == ["r2", "r3"]
    assert result["unscheduled"] == [{"request": "r1", "reason": "participant 'star' reached max_meetings (2)",
                                      "code": "limit", "params": {"participant": "star", "max_meetings": 2}}]


def test_greedy_baseline_is_valid_and_first_come_by_weight():
    data = {"slots": ["a", "b"], "tables": 1, "participants": [{"id": f"p{i}"} for i in range(3)],
            "requests": [{"id": "r1", "participants": ["p0", "p1"], "weight": 1},
                         {"id": "r2", "participants": ["p1", "p2"], "weight": 2}]}
    instance = parse_instance(data)
    result = greedy_schedule(instance).to_dict(instance)
    assert validate_schedule(data, result) == []
    assert [(m["request"], m["slot"]) for m in result["meetings"]] == [("r2", "a"), ("r1", "b")]


def test_empty_event():
    result = solved({"slots": [], "tables": 0, "participants": [], "requests": []})
    assert (result["status"], result["objective"], result["meetings"]) == ("optimal", 0, [])


def test_too_many_fixed_meetings_for_the_tables_is_infeasible():
    data = {"slots": ["a"], "tables": 1, "participants": [{"id": f"p{i}"} for i in range(4)],
            "requests": [{"id": "r1", "participants": ["p0", "p1"]}, {"id": "r2", "participants": ["p2", "p3"]}],
            "fixed": [{"request": "r1", "slot": "a"}, {"request": "r2", "slot": "a"}]}
    result = solved(data)
    assert result["status"] == "infeasible"
    assert result["message"] == "slot 'a' has 2 fixed meetings for 1 tables"


def test_reason_codes_for_a_request_without_slots_and_one_without_a_common_free_slot():
    data = {"slots": ["a", "b"], "tables": 2, "participants": [{"id": "p0", "unavailable": ["a"]},
                                                               {"id": "p1", "unavailable": ["b"]}, {"id": "p2"}],
            "requests": [{"id": "apart", "participants": ["p0", "p1"]},
                         {"id": "never", "participants": ["p0", "p2"], "slots": []}]}
    left = {item["request"]: item for item in solved(data)["unscheduled"]}
    assert left["apart"]["code"] == "unavailable" and left["apart"]["params"] == {"participants": ["p0", "p1"]}
    assert left["apart"]["reason"] == "no allowed slot where all of ['p0', 'p1'] are available"
    never = left["never"]
    assert (never["code"], never["params"], never["reason"]) == ("no_slot", {}, "no allowed slot")


def test_reason_code_busy_when_every_common_slot_is_taken_by_another_meeting():
    data = {"slots": ["a"], "tables": 2, "participants": [{"id": f"p{i}"} for i in range(3)],
            "requests": [{"id": "kept", "participants": ["p0", "p1"], "weight": 5},
                         {"id": "clash", "participants": ["p0", "p2"], "weight": 1}]}
    (item,) = solved(data)["unscheduled"]
    assert (item["request"], item["code"], item["params"]) == ("clash", "busy", {})
