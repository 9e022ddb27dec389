"""Batches of support texts: drafted, approved by a supervisor, handed to the SMS gateway.

Handing a batch over writes the gateway's file (number and message per row) and is logged as
a disclosure with its recipient and justification, in the same transaction as the batch's
change of status. Each contact is checked again at hand-over: one that opted out or was put
on the do-not-contact list since the draft is left out, and the reason is recorded.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.accounts import NotPermitted, Permission, normalise_username
from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.line_import import PHONE_HEADERS, RejectedRow, column_map
from raptor_desktop.core.numbers import NumberRejected, national_format, parse_mobile
from raptor_desktop.core.outreach import (
    BatchStatus,
    ContactState,
    RecipientStatus,
    exclusion,
    message_problems,
)
from raptor_desktop.core.tabular import Table, write_rows_csv
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.importing import ImportResult, Progress, RowRejected, import_rows
from raptor_desktop.store.settings import RECONTACT_DAYS, get_int


@dataclass(frozen=True)
class BatchPlan:
    """Who a new batch would text, and how many were left out, by reason."""

    contact_ids: list[int]
    left_out: dict[str, int]

    def describe(self) -> str:
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.left_out.items()))
        return f"{len(self.contact_ids)} to text" + (f"; left out: {reasons}" if reasons else "")


@dataclass(frozen=True)
class BatchRow:
    reference: str
    status: BatchStatus
    message: str
    recipients: int
    sent: int
    created_on: str
    created_by: str
    approved_on: str
    approved_by: str
    handed_to: str


def _states(
    db: sqlite_utils.Database, where: str = "", params: tuple[object, ...] = ()
) -> dict[int, ContactState]:
    """Each contact's opt-out, do-not-contact and last text; ``where`` narrows the contacts."""
    rows = db.execute(
        "SELECT c.id, c.opted_out_on, c.do_not_contact, "
        "(SELECT MAX(b.handed_at) FROM outreach_recipients r JOIN outreach_batches b "
        " ON b.id = r.batch_id WHERE r.contact_id = c.id AND r.status = ?) "
        f"FROM contacts c{where}",
        [RecipientStatus.SENT.value, *params],
    ).fetchall()
    return {
        r[0]: ContactState(
            date.fromisoformat(r[1]) if r[1] else None,
            bool(r[2]),
            date.fromisoformat(r[3][:10]) if r[3] else None,
        )
        for r in rows
    }


def plan_batch(
    store: Store, lines: list[str] | None = None, today: date | None = None
) -> BatchPlan:
    """The contacts a batch drafted today would text: those found on ``lines`` (any deal line
    when none are named), less those who opted out, must not be contacted or were texted
    within the recontact period."""
    today = today or date.today()
    days = get_int(store, RECONTACT_DAYS)
    where = ""
    params: tuple[object, ...] = ()
    if lines:
        numbers = tuple(parse_mobile(n, training=store.training).e164 for n in lines)
        for e164 in numbers:
            if not store.db.execute("SELECT 1 FROM numbers WHERE e164 = ?", [e164]).fetchone():
                raise RecordNotFound(f"deal line: {national_format(e164)} is not in the register")
        where = (
            " WHERE c.id IN (SELECT k.contact_id FROM contact_links k JOIN numbers n "
            f"ON n.id = k.number_id WHERE n.e164 IN ({','.join('?' * len(numbers))}))"
        )
        params = numbers
    included: list[int] = []
    left_out: dict[str, int] = {}
    for contact_id, state in sorted(_states(store.db, where, params).items()):
        reason = exclusion(state, today, days)
        if reason:
            left_out[reason] = left_out.get(reason, 0) + 1
        else:
            included.append(contact_id)
    return BatchPlan(included, left_out)


def _next_reference(db: sqlite_utils.Database, year: int) -> str:
    prefix = f"OUT-{year}-"
    row = db.execute(
        "SELECT MAX(CAST(substr(reference, ?) AS INTEGER)) FROM outreach_batches "
        "WHERE reference LIKE ?",
        [len(prefix) + 1, f"{prefix}%"],
    ).fetchone()
    return f"{prefix}{(row[0] or 0) + 1:03d}"


