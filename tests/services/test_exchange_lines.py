"""Case packages and lines' names: a line renamed, a name passed between lines or swapped,
a name two lines were given, lines made one on one workstation or found to be one on another.
Whatever order the packages take, the registers end with the same lines, or a conflict
listed for an officer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from raptor_desktop.services import exchange as ex
from raptor_desktop.services.exchange import Scope
from raptor_desktop.store.database import Store
from raptor_desktop.store.exchange_conflicts import content_hash
from raptor_desktop.store.lines import add_number, find_number, update_line
from tests.exchange_units import (
    TONY,
    Unit,
    line_of,
)


def test_a_brand_given_to_a_new_line_after_its_line_was_renamed_stays_two_lines(
    unit: Unit,
) -> None:
    """Alice renames Tony to Tony2 and starts a new line called Tony: main, which still knows
    the first line as Tony, must not take the new Tony for it."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    add_number(alice, "07700 900121", TONY)
    unit.send("alice", "main")
    update_line(alice, line_of(alice, "07700 900121"), replace(TONY, brand="Tony2"))
    add_number(alice, "07700 900122", TONY)
    update_line(alice, line_of(alice, "07700 900121"), replace(TONY, brand="Tony2", notes="x"))
    unit.send("alice", "main")
    assert main.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 2
    assert content_hash(main) == content_hash(alice)


@pytest.mark.parametrize("touched", [False, True])
def test_a_name_given_here_and_to_a_new_line_there_merges_whatever_the_package_carries(
    unit: Unit, touched: bool
) -> None:
    """Main renames alice's line Jim to Tony; alice, unaware, starts a new line Tony. Her new
    Tony is made one with main's, as by name, whether or not her package also carries Jim
    (everything again, or Jim's notes edited): the same registers, the same result."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    jim = replace(TONY, brand="Jim")
    add_number(alice, "07700 900121", jim)
    unit.send("alice", "main")
    update_line(main, line_of(main, "07700 900121"), replace(jim, brand="Tony"))
    add_number(alice, "07700 900122", TONY)
    if touched:
        update_line(alice, line_of(alice, "07700 900121"), replace(jim, notes="seen"))
    for scope in (Scope(), Scope(again=True)):
        ex.import_package(main, unit.package("alice", "main", scope))
        assert main.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 1
        assert line_of(main, "07700 900121") == line_of(main, "07700 900122")


def _two_lines_sent(unit: Unit) -> tuple[int, int]:
    alice = unit.stores["alice"]
    add_number(alice, "07700 900121", TONY)
    add_number(alice, "07700 900122", replace(TONY, brand="Jim"))
    unit.send("alice", "main")
    return line_of(alice, "07700 900121"), line_of(alice, "07700 900122")


def test_a_name_passed_from_one_line_to_another_arrives(unit: Unit) -> None:
    """Alice renames Tony to Tony2, then gives Jim's line the name Tony: main applies Jim's
    rename once Tony's has arrived, though the package carries Jim's first."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    tony_line, jim_line = _two_lines_sent(unit)
    update_line(alice, tony_line, replace(TONY, brand="Tony2"))
    update_line(alice, jim_line, replace(TONY, brand="Tony"))
    update_line(alice, tony_line, replace(TONY, brand="Tony2", notes="x"))
    unit.send("alice", "main")
    assert content_hash(main) == content_hash(alice)
    assert main.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 2


