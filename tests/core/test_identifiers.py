from __future__ import annotations

import pytest

from raptor_desktop.core.identifiers import (
    IdentifierRejected,
    luhn_valid,
    validate_identifier,
    validate_imei,
)


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("490154203237518", True),
        ("490154203237519", False),
        ("001010000000016", True),
        ("79927398713", True),
        ("79927398710", False),
    ],
)
def test_luhn(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


def test_imei_accepts_label_formatting() -> None:
    assert validate_imei("49-015420-323751-8") == "490154203237518"


@pytest.mark.parametrize(
    ("kind", "value", "reason"),
    [
        ("IMEI", "490154203237519", "check digit"),
        ("IMEI", "49015420323751", "15 digits, 14 given"),
        ("IMEI", "49015420323751X", "digits only"),
        ("IMSI", "0010101234567", "14 or 15 digits, 13 given"),
        ("ICCID", "89440000000000001", "18 to 22 digits, 17 given"),
        ("ICCID", "89440000000000000000001", "18 to 22 digits, 23 given"),
        ("MEID", "123", "unknown identifier type"),
        ("IMEI", "", "empty"),
    ],
)
def test_bad_identifiers_are_rejected_with_reason(kind: str, value: str, reason: str) -> None:
    with pytest.raises(IdentifierRejected, match=reason):
        validate_identifier(kind, value)


@pytest.mark.parametrize(
    ("kind", "value", "stored"),
    [
        ("imsi", "001 010 123456701", "001010123456701"),
        ("IMSI", "00101012345670", "00101012345670"),
        ("iccid", "8944 0000 0000 0000 102", "8944000000000000102"),
    ],
)
def test_good_identifiers(kind: str, value: str, stored: str) -> None:
    assert validate_identifier(kind, value)[1] == stored
