"""An import's batches get the same index rows and global ids as the per-row triggers give."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.contacts import ContactDefaults
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.tabular import Table
from raptor_desktop.store import bulk_writes, importing
from raptor_desktop.store.contacts import import_contacts
from raptor_desktop.store.database import Store
from raptor_desktop.store.engine import Error as SqlError
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.lines import add_number
from tests.registers import open_store

NUMBERS = [f"07700 900{n:03d}" for n in range(100, 1000)]
UUID7 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _lines_sheet() -> Table:
    rows = [(i + 2, [n, f"Line{i % 40}", "Thurrock"]) for i, n in enumerate(NUMBERS[:-20])]
    return Table("lines.csv", ["number", "brand", "area"], rows)


def _contacts_sheet() -> Table:
    rows = [(i + 2, [n, NUMBERS[0]]) for i, n in enumerate(NUMBERS[-20:])]
    return Table("handset.csv", ["number", "deal line"], rows)


@contextmanager
def _imported(path: Path) -> Iterator[Store]:
    with open_store(path, training=True, actor="tester", role=Role.ADMINISTRATOR) as store:
        import_lines(store, _lines_sheet())
        import_contacts(store, _contacts_sheet(), ContactDefaults(), today=date(2026, 12, 1))
        yield store


def _what_the_triggers_wrote(store: Store) -> tuple[list[tuple[object, ...]], ...]:
    index = store.db.execute(
        "SELECT rowid, kind, record_id, words FROM search_index ORDER BY rowid"
    ).fetchall()
    ids = store.db.execute(
        "SELECT kind, local_id, log_after FROM record_ids ORDER BY kind, local_id"
    ).fetchall()
    return index, ids


def test_batches_are_indexed_and_identified_as_each_row_would_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing.HeldRows, "SIZE", 300)  # three batches of numbers
    with _imported(tmp_path / "bulk.sqlite3") as bulk:
        in_bulk = _what_the_triggers_wrote(bulk)
        gids = [g for (g,) in bulk.db.execute("SELECT gid FROM record_ids")]
        stamps = {c for (c,) in bulk.db.execute("SELECT changed FROM record_ids")}
        assert not bulk_writes.named_tables(bulk.db)
        bulk.db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        found = bulk.db.execute(
            "SELECT record_id FROM search_index WHERE search_index MATCH '\"0900345\"'"
        ).fetchall()
    monkeypatch.setattr(bulk_writes, "TABLES", ())  # every row through its triggers
    with _imported(tmp_path / "rows.sqlite3") as rows:
        by_row = _what_the_triggers_wrote(rows)
    assert in_bulk == by_row
    kinds = [kind for _, kind, _, _ in in_bulk[0]]
    assert (kinds.count("number"), kinds.count("line"), kinds.count("contact")) == (880, 40, 20)
    assert len(found) == 1
    assert all(UUID7.fullmatch(g) for g in gids) and len(set(gids)) == len(gids)
    assert 0 not in stamps  # every new record is in the journal, for the next package


def test_a_batch_that_fails_leaves_nothing_named(training_store: Store) -> None:
    live_store = training_store
    ref = add_number(live_store, "07700 900123", LineDetails(brand="Dee"))
    row = live_store.db.execute("SELECT * FROM numbers WHERE id = ?", [ref.id])
    columns = [d[0] for d in row.description]
    values = list(row.fetchone())
    sql = f"INSERT INTO numbers ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    with pytest.raises(SqlError, match="UNIQUE"), live_store.transaction("t", "t") as db:
        bulk_writes.insert_many(db, "numbers", sql, [values])
    assert not bulk_writes.named_tables(live_store.db)
    with pytest.raises(ValueError, match="not written in bulk"):
        bulk_writes.insert_many(live_store.db, "devices", sql, [])


def test_a_table_left_named_is_reported_by_verify(training_store: Store) -> None:
    """As a person with the key would leave it, so that new numbers go unindexed."""
    live_store = training_store
    live_store.db.execute("INSERT INTO bulk_writes (name) VALUES ('numbers')")
    add_number(live_store, "07700 900124", LineDetails(brand="Kay"))
    unindexed = live_store.db.execute(
        "SELECT COUNT(*) FROM numbers n WHERE NOT EXISTS "
        "(SELECT 1 FROM search_index s WHERE s.rowid = (1 << 40) + n.id)"
    ).fetchone()[0]
    assert unindexed == 1
    problems = verify(live_store).problems
    assert any("numbers is named in bulk_writes" in p for p in problems), problems
