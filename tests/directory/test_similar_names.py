"""The index of similar names gives exactly what comparing with every name gives (difflib)."""
from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.directory.similar_names import THRESHOLD, SimilarNames

# A small alphabet makes similar names (and shared trigrams) frequent; short and long names both.
names = st.text(alphabet="aeinors -", max_size=30)


def brute_force(people: list[tuple[int, str, int]], organisation: int, name: str) -> int | None:
    for org, other, item in people:
        if org == organisation and difflib.SequenceMatcher(None, name, other).ratio() >= THRESHOLD:
            return item
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), names), max_size=40), st.lists(st.tuples(st.integers(1, 4), names),
                                                                             min_size=1, max_size=10))
def test_the_index_finds_the_first_similar_name_as_a_full_comparison_does(directory, queries):
    people = [(org, name, item) for item, (org, name) in enumerate(directory)]
    index: SimilarNames[int] = SimilarNames()
    for org, name, item in people:
        index.add(org, name, item)
    for org, name in queries:
        assert index.first_similar(org, name) == brute_force(people, org, name)


def test_a_name_with_a_small_change_is_found_among_many_others():
    index: SimilarNames[str] = SimilarNames()
    for i in range(200):
        index.add(1, f"zz{i:03d}qq person", f"other {i}")
    index.add(1, "jean-baptiste dupont", "target")
    found = index.first_similar(1, "jean baptiste dupont")
    assert found == "target"
    assert index.first_similar(2, "jean-baptiste dupont") is None


def test_short_names_similar_without_a_shared_trigram_are_found():
    # "aeio" and "aesio": ratio 8/9, and no three letters in a row in common.
    index: SimilarNames[str] = SimilarNames()
    index.add(1, "aeio", "short")
    assert difflib.SequenceMatcher(None, "aesio", "aeio").ratio() >= THRESHOLD
    assert index.first_similar(1, "aesio") == "short"


def test_names_of_one_or_two_letters_are_compared_too():
    index: SimilarNames[str] = SimilarNames()
    index.add(1, "", "empty")
    index.add(1, "al", "al")
    assert index.first_similar(1, "") == "empty"
    assert index.first_similar(1, "al") == "al"
