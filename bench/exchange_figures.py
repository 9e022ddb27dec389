"""Case packages at a unit's scale (issue 14): 10,000 changed numbers exported by one register
and imported by another, against the same changes applied by the normal import.

The figure is the whole exchange as officers do it: the sender versions its changes, writes
the package (signed and encrypted to the receiver), and the receiver checks, opens and applies
it in one transaction. The bound is the least a register does to take those numbers in: the
same spreadsheet imported into an empty register (each run gets fresh registers, untimed).
"""

from __future__ import annotations

from pathlib import Path

from measure import Figure, best_of, new_register

from raptor_desktop.core.exchange import fingerprint
from raptor_desktop.core.tabular import read_table
from raptor_desktop.services import exchange as ex
from raptor_desktop.services.imports import lines_importer
from raptor_desktop.services.session import Session

CHANGED = 10_000
"""Numbers changed, or all of them in a smaller run (``RAPTOR_BENCH_SCALE``)."""


def _import(session: Session, sheet: Path, changed: int) -> None:
    with session.connect() as store:
        result = lines_importer()(store, read_table(sheet), None)
    assert result.imported == changed and not result.rejected, result.summary()


def exchange_figures(folder: Path, numbers: list[str]) -> list[Figure]:
    changed = min(CHANGED, len(numbers))
    sheet = folder / "changed.csv"
    sheet.write_text(
        "number,brand,area\n"
        + "".join(f"{n},Line{i // 4},Thurrock\n" for i, n in enumerate(numbers[:changed])),
        encoding="utf-8",
    )
    runs: dict[str, list[Session]] = {"figure": [], "bound": []}
    made = [0]

    def fresh(name: str) -> None:
        made[0] += 1
        n = made[0]
        if name == "bound":
            runs[name] = [new_register(folder / f"plain-{n}.sqlite3")]
            return
        sender = new_register(folder / f"sender-{n}.sqlite3")
        receiver = new_register(folder / f"receiver-{n}.sqlite3")
        with sender.connect() as a, receiver.connect() as b:
            for store, name_of in ((a, "sender"), (b, "receiver")):
                ex.set_up_identity(store, name_of)
                ex.write_identity_file(store, folder / f"{name_of}-{n}.json")
            for store, other in ((a, "receiver"), (b, "sender")):
                card = folder / f"{other}-{n}.json"
                ex.add_peer(store, card, fingerprint(ex.read_identity_file(card).public_key))
        _import(sender, sheet, changed)
        runs[name] = [sender, receiver]

    def exchange() -> None:
        sender, receiver = runs["figure"]
        with sender.connect() as a:
            package = ex.export_package(
                a, "receiver", ex.Scope(), folder / f"package-{made[0]}", "benchmark"
            ).path
        with receiver.connect() as b:
            applied = ex.import_package(b, package)
        lines = (changed + 3) // 4
        assert applied.added == changed * 2 + lines, applied.summary()

    times = best_of(
        {"figure": exchange, "bound": lambda: _import(runs["bound"][0], sheet, changed)}, fresh
    )
    return [
        Figure(
            f"case package of {changed:,} new numbers: export and import",
            times["figure"],
            times["bound"],
            3.0,
        )
    ]
