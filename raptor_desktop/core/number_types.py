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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class _Desc:
    lengths: frozenset[int]  # empty: any length the general description allows
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, desc: object) -> _Desc:
        pattern = getattr(desc, "national_number_pattern", None)
        lengths = frozenset(getattr(desc, "possible_length", None) or ())
        return cls(lengths, re.compile(pattern) if pattern else None)

    def matches(self, nsn: str) -> bool:
        """As phonenumbers' ``_is_number_matching_desc``: the length, then the whole pattern."""
        if self.pattern is None or (self.lengths and len(nsn) not in self.lengths):
            return False
        return self.pattern.fullmatch(nsn) is not None


class _UkTypes:
    """phonenumbers' ``_number_type_helper`` over the UK's metadata, its patterns compiled."""

    def __init__(self) -> None:
        data = PhoneMetadata.metadata_for_region("GB")
        if (
            data is None
            or data.leading_digits is not None
            or data.same_mobile_and_fixed_line_pattern
        ):
            # phonenumbers would then find the region, or the type, otherwise than here
            raise LookupError("phonenumbers' UK metadata is not as this module reads it")
        self.general = _Desc.of(data.general_desc)
        self.kinds = [(_Desc.of(getattr(data, name)), kind) for name, kind in _ORDER]
        self.fixed_line = _Desc.of(data.fixed_line)
        self.mobile = _Desc.of(data.mobile)

    def of(self, nsn: str) -> int:
        """The type, or UNKNOWN where the library must answer (no UK type, or the rare
        number that is both fixed line and mobile)."""
        if not self.general.matches(nsn):
            return PhoneNumberType.UNKNOWN
        for desc, kind in self.kinds:
            if desc.matches(nsn):
                return kind
        fixed_line, mobile = self.fixed_line.matches(nsn), self.mobile.matches(nsn)
        if fixed_line != mobile:
            return PhoneNumberType.FIXED_LINE if fixed_line else PhoneNumberType.MOBILE
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
