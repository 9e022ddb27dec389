"""Finding the UK mobile numbers in pasted intelligence text: a message, a report, a phone
extract, in any written form (``07700 900123``, ``+44 (0)7700-900123``, ``0044 7700…``)."""

from __future__ import annotations

import re
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


def numbers_in(text: str) -> tuple[list[FoundNumber], list[Ignored]]:
    """The UK mobile numbers in ``text``, each once, in the order they first appear; and the
    other UK numbers found (a landline, say), with why they are left out."""
    taken = [(m.start(), m.end(), m.group(0)) for m in MOBILE.finditer(text)]
    candidates = [(start, written) for start, _end, written in taken]
    for match in phonenumbers.PhoneNumberMatcher(
        text, "GB", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        if not any(start < match.end and match.start < end for start, end, _ in taken):
            candidates.append((match.start, match.raw_string))
    found: dict[str, FoundNumber] = {}
    ignored: list[Ignored] = []
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


def _is_uk(written: str) -> bool:
    try:
        parsed = phonenumbers.parse(written, "GB")
    except phonenumbers.NumberParseException:
        return False
    region = phonenumbers.region_code_for_number(parsed)
    return phonenumbers.is_valid_number(parsed) and region in ("GB", "JE", "GG", "IM")
