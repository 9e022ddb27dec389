"""Writing lines and numbers: adding, editing, status changes and device identifiers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from raptor_desktop.core.dates import to_iso
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.identifiers import validate_identifier
from raptor_desktop.core.lines import LineDetails, SeenDates
from raptor_desktop.core.networks import known_network
from raptor_desktop.core.numbers import MobileNumber, national_digits, national_format, parse_mobile
from raptor_desktop.core.statuses import Status, check_move, check_start
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.reference import area_ids, operation_id
from raptor_desktop.store.settings import networks, operation_or_default


@dataclass(frozen=True)
class NumberRef:
    """A stored number, as returned after a write."""

    id: int
    e164: str
    line_id: int
    status: Status


def parse_for(store: Store, text: str) -> MobileNumber:
    """Read a number as this database allows: drama numbers only in a training database."""
    return parse_mobile(text, training=store.training)


def find_number(store: Store, text: str) -> NumberRef:
    """The stored number written as ``text`` in any format; RecordNotFound if absent."""
    number = parse_mobile(text, training=None)
    row = store.db.execute(
        "SELECT id, e164, line_id, status FROM numbers WHERE e164 = ?", [number.e164]
    ).fetchone()
    if row is None:
        raise RecordNotFound(f"{number.display} is not in the register")
    return NumberRef(row[0], row[1], row[2], Status(row[3]))


def _check(details: LineDetails, dates: SeenDates) -> None:
    problems = details.problems()
    if dates.problem():
        problems["dates"] = dates.problem() or ""
    if problems:
        raise InputRejected("; ".join(problems.values()))


def line_for_brand(db: sqlite_utils.Database, brand: str, op_id: int) -> int | None:
    if not brand:
        return None
    row = db.execute(
        # "brand <> ''" lets SQLite use the partial index of brands, not read every line
        "SELECT id FROM lines WHERE operation_id = ? AND brand = ? COLLATE NOCASE AND brand <> ''",
        [op_id, brand],
    ).fetchone()
    return int(row[0]) if row else None


def _create_line(db: sqlite_utils.Database, details: LineDetails, op_id: int) -> int:
    now = utc_now()
    return insert_row(
        db,
        "lines",
        {
            "brand": details.brand.strip(),
            "operation_id": op_id,
            "daily_takings_pence": details.daily_takings_pence,
            "takings_source": details.takings_source.strip(),
            "intel_refs": details.intel_refs.strip(),
            "notes": details.notes.strip(),
            "created_at": now,
            "updated_at": now,
        },
    )


def link_areas_and_drugs(
    db: sqlite_utils.Database, line_id: int, areas: list[int], drugs: list[str]
) -> None:
    """Add areas (by id) and drugs to a line; those it already has are left as they are."""
    for area in areas:
        db.execute(
            "INSERT OR IGNORE INTO line_areas (line_id, area_id) VALUES (?, ?)", [line_id, area]
        )
    for drug in drugs:
        db.execute(
            "INSERT OR IGNORE INTO line_drugs (line_id, drug) VALUES (?, ?)", [line_id, drug]
        )


def _set_areas_and_drugs(
    db: sqlite_utils.Database, line_id: int, details: LineDetails, *, replace: bool
) -> None:
    ids = area_ids(db, details.areas)
    if replace:
        db.execute("DELETE FROM line_areas WHERE line_id = ?", [line_id])
        db.execute("DELETE FROM line_drugs WHERE line_id = ?", [line_id])
    link_areas_and_drugs(db, line_id, ids, details.drugs)


def record_status(
    db: sqlite_utils.Database, number_id: int, old: Status | None, new: Status, who: str, note: str
) -> None:
    insert_row(db, "status_changes", status_record(number_id, old, new, who, note, utc_now()))


def status_record(
    number_id: int, old: Status | None, new: Status, who: str, note: str, at: str
) -> dict[str, object]:
    """A row of a number's status history."""
    return {
        "number_id": number_id,
        "from_status": old.value if old else None,
        "to_status": new.value,
        "changed_at": at,
        "changed_by": who,
        "note": note.strip(),
    }


