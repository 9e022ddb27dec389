"""The facts of a scope (everything, an operation, an area, a line, a period), read for the
figures (``core.figures``) and the case summary's tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from raptor_desktop.core.dates import from_iso, uk_date
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.figures import CheckBack, ContactFact, ItemFact, NumberFact, ScopeFacts
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.line_query import LINES_IN_AREA


@dataclass(frozen=True)
class Scope:
    """Which records a figure or a summary covers; every field empty: the whole register."""

    operation: str = ""
    area: str = ""
    line: str = ""  # a line's brand
    since: date | None = None
    until: date | None = None

    def text(self) -> str:
        """The scope in words, for a cover and for the log."""
        parts = [
            f"operation {self.operation}" if self.operation else "",
            f"area {self.area}" if self.area else "",
            f"line {self.line}" if self.line else "",
        ]
        chosen = ", ".join(p for p in parts if p) or "all lines"
        if self.since or self.until:
            start = self.since.strftime("%d/%m/%Y") if self.since else "the first record"
            end = self.until.strftime("%d/%m/%Y") if self.until else "today"
            chosen += f", events from {start} to {end}"
        return chosen

    def within(self, day: date | None) -> bool:
        return (
            day is not None
            and (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
        )


def check_scope(store: Store, scope: Scope) -> None:
    """Refuse a scope that names an operation, area or line the register does not have (a
    misspelling gave a summary of nothing, headed as if it had had none), or a period that
    ends before it starts."""
    if scope.since and scope.until and scope.since > scope.until:
        raise InputRejected(
            f"the period starts on {uk_date(scope.since)}, after it ends on "
            f"{uk_date(scope.until)}: give its first day, then its last"
        )
    for what, named, query in (
        ("operation", scope.operation, "SELECT name FROM operations ORDER BY name"),
        ("area", scope.area, "SELECT name FROM areas ORDER BY name"),
        ("line", scope.line, "SELECT DISTINCT brand FROM lines WHERE brand <> '' ORDER BY brand"),
    ):
        if not named:
            continue
        known = [str(r[0]) for r in store.db.execute(query)]
        if named.casefold() not in {k.casefold() for k in known}:
            raise RecordNotFound(
                f"no {what} {named!r}; the {what}s are: {', '.join(known) or 'none yet'}"
            )


def _scope_lines(scope: Scope) -> tuple[str, list[object]]:
    """The scope's lines as a subquery and its parameters.

    A subquery, not a list of ids written into the SQL: over 100,000 numbers such lists made
    statements of a megabyte, each compiled with an instruction per id and kept in the
    statement cache, and took the window past its memory budget.
    """
    clauses: list[str] = []
    params: list[object] = []
    if scope.operation:
        clauses.append("o.name = ? COLLATE NOCASE")
        params.append(scope.operation)
    if scope.area:
        clauses.append(f"l.id IN ({LINES_IN_AREA})")
        params.append(scope.area)
    if scope.line:
        clauses.append("l.brand = ? COLLATE NOCASE")
        params.append(scope.line)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return f"SELECT l.id FROM lines l JOIN operations o ON o.id = l.operation_id {where}", params


def scope_facts(store: Store, scope: Scope) -> ScopeFacts:
    """The numbers of the scope's lines with their dates, and what follows from them. Events
    (identification, disconnection, contacts found) outside the scope's period are left out:
    a number identified before it counts for what happened to it within."""
    lines, params = _scope_lines(scope)
    numbers_in = f"SELECT n.id FROM numbers n WHERE n.line_id IN ({lines})"
    areas: dict[int, tuple[str, ...]] = {}
    for line_id, names in store.db.execute(
        f"SELECT la.line_id, group_concat(a.name, '\x1f') FROM line_areas la "
        f"JOIN areas a ON a.id = la.area_id WHERE la.line_id IN ({lines}) GROUP BY la.line_id",
        params,
    ):
        areas[int(line_id)] = tuple(sorted(str(names).split("\x1f")))
    rows = store.db.execute(
        f"""
        SELECT n.id, n.e164, n.line_id, l.brand, o.name, n.status,
               COALESCE(n.first_seen, substr(n.created_at, 1, 10)),
               (SELECT MIN(substr(a.submitted_at, 1, 10)) FROM application_numbers an
                JOIN applications a ON a.id = an.application_id
                WHERE an.number_id = n.id AND a.submitted_at IS NOT NULL),
               (SELECT MIN(r.order_date) FROM orders r WHERE r.number_id = n.id),
               COALESCE(
                 (SELECT MIN(r.provider_confirmed_on) FROM orders r WHERE r.number_id = n.id),
                 (SELECT MIN(substr(c.changed_at, 1, 10)) FROM status_changes c
                  WHERE c.number_id = n.id AND c.to_status = ?)),
               n.replaces_number_id, l.daily_takings_pence, l.takings_source
        FROM numbers n JOIN lines l ON l.id = n.line_id
        JOIN operations o ON o.id = l.operation_id
        WHERE n.line_id IN ({lines}) ORDER BY n.search_digits
        """,
        [Status.DISCONNECTED.value, *params],
    )
    numbers = []
    for r in rows:  # read as they come: 100,000 rows are not held twice
        identified, disconnected = from_iso(r[6]), from_iso(r[9])
        numbers.append(
            NumberFact(
                number_id=int(r[0]),
                display=national_format(r[1]),
                line_id=int(r[2]),
                brand=str(r[3]),
                operation=str(r[4]),
                areas=areas.get(int(r[2]), ()),
                status=str(r[5]),
                identified_on=identified if scope.within(identified) else None,
                applied_on=from_iso(r[7]),
                ordered_on=from_iso(r[8]),
                disconnected_on=disconnected if scope.within(disconnected) else None,
                replaces=int(r[10]) if r[10] is not None else None,
                daily_takings_pence=int(r[11]) if r[11] is not None else None,
                takings_source=str(r[12] or ""),
            )
        )
    items = tuple(
        ItemFact(str(ref), int(number_id), outcome)
        for ref, number_id, outcome in store.db.execute(
            f"SELECT a.reference, an.number_id, an.outcome FROM application_numbers an "
            f"JOIN applications a ON a.id = an.application_id "
            f"WHERE an.number_id IN ({numbers_in}) ORDER BY a.reference",
            params,
        )
    )
    checks = tuple(
        CheckBack(int(n), int(d), bool(dead))
        for n, d, dead in store.db.execute(
            "SELECT number_id, after_days, still_dead FROM check_backs "
            f"WHERE number_id IN ({numbers_in})",
            params,
        )
    )
    closures = store.db.execute(
        f"SELECT closed_on FROM line_closures WHERE line_id IN ({lines})", params
    ).fetchall()
    return ScopeFacts(
        numbers=tuple(numbers),
        items=items,
        contacts=_contacts(store, (numbers_in, params), areas, scope),
        check_backs=checks,
        type1_closures=sum(scope.within(from_iso(c[0])) for c in closures),
    )


def _contacts(
    store: Store,
    numbers_in: tuple[str, list[object]],
    areas: dict[int, tuple[str, ...]],
    scope: Scope,
) -> tuple[ContactFact, ...]:
    """Contacts found on the scope's numbers (a subquery and its parameters): counted,
    never named. One pass in contact order, so that 200,000 contacts are never all held
    twice (a dictionary of them took the window past its memory budget)."""
    numbers, params = numbers_in
    facts: list[ContactFact] = []
    current: tuple[int, tuple[str, ...], date, tuple[bool, bool, bool]] | None = None
    for contact_id, line_id, found_on, texted, opted, lost in store.db.execute(
        f"""
        SELECT k.contact_id, n.line_id, MIN(k.found_on),
               EXISTS (SELECT 1 FROM outreach_recipients r WHERE r.contact_id = k.contact_id
                       AND r.status IN ('handed to gateway', 'not delivered')),
               c.opted_out_on IS NOT NULL,
               EXISTS (SELECT 1 FROM outreach_recipients r WHERE r.contact_id = k.contact_id
                       AND r.status = 'not delivered')
        FROM contact_links k JOIN numbers n ON n.id = k.number_id
        JOIN contacts c ON c.id = k.contact_id
        WHERE k.number_id IN ({numbers})
        GROUP BY k.contact_id, n.line_id ORDER BY k.contact_id
        """,
        params,
    ):
        day = from_iso(found_on)
        if day is None or not scope.within(day):
            continue
        served = areas.get(int(line_id), ())
        if current is not None and current[0] == contact_id:
            merged = tuple(sorted(set(current[1]) | set(served)))
            current = (contact_id, merged, min(current[2], day), current[3])
            continue
        if current is not None:
            facts.append(ContactFact(current[1], current[2], *current[3]))
        current = (contact_id, served, day, (bool(texted), bool(opted), bool(lost)))
    if current is not None:
        facts.append(ContactFact(current[1], current[2], *current[3]))
    return tuple(facts)
