"""Search across everything, for both faces: a consultation, logged once here."""

from __future__ import annotations

from raptor_desktop.services.disclosure import record_consultation
from raptor_desktop.store.database import Store
from raptor_desktop.store.search import KIND_TITLES, Hit, search_records

__all__ = ["KIND_TITLES", "Hit", "search"]


def search(store: Store, text: str) -> list[Hit]:
    """The records ``text`` finds, by kind; the search (its words and what it found) is logged."""
    hits = search_records(store, text)
    kinds = sorted({h.kind for h in hits})
    found = ", ".join(f"{sum(h.kind == k for h in hits)} {k}" for k in kinds) or "nothing"
    record_consultation(store, "search", f"{' '.join(text.split())!r}: {found}")
    return hits
