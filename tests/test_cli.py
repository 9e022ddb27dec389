from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from raptor_desktop.__main__ import main
from tests.registers import raw_connection


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def training_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "t.sqlite3")
    assert run(capsys, "--db", path, "init", "--training", "--admin", "tester")[0] == 0
    return path


def test_init_refuses_an_existing_database(
    capsys: pytest.CaptureFixture[str], training_db: str
) -> None:
    code, _, err = run(capsys, "--db", training_db, "init", "--admin", "tester")
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
    live = str(tmp_path / "live.sqlite3")
    assert run(capsys, "--db", live, "init", "--admin", "tester")[0] == 0
    code, _, err = run(capsys, "--db", live, "add-line", "07700 900123")
    assert code == 1
    assert "drama range" in err and "training database" in err


def test_import_lines_summary_and_rejects_file(
    capsys: pytest.CaptureFixture[str], training_db: str, tmp_path: Path
) -> None:
    source = tmp_path / "lines.csv"
    source.write_text("MSISDN,Brand\n07700 900101,Tony\nnot a number,K\n", encoding="utf-8")
    code, out, err = run(
        capsys, "--db", training_db, "import-lines", str(source), "--operation", "Operation Kraken"
    )
    assert code == 1  # a script must not take a half-imported file for a whole one
    assert out.strip() == "imported 1, updated 0, rejected 1"
    assert "1 row of lines.csv rejected, the rest imported" in err
    rejects = (tmp_path / "lines.rejects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rejects[0] == "file,row,reason,MSISDN,Brand"
    assert rejects[1].startswith("lines.csv,3,number: contains letters: 'not a number'")
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
    # the applications took their numbers to court: orders, warnings, a sound audit log
    _, out, _ = run(capsys, "--db", path, "--demo", "orders", "--json")
    assert sorted(o["number"] for o in json.loads(out)) == [
        "07700 900101",
        "07700 900102",
        "07700 900107",
        "07700 900110",
    ]
    _, out, _ = run(capsys, "--db", path, "--demo", "warnings")
    assert "re-emerged on 07700 900112" in out and "without confirmation" in out
    _, out, _ = run(capsys, "--db", path, "--demo", "contacts", "--json")
    assert len(json.loads(out)) == 12
    assert run(capsys, "--db", path, "--demo", "verify")[0] == 0


def test_raptor_db_environment_variable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("RAPTOR_DB", str(target))
    assert run(capsys, "init", "--training", "--admin", "tester")[0] == 0
    assert target.exists()


def test_selftest_from_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--selftest")
    assert code == 0
    assert out.splitlines()[-1] == "self-test passed"
    assert out.count("\nok   ") == 5


def test_selftest_as_its_own_process_exits_cleanly(tmp_path: Path) -> None:
    # In a process of its own, as an installer runs it: a worker thread still running when
    # the program ends would abort it (QThread destroyed while running) after "passed".
    done = subprocess.run(
        [sys.executable, "-m", "raptor_desktop", "--selftest"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "self-test passed"), done.stderr


def test_application_commands_end_to_end(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    code, out, _ = run(
        capsys,
        *db,
        "new-application",
        "--court",
        "County Court at Clerkenwell and Shoreditch",
        "--hearing",
        "2026-11-10",
        "--time",
        "10:30",
        "--applicant",
        "Rachel Carter",
        "--collar",
        "71234",
        "--address",
        "Grays Police Station, Orsett Road, Grays RM17 5DD",
        "--statement-date",
        "2026-11-02",
        "--months",
        "12",
        "--authoriser",
        "Mark Hughes",
        "--authoriser-rank",
        "Superintendent",
        "--authoriser-collar",
        "1203",
        "--authorised-on",
        "2026-11-03",
        "07700 900103",
        "+44 7700 900113",
    )
    assert code == 0
    reference = out.strip().splitlines()[-1]
    assert re.fullmatch(r"RAP-\d{4}-\d{3}", reference)
    code, _, err = run(capsys, *db, "submit", reference)
    assert code == 1 and "the line “Zee” (item 1) has no evidence" in err
    lines = err.splitlines()  # each reason on its own line, with where to put it right
    assert lines[0] == f"raptor: error: {reference} cannot be submitted:"
    assert lines[1].startswith("  - the line “Zee” (item 1) has no evidence")
    assert lines[2].startswith("    where: record what shows the line is used for drug dealing")
    for number in ("07700900103", "07700900113"):
        evidence = (number, "test purchase", "One wrap", "--date", "30/10/2026")
        assert run(capsys, *db, "add-evidence", *evidence)[0] == 0
    assert run(capsys, *db, "submit", reference)[0] == 0
    pack = tmp_path / "pack.pdf"
    code, out, _ = run(capsys, *db, "hearing-pack", reference, "--out", str(pack))
    assert code == 0 and pack.read_bytes().startswith(b"%PDF")
    assert (
        run(
            capsys,
            *db,
            "record-outcome",
            reference,
            "07700900103",
            "made",
            "--date",
            "2026-11-10",
            "--until",
            "2027-05-14",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            *db,
            "record-outcome",
            reference,
            "07700900113",
            "refused",
            "--date",
            "2026-11-10",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, *db, "orders", "--json")
    [order] = [o for o in json.loads(out) if o["reference"] == reference]
    assert order["number"] == "07700 900103"
    assert order["compliance_deadline"] == "2026-11-17T23:59"
    assert order["end"] == "2027-05-14"
    code, out, _ = run(capsys, *db, "lines", "--search", "900113", "--json")
    assert json.loads(out)[0]["status"] == "refused"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["record-outcome", "RAP-1999-999", "07700 900103", "made"], "no application"),
        (["hearing-pack", "RAP-1999-999", "--out", "x.pdf"], "no application"),
        (
            [
                "new-application",
                "--court",
                "X",
                "--hearing",
                "2026-12-01",
                "--applicant",
                "A B",
                "07700 900999",
            ],
            "not in the register",
        ),
    ],
)
def test_application_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "demo.sqlite3"), "--demo", *args)
    assert code == 1 and message in err and "Traceback" not in err


