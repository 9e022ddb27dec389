"""Search across everything: what the index finds, with the words that name each record.

The text is searched as it is typed, or, when it is a number or part of one in any written
form (``7700 900123``, ``+44 7700 900123``, ``(0)7700``), as the national digits it stands for.
It reaches FTS5 only as one quoted phrase, never as query syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from raptor_desktop.core.dates import plural, uk_date
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.lines import line_name
from raptor_desktop.core.numbers import national_format, search_digits
from raptor_desktop.store.database import Store

MIN_TEXT = 3
MIN_DIGITS = 4
PER_KIND = 200
KIND_ORDER = ("number", "line", "contact", "device", "evidence", "exhibit", "application", "batch")
KIND_TITLES = {
    "number": "Numbers",
    "line": "Lines",
    "contact": "Contacts",
    "device": "Devices",
    "evidence": "Evidence",
    "exhibit": "Exhibits",
    "application": "Applications",
    "batch": "Outreach batches",
}


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: int
    label: str  # what the record is, in a few words
    detail: str  # where it belongs
    opens: tuple[str, int | str]  # the record to open: ("number", id), ("application", ref)…


def search_terms(text: str) -> str:
    """The phrase to look for: the national digits of a number, or the text itself."""
    wanted = " ".join(text.split())
    digits = search_digits(wanted)
    if digits is None and wanted and not any(ch.isalpha() for ch in wanted):
        digits = "".join(ch for ch in wanted if ch.isdigit()) or None  # "90": a number, short
    if digits is not None:
        if len(digits) < MIN_DIGITS:
            raise InputRejected(f"type at least {MIN_DIGITS} digits of a number")
        return digits
    if len(wanted) < MIN_TEXT:
        raise InputRejected(f"type at least {MIN_TEXT} characters to search")
    return wanted


def _phrase(terms: str) -> str:
    return '"' + terms.replace('"', '""') + '"'


def search_records(store: Store, text: str) -> list[Hit]:
    """Every record whose words hold ``text``, by kind in :data:`KIND_ORDER`."""
    found: dict[str, list[int]] = {}
    for kind, record_id in store.db.execute(
        "SELECT kind, record_id FROM search_index WHERE search_index MATCH ? ORDER BY rank",
        [_phrase(search_terms(text))],
    ):
        ids = found.setdefault(str(kind), [])
        if len(ids) < PER_KIND:
            ids.append(int(record_id))
    hits: list[Hit] = []
    for kind in KIND_ORDER:
        if found.get(kind):
            hits += _DESCRIBE[kind](store, found[kind])
    return hits


def _rows(store: Store, sql: str, ids: list[int]) -> list[tuple[Any, ...]]:
    marks = ",".join("?" * len(ids))
    return [tuple(r) for r in store.db.execute(sql.format(ids=marks), ids).fetchall()]


def _numbers(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT n.id, n.e164, l.brand, n.status, o.name FROM numbers n "
        "JOIN lines l ON l.id = n.line_id JOIN operations o ON o.id = l.operation_id "
        "WHERE n.id IN ({ids}) ORDER BY n.search_digits",
        ids,
    )
    return [
        Hit(
            "number",
            int(i),
            national_format(str(e)),
            f"{line_name(b)} ({op}) · {s}",
            ("number", int(i)),
        )
        for i, e, b, s, op in rows
    ]


def _lines(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT l.id, l.brand, MIN(n.id), COUNT(n.id), l.intel_refs, o.name FROM lines l "
        "JOIN numbers n ON n.line_id = l.id JOIN operations o ON o.id = l.operation_id "
        "WHERE l.id IN ({ids}) GROUP BY l.id ORDER BY l.brand, o.name",
        ids,
    )
    return [  # the operation named: the same brand may be a line in two operations
        Hit(
            "line",
            int(i),
            line_name(b),
            f"{op} · {plural(int(c), 'number')}" + (f" · {r}" if r else ""),
            ("number", int(first)),
        )
        for i, b, first, c, r, op in rows
    ]


def _contacts(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT c.id, c.e164, COUNT(k.number_id) FROM contacts c "
        "LEFT JOIN contact_links k ON k.contact_id = c.id WHERE c.id IN ({ids}) "
        "GROUP BY c.id ORDER BY c.search_digits",
        ids,
    )
    return [
        Hit(
            "contact",
            int(i),
            national_format(str(e)),
            f"contact of {n} deal line{'s' if n != 1 else ''}",
            ("contact", int(i)),
        )
        for i, e, n in rows
    ]


def _devices(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT d.id, d.kind, d.value, n.id, n.e164 FROM devices d "
        "JOIN numbers n ON n.id = d.number_id WHERE d.id IN ({ids}) ORDER BY d.value",
        ids,
    )
    return [
        Hit("device", int(i), f"{k} {v}", f"on {national_format(str(e))}", ("number", int(n)))
        for i, k, v, n, e in rows
    ]


def _evidence(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT e.id, e.kind, e.occurred_on, e.details, l.brand, MIN(n.id) FROM evidence e "
        "JOIN lines l ON l.id = e.line_id JOIN numbers n ON n.line_id = l.id "
        "WHERE e.id IN ({ids}) GROUP BY e.id ORDER BY e.occurred_on",
        ids,
    )
    return [
        Hit(
            "evidence",
            int(i),
            f"{k}{f' of {uk_date(str(d))}' if d else ''}: {_short(str(text))}",
            f"line {line_name(b)}",
            ("number", int(n)),
        )
        for i, k, d, text, b, n in rows
    ]


def _exhibits(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT x.id, x.officer_initials || '/' || x.seq, x.description, a.reference "
        "FROM exhibits x LEFT JOIN applications a ON a.id = x.application_id "
        "WHERE x.id IN ({ids}) ORDER BY x.officer_initials, x.seq",
        ids,
    )
    return [
        Hit(
            "exhibit",
            int(i),
            f"{m}: {_short(str(d))}",
            f"in {r}" if r else "not in an application",
            ("application", str(r)) if r else ("exhibit", int(i)),
        )
        for i, m, d, r in rows
    ]


def _applications(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT id, reference, court, hearing_date, status FROM applications "
        "WHERE id IN ({ids}) ORDER BY reference",
        ids,
    )
    return [
        Hit(
            "application",
            int(i),
            str(r),
            " · ".join(x for x in (str(c or ""), uk_date(str(h)) if h else "", str(s)) if x),
            ("application", str(r)),
        )
        for i, r, c, h, s in rows
    ]


def _batches(store: Store, ids: list[int]) -> list[Hit]:
    rows = _rows(
        store,
        "SELECT id, reference, status FROM outreach_batches WHERE id IN ({ids}) ORDER BY reference",
        ids,
    )
    return [Hit("batch", int(i), str(r), str(s), ("batch", str(r))) for i, r, s in rows]


def _short(text: str, length: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


_DESCRIBE = {
    "number": _numbers,
    "line": _lines,
    "contact": _contacts,
    "device": _devices,
    "evidence": _evidence,
    "exhibit": _exhibits,
    "application": _applications,
    "batch": _batches,
}
