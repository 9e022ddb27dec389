"""The bank-holiday list with the unit's corrections, as stored."""

from __future__ import annotations

from datetime import date, timedelta

from raptor_desktop.core.accounts import Permission
from raptor_desktop.core.errors import InputRejected
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
    store.require(Permission.CHANGE_SETTINGS)
    if kind not in ("add", "remove", "clear"):
        raise InputRejected("use add, remove or clear")
    with store.transaction("change bank holidays", f"{day.isoformat()} {kind}") as db:
        db.execute("DELETE FROM holiday_overrides WHERE day = ?", [day.isoformat()])
        if kind != "clear":
            db.execute(
                "INSERT INTO holiday_overrides (day, kind, note) VALUES (?, ?, ?)",
                [day.isoformat(), kind, note.strip()],
            )


def holiday_list(store: Store, year: int) -> list[tuple[date, str, str]]:
    """Bank holidays of ``year`` as the deadlines count them: (day, name, how it was set)."""
    calendar = bank_holidays(store)
    overrides = {
        date.fromisoformat(d): (k, n)
        for d, k, n in store.db.execute("SELECT day, kind, note FROM holiday_overrides")
    }
    days = {d for d in overrides if d.year == year}
    days |= {d for d in _year_days(year) if calendar.is_holiday(d)}
    listed = []
    for day in sorted(days):
        kind, note = overrides.get(day, ("", ""))
        how = {"add": "added by the unit", "remove": "removed by the unit"}.get(kind, "")
        listed.append((day, note or calendar.name(day), how))
    return listed


def _year_days(year: int) -> list[date]:
    start = date(year, 1, 1)
    return [start + timedelta(days=n) for n in range((date(year + 1, 1, 1) - start).days)]