def test_settings_holidays_and_networks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "t.sqlite3")]
    assert run(capsys, *db, "init", "--admin", "tester")[0] == 0
    code, out, _ = run(capsys, *db, "settings", "protective_marking", "OFFICIAL")
    assert code == 0 and out.strip() == "protective_marking = OFFICIAL"
    code, _, err = run(capsys, *db, "settings", "review_months", "0")
    assert code == 1 and "must be from 1 to 60, not 0" in err
    code, _, err = run(capsys, *db, "settings", "colour", "red")
    assert code == 1 and "unknown setting" in err
    code, out, _ = run(capsys, *db, "holidays", "--add", "2026-12-24", "--note", "Court closed")
    assert "2026-12-24  Court closed  (added by the unit)" in out
    code, out, _ = run(capsys, *db, "holidays", "--remove", "2026-08-31")
    assert "2026-08-31  Late Summer Bank Holiday  (removed by the unit)" in out
    code, out, _ = run(capsys, *db, "networks", "--set", "Lebara", "Vodafone")
    assert any(line.split()[:1] == ["Lebara"] and "Vodafone" in line for line in out.splitlines())
    code, out, _ = run(capsys, *db, "networks", "--legal-name", "three", "Hutchison 3G UK Limited")
    [three] = [line for line in out.splitlines() if line.startswith("Three ")]
    assert "Hutchison 3G UK Limited — (no address for service)" in three
    assert any(line.startswith("EE ") and "(no legal name)" in line for line in out.splitlines())
    agreed = ["--email-agreed", "Three", "letter of 2 March 2026"]
    code, _, err = run(capsys, *db, "networks", "--email", "Three", "orders at three", *agreed)
    assert code == 1 and "'orders at three' is not an email address" in err
    code, out, _ = run(capsys, *db, "networks")
    assert "letter of 2 March 2026" not in out  # one change: the agreement was not kept alone
    code, out, _ = run(capsys, *db, "networks", "--email", "Three", "orders@three.example", *agreed)
    assert "email address for service: orders@three.example" in out
    assert "written agreement to service by email: letter of 2 March 2026" in out
    code, _, err = run(capsys, *db, "networks", "--address-kind", "Three", "head office")
    assert code == 1 and "use one of given, principal office, place of business" in err
    code, out, _ = run(capsys, *db, "networks", "--address-kind", "Three", "registered office")
    assert "kind of address for service: registered office" in out


