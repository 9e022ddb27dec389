"""Storing the evidence gathered against a line."""

from __future__ import annotations

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.lines import find_number


def add_number_evidence(store: Store, text: str, item: EvidenceItem) -> int:
    """Record ``item`` against the line of the number ``text`` (a test purchase made by
    calling it, a marketing text sent from it): evidence is the line's, as its brand is."""
    return add_evidence(store, find_number(store, text).line_id, item)


def add_evidence(store: Store, line_id: int, item: EvidenceItem) -> int:
    problem = item.problem()
    if problem:
        raise InputRejected(problem)
    with store.transaction("add evidence", str(line_id)) as db:
        return insert_row(
            db,
            "evidence",
            {
                "line_id": line_id,
                "kind": item.kind,
                "occurred_on": item.occurred_on.isoformat() if item.occurred_on else None,
                "location": item.location.strip(),
                "details": item.details.strip(),
                "price_pence": item.price_pence,
                "reference": item.reference.strip(),
                "recorded_at": utc_now(),
                "recorded_by": store.actor,
            },
        )