def test_two_names_swapped_arrive_swapped(unit: Unit) -> None:
    """Swapped through a third name on the sender, each line waits here for the other to let
    go of its name: one of them lets go first, within the package's transaction."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    tony_line, jim_line = _two_lines_sent(unit)
    update_line(alice, tony_line, replace(TONY, brand="tmp"))
    update_line(alice, jim_line, replace(TONY, brand="Tony"))
    update_line(alice, tony_line, replace(TONY, brand="Jim"))
    unit.send("alice", "main")
    assert content_hash(main) == content_hash(alice)
    assert line_of(main, "07700 900121") != line_of(main, "07700 900122")
    brands = main.db.execute(
        "SELECT n.e164, l.brand FROM numbers n JOIN lines l ON l.id = n.line_id ORDER BY 1"
    ).fetchall()
    assert brands == [("+447700900121", "Jim"), ("+447700900122", "Tony")]


def test_three_names_turned_round_arrive(unit: Unit) -> None:
    alice, main = unit.stores["alice"], unit.stores["main"]
    tony_line, jim_line = _two_lines_sent(unit)
    add_number(alice, "07700 900123", replace(TONY, brand="Kay"))
    unit.send("alice", "main")
    kay_line = line_of(alice, "07700 900123")
    update_line(alice, tony_line, replace(TONY, brand="tmp"))
    update_line(alice, kay_line, replace(TONY, brand="Tony"))
    update_line(alice, jim_line, replace(TONY, brand="Kay"))
    update_line(alice, tony_line, replace(TONY, brand="Jim"))
    unit.send("alice", "main")
    assert content_hash(main) == content_hash(alice)
    assert main.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 3


def test_a_swap_there_and_a_rename_here_of_one_of_the_lines_is_a_conflict(unit: Unit) -> None:
    """Main renames Jim's line while Alice swaps the two names: Tony's line takes Jim, which
    no line holds here any more, and Jim's line keeps main's name, its other listed."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    tony_line, jim_line = _two_lines_sent(unit)
    update_line(main, line_of(main, "07700 900122"), replace(TONY, brand="Jimmy"))
    update_line(alice, tony_line, replace(TONY, brand="tmp"))
    update_line(alice, jim_line, replace(TONY, brand="Tony"))
    update_line(alice, tony_line, replace(TONY, brand="Jim"))
    unit.send("alice", "main")
    brands = main.db.execute(
        "SELECT n.e164, l.brand FROM numbers n JOIN lines l ON l.id = n.line_id ORDER BY 1"
    ).fetchall()
    assert brands == [("+447700900121", "Jim"), ("+447700900122", "Jimmy")]
    conflicts = main.db.execute(
        "SELECT kind, field, json_extract(local, '$[0]'), json_extract(remote, '$[0]') "
        "FROM exchange_conflicts"
    ).fetchall()
    assert conflicts == [("line", "brand", "Jimmy", "Tony")]


def test_a_name_another_line_keeps_here_is_listed_as_a_conflict_and_the_rest_applied(
    unit: Unit,
) -> None:
    """Alice renames her line Jim, and adds to its notes, while main records another line
    Jim: the package was refused whole, and every later one with it. Now her line keeps its
    name on main, the two names are listed for an officer, and her notes arrive."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    add_number(alice, "07700 900121", TONY)
    unit.send("alice", "main")
    add_number(main, "07700 900122", replace(TONY, brand="Jim"))
    line = line_of(alice, "07700 900121")
    update_line(alice, line, replace(TONY, brand="Jim", notes="seen at Grays"))
    applied = ex.import_package(main, unit.package("alice", "main"))
    assert applied.conflicts == 1
    tony = main.db.execute(
        "SELECT l.brand, l.notes FROM lines l JOIN numbers n ON n.line_id = l.id "
        "WHERE n.e164 = '+447700900121'"
    ).fetchone()
    assert tony == ("Tony", "seen at Grays")
    conflict = main.db.execute(
        "SELECT field, json_extract(local, '$[0]'), json_extract(remote, '$[0]'), peer "
        "FROM exchange_conflicts"
    ).fetchall()
    assert conflict == [("brand", "Tony", "Jim", "alice")]
    add_number(alice, "07700 900123", replace(TONY, brand="Jim"))
    unit.send("alice", "main")  # the next package is not held up by it
    assert find_number(main, "07700 900123").line_id == line_of(main, "07700 900121")


def _gid_of_line(store: Store, number: str) -> str:
    return str(
        store.db.execute(
            "SELECT gid FROM record_ids WHERE kind = 'line' AND local_id = ?",
            [line_of(store, number)],
        ).fetchone()[0]
    )


def test_a_line_made_one_on_a_peer_is_made_one_here_too(unit: Unit) -> None:
    """Bob's line, renamed Tony, is made one with main's new line Tony when that arrives, and
    keeps bob's global id (the lesser); bob then clears the name. Main, told that its Tony is
    bob's line, makes them one as well: one line on both, not two on main."""
    main, bob = unit.stores["main"], unit.stores["bob"]
    add_number(bob, "07700 900132", replace(TONY, brand="Jim"))
    update_line(bob, line_of(bob, "07700 900132"), TONY)
    add_number(main, "07700 900131", TONY)
    assert _gid_of_line(bob, "07700 900132") < _gid_of_line(main, "07700 900131")
    unit.send("main", "bob")
    assert line_of(bob, "07700 900131") == line_of(bob, "07700 900132")
    update_line(bob, line_of(bob, "07700 900132"), replace(TONY, brand=""))
    unit.send("bob", "main")
    unit.send("main", "bob")
    for store in (main, bob):
        assert store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 1
        assert line_of(store, "07700 900131") == line_of(store, "07700 900132")
    assert content_hash(main) == content_hash(bob)
    assert main.db.execute("SELECT COUNT(*) FROM exchange_conflicts").fetchone()[0] == 0


