"""A number moved to another line of its operation, logged; moved back as its undo; refused
when it has gone to court on its line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.applications import create_application, submit
from raptor_desktop.store.database import Store
from raptor_desktop.store.evidence import add_evidence
from raptor_desktop.store.lines import add_number, find_number, set_provider, set_status
from raptor_desktop.store.number_move import NoSuchLine, NumberNotMoved, move_number
from raptor_desktop.store.settings import (
    COURT_FEE,
    set_network_address,
    set_network_legal_name,
    set_value,
)
from tests.app_fixtures import details
from tests.exchange_units import TONY, Unit

JIM = replace(TONY, brand="Jim", areas=["Brentwood"])


def _last_entry(store: Store) -> tuple[str, str]:
    return store.db.execute(
        "SELECT event, records FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()


def test_a_number_moves_to_the_line_named_and_back(training_store: Store) -> None:
    add_number(training_store, "07700 900501", TONY)
    add_number(training_store, "07700 900502", TONY)
    add_number(training_store, "07700 900503", JIM)
    tony = find_number(training_store, "07700 900501").line_id
    jim = find_number(training_store, "07700 900503").line_id
    add_evidence(training_store, tony, EvidenceItem("marketing text", "Tony open 24/7"))
    moved = move_number(training_store, "07700900502", to_brand="jim")
    assert (moved.from_line, moved.to_line) == (tony, jim)
    assert find_number(training_store, "07700 900502").line_id == jim
    assert moved.said == "07700 900502 moved from line 'Tony' to line 'Jim'"
    assert _last_entry(training_store) == ("move number to another line", moved.said)
    evidence = training_store.db.execute("SELECT line_id FROM evidence").fetchall()
    assert evidence == [(tony,)]  # the evidence stays with the line it was said of
    back = move_number(training_store, "07700 900502", to_line=moved.from_line)
    assert find_number(training_store, "07700 900502").line_id == tony
    assert back.said == "07700 900502 moved from line 'Jim' to line 'Tony'"


def test_a_line_not_yet_known_is_made_in_the_numbers_operation(training_store: Store) -> None:
    add_number(training_store, "07700 900501", TONY)
    with pytest.raises(NoSuchLine, match="no line of Operation Raptor is named 'Zed'"):
        move_number(training_store, "07700 900501", to_brand=" Zed ")  # a slip, or a new line?
    moved = move_number(training_store, "07700 900501", to_brand=" Zed ", new_line=True)
    assert moved.said == "07700 900501 moved from line 'Tony' to a new line 'Zed'"
    brand, operation = training_store.db.execute(
        "SELECT brand, operation_id FROM lines WHERE id = ?", [moved.to_line]
    ).fetchone()
    kept = training_store.db.execute(
        "SELECT operation_id FROM lines WHERE id = ?", [moved.from_line]
    ).fetchone()[0]
    assert (brand, operation) == ("Zed", kept)
    areas = training_store.db.execute(  # where the number was seen: the new line serves it
        "SELECT a.name FROM line_areas la JOIN areas a ON a.id = la.area_id WHERE la.line_id = ?",
        [moved.to_line],
    ).fetchall()
    assert areas == [("Thurrock",)]


def test_nothing_changes_when_the_move_is_refused(training_store: Store) -> None:
    add_number(training_store, "07700 900501", TONY)
    before = training_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(NumberNotMoved, match="on line 'Tony' already"):
        move_number(training_store, "07700 900501", to_brand="TONY")
    with pytest.raises(InputRejected, match="name the line"):
        move_number(training_store, "07700 900501", to_brand="  ")
    after = training_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert after == before
    assert training_store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 1


def test_a_number_gone_to_court_on_its_line_stays_on_it(training_store: Store) -> None:
    add_number(training_store, "07700 900501", TONY)
    add_number(training_store, "07700 900503", JIM)
    set_status(training_store, "07700 900501", Status.GATHERING_EVIDENCE)
    set_status(training_store, "07700 900501", Status.READY)
    set_provider(training_store, "07700 900501", "EE")
    set_network_address(training_store, "EE", "EE Law Enforcement Liaison, Bristol")
    set_network_legal_name(training_store, "EE", "EE Limited")
    set_value(training_store, COURT_FEE, "332.00")
    reference = create_application(training_store, details(), ["07700 900501"])
    move_number(training_store, "07700 900501", to_brand="Jim")  # a draft: it may move
    move_number(training_store, "07700 900501", to_brand="Tony")
    tony = find_number(training_store, "07700 900501").line_id
    add_evidence(
        training_store,
        tony,
        EvidenceItem("test purchase", "£20 of crack, Grays", date(2026, 11, 20)),
    )
    submit(training_store, reference)
    with pytest.raises(NumberNotMoved, match=f"named in {reference}, which has gone to court"):
        move_number(training_store, "07700 900501", to_brand="Jim")
    assert find_number(training_store, "07700 900501").status is Status.IN_APPLICATION


def test_a_replacement_number_stays_on_the_line_of_the_number_it_replaced(
    training_store: Store,
) -> None:
    add_number(training_store, "07700 900501", TONY)
    add_number(training_store, "07700 900502", TONY, replaces="07700 900501")
    for number, other in (("07700 900502", "07700 900501"), ("07700 900501", "07700 900502")):
        with pytest.raises(NumberNotMoved, match=f"linked to {other} as a replacement"):
            move_number(training_store, number, to_brand="Jim", new_line=True)
    lines = training_store.db.execute("SELECT DISTINCT line_id FROM numbers").fetchall()
    assert len(lines) == 1


def test_a_lines_only_number_does_not_leave_its_evidence_on_a_line_with_none(
    training_store: Store,
) -> None:
    """A line with no number is in no list of the window: its evidence would be out of
    sight. If the evidence is the number's too, the two lines are one (a merge moves it)."""
    add_number(training_store, "07700 900501", TONY)
    add_number(training_store, "07700 900503", JIM)
    tony = find_number(training_store, "07700 900501").line_id
    add_evidence(
        training_store,
        tony,
        EvidenceItem("test purchase", "£20 of crack, Grays", date(2026, 11, 20)),
    )
    with pytest.raises(NumberNotMoved, match="only number of line 'Tony'.*1 item of evidence"):
        move_number(training_store, "07700 900501", to_brand="Jim")
    assert find_number(training_store, "07700 900501").line_id == tony
    add_number(training_store, "07700 900502", TONY)  # with another number, the line stays seen
    assert move_number(training_store, "07700 900501", to_brand="Jim").from_line == tony
    zed = move_number(training_store, "07700 900503", to_brand="Zed", new_line=True).to_line
    moved = move_number(
        training_store, "07700 900503", to_brand="Kay", new_line=True
    )  # Zed has no evidence
    assert moved.from_line == zed


