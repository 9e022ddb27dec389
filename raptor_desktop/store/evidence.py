"""Storing the evidence gathered against a line."""

from __future__ import annotations

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.store.database import Store, insert_row, utc_now


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
