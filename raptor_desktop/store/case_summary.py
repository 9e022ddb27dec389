"""Reading a case summary: the scope's figures, its lines, applications and chronology."""

from __future__ import annotations

from datetime import date

from raptor_desktop.core.case_summary import (
    COMPLIED,
    DECIDED,
    EVIDENCE,
    HEARING,
    RECORDED,
    SEEN,
    SUBMITTED,
    ApplicationRow,
    CaseSummary,
    Event,
    LineRow,
    NumberCell,
    OrderCell,
)
from raptor_desktop.core.charts import dashboard_charts
from raptor_desktop.core.dates import from_iso, local_day
from raptor_desktop.core.figures import NumberFact, compute
from raptor_desktop.core.lines import NO_NAME, line_name
from raptor_desktop.core.numbers import national_format
from raptor_desktop.store.database import Store
from raptor_desktop.store.profiles import officer_profile
from raptor_desktop.store.scope_facts import Scope, check_scope, scope_facts
from raptor_desktop.store.settings import PROTECTIVE_MARKING, get_text

SEQUENCE = "summary_sequence"
"""The ``meta`` key of the last summary reference given: ``yyyymmdd n``."""


def next_summary_reference(store: Store, today: date) -> str:
    """``SUM-20261201-02``: the day and a running number, given once. Each exported summary
    has its own, so two summaries disclosed on a day are told apart on the page and in the
    log; one given to an export that then failed is not given again."""
    day = f"{today:%Y%m%d}"
    with store.immediate():
        row = store.db.execute("SELECT value FROM meta WHERE key = ?", [SEQUENCE]).fetchone()
        last_day, _, last = str(row[0]).partition(" ") if row else ("", "", "0")
        number = int(last) + 1 if last_day == day else 1
        store.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [SEQUENCE, f"{day} {number}"],
        )
    return f"SUM-{day}-{number:02d}"


def load_case_summary(store: Store, scope: Scope, today: date, reference: str = "") -> CaseSummary:
    """The summary of ``scope``; ``reference`` is given to one that is exported."""
    check_scope(store, scope)
    facts = scope_facts(store, scope)
    figures = compute(facts, today)
    ids = ",".join(str(n.number_id) for n in facts.numbers) or "NULL"
    return CaseSummary(
        reference=reference or "(not exported)",
        scope=scope.text(),
        prepared_on=today,
        prepared_by=officer_profile(store).described() or store.actor,
        marking=get_text(store, PROTECTIVE_MARKING),
        training=store.training,
        figures=figures,
        lines=_lines(store, facts.numbers, ids),
        applications=_applications(store, ids),
        chronology=_chronology(store, ids, scope),
        linking_contacts=_linking(store, ids),
        charts=tuple(dashboard_charts(figures, facts)),
    )


def _linking(store: Store, ids: str) -> tuple[tuple[str, ...], ...]:
    found = [
        tuple(sorted(set(str(names).split("\x1f")), key=str.casefold))
        for (names,) in store.db.execute(
            f"SELECT group_concat(COALESCE(NULLIF(l.brand, ''), ?), '\x1f') "
            f"FROM contact_links k JOIN numbers n ON n.id = k.number_id "
            f"JOIN lines l ON l.id = n.line_id WHERE k.number_id IN ({ids}) "
            "GROUP BY k.contact_id HAVING COUNT(DISTINCT l.id) >= 2",
            [NO_NAME],
        )
    ]
    return tuple(sorted(found, key=lambda lines: (-len(lines), lines)))


def _lines(store: Store, numbers: tuple[NumberFact, ...], ids: str) -> tuple[LineRow, ...]:
    orders: dict[int, list[OrderCell]] = {}
    for number_id, ordered, deadline, confirmed in store.db.execute(
        f"SELECT number_id, order_date, deadline_at, provider_confirmed_on FROM orders "
        f"WHERE number_id IN ({ids}) ORDER BY order_date"
    ):
        orders.setdefault(int(number_id), []).append(
            OrderCell(
                date.fromisoformat(str(ordered)),
                date.fromisoformat(str(deadline)[:10]),
                from_iso(confirmed),
            )
        )
    first_seen = {
        int(i): from_iso(d)
        for i, d in store.db.execute(f"SELECT id, first_seen FROM numbers WHERE id IN ({ids})")
    }
    notes = {int(i): str(n) for i, n in store.db.execute("SELECT id, notes FROM lines")}
    by_line: dict[int, list[NumberFact]] = {}
    for number in numbers:
        by_line.setdefault(number.line_id, []).append(number)
    rows = [
        LineRow(
            brand=line_name(found[0].brand),
            numbers=tuple(
                NumberCell(
                    n.display,
                    first_seen.get(n.number_id),
                    n.status,
                    tuple(orders.get(n.number_id, ())),
                )
                for n in found
            ),
            areas=", ".join(found[0].areas),
            notes=notes.get(line_id, ""),
        )
        for line_id, found in by_line.items()
    ]
    return tuple(sorted(rows, key=lambda r: r.brand.casefold()))


