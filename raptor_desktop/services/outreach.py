"""Batches of support texts: drafted, approved by a supervisor, handed to the SMS gateway.

The hand-over writes the gateway's file and logs the disclosure in the transaction that reads
who may still be texted (``store.outreach.hand_over``), so a STOP reply is honoured to the end.
"""

from __future__ import annotations

from raptor_desktop.core.dates import plural
from raptor_desktop.services.disclosure import record_consultation
from raptor_desktop.store.database import Store
from raptor_desktop.store.outreach import (
    BatchRow,
    Recipient,
    approve_batch,
    batch_recipients,
    draft_batch,
    hand_over,
    list_batches,
    plan_batch,
    record_not_delivered,
)


def recipients_of(store: Store, reference: str) -> list[Recipient]:
    """Who is in a batch and what became of each text; the reading is logged."""
    found = batch_recipients(store, reference)
    record_consultation(
        store, "view outreach recipients", f"{reference}: {plural(len(found), 'contact')}"
    )
    return found


__all__ = [
    "BatchRow",
    "Recipient",
    "approve_batch",
    "recipients_of",
    "draft_batch",
    "hand_over",
    "list_batches",
    "plan_batch",
    "record_not_delivered",
]
