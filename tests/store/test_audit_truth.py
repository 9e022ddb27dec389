"""The log says truly what was done, to which records, by whom: findings of the review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import NotPermitted, Role
from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.audit import Category
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.orders import Duration
from raptor_desktop.store.accounts import add_user
from raptor_desktop.store.applications import add_numbers, submit
from raptor_desktop.store.contacts import set_do_not_contact, set_opted_out
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.outcomes import OrderTerms, record_outcome
from raptor_desktop.store.outreach import draft_batch, hand_over, list_batches
from raptor_desktop.store.retention import keep
from tests.app_fixtures import approve_as_another_supervisor, make_application
from tests.registers import open_store
from tests.store.test_write_transactions import MESSAGE, TODAY, just_before_the_write


def last(store: Store) -> tuple[str, str, str]:
    row = store.db.execute(
        "SELECT user, event, records FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return tuple(row)  # type: ignore[return-value]


def test_a_hand_over_whose_file_cannot_be_placed_is_not_logged(
    demo_store: Store, tmp_path: Path
) -> None:
    reference, _ = draft_batch(demo_store, MESSAGE, ["07700 900113"], today=TODAY)
    approve_as_another_supervisor(demo_store, reference)
    in_the_way = tmp_path / "gateway.csv"
    in_the_way.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(OSError):
        hand_over(demo_store, reference, in_the_way, "Gateway Ltd", "support texts", TODAY)
    assert [b.status.value for b in list_batches(demo_store)] == ["approved"]
    disclosed = demo_store.db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE category = 'disclosure'"
    ).fetchone()[0]
    assert disclosed == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    target = tmp_path / "gateway-2.csv"
    assert hand_over(demo_store, reference, target, "Gateway Ltd", "support texts", TODAY) == 1
    user, event, records = last(demo_store)
    assert event == "hand over outreach batch"
    assert str(target) in records and "+447700900512" in records


def test_contact_entries_name_the_number_as_stored(demo_store: Store) -> None:
    set_opted_out(demo_store, "07700 900501", date(2026, 11, 30))
    assert last(demo_store)[2] == "+447700900501: on 2026-11-30"
    set_do_not_contact(demo_store, "07700900502", "asked")
    assert last(demo_store)[2] == "+447700900502: asked"


def test_a_review_of_a_record_that_is_not_there_is_refused(demo_store: Store) -> None:
    before = last(demo_store)
    with pytest.raises(RecordNotFound, match="no line 9999"):
        keep(demo_store, "line", 9999, "still of use", date(2030, 1, 1))
    assert last(demo_store) == before


def test_numbers_added_to_an_application_are_named(demo_store: Store) -> None:
    reference = make_application(demo_store)
    add_numbers(demo_store, reference, ["07700 900109"])
    assert last(demo_store)[1:] == ("add numbers to application", f"{reference}: +447700900109")


def test_nothing_is_cut_from_a_long_entry(demo_store: Store) -> None:
    demo_store.log(Category.CONSULTATION, "long", "x" * 5000)
    assert len(last(demo_store)[2]) == 5000


def test_what_is_done_before_a_sign_in_says_no_one_signed_in(db_path: Path) -> None:
    with open_store(db_path) as store:
        users = {r[0] for r in store.db.execute("SELECT user FROM audit_log")}
    assert users and all(u.startswith("(not signed in: ") for u in users)


def test_an_order_of_no_length_is_refused_not_a_bug(demo_store: Store) -> None:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    for months in (0, -3):
        terms = OrderTerms(duration=Duration(months=months))
        with pytest.raises(InputRejected, match="at least 1 month"):
            record_outcome(
                demo_store, reference, "07700 900103", Outcome.MADE, date(2026, 11, 20), terms
            )


def test_two_first_accounts_at_once_make_one_administrator(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first-account check is read inside the transaction that adds the account."""
    with open_store(db_path) as store:  # nobody signed in: the lowest role
        other = open_store(db_path, role=Role.OFFICER)

        def someone_else_first() -> None:
            add_user(other, "alice", "Alice", Role.ADMINISTRATOR, "alice password 1")

        just_before_the_write(monkeypatch, store, "add account", someone_else_first)
        with pytest.raises(NotPermitted):
            add_user(store, "mallory", "M", Role.ADMINISTRATOR, "mallory password 1")
        other.close()
        names = [r[0] for r in store.db.execute("SELECT username FROM users")]
    assert names == ["alice"]
