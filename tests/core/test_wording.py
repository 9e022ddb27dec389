from __future__ import annotations

import pytest

from raptor_desktop.core.wording import and_list, as_sentence


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