def draft_batch(
    store: Store, message: str, lines: list[str] | None = None, today: date | None = None
) -> tuple[str, BatchPlan]:
    """Draft a batch of ``message`` to the contacts :func:`plan_batch` finds."""
    problems = message_problems(message)
    if problems:
        raise InputRejected("; ".join(problems))
    with store.transaction("draft outreach batch") as db:
        plan = plan_batch(store, lines, today)
        if not plan.contact_ids:
            raise Conflict(f"no contact can be texted ({plan.describe()})")
        reference = _next_reference(db, (today or date.today()).year)
        store.describe(f"{reference}: {plural(len(plan.contact_ids), 'contact')}")
        batch_id = insert_row(
            db,
            "outreach_batches",
            {
                "reference": reference,
                "message": message.strip(),
                "created_at": utc_now(),
                "created_by": store.actor,
            },
        )
        db.table("outreach_recipients").insert_all(
            {"batch_id": batch_id, "contact_id": c} for c in plan.contact_ids
        )
    return reference, plan


def _batch(db: sqlite_utils.Database, reference: str) -> tuple[int, BatchStatus, str]:
    row = db.execute(
        "SELECT id, status, message FROM outreach_batches WHERE reference = ?", [reference]
    ).fetchone()
    if row is None:
        raise RecordNotFound(f"there is no outreach batch {reference}")
    return row[0], BatchStatus(row[1]), row[2]


def approve_batch(store: Store, reference: str) -> None:
    """A supervisor's approval: only an approved batch can go to the gateway.

    Separation of duties: the officer who drafted the batch may not approve it.
    """
    store.require(Permission.APPROVE_OUTREACH)
    with store.transaction("approve outreach batch", reference) as db:
        batch_id, status, _ = _batch(db, reference)
        if status is not BatchStatus.DRAFT:
            raise Conflict(f"{reference} is already {status.value}")
        drafter = db.execute(
            "SELECT created_by FROM outreach_batches WHERE id = ?", [batch_id]
        ).fetchone()[0]
        if normalise_username(str(drafter)) == normalise_username(store.actor):
            raise NotPermitted(
                f"you drafted {reference}: another supervisor must approve it "
                "(the drafter of a batch may not approve it)"
            )
        db.execute(
            "UPDATE outreach_batches SET status = ?, approved_at = ?, approved_by = ? WHERE id = ?",
            [BatchStatus.APPROVED.value, utc_now(), store.actor, batch_id],
        )


def hand_over(
    store: Store,
    reference: str,
    target: Path,
    recipient: str,
    justification: str,
    today: date | None = None,
) -> int:
    """Write the gateway's file for an approved batch; returns how many texts it holds.

    Contacts that may no longer be texted are left out, with the reason; who may be texted is
    read inside the transaction that records the hand-over, so a STOP reply recorded up to
    that moment is honoured. The file is written beside ``target`` first and renamed only when
    the batch's change of status has committed.
    """
    store.require(Permission.HAND_OVER_OUTREACH)  # a disclosure of contacts' numbers
    if not recipient.strip() or not justification.strip():
        raise InputRejected("say who receives the numbers (the gateway) and why")
    today = today or date.today()
    target = Path(target)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}", suffix=".tmp")
    os.close(handle)
    placed = False
    try:
        with store.transaction(
            "hand over outreach batch", reference, justification=justification, recipient=recipient
        ) as db:
            batch_id, status, message = _batch(db, reference)
            if status is not BatchStatus.APPROVED:
                raise Conflict(f"{reference} is {status.value}; a supervisor must approve it first")
            days = get_int(store, RECONTACT_DAYS)
            in_batch = (
                " WHERE c.id IN (SELECT contact_id FROM outreach_recipients WHERE batch_id = ?)"
            )
            states = _states(db, in_batch, (batch_id,))
            members = sorted(states)
            # This batch's own recipients are not yet handed over: it cannot count against itself.
            reasons = {c: exclusion(states[c], today, days) for c in members}
            sending = [c for c in members if not reasons[c]]
            numbers = dict(
                db.execute(f"SELECT c.id, c.e164 FROM contacts c{in_batch}", [batch_id]).fetchall()
            )
            write_rows_csv(
                temporary, ["number", "message"], ([numbers[c], message] for c in sending)
            )
            sent_numbers = ", ".join(numbers[c] for c in sending)
            store.describe(
                f"{reference}: {plural(len(sending), 'number')} -> {target} ({sent_numbers})"
            )
            for contact_id in members:
                reason = reasons[contact_id]
                db.execute(
                    "UPDATE outreach_recipients SET status = ?, note = ? "
                    "WHERE batch_id = ? AND contact_id = ?",
                    [
                        RecipientStatus.LEFT_OUT.value if reason else RecipientStatus.SENT.value,
                        reason,
                        batch_id,
                        contact_id,
                    ],
                )
            db.execute(
                "UPDATE outreach_batches SET status = ?, handed_at = ?, handed_by = ?, "
                "handed_to = ? WHERE id = ?",
                [
                    BatchStatus.HANDED_OVER.value,
                    utc_now(),
                    store.actor,
                    recipient.strip(),
                    batch_id,
                ],
            )
            # The file takes its name before the commit: if it cannot, nothing is recorded.
            os.replace(temporary, target)
            placed = True
    except BaseException:
        if placed:  # the commit failed after the file was in place: take it back
            target.unlink(missing_ok=True)
        raise
    finally:
        Path(temporary).unlink(missing_ok=True)
    return len(sending)


