"""Reading the audit log and the review list is checked in the store, not only in the faces."""

from __future__ import annotations

from pathlib import Path

import pytest

from raptor_desktop.core.accounts import NotPermitted, Role
from raptor_desktop.store.audit import entries
from raptor_desktop.store.database import Store
from raptor_desktop.store.retention import review_list
from tests.registers import open_store


def test_a_bare_store_has_the_lowest_role(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.role is Role.OFFICER


def test_an_officer_cannot_read_the_audit_log(live_store: Store) -> None:
    live_store.role = Role.OFFICER
    with pytest.raises(NotPermitted, match="read the audit log"):
        entries(live_store)
    live_store.role = Role.ADMINISTRATOR
    assert entries(live_store)


def test_an_officer_cannot_list_records_due_for_review(demo_store: Store) -> None:
    demo_store.role = Role.OFFICER
    with pytest.raises(NotPermitted, match="review and dispose"):
        review_list(demo_store, due_only=False)
