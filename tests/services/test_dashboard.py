"""Today's work on the home screen (issue 11): each task and the record it opens."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from raptor_desktop.services import dashboard as dashboard_module
from raptor_desktop.services.dashboard import dashboard
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.database import Store
from raptor_desktop.store.outreach import draft_batch
from tests.app_fixtures import details, make_application


def test_todays_work_names_each_task_and_its_record(demo_store: Store) -> None:
    today = date(2026, 12, 1)
    reference = make_application(demo_store)  # heard on 10 December 2026
    batch, _plan = draft_batch(demo_store, "Essex Police: help is here. Reply STOP to opt out.")
    board = dashboard(demo_store, today)
    work = {group.title: group.tasks for group in board.work}
    hearings = work["Hearings in the next 14 days"]
    assert ("application", reference) in [t.opens for t in hearings]
    assert details().hearing_date - today <= timedelta(days=14)
    [waiting] = [t for t in work["Outreach batches awaiting approval"] if t.opens[1] == batch]
    assert waiting.opens == ("batch", batch) and "drafted by tester" in waiting.text
    checks = work["Check-backs due (is the number still dead?)"]
    assert len(checks) == len(board.figures.check_backs_due) and checks[0].opens[0] == "number"
    assert board.tasks == sum(len(tasks) for tasks in work.values())
    later = dashboard(demo_store, today + timedelta(days=60)).work
    assert ("application", reference) not in [t.opens for g in later for t in g.tasks]
    [entry] = entries(demo_store, AuditFilter(category="consultation"))[-1:]
    assert entry.event == "dashboard"


def test_an_officer_does_not_see_the_review_work(demo_store: Store) -> None:
    from raptor_desktop.core.accounts import Role

    demo_store.role = Role.OFFICER
    titles = {g.title for g in dashboard(demo_store, date(2040, 1, 1)).work}
    assert "Records due for MoPI review" not in titles
    demo_store.role = Role.ADMINISTRATOR
    titles = {g.title for g in dashboard(demo_store, date(2040, 1, 1)).work}
    assert "Records due for MoPI review" in titles


def test_the_home_screen_is_read_on_a_connection_with_a_small_page_cache(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its figures read each page once: a 64 MB cache beside the window's own took the window
    # over its 250 MB budget over 100,000 numbers.
    from raptor_desktop.services.dashboard import read_dashboard
    from raptor_desktop.services.session import Session

    caches: list[int] = []
    real = dashboard_module.dashboard

    def seen(store: Store, today: object = None) -> object:
        caches.append(store.db.execute("PRAGMA cache_size").fetchone()[0])
        return real(store)

    monkeypatch.setattr(dashboard_module, "dashboard", seen)
    board = read_dashboard(Session.of(demo_store))
    assert board.figures.numbers == 13
    assert caches == [-16 * 1024]
