"""The command line logs what the officer did, as the officer, and only acts that happened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from raptor_desktop.__main__ import main
from tests.registers import raw_connection


def audit(path: Path) -> list[tuple[str, str, str, str, str]]:
    with raw_connection(path) as conn:
        rows = conn.execute(
            "SELECT user, category, event, records, recipient FROM audit_log ORDER BY id"
        ).fetchall()
    conn.close()
    return rows


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "--demo", "warnings"]) == 0
    capsys.readouterr()
    return path


def test_restore_is_logged_under_the_signed_in_officer(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.raptor-backup"
    assert main(["--db", str(demo_db), "--demo", "backup", "--out", str(backup)]) == 0
    assert main(["--db", str(demo_db), "--demo", "restore", str(backup)]) == 0
    user, category, event, _records, _to = audit(demo_db)[-1]
    assert (user, category, event) == ("trainer", "alteration", "restore from backup")


def test_a_pack_that_cannot_be_written_is_not_logged_as_disclosed(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with raw_connection(demo_db) as conn:
        reference = conn.execute("SELECT reference FROM applications LIMIT 1").fetchone()[0]
    conn.close()
    target = tmp_path / "no such folder" / "pack.pdf"
    code = main(["--db", str(demo_db), "--demo", "hearing-pack", reference, "--out", str(target)])
    assert code == 2
    assert not [row for row in audit(demo_db) if row[1] == "disclosure"]


def test_a_short_backup_passphrase_is_refused_from_the_environment_too(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RAPTOR_BACKUP_PASSPHRASE", "short")
    target = tmp_path / "b.raptor-backup"
    code = main(["--db", str(demo_db), "--demo", "backup", "--out", str(target), "--encrypt"])
    assert code == 1
    assert "at least 12 characters" in capsys.readouterr().err
    assert not target.exists()


def test_a_bug_is_not_reported_as_rejected_input(
    demo_db: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with raw_connection(demo_db) as conn:
        conn.execute("ALTER TABLE areas RENAME TO areas_gone")
    conn.close()
    code = main(["--db", str(demo_db), "--demo", "areas"])
    err = capsys.readouterr().err
    assert code == 3
    assert "this is a bug" in err and "Traceback" not in err
    assert any(r.exc_info for r in caplog.records), "the traceback goes to the log"


def test_an_unexpected_value_error_is_a_bug_not_rejected_input(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import phonenumbers

    from raptor_desktop.core import numbers

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("an internal mistake")

    valid = phonenumbers.format_number(
        phonenumbers.example_number_for_type("GB", phonenumbers.PhoneNumberType.MOBILE),
        phonenumbers.PhoneNumberFormat.E164,
    )
    monkeypatch.setattr(numbers, "uk_number_type", broken)  # deep inside the number check
    code = main(["--db", str(demo_db), "--demo", "add-line", valid])
    assert code == 3


def test_gaps_are_listed_and_a_pack_for_court_waits_for_them(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = ["--db", str(demo_db), "--demo"]
    code = main(
        [
            *demo,
            "new-application",
            "--hearing",
            "2026-12-14",
            "--applicant",
            "DC Rachel Carter",
            "07700 900109",
        ]
    )
    assert code == 0
    reference = capsys.readouterr().out.strip().splitlines()[-1]
    assert main([*demo, "check-application", reference]) == 1
    listed = capsys.readouterr().out
    assert "item 1 (07700 900109) has no provider to serve" in listed
    assert "raptor set-provider 07700900109 NETWORK" in listed
    assert "the witness statement is not dated" in listed
    target = tmp_path / "pack.pdf"
    assert main([*demo, "hearing-pack", reference, "--out", str(target)]) == 1
    assert "is not ready for court" in capsys.readouterr().err and not target.exists()
    assert main([*demo, "hearing-pack", reference, "--out", str(target), "--draft"]) == 0
    reader = PdfReader(target)
    assert all("DRAFT — NOT FOR SERVICE" in page.extract_text() for page in reader.pages)
    gaps = " ".join(page.extract_text() for page in reader.pages[-3:-1])  # before the check
    assert "GAPS TO FILL BEFORE SERVICE" in gaps and "has no provider to serve" in gaps
    assert f"edit-application {reference} --statement-date" in " ".join(gaps.split())
    # the last page: the bundle rules, read back from the pack as built
    check = " ".join(reader.pages[-1].extract_text().split())
    total = len(reader.pages)
    assert "BUNDLE CHECK" in check and "FAIL" not in check
    assert "ok page 1 is the index" in check and f"{total} pages, within 300" in check
    assert main([*demo, "set-provider", "07700 900109", "Three"]) == 0
    assert main([*demo, "networks", "--address", "Three", "Liaison, Three, Reading"]) == 0
    assert "Liaison, Three, Reading" in capsys.readouterr().out
    assert main([*demo, "check-application", reference]) == 1
    assert "no provider to serve" not in capsys.readouterr().out


def test_record_letter_dates_the_letter_and_is_logged(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date, timedelta

    from raptor_desktop.core.dates import full_date

    demo = ["--db", str(demo_db), "--demo"]
    assert main([*demo, "orders", "--json"]) == 0
    orders = json.loads(capsys.readouterr().out)
    made = date.fromisoformat(
        next(o for o in orders if o["reference"] == "RAP-2026-002")["order_date"]
    )
    before, after = (made - timedelta(days=1)).isoformat(), (made + timedelta(days=1)).isoformat()
    letter = [*demo, "record-letter", "RAP-2026-002"]
    assert main([*letter, "EE", "--date", before, "--by", "post"]) == 1
    assert f"goes with the order made on {full_date(made)}" in capsys.readouterr().err
    assert main([*letter, "ee", "--date", after, "--by", "email"]) == 1  # at what time?
    assert "give the time the letter went by email: sent before 4.30pm" in (capsys.readouterr().err)
    assert main([*letter, "ee", "--date", after, "--by", "post", "--at", "9.05"]) == 1
    assert "the time the letter went plays no part" in capsys.readouterr().err
    by_email = [*letter, "ee", "--date", after, "--by", "Email", "--at", "9.05"]
    assert main(by_email) == 1  # the demo recorded EE's letter: the first service counts
    assert "is recorded as sent on" in capsys.readouterr().err
    why = "recorded in error: it went by email"
    assert main([*by_email, "--correction", why]) == 0
    sent = f"letter to ee sent {after} at 09:05, by email to orders@ee.example"  # EE's agreed
    assert sent in capsys.readouterr().out
    assert main([*demo, "audit", "--json"]) == 0
    [logged] = [
        e for e in json.loads(capsys.readouterr().out) if e["event"] == "correct letter sent"
    ]
    assert logged["records"] == (
        f"RAP-2026-002 letter to EE sent {after} 09:05 by email to orders@ee.example"
    )
    assert logged["justification"] == why


def test_a_pack_is_saved_only_as_a_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--out pack.txt`` had written a PDF under that name, and logged its disclosure."""
    demo = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    draft = [*demo, "hearing-pack", "RAP-2026-003", "--draft", "--out"]
    assert main([*draft, str(tmp_path / "pack.txt")]) == 1
    err = capsys.readouterr().err
    assert "pack.txt: a hearing pack is a PDF; give a file name ending .pdf" in err
    assert not (tmp_path / "pack.txt").exists()
    assert main([*draft, str(tmp_path / "pack")]) == 0
    assert f"wrote {tmp_path / 'pack.pdf'}" in capsys.readouterr().out
    assert (tmp_path / "pack.pdf").read_bytes().startswith(b"%PDF")


