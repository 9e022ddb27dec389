"""`raptor profile`: the officer keeps their details once, and new applications use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.applications import Officer
from raptor_desktop.store.case_file import load_case_file
from tests.cli import run
from tests.registers import open_store


def applicant(db: list[str], reference: str) -> Officer:
    with open_store(Path(db[1]), actor="tester", role=Role.ADMINISTRATOR) as store:
        return load_case_file(store, reference, check_files=False).applicant


def test_a_profile_kept_once_names_the_applicant(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, *demo, "profile", "--name", "DC Rachel Carter", "--collar", "71234",
        "--address", "Grays Police Station, Orsett Road, Grays RM17 5DD",
    )  # fmt: skip
    assert code == 0 and "Rank:          Detective Constable" in out
    code, out, _ = run(capsys, *demo, "new-application", "--hearing", "20/12/2026", "07700 900103")
    assert code == 0
    reference = out.split()[-1]
    officer = applicant(demo, reference)
    assert officer.described() == "Detective Constable Rachel Carter (71234)"
    assert officer.work_address.startswith("Grays Police Station")
    code, out, _ = run(  # an option given replaces that field only
        capsys, *demo, "new-application", "--hearing", "20/12/2026", "--collar", "70001",
        "07700 900113",
    )  # fmt: skip
    assert applicant(demo, out.split()[-1]).collar == "70001"


def test_without_a_name_or_an_applicant_the_command_says_what_to_give(
    demo: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPTOR_NEW_PASSWORD", "a long enough password")
    monkeypatch.setenv("RAPTOR_PASSWORD", "a long enough password")
    assert run(capsys, *demo, "users", "add", "pc2")[0] == 0  # an account with no name
    pc2 = [demo[0], demo[1], "--user", "pc2"]
    code, _, err = run(capsys, *pc2, "new-application", "--hearing", "20/12/2026", "07700 900103")
    assert code == 2 and "--applicant" in err and "raptor profile --name" in err
    code, _, err = run(capsys, *pc2, "profile", "--name", " ")
    assert code == 1 and "give your name" in err
    code, _, _ = run(
        capsys, *pc2, "new-application", "--hearing", "20/12/2026", "--applicant", "Ann Lee",
        "07700 900103",
    )  # fmt: skip
    assert code == 0


def test_a_field_too_long_is_refused_with_its_name(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *demo, "profile", "--collar", "7" * 30)
    assert code == 1 and "collar number is 30 characters long" in err
    _, out, _ = run(capsys, *demo, "profile")
    assert "Collar number: 71234" in out  # the demo officer's, unchanged


def test_an_account_added_to_the_demo_signs_in_with_its_own_password(
    demo: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--demo signed every account in with the demo's published password, so an account
    added to the demo failed on each command until it was locked out."""
    monkeypatch.setenv("RAPTOR_NEW_PASSWORD", "a long enough password")
    assert run(capsys, *demo, "users", "add", "pc2")[0] == 0
    monkeypatch.setenv("RAPTOR_PASSWORD", "a long enough password")
    code, out, err = run(capsys, *demo, "--user", "pc2", "lines")
    assert code == 0 and "07700 900103" in out, err
    code, _, err = run(capsys, *demo, "--user", "trainer.sgt", "lines")
    assert code == 0, err  # the demo's own accounts keep the demo's password
