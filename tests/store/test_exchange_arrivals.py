"""A package's new lines, numbers and status entries are written a kind at a time, and arrive
exactly as record by record: the sender's global ids, versions, search rows and references."""

from __future__ import annotations

import json
from dataclasses import replace

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
    from raptor_desktop.store.exchange_ids import unknown_here

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


# --- a package holding what a held record is again: found as if each were written at once ---


def _alices_package(unit: Unit) -> Incoming:
    from raptor_desktop.services.exchange import read_package

    return read_package(unit.stores["main"], unit.package("alice", "main"))


def _with_records(package: Incoming, records: list[list[object]]) -> Incoming:
    return replace(package, records=records, texts=[])


def _first(package: Incoming, kind: str) -> list[object]:
    return next(r for r in package.records if r[0] == kind)


def _count(store: Store, table: str) -> int:
    return int(store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("kind", ["line", "number"])
def test_a_record_sent_twice_in_one_package_is_one_record(unit: Unit, kind: str) -> None:
    add_number(unit.stores["alice"], "07700 900123", TONY)
    package = _alices_package(unit)
    records = list(package.records)
    record = _first(package, kind)
    records.insert(records.index(record) + 1, record)
    applied = apply_package(unit.stores["main"], _with_records(package, records))
    assert (applied.added, applied.unchanged) == (3, 1)
    assert (_count(unit.stores["main"], "lines"), _count(unit.stores["main"], "numbers")) == (1, 1)


@pytest.mark.parametrize(
    ("kind", "field", "value"), [("number", "e164", None), ("line", "brand", "TONY")]
)
def test_two_new_records_that_are_one_thing_are_made_one(
    unit: Unit, kind: str, field: str, value: object
) -> None:
    """The same number (or a line of the same name, in any case) under two global ids in one
    package: the second, once the first has arrived, is made one with it, held or not."""
    main = unit.stores["main"]
    add_number(unit.stores["alice"], "07700 900123", TONY)
    package = _alices_package(unit)
    records = list(package.records)
    record = _first(package, kind)
    fields = json.loads(json.dumps(record[2]))
    if value is not None:
        fields[field][0] = value
    twin = [kind, "ffffffff-ffff-7fff-bfff-ffffffffffff", fields]
    records.insert(records.index(record) + 1, twin)
    applied = apply_package(main, _with_records(package, records))
    assert applied.merged_records == 1
    assert (_count(main, "lines"), _count(main, "numbers")) == (1, 1)


def test_a_held_record_names_the_global_id_kept_when_two_are_made_one(unit: Unit) -> None:
    """A new number held to be written replaces main's own number B; then a record of B's
    number under a lesser global id arrives, and B takes that id. The held number's versions
    must name B by the id it keeps, or main's next package names a record that is gone."""
    main, alice = unit.stores["main"], unit.stores["alice"]
    add_number(alice, "07700 900123", TONY)
    unit.send("alice", "main")
    add_number(main, "07700 900555", TONY)
    [b_gid] = _gids(main, "number") - _gids(alice, "number")
    add_number(alice, "07700 900124", TONY)
    package = _alices_package(unit)
    template = next(r for r in package.records if r[0] == "number")
    replacing = json.loads(json.dumps(template))
    replacing[2]["replaces"][0] = b_gid
    same_as_b = json.loads(json.dumps(template))
    same_as_b[1] = "00000000-0000-7000-8000-000000000001"
    same_as_b[2]["e164"][0] = "+447700900555"
    others = [r for r in package.records if r[0] != "number"]
    lines = [r for r in others if r[0] == "line"]
    records = [*lines, replacing, same_as_b, *(r for r in others if r[0] != "line")]
    apply_package(main, _with_records(package, records))
    stored = main.db.execute(
        "SELECT fields FROM record_versions WHERE gid = ?", [replacing[1]]
    ).fetchone()[0]
    assert json.loads(stored)["replaces"][0] == same_as_b[1]
    unit.send("main", "bob")
    assert content_hash(unit.stores["bob"]) == content_hash(main)