def _applications(store: Store, ids: str) -> tuple[ApplicationRow, ...]:
    return tuple(
        ApplicationRow(str(reference), str(court), from_iso(hearing), str(status))
        for reference, court, hearing, status in store.db.execute(
            f"SELECT DISTINCT a.reference, a.court, a.hearing_date, a.status FROM applications a "
            f"JOIN application_numbers an ON an.application_id = a.id "
            f"WHERE an.number_id IN ({ids}) ORDER BY a.reference"
        )
    )


_DATED_ELSEWHERE = ("order made", "refused")
"""Statuses only the court's decision gives a number, which the chronology gives on the day of
the decision (the order's date, the outcome's), not on the day it was recorded."""


def _chronology(store: Store, ids: str, scope: Scope) -> tuple[Event, ...]:
    """What happened to the scope's numbers, each on the day it happened: first seen, the
    evidence, the applications, hearings and the court's decisions, orders and confirmations;
    other changes of status on the day they were recorded, and said to be so."""
    events: list[Event] = []
    holes = ", ".join("?" * len(_DATED_ELSEWHERE))
    for e164, to, changed in store.db.execute(
        f"SELECT n.e164, c.to_status, c.changed_at FROM status_changes c "
        f"JOIN numbers n ON n.id = c.number_id WHERE c.number_id IN ({ids}) "
        f"AND c.to_status NOT IN ({holes})",
        _DATED_ELSEWHERE,
    ):
        events.append(
            Event(
                local_day(str(changed)),
                f"{national_format(e164)}: recorded as {to}",
                RECORDED,
                str(changed),
            )
        )
    for e164, seen in store.db.execute(
        f"SELECT e164, first_seen FROM numbers WHERE id IN ({ids}) AND first_seen IS NOT NULL"
    ):
        events.append(
            Event(date.fromisoformat(str(seen)), f"{national_format(e164)}: first seen", SEEN)
        )
    for brand, kind, on, reference in store.db.execute(
        f"SELECT DISTINCT l.brand, e.kind, e.occurred_on, e.reference FROM evidence e "
        f"JOIN lines l ON l.id = e.line_id JOIN numbers n ON n.line_id = e.line_id "
        f"WHERE n.id IN ({ids}) "
        "AND e.occurred_on IS NOT NULL"
    ):
        said = f"{line_name(brand)}: {kind}" + (f" ({reference})" if reference else "")
        events.append(Event(date.fromisoformat(str(on)), said, EVIDENCE))
    for reference, submitted, hearing in store.db.execute(
        f"SELECT DISTINCT a.reference, a.submitted_at, a.hearing_date FROM applications a "
        f"JOIN application_numbers an ON an.application_id = a.id WHERE an.number_id IN ({ids})"
    ):
        if submitted:
            events.append(
                Event(local_day(str(submitted)), f"{reference} submitted", SUBMITTED, submitted)
            )
        if hearing:
            events.append(Event(date.fromisoformat(str(hearing)), f"{reference}: hearing", HEARING))
    for e164, reference, outcome, on in store.db.execute(
        f"SELECT n.e164, a.reference, an.outcome, an.outcome_on FROM application_numbers an "
        f"JOIN numbers n ON n.id = an.number_id JOIN applications a ON a.id = an.application_id "
        f"WHERE an.number_id IN ({ids}) AND an.outcome IN ('refused', 'withdrawn', 'adjourned', "
        "'carved out') AND an.outcome_on IS NOT NULL"
    ):
        events.append(
            Event(
                date.fromisoformat(str(on)),
                f"{national_format(e164)}: {outcome} ({reference})",
                DECIDED,
            )
        )
    for e164, ordered, confirmed in store.db.execute(
        f"SELECT n.e164, r.order_date, r.provider_confirmed_on FROM orders r "
        f"JOIN numbers n ON n.id = r.number_id WHERE r.number_id IN ({ids})"
    ):
        events.append(
            Event(date.fromisoformat(str(ordered)), f"{national_format(e164)}: order made", DECIDED)
        )
        if confirmed:
            events.append(
                Event(
                    date.fromisoformat(str(confirmed)),
                    f"{national_format(e164)}: disconnection confirmed by the provider",
                    COMPLIED,
                )
            )
    return tuple(sorted((e for e in events if scope.within(e.on)), key=Event.sort_key))
