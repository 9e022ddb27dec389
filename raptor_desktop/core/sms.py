"""How many text messages a support text costs: GSM-7 or UCS-2, parts, and where they split.

The rules (3GPP TS 23.038 and 23.040, as the domain brief gives them):

- Text written only in the GSM-7 alphabet fits 160 characters in one message, 153 per part
  when it is split. Characters from the extension table cost two (an escape and the
  character), and the pair is never split across parts.
- Any other character switches the whole message to UCS-2: 70 units in one message, 67 per
  part. Characters outside the Basic Multilingual Plane (most emoji) take two units (a
  surrogate pair), which is never split across parts either.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")


class Encoding(Enum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


@dataclass(frozen=True)
class Limits:
    single: int
    per_part: int


LIMITS = {Encoding.GSM7: Limits(160, 153), Encoding.UCS2: Limits(70, 67)}


@dataclass(frozen=True)
class MessageCount:
    """What a text costs; ``remaining`` is what still fits in the last part."""

    encoding: Encoding
    units: int
    parts: int
    remaining: int
    not_gsm: tuple[str, ...]

    def describe(self) -> str:
        """One line for the composer, e.g. '2 messages (GSM-7), 146 characters left'."""
        if not self.parts:
            return "Empty message"
        noun = "message" if self.parts == 1 else "messages"
        text = f"{self.parts} {noun} ({self.encoding.value}), {self.remaining} left in this part"
        if self.not_gsm:
            shown = " ".join(self.not_gsm[:5])
            text += f"; UCS-2 because of: {shown}"
        return text


def encoding_of(text: str) -> Encoding:
    is_gsm = all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)
    return Encoding.GSM7 if is_gsm else Encoding.UCS2


def unit_cost(character: str, encoding: Encoding) -> int:
    """Units one character takes: 2 for a GSM-7 escape pair or a UTF-16 surrogate pair."""
    if encoding is Encoding.GSM7:
        return 2 if character in GSM7_EXTENSION else 1
    return 2 if ord(character) > 0xFFFF else 1


def split_parts(text: str) -> list[str]:
    """The text as the network would send it, one string per part, pairs kept whole."""
    if not text:
        return []
    encoding = encoding_of(text)
    limits = LIMITS[encoding]
    costs = [unit_cost(c, encoding) for c in text]
    if sum(costs) <= limits.single:
        return [text]
    parts: list[str] = []
    start, used = 0, 0
    for index, cost in enumerate(costs):
        if used + cost > limits.per_part:
            parts.append(text[start:index])
            start, used = index, 0
        used += cost
    parts.append(text[start:])
    return parts


def count_message(text: str) -> MessageCount:
    encoding = encoding_of(text)
    limits = LIMITS[encoding]
    parts = split_parts(text)
    units = sum(unit_cost(c, encoding) for c in text)
    if not parts:
        remaining = limits.single
    elif len(parts) == 1:
        remaining = limits.single - units
    else:
        remaining = limits.per_part - sum(unit_cost(c, encoding) for c in parts[-1])
    not_gsm = tuple(
        dict.fromkeys(c for c in text if c not in GSM7_BASIC and c not in GSM7_EXTENSION)
    )
    return MessageCount(encoding, units, len(parts), remaining, not_gsm)
