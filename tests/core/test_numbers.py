from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType

from raptor_desktop.core.numbers import (
    NumberRejected,
    is_drama,
    national_format,
    parse_mobile,
    search_digits,
)

PERSONAL_EXAMPLE = phonenumbers.format_number(
    phonenumbers.example_number_for_type("GB", PhoneNumberType.PERSONAL_NUMBER),
    phonenumbers.PhoneNumberFormat.NATIONAL,
)  # libphonenumber's own example of a 070 personal number

VALID_GB = phonenumbers.format_number(
    phonenumbers.example_number_for_type("GB", PhoneNumberType.MOBILE),
    phonenumbers.PhoneNumberFormat.E164,
)  # +447400123456

ACCEPTED = [
    ("07700 900123", "+447700900123"),
    ("07700900123", "+447700900123"),
    ("+44 7700 900123", "+447700900123"),
    ("+44 (0)7700 900123", "+447700900123"),
    ("+44(0)7700-900-123", "+447700900123"),
    ("0044 7700 900123", "+447700900123"),
    ("00447700900123", "+447700900123"),
    ("447700900123", "+447700900123"),
    ("7700900123", "+447700900123"),
    ("07700-900-123", "+447700900123"),
    ("07700.900.123", "+447700900123"),
    ("(07700) 900123", "+447700900123"),
    ("  07700 900123  ", "+447700900123"),
    ("\t+44 7700 900 123\n", "+447700900123"),
    ("07700 900000", "+447700900000"),
    ("07700 900999", "+447700900999"),
]


@pytest.mark.parametrize(("text", "e164"), ACCEPTED)
def test_every_written_form_is_read_in_a_training_database(text: str, e164: str) -> None:
    number = parse_mobile(text, training=True)
    assert number.e164 == e164
    assert number.drama


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("O7700 900123", "letters"),
        ("07700 9OO123", "letters"),
        ("0800 FLOWERS", "letters"),
        ("07700 90012", "too short"),
        ("077", "too short"),
        ("07700 9001234", "too long"),
        ("020 7946 0000", "not a mobile: 02079460000 is a landline"),
        ("0808 157 0000", "not a mobile"),  # Ofcom's drama range for freephone
        (PERSONAL_EXAMPLE, "personal number"),
        ("+33 1 99 00 00 00", r"not a UK number: country code \+33"),  # French fiction range
        ("07400 123#456", "not part of a phone number"),
        ("07700 900\u0661\u0662\u0663", "not part of a phone number"),
        ("07400 1+23456", r"'\+' may only stand at the start"),
    ],
)
def test_rejected_forms_say_why(text: str, reason: str) -> None:
    with pytest.raises(NumberRejected, match=reason):
        parse_mobile(text, training=True)


def test_live_database_rejects_the_drama_range_naming_it() -> None:
    with pytest.raises(NumberRejected) as caught:
        parse_mobile("07700 900123")
    message = str(caught.value)
    assert "drama range" in message
    assert "07700 900000–900999" in message
    assert "training database" in message


def test_the_drama_range_ends_where_ofcom_says() -> None:
    assert is_drama("7700900000") and is_drama("7700900999")
    assert not is_drama("7700899999") and not is_drama("7700901000")


def test_valid_gb_mobile_accepted_in_live_database_with_range_holder() -> None:
    number = parse_mobile(national_format(VALID_GB))
    assert number.e164 == VALID_GB
    assert not number.drama
    assert number.crown_dependency is None
    assert number.range_holder  # phonenumbers' carrier data names the original network


@pytest.mark.parametrize("region", ["JE", "GG", "IM"])
def test_crown_dependency_numbers_are_flagged_not_rejected(region: str) -> None:
    example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    text = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    number = parse_mobile(text)
    assert number.e164.startswith("+44")
    assert number.crown_dependency == region


def test_display_is_national_format() -> None:
    assert parse_mobile("+447700900123", training=True).display == "07700 900123"


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("+44 7700 900", "07700900"),
        ("07700 900123", "07700900123"),
        ("900123", "900123"),
        ("7700900123", "07700900123"),
        ("0044 7700 9", "077009"),
        ("0001", "0001"),  # a number's last digits, not an international prefix
        ("00 12", "0012"),
        ("Tony", None),
        ("12", None),
    ],
)
def test_search_digits_from_partial_numbers(typed: str, digits: str | None) -> None:
    assert search_digits(typed) == digits


def test_an_island_range_the_uk_data_also_lists_is_still_the_islands() -> None:
    """07924 is a Manx Telecom range that phonenumbers lists under both GB and IM: the quick
    check by region order alone would call it British. (The number is libphonenumber's own
    example for the Isle of Man, not one that could be a person's.)"""
    example = phonenumbers.example_number_for_type("IM", phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None and str(example.national_number).startswith("7924")
    number = parse_mobile(f"0{example.national_number}")
    assert (number.crown_dependency, number.range_holder) == ("IM", "Manx Telecom")


def test_every_allocated_mobile_range_reads_as_phonenumbers_says() -> None:
    """One number in each 07xxx block: the type, validity and island found once are those
    phonenumbers' own full checks give."""
    for block in range(10_000):
        text = f"07{block:04d}123456"[:11]
        parsed = phonenumbers.parse(text, "GB")
        full = phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
        try:
            number = parse_mobile(text)
        except NumberRejected:
            assert not full or is_drama(text[1:]), text
            continue
        assert full, text
        valid_in = phonenumbers.is_valid_number_for_region
        islands = [r for r in ("JE", "GG", "IM") if valid_in(parsed, r)]
        assert number.crown_dependency == (islands[0] if islands else None), text