def test_verify_and_audit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    assert run(capsys, *db, "lines")[0] == 0
    code, out, _ = run(capsys, *db, "verify")
    assert code == 0 and "audit log chain intact" in out
    code, out, _ = run(capsys, *db, "audit", "--category", "consultation", "--json")
    events = [e["event"] for e in json.loads(out)]
    assert events[:2] == ["sign in", "list numbers"]
    conn = raw_connection(tmp_path / "demo.sqlite3")
    conn.executescript(
        "DROP TRIGGER audit_log_no_update;UPDATE audit_log SET user = 'nobody' WHERE id = 2;"
    )
    conn.close()
    code, out, _ = run(capsys, *db, "verify")
    assert code == 1 and out.startswith("audit entry 2: its content was altered")


def test_count_message_prints_parts_and_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "count-message", "a" * 151 + "{}[]~", "--parts")
    assert code == 0
    assert out.splitlines()[0] == "2 messages (GSM-7), 145 left in this part (161 units)"
    assert "--- part 2 ---" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("Help is here 🙂\n"))
    code, out, _ = run(capsys, "count-message")
    assert out.startswith("1 message (UCS-2), 55 left in this part; UCS-2 because of: 🙂")


def test_contacts_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    handset = tmp_path / "handset.csv"
    handset.write_text("Name,Number\nDave P,07700 900601\nBad,07700 90\n", encoding="utf-8")
    code, _, err = run(capsys, "--demo", "import-contacts", str(handset))
    assert code == 2 and "no deal line column" in err and "--line NUMBER" in err
    code, out, err = run(capsys, "--demo", "import-contacts", str(handset), "--line", "7700900101")
    assert (code, out) == (1, "imported 1, updated 0, rejected 1\n")
    assert "columns not used: Name" in err
    rejects = (tmp_path / "handset.rejects.csv").read_text(encoding="utf-8-sig")
    assert rejects.splitlines()[1].startswith("handset.csv,3,number: too short")
    # the names in a seized address book are not kept, in the register or beside it
    assert rejects.splitlines()[0] == "file,row,reason,Number" and "Bad" not in rejects
    assert run(capsys, "--demo", "opt-out", "07700 900601", "--on", "2026-11-20")[0] == 0
    assert run(capsys, "--demo", "do-not-contact", "07700 900601", "--reason", "child")[0] == 0
    code, out, _ = run(capsys, "--demo", "contacts", "--json", "--search", "900601")
    [contact] = json.loads(out)
    assert contact["display"] == "07700 900601" and contact["lines"] == "Tony (07700 900101)"
    assert (contact["opted_out_on"], contact["do_not_contact_reason"]) == ("2026-11-20", "child")
    _, out, _ = run(capsys, "--demo", "audit", "--category", "consultation", "--json")
    listed = [e["records"] for e in json.loads(out) if e["event"] == "list contacts"]
    assert listed[-1] == "1 contact (search 900601)"
    code, _, err = run(capsys, "--demo", "opt-out", "07700 900999")
    assert code == 1 and "is not a contact" in err
    with pytest.raises(SystemExit) as stopped:
        main(["--demo", "import-contacts", str(handset), "--source", "pub"])
    assert stopped.value.code == 2
    assert "source 'pub' is not one of: seized phone" in capsys.readouterr().err


