"""Reading UK mobile numbers as people write them.

Officers copy numbers from handsets, statements and spreadsheets, so the same line arrives as
``07700 900123``, ``+44 (0)7700-900123``, ``0044 7700 900123`` or ``7700900123``. Every form is
reduced to E.164 for storage and shown in national format. A number is rejected with a reason an
officer can act on, never guessed at: letters are typing errors (O for 0), not vanity letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberType, carrier

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.number_types import uk_number_type

CROWN_DEPENDENCIES = {"JE": "Jersey", "GG": "Guernsey", "IM": "Isle of Man"}
DRAMA_FIRST = 7700900000
DRAMA_LAST = 7700900999
DRAMA_RANGE_TEXT = "07700 900000–900999"

_ELEVEN_DIGITS = "a UK mobile has 11 digits (07XXX XXXXXX)"
_ALLOWED_PUNCTUATION = set("-.()/+")
_DIGITS = set("0123456789")
_TYPE_NAMES = {
    PhoneNumberType.FIXED_LINE: "a landline",
    PhoneNumberType.TOLL_FREE: "a freephone number",
    PhoneNumberType.PREMIUM_RATE: "a premium-rate number",
    PhoneNumberType.SHARED_COST: "a shared-cost number",
    PhoneNumberType.VOIP: "an internet (VoIP) number",
    PhoneNumberType.PERSONAL_NUMBER: "a personal number (070)",
    PhoneNumberType.PAGER: "a pager number (076)",
    PhoneNumberType.UAN: "a corporate (UAN) number",
    PhoneNumberType.VOICEMAIL: "a voicemail access number",
}


def _any_number_of(region: str) -> re.Pattern[str]:
    """One pattern for every type of number ``region`` has: a number valid there matches
    one of them, so a number that matches none is not asked the full question (which reads
    each type in turn, and was a third of an import's time)."""
    data = PhoneMetadata.metadata_for_region(region)
    if data is None:
        raise LookupError(f"phonenumbers has no numbering data for {region}")
    kinds = (
        data.fixed_line,
        data.mobile,
        data.toll_free,
        data.premium_rate,
        data.shared_cost,
        data.personal_number,
        data.voip,
        data.pager,
        data.uan,
        data.voicemail,
    )
    patterns = [k.national_number_pattern for k in kinds if k and k.national_number_pattern]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_ISLAND_NUMBERS = {region: _any_number_of(region) for region in CROWN_DEPENDENCIES}


class NumberRejected(InputRejected):
    """The text cannot be stored as a UK mobile number; ``str()`` says why."""


@dataclass(frozen=True)
class MobileNumber:
    """A UK (+44) mobile number, checked and normalised."""

    e164: str
    crown_dependency: str | None = None
    drama: bool = False
    range_holder: str = ""

    @property
    def national_significant(self) -> str:
        return self.e164[3:]

    @property
    def display(self) -> str:
        """National format, as officers write it: ``07700 900123``."""
        return national_format(self.e164)


def national_format(e164: str) -> str:
    """``+447700900123`` → ``07700 900123``; anything else is returned unchanged."""
    if e164.startswith("+447") and len(e164) == 13:
        nsn = e164[3:]
        return f"0{nsn[:4]} {nsn[4:]}"
    return e164


def national_digits(e164: str) -> str:
    """``+447700900123`` → ``07700900123``: the form used for searching."""
    return "0" + e164[3:] if e164.startswith("+44") else e164


def is_drama(national_significant: str) -> bool:
    return national_significant.isdigit() and (
        DRAMA_FIRST <= int(national_significant) <= DRAMA_LAST
    )


def _country_of(digits: str) -> str:
    try:
        code = phonenumbers.parse("+" + digits).country_code
    except phonenumbers.NumberParseException:
        code = None
    if code is None:
        return "no valid country code"
    region = phonenumbers.region_code_for_country_code(code)
    return f"country code +{code} ({region})"


_PLAIN_MOBILE = re.compile(r"(?:0|\+44)(7[0-9]{9})")
"""The two forms most numbers arrive in (``07700900123``, ``+447700900123``), read directly."""


def _significant_digits(text: str) -> str:
    """Strip formatting and the +44 / 0044 / 44 / 0 prefixes, leaving the national number."""
    plain = _PLAIN_MOBILE.fullmatch(text)
    if plain:
        return plain.group(1)
    bad = sorted(
        {ch for ch in text if not (ch in _DIGITS or ch.isspace() or ch in _ALLOWED_PUNCTUATION)}
    )
    letters = [ch for ch in bad if ch.isalpha()]
    if len(letters) > 2:
        raise NumberRejected(f"contains letters: {text.strip()[:40]!r} is not a phone number")
    if letters:
        raise NumberRejected(
            f"contains letters ({', '.join(letters)}): numbers are digits only; "
            "check for a letter O typed for a zero"
        )
    if bad:
        raise NumberRejected(
            f"contains characters that are not part of a phone number: {' '.join(bad)}"
        )
    if "+" in text.lstrip()[1:]:
        raise NumberRejected("a '+' may only stand at the start of a number")
    compact = re.sub(r"\(\s*0\s*\)", "", text)  # the "(0)" of "+44 (0)7..."
    digits = re.sub(r"[^0-9]", "", compact)
    international = compact.strip().startswith("+") or digits.startswith("00")
    if digits.startswith("00"):
        digits = digits[2:]
    if international:
        if not digits.startswith("44"):
            raise NumberRejected(
                f"not a UK number: {_country_of(digits)}; only +44 numbers are held"
            )
        digits = digits[2:]
    elif digits.startswith("44") and len(digits) >= 12:
        digits = digits[2:]
    if digits.startswith("0"):
        digits = digits[1:]
    return digits


def _written_digits(text: str) -> str:
    count = sum(ch.isdigit() for ch in text)
    return f"{count} digit{'s' if count != 1 else ''} given"


def parse_mobile(text: str | None, *, training: bool | None = False) -> MobileNumber:
    """Read ``text`` as a UK mobile number or raise :class:`NumberRejected` saying why.

    A live register (``training`` false) refuses Ofcom's drama range, which is never
    allocated; a training register (``training`` true) takes nothing but the drama range, so
    that no real person's number is kept in practice material. ``None`` reads either, to look
    up what a register already holds.

    The number's type is worked out once (an import checks every row): a number of an
    allocated type is a valid one, so validity is not asked again, and the range holder is
    read for a number already known to be valid.
    """
    if text is None or not str(text).strip():
        raise NumberRejected("empty: no number given")
    text = str(text)
    nsn = _significant_digits(text)
    if not nsn:
        raise NumberRejected("no digits in the number")
    if len(nsn) < 10:
        raise NumberRejected(f"too short: {_written_digits(text)}; {_ELEVEN_DIGITS}")
    if len(nsn) > 10:
        raise NumberRejected(f"too long: {_written_digits(text)}; {_ELEVEN_DIGITS}")
    if is_drama(nsn):
        if training is False:
            raise NumberRejected(
                f"0{nsn[:4]} {nsn[4:]} is in Ofcom's drama range ({DRAMA_RANGE_TEXT}), reserved "
                "for fiction and never allocated; use a training database for demo and "
                "training data"
            )
        return MobileNumber(e164="+44" + nsn, drama=True, range_holder="none (Ofcom drama range)")
    parsed = _plus44(nsn)
    kind = uk_number_type(parsed)  # UNKNOWN for a number in no allocated range
    if kind in _TYPE_NAMES:
        raise NumberRejected(f"not a mobile: 0{nsn} is {_TYPE_NAMES[kind]}")
    if not nsn.startswith("7"):
        raise NumberRejected(f"not a mobile: UK mobiles start 07, this starts 0{nsn[:2]}")
    if kind not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise NumberRejected(
            f"not a valid number: 0{nsn[:4]} {nsn[4:]} is not in an allocated mobile range"
        )
    if training:
        raise NumberRejected(
            f"0{nsn[:4]} {nsn[4:]} is not in Ofcom's drama range ({DRAMA_RANGE_TEXT}): a "
            "training database holds drama numbers only, so that no real person's number is "
            "kept as practice material"
        )
    crown = next(  # some island ranges are in the UK's metadata too: each island is asked
        (
            region
            for region, numbers in _ISLAND_NUMBERS.items()
            if numbers.fullmatch(nsn) and phonenumbers.is_valid_number_for_region(parsed, region)
        ),
        None,
    )
    return MobileNumber(
        e164="+44" + nsn,
        crown_dependency=crown,
        range_holder=carrier.name_for_valid_number(parsed, "en"),
    )


def _plus44(nsn: str) -> phonenumbers.PhoneNumber:
    """The +44 number of these national digits, made directly: phonenumbers' parser would
    only read again the digits already checked (a third of the time of the whole check)."""
    if nsn.startswith("0"):  # no mobile, but the parser keeps the zero for the message
        return phonenumbers.parse("+44" + nsn)
    return phonenumbers.PhoneNumber(country_code=44, national_number=int(nsn))


def search_digits(text: str) -> str | None:
    """Digits to search the register for, from a partial number typed in any format.

    ``+44 7700 9`` → ``077009``; ``900123`` → ``900123``. Returns None when ``text`` holds
    letters or too few digits to be a number search.
    """
    stripped = text.strip()
    if not stripped or any(ch.isalpha() for ch in stripped):
        return None
    compact = re.sub(r"\(\s*0\s*\)", "", stripped)
    digits = re.sub(r"[^0-9]", "", compact)
    if len(digits) < 3:
        return None
    if compact.startswith("+") or digits.startswith("0044"):  # "0001": last digits
        digits = digits[2:] if digits.startswith("00") else digits
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
    elif digits.startswith("447") and len(digits) >= 6:
        digits = "0" + digits[2:]
    elif digits.startswith("7") and len(digits) == 10:
        digits = "0" + digits
    return digits


_FIRST_HALF = re.compile(r"^(?:\+44|0044|0)?7\d{3}$")
_SECOND_HALF = re.compile(r"^\d{6}$")


def split_number(words: list[str]) -> str | None:
    """A number written as two words (``07700 900301`` unquoted on a command line), if any."""
    for first, second in zip(words, words[1:], strict=False):
        if _FIRST_HALF.match(first) and _SECOND_HALF.match(second):
            return f"{first} {second}"
    return None
