"""Device identifiers an order can name besides the number (SI 2017/1240 reg 2 "device ID").

Only what can be checked is checked: the IMEI carries a Luhn check digit, the IMSI and ICCID have
fixed lengths. Spaces, dashes, dots and slashes as printed on labels are ignored.
"""

from __future__ import annotations

import re
from enum import StrEnum

from raptor_desktop.core.errors import InputRejected


class IdentifierRejected(InputRejected):
    """The identifier cannot be stored; ``str()`` says why."""


class DeviceKind(StrEnum):
    IMEI = "IMEI"
    IMSI = "IMSI"
    ICCID = "ICCID"


def luhn_valid(digits: str) -> bool:
    """True when the last digit of ``digits`` is the Luhn check digit of the rest."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _digits_only(kind: DeviceKind, text: str) -> str:
    compact = re.sub(r"[\s\-./]", "", text or "")
    if not compact:
        raise IdentifierRejected(f"{kind}: empty")
    if not re.fullmatch(r"[0-9]+", compact):
        bad = sorted({ch for ch in compact if ch not in "0123456789"})
        raise IdentifierRejected(f"{kind}: digits only, found {' '.join(bad)}")
    return compact


def validate_imei(text: str) -> str:
    digits = _digits_only(DeviceKind.IMEI, text)
    if len(digits) != 15:
        raise IdentifierRejected(f"IMEI: must be 15 digits, {len(digits)} given")
    if not luhn_valid(digits):
        raise IdentifierRejected(
            "IMEI: the check digit (the 15th) is wrong; check the number was copied correctly"
        )
    return digits


def validate_imsi(text: str) -> str:
    digits = _digits_only(DeviceKind.IMSI, text)
    if not 14 <= len(digits) <= 15:
        raise IdentifierRejected(f"IMSI: must be 14 or 15 digits, {len(digits)} given")
    return digits


def validate_iccid(text: str) -> str:
    digits = _digits_only(DeviceKind.ICCID, text)
    if not 18 <= len(digits) <= 22:
        raise IdentifierRejected(f"ICCID: must be 18 to 22 digits, {len(digits)} given")
    return digits


_VALIDATORS = {
    DeviceKind.IMEI: validate_imei,
    DeviceKind.IMSI: validate_imsi,
    DeviceKind.ICCID: validate_iccid,
}


def validate_identifier(kind: str, text: str) -> tuple[DeviceKind, str]:
    """Check ``text`` as an identifier of ``kind`` (IMEI, IMSI or ICCID, any case)."""
    try:
        device_kind = DeviceKind(kind.strip().upper())
    except ValueError:
        known = ", ".join(k.value for k in DeviceKind)
        raise IdentifierRejected(f"unknown identifier type {kind!r}; use one of {known}") from None
    return device_kind, _VALIDATORS[device_kind](text)