def test_outreach_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "o.sqlite3"), "--demo"]
    message = tmp_path / "text.txt"
    message.write_text("Essex Police: help is here. Reply STOP to opt out.\n", encoding="utf-8")
    code, out, _ = run(
        capsys, *db, "outreach", "draft", "--message-file", str(message), "--line", "07700900101"
    )
    assert (code, out) == (0, "drafted OUT-2026-001: 7 to text; left out: 1 opted out\n")
    gateway = tmp_path / "gateway.csv"
    hand = ["outreach", "hand-over", "OUT-2026-001", "--out", str(gateway)]
    code, _, err = run(capsys, *db, *hand, "--to", "Gateway Ltd", "--why", "support texts")
    assert code == 1 and "a supervisor must approve it first" in err
    code, _, err = run(capsys, *db, "outreach", "approve", "OUT-2026-001")
    assert code == 1 and "you drafted OUT-2026-001" in err  # the drafter may not approve
    assert run(capsys, *db, "--user", "trainer.sgt", "outreach", "approve", "OUT-2026-001")[0] == 0
    code, out, _ = run(capsys, *db, *hand, "--to", "Gateway Ltd", "--why", "support texts")
    assert out == f"wrote {gateway}: 7 texts for Gateway Ltd\n"
    assert len(gateway.read_text(encoding="utf-8-sig").splitlines()) == 8
    code, out, _ = run(capsys, *db, "outreach", "list", "--json")
    [batch] = json.loads(out)
    assert (batch["status"], batch["sent"], batch["handed_to"]) == ("handed over", 7, "Gateway Ltd")
    code, _, err = run(capsys, *db, "outreach", "draft", "--message", "hello")
    assert code == 1 and "how to opt out" in err


def test_delivery_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "o.sqlite3"), "--demo"]
    text = "Essex Police: help is here. Reply STOP to opt out."
    assert run(capsys, *db, "outreach", "draft", "--message", text, "--line", "07700900102")[0] == 0
    code, _, err = run(capsys, *db, "outreach", "approve", "OUT-2026-001")
    assert code == 1 and "you drafted OUT-2026-001" in err  # the drafter may not approve
    assert run(capsys, *db, "--user", "trainer.sgt", "outreach", "approve", "OUT-2026-001")[0] == 0
    hand = ["outreach", "hand-over", "OUT-2026-001", "--out", str(tmp_path / "g.csv")]
    assert run(capsys, *db, *hand, "--to", "Gateway Ltd", "--why", "support texts")[0] == 0
    report = tmp_path / "report.csv"
    report.write_text("MSISDN,Reason\n447700900510,unknown subscriber\n447700900999,x\n", "utf-8")
    code, out, err = run(
        capsys, *db, "outreach", "not-delivered", "OUT-2026-001", "--report", str(report)
    )
    assert (code, out) == (1, "imported 0, updated 1, rejected 1\n")
    assert "07700 900999 was not handed over in OUT-2026-001" in (
        tmp_path / "report.rejects.csv"
    ).read_text(encoding="utf-8-sig")
    _, out, _ = run(capsys, *db, "outreach", "list", "--json")
    assert json.loads(out)[0]["sent"] == 0
    _, out, _ = run(capsys, *db, "outreach", "show", "OUT-2026-001")
    assert out == "07700 900510  not delivered (report report.csv)\n"
    (tmp_path / "empty.csv").write_text("Reason\nx\n", encoding="utf-8")
    code, _, err = run(
        capsys,
        *db,
        "outreach",
        "not-delivered",
        "OUT-2026-001",
        "--report",
        str(tmp_path / "empty.csv"),
    )
    assert code == 2 and "no number column" in err


def test_a_mistyped_database_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    typo = tmp_path / "regsiter.sqlite3"
    code, _, err = run(capsys, "--db", str(typo), "lines")
    assert code == 2 and "there is no database at" in err and "raptor init" in err
    assert not typo.exists()


def test_init_refuses_a_bad_password_before_making_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.sqlite3"
    monkeypatch.setenv("RAPTOR_PASSWORD", "short")
    code, _, err = run(capsys, "--db", str(path), "init", "--admin", "alice")
    assert code == 1 and "at least 12 characters" in err
    assert not path.exists()
    monkeypatch.setenv("RAPTOR_PASSWORD", "a long enough password")
    assert run(capsys, "--db", str(path), "init", "--admin", "alice")[0] == 0


def test_out_of_range_settings_and_orders_are_refused_not_bugs(
    capsys: pytest.CaptureFixture[str], training_db: str
) -> None:
    db = ["--db", training_db]
    code, _, err = run(capsys, *db, "settings", "review_years", "100000")
    assert code == 1 and "from 1 to 100" in err
    for args, said in (
        (["holidays", "--year", "99999"], "not a year"),
        (["users", "add", "bob", "--role", "bogus"], "unknown role 'bogus'"),
    ):
        with pytest.raises(SystemExit) as stopped:  # argparse's usage error
            run(capsys, *db, *args)
        assert stopped.value.code == 2 and said in capsys.readouterr().err


