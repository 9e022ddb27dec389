"""Case packages between three registers: the unit's main register and two officers'.

Edits on each, the same line edited on two, packages exchanged in different orders: afterwards
every shared record is the same on all three (a content hash over them), conflicts are listed
and, once resolved, the decision travels. A tampered, replayed, reordered or foreign package
is refused with a message that says why, and changes nothing.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.exchange import fingerprint
from raptor_desktop.core.statuses import Status
from raptor_desktop.services import exchange as ex
from raptor_desktop.services.exchange import PackageRefused, Scope
from raptor_desktop.store.audit import check_chain
from raptor_desktop.store.exchange_conflicts import content_hash
from raptor_desktop.store.exchange_versions import version_changes
from raptor_desktop.store.lines import add_number, find_number, set_status, update_line
from raptor_desktop.store.retention import dispose
from tests.exchange_units import (
    TONY,
    Unit,
    attach_screenshot,
    both_edit_notes,
    edit_tony,
    line_of,
    shared_tony,
)
from tests.registers import open_store


def test_records_made_on_one_reach_the_others_through_the_main_register(unit: Unit) -> None:
    alice = unit.stores["alice"]
    add_number(alice, "07700 900123", TONY)
    add_number(alice, "07700 900124", TONY, status=Status.GATHERING_EVIDENCE)
    unit.send("alice", "main")
    unit.send("main", "bob")
    bob = unit.stores["bob"]
    assert find_number(bob, "07700 900124").status is Status.GATHERING_EVIDENCE
    history = bob.db.execute("SELECT COUNT(*) FROM status_changes").fetchone()[0]
    assert history == 2
    assert len(unit.hashes()) == 1


def test_fields_changed_on_one_side_each_merge_and_all_three_agree(unit: Unit) -> None:
    shared_tony(unit)
    edit_tony(unit.stores["alice"], notes="runs at night")
    edit_tony(unit.stores["bob"], intel_refs="INT/123")
    unit.send("bob", "main")  # bob's first, this time
    unit.send("alice", "main")
    main = unit.stores["main"]
    assert ex.conflicts(main) == []
    row = main.db.execute("SELECT notes, intel_refs FROM lines").fetchone()
    assert tuple(row) == ("runs at night", "INT/123")
    unit.send("main", "alice")
    unit.send("main", "bob")
    assert len(unit.hashes()) == 1


def test_the_same_field_changed_on_two_is_a_conflict_resolved_once_for_all(unit: Unit) -> None:
    both_edit_notes(unit, "alice's note", "bob's note")
    alice, main = unit.stores["alice"], unit.stores["main"]
    [conflict] = ex.conflicts(main)
    assert (conflict.field, conflict.local.value, conflict.remote.value) == (
        "notes",
        "alice's note",
        "bob's note",
    )
    assert (conflict.local.by, conflict.remote.by, conflict.peer) == ("alice", "bob", "bob")
    # never silently overwritten: main keeps what it had until an officer decides
    assert main.db.execute("SELECT notes FROM lines").fetchone()[0] == "alice's note"
    ex.resolve_conflict(main, conflict.id, "theirs")
    assert ex.conflicts(main) == []
    unit.send("main", "alice")
    unit.send("main", "bob")
    assert len(unit.hashes()) == 1
    assert alice.db.execute("SELECT notes FROM lines").fetchone()[0] == "bob's note"
    decided = main.db.execute(
        "SELECT records FROM audit_log WHERE event = 'resolve exchange conflict'"
    ).fetchone()[0]
    assert "kept bob's" in decided
    for store in unit.stores.values():  # and each register's own log verifies
        assert check_chain(store.db, store.log_key) is None


def test_a_status_set_on_both_sides_follows_the_status_rules(unit: Unit) -> None:
    add_number(unit.stores["alice"], "07700 900123", TONY)
    unit.send("alice", "main")
    unit.send("main", "bob")
    alice, bob, main = unit.stores["alice"], unit.stores["bob"], unit.stores["main"]
    set_status(alice, "07700 900123", Status.GATHERING_EVIDENCE)
    unit.send("alice", "main")
    # bob, not knowing, moves it on from identified... to withdrawn, which gathering evidence
    # can also reach: the later change follows from the earlier, so it wins everywhere
    set_status(bob, "07700 900123", Status.WITHDRAWN)
    unit.send("bob", "main")
    assert ex.conflicts(main) == []
    assert find_number(main, "07700 900123").status is Status.WITHDRAWN
    histories = main.db.execute("SELECT COUNT(*) FROM status_changes").fetchone()[0]
    assert histories == 3  # both histories kept
    unit.send("main", "alice")
    unit.send("main", "bob")
    assert len(unit.hashes()) == 1


def test_a_disposal_travels_and_an_older_package_does_not_bring_the_record_back(
    unit: Unit,
) -> None:
    add_number(unit.stores["alice"], "07700 900123", TONY)
    old = unit.package("alice", "main")
    ex.import_package(unit.stores["main"], old)
    unit.send("main", "bob")
    bob = unit.stores["bob"]
    update_line(bob, line_of(bob, "07700 900123"), replace(TONY, notes="late note"))
    main = unit.stores["main"]
    dispose(main, "line", line_of(main, "07700 900123"), "no longer needed (MoPI review)")
    unit.send("main", "alice")
    assert unit.stores["alice"].db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0
    unit.send("bob", "main")  # bob's edit of the erased line: not brought back
    assert main.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 0
    unit.send("main", "bob")
    assert bob.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 0
    assert len(unit.hashes()) == 1


def test_a_number_recorded_on_two_workstations_becomes_one_record(unit: Unit) -> None:
    add_number(unit.stores["alice"], "07700 900123", TONY)
    add_number(unit.stores["bob"], "07700 900123", TONY)
    unit.send("alice", "main")
    unit.send("bob", "main")
    unit.send("main", "alice")
    unit.send("main", "bob")
    for store in unit.stores.values():
        assert store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 1
    assert len(unit.hashes()) == 1


def test_an_application_travels_as_a_scope_with_its_numbers_and_lines(unit: Unit) -> None:
    from raptor_desktop.store.demo import seed_demo
    from tests.app_fixtures import make_application

    alice = unit.stores["alice"]
    seed_demo(alice)
    reference = make_application(alice)
    package = unit.package("alice", "main", Scope(application=reference))
    ex.import_package(unit.stores["main"], package)
    main = unit.stores["main"]
    held = (
        "SELECT n.e164, x.provider, x.grounds FROM application_numbers x "
        "JOIN applications a ON a.id = x.application_id JOIN numbers n ON n.id = x.number_id "
        "WHERE a.reference = ? ORDER BY n.e164"
    )
    sent = main.db.execute(held, [reference]).fetchall()
    assert sent == alice.db.execute(held, [reference]).fetchall() and len(sent) == 3
    # only the application's own lines went, not the rest of alice's register
    assert main.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 1
    lines = main.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0]
    assert 0 < lines < alice.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0]
    received = main.db.execute("SELECT COUNT(*) FROM received_log_entries").fetchone()[0]
    assert received > 0  # the log entries that name the application, kept signed


def test_refused_packages_say_why_and_change_nothing(unit: Unit) -> None:
    alice, main, bob = unit.stores["alice"], unit.stores["main"], unit.stores["bob"]
    add_number(alice, "07700 900123", TONY)
    first = unit.package("alice", "main")
    add_number(alice, "07700 900124", TONY)
    second = unit.package("alice", "main")
    before = content_hash(main)

    with pytest.raises(PackageRefused, match="package 1 has not been imported"):
        ex.import_package(main, second)  # reordered
    with pytest.raises(PackageRefused, match="was made for main; this workstation is bob"):
        ex.import_package(bob, first)  # foreign
    tampered = first.with_name("tampered.raptorcase")
    data = bytearray(first.read_bytes())
    data[-10] ^= 0x01
    tampered.write_bytes(bytes(data))
    with pytest.raises(PackageRefused, match="changed or cut short"):
        ex.import_package(main, tampered)
    cut = first.with_name("cut.raptorcase")
    cut.write_bytes(first.read_bytes()[:-100])
    with pytest.raises(PackageRefused, match="changed or cut short"):
        ex.import_package(main, cut)
    assert content_hash(main) == before

    ex.import_package(main, first)
    after_first = content_hash(main)
    with pytest.raises(PackageRefused, match="imported already"):
        ex.import_package(main, first)  # replayed
    assert content_hash(main) == after_first
    ex.import_package(main, second)
    assert main.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 2


def test_a_package_from_a_workstation_that_is_not_a_peer_is_refused(
    unit: Unit, tmp_path: Path
) -> None:
    with open_store(
        tmp_path / "stranger.sqlite3", training=True, actor="x", role=Role.ADMINISTRATOR
    ) as stranger:
        ex.set_up_identity(stranger, "alice")  # even under a peer's name
        card = tmp_path / "main.identity.json"
        ex.add_peer(stranger, card, fingerprint(ex.read_identity_file(card).public_key))
        add_number(stranger, "07700 900123", TONY)
        package = ex.export_package(stranger, "main", Scope(), tmp_path / "odd", "test").path
    with pytest.raises(PackageRefused, match="not with the key alice was added with"):
        ex.import_package(unit.stores["main"], package)


def test_a_peer_is_added_only_with_its_fingerprint(unit: Unit, tmp_path: Path) -> None:
    from raptor_desktop.core.errors import InputRejected

    with open_store(
        tmp_path / "new.sqlite3", training=True, actor="x", role=Role.ADMINISTRATOR
    ) as new:
        ex.set_up_identity(new, "carol")
        with pytest.raises(InputRejected, match="fingerprint typed is not"):
            ex.add_peer(new, tmp_path / "main.identity.json", "12345 12345 12345 12345 12345")
        assert ex.list_peers(new) == []


def test_the_export_is_a_logged_disclosure_and_the_import_a_combination(unit: Unit) -> None:
    add_number(unit.stores["alice"], "07700 900123", TONY)
    unit.send("alice", "main")
    sent = (
        unit.stores["alice"]
        .db.execute(
            "SELECT category, recipient, justification FROM audit_log "
            "WHERE event = 'export case package'"
        )
        .fetchone()
    )
    assert tuple(sent) == ("disclosure", "main", "case work")
    got = (
        unit.stores["main"]
        .db.execute("SELECT category, records FROM audit_log WHERE event = 'import case package'")
        .fetchone()
    )
    assert got[0] == "combination" and "package 1 from alice" in got[1]


KILLED_IMPORT = """
import sys, time
from pathlib import Path
from raptor_desktop.core.accounts import Role
from raptor_desktop.services import exchange as ex
from raptor_desktop.store import exchange as store_exchange
from tests.registers import open_store

