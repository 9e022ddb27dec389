"""The program's own log file: rolled over as the program starts, five kept."""

from __future__ import annotations

from pathlib import Path

from raptor_desktop.paths import LOG_BYTES, LOG_KEPT, roll_over


def test_a_log_past_its_size_rolls_over_and_the_oldest_goes(tmp_path: Path) -> None:
    log = tmp_path / "raptor.log"
    for run in range(LOG_KEPT + 2):
        log.write_text(f"run {run}\n" + "x" * LOG_BYTES, encoding="utf-8")
        roll_over(log)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [f"raptor.log.{n}" for n in range(1, LOG_KEPT + 1)]
    assert (
        (tmp_path / "raptor.log.1").read_text(encoding="utf-8").startswith(f"run {LOG_KEPT + 1}\n")
    )
    assert (tmp_path / f"raptor.log.{LOG_KEPT}").read_text(encoding="utf-8").startswith("run 2\n")


def test_a_small_log_stays_as_it_is(tmp_path: Path) -> None:
    log = tmp_path / "raptor.log"
    log.write_text("a line\n", encoding="utf-8")
    roll_over(log)
    assert [p.name for p in tmp_path.iterdir()] == ["raptor.log"]