def test_agree_time_records_an_earlier_time_and_its_day(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date, timedelta

    demo = ["--db", str(demo_db), "--demo"]
    assert main([*demo, "orders", "--json"]) == 0
    [order] = [o for o in json.loads(capsys.readouterr().out) if o["reference"] == "RAP-2026-002"]
    made = date.fromisoformat(order["order_date"])
    by = f"{(made + timedelta(days=1)).isoformat()} 10:00"
    agree = [*demo, "agree-time", "RAP-2026-002", order["number"], "--by", by]
    assert main([*agree, "--on", made.isoformat()]) == 0
    assert "agreed on" in capsys.readouterr().out
    assert main([*agree[:-2], "--by", f"{(made + timedelta(days=30)).isoformat()} 10:00"]) == 1
    assert "may agree only an earlier one" in capsys.readouterr().err
    assert main([*demo, "audit", "--json"]) == 0
    events = [e["event"] for e in json.loads(capsys.readouterr().out)]
    assert events.count("record earlier time agreed") == 1


def test_a_carve_out_records_how_and_when_its_notice_went(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The order ceases to apply from the time the notice is given (regulation 3(3)): the
    command had taken a carve-out with its day alone."""
    from datetime import date

    demo = ["--db", str(demo_db), "--demo"]
    assert main([*demo, "orders", "--json"]) == 0
    [order] = [
        o
        for o in json.loads(capsys.readouterr().out)
        if o["reference"] == "RAP-2026-002" and not o["carved_out"]
    ][:1]
    today = date.today().isoformat()
    carve = [*demo, "record-outcome", "RAP-2026-002", order["number"], "carved-out"]
    assert main(carve) == 1
    err = capsys.readouterr().err
    assert "record how and when that notice went" in err and "--notice-by METHOD" in err
    assert main([*carve, "--notice-by", "hand"]) == 1
    assert "give the time the notice went by hand" in capsys.readouterr().err
    assert main([*carve, "--notice-by", "hand", "--notice-at", "00:00"]) == 0
    assert "carved out on" in capsys.readouterr().out
    assert main([*demo, "orders", "--json"]) == 0
    [after] = [o for o in json.loads(capsys.readouterr().out) if o["number"] == order["number"]]
    assert after["carved_out"] == today
    assert main([*demo, "audit", "--json"]) == 0
    [logged] = [e for e in json.loads(capsys.readouterr().out) if e["event"] == "record outcome"][
        -1:
    ]
    assert f"{order['number'].replace(' ', '')[1:]}: carved out, notice to " in (logged["records"])
    assert f" sent {today} 00:00 by hand to " in logged["records"]
