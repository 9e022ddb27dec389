"""What every figure of the bench shares: the figure against its bound, measured alternately
(best of ``RUNS``), and the table and ``results.json`` they are reported in."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from raptor_desktop.services.session import Session, create_register, sign_in

HERE = Path(__file__).resolve().parent
RUNS = 3
ADMIN, PASSWORD = "bench", "a benchmark's own password"


def new_register(path: Path) -> Session:
    """A live register made at ``path`` with the bench's administrator, signed in once."""
    create_register(path, training=False, admin=ADMIN, password=PASSWORD)
    signed = sign_in(path, ADMIN, PASSWORD)
    session = Session.of(signed.store)
    signed.store.close()
    return session


@dataclass
class Figure:
    what: str
    figure_s: float
    bound_s: float
    budget: float  # the ratio allowed
    within_s: float | None = None  # or a time the issue fixes (search: 50 ms), ratio shown
    unit: str = "ms"  # seconds shown as ms; "MB" or "KB" for sizes (the figures are then those)

    @property
    def ratio(self) -> float:
        return self.figure_s / self.bound_s

    @property
    def passed(self) -> bool:
        if self.within_s is not None:
            return self.figure_s <= self.within_s
        return self.ratio <= self.budget

    def shown(self, value: float) -> str:
        return f"{value * 1000:>7.1f}ms" if self.unit == "ms" else f"{value:>7.0f}{self.unit}"

    @property
    def budget_text(self) -> str:
        if self.within_s is None:
            return f"{self.budget}x"
        return self.shown(self.within_s).strip()


def best_of(
    sides: dict[str, Callable[[], object]],
    setup: Callable[[str], None] | None = None,
    runs: int = 0,
) -> dict[str, float]:
    """Each side ``runs`` times (``RUNS`` unless given), alternately; the best time of each
    (``setup`` untimed)."""
    best = {name: float("inf") for name in sides}
    for _ in range(runs or RUNS):
        for name, side in sides.items():
            if setup is not None:
                setup(name)
            start = time.perf_counter()
            side()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def report(figures: list[Figure]) -> bool:
    """The table printed, and written to ``results.json`` (beside this file, unless
    ``RAPTOR_BENCH_RESULTS`` names another: the bench's own test keeps a developer's last
    results); true if every budget is met."""
    width = max(len(f.what) for f in figures)
    head = f"{'figure':>9} | {'bound':>9} | {'ratio':>7} | {'budget':>9} | pass/fail"
    print(f"{'what':<{width}} | {head}")
    for f in figures:
        print(
            f"{f.what:<{width}} | {f.shown(f.figure_s)} | {f.shown(f.bound_s)} | "
            f"{f.ratio:>6.2f}x | {f.budget_text:>9} | {'pass' if f.passed else 'FAIL'}"
        )
    results = Path(os.environ.get("RAPTOR_BENCH_RESULTS", HERE / "results.json"))
    results.write_text(
        json.dumps([{**asdict(f), "ratio": f.ratio, "passed": f.passed} for f in figures], indent=2)
    )
    return all(f.passed for f in figures)
