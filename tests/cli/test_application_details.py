"""Completing and amending an application from the command line (cli/application_details)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.test_cli import run


@pytest.mark.usefixtures("after_the_hearings")
def test_an_application_started_bare_is_completed_and_amended_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The gaps had sent a command-line user to the window: nothing could change an
    application's officers, dates or numbers once new-application had made it."""
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    new = ["new-application", "--hearing", "2026-12-14", "--applicant", "DC Rachel Carter"]
    code, out, _ = run(capsys, *db, *new, "07700 900103")
    reference = out.split()[-1]
    code, out, _ = run(capsys, *db, "check-application", reference)
    assert code == 1 and f"raptor edit-application {reference} --statement-date DATE" in out
    assert "REFERENCE" not in out
    assert run(capsys, *db, "add-numbers", reference, "07700 900113", "07700 900102")[0] == 0
    code, out, _ = run(capsys, *db, "remove-number", reference, "07700 900102")
    assert (code, out) == (0, f"{reference}: removed 07700 900102\n")
    code, _, err = run(capsys, *db, "edit-application", reference)
    assert code == 2 and "give at least one detail" in err
    edit = [
        *("edit-application", reference, "--collar", "71234", "--address", "Grays Police"),
        *("--authoriser", "Mark Hughes", "--authoriser-rank", "Superintendent"),
        *("--authoriser-collar", "1203"),
        *("--authorised-on", "2026-11-03", "--statement-date", "2026-11-02"),
    ]
    code, out, _ = run(capsys, *db, *edit)
    assert out.splitlines()[0] == (
        f"{reference}: saved the applicant, authoriser, date of the authority, statement date"
    )
    for number in ("07700900103", "07700900113"):
        evidence = (number, "test purchase", "One wrap", "--date", "30/10/2026")
        assert run(capsys, *db, "add-evidence", *evidence)[0] == 0
    code, out, _ = run(capsys, *db, "check-application", reference)
    assert (code, out) == (0, f"{reference} has no gaps: its pack can be printed for court\n")
    assert run(capsys, *db, "submit", reference)[0] == 0
    code, _, err = run(capsys, *db, "record-outcome", reference, "07700 900113", "adjourned")
    assert code == 0 and "note: when the court gives the date the adjourned hearing" in err
    assert f"raptor edit-application {reference} --hearing DATE --amendment" in err
    adjourned = ["edit-application", reference, "--hearing", "2026-12-15", "--time", "10:00"]
    code, _, err = run(capsys, *db, *adjourned)
    assert code == 1 and "amendment" in err
    code, out, _ = run(capsys, *db, *adjourned, "--amendment", "adjourned by the court")
    assert out.splitlines()[0] == f"{reference}: saved the hearing date, hearing time"
    _, out, _ = run(capsys, *db, "audit", "--json")
    amended = [e for e in json.loads(out) if e["records"] == reference][-1]
    assert amended["justification"] == "adjourned by the court"
    assert run(capsys, *db, "remove-number", reference, "07700 900113")[0] == 1  # gone to court


@pytest.mark.usefixtures("after_the_hearings")
def test_record_outcome_dates_by_the_hearing_and_a_correction_gives_its_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With no --date the outcome was dated today, which may be days after the hearing the
    court decided at; 'refused' typed over 'made' went in with no reason, the order kept."""
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    code, out, _ = run(capsys, *db, "applications", "--json")
    [waiting] = [a for a in json.loads(out) if a["status"] == "submitted"]
    reference = waiting["reference"]
    _, listed, _ = run(capsys, *db, "applications")
    assert f"{reference:<14} submitted" in listed and "1 number " in listed
    code, _, err = run(capsys, *db, "record-outcome", reference, "07700 900104", "made")
    assert code == 1 and "before the hearing listed for" in err  # the demo's is to come
    today = date.today()  # the demo authorised it today: the court heard it early, today
    held = ("edit-application", reference, "--hearing", today.isoformat(), "--amendment", "moved")
    assert run(capsys, *db, *held)[0] == 0
    code, out, err = run(capsys, *db, "record-outcome", reference, "07700 900104", "made")
    assert (code, out) == (0, f"{reference} 07700 900104: made on {today:%d/%m/%Y}\n"), err
    code, _, err = run(capsys, *db, "record-outcome", reference, "07700 900104", "refused")
    assert code == 1 and "is recorded as made" in err and "give the reason" in err
    fix = ("record-outcome", reference, "07700 900104", "refused", "--amendment", "wrong item")
    assert run(capsys, *db, *fix)[0] == 0
    _, out, _ = run(capsys, *db, "orders", "--json")
    assert reference not in {o["reference"] for o in json.loads(out)}


def test_an_application_can_go_back_to_asking_for_an_order_until_discharged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Once --months or --until was given, nothing could take it away again: an order
    without an end (regulation 3(2)) could no longer be asked for."""
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    new = ("new-application", "--hearing", "2026-12-14", "--months", "6", "07700 900103")
    code, out, _ = run(capsys, *db, *new)
    reference = out.split()[-1]
    code, out, _ = run(capsys, *db, "edit-application", reference, "--until-discharged")
    assert code == 0 and out.splitlines()[0] == f"{reference}: saved the order asked for"
    code, _, err = run(capsys, *db, "edit-application", reference, "--until-discharged")
    assert code == 2 and "give at least one detail that differs" in err
    with pytest.raises(SystemExit) as refused:  # argparse refuses the two together
        run(capsys, *db, "edit-application", reference, "--months", "3", "--until-discharged")
    assert refused.value.code == 2 and "not allowed with argument" in capsys.readouterr().err
