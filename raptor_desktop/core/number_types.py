"""The type of a UK (+44) number, as phonenumbers' ``number_type`` finds it, asked once.

``phonenumbers.number_type`` first works out the number's region, which for +44 means asking
the UK's metadata for the number's type in full, and then asks the same question again of that
region's metadata; each question goes through the library's pattern cache and eleven function
calls. An import asks it of every row, and it was half of the time phonenumbers takes to
parse, validate and format a number. Here the UK's patterns are read from phonenumbers' own
metadata, compiled once, and asked in the library's order, once. A number the UK's metadata
does not know (a Crown Dependency's own range, or no number at all) is handed to phonenumbers
itself, so the answer is always the library's. ``tests/core/test_number_types.py`` checks
the two agree on every range of the UK's numbering plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberType

_ORDER = (  # phonenumbers' _number_type_helper asks in this order; fixed line and mobile last
    ("premium_rate", PhoneNumberType.PREMIUM_RATE),
    ("toll_free", PhoneNumberType.TOLL_FREE),
    ("shared_cost", PhoneNumberType.SHARED_COST),
    ("voip", PhoneNumberType.VOIP),
    ("personal_number", PhoneNumberType.PERSONAL_NUMBER),
    ("pager", PhoneNumberType.PAGER),
    ("uan", PhoneNumberType.UAN),
    ("voicemail", PhoneNumberType.VOICEMAIL),
)


_Match = Callable[[str], "re.Match[str] | None"]


def _matcher(desc: object, length: int) -> _Match | None:
    """The whole-number match of ``desc``'s pattern, for numbers of ``length`` digits; None
    where phonenumbers' ``_is_number_matching_desc`` says no without asking the pattern."""
    pattern = getattr(desc, "national_number_pattern", None)
    lengths = getattr(desc, "possible_length", None) or ()
    if not pattern or (lengths and length not in lengths):
        return None
    return re.compile(pattern).fullmatch


class _UkTypes:
    """phonenumbers' ``_number_type_helper`` over the UK's metadata, its patterns compiled
    and sorted by the lengths of number they allow."""

    def __init__(self) -> None:
        data = PhoneMetadata.metadata_for_region("GB")
        if (
            data is None
            or data.leading_digits is not None
            or data.same_mobile_and_fixed_line_pattern
        ):
            # phonenumbers would then find the region, or the type, otherwise than here
            raise LookupError("phonenumbers' UK metadata is not as this module reads it")
        self._data = data
        self._by_length: dict[
            int, tuple[_Match | None, list[tuple[_Match, int]], _Match, _Match]
        ] = {}

    def _for(self, length: int) -> tuple[_Match | None, list[tuple[_Match, int]], _Match, _Match]:
        if length not in self._by_length:
            data = self._data
            kinds = [(_matcher(getattr(data, name), length), kind) for name, kind in _ORDER]
            never = re.compile("(?!)").fullmatch
            self._by_length[length] = (
                _matcher(data.general_desc, length),
                [(match, kind) for match, kind in kinds if match is not None],
                _matcher(data.fixed_line, length) or never,
                _matcher(data.mobile, length) or never,
            )
        return self._by_length[length]

    def of(self, nsn: str) -> int:
        """The type, or UNKNOWN where the library must answer (no UK type, or the rare
        number that is both fixed line and mobile)."""
        general, kinds, fixed_line, mobile = self._for(len(nsn))
        if general is None or general(nsn) is None:
            return PhoneNumberType.UNKNOWN
        for match, kind in kinds:
            if match(nsn) is not None:
                return kind
        is_fixed, is_mobile = fixed_line(nsn) is not None, mobile(nsn) is not None
        if is_fixed != is_mobile:
            return PhoneNumberType.FIXED_LINE if is_fixed else PhoneNumberType.MOBILE
        return PhoneNumberType.UNKNOWN


_UK = _UkTypes()


def uk_number_type(number: phonenumbers.PhoneNumber) -> int:
    """``phonenumbers.number_type(number)`` for a +44 ``number``, without its second asking."""
    if number.country_code != 44 or number.italian_leading_zero:
        return phonenumbers.number_type(number)
    kind = _UK.of(str(number.national_number))
    if kind == PhoneNumberType.UNKNOWN:  # another region of +44, or none: the library answers
        return phonenumbers.number_type(number)
    return kind