def test_a_move_travels_to_the_peers_in_the_next_case_package(unit: Unit) -> None:
    main, alice = unit.stores["main"], unit.stores["alice"]
    add_number(main, "07700 900501", TONY)
    add_number(main, "07700 900502", TONY)
    unit.send("main", "alice")
    moved = move_number(main, "07700 900502", to_brand="Zed", new_line=True)
    unit.send("main", "alice")
    brand = _brand_of(alice, "+447700900502")
    assert brand == "Zed"
    assert find_number(alice, "07700 900501").line_id != find_number(alice, "07700 900502").line_id
    move_number(main, "07700 900502", to_line=moved.from_line)  # the window's undo
    unit.send("main", "alice")
    assert _brand_of(alice, "+447700900502") == "Tony"


def _brand_of(store: Store, e164: str) -> str:
    return store.db.execute(
        "SELECT l.brand FROM numbers n JOIN lines l ON l.id = n.line_id WHERE n.e164 = ?",
        [e164],
    ).fetchone()[0]


def test_a_provider_not_on_the_networks_list_is_refused_and_nothing_is_stored(
    training_store: Store,
) -> None:
    add_number(training_store, "07700 900501", TONY)
    before = training_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(InputRejected, match="did you mean Vodafone"):
        set_provider(training_store, "07700 900501", "Vodaphone")
    stored = training_store.db.execute("SELECT provider_confirmed FROM numbers").fetchone()[0]
    assert stored == ""
    assert training_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before
    assert set_provider(training_store, "07700 900501", "GIFFGAFF")[1] == "giffgaff"
