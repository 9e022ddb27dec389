"""The bank-holiday list with the unit's corrections, as stored."""

from __future__ import annotations

from datetime import date

from raptor_desktop.core.working_days import BankHolidays
from raptor_desktop.store.database import Store


def bank_holidays(store: Store) -> BankHolidays:
    rows = store.db.execute("SELECT day, kind FROM holiday_overrides").fetchall()
    return BankHolidays.with_overrides(
        added=[date.fromisoformat(d) for d, k in rows if k == "add"],
        removed=[date.fromisoformat(d) for d, k in rows if k == "remove"],
    )


def set_holiday_override(store: Store, day: date, kind: str, note: str = "") -> None:
    """Add a day to the holiday list (``add``), take one off (``remove``), or clear (``clear``)."""
    if kind not in ("add", "remove", "clear"):
        raise ValueError("use add, remove or clear")
    with store.transaction("change bank holidays", f"{day.isoformat()} {kind}") as db:
        db.execute("DELETE FROM holiday_overrides WHERE day = ?", [day.isoformat()])
        if kind != "clear":
            db.execute(
                "INSERT INTO holiday_overrides (day, kind, note) VALUES (?, ?, ?)",
                [day.isoformat(), kind, note.strip()],
            )