applying = store_exchange._apply_record
seen = []


def slow(*args, **kwargs):
    seen.append(1)
    if len(seen) == 500:  # half way: say so, and wait to be killed
        print("half way", flush=True)
        time.sleep(60)
    return applying(*args, **kwargs)


store_exchange._apply_record = slow
store = open_store(Path(sys.argv[1]), training=True, actor="main", role=Role.ADMINISTRATOR)
ex.import_package(store, Path(sys.argv[2]))
"""


def test_an_import_killed_half_way_leaves_the_register_as_it_was(unit: Unit) -> None:
    import os
    import signal
    import subprocess
    import sys

    from raptor_desktop.core.tabular import read_table
    from raptor_desktop.store.line_import import import_lines
    from tests.registers import raw_connection

    sheet = unit.folder / "lines.csv"
    sheet.write_text(
        "number,brand,area\n"
        + "".join(f"07700 900{i:03d},Line{i // 4},Thurrock\n" for i in range(400)),
        encoding="utf-8",
    )
    import_lines(unit.stores["alice"], read_table(sheet))
    package = unit.package("alice", "main")
    main = unit.stores.pop("main")
    before = content_hash(main)
    path = main.path
    main.close()
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(path), str(package)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"half way"
    child.send_signal(signal.SIGKILL)
    child.wait()
    conn = raw_connection(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0
    assert conn.execute("SELECT received_seq FROM peers").fetchall() == [(0,), (0,)]
    conn.close()
    with open_store(path, training=True, actor="main", role=Role.ADMINISTRATOR) as again:
        assert content_hash(again) == before
        ex.import_package(again, package)  # still the next package: it applies whole
        assert again.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 400


def test_a_disposal_leaves_nothing_of_the_record_in_the_exchange_tables(unit: Unit) -> None:
    """The snapshots and conflicts hold a record's fields: a disposal takes them too, and
    what stays (the erased id) says nothing about the record."""
    from tests.registers import raw_connection

    both_edit_notes(unit, "x", "y")
    main = unit.stores["main"]
    assert ex.conflicts(main)
    dispose(main, "line", line_of(main, "07700 900123"), "MoPI review")
    path = main.path
    conn = raw_connection(path)
    tables = ("record_versions", "exchange_conflicts", "record_ids", "erased_records")
    received = conn.execute("SELECT entry, pseudonymised FROM received_log_entries").fetchall()
    assert any(marked for _entry, marked in received)  # the peers' entries named it
    assert not any("7700900123" in entry or "7700 900123" in entry for entry, _ in received)
    for table in tables:
        text = " ".join(str(row) for row in conn.execute(f"SELECT * FROM {table}"))
        assert "7700900123" not in text and "Tony" not in text, table
    assert conn.execute("SELECT COUNT(*) FROM record_versions").fetchone()[0] == 0
    conn.close()


def test_an_application_s_exhibits_travel_with_their_attached_files(
    unit: Unit, tmp_path: Path
) -> None:
    from raptor_desktop.store.demo import seed_demo
    from raptor_desktop.store.exhibits import stored_file
    from tests.app_fixtures import make_application

    alice, main = unit.stores["alice"], unit.stores["main"]
    seed_demo(alice)
    reference = make_application(alice)
    mark = attach_screenshot(alice, reference, "07700 900103", tmp_path)
    ex.import_package(main, unit.package("alice", "main", Scope(application=reference)))
    initials, seq = mark.split("/")
    row = main.db.execute(
        "SELECT e.file_name, e.file_sha256, COUNT(x.number_id) FROM exhibits e "
        "LEFT JOIN exhibit_numbers x ON x.exhibit_id = e.id "
        "WHERE e.officer_initials = ? AND e.seq = ? GROUP BY e.id",
        [initials, int(seq)],
    ).fetchone()
    assert row[0] == "screenshot.png" and row[2] == 1
    # the file came inside the package, and is sealed here under main's own key
    assert stored_file(main, row[0], row[1]) == (tmp_path / "screenshot.png").read_bytes()
    exhibits = "SELECT COUNT(*) FROM exhibits"
    assert main.db.execute(exhibits).fetchone()[0] == alice.db.execute(exhibits).fetchone()[0]


def test_a_received_log_entry_changed_after_it_arrived_fails_verify(unit: Unit) -> None:
    """An insider with the key edits a peer's entry kept here: its signature gives it away."""
    from raptor_desktop.store.integrity import verify
    from tests.registers import raw_connection

    add_number(unit.stores["alice"], "07700 900123", TONY)
    unit.send("alice", "main")
    main = unit.stores["main"]
    assert verify(main).sound
    conn = raw_connection(main.path)
    conn.execute("UPDATE received_log_entries SET entry = replace(entry, 'alice', 'bob')")
    conn.commit()
    conn.close()
    problems = verify(main).problems
    assert problems and all("no longer matches its signature" in p for p in problems)


