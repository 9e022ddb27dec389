"""Everything known about one number and its line, for the detail panel and edit dialogs."""

from __future__ import annotations

from dataclasses import dataclass, field

from raptor_desktop.core.dates import from_iso
from raptor_desktop.core.lines import LineDetails, SeenDates
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound


@dataclass
class NumberDetail:
    id: int
    e164: str
    line_id: int
    status: Status
    dates: SeenDates
    range_holder: str
    provider_confirmed: str
    crown_dependency: str | None
    replaces: str | None
    line: LineDetails
    line_numbers: list[dict[str, object]] = field(default_factory=list)
    devices: list[dict[str, object]] = field(default_factory=list)
    history: list[dict[str, object]] = field(default_factory=list)
    evidence: list[dict[str, object]] = field(default_factory=list)
    contacts: dict[str, int] = field(default_factory=dict)  # contacts found on it, by source

    @property
    def display(self) -> str:
        return national_format(self.e164)


def line_details(store: Store, line_id: int) -> LineDetails:
    row = store.db.execute(
        "SELECT l.brand, o.name, l.daily_takings_pence, l.takings_source, l.intel_refs, l.notes "
        "FROM lines l JOIN operations o ON o.id = l.operation_id WHERE l.id = ?",
        [line_id],
    ).fetchone()
    if row is None:
        raise RecordNotFound(f"line {line_id} is not in the register")
    areas = [
        r[0]
        for r in store.db.execute(
            "SELECT a.name FROM line_areas la JOIN areas a ON a.id = la.area_id "
            "WHERE la.line_id = ? ORDER BY a.name",
            [line_id],
        )
    ]
    drugs = [
        r[0]
        for r in store.db.execute(
            "SELECT drug FROM line_drugs WHERE line_id = ? ORDER BY drug", [line_id]
        )
    ]
    return LineDetails(
        brand=row[0],
        operation=row[1],
        areas=areas,
        drugs=drugs,
        daily_takings_pence=row[2],
        takings_source=row[3],
        intel_refs=row[4],
        notes=row[5],
    )


def _dicts(store: Store, sql: str, params: list[object]) -> list[dict[str, object]]:
    cursor = store.db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def number_detail(store: Store, number_id: int) -> NumberDetail:
    row = store.db.execute(
        "SELECT n.e164, n.line_id, n.status, n.first_seen, n.last_seen, n.range_holder, "
        "n.provider_confirmed, n.crown_dependency, r.e164 FROM numbers n "
        "LEFT JOIN numbers r ON r.id = n.replaces_number_id WHERE n.id = ?",
        [number_id],
    ).fetchone()
    if row is None:
        raise RecordNotFound(f"number {number_id} is not in the register")
    detail = NumberDetail(
        id=number_id,
        e164=row[0],
        line_id=row[1],
        status=Status(row[2]),
        dates=SeenDates(from_iso(row[3]), from_iso(row[4])),
        range_holder=row[5],
        provider_confirmed=row[6],
        crown_dependency=row[7],
        replaces=row[8],
        line=line_details(store, row[1]),
    )
    detail.line_numbers = _dicts(
        store,
        "SELECT n.id, n.e164, n.status, n.first_seen, n.last_seen, r.e164 AS replaces "
        "FROM numbers n LEFT JOIN numbers r ON r.id = n.replaces_number_id "
        "WHERE n.line_id = ? ORDER BY n.first_seen, n.id",
        [detail.line_id],
    )
    detail.devices = _dicts(
        store,
        "SELECT kind, value, added_at, added_by FROM devices WHERE number_id = ? ORDER BY kind, id",
        [number_id],
    )
    detail.history = _dicts(
        store,
        "SELECT from_status, to_status, changed_at, changed_by, note FROM status_changes "
        "WHERE number_id = ? ORDER BY changed_at, id",
        [number_id],
    )
    detail.evidence = _dicts(
        store,
        "SELECT kind, occurred_on, location, details, price_pence, reference "
        "FROM evidence WHERE line_id = ? ORDER BY occurred_on, id",
        [detail.line_id],
    )
    detail.contacts = dict(
        store.db.execute(
            "SELECT source, COUNT(*) FROM contact_links WHERE number_id = ? GROUP BY source "
            "ORDER BY source",
            [number_id],
        ).fetchall()
    )
    return detail
