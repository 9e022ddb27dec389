"""The command line as a new user meets it (issue 12): UK dates, clear refusals, plurals."""

from __future__ import annotations

from pathlib import Path

import pytest

from raptor_desktop.__main__ import main
from raptor_desktop.core.dates import parse_date
from tests.cli import run


def test_dates_are_taken_as_officers_write_them() -> None:
    assert parse_date("14/05/2021") == parse_date("2021-05-14") == parse_date("14.5.2021")
    with pytest.raises(ValueError, match="February 2026 has 28 days"):
        parse_date("31/02/2026")
    with pytest.raises(ValueError, match="write it as dd/mm/yyyy"):
        parse_date("next Tuesday")


def test_a_uk_date_on_the_command_line(demo: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([*demo, "audit", "--since", "31/02/2026"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert "February 2026 has 28 days" in err and "out of range" not in err
    assert run(capsys, *demo, "audit", "--since", "01/11/2026", "--json")[0] == 0


def test_an_import_that_rejects_every_row_fails(
    demo: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("number\n07700 90\nnot a number\n", encoding="utf-8")
    code, out, err = run(capsys, *demo, "import-lines", str(bad))
    assert code == 1 and "rejected 2" in out and "nothing was imported" in err


def test_new_application_warns_and_refuses_a_number_in_two_words(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    base = [*demo, "new-application", "--applicant", "Rachel Carter"]
    code, _, err = run(capsys, *base, "--hearing", "2026-12-10", "07700", "900103")
    assert code == 2 and '"07700 900103"' in err and "quotes" in err
    code, out, err = run(
        capsys, *base, "--hearing", "01/01/2020", "--court", "Court of Narnia", "07700 900103"
    )
    assert code == 0 and "created draft application with 1 number\n" in out
    assert "'Court of Narnia' is not one of the courts" in err
    assert "hearing date 01/01/2020 is in the past" in err