def test_a_whole_register_travels_and_the_two_agree(unit: Unit) -> None:
    """The demo's register (applications heard, orders made, devices, check-backs, closures,
    exhibits) sent whole to an empty one, then on to a third: all three hold the same."""
    from raptor_desktop.store.demo import seed_demo

    alice = unit.stores["alice"]
    seed_demo(alice)
    unit.send("alice", "main")
    unit.send("main", "bob")
    assert len(unit.hashes()) == 1
    held = ("orders", "devices", "status_changes", "application_numbers", "evidence", "lines")
    for table in (*held, "check_backs", "line_closures", "exhibits"):
        counts = {
            store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for store in unit.stores.values()
        }
        assert len(counts) == 1, table
        assert counts.pop() > 0 or table not in held, table
    for store in unit.stores.values():
        assert ex.conflicts(store) == []


def test_the_same_reference_given_on_two_workstations_is_refused_and_says_so(
    unit: Unit,
) -> None:
    from raptor_desktop.store.applications import create_application
    from raptor_desktop.store.exchange_records import MarkTaken
    from tests.app_fixtures import details

    for name in ("alice", "main"):
        store = unit.stores[name]
        add_number(store, "07700 900123", TONY)
        create_application(store, details(), ["07700 900123"])
    before = content_hash(unit.stores["main"])
    with pytest.raises(MarkTaken, match="gave the same reference"):
        unit.send("alice", "main")
    assert content_hash(unit.stores["main"]) == before


