from __future__ import annotations

import json
from pathlib import Path

import pytest

from raptor_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def training_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "t.sqlite3")
    assert run(capsys, "--db", path, "init", "--training")[0] == 0
    return path


def test_init_refuses_an_existing_database(
    capsys: pytest.CaptureFixture[str], training_db: str
) -> None:
    code, _, err = run(capsys, "--db", training_db, "init")
    assert code == 1 and "already exists" in err


def test_add_line_status_and_json(capsys: pytest.CaptureFixture[str], training_db: str) -> None:
    db = ["--db", training_db]
    assert (
        run(
            capsys,
            *db,
            "add-line",
            "+44 (0)7700 900123",
            "--name",
            "Tony",
            "--area",
            "thurrock",
            "--area",
            "Brentwood",
            "--drug",
            "crack",
        )[0]
        == 0
    )
    assert (
        run(capsys, *db, "set-status", "07700900123", "gathering_evidence", "--note", "TP")[0] == 0
    )
    code, out, _ = run(capsys, *db, "lines", "--json")
    assert code == 0
    [line] = json.loads(out)
    assert line["number"] == "+447700900123"
    assert line["display"] == "07700 900123"
    assert line["line"] == "Tony"
    assert line["areas"] == ["Brentwood", "Thurrock"]
    assert line["status"] == "gathering evidence"
    code, out, _ = run(capsys, *db, "lines", "--status", "identified", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["add-line", "O7700 900123"], 1, "letters"),
        (["add-line", "07700 900123", "--area", "Atlantis"], 1, "unknown area"),
        (["set-status", "07700 900555", "ready"], 1, "not in the register"),
        (["set-status", "07700 900555", "arrested"], 2, "unknown status"),
        (["lines", "--area", "Atlantis"], 1, "unknown area"),
        (["import-lines", "missing.csv"], 2, "no such file"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_errors_exit_codes_and_no_traceback(
    capsys: pytest.CaptureFixture[str], training_db: str, args: list[str], code: int, message: str
) -> None:
    try:
        result = main(["--db", training_db, *args])
    except SystemExit as exit_:  # argparse's own usage errors
        result = int(exit_.code or 0)
    _, err = capsys.readouterr()
    assert result == code
    assert message in err
    assert "Traceback" not in err


def test_live_database_rejects_drama_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "live.sqlite3"), "add-line", "07700 900123")
    assert code == 1
    assert "drama range" in err and "training database" in err


def test_import_lines_summary_and_rejects_file(
    capsys: pytest.CaptureFixture[str], training_db: str, tmp_path: Path
) -> None:
    source = tmp_path / "lines.csv"
    source.write_text("MSISDN,Brand\n07700 900101,Tony\nnot a number,K\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "--db", training_db, "import-lines", str(source), "--operation", "Operation Kraken"
    )
    assert code == 0
    assert out.strip() == "imported 1, updated 0, rejected 1"
    rejects = (tmp_path / "lines.rejects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rejects[0] == "row,reason,MSISDN,Brand"
    assert rejects[1].startswith("3,number: contains letters: 'not a number'")
    code, out, _ = run(capsys, "--db", training_db, "lines", "--json")
    assert json.loads(out)[0]["operation"] == "Operation Kraken"


def test_import_without_number_column_exits_2(
    capsys: pytest.CaptureFixture[str], training_db: str, tmp_path: Path
) -> None:
    source = tmp_path / "lines.csv"
    source.write_text("Brand\nTony\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", training_db, "import-lines", str(source))
    assert code == 2 and "no number column" in err


def test_demo_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(tmp_path / "demo.sqlite3")
    code, out, _ = run(capsys, "--db", path, "--demo", "lines", "--json")
    assert code == 0
    rows = json.loads(out)
    brands = {r["line"] for r in rows}
    assert len(brands) == 12
    assert all(r["number"].startswith("+447700900") for r in rows)
    tony = [r for r in rows if r["line"] == "Tony"]
    assert {r["status"] for r in tony} == {"disconnected", "gathering evidence"}
    areas = {a for r in rows for a in r["areas"]}
    assert {"Thurrock", "Brentwood", "Harlow", "Epping Forest", "Basildon"} <= areas
    # opening again does not duplicate the scenario
    code, out, _ = run(capsys, "--db", path, "--demo", "lines", "--json")
    assert len(json.loads(out)) == len(rows)


def test_raptor_db_environment_variable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("RAPTOR_DB", str(target))
    assert run(capsys, "init", "--training")[0] == 0
    assert target.exists()


def test_selftest_from_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--selftest")
    assert code == 0
    assert out.splitlines()[-1] == "self-test passed"
    assert out.count("\nok   ") == 4
