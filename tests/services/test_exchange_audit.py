"""Case packages attacked as an auditor would (issue 14's review): each test failed on the
code before its fix."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from raptor_desktop.services import exchange as ex
from raptor_desktop.services.exchange import PackageRefused, Scope
from raptor_desktop.store.exchange_conflicts import content_hash
from raptor_desktop.store.lines import add_number, update_line
from raptor_desktop.store.retention import dispose
from tests.exchange_units import (
    TONY,
    Unit,
    attach_screenshot,
    both_edit_notes,
    line_of,
    shared_tony,
)


def test_a_number_added_by_a_peer_to_a_line_disposed_here_does_not_block_the_exchange(
    unit: Unit,
) -> None:
    """Main disposes of Tony (MoPI) while alice, not knowing, adds a number to Tony. Alice's
    package must still import (the new number belongs to an erased line: not brought back);
    otherwise it is refused for ever, and, as packages must be imported in order, nothing more
    from alice can ever be imported."""
    shared_tony(unit)
    main, alice = unit.stores["main"], unit.stores["alice"]
    dispose(main, "line", line_of(main, "07700 900123"), "MoPI review")
    add_number(alice, "07700 900555", TONY)  # onto alice's Tony, same line
    ex.import_package(main, unit.package("alice", "main"))
    assert main.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 0


def _entries_naming(store, digits: str) -> list[str]:
    from tests.registers import raw_connection

    conn = raw_connection(store.path)
    try:
        texts = [r[0] for r in conn.execute("SELECT entry FROM received_log_entries")]
        texts += [
            " ".join(str(f) for f in r)
            for r in conn.execute("SELECT records, justification, recipient FROM audit_log")
        ]
    finally:
        conn.close()
    national = digits[:5] + " " + digits[5:]
    return [t for t in texts if digits in t or national in t or digits[1:] in t]


def test_a_disposal_arriving_by_package_pseudonymises_the_numbers_in_the_log(
    unit: Unit,
) -> None:
    """Alice disposes of Tony (MoPI); main applies the erasure from her package. Main's log and
    the entries it received from alice named Tony's number: a disposal made here pseudonymises
    them (test_a_disposal_leaves_nothing...), one that arrives must too."""
    alice, main = unit.stores["alice"], unit.stores["main"]
    add_number(alice, "07700 900123", TONY)
    unit.send("alice", "main")
    assert _entries_naming(main, "07700900123")  # alice's entries name it
    dispose(alice, "line", line_of(alice, "07700 900123"), "MoPI review")
    unit.send("alice", "main")
    assert main.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0
    assert _entries_naming(main, "07700900123") == []


def test_a_preview_writes_nothing_not_even_the_attached_files(unit: Unit, tmp_path: Path) -> None:
    """A preview is 'worked out and undone': it must leave no file in the attachment store
    (the attached files hold personal data, and no exhibit here refers to them)."""
    from raptor_desktop.store.demo import seed_demo
    from raptor_desktop.store.exhibits import attachment_dir
    from tests.app_fixtures import make_application

    alice, main = unit.stores["alice"], unit.stores["main"]
    seed_demo(alice)
    reference = make_application(alice)
    attach_screenshot(alice, reference, "07700 900103", tmp_path)
    package = unit.package("alice", "main", Scope(application=reference))
    ex.preview_package(main, package)
    folder = attachment_dir(main)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_refused_import_leaves_no_attached_file_behind(unit: Unit, tmp_path: Path) -> None:
    """An import refused part way (here: the reference is another application's here) has
    'changed nothing', yet the attached files were written outside its transaction."""
    from raptor_desktop.store.applications import create_application
    from raptor_desktop.store.exchange_records import MarkTaken
    from raptor_desktop.store.exhibits import attachment_dir
    from tests.app_fixtures import details

    for name in ("alice", "main"):
        add_number(unit.stores[name], "07700 900123", TONY)
        create_application(unit.stores[name], details(), ["07700 900123"])
    alice, main = unit.stores["alice"], unit.stores["main"]
    [reference] = [r[0] for r in alice.db.execute("SELECT reference FROM applications")]
    attach_screenshot(alice, reference, "07700 900123", tmp_path)
    folder = attachment_dir(main)
    before = sorted(folder.iterdir()) if folder.exists() else []
    with pytest.raises(MarkTaken):
        unit.send("alice", "main")
    after = sorted(folder.iterdir()) if folder.exists() else []
    assert after == before


def test_a_conflict_is_not_dropped_by_a_later_change_that_has_not_seen_the_other_side(
    unit: Unit,
) -> None:
    """Main holds alice's and bob's notes in conflict. Alice edits the notes again (her new
    version has seen her own, not bob's): that is still a conflict with bob's, and main must
    keep listing it; instead it is deleted, and main takes alice's value as if settled."""
    both_edit_notes(unit, "alice's note", "bob's note")
    main = unit.stores["main"]
    assert len(ex.conflicts(main)) == 1
    from tests.exchange_units import edit_tony

    edit_tony(unit.stores["alice"], notes="alice's second note")
    unit.send("alice", "main")
    assert len(ex.conflicts(main)) == 1


def test_a_disposed_number_an_application_named_does_not_block_the_next_package(
    unit: Unit,
) -> None:
    """Main disposes of Tony, whose number is on an application that stays. The application
    changed (it no longer names the number: ``number:<gid>`` -> None), and goes to alice with the
    erasures; alice erases the number first, then cannot write the application: write_application
    looks the erased number up before it sees the None."""
    from raptor_desktop.store.applications import create_application
    from tests.app_fixtures import details

    alice, main = unit.stores["alice"], unit.stores["main"]
    add_number(alice, "07700 900123", TONY)
    create_application(alice, details(), ["07700 900123"])
    unit.send("alice", "main")
    dispose(main, "line", line_of(main, "07700 900123"), "MoPI review")
    unit.send("main", "alice")
    assert alice.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 0
    # alice then amends the application (its court): main cannot take the change, because the
    # application's snapshot still has the erased number's field, and writing it looks it up
    from raptor_desktop.store.applications import save_details

    [reference] = [r[0] for r in alice.db.execute("SELECT reference FROM applications")]
    save_details(alice, reference, details(court="Southend County Court"))
    unit.send("alice", "main")
    assert main.db.execute("SELECT court FROM applications").fetchone()[0] == (
        "Southend County Court"
    )
    assert content_hash(alice) == content_hash(main)


def test_a_line_named_on_one_workstation_as_another_s_line_is_a_conflict_not_a_crash(
    unit: Unit,
) -> None:
    """Alice's unnamed line reached main; bob records a line 'Tony' that reaches main too;
    then alice names her line 'Tony'. Applying her change would break the brand's uniqueness
    in the operation: once a raw sqlite IntegrityError (a crash), then a refusal of the whole
    package; now the name is listed as a conflict on main and her line stays unnamed there."""
    alice, main, bob = unit.stores["alice"], unit.stores["main"], unit.stores["bob"]
    add_number(alice, "07700 900123", replace(TONY, brand=""))
    unit.send("alice", "main")
    add_number(bob, "07700 900999", TONY)
    unit.send("bob", "main")
    edit_line = line_of(alice, "07700 900123")
    update_line(alice, edit_line, TONY)
    applied = ex.import_package(main, unit.package("alice", "main"))
    assert applied.conflicts == 1
    brands = main.db.execute(
        "SELECT n.e164, l.brand FROM numbers n JOIN lines l ON l.id = n.line_id ORDER BY 1"
    ).fetchall()
    assert brands == [("+447700900123", ""), ("+447700900999", "Tony")]


def test_a_disposal_arriving_by_package_deletes_the_erased_exhibit_s_file(
    unit: Unit, tmp_path: Path
) -> None:
    """A disposal made here deletes the files only the erased record used
    (remove_unused_attachments); one arriving by package leaves them in the attachment store."""
    from raptor_desktop.store.applications import application_id, create_application
    from raptor_desktop.store.exhibits import attachment_dir
    from tests.app_fixtures import details

    alice, main = unit.stores["alice"], unit.stores["main"]
    add_number(alice, "07700 900123", TONY)
    create_application(alice, details(), ["07700 900123"])
    [reference] = [r[0] for r in alice.db.execute("SELECT reference FROM applications")]
    attach_screenshot(alice, reference, "07700 900123", tmp_path)
    unit.send("alice", "main")
    assert list(attachment_dir(main).iterdir())
    dispose(alice, "application", application_id(alice, reference), "MoPI review")
    unit.send("alice", "main")
    assert main.db.execute("SELECT COUNT(*) FROM exhibits").fetchone()[0] == 0
    assert list(attachment_dir(main).iterdir()) == []


def _signed(unit: Unit, body: str) -> Path:
    """A package from alice to main of ``body``, signed and sealed as it should be."""
    from nacl.signing import SigningKey

    from raptor_desktop.services.exchange import _sealed
    from raptor_desktop.store import peers

    key = SigningKey(peers.private_key(unit.stores["alice"]))
    header = {
        "format": 1,
        "from": bytes(key.verify_key).hex(),
        "from_name": "alice",
        "to": peers.identity(unit.stores["main"]).public_key.hex(),  # type: ignore[union-attr]
        "seq": 1,
        "covers_after": 0,
        "scope": "test",
        "made_at": "2026-12-01T00:00:00Z",
    }
    odd = unit.folder / "odd.raptorcase"
    odd.write_bytes(_sealed(key, bytes.fromhex(str(header["to"])), header, body))
    return odd


@pytest.mark.parametrize(
    "body",
    [
        # an attachment that is not base64
        '{"records": [], "erased": [], "log": [], "files": [["a.png", "00", "!!not base64"]]}',
        # an alias that names no record this program could make
        '{"records": [], "erased": [], "aliases": [["line", "x", "y"]], "log": [], "files": []}',
        '{"records": [], "erased": [], "aliases": [["line"]], "log": [], "files": []}',
    ],
)
def test_a_signed_package_of_another_layout_is_refused_not_a_crash(unit: Unit, body: str) -> None:
    """A peer's software that writes something else: signed and sealed as it should be, yet
    refused with a message, and nothing applied."""
    main = unit.stores["main"]
    before = content_hash(main)
    with pytest.raises(PackageRefused, match="not laid out as this version writes"):
        ex.import_package(main, _signed(unit, body))
    assert content_hash(main) == before


def test_a_package_written_before_aliases_travelled_is_read(unit: Unit) -> None:
    ex.import_package(
        unit.stores["main"], _signed(unit, '{"records": [], "erased": [], "log": [], "files": []}')
    )
    seq = unit.stores["main"].db.execute("SELECT received_seq FROM peers WHERE name = 'alice'")
    assert seq.fetchone() == (1,)
