"""A package's new lines, numbers and status entries are written a kind at a time, and arrive
exactly as record by record: the sender's global ids, versions, search rows and references."""

from __future__ import annotations

import pytest

from raptor_desktop.core.lines import LineDetails
from raptor_desktop.store import bulk_writes, exchange_arrivals
from raptor_desktop.store.database import Store
from raptor_desktop.store.exchange import Incoming, apply_package
from raptor_desktop.store.exchange_conflicts import content_hash
from raptor_desktop.store.exchange_records import KINDS
from raptor_desktop.store.lines import add_number, find_number
from raptor_desktop.store.peers import peer_named
from raptor_desktop.store.search import search_records
from tests.exchange_units import TONY, Unit

NUMBERS = [f"07700 9001{n:02d}" for n in range(12)]


def _gids(store: Store, kind: str) -> set[str]:
    return {gid for (gid,) in store.db.execute("SELECT gid FROM record_ids WHERE kind = ?", [kind])}


def test_new_records_are_written_in_batches_and_arrive_as_they_left(
    unit: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice, main = unit.stores["alice"], unit.stores["main"]
    for i, number in enumerate(NUMBERS):
        add_number(alice, number, LineDetails(brand=f"Line{i // 4}", areas=["Thurrock"]))
    batches: list[tuple[str, int]] = []
    real = bulk_writes.insert_many

    def counted(db, table, sql, values, gids):  # type: ignore[no-untyped-def]
        batches.append((table, len(values)))
        real(db, table, sql, values, gids)

    monkeypatch.setattr(exchange_arrivals, "insert_many", counted)
    unit.send("alice", "main")
    assert batches == [("lines", 3), ("numbers", 12), ("status_changes", 12)]
    assert content_hash(main) == content_hash(alice)
    for kind in ("line", "number", "status_change"):
        assert _gids(main, kind) == _gids(alice, kind)
    for store in (main, alice):  # the search index has each, as it would from a trigger
        assert [(h.kind, h.label) for h in search_records(store, "900105")] == [
            ("number", "07700 900105")
        ]
        assert {h.label for h in search_records(store, "Line2") if h.kind == "line"} == {"Line2"}
    assert find_number(main, NUMBERS[5]).line_id == find_number(main, NUMBERS[6]).line_id


def test_a_number_naming_one_held_in_the_same_batch_waits_for_it_to_be_written(
    unit: Unit,
) -> None:
    alice, main = unit.stores["alice"], unit.stores["main"]
    add_number(alice, "07700 900123", TONY)
    add_number(alice, "07700 900124", TONY, replaces="07700 900123")
    unit.send("alice", "main")
    old, new = find_number(main, "07700 900123"), find_number(main, "07700 900124")
    replaces = main.db.execute(
        "SELECT replaces_number_id FROM numbers WHERE id = ?", [new.id]
    ).fetchone()[0]
    assert replaces == old.id
    assert content_hash(main) == content_hash(alice)


@pytest.mark.parametrize("gid", ['0190f0a0-0000-7000-8000-00000000000"', "not a global id", 7])
def test_a_record_whose_global_id_is_not_one_this_program_makes_is_refused(
    unit: Unit, gid: object
) -> None:
    """Global ids are spliced into packages unquoted, so none but the program's own is taken."""
    main = unit.stores["main"]
    before = content_hash(main)
    package = Incoming(peer_named(main, "alice"), 1, "0" * 64, [["line", gid, {}]], [], [])
    with pytest.raises(ValueError, match="global id"):
        apply_package(main, package)
    assert content_hash(main) == before


def test_reading_many_records_gives_what_reading_each_gives(unit: Unit) -> None:
    """Every kind, from the demo's register: the versions are made from the many-record read."""
    from raptor_desktop.store.demo import seed_demo

    alice = unit.stores["alice"]
    seed_demo(alice)
    read: set[str] = set()
    for kind, reader in KINDS.items():
        ids = [
            local_id
            for (local_id,) in alice.db.execute(
                "SELECT local_id FROM record_ids WHERE kind = ? ORDER BY local_id", [kind]
            )
        ]
        if not ids:
            continue
        read.add(kind)
        many = reader.read_many(alice.db, [*ids, max(ids) + 1000])
        assert sorted(many) == ids, kind
        assert all(many[i] == reader.read(alice.db, i) for i in ids), kind
        assert reader.read(alice.db, max(ids) + 1000) is None
    assert read >= {"line", "number", "status_change", "evidence", "device", "application"}


def test_the_records_nothing_here_has_are_found_at_once(unit: Unit) -> None:
    from raptor_desktop.store.exchange_records import unknown_here

    main = unit.stores["main"]
    add_number(main, "07700 900123", TONY)
    add_number(main, "07700 900124", TONY)
    held = sorted(_gids(main, "number"))
    erased, alias, new = (f"0190f0a0-0000-7000-8000-00000000000{n}" for n in (1, 2, 3))
    with main.transaction("test", "test") as db:
        db.execute(
            "INSERT INTO erased_records (gid, kind, changed, erased_at) "
            "VALUES (?, 'number', 0, '')",
            [erased],
        )
        db.execute("INSERT INTO gid_aliases (alias, gid) VALUES (?, ?)", [alias, held[0]])
    assert unknown_here(main.db, [*held, erased, alias, new]) == {new}
