from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import NotPermitted, Role
from raptor_desktop.core.audit import AuditEntry
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.store import crypto, engine
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.audit import AuditFilter, entries, pseudonym
from raptor_desktop.store.database import Store, configure_for_writing
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.lines import add_device, add_number, find_number
from raptor_desktop.store.retention import dispose, keep, review_list
from tests.app_fixtures import make_application
from tests.registers import backup_members

LATER = date.today() + timedelta(days=6 * 366 + 1)


def test_review_date_is_six_years_after_last_activity(training_store: Store) -> None:
    add_number(training_store, "07700 900101", LineDetails(brand="Tony"))
    assert review_list(training_store) == []
    [item] = review_list(training_store, LATER)
    assert (item.kind, item.name, item.size) == ("line", "Tony", 1)
    assert item.review_on == date(date.today().year + 6, date.today().month, date.today().day)


def test_keep_sets_the_next_review(training_store: Store) -> None:
    ref = add_number(training_store, "07700 900101", LineDetails(brand="Tony"))
    with pytest.raises(ValueError, match="reason"):
        keep(training_store, "line", ref.line_id, " ", LATER + timedelta(days=400))
    keep(training_store, "line", ref.line_id, "live investigation", LATER + timedelta(days=400))
    assert review_list(training_store, LATER) == []
    assert review_list(training_store, LATER + timedelta(days=401))[0].name == "Tony"


def test_disposal_erases_line_numbers_and_links_and_logs_the_fact(demo_store: Store) -> None:
    reference = make_application(demo_store)
    dee = find_number(demo_store, "07700 900103")
    summary = dispose(demo_store, "line", dee.line_id, "no longer needed")
    assert summary.startswith(f"line {dee.line_id} with 1 number; ")
    assert (
        demo_store.db.execute("SELECT COUNT(*) FROM numbers WHERE e164 = ?", [dee.e164]).fetchone()[
            0
        ]
        == 0
    )
    assert (
        demo_store.db.execute(
            "SELECT COUNT(*) FROM application_numbers WHERE number_id = ?", [dee.id]
        ).fetchone()[0]
        == 0
    )
    [erasure] = entries(demo_store, AuditFilter(category="erasure"))
    assert erasure.records == f"line {dee.line_id}: {summary}"
    assert erasure.justification == "no longer needed"
    assert "07700" not in erasure.records
    assert verify(demo_store).sound
    before = demo_store.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    dispose(demo_store, "application", application_id(demo_store, reference), "case closed")
    assert demo_store.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == before - 1
    assert (
        demo_store.db.execute(
            "SELECT COUNT(*) FROM applications WHERE reference = ?", [reference]
        ).fetchone()[0]
        == 0
    )


def test_disposal_replaces_the_erased_number_in_the_log_by_a_keyed_pseudonym(
    demo_store: Store,
) -> None:
    dee = find_number(demo_store, "07700 900103")
    add_device(demo_store, "07700 900103", "IMEI", "356938035643809")
    forms = (dee.e164, "07700 900103", "07700900103", "356938035643809")

    def naming() -> list[AuditEntry]:
        return [
            e
            for e in entries(demo_store)
            if any(f in e.records + e.justification + e.recipient for f in forms)
        ]

    named = naming()
    assert len(named) >= 2  # added, its status changed, its device added
    summary = dispose(demo_store, "line", dee.line_id, "no longer needed")
    assert naming() == []
    assert f"{len(named)} log entries pseudonymised" in summary
    alias = pseudonym(demo_store.key, dee.e164)
    after = {e.id: e for e in entries(demo_store)}
    assert all("[erased " in after[e.id].records for e in named)
    assert sum(alias in after[e.id].records for e in named) >= 1  # one name, followed through
    assert alias != pseudonym(crypto.new_key(), dee.e164)  # keyed: not a plain hash of it
    report = verify(demo_store)  # the chain still holds, the entries say they were changed
    assert report.sound, report.problems
    flagged = demo_store.db.execute("SELECT COUNT(*) FROM audit_log WHERE pseudonymised = 1")
    assert flagged.fetchone()[0] == len(named)


def test_only_an_administrator_disposes(training_store: Store) -> None:
    ref = add_number(training_store, "07700 900101", LineDetails())
    training_store.role = Role.SUPERVISOR
    with pytest.raises(NotPermitted):
        dispose(training_store, "line", ref.line_id, "tidy up")


def test_disposing_of_an_application_deletes_its_exhibit_files_and_backups_lose_them(
    demo_store: Store, tmp_path: Path
) -> None:
    from raptor_desktop.store.backup import make_backup
    from raptor_desktop.store.exhibits import attachment_dir

    icon = Path(__file__).parents[2] / "resources" / "icons" / "raptor.png"
    # the same file, in another application (of a number already under an order)
    kept = make_application(demo_store, attach=icon, numbers=["07700 900102"])
    erased = make_application(demo_store, attach=icon)
    photo = tmp_path / "handset.png"
    photo.write_bytes(icon.read_bytes() + b"\x00")  # a file only the erased one holds
    from raptor_desktop.store.exhibits import NewExhibit, add_exhibit

    add_exhibit(
        demo_store,
        application_id(demo_store, erased),
        NewExhibit("RC", "Handset photograph", None, (), photo),
    )
    assert len(list(attachment_dir(demo_store).iterdir())) == 2
    dispose(demo_store, "application", application_id(demo_store, erased), "past its review")
    left = [p.name for p in attachment_dir(demo_store).iterdir()]
    assert len(left) == 1 and left[0].endswith(".png")  # the file the kept one still needs
    backup = make_backup(demo_store, tmp_path / "after.raptorbackup")
    assert [n for n in backup_members(backup, demo_store) if n.startswith("attachments/")] == [
        f"attachments/{left[0]}"
    ]
    assert kept


def _trace_after_delete(path: Path, configure: bool) -> bool:
    """Whether a deleted row's words can still be read in the file's bytes."""
    conn = engine.connect(str(path), None)  # plain, so the file's pages can be read here
    if configure:
        configure_for_writing(conn)
    conn.execute("CREATE TABLE notes (words TEXT)")
    conn.executemany("INSERT INTO notes VALUES (?)", [(f"erased subject {i}",) for i in range(500)])
    conn.commit()
    conn.execute("DELETE FROM notes")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return b"erased subject" in path.read_bytes()


def test_what_a_disposal_deletes_is_overwritten_in_the_file(
    training_store: Store, tmp_path: Path
) -> None:
    # SQLite on its own leaves a deleted row's bytes in the pages it frees (the control); a
    # register's connections overwrite them, so neither the file nor a backup of its pages
    # holds what was erased. (Shown on a plain file: an encrypted one's pages are unreadable
    # here, which is the point of encrypting them.)
    assert _trace_after_delete(tmp_path / "control.sqlite3", configure=False)
    assert not _trace_after_delete(tmp_path / "configured.sqlite3", configure=True)
    assert training_store.db.execute("PRAGMA secure_delete").fetchone()[0] == 1
