"""Recording what the Home Office County Lines Programme counts beyond disconnection: the
check-backs that a disconnected number stays dead, and Type 1 closures (holder charged)."""

from __future__ import annotations

from datetime import date

from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.figures import CHECK_BACK_DAYS
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import Conflict
from raptor_desktop.store.lines import find_number


def record_check_back(
    store: Store,
    number: str,
    after_days: int,
    checked_on: date,
    still_dead: bool,
    note: str = "",
    today: date | None = None,
) -> None:
    """The check ``after_days`` (28 or 90) after the number's disconnection under an order."""
    if after_days not in CHECK_BACK_DAYS:
        raise InputRejected(
            f"a check-back is made {' or '.join(map(str, CHECK_BACK_DAYS))} days "
            "after disconnection"
        )
    if checked_on > (today or date.today()):
        raise InputRejected(f"the check on {uk_date(checked_on)} is in the future")
    found = find_number(store, number)
    with store.transaction(
        "record check-back",
        f"{found.e164}: {after_days} days, {'still dead' if still_dead else 'in use again'}",
    ) as db:
        row = db.execute(
            "SELECT MIN(provider_confirmed_on) FROM orders WHERE number_id = ?", [found.id]
        ).fetchone()
        if row is None or row[0] is None:
            raise InputRejected(
                f"{number.strip()} has not been disconnected under an order: there is nothing "
                "to check back on"
            )
        disconnected = date.fromisoformat(row[0])
        if checked_on < disconnected:
            raise InputRejected(
                f"the check on {uk_date(checked_on)} is before the disconnection on "
                f"{uk_date(disconnected)}"
            )
        if db.execute(
            "SELECT 1 FROM check_backs WHERE number_id = ? AND after_days = ?",
            [found.id, after_days],
        ).fetchone():
            raise Conflict(f"the {after_days}-day check-back of {number.strip()} is recorded")
        db.execute(
            "INSERT INTO check_backs (number_id, after_days, checked_on, still_dead, note, "
            "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                found.id,
                after_days,
                checked_on.isoformat(),
                int(still_dead),
                note.strip(),
                utc_now(),
                store.actor,
            ],
        )


def record_type1_closure(
    store: Store, number: str, closed_on: date, note: str, today: date | None = None
) -> None:
    """The line of ``number`` closed as Type 1: its holder charged (recorded by hand)."""
    if closed_on > (today or date.today()):
        raise InputRejected(f"the closure on {uk_date(closed_on)} is in the future")
    if not note.strip():
        raise InputRejected("say what closed the line (the charge, its date and reference)")
    found = find_number(store, number)
    with store.transaction("record Type 1 closure", f"line {found.line_id}") as db:
        if db.execute("SELECT 1 FROM line_closures WHERE line_id = ?", [found.line_id]).fetchone():
            raise Conflict(f"the line of {number.strip()} is already recorded as closed")
        db.execute(
            "INSERT INTO line_closures (line_id, closed_on, note, recorded_at, recorded_by) "
            "VALUES (?, ?, ?, ?, ?)",
            [found.line_id, closed_on.isoformat(), note.strip(), utc_now(), store.actor],
        )
