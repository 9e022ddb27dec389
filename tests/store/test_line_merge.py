"""Two lines found to be one deal line, made one: everything of the other moves to the one
kept, in one transaction with its log entry, and what either was called is kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import NotPermitted, Role
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.store.closures import record_type1_closure
from raptor_desktop.store.database import Store
from raptor_desktop.store.evidence import add_evidence
from raptor_desktop.store.exchange_ids import is_erased, local_of
from raptor_desktop.store.line_merge import LinesNotMerged, merge_lines
from raptor_desktop.store.lines import add_number, find_number
from tests.exchange_units import TONY
from tests.registers import open_store

JIM = replace(TONY, brand="Jim", areas=["Brentwood"], drugs=["heroin"], notes="runner on a bike")


def _two_lines(store: Store) -> tuple[int, int]:
    add_number(store, "07700 900501", TONY)
    add_number(store, "07700 900502", JIM)
    add_number(store, "07700 900503", JIM)
    return find_number(store, "07700 900501").line_id, find_number(store, "07700 900502").line_id


def _gid(store: Store, line_id: int) -> str:
    row = store.db.execute(
        "SELECT gid FROM record_ids WHERE kind = 'line' AND local_id = ?", [line_id]
    ).fetchone()
    return str(row[0])


def test_the_other_line_s_numbers_evidence_and_words_move_to_the_one_kept(
    training_store: Store,
) -> None:
    tony, jim = _two_lines(training_store)
    add_evidence(training_store, jim, EvidenceItem("marketing text", "Jim's bulk text"))
    gids = {_gid(training_store, tony), _gid(training_store, jim)}
    said = merge_lines(training_store, tony, jim)
    assert said == "line 'Jim' made part of line 'Tony'"
    db = training_store.db
    assert {find_number(training_store, f"07700 90050{n}").line_id for n in (1, 2, 3)} == {tony}
    assert db.execute("SELECT line_id FROM evidence").fetchall() == [(tony,)]
    assert db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 1
    brand, notes = db.execute("SELECT brand, notes FROM lines WHERE id = ?", [tony]).fetchone()
    assert brand == "Tony"
    assert (
        notes == "first seen\nrunner on a bike\nAlso called 'Jim' (a line made part of this one)."
    )
    areas = db.execute(
        "SELECT a.name FROM line_areas la JOIN areas a ON a.id = la.area_id "
        "WHERE la.line_id = ? ORDER BY 1",
        [tony],
    ).fetchall()
    drugs = db.execute("SELECT drug FROM line_drugs WHERE line_id = ? ORDER BY 1", [tony])
    assert areas == [("Brentwood",), ("Thurrock",)]
    assert drugs.fetchall() == [("crack cocaine",), ("heroin",)]
    entry = db.execute("SELECT event, records FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert entry == ("make two lines one", said)
    # one record under the lesser of the two global ids; the other an alias, not an erasure
    assert _gid(training_store, tony) == min(gids)
    assert {local_of(db, "line", gid) for gid in gids} == {tony}
    assert not any(is_erased(db, gid) for gid in gids)


def test_an_unnamed_line_kept_takes_the_other_s_brand(training_store: Store) -> None:
    add_number(training_store, "07700 900501", replace(TONY, brand=""))
    add_number(training_store, "07700 900502", JIM)
    unnamed, jim = (find_number(training_store, f"07700 90050{n}").line_id for n in (1, 2))
    merge_lines(training_store, unnamed, jim)
    row = training_store.db.execute("SELECT brand, notes FROM lines").fetchall()
    assert row == [("Jim", "first seen\nrunner on a bike")]


def test_lines_that_cannot_be_one_are_refused_and_nothing_changes(training_store: Store) -> None:
    tony, jim = _two_lines(training_store)
    add_number(training_store, "07700 900504", replace(TONY, brand="Kay", operation="Op Two"))
    kay = find_number(training_store, "07700 900504").line_id
    for number in ("07700 900501", "07700 900502"):
        record_type1_closure(training_store, number, date(2026, 11, 2), "charged: PSD/1")
    before = training_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    for other, why in (
        (tony, "on the same line already"),
        (kay, "lines of two operations"),
        (jim, "both recorded closed"),
    ):
        with pytest.raises(LinesNotMerged, match=why):
            merge_lines(training_store, tony, other)
    assert training_store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 3
    assert training_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before


def test_a_closure_of_the_other_line_moves_to_the_one_kept(training_store: Store) -> None:
    tony, jim = _two_lines(training_store)
    record_type1_closure(training_store, "07700 900502", date(2026, 11, 2), "charged: PSD/1")
    merge_lines(training_store, tony, jim)
    db = training_store.db
    assert db.execute("SELECT line_id, note FROM line_closures").fetchall() == [
        (tony, "charged: PSD/1")
    ]
    assert db.execute("SELECT local_id FROM record_ids WHERE kind = 'closure'").fetchall() == [
        (tony,)
    ]


def test_an_officer_may_not_make_two_lines_one(tmp_path: Path) -> None:
    with open_store(tmp_path / "r.sqlite3", training=True, role=Role.OFFICER) as store:
        tony, jim = _two_lines(store)
        with pytest.raises(NotPermitted, match="supervisor"):
            merge_lines(store, tony, jim)
        assert store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 2
