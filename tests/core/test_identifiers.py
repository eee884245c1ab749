"""ORCID iD (ISO 7064 MOD 11-2) and ROR id (Crockford base32 + MOD 97-10 check digits)."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given
from hypothesis import strategies as st

from passerelle.core.identifiers import (
    normalize_orcid,
    normalize_ror,
    orcid_check_character,
    ror_checksum,
    validate_orcid,
    validate_ror,
)

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def error_code(func, value) -> str:
    with pytest.raises(ValidationError) as info:
        func(value)
    return info.value.code


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-9079-593X"])
def test_published_orcid_examples_are_valid(orcid):
    assert normalize_orcid(orcid) == orcid


@pytest.mark.parametrize(("digits", "check"), [("000000021825009", "7"), ("000000015109370", "0"),
                                               ("000000029079593", "X")])
def test_orcid_check_character_of_the_published_examples(digits, check):
    assert orcid_check_character(digits) == check


@pytest.mark.parametrize(("typed", "stored"), [
    ("0000-0002-9079-593x", "0000-0002-9079-593X"),  # ending in a lower-case x: stored upper-case
    ("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),  # in its URL form: stored bare
    ("http://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
    ("  orcid.org/0000-0002-1825-0097 ", "0000-0002-1825-0097"),
    ("0000000218250097", "0000-0002-1825-0097"),  # without dashes: stored with dashes
])
def test_orcid_typed_another_way_is_accepted_and_normalised(typed, stored):
    assert normalize_orcid(typed) == stored


def test_orcid_starting_with_0009_is_accepted():
    base = "000900012345678"
    orcid = f"0009-0001-2345-678{orcid_check_character(base)}"
    assert normalize_orcid(orcid) == orcid


@pytest.mark.parametrize("value", ["0000-0002-1825-009", "0000-0002-1825-00977", "0000-0002-1825-009Y",
                                   "X000-0002-1825-0097", "orcid", "", "https://example.org/0000-0002-1825-0097"])
def test_orcid_with_a_wrong_shape_is_rejected_as_a_format_error(value):
    assert error_code(normalize_orcid, value) == "orcid_format"


def test_orcid_with_a_wrong_check_character_is_rejected_as_a_checksum_error():
    assert error_code(normalize_orcid, "0000-0002-1825-0098") == "orcid_checksum"
    assert error_code(validate_orcid, "0000-0002-9079-5930") == "orcid_checksum"


def test_orcid_error_message_quotes_the_value():
    with pytest.raises(ValidationError) as info:
        normalize_orcid("0000-0002-1825-0098")
    assert "0000-0002-1825-0098" in info.value.messages[0]


orcid_bases = st.text(alphabet="0123456789", min_size=15, max_size=15)


def with_dashes(digits: str) -> str:
    return "-".join(digits[i:i + 4] for i in range(0, 16, 4))


@given(orcid_bases)
def test_every_generated_orcid_round_trips(base):
    orcid = with_dashes(base + orcid_check_character(base))
    assert normalize_orcid(orcid) == orcid
    assert normalize_orcid("https://orcid.org/" + orcid) == orcid


@given(orcid_bases, st.integers(0, 15), st.sampled_from("0123456789X"))
def test_an_orcid_with_one_changed_character_is_rejected(base, position, replacement):
    digits = base + orcid_check_character(base)
    # A change of one digit for another (an X inside is a format error, tested above).
    assume(digits[position] != replacement and (replacement != "X" or position == 15))
    changed = digits[:position] + replacement + digits[position + 1:]
    # MOD 11-2 detects every single substitution.
    assert error_code(normalize_orcid, with_dashes(changed)) == "orcid_checksum"


def test_orcid_check_character_is_x_for_a_remainder_of_ten():
    # 15 digits whose weighted sum leaves 10: find one and check the X round trip through the validator.
    base = next(f"{n:015d}" for n in range(1000) if orcid_check_character(f"{n:015d}") == "X")
    assert normalize_orcid(with_dashes(base + "X")).endswith("X")


@pytest.mark.parametrize("ror", ["03yrm5c26", "02feahw73", "01an7q238"])
def test_published_ror_ids_are_valid(ror):
    assert normalize_ror(ror) == ror


def test_ror_in_its_url_form_is_accepted_and_stored_bare():
    assert normalize_ror("https://ror.org/03yrm5c26") == "03yrm5c26"
    assert normalize_ror("ror.org/03YRM5C26") == "03yrm5c26"


def test_ror_with_wrong_check_digits_is_rejected():
    assert error_code(normalize_ror, "03yrm5c27") == "ror_checksum"
    assert error_code(validate_ror, "03yrm5c62") == "ror_checksum"


@pytest.mark.parametrize("value", ["13yrm5c26", "03yrm5c2", "03yrm5c266", "03irm5c26", "03lrm5c26",
                                   "03orm5c26", "03urm5c26", "03yrm5cab", ""])
def test_ror_with_a_wrong_shape_is_rejected_as_a_format_error(value):
    # Crockford base32 leaves out i, l, o and u; the last two characters are digits.
    assert error_code(normalize_ror, value) == "ror_format"


ror_bodies = st.text(alphabet=CROCKFORD, min_size=6, max_size=6)


@given(ror_bodies)
def test_every_generated_ror_id_round_trips(body):
    ror = "0" + body + ror_checksum(body)
    assert normalize_ror(ror) == ror
    assert normalize_ror("https://ror.org/" + ror.upper()) == ror


@given(ror_bodies, st.integers(1, 8), st.sampled_from(CROCKFORD))
def test_a_ror_id_with_one_changed_character_is_rejected(body, position, replacement):
    ror = "0" + body + ror_checksum(body)
    # A real change; a letter among the check digits is a format error, tested above.
    assume(ror[position] != replacement and (position < 7 or replacement.isdigit()))
    changed = ror[:position] + replacement + ror[position + 1:]
    with pytest.raises(ValidationError):
        normalize_ror(changed)
