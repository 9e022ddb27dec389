"""Batches of support texts: drafted, approved by a supervisor, handed to the SMS gateway.

The hand-over writes the gateway's file and logs the disclosure in the transaction that reads
who may still be texted (``store.outreach.hand_over``), so a STOP reply is honoured to the end.
"""

from __future__ import annotations

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

__all__ = [
    "BatchRow",
    "Recipient",
    "approve_batch",
    "batch_recipients",
    "draft_batch",
    "hand_over",
    "list_batches",
    "plan_batch",
    "record_not_delivered",
]
