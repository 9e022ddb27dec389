"""Random walks of status moves on three registers, the packages going round in random
orders, all in one second (the hardest case for the status rules: no time tells which move
came later). After every register has sent to every other, each holds one status under one
version per number, and they agree, unless a conflict is listed for an officer to settle.

The walks are seeded: each seed is the same walk on every run, and a failing one can be
replayed by its number. Seeds 0 and 12 found the two defects fixed with these tests."""

from __future__ import annotations

import random
import time

import pytest

from raptor_desktop.core.statuses import allowed_next
from raptor_desktop.store.exchange_versions import version_changes
from raptor_desktop.store.lines import add_number, find_number, set_status
from tests.exchange_units import NAMES, TONY, Unit

NUMBERS = ("07700 900151", "07700 900152")
ROUND = (("alice", "main"), ("bob", "main"), ("main", "alice"), ("main", "bob"))


def _walk(unit: Unit, seed: int) -> None:
    rnd = random.Random(seed)
    for number in NUMBERS:
        add_number(unit.stores["main"], number, TONY)
    unit.send("main", "alice")
    unit.send("main", "bob")
    for _step in range(12):
        who = rnd.choice(NAMES)
        if rnd.random() < 0.5:
            number = rnd.choice(NUMBERS)
            now = find_number(unit.stores[who], number).status
            set_status(unit.stores[who], number, rnd.choice(allowed_next(now)))
        else:
            unit.send(who, rnd.choice([other for other in NAMES if other != who]))
    for _ in range(3):
        for sender, receiver in ROUND:
            unit.send(sender, receiver)


@pytest.mark.parametrize("seed", [0, 3, 7, 12, 21, 33, 44, 61])
def test_a_random_walk_of_status_moves_ends_agreed_or_in_a_listed_conflict(
    unit: Unit, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = time.gmtime()
    monkeypatch.setattr(time, "gmtime", lambda *seconds: time.struct_time(second))
    _walk(unit, seed)
    conflicts = 0
    for store in unit.stores.values():
        with store.immediate():
            version_changes(store.db)
        conflicts += store.db.execute("SELECT COUNT(*) FROM exchange_conflicts").fetchone()[0]
        for number in NUMBERS:
            found = find_number(store, number)
            versioned = store.db.execute(
                "SELECT json_extract(v.fields, '$.status[0]') FROM record_ids r "
                "JOIN record_versions v ON v.gid = r.gid "
                "WHERE r.kind = 'number' AND r.local_id = ?",
                [found.id],
            ).fetchone()[0]
            assert versioned == found.status.value, (store.actor, number)
    if not conflicts:
        assert len(unit.hashes()) == 1
