from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.audit import Category, chain_mac
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.statuses import Status, StatusChangeRefused
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.audit_anchor import anchor_path
from raptor_desktop.store.database import Store
from raptor_desktop.store.engine import sqlite as sqlite3
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.lines import add_number, set_status
from tests.registers import open_store, raw_connection


def test_changes_are_logged_in_their_transaction(training_store: Store) -> None:
    add_number(training_store, "07700 900123", LineDetails(brand="Tony"))
    set_status(training_store, "07700 900123", Status.GATHERING_EVIDENCE, "TP booked")
    with pytest.raises(StatusChangeRefused):
        set_status(training_store, "07700 900123", Status.DISCONNECTED)
    logged = [(e.category, e.event, e.records) for e in entries(training_store)]
    assert logged[-2:] == [
        ("collection", "add number", "+447700900123"),
        ("alteration", "change status", "+447700900123: identified -> gathering evidence"),
    ]
    assert all(e.user == "tester" and e.at.endswith("Z") for e in entries(training_store))


def test_consultations_and_disclosures(training_store: Store) -> None:
    training_store.log(Category.CONSULTATION, "view number", "+447700900123")
    training_store.log(
        Category.DISCLOSURE,
        "hearing pack",
        "RAP-2026-001",
        justification="court bundle",
        recipient="County Court at Chelmsford",
    )
    [disclosure] = entries(training_store, AuditFilter(category="disclosure"))
    assert (disclosure.justification, disclosure.recipient) == (
        "court bundle",
        "County Court at Chelmsford",
    )
    assert entries(training_store, AuditFilter(record="900123"))[0].category == "consultation"


def test_log_refuses_update_and_delete(training_store: Store) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        training_store.db.execute("UPDATE audit_log SET user = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        training_store.db.execute("DELETE FROM audit_log")


def tamper(path: Path, sql: str) -> None:
    """An insider with a password and SQLCipher's tools edits the log directly, the log's
    guards stood aside and put back as they were (dropped, ``verify`` would say so)."""
    conn = raw_connection(path)
    guards = [
        sql_text
        for (sql_text,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            "('audit_log_no_update', 'audit_log_no_delete')"
        )
    ]
    conn.executescript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;" + sql)
    for guard in guards:
        conn.execute(guard)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "first_bad", "problem"),
    [
        ("UPDATE audit_log SET records = 'nothing to see' WHERE id = 3;", 3, "altered"),
        ("DELETE FROM audit_log WHERE id = 3;", 4, "removed"),
        ("UPDATE audit_log SET prev_hash = 'forged' WHERE id = 4;", 4, "does not follow"),
        # Cut off the end: the rest is a sound chain, the note beside the file is not met.
        ("DELETE FROM audit_log WHERE id >= 5;", 5, "entries 5 to 7 were removed from the end"),
        ("DELETE FROM audit_log WHERE id = 7;", 7, "entry 7 was removed from the end"),
    ],
)
def test_verify_names_the_first_bad_entry(
    db_path: Path, sql: str, first_bad: int, problem: str
) -> None:
    with open_store(db_path, training=True, actor="tester") as store:
        for n in range(5):
            add_number(store, f"07700 9001{n:02d}", LineDetails())
        assert verify(store).sound
    tamper(db_path, sql)
    with open_store(db_path, actor="tester") as store:
        report = verify(store)
    assert not report.sound
    assert report.problems[0].startswith(f"audit entry {first_bad}:")
    assert problem in report.problems[0]


def test_inserted_entry_is_found(db_path: Path) -> None:
    with open_store(db_path, training=True, actor="tester") as store:
        add_number(store, "07700 900101", LineDetails())
        add_number(store, "07700 900102", LineDetails())
    tamper(
        db_path,
        "UPDATE audit_log SET id = id + 100 WHERE id >= 3;"
        "UPDATE audit_log SET id = id - 99 WHERE id >= 100;"
        "INSERT INTO audit_log VALUES (3, '2026-01-01T00:00:00Z', 'x', 'erasure', 'e', '', "
        "'', '', 'aa', 'bb', 'cc', 0);",
    )
    with open_store(db_path, actor="tester") as store:
        assert verify(store).problems[0].startswith("audit entry 3:")


def test_a_forged_last_entry_is_found(db_path: Path) -> None:
    with open_store(db_path, training=True, actor="tester", role=Role.ADMINISTRATOR) as store:
        add_number(store, "07700 900101", LineDetails())
        last = entries(store)[-1]
        log_key = store.log_key
    # An insider who has the key rewrites the last entry and its MACs, so the chain itself
    # stays sound: the notes of the newest entry, outside the register, are not met.
    forged = replace(last, records="+447700900999")
    content = forged.content_mac(log_key)
    tamper(
        db_path,
        f"UPDATE audit_log SET records = '{forged.records}', content_hash = '{content}', "
        f"hash = '{chain_mac(log_key, last.id, last.prev_hash, content)}' WHERE id = {last.id};",
    )
    with open_store(db_path, actor="tester") as store:
        assert verify(store).problems == [
            f"audit entry {last.id}: differs from the entry written then: the end of the log "
            "was rewritten"
        ]


def test_an_unreadable_note_is_reported(db_path: Path) -> None:
    with open_store(db_path, training=True, actor="tester") as store:
        add_number(store, "07700 900101", LineDetails())
    anchor_path(db_path).write_text("{not json", encoding="utf-8")
    with open_store(db_path, actor="tester") as store:
        assert "is unreadable" in verify(store).problems[0]


def test_a_record_search_takes_percent_and_underscore_as_written(training_store: Store) -> None:
    training_store.log(Category.CONSULTATION, "list lines", "search 50% off")
    training_store.log(Category.CONSULTATION, "list lines", "search pc_1")
    training_store.log(Category.CONSULTATION, "list lines", "search pcx1")
    found = {e.records for e in entries(training_store, AuditFilter(record="%"))}
    assert found == {"search 50% off"}
    found = {e.records for e in entries(training_store, AuditFilter(record="c_1"))}
    assert found == {"search pc_1"}  # not "pcx1", as a wildcard would have it
