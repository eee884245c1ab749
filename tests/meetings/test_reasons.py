"""The solver's reason codes become stored reasons with people named, and words in the reader's language."""
import pytest
from django.utils import translation

from passerelle.meetings.reasons import reason_text, solver_reason
from passerelle.scheduling import parse_instance, solve


def solver_output(data: dict) -> dict:
    instance = parse_instance(data)
    return solve(instance, time_limit=5).to_dict(instance)


@pytest.mark.usefixtures("english")
def test_a_limit_reached_names_the_person_and_the_limit():
    data = {"slots": ["a", "b"], "tables": 2,
            "participants": [{"id": "p4", "max_meetings": 1}, {"id": "p5"}, {"id": "p6"}],
            "requests": [{"id": "r1", "participants": ["p4", "p5"], "weight": 2},
                         {"id": "r2", "participants": ["p4", "p6"], "weight": 1}]}
    (item,) = solver_output(data)["unscheduled"]
    stored = solver_reason(item, {"p4": "Léa Dupont"})
    assert stored == {"code": "limit", "names": "Léa Dupont", "n": 1}
    assert reason_text(stored) == "Léa Dupont reached their limit of 1 meetings."


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("data", "code", "words"), [
    ({"slots": ["a"], "tables": 1, "participants": [{"id": "p0"}, {"id": "p1"}],
      "requests": [{"id": "r", "participants": ["p0", "p1"], "slots": []}]},
     "no_slot", "The session has no slot."),
    ({"slots": ["a"], "tables": 1, "participants": [{"id": "p0", "unavailable": ["a"]}, {"id": "p1"}],
      "requests": [{"id": "r", "participants": ["p0", "p1"]}]},
     "unavailable", "There is no slot where all of them are available."),
    ({"slots": ["a"], "tables": 1, "participants": [{"id": f"p{i}"} for i in range(4)],
      "requests": [{"id": "big", "participants": ["p0", "p1"], "weight": 5},
                   {"id": "r", "participants": ["p2", "p3"]}]},
     "no_table", "No table is free in any slot where all of them are available."),
])
def test_each_solver_code_is_worded_without_reading_the_english_sentence(data, code, words):
    (item,) = solver_output(data)["unscheduled"]
    item["reason"] = "(a sentence this module does not read)"
    stored = solver_reason(item, {})
    assert stored == {"code": code}
    assert reason_text(stored) == words


def test_the_words_follow_the_active_language():
    stored = solver_reason({"code": "no_slot", "params": {}, "reason": "no allowed slot"}, {})
    with translation.override("fr"):
        french = reason_text(stored)
    with translation.override("en"):
        english = reason_text(stored)
    assert english == "The session has no slot." and french != english


def test_an_unknown_code_keeps_the_solver_sentence():
    assert solver_reason({"code": "new_kind", "params": {}, "reason": "something new"}, {}) == \
        {"code": "other", "text": "something new"}
    assert reason_text({"code": "other", "text": "something new"}) == "something new"
