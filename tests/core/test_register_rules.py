"""Reading the figures an officer types into the register."""

from __future__ import annotations

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.register import parse_price_pence, parse_takings_pence


@pytest.mark.parametrize(
    ("text", "pence"), [("£5,000", 500_000), ("5000.50", 500_050), ("", None), ("0", 0)]
)
def test_takings_in_pounds_become_pence(text: str, pence: int | None) -> None:
    assert parse_takings_pence(text) == pence


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("inf", "not an amount"),
        ("1e30", "more than any line takes"),
        ("nan", "not an amount"),
        ("12.345", "not an amount in pounds and pence"),
        ("-5", "cannot be negative"),
        ("five", "not an amount"),
    ],
)
def test_takings_that_are_no_amount_are_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(InputRejected, match=why):
        parse_takings_pence(text)


def test_a_test_purchase_price_becomes_pence_or_is_refused_with_the_reason() -> None:
    assert parse_price_pence("£20") == 2000 and parse_price_pence(" ") is None
    assert parse_price_pence("12.50") == 1250
    for text, why in (("£20,000", "more than any test purchase costs"), ("-1", "negative")):
        with pytest.raises(InputRejected, match=why):
            parse_price_pence(text)
