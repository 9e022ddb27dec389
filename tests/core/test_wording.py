from __future__ import annotations

import pytest

from raptor_desktop.core.wording import and_list, as_sentence, numbers_in_ranges


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ([], ""),
        (["heroin"], "heroin"),
        (["crack cocaine", "heroin"], "crack cocaine and heroin"),
        (["Harlow", "", "Epping Forest", "Brentwood"], "Harlow, Epping Forest and Brentwood"),
    ],
)
def test_and_list(items: list[str], text: str) -> None:
    assert and_list(items) == text


def test_a_sentence_said_twice_in_a_paragraph_is_said_once() -> None:
    from raptor_desktop.core.wording import without_repeats

    text = (
        "Test purchase on 3 August 2026 at Tilbury: two wraps. The line was busy. "
        "Test purchase on 3 August 2026 at Tilbury:  two wraps. “Tony” answered."
    )
    assert without_repeats(text) == (
        "Test purchase on 3 August 2026 at Tilbury: two wraps. The line was busy. “Tony” answered."
    )
    assert without_repeats("One. Two.") == "One. Two."


def test_a_refusal_clause_becomes_a_sentence() -> None:
    assert as_sentence("no order has been made yet on EE") == "No order has been made yet on EE."
    assert as_sentence("Saved.") == "Saved."
    assert as_sentence("is this the right line?") == "Is this the right line?"
    assert as_sentence("these rows were rejected:") == "These rows were rejected:"
    assert as_sentence("  'x' is not a date  ") == "'x' is not a date."
    assert as_sentence("<p>rich text</p>") == "<p>rich text</p>"
    assert as_sentence("") == ""


def test_item_numbers_three_or_more_in_a_row_are_written_as_a_range() -> None:
    assert numbers_in_ranges([1]) == "1"
    assert numbers_in_ranges([1, 2]) == "1 and 2"
    assert numbers_in_ranges(list(range(1, 801))) == "1 to 800"
    assert numbers_in_ranges([9, 1, 2, 5, 6, 7, 8]) == "1, 2 and 5 to 9"
    assert numbers_in_ranges([1, 3, 4, 5, 7]) == "1, 3 to 5 and 7"
