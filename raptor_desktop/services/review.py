"""MoPI review: records due, kept with a reason and a next date, or disposed of (logged).

The review list names each record's subject, so reading it is a consultation, logged here.
"""

from __future__ import annotations

from raptor_desktop.core.dates import plural
from raptor_desktop.services.disclosure import record_consultation
from raptor_desktop.store.database import Store
from raptor_desktop.store.retention import ERASERS, ReviewItem, dispose, keep, review_list

__all__ = ["ERASERS", "ReviewItem", "dispose", "due_for_review", "keep"]


def due_for_review(store: Store, *, due_only: bool = True) -> list[ReviewItem]:
    """Records due for review (or every record with its date); the reading is logged."""
    items = review_list(store, due_only=due_only)
    what = "due for review" if due_only else "with their review dates"
    record_consultation(store, "review list", f"{plural(len(items), 'record')} {what}")
    return items
