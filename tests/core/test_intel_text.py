"""Numbers in intelligence text, in every written form (issue 11)."""

from __future__ import annotations

import pytest

from raptor_desktop.core.intel_text import numbers_in


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("07700 900701 07700 900702", ["07700 900701", "07700 900702"]),  # one line, a space
        ("+447700900127/07700.900.128", ["07700 900127", "07700 900128"]),
        ("call +44 (0)7700-900124 or 0044 7700 900125", ["07700 900124", "07700 900125"]),
        ("7700900126, then 07700900126 again", ["07700 900126"]),  # each once
        ("0770090012 is short, 077009001234 is long, ref 2026/0417", []),
    ],
)
def test_each_mobile_is_found_once(text: str, numbers: list[str]) -> None:
    assert [n.display for n in numbers_in(text)[0]] == numbers


def test_a_landline_is_named_as_left_out() -> None:
    found, ignored = numbers_in("depot 01375 123456, runner 07700 900123")
    assert [n.display for n in found] == ["07700 900123"]
    assert [(i.written, "landline" in i.why) for i in ignored] == [("01375 123456", True)]


@pytest.mark.parametrize(
    ("text", "written", "reading"),
    [
        ("text 077OO 9OO123 for a Q", "077OO 9OO123", "07700 900123"),
        ("O7700 900124 (handset)", "O7700 900124", "07700 900124"),
        ("call O77OO9OOl26", "O77OO9OOl26", "07700 900126"),
        ("+44 77OO 9OOI27", "+44 77OO 9OOI27", "07700 900127"),
    ],
)
def test_a_mobile_written_with_letters_for_digits_is_named_with_its_reading(
    text: str, written: str, reading: str
) -> None:
    """'077OO 9OO123' had been dropped without a word, and 'O7700 900124' taken, as
    '7700 900124', for a number typed right: neither is a number the text gives for sure."""
    found, ignored = numbers_in(text + ", and 07700 900125")
    assert [n.display for n in found] == ["07700 900125"]
    [said] = ignored
    assert said.written == written
    assert f"if it is {reading}, check the source" in said.why


def test_words_and_references_are_not_read_as_lookalike_numbers() -> None:
    assert numbers_in("HOOLIGAN 0I234 ref O7/2026/OOl, operation OOOLO") == ([], [])
