"""What the home screen lists besides the orders' warnings: hearings coming, and outreach
batches waiting for a supervisor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from raptor_desktop.store.database import Store


@dataclass(frozen=True)
class Hearing:
    reference: str
    court: str
    on: date
    at: str


def hearings_between(store: Store, first: date, last: date) -> list[Hearing]:
    return [
        Hearing(str(reference), str(court or ""), date.fromisoformat(str(on)), str(at or ""))
        for reference, court, on, at in store.db.execute(
            "SELECT reference, court, hearing_date, hearing_time FROM applications "
            "WHERE hearing_date BETWEEN ? AND ? ORDER BY hearing_date, hearing_time",
            [first.isoformat(), last.isoformat()],
        )
    ]


@dataclass(frozen=True)
class WaitingBatch:
    reference: str
    drafted_by: str
    recipients: int


def batches_awaiting_approval(store: Store) -> list[WaitingBatch]:
    return [
        WaitingBatch(str(reference), str(who), int(count))
        for reference, who, count in store.db.execute(
            "SELECT b.reference, b.created_by, COUNT(r.contact_id) FROM outreach_batches b "
            "LEFT JOIN outreach_recipients r ON r.batch_id = b.id WHERE b.status = 'draft' "
            "GROUP BY b.id ORDER BY b.reference"
        )
    ]
