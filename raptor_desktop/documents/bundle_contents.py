"""What a saved bundle holds, written into the file itself, so that a supplement adds only
what is new.

Each bundle carries, in its document information, one key per document it holds: the order
made on a day, the note of events (by what it records), each letter serving the order (and
the day it was sent), the certificate of service (by what it certifies), each witness
statement, each exhibit. A supplement adds its own keys to
those of the file it extends. The file is known to the register by its SHA-256 before any of
this is read, so what it says it holds is what was saved. A bundle saved before these keys
were written holds, as far as a supplement knows, its exhibits and the orders its bookmarks
name.
"""

from __future__ import annotations

import hashlib
from datetime import date

from pypdf import PdfReader, PdfWriter

from raptor_desktop.core.dates import full_date
from raptor_desktop.core.deemed_service import ELSEWHERE, Sending

CONTENTS_KEY = "/RaptorContents"
_SEPARATOR = "\n"


def order_key(made_on: date) -> str:
    return f"order {made_on.isoformat()}"


def note_key(recorded: list[str]) -> str:
    """The note of events, by the events it records: a note of the same events is the same."""
    digest = hashlib.sha256("\n".join(recorded).encode()).hexdigest()[:16]
    return f"note {digest}"


def certificate_key(certified: list[str]) -> str:
    """The certificate of service, by what it certifies: one of the same service is the same."""
    digest = hashlib.sha256("\n".join(certified).encode()).hexdigest()[:16]
    return f"certificate {digest}"


def letter_key(provider: str, items: str, sent: Sending | None) -> str:
    """A letter serving the order: to whom, on which items, and when and how it went (if it
    has; a letter recorded before the method was asked for is keyed by its day alone)."""
    if sent is None:
        return f"serving letter {provider} items {items} unsent"
    how = f" by {sent.method.value}" if sent.method else ""
    how += f" to {sent.to}" if sent.to and sent.method in ELSEWHERE else ""
    return f"serving letter {provider} items {items} {sent.on.isoformat()}{how}"


def statement_key(number: int) -> str:
    return f"statement {number}"


def exhibit_key(mark: str) -> str:
    return f"exhibit {mark}"


def statements_held(held: frozenset[str]) -> list[int]:
    return sorted(int(k.split()[1]) for k in held if k.startswith("statement "))


def write_contents(writer: PdfWriter, held: frozenset[str]) -> None:
    writer.add_metadata({CONTENTS_KEY: _SEPARATOR.join(sorted(held))})


def read_contents(reader: PdfReader, decided: list[date]) -> frozenset[str]:
    """The keys ``reader``'s bundle was saved with; for a bundle saved without them, the
    orders its bookmarks name (``decided``: the days orders were made, oldest first; an
    "Order (as made)" was the only one, the first)."""
    written = reader.metadata.get(CONTENTS_KEY) if reader.metadata else None
    if written is not None:
        return frozenset(k for k in str(written).split(_SEPARATOR) if k)
    titles = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    named = {
        order_key(day)
        for day in decided
        if any(t.startswith(f"Order made on {full_date(day)} (") for t in titles)
    }
    if decided and any(t.startswith("Order (as made) (") for t in titles):
        named.add(order_key(decided[0]))
    return frozenset(named)