def test_two_lines_made_one_on_one_workstation_are_made_one_on_the_others(unit: Unit) -> None:
    from raptor_desktop.store.line_merge import merge_lines

    main, alice, bob = (unit.stores[name] for name in ("main", "alice", "bob"))
    _two_lines_sent(unit)
    unit.send("main", "bob")
    merge_lines(alice, line_of(alice, "07700 900121"), line_of(alice, "07700 900122"))
    unit.send("alice", "main")
    unit.send("main", "bob")
    for store in (main, alice, bob):
        assert store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 1
        assert line_of(store, "07700 900121") == line_of(store, "07700 900122")
        assert store.db.execute("SELECT COUNT(*) FROM erased_records").fetchone()[0] == 0
    assert len(unit.hashes()) == 1
    unit.send("bob", "main")  # and nothing comes back to undo it
    unit.send("main", "alice")
    assert len(unit.hashes()) == 1


def test_a_line_made_one_here_by_a_peer_s_word_settles_as_the_peer_s_conflict_does(
    unit: Unit,
) -> None:
    """Bob renames his line Tony, with his own notes, and main's new line Tony arrives: bob
    makes them one, keeping his notes and listing main's as a conflict. Main, told they are
    one, makes its two lines one and lists the same conflict. Settled on main, the decision
    ends it on bob too, and no conflict is left over: main's line keeps what both lines had
    seen (it forgot its own, and bob's conflict stood for ever), and a number's line named by
    the id it was made one under is the same line (a conflict of one line with itself)."""
    main, bob = unit.stores["main"], unit.stores["bob"]
    add_number(bob, "07700 900160", replace(TONY, brand="Jim"))
    unit.send("bob", "main")
    line = line_of(bob, "07700 900160")
    update_line(bob, line, replace(TONY, brand="Jim", notes="runner on a bike"))
    add_number(main, "07700 900161", TONY)
    update_line(bob, line, replace(TONY, brand="Tony", notes="runner on a bike"))
    unit.send("main", "bob")
    assert bob.db.execute("SELECT field FROM exchange_conflicts").fetchall() == [("notes",)]
    unit.go_round()
    [listed] = ex.conflicts(main)
    assert listed.field == "notes" and listed.remote.value == "runner on a bike"
    ex.resolve_conflict(main, listed.id, "theirs")
    unit.go_round(2)
    for store in unit.stores.values():
        assert store.db.execute("SELECT COUNT(*) FROM exchange_conflicts").fetchone()[0] == 0
        assert store.db.execute("SELECT brand, notes FROM lines").fetchall() == [
            ("Tony", "runner on a bike")
        ]
    assert len(unit.hashes()) == 1