def test_every_file_the_program_creates_is_owner_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os
    import stat

    old = os.umask(0o022)  # a workstation's usual setting: others may read
    try:
        folder = tmp_path / "data"
        db = ["--db", str(folder / "r.sqlite3")]
        assert run(capsys, *db, "init", "--training", "--admin", "tester")[0] == 0
        assert run(capsys, *db, "add-line", "07700 900123", "--name", "Tony")[0] == 0
        assert run(capsys, *db, "backup", "--out", str(folder / "backups" / "b.raptor"))[0] == 0
    finally:
        os.umask(old)
    made = [folder, *folder.rglob("*")]
    assert len(made) > 4
    loose = [str(p) for p in made if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert not loose, f"readable by others: {loose}"


def test_merge_lines_makes_the_second_number_s_line_part_of_the_first_s(
    capsys: pytest.CaptureFixture[str], training_db: str
) -> None:
    db = ["--db", training_db]
    for number, name in (("07700 900601", "Tony"), ("07700 900602", "Jim")):
        assert run(capsys, *db, "add-line", number, "--name", name, "--area", "Thurrock")[0] == 0
    code, out, _ = run(capsys, *db, "merge-lines", "07700900601", "07700 900602")
    assert (code, out.strip()) == (0, "line 'Jim' made part of line 'Tony'")
    code, out, _ = run(capsys, *db, "lines", "--json")
    assert {row["line"] for row in json.loads(out)} == {"Tony"}
    code, _, err = run(capsys, *db, "merge-lines", "07700900601", "07700900602")
    assert code == 1 and "on the same line already" in err


def test_move_number_puts_a_number_on_the_line_named(
    capsys: pytest.CaptureFixture[str], training_db: str
) -> None:
    db = ["--db", training_db]
    for number, name in (("07700 900611", "Tony"), ("07700 900612", "Tony")):
        assert run(capsys, *db, "add-line", number, "--name", name, "--area", "Thurrock")[0] == 0
    code, _, err = run(capsys, *db, "move-number", "07700900612", "Jim")
    assert code == 1 and "no line of Operation Raptor is named 'Jim'" in err and "--new" in err
    code, out, _ = run(capsys, *db, "move-number", "07700900612", "Jim", "--new")
    assert (code, out.strip()) == (0, "07700 900612 moved from line 'Tony' to a new line 'Jim'")
    code, out, _ = run(capsys, *db, "lines", "--json")
    assert {row["display"]: row["line"] for row in json.loads(out)} == {
        "07700 900611": "Tony",
        "07700 900612": "Jim",
    }
    code, _, err = run(capsys, *db, "move-number", "07700900612", "jim")
    assert code == 1 and "on line 'Jim' already" in err


def test_add_evidence_records_it_against_the_numbers_line(
    capsys: pytest.CaptureFixture[str], training_db: str
) -> None:
    db = ["--db", training_db]
    assert run(capsys, *db, "add-line", "07700 900611", "--name", "Tony")[0] == 0
    code, out, _ = run(
        capsys,
        *db,
        "add-evidence",
        "07700900611",
        "test purchase",
        "Two wraps of crack cocaine bought from a runner",
        "--date",
        "01/11/2026",
        "--location",
        "High Street, Grays",
        "--price",
        "£20",
        "--reference",
        "TP/44",
    )
    assert (code, out.strip()) == (0, "recorded test purchase against the line of 07700900611")
    code, out, _ = run(capsys, *db, "search", "TP/44", "--json")
    assert code == 0 and "evidence" in out
    code, _, err = run(
        capsys, *db, "add-evidence", "07700900611", "test purchase", "x", "--price", "lots"
    )
    assert code == 1 and "the price 'lots' is not an amount in pounds and pence" in err
    code, _, err = run(capsys, *db, "add-evidence", "07700900611", "rumour", "x")
    assert code == 1 and "unknown kind of evidence 'rumour'; use one of: marketing text" in err
