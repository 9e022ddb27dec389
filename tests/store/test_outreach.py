"""Outreach batches: drafted, approved by a supervisor, handed to the gateway as a disclosure."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import NotPermitted, Role
from raptor_desktop.core.outreach import BatchStatus
from raptor_desktop.core.tabular import read_table
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.contacts import set_do_not_contact, set_opted_out
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.outreach import (
    approve_batch,
    draft_batch,
    hand_over,
    list_batches,
    plan_batch,
    record_not_delivered,
)
from raptor_desktop.store.retention import dispose
from tests.app_fixtures import approve_as_another_supervisor

MESSAGE = "Essex Police: free, confidential help is here. Reply STOP to opt out."
TODAY = date(2026, 11, 29)


def test_the_plan_leaves_out_opt_outs_and_do_not_contact(demo_store: Store) -> None:
    plan = plan_batch(demo_store, today=TODAY)
    assert len(plan.contact_ids) == 10
    assert plan.left_out == {"opted out": 1, "do not contact": 1}
    assert plan.describe() == "10 to text; left out: 1 do not contact, 1 opted out"
    tony = plan_batch(demo_store, ["07700 900101"], today=TODAY)
    assert len(tony.contact_ids) == 7 and tony.left_out == {"opted out": 1}
    with pytest.raises(RecordNotFound, match="07700 900999 is not in the register"):
        plan_batch(demo_store, ["07700 900999"], today=TODAY)


def test_a_batch_from_draft_to_gateway(demo_store: Store, tmp_path: Path) -> None:
    reference, plan = draft_batch(demo_store, MESSAGE, ["07700 900101"], today=TODAY)
    assert reference == "OUT-2026-001" and len(plan.contact_ids) == 7
    with pytest.raises(Conflict, match="approve it first"):
        hand_over(demo_store, reference, tmp_path / "g.csv", "Gateway Ltd", "support texts")
    demo_store.role = Role.OFFICER
    with pytest.raises(NotPermitted):
        approve_batch(demo_store, reference)
    demo_store.role = Role.SUPERVISOR
    approve_as_another_supervisor(demo_store, reference)
    set_opted_out(demo_store, "07700 900503", TODAY)  # a STOP reply after the draft
    target = tmp_path / "gateway.csv"
    with pytest.raises(ValueError, match="who receives"):
        hand_over(demo_store, reference, target, " ", "support texts")
    sent = hand_over(demo_store, reference, target, "Gateway Ltd", "support texts", TODAY)
    assert sent == 6
    table = read_table(target)
    assert table.headers == ["number", "message"]
    assert len(table.rows) == 6 and all(cells[1] == MESSAGE for _, cells in table.rows)
    assert "+447700900503" not in {cells[0] for _, cells in table.rows}
    [batch] = list_batches(demo_store)
    assert (batch.status, batch.recipients, batch.sent) == (BatchStatus.HANDED_OVER, 7, 6)
    demo_store.role = Role.ADMINISTRATOR
    [disclosure] = entries(demo_store, AuditFilter(category="disclosure"))
    assert disclosure.event == "hand over outreach batch"
    assert (disclosure.recipient, disclosure.justification) == ("Gateway Ltd", "support texts")
    assert not list(tmp_path.glob("*.tmp"))
    assert verify(demo_store).sound


def test_texted_contacts_wait_for_the_recontact_period(demo_store: Store, tmp_path: Path) -> None:
    reference, _ = draft_batch(demo_store, MESSAGE, today=TODAY)
    approve_as_another_supervisor(demo_store, reference)
    hand_over(demo_store, reference, tmp_path / "g.csv", "Gateway Ltd", "support texts", TODAY)
    again = plan_batch(demo_store, today=TODAY)
    assert again.contact_ids == [] and again.left_out["texted within 90 days"] == 10
    with pytest.raises(Conflict, match="no contact can be texted"):
        draft_batch(demo_store, MESSAGE, today=TODAY)
    # the period runs from the hand-over itself, stamped by the clock, not from the day given
    handed = date.fromisoformat(
        demo_store.db.execute(
            "SELECT substr(handed_at, 1, 10) FROM outreach_batches WHERE reference = ?",
            [reference],
        ).fetchone()[0]
    )
    waiting = plan_batch(demo_store, today=handed + timedelta(days=89))
    assert waiting.contact_ids == [] and waiting.left_out["texted within 90 days"] == 10
    later = plan_batch(demo_store, today=handed + timedelta(days=90))
    assert len(later.contact_ids) == 10


def test_not_delivered_and_unknown_batches(demo_store: Store, tmp_path: Path) -> None:
    reference, _ = draft_batch(demo_store, MESSAGE, ["07700 900102"], today=TODAY)
    approve_as_another_supervisor(demo_store, reference)
    hand_over(demo_store, reference, tmp_path / "g.csv", "Gateway Ltd", "support texts", TODAY)
    record_not_delivered(demo_store, reference, "07700 900510", "number not in service")
    assert list_batches(demo_store)[0].sent == 0
    with pytest.raises(RecordNotFound, match="was not handed over"):
        record_not_delivered(demo_store, reference, "07700 900510")
    with pytest.raises(RecordNotFound, match="no outreach batch OUT-1999-001"):
        approve_batch(demo_store, "OUT-1999-001")
    with pytest.raises(ValueError, match="opt out"):
        draft_batch(demo_store, "Help is here.", today=TODAY)


def test_disposing_of_a_contact_takes_it_out_of_batches(demo_store: Store) -> None:
    draft_batch(demo_store, MESSAGE, today=TODAY)
    contact_id = demo_store.db.execute(
        "SELECT id FROM contacts WHERE e164 = '+447700900505'"
    ).fetchone()[0]
    dispose(demo_store, "contact", contact_id, "no further policing purpose")
    assert list_batches(demo_store)[0].recipients == 9
    assert verify(demo_store).sound


def test_do_not_contact_after_approval_is_honoured(demo_store: Store, tmp_path: Path) -> None:
    reference, plan = draft_batch(demo_store, MESSAGE, ["07700 900113"], today=TODAY)
    assert len(plan.contact_ids) == 1
    approve_as_another_supervisor(demo_store, reference)
    set_do_not_contact(demo_store, "07700 900512", "the holder asked")
    target = tmp_path / "g.csv"
    assert hand_over(demo_store, reference, target, "Gateway Ltd", "support texts", TODAY) == 0
    assert read_table(target).rows == []
    note = demo_store.db.execute("SELECT status, note FROM outreach_recipients").fetchone()
    assert note == ("left out at hand-over", "do not contact")


def test_the_drafter_may_not_approve_and_only_a_supervisor_hands_over(
    demo_store: Store, tmp_path: Path
) -> None:
    demo_store.actor, demo_store.role = "sgt.kaur", Role.SUPERVISOR
    reference, _ = draft_batch(demo_store, MESSAGE, ["07700 900101"], today=TODAY)
    with pytest.raises(NotPermitted, match="you drafted .*another supervisor must approve"):
        approve_batch(demo_store, reference)
    demo_store.actor = "SGT.Kaur"  # the same officer, however the name is written
    with pytest.raises(NotPermitted, match="you drafted"):
        approve_batch(demo_store, reference)
    demo_store.actor = "sgt.ahmed"
    approve_as_another_supervisor(demo_store, reference)
    demo_store.actor, demo_store.role = "pc.jones", Role.OFFICER
    target = tmp_path / "gateway.csv"
    with pytest.raises(NotPermitted, match="supervisor"):
        hand_over(demo_store, reference, target, "Gateway Ltd", "support texts", TODAY)
    assert not target.exists()
