"""What encryption costs: the same work on the same register, sealed and in the clear.

Every register is an SQLCipher file; the lower bound is the same program's work with the
cipher off. Two copies of one register are made side by side: the sealed one, opened the way
the program opens it, and a plaintext copy exported from it (``sqlcipher_export``) and opened
with the same ``Store`` class. Each task runs on both, alternately, several times; the best
time of each side is compared. Budget (issue 10): under 15 % on the import and the Lines view.

    what | sealed ms | clear ms | ratio | budget | pass/fail
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.tabular import read_table
from raptor_desktop.store import crypto, engine
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.line_query import LineFilter, matching_ids, rows_by_id

BUDGET = 1.15
RUNS = 5
SCALE = float(os.environ.get("RAPTOR_BENCH_SCALE", "1"))  # a smaller run, to try it out
NUMBERS = int(100_000 * SCALE)


def sealed(path: Path, key: bytes) -> Store:
    return Store.open(
        path, key=key, register="bench", training=True, actor="bench", role=Role.ADMINISTRATOR
    )


def fill(store: Store) -> None:
    """NUMBERS numbers on half as many lines, in every status, written straight in: numbers
    no phone can have (sixteen digits), as this benchmark times reading them, not importing."""
    statuses = [s.value for s in Status]
    now = utc_now()
    db = store.db
    lines = max(1, NUMBERS // 2)
    with store.transaction("bench fill"):
        db.table("lines").insert_all(
            {"id": i, "brand": f"Brand{i}", "operation_id": 1, "created_at": now, "updated_at": now}
            for i in range(1, lines + 1)
        )
        db.table("line_areas").insert_all(
            {"line_id": i, "area_id": 1 + i % 14} for i in range(1, lines + 1)
        )
        db.table("numbers").insert_all(
            {
                "e164": f"+447700900{i:06d}",
                "search_digits": f"07700900{i:06d}",
                "line_id": 1 + i % lines,
                "status": statuses[i % len(statuses)],
                "first_seen": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "created_at": now,
                "updated_at": now,
            }
            for i in range(NUMBERS)
        )


def clear_copy(source: Path, target: Path, key: bytes) -> Store:
    """The sealed register at ``source`` exported to a plaintext file, opened as a Store."""
    conn = engine.connect(str(source), key)
    conn.execute("ATTACH DATABASE ? AS clear KEY ''", [str(target)])
    conn.execute("SELECT sqlcipher_export('clear')")
    conn.execute(f"PRAGMA clear.user_version = {conn.execute('PRAGMA user_version').fetchone()[0]}")
    conn.execute("DETACH DATABASE clear")
    conn.close()
    plain = engine.connect(str(target), None)
    plain.execute("PRAGMA foreign_keys = ON")
    plain.execute("PRAGMA journal_mode = WAL")
    plain.execute("PRAGMA synchronous = NORMAL")
    plain.execute("PRAGMA cache_size = -65536")  # as the program's own connections
    return Store(sqlite_utils.Database(plain), target, key, "bench", Role.ADMINISTRATOR)


def lines_view(store: Store) -> None:
    """What the Lines view asks for on opening, on a filter keystroke, and on scrolling."""
    ids = matching_ids(store, LineFilter())
    matching_ids(store, LineFilter(text="900 0123"))
    matching_ids(store, LineFilter(area="Thurrock", status=Status.IDENTIFIED))
    for start in range(0, NUMBERS // 2, max(1, NUMBERS // 20)):
        rows_by_id(store, ids[start : start + 200])


def best_of(tasks: dict[str, Callable[[], object]]) -> dict[str, float]:
    best = {name: float("inf") for name in tasks}
    for _ in range(RUNS):
        for name, task in tasks.items():  # alternately, so that drift hits both sides
            start = time.perf_counter()
            task()
            best[name] = min(best[name], (time.perf_counter() - start) * 1000)
    return best


def main() -> int:
    # Copies of one register share its id, and so its note outside the folder: not a concern
    # of this benchmark.
    logging.getLogger("raptor_desktop.store.audit_anchor").setLevel(logging.ERROR)
    key = crypto.new_key()
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["XDG_STATE_HOME"] = str(folder / "state")  # not the user's own notes
        store = sealed(folder / "view.sqlite3", key)
        fill(store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        with (
            sealed(folder / "view.sqlite3", key) as on,
            clear_copy(folder / "view.sqlite3", folder / "view-clear.sqlite3", key) as off,
        ):
            times = best_of({"sealed": lambda: lines_view(on), "clear": lambda: lines_view(off)})
        rows.append((f"Lines view over {NUMBERS:,} numbers", times["sealed"], times["clear"]))

        source = folder / "import.csv"
        source.write_text(
            "number,brand,area\n"
            + "".join(f"07700 900{i:03d},Imported{i},Thurrock\n" for i in range(1000)),
            encoding="utf-8",
        )
        table = read_table(source)
        empty = folder / "empty.sqlite3"
        sealed(empty, key).close()
        # a fresh empty register for each run of each side, opened before the clock starts
        stores: dict[str, list[Store]] = {"sealed": [], "clear": []}
        for run in range(RUNS):
            target = folder / f"sealed-{run}.sqlite3"
            shutil.copyfile(empty, target)
            stores["sealed"].append(sealed(target, key))
            stores["clear"].append(clear_copy(empty, folder / f"clear-{run}.sqlite3", key))

        def import_into(side: str) -> None:
            with stores[side].pop() as store:
                import_lines(store, table)

        times = best_of({s: (lambda s=s: import_into(s)) for s in ("sealed", "clear")})
        rows.append(("import 1,000 numbers (CSV)", times["sealed"], times["clear"]))

    failed = False
    print(f"{'what':<34} | {'sealed ms':>9} | {'clear ms':>8} | ratio | budget | result")
    for what, on_ms, off_ms in rows:
        ratio = on_ms / off_ms
        ok = ratio <= BUDGET
        failed |= not ok
        print(
            f"{what:<34} | {on_ms:9.1f} | {off_ms:8.1f} | {ratio:5.2f} | {BUDGET:6.2f} | "
            f"{'pass' if ok else 'FAIL'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
