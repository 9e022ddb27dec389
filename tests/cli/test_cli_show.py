"""``raptor show NUMBER``: a number's line, evidence and history on the terminal, logged as a
consultation, as the window's detail panel is."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from raptor_desktop.__main__ import main
from raptor_desktop.core.dates import uk_date


def test_show_gives_the_line_its_numbers_evidence_and_history(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    demo = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    assert main([*demo, "show", "+44 7700 900101"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "07700 900101 (+447700900101)"
    assert "  Line:               Tony, Operation Raptor" in lines
    assert "  Provider confirmed: Vodafone" in lines
    assert "  07700 900112  gathering evidence  (replaces 07700 900101)" in lines
    bought = uk_date(date.today() - timedelta(days=260))  # the demo is seeded as of today
    assert f"  {bought}  test purchase: Three wraps of crack cocaine — Grays [TP/0301]" in lines
    history = lines[lines.index("History (UTC):") + 1 :]
    assert [h.split("  ")[2] for h in history][-2:] == ["order made", "disconnected"]
    assert main([*demo, "audit", "--category", "consultation", "--json"]) == 0
    logged = json.loads(capsys.readouterr().out)
    assert any(e["event"] == "view number" and e["records"] == "+447700900101" for e in logged)


def test_show_as_json_and_a_number_not_in_the_register(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    demo = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    assert main([*demo, "show", "07700 900101", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["display"] == "07700 900101" and record["line"]["brand"] == "Tony"
    assert [e["reference"] for e in record["evidence"]][0] == "TP/0301"
    assert main([*demo, "show", "07700 900999"]) == 1
    assert "07700 900999 is not in the register" in capsys.readouterr().err
