"""The home screen's content, for any face: today's work, and the figures its charts draw.

Each piece of work names the record it is about, so the window opens it with a click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from raptor_desktop.core.accounts import Permission, allows
from raptor_desktop.core.charts import (
    BarChart,
    dashboard_charts,
)
from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.figures import Figures, compute
from raptor_desktop.services.disclosure import record_consultation
from raptor_desktop.services.session import Session
from raptor_desktop.store.database import Store
from raptor_desktop.store.orders import current_notices
from raptor_desktop.store.retention import review_list
from raptor_desktop.store.scope_facts import Scope, scope_facts
from raptor_desktop.store.work import batches_awaiting_approval, hearings_between

HEARINGS_AHEAD = 14


@dataclass(frozen=True)
class Task:
    text: str
    opens: tuple[str, int | str]  # as a search hit opens: ("number", id), ("application", ref)…
    check_back: tuple[str, int] | None = None  # a check-back due: the number and its days


@dataclass(frozen=True)
class WorkGroup:
    title: str
    tasks: list[Task] = field(default_factory=list)


@dataclass(frozen=True)
class Dashboard:
    work: list[WorkGroup]
    figures: Figures
    charts: list[BarChart]

    @property
    def tasks(self) -> int:
        return sum(len(g.tasks) for g in self.work)


_NOTICE_GROUPS = {
    "deadline": "Compliance deadlines due or passed without confirmation",
    "ending": "Orders ending soon",
    "review": "Open-ended orders due for review",
    "re-emerged": "Brands re-emerged after an order",
}


def dashboard(store: Store, today: date | None = None) -> Dashboard:
    """Today's work and the register's figures; looking at them is a consultation."""
    today = today or date.today()
    facts = scope_facts(store, Scope())
    figures = compute(facts, today)
    groups = [WorkGroup("Hearings in the next 14 days", _hearings(store, today))]
    by_kind: dict[str, list[Task]] = {kind: [] for kind in _NOTICE_GROUPS}
    for order, notice in current_notices(store, today):
        by_kind[notice.kind].append(Task(notice.text, ("application", order.reference)))
    groups += [WorkGroup(_NOTICE_GROUPS[k], tasks) for k, tasks in by_kind.items()]
    groups.append(
        WorkGroup(
            "Check-backs due (is the number still dead?)",
            [
                Task(
                    f"{d.display}: {d.after_days}-day check-back due on {uk_date(d.due_on)}",
                    ("number", d.number_id),
                    (d.display, d.after_days),
                )
                for d in figures.check_backs_due
            ],
        )
    )
    groups.append(WorkGroup("Outreach batches awaiting approval", _batches(store)))
    if allows(store.role, Permission.RETENTION):
        groups.append(
            WorkGroup(
                "Records due for MoPI review",
                [
                    Task(
                        f"{i.kind} {i.name}: review due {uk_date(i.review_on)}", ("review", i.kind)
                    )
                    for i in review_list(store, today)
                ],
            )
        )
    board = Dashboard(
        [g for g in groups if g.tasks],
        figures,
        dashboard_charts(figures, facts),
    )
    record_consultation(store, "dashboard", f"{board.tasks} tasks")
    return board


def read_dashboard(session: Session) -> Dashboard:
    """:func:`dashboard` on a connection of its own (off the GUI thread: over 100,000
    numbers its figures take seconds)."""
    with session.connect() as store:
        return dashboard(store.for_scans())


def _hearings(store: Store, today: date) -> list[Task]:
    return [
        Task(
            f"{h.reference}: {uk_date(h.on)}{f' at {h.at}' if h.at else ''}, "
            + (h.court or "court not set"),
            ("application", h.reference),
        )
        for h in hearings_between(store, today, today + timedelta(days=HEARINGS_AHEAD))
    ]


def _batches(store: Store) -> list[Task]:
    return [
        Task(
            f"{b.reference}: {b.recipients} recipients, drafted by {b.drafted_by}",
            ("batch", b.reference),
        )
        for b in batches_awaiting_approval(store)
    ]
