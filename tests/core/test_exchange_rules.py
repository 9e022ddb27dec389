"""The merge rules of case packages, as plain rules: version vectors, fields, statuses."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raptor_desktop.core.exchange import (
    FieldState,
    Outcome,
    covers,
    fingerprint,
    later_status,
    merge_field,
    merged,
    same_fingerprint,
)

vectors = st.dictionaries(st.sampled_from("abc"), st.integers(0, 5), max_size=3)


@given(vectors, vectors)
def test_the_merged_vector_covers_both_and_nothing_more(
    a: dict[str, int], b: dict[str, int]
) -> None:
    both = merged(a, b)
    assert covers(both, a) and covers(both, b)
    assert all(both[s] in (a.get(s, 0), b.get(s, 0)) for s in both)


def test_a_field_that_has_seen_the_other_wins_and_concurrent_ones_conflict() -> None:
    old = FieldState("x", {"a": 1})
    newer = FieldState("y", {"a": 1, "b": 1})
    assert merge_field(old, newer) is Outcome.TAKE
    assert merge_field(newer, old) is Outcome.KEEP
    assert merge_field(newer, newer) is Outcome.KEEP  # the same package twice: nothing to do
    theirs = FieldState("z", {"a": 2})
    assert merge_field(newer, theirs) is Outcome.CONFLICT
    assert merge_field(newer, FieldState("y", {"a": 2})) is Outcome.SAME
    assert merge_field(None, theirs) is Outcome.TAKE


def test_two_values_of_one_version_are_not_taken_for_one() -> None:
    """Two registers that settled the same concurrent changes in different orders can hold
    one vector with two values: neither has seen the other's, so they are compared again."""
    mine, theirs = FieldState("x", {"a": 1, "b": 1}), FieldState("y", {"a": 1, "b": 1})
    assert merge_field(mine, theirs) is Outcome.CONFLICT
    assert merge_field(theirs, mine) is Outcome.CONFLICT


def test_statuses_set_on_both_sides_follow_the_status_rules_whichever_side_asks() -> None:
    ready = FieldState("ready for application", {"a": 2}, "pc1", "2026-11-01T10:00:00Z")
    withdrawn = FieldState("withdrawn", {"b": 2}, "pc2", "2026-11-02T10:00:00Z")
    assert later_status(ready, withdrawn) is withdrawn
    assert later_status(withdrawn, ready) is withdrawn
    # disconnected, then (later, elsewhere) back to identified: no such move, an officer decides
    cut = FieldState("disconnected", {"a": 3}, "pc1", "2026-11-01T10:00:00Z")
    back = FieldState("identified", {"b": 3}, "pc2", "2026-11-03T10:00:00Z")
    assert later_status(cut, back) is None and later_status(back, cut) is None


def test_a_fingerprint_is_five_groups_of_digits_typed_any_way() -> None:
    key = bytes(range(32))
    shown = fingerprint(key)
    assert [len(g) for g in shown.split()] == [5] * 5 and shown.replace(" ", "").isdigit()
    assert fingerprint(key) == shown and fingerprint(bytes(32)) != shown
    assert same_fingerprint(shown.replace(" ", "-"), key)
    assert not same_fingerprint(shown[:-1] + ("0" if shown[-1] != "0" else "1"), key)