def test_an_edited_conflict_value_must_be_of_the_field_s_kind(unit: Unit) -> None:
    from raptor_desktop.core.errors import InputRejected

    both_edit_notes(unit, "a", "b")
    main = unit.stores["main"]
    [conflict] = ex.conflicts(main)
    with pytest.raises(InputRejected, match="notes holds str, not int"):
        ex.resolve_conflict(main, conflict.id, "edit", 12)
    ex.resolve_conflict(main, conflict.id, "edit", "a and b")
    assert main.db.execute("SELECT notes FROM lines").fetchone()[0] == "a and b"


def test_a_lost_package_is_replaced_by_everything_again(unit: Unit) -> None:
    """Package 1 never arrives (a stick lost, a file written over): package 2 is refused with
    the way out, and a package of everything, again, takes main to where alice is."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    add_number(alice, "07700 900123", TONY)
    lost = unit.package("alice", "main")
    lost.unlink()
    add_number(alice, "07700 900124", TONY)
    second = unit.package("alice", "main")
    with pytest.raises(PackageRefused) as refused:
        ex.import_package(main, second)
    assert "Everything, again" in refused.value.full_message()
    again = unit.package("alice", "main", Scope(again=True))
    ex.import_package(main, again)
    assert content_hash(main) == content_hash(alice)
    with pytest.raises(PackageRefused, match="imported already"):
        ex.import_package(main, second)  # older than what replaced it: nothing to take
    add_number(alice, "07700 900125", TONY)
    unit.send("alice", "main")  # and the numbering goes on from there
    assert content_hash(main) == content_hash(alice)
    entries = main.db.execute(
        "SELECT COUNT(*), COUNT(DISTINCT json_extract(entry, '$.id')) FROM received_log_entries"
    ).fetchone()
    assert entries[0] == entries[1]  # each of alice's entries kept once


def test_a_package_is_never_written_over_another(unit: Unit) -> None:
    from raptor_desktop.core.errors import InputRejected

    add_number(unit.stores["alice"], "07700 900123", TONY)
    out = unit.folder / "to-main.raptorcase"
    ex.export_package(unit.stores["alice"], "main", Scope(), out, "case work")
    with pytest.raises(InputRejected, match="exists already"):
        ex.export_package(unit.stores["alice"], "main", Scope(), out, "case work")
    assert ex.next_package_name(unit.stores["alice"], "main") == "to-main-0002.raptorcase"


def test_a_settled_conflict_s_number_is_never_given_to_another(unit: Unit) -> None:
    """An officer reading an older list resolves by number: it must not name another one."""
    both_edit_notes(unit, "a", "b")
    main = unit.stores["main"]
    [first] = ex.conflicts(main)
    ex.resolve_conflict(main, first.id, "mine")
    edit_tony(unit.stores["bob"], notes="c")  # bob, not yet knowing main's decision
    unit.send("bob", "main")
    [second] = ex.conflicts(main)
    assert second.id != first.id


def test_a_chain_of_replacements_sent_in_any_order_arrives_whole(unit: Unit) -> None:
    """Three numbers, each replacing the one before, the older ones changed last: the package
    carries them newest first, each waiting for the one it replaces."""
    alice = unit.stores["alice"]
    add_number(alice, "07700 900121", TONY)
    add_number(alice, "07700 900122", TONY, replaces="07700 900121")
    add_number(alice, "07700 900123", TONY, replaces="07700 900122")
    set_status(alice, "07700 900122", Status.GATHERING_EVIDENCE)
    set_status(alice, "07700 900121", Status.GATHERING_EVIDENCE)
    unit.send("alice", "main")
    assert content_hash(unit.stores["main"]) == content_hash(alice)


def test_statuses_moved_on_three_registers_in_one_second_settle_the_same_everywhere(
    unit: Unit,
) -> None:
    """Bob and alice move a number on, without knowledge of each other, and alice moves it
    again; the packages go round in an order that settled the same changes in two orders:
    one register kept withdrawn under the version the others held as gathering evidence, and
    none sent it again. Every register now ends with one status under one version."""
    main, alice, bob = (unit.stores[name] for name in ("main", "alice", "bob"))
    add_number(main, "07700 900151", TONY)
    unit.send("main", "alice")
    unit.send("main", "bob")
    set_status(bob, "07700 900151", Status.GATHERING_EVIDENCE)
    unit.send("bob", "main")
    set_status(alice, "07700 900151", Status.WITHDRAWN)
    unit.send("alice", "bob")
    set_status(alice, "07700 900151", Status.GATHERING_EVIDENCE)
    unit.send("alice", "bob")
    unit.send("main", "alice")
    unit.send("main", "bob")
    unit.go_round(2)
    statuses = set()
    for store in (main, alice, bob):
        with store.immediate():
            version_changes(store.db)  # what it holds, versioned as a package would
        number = find_number(store, "07700 900151")
        versioned = store.db.execute(
            "SELECT json_extract(v.fields, '$.status') FROM record_ids r "
            "JOIN record_versions v ON v.gid = r.gid WHERE r.kind = 'number' AND r.local_id = ?",
            [number.id],
        ).fetchone()[0]
        assert json.loads(versioned)[0] == number.status.value
        statuses.add((number.status, versioned))
    assert len(statuses) == 1
    assert len(unit.hashes()) == 1


def test_a_status_settled_by_the_rules_where_it_is_kept_is_sent_on(
    unit: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moves made on bob and alice without knowledge of each other, all in one second (the
    order of the words decides), settled on main by the status rules: main kept withdrawn,
    having seen bob's later move back to identified, and did not send that on, so bob kept
    identified for ever, with no conflict anywhere (found by a random walk of moves)."""
    second = time.gmtime()
    monkeypatch.setattr(time, "gmtime", lambda *seconds: time.struct_time(second))
    main, alice, bob = (unit.stores[name] for name in ("main", "alice", "bob"))
    one, two = "07700 900151", "07700 900152"
    for number in (one, two):
        add_number(main, number, TONY)
    unit.send("main", "alice")
    unit.send("main", "bob")
    set_status(alice, two, Status.GATHERING_EVIDENCE)
    set_status(alice, two, Status.IDENTIFIED)
    unit.send("alice", "bob")
    unit.send("bob", "main")
    set_status(bob, one, Status.WITHDRAWN)
    set_status(alice, one, Status.GATHERING_EVIDENCE)
    unit.send("bob", "main")
    unit.send("bob", "alice")
    set_status(bob, one, Status.IDENTIFIED)
    unit.send("main", "alice")
    unit.send("main", "bob")
    unit.go_round(3)
    assert {find_number(store, one).status for store in (main, alice, bob)} == {Status.WITHDRAWN}
    assert len(unit.hashes()) == 1
