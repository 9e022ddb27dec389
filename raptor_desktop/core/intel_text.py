"""Finding the UK mobile numbers in pasted intelligence text: a message, a report, a phone
extract, in any written form (``07700 900123``, ``+44 (0)7700-900123``, ``0044 7700…``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers

from raptor_desktop.core.numbers import NumberRejected, parse_mobile


@dataclass(frozen=True)
class FoundNumber:
    written: str  # as it stands in the text
    e164: str
    display: str
    drama: bool


@dataclass(frozen=True)
class Ignored:
    written: str
    why: str


MOBILE = re.compile(
    r"(?<![\d+])(?:\+44\s*(?:\(0\)\s*)?|0044\s*|0)7\d{3}[\s.-]?\d{3}[\s.-]?\d{3}(?!\d)"
    r"|(?<![\d+])7\d{9}(?!\d)"
)
"""A UK mobile as officers and handsets write it. libphonenumber's matcher finds the rest,
but reads ``07700 900701 07700 900702`` on one line as one long number and keeps only the
second; this finds each."""


_LOOKALIKE_DIGIT = r"[\dOoIl]"
LOOKALIKE = re.compile(
    r"(?<![\w+])(?:\+44\s*(?:\(0\)\s*)?|0044\s*|[0Oo])7"
    rf"{_LOOKALIKE_DIGIT}{{3}}[\s.-]?{_LOOKALIKE_DIGIT}{{3}}[\s.-]?{_LOOKALIKE_DIGIT}{{3}}(?!\w)"
)
"""A mobile written with letters for digits (``077OO 9OO123``: O for 0, I or l for 1), as a
slip of typing or to slip past a filter: shown with its reading, never taken as a number."""
_AS_DIGITS = str.maketrans("OoIl", "0011")


def numbers_in(text: str) -> tuple[list[FoundNumber], list[Ignored]]:
    """The UK mobile numbers in ``text``, each once, in the order they first appear; and the
    other UK numbers found (a landline, say, or a mobile written with letters for digits), with
    why they are left out."""
    lookalikes = _lookalikes(text)
    ignored = [said for _span, said in lookalikes]
    misread = [span for span, _said in lookalikes]
    taken = [
        (m.start(), m.end())
        for m in MOBILE.finditer(text)
        if not _overlaps(m.start(), m.end(), misread)  # '7700 900124' of 'O7700 900124'
    ]
    candidates = [(start, text[start:end]) for start, end in taken]
    spans = taken + misread
    for match in phonenumbers.PhoneNumberMatcher(
        text, "GB", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        if not _overlaps(match.start, match.end, spans):
            candidates.append((match.start, match.raw_string))
    found: dict[str, FoundNumber] = {}
    for _start, written in sorted(candidates):
        try:
            number = parse_mobile(written, training=None)
        except NumberRejected as error:
            if _is_uk(written):
                ignored.append(Ignored(written, str(error)))
            continue
        found.setdefault(
            number.e164, FoundNumber(written, number.e164, number.display, number.drama)
        )
    return list(found.values()), ignored


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _lookalikes(text: str) -> list[tuple[tuple[int, int], Ignored]]:
    said = []
    for match in LOOKALIKE.finditer(text):
        written = match.group(0)
        if not any(c in written for c in "OoIl"):
            continue  # all digits: a number, or not one, as the rest of the search finds
        try:
            reading = parse_mobile(written.translate(_AS_DIGITS), training=None)
        except NumberRejected:
            continue
        why = (
            "letters where digits would be (O for 0, I or l for 1): if it is "
            f"{reading.display}, check the source and add it as that"
        )
        said.append((match.span(), Ignored(written, why)))
    return said


def _is_uk(written: str) -> bool:
    try:
        parsed = phonenumbers.parse(written, "GB")
    except phonenumbers.NumberParseException:
        return False
    region = phonenumbers.region_code_for_number(parsed)
    return phonenumbers.is_valid_number(parsed) and region in ("GB", "JE", "GG", "IM")
