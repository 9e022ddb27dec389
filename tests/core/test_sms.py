"""The message counter: encodings, parts, escape and surrogate pairs that never split."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raptor_desktop.core.sms import (
    GSM7_BASIC,
    GSM7_EXTENSION,
    LIMITS,
    Encoding,
    count_message,
    split_parts,
    unit_cost,
)

GSM_TEXT = st.text(alphabet=sorted(GSM7_BASIC | GSM7_EXTENSION), max_size=800)
ANY_TEXT = st.text(max_size=400)


def test_the_gsm_alphabet_has_its_127_characters_and_ten_extensions() -> None:
    assert len(GSM7_BASIC) == 127  # 128 positions, one of them the escape
    assert len(GSM7_EXTENSION) == 10


@pytest.mark.parametrize(
    ("text", "encoding", "units", "parts", "remaining"),
    [
        ("", Encoding.GSM7, 0, 0, 160),
        ("a" * 160, Encoding.GSM7, 160, 1, 0),
        ("a" * 161, Encoding.GSM7, 161, 2, 153 - 8),
        ("a" * 306, Encoding.GSM7, 306, 2, 0),
        ("a" * 307, Encoding.GSM7, 307, 3, 152),
        ("€" * 80, Encoding.GSM7, 160, 1, 0),
        ("a" * 159 + "€", Encoding.GSM7, 161, 2, 153 - 8),
        ("a" * 70, Encoding.GSM7, 70, 1, 90),
        ("’" + "a" * 69, Encoding.UCS2, 70, 1, 0),
        ("’" + "a" * 70, Encoding.UCS2, 71, 2, 67 - 4),
        ("🙂" * 35, Encoding.UCS2, 70, 1, 0),
        ("🙂" * 36, Encoding.UCS2, 72, 2, 67 - 6),
        ("Ç é à ñ ü Δ", Encoding.GSM7, 11, 1, 149),
        ("Ê", Encoding.UCS2, 1, 1, 69),
    ],
)
def test_counts(text: str, encoding: Encoding, units: int, parts: int, remaining: int) -> None:
    count = count_message(text)
    assert (count.encoding, count.units, count.parts, count.remaining) == (
        encoding,
        units,
        parts,
        remaining,
    )


def test_an_escape_pair_is_never_split() -> None:
    text = "a" * 152 + "€" + "b" * 10
    first, second = split_parts(text)
    assert first == "a" * 152  # 152 + 2 would be 154 > 153: the € moves on whole
    assert second.startswith("€")


def test_a_surrogate_pair_is_never_split() -> None:
    text = "a" * 66 + "🙂" + "b" * 10
    first, second = split_parts(text)
    assert first == "a" * 66
    assert second.startswith("🙂")


def test_the_description_names_the_characters_that_force_ucs2() -> None:
    count = count_message("Help is here – call us")
    assert count.not_gsm == ("–",)
    assert count.describe() == "1 message (UCS-2), 48 left in this part; UCS-2 because of: –"
    assert count_message("").describe() == "Empty message"


@given(GSM_TEXT)
def test_gsm_text_stays_gsm_and_parts_fit(text: str) -> None:
    count = count_message(text)
    parts = split_parts(text)
    assert count.encoding is Encoding.GSM7
    assert "".join(parts) == text
    assert len(parts) == count.parts
    limit = LIMITS[Encoding.GSM7].single if len(parts) <= 1 else LIMITS[Encoding.GSM7].per_part
    assert all(sum(unit_cost(c, Encoding.GSM7) for c in part) <= limit for part in parts)
    assert 0 <= count.remaining <= limit


@given(ANY_TEXT)
def test_any_text_is_counted_and_split_losslessly(text: str) -> None:
    count = count_message(text)
    parts = split_parts(text)
    assert "".join(parts) == text
    assert count.parts == len(parts)
    assert count.units == sum(unit_cost(c, count.encoding) for c in text)
    if count.encoding is Encoding.UCS2:
        assert count.units == len(text.encode("utf-16-le")) // 2
    limits = LIMITS[count.encoding]
    per_part = limits.single if len(parts) <= 1 else limits.per_part
    assert all(sum(unit_cost(c, count.encoding) for c in part) <= per_part for part in parts)
    # Fewest parts: no part could have taken the next part's first character.
    for part, following in zip(parts, parts[1:], strict=False):
        used = sum(unit_cost(c, count.encoding) for c in part)
        assert used + unit_cost(following[0], count.encoding) > limits.per_part


@given(GSM_TEXT, st.characters(blacklist_characters=sorted(GSM7_BASIC | GSM7_EXTENSION)))
def test_one_character_outside_gsm_switches_the_whole_message(text: str, other: str) -> None:
    assert count_message(text + other).encoding is Encoding.UCS2
    assert other in count_message(text + other).not_gsm