def add_number(
    store: Store,
    text: str,
    details: LineDetails,
    *,
    dates: SeenDates | None = None,
    status: Status = Status.IDENTIFIED,
    note: str = "",
    replaces: str | None = None,
) -> NumberRef:
    """Add a number to the register, on the line named ``details.brand`` if one exists.

    A number joining an existing line keeps the line's details and adds the given areas and
    drugs to it. ``replaces`` names an earlier number of the same line that this one replaced.
    """
    dates = dates or SeenDates(first_seen=date.today())
    _check(details, dates)
    check_start(status)
    number = parse_for(store, text)
    with store.transaction("add number", number.e164) as db:
        existing = db.execute(
            "SELECT l.brand FROM numbers n JOIN lines l ON l.id = n.line_id WHERE n.e164 = ?",
            [number.e164],
        ).fetchone()
        if existing:
            on_line = f" on line {existing[0]!r}" if existing[0] else ""
            raise Conflict(f"{number.display} is already in the register{on_line}")
        op_id = operation_id(db, operation_or_default(store, details.operation))
        line_id = line_for_brand(db, details.brand.strip(), op_id)
        if line_id is None:
            line_id = _create_line(db, details, op_id)
        _set_areas_and_drugs(db, line_id, details, replace=False)
        replaced_id = _replaced_number_id(store, replaces, line_id) if replaces else None
        number_id = insert_number(
            db, number, line_id, status, dates, store.actor, note, replaces_id=replaced_id
        )
    return NumberRef(number_id, number.e164, line_id, status)


def insert_number(
    db: sqlite_utils.Database,
    number: MobileNumber,
    line_id: int,
    status: Status,
    dates: SeenDates,
    actor: str,
    note: str,
    *,
    replaces_id: int | None = None,
) -> int:
    """Insert a checked number on a line with its first status-history entry."""
    now = utc_now()
    record = number_record(number, line_id, status, dates, now, replaces_id=replaces_id)
    number_id = insert_row(db, "numbers", record)
    insert_row(db, "status_changes", status_record(number_id, None, status, actor, note, now))
    return number_id


def number_record(
    number: MobileNumber,
    line_id: int,
    status: Status,
    dates: SeenDates,
    now: str,
    *,
    replaces_id: int | None = None,
) -> dict[str, object]:
    """The row of a checked number on a line, as it is first stored."""
    return {
        "e164": number.e164,
        "search_digits": national_digits(number.e164),
        "line_id": line_id,
        "status": status.value,
        "first_seen": to_iso(dates.first_seen),
        "last_seen": to_iso(dates.last_seen),
        "range_holder": number.range_holder,
        "crown_dependency": number.crown_dependency,
        "replaces_number_id": replaces_id,
        "created_at": now,
        "updated_at": now,
    }


def _replaced_number_id(store: Store, replaces: str, line_id: int) -> int:
    old = find_number(store, replaces)
    if old.line_id != line_id:
        raise Conflict(
            "a replacement number must join the line of the number it replaces; "
            "give the same line name"
        )
    return old.id


def update_line(store: Store, line_id: int, details: LineDetails) -> None:
    """Replace a line's details, areas and drugs with ``details``."""
    _check(details, SeenDates())
    with store.transaction("edit line", str(line_id)) as db:
        operation = operation_or_default(store, details.operation)
        op_id = operation_id(db, operation)
        clash = line_for_brand(db, details.brand.strip(), op_id)
        if clash is not None and clash != line_id:
            taken = db.execute("SELECT brand FROM lines WHERE id = ?", [clash]).fetchone()[0]
            raise Conflict(f"another line in {operation} is already called {taken!r}")
        db.table("lines").update(
            line_id,
            {
                "brand": details.brand.strip(),
                "operation_id": op_id,
                "daily_takings_pence": details.daily_takings_pence,
                "takings_source": details.takings_source.strip(),
                "intel_refs": details.intel_refs.strip(),
                "notes": details.notes.strip(),
                "updated_at": utc_now(),
            },
        )
        _set_areas_and_drugs(db, line_id, details, replace=True)


def update_number(store: Store, number_id: int, dates: SeenDates, provider_confirmed: str) -> None:
    """Change a number's seen dates and the provider an officer confirmed."""
    problem = dates.problem()
    if problem:
        raise InputRejected(problem)
    provider = _network(store, provider_confirmed) if provider_confirmed.strip() else ""
    with store.transaction("edit number", str(number_id)) as db:
        db.table("numbers").update(
            number_id,
            {
                "first_seen": to_iso(dates.first_seen),
                "last_seen": to_iso(dates.last_seen),
                "provider_confirmed": provider,
                "updated_at": utc_now(),
            },
        )
        _serve_drafts_on(db, number_id, provider)