def record_not_delivered(store: Store, reference: str, number: str, note: str = "") -> None:
    """The gateway reported a text as not delivered (number dead, barred, unknown)."""
    e164 = parse_mobile(number, training=store.training).e164
    with store.transaction("text not delivered", f"{reference} {e164}") as db:
        batch_id, _, _ = _batch(db, reference)
        try:
            _mark_not_delivered(db, batch_id, reference, e164, note or f"on {date.today()}")
        except RowRejected as error:
            raise RecordNotFound(str(error)) from None


def import_delivery_report(
    store: Store,
    reference: str,
    table: Table,
    note: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """The gateway's report of texts not delivered: a file with a column of numbers."""
    batch_id, _, _ = _batch(store.db, reference)
    mapping = column_map(table, {"number": PHONE_HEADERS})

    def read(row_number: int, cells: list[str]) -> str | RejectedRow:
        try:
            text = mapping.cell(cells, "number")
            return parse_mobile(text, training=store.training).e164
        except NumberRejected as error:
            return RejectedRow(row_number, f"number: {error}", cells)

    def apply(db: sqlite_utils.Database, e164: str) -> str:
        _mark_not_delivered(db, batch_id, reference, e164, note)
        return "updated"

    return import_rows(store, table, "texts not delivered", read, apply, progress, mapping.ignored)


def _mark_not_delivered(
    db: sqlite_utils.Database, batch_id: int, reference: str, e164: str, note: str
) -> None:
    cursor = db.execute(
        "UPDATE outreach_recipients SET status = ?, note = ? WHERE batch_id = ? AND "
        "status = ? AND contact_id = (SELECT id FROM contacts WHERE e164 = ?)",
        [RecipientStatus.FAILED.value, note.strip(), batch_id] + [RecipientStatus.SENT.value, e164],
    )
    if cursor.rowcount == 0:
        raise RowRejected(f"{national_format(e164)} was not handed over in {reference}")


@dataclass(frozen=True)
class Recipient:
    display: str
    status: RecipientStatus
    note: str


def batch_recipients(store: Store, reference: str) -> list[Recipient]:
    """Who is in a batch and what became of each text, in number order."""
    batch_id, _, _ = _batch(store.db, reference)
    return [
        Recipient(national_format(r[0]), RecipientStatus(r[1]), r[2])
        for r in store.db.execute(
            "SELECT c.e164, r.status, r.note FROM outreach_recipients r "
            "JOIN contacts c ON c.id = r.contact_id WHERE r.batch_id = ? ORDER BY c.e164",
            [batch_id],
        )
    ]


def list_batches(store: Store) -> list[BatchRow]:
    return [
        BatchRow(
            reference=r[0],
            status=BatchStatus(r[1]),
            message=r[2],
            recipients=r[3],
            sent=r[4],
            created_on=r[5][:10],
            created_by=r[6],
            approved_on=(r[7] or "")[:10],
            approved_by=r[8] or "",
            handed_to=r[9] or "",
        )
        for r in store.db.execute(
            "SELECT b.reference, b.status, b.message, COUNT(r.contact_id), "
            "SUM(r.status = ?), b.created_at, b.created_by, b.approved_at, b.approved_by, "
            "b.handed_to FROM outreach_batches b LEFT JOIN outreach_recipients r "
            "ON r.batch_id = b.id GROUP BY b.id ORDER BY b.id DESC",
            [RecipientStatus.SENT.value],
        )
    ]
