"""The UK number types read once agree with phonenumbers' own ``number_type``."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from raptor_desktop.core import number_types
from raptor_desktop.core.number_types import uk_number_type


def _plus44(nsn: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.PhoneNumber(country_code=44, national_number=int(nsn))


def _samples() -> list[str]:
    """Every four-digit start of a UK national number, and every five-digit one of the
    mobile ranges (07…), each at the lengths UK numbers have, with seeded random tails."""
    rng = random.Random(44)
    starts = [str(s) for s in range(1000, 10000)] + [str(s) for s in range(70000, 80000)]
    found = []
    for start in starts:
        for length in (7, 9, 10):
            if len(start) <= length:
                tail = "".join(rng.choice("0123456789") for _ in range(length - len(start)))
                found.append(start + tail)
    return found


def test_every_range_of_the_uk_plan_gets_phonenumbers_type() -> None:
    samples = _samples()
    differ = [
        n for n in samples if uk_number_type(_plus44(n)) != phonenumbers.number_type(_plus44(n))
    ]
    assert not differ, f"{len(differ)} of {len(samples)} differ, e.g. {differ[:5]}"
    kinds = {uk_number_type(_plus44(n)) for n in samples}
    assert {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE} <= kinds


@given(st.from_regex(r"[1-9][0-9]{5,10}", fullmatch=True))
def test_any_digits_get_phonenumbers_type(nsn: str) -> None:
    assert uk_number_type(_plus44(nsn)) == phonenumbers.number_type(_plus44(nsn))


def test_crown_dependency_and_other_country_numbers_are_the_librarys() -> None:
    # the library's own example numbers, never a literal that could be someone's
    jersey = phonenumbers.example_number_for_type("JE", phonenumbers.PhoneNumberType.MOBILE)
    france = phonenumbers.example_number_for_type("FR", phonenumbers.PhoneNumberType.MOBILE)
    for number in (jersey, france):
        assert uk_number_type(number) == phonenumbers.number_type(number)
    assert phonenumbers.region_code_for_number(jersey) == "JE"


def test_metadata_of_another_shape_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Shaped:
        leading_digits = "7"
        same_mobile_and_fixed_line_pattern = False

    monkeypatch.setattr(number_types.PhoneMetadata, "metadata_for_region", lambda _r: Shaped())
    with pytest.raises(LookupError, match="UK metadata"):
        number_types._UkTypes()


def test_a_number_the_uk_knows_is_not_asked_of_the_library_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    samples = [n for n in _samples() if len(n) == 10]
    known = [n for n in samples if phonenumbers.number_type(_plus44(n)) != 0 and n[:1] != "0"]
    asked: list[phonenumbers.PhoneNumber] = []
    monkeypatch.setattr(number_types.phonenumbers, "number_type", asked.append)
    uk = [n for n in known if phonenumbers.region_code_for_number(_plus44(n)) == "GB"]
    for nsn in uk:
        uk_number_type(_plus44(nsn))
    assert len(uk) > 10_000 and not asked
