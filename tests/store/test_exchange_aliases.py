"""What a package says is one record (an alias and the global id it stands for), applied
here: made one, recorded for later, erased with its other, or left apart and said."""

from __future__ import annotations

from dataclasses import replace

from raptor_desktop.store.database import Store
from raptor_desktop.store.exchange_aliases import apply_aliases
from raptor_desktop.store.exchange_ids import is_erased, local_of
from raptor_desktop.store.lines import add_number, find_number
from tests.exchange_units import TONY

ALIAS = "01900000-0000-7000-8000-000000000001"
OTHER = "01900000-0000-7000-8000-000000000002"


def _line_gid(store: Store, number: str) -> tuple[int, str]:
    line_id = find_number(store, number).line_id
    (gid,) = store.db.execute(
        "SELECT gid FROM record_ids WHERE kind = 'line' AND local_id = ?", [line_id]
    ).fetchone()
    return line_id, str(gid)


def _clock(store: Store) -> int:
    return int(store.db.execute("SELECT n FROM exchange_clock").fetchone()[0])


def test_a_record_held_here_under_the_alias_is_made_one_once(training_store: Store) -> None:
    add_number(training_store, "07700 900141", TONY)
    line_id, here = _line_gid(training_store, "07700 900141")
    other = "00000000-0000-7000-8000-000000000000"  # less than any id made now: kept
    with training_store.db.conn:
        assert apply_aliases(training_store.db, [["line", here, other]]) == []
    assert local_of(training_store.db, "line", other) == line_id
    assert local_of(training_store.db, "line", here) == line_id  # the old id still finds it
    ticks = _clock(training_store)
    with training_store.db.conn:  # told again (the record changed again there): nothing to do
        assert apply_aliases(training_store.db, [["line", here, other]]) == []
    assert _clock(training_store) == ticks  # not changed here, so not sent back


def test_an_alias_of_a_record_new_here_is_kept_for_what_names_it(training_store: Store) -> None:
    with training_store.db.conn:
        apply_aliases(training_store.db, [["line", OTHER, ALIAS]])
    row = training_store.db.execute(
        "SELECT gid FROM gid_aliases WHERE alias = ?", [OTHER]
    ).fetchone()
    assert row == (ALIAS,)


def test_two_lines_here_that_are_one_on_the_sender_are_made_one(training_store: Store) -> None:
    add_number(training_store, "07700 900141", TONY)
    add_number(training_store, "07700 900142", replace(TONY, brand="Jim"))
    (tony, tony_gid), (jim, jim_gid) = (
        _line_gid(training_store, n) for n in ("07700 900141", "07700 900142")
    )
    with training_store.db.conn:
        said = apply_aliases(training_store.db, [["line", jim_gid, tony_gid]])
    assert said == []
    assert local_of(training_store.db, "line", jim_gid) == tony
    assert find_number(training_store, "07700 900142").line_id == tony


def test_two_lines_here_that_cannot_be_made_one_are_left_apart_and_said(
    training_store: Store,
) -> None:
    add_number(training_store, "07700 900141", TONY)
    add_number(training_store, "07700 900142", replace(TONY, brand="Jim", operation="Op Two"))
    (tony, tony_gid), (jim, jim_gid) = (
        _line_gid(training_store, n) for n in ("07700 900141", "07700 900142")
    )
    with training_store.db.conn:
        said = apply_aliases(training_store.db, [["line", jim_gid, tony_gid]])
    assert said == [
        "line Jim and line Tony are one record on the sender, two here: line 'Tony' and "
        "line 'Jim' are lines of two operations: move one to the other's operation first"
    ]
    assert local_of(training_store.db, "line", jim_gid) == jim


def test_a_record_erased_here_under_one_id_stays_erased_under_the_other(
    training_store: Store,
) -> None:
    db = training_store.db
    with db.conn:
        db.execute(
            "INSERT INTO erased_records (gid, kind, changed, erased_at) "
            "VALUES (?, 'line', 0, '2026-12-01T10:00:00Z')",
            [ALIAS],
        )
        assert apply_aliases(db, [["line", ALIAS, OTHER]]) == []
    assert is_erased(db, OTHER)


def test_a_conflict_whose_other_side_the_record_has_seen_since_is_no_longer_listed(
    training_store: Store,
) -> None:
    from raptor_desktop.core.exchange import FieldState
    from raptor_desktop.store.exchange_conflicts import drop_settled

    db = training_store.db
    with db.conn:
        for name in ("notes", "brand"):
            db.execute(
                "INSERT INTO exchange_conflicts (gid, kind, field, local, remote, peer, "
                'found_at) VALUES (?, \'line\', ?, \'["mine", {"a": 1}, "", ""]\', '
                '\'["theirs", {"b": 1}, "", ""]\', \'bob\', \'2026-12-01T10:00:00Z\')',
                [ALIAS, name],
            )
        drop_settled(
            db,
            ALIAS,
            {
                "notes": FieldState("both", {"a": 1, "b": 1}),  # has seen bob's: settled
                "brand": FieldState("mine", {"a": 2}),  # changed again here, not seen it
            },
        )
    assert db.execute("SELECT field FROM exchange_conflicts").fetchall() == [("brand",)]
