"""A write reads what it relies on inside its own BEGIN IMMEDIATE transaction.

Each test lets another connection change the register at the last moment before the write's
transaction begins (the window a check made before ``BEGIN`` would miss), and sees the write
act on the register as it then is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_number
from raptor_desktop.store.outreach import draft_batch, hand_over
from tests.app_fixtures import approve_as_another_supervisor, make_application
from tests.registers import raw_connection

MESSAGE = (
    "Essex Police: this number was in contact with a phone line linked to drug dealing. "
    "Free, confidential help: Open Road 0300 000 0000. Reply STOP to opt out."
)
TODAY = date(2026, 12, 1)


def just_before_the_write(
    monkeypatch: pytest.MonkeyPatch, store: Store, action: str, change: Callable[[], None]
) -> None:
    """Run ``change`` on another connection when ``store`` is about to open ``action``."""
    original = Store.transaction

    @contextmanager
    def racing(self: Store, name: str, *args: object, **kwargs: object) -> Iterator[object]:
        if self is store and name == action:
            change()
        with original(self, name, *args, **kwargs) as db:  # type: ignore[arg-type]
            yield db

    monkeypatch.setattr(Store, "transaction", racing)


def other_connection(path: Path, sql: str, params: list[object]) -> Callable[[], None]:
    def change() -> None:
        with raw_connection(path) as conn:
            conn.execute(sql, params)
        conn.close()

    return change


def test_a_stop_reply_recorded_at_hand_over_is_honoured(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference, plan = draft_batch(demo_store, MESSAGE, ["07700 900113"], today=TODAY)
    assert len(plan.contact_ids) == 1
    approve_as_another_supervisor(demo_store, reference)
    just_before_the_write(
        monkeypatch,
        demo_store,
        "hand over outreach batch",
        other_connection(
            demo_store.path,
            "UPDATE contacts SET opted_out_on = '2026-12-01' WHERE id = ?",
            [plan.contact_ids[0]],
        ),
    )
    target = tmp_path / "gateway.csv"
    assert hand_over(demo_store, reference, target, "Gateway Ltd", "support texts", TODAY) == 0
    status = demo_store.db.execute("SELECT status, note FROM outreach_recipients").fetchone()
    assert status == ("left out at hand-over", "opted out")


def test_a_number_moved_on_at_submission_stops_it(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raptor_desktop.store.applications import submit

    reference = make_application(demo_store)
    number_id = demo_store.db.execute(
        "SELECT id FROM numbers WHERE e164 = '+447700900103'"
    ).fetchone()[0]
    just_before_the_write(
        monkeypatch,
        demo_store,
        "submit application",
        other_connection(
            demo_store.path,
            "UPDATE numbers SET status = 'gathering evidence' WHERE id = ?",
            [number_id],
        ),
    )
    with pytest.raises(Exception, match="cannot be submitted"):
        submit(demo_store, reference)
    status = demo_store.db.execute(
        "SELECT status FROM applications WHERE reference = ?", [reference]
    ).fetchone()[0]
    assert status == "draft"


def test_a_new_number_starts_as_identified_or_gathering_evidence(training_store: Store) -> None:
    with pytest.raises(Exception, match="identified or gathering evidence"):
        add_number(training_store, "07700 900301", LineDetails(), status=Status.READY)
    assert training_store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0
    ref = add_number(
        training_store, "07700 900302", LineDetails(), status=Status.GATHERING_EVIDENCE
    )
    assert ref.status is Status.GATHERING_EVIDENCE
