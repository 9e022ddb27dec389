"""Schema versions that keep what happens after an order: the day an earlier time was agreed
(v23), a carve-out's notice (v24), the kind of address a letter went to (v25); each read from
the fixture that version's own code wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from raptor_desktop.core.accounts import Role
from tests.registers import open_store
from tests.store.test_migrations import _copy_fixture


def test_version_23_dates_an_earlier_time_agreed(tmp_path: Path) -> None:
    """An order of v22 has no earlier time agreed, nor a day for one; at v23 the day an
    earlier time was agreed is kept, and the note dates the agreement."""
    from datetime import datetime

    from raptor_desktop.documents.order_note import recorded_events
    from raptor_desktop.store.case_file import load_case_file

    (tmp_path / "v22").mkdir()
    (tmp_path / "v23").mkdir()
    with open_store(_copy_fixture(22, tmp_path / "v22"), role=Role.ADMINISTRATOR) as store:
        [item] = load_case_file(store, "RAP-2026-001", check_files=False).items
        assert (item.agreed_deadline, item.agreed_on) == (None, None)
    with open_store(_copy_fixture(23, tmp_path / "v23"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        [item] = case.items
        assert item.agreed_deadline == datetime(2026, 11, 13, 12)
        assert item.agreed_on == date(2026, 11, 11)
        [event] = [e for e in recorded_events(case) if "agreed in writing" in e]
        assert event.startswith("11 November 2026 — Item 1: 07700 900101: EE agreed in writing")


def test_version_24_keeps_how_a_carve_out_s_notice_went(tmp_path: Path) -> None:
    """A v23 register opened at v24 has no notice for any order; a carve-out recorded at v24
    keeps its notice, and the note says when and how it went."""
    from datetime import time

    from raptor_desktop.core.deemed_service import SendingMethod
    from raptor_desktop.documents.order_note import recorded_events
    from raptor_desktop.store.case_file import load_case_file

    (tmp_path / "v23").mkdir()
    (tmp_path / "v24").mkdir()
    with open_store(_copy_fixture(23, tmp_path / "v23"), role=Role.ADMINISTRATOR) as store:
        [item] = load_case_file(store, "RAP-2026-001", check_files=False).items
        assert (item.carved_out_on, item.carve_out_notice) == (None, None)
        columns = {row[1] for row in store.db.execute("PRAGMA table_info(orders)")}
        assert {"notice_method", "notice_at", "notice_to", "notice_under"} <= columns
    with open_store(_copy_fixture(24, tmp_path / "v24"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        [item] = case.items
        notice = item.carve_out_notice
        assert item.carved_out_on == date(2026, 11, 12) and notice is not None
        assert (notice.method, notice.at, notice.to) == (
            SendingMethod.EMAIL,
            time(9, 30),
            "orders@ee.example",
        )
        [event] = [e for e in recorded_events(case) if "written notice" in e]
        assert "to EE by email to orders@ee.example at 09:30" in event
        assert "The notice is deemed given on 12 November 2026 (CPR 6.26)" in event


def test_version_25_keeps_what_kind_of_address_a_network_s_is(tmp_path: Path) -> None:
    """A v24 register opened at v25 has no kind for any address for service; one recorded at
    v25 is kept."""
    from raptor_desktop.store.settings import network_details

    (tmp_path / "v24").mkdir()
    (tmp_path / "v25").mkdir()
    with open_store(_copy_fixture(24, tmp_path / "v24"), role=Role.ADMINISTRATOR) as store:
        assert {d.get("address_kind", "") for d in network_details(store).values()} == {""}
    with open_store(_copy_fixture(25, tmp_path / "v25"), role=Role.ADMINISTRATOR) as store:
        assert network_details(store)["EE"]["address_kind"] == "principal office"