def _network(store: Store, name: str) -> str:
    """``name`` as the networks list spells it, or refused (see :func:`known_network`)."""
    return known_network(name, [network for network, _ in networks(store)])


def _serve_drafts_on(db: sqlite_utils.Database, number_id: int, provider: str) -> None:
    """A confirmed provider becomes the one to serve in the number's draft applications."""
    if provider:
        db.execute(
            "UPDATE application_numbers SET provider = ? WHERE number_id = ? AND application_id "
            "IN (SELECT id FROM applications WHERE status = 'draft')",
            [provider, number_id],
        )


def set_provider(store: Store, text: str, provider: str) -> tuple[NumberRef, str]:
    """Record the provider an officer confirmed for a number (it may have been ported); the
    number, and the provider as the networks list spells it.

    Draft applications holding the number serve it on that provider from now on.
    """
    if not provider.strip():
        raise InputRejected("name the provider (e.g. EE, O2, Vodafone, Three, giffgaff)")
    name = _network(store, provider)
    with store.transaction("confirm provider") as db:
        number = find_number(store, text)
        store.describe(f"{number.e164}: {name}")
        db.execute(
            "UPDATE numbers SET provider_confirmed = ?, updated_at = ? WHERE id = ?",
            [name, utc_now(), number.id],
        )
        _serve_drafts_on(db, number.id, name)
    return number, name


def set_status(store: Store, text: str, new: Status, note: str = "") -> NumberRef:
    """Move the number written as ``text`` to ``new``, recording who, when and why."""
    with store.transaction("change status") as db:
        number = find_number(store, text)
        check_move(number.status, new)
        store.describe(f"{number.e164}: {number.status} -> {new}")
        db.table("numbers").update(number.id, {"status": new.value, "updated_at": utc_now()})
        record_status(db, number.id, number.status, new, store.actor, note)
    return NumberRef(number.id, number.e164, number.line_id, new)


def add_device(store: Store, text: str, kind: str, value: str) -> str:
    """Record an IMEI, IMSI or ICCID against a number; returns the identifier as stored."""
    device_kind, clean = validate_identifier(kind, value)
    with store.transaction("add device") as db:
        number = find_number(store, text)
        store.describe(f"{number.e164}: {device_kind}")
        if db.execute(
            "SELECT 1 FROM devices WHERE number_id = ? AND kind = ? AND value = ?",
            [number.id, device_kind.value, clean],
        ).fetchone():
            raise Conflict(f"{device_kind} {clean} is already recorded against this number")
        db.table("devices").insert(
            {
                "number_id": number.id,
                "kind": device_kind.value,
                "value": clean,
                "added_at": utc_now(),
                "added_by": store.actor,
            }
        )
    return clean


def save_edit(
    store: Store,
    number_id: int,
    line_id: int,
    details: LineDetails,
    dates: SeenDates,
    provider_confirmed: str,
) -> None:
    """Save an edit of a line and one of its numbers together, or not at all."""
    with store.transaction("edit line and number", str(number_id)):
        update_line(store, line_id, details)
        update_number(store, number_id, dates, provider_confirmed)


def undo_status_change(store: Store, number_id: int) -> NumberRef:
    """Put a number back to the status it had before its last change.

    The history is not erased: the undo is recorded as a change of its own.
    """
    with store.transaction("undo status change") as db:
        row = db.execute(
            "SELECT n.e164, n.line_id, n.status, c.from_status, c.to_status FROM numbers n "
            "JOIN status_changes c ON c.number_id = n.id WHERE n.id = ? "
            "ORDER BY c.id DESC LIMIT 1",
            [number_id],
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"number {number_id} is not in the register")
        e164, line_id, current, previous, changed_to = row
        if previous is None or current != changed_to:
            raise Conflict(f"{national_format(e164)} has no status change to undo")
        store.describe(f"{e164}: {current} -> {previous}")
        db.table("numbers").update(number_id, {"status": previous, "updated_at": utc_now()})
        record_status(
            db, number_id, Status(current), Status(previous), store.actor, f"undo of {current}"
        )
    return NumberRef(number_id, e164, line_id, Status(previous))
