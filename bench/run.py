"""Benchmarks with budgets: the Lines view over 100,000 numbers, a 20,000-row line import and
a 3,000-row contacts import (a seized phone can hold over 2,000 contacts).

Run with `make bench`. Exits 1 if a budget is exceeded. Numbers for scale are synthetic: the
drama range holds only 1,000, so the other rows use 12-digit national numbers ("+447700900"
followed by six digits), which no real phone can have.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.contacts import ContactDefaults
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.tabular import read_table
from raptor_desktop.store import crypto
from raptor_desktop.store.contacts import (
    contact_ids,
    contacts_by_id,
    import_contacts,
    list_contacts,
)
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.line_query import LineFilter, matching_ids, rows_by_id

ROWS = 100_000
BUDGETS_MS = {
    "ids, no filter, by number": 400,
    "ids, sorted by areas": 1500,
    "ids, filter by partial number": 400,
    "ids, filter by brand": 400,
    "ids, filter by area and status": 400,
    "one block of 200 rows": 50,
    "model reset + first screen": 600,
    "import 20,000 rows (per 1,000)": 400,
    "import 3,000 contacts (per 1,000)": 400,
    "contacts view, 50,000 contacts": 600,
    "contacts search, 50,000 contacts": 200,
}


def bench_store(path: Path) -> Store:
    """A new training register, encrypted as every register is, with an administrator acting."""
    return Store.open(
        path,
        key=crypto.new_key(),
        register=f"bench-{path.stem}",
        training=True,
        actor="bench",
        role=Role.ADMINISTRATOR,
    )


def fill(store: Store) -> None:
    statuses = [s.value for s in Status]
    now = utc_now()
    db = store.db
    with store.transaction("bench fill"):
        db.table("lines").insert_all(
            {"id": i, "brand": f"Brand{i}", "operation_id": 1, "created_at": now, "updated_at": now}
            for i in range(1, ROWS // 2 + 1)
        )
        db.table("line_areas").insert_all(
            {"line_id": i, "area_id": 1 + i % 14} for i in range(1, ROWS // 2 + 1)
        )
        db.table("numbers").insert_all(
            {
                "e164": f"+447700900{i:06d}",
                "search_digits": f"07700900{i:06d}",
                "line_id": 1 + i % (ROWS // 2),
                "status": statuses[i % len(statuses)],
                "first_seen": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "created_at": now,
                "updated_at": now,
            }
            for i in range(ROWS)
        )


def timed(label: str, action: Callable[[], object], results: dict[str, float]) -> None:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    results[label] = statistics.median(runs)


def model_first_screen(store: Store) -> None:
    from PySide6.QtWidgets import QApplication

    from raptor_desktop.gui.lines_model import LinesTableModel

    QApplication.instance() or QApplication([])
    model = LinesTableModel(store)
    for row in range(40):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))


def fill_contacts(store: Store, count: int) -> None:
    """Synthetic contacts (12-digit numbers no phone can have), two findings each."""
    now = utc_now()
    with store.transaction("bench fill contacts"):
        first = store.db.execute("SELECT COALESCE(MAX(id), 0) FROM contacts").fetchone()[0] + 1
        store.db.table("contacts").insert_all(
            {
                "id": first + i,
                "e164": f"+447700901{i:06d}",
                "search_digits": f"07700901{i:06d}",
                "created_at": now,
                "updated_at": now,
            }
            for i in range(count)
        )
        store.db.table("contact_links").insert_all(
            {
                "contact_id": first + i % count,
                "number_id": 1 + (i + i // count) % 100,
                "source": "seized phone",
                "found_on": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
            }
            for i in range(2 * count)
        )


def bench_contacts(folder: Path, results: dict[str, float]) -> bool:
    """100 deal lines, then 3,000 rows naming 900 contacts across them (links and merges)."""
    store = bench_store(folder / "contacts.sqlite3")
    lines = folder / "lines.csv"
    lines.write_text(
        "number\n" + "".join(f"07700 900{i:03d}\n" for i in range(100)), encoding="utf-8"
    )
    import_lines(store, read_table(lines))
    contacts = folder / "contacts.csv"
    contacts.write_text(
        "number,deal line\n"
        + "".join(
            f"07700 900{100 + i % 900:03d},07700 900{(i + i // 900) % 100:03d}\n"
            for i in range(3_000)
        ),
        encoding="utf-8",
    )
    start = time.perf_counter()
    result = import_contacts(store, read_table(contacts), ContactDefaults())
    results["import 3,000 contacts (per 1,000)"] = (time.perf_counter() - start) * 1000 / 3
    fill_contacts(store, 50_000)
    timed(
        "contacts view, 50,000 contacts",
        lambda: contacts_by_id(store, contact_ids(store)[:200]),
        results,
    )
    timed("contacts search, 50,000 contacts", lambda: list_contacts(store, "901 0234"), results)
    store.close()
    print(f"contacts: {result.summary()}, unchanged {result.unchanged}")
    if result.rejected:
        print("contacts rejected rows: the benchmark data is wrong")
    return not result.rejected


def main() -> int:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_STATE_HOME"] = str(Path(folder) / "state")  # not the user's own notes
        store = bench_store(Path(folder) / "bench.sqlite3")
        fill(store)
        timed("ids, no filter, by number", lambda: matching_ids(store, LineFilter()), results)
        timed(
            "ids, sorted by areas", lambda: matching_ids(store, LineFilter(sort="areas")), results
        )
        timed(
            "ids, filter by partial number",
            lambda: matching_ids(store, LineFilter(text="900 0123")),
            results,
        )
        timed(
            "ids, filter by brand", lambda: matching_ids(store, LineFilter(text="Brand77")), results
        )
        timed(
            "ids, filter by area and status",
            lambda: matching_ids(store, LineFilter(area="Thurrock", status=Status.IDENTIFIED)),
            results,
        )
        ids = matching_ids(store, LineFilter())
        timed("one block of 200 rows", lambda: rows_by_id(store, ids[50_000:50_200]), results)
        timed("model reset + first screen", lambda: model_first_screen(store), results)
        store.close()

        source = Path(folder) / "import.csv"
        # 20,000 rows over the 1,000 drama numbers: 1,000 new numbers, then merges.
        body = "".join(
            f"07700 900{i % 1000:03d},Imported{i % 1000},Thurrock\n" for i in range(20_000)
        )
        source.write_text("number,brand,area\n" + body, encoding="utf-8")
        importer = bench_store(Path(folder) / "import.sqlite3")
        start = time.perf_counter()
        result = import_lines(importer, read_table(source))
        elapsed = (time.perf_counter() - start) * 1000
        results["import 20,000 rows (per 1,000)"] = elapsed / 20
        print(f"import: {result.summary()}, unchanged {result.unchanged}")
        if result.rejected:
            print("import rejected rows: the benchmark data is wrong")
            return 1
        importer.close()
        if not bench_contacts(Path(folder), results):
            return 1

    failed = False
    for label, value in results.items():
        budget = BUDGETS_MS[label]
        mark = "ok  " if value <= budget else "OVER"
        failed |= value > budget
        print(f"{mark} {label:<34} {value:8.1f} ms   (budget {budget} ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
