"""Each officer keeps their own profile, which fills in the applicant of new applications."""

from __future__ import annotations

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.applications import DEFAULT_FORCE, Officer
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.services.applications import blank_details
from raptor_desktop.store.accounts import add_user
from raptor_desktop.store.database import Store
from raptor_desktop.store.profiles import officer_profile, save_officer_profile
from tests.registers import sign_in

PASSWORD = "a long enough password"


def log(store: Store) -> list[tuple[str, str, str]]:
    """The log as the file holds it (an officer may not read it through the program)."""
    return [tuple(r) for r in store.db.execute("SELECT event, user, records FROM audit_log")]


@pytest.fixture
def officer(training_store: Store) -> Store:
    add_user(training_store, "chief", "Chief Admin", Role.ADMINISTRATOR, PASSWORD)
    sign_in(training_store, "chief", PASSWORD)
    add_user(training_store, "pc71234", "", Role.OFFICER, PASSWORD)
    sign_in(training_store, "pc71234", PASSWORD)
    return training_store


def test_a_profile_is_kept_tidied_and_logged(officer: Store) -> None:
    assert officer_profile(officer) == Officer(force=DEFAULT_FORCE)
    kept = save_officer_profile(
        officer,
        Officer("DC  Rachel   Carter", "", " 71234 ", "", "Grays Police Station\nOrsett Road\n"),
    )
    assert kept == Officer(
        "Rachel Carter",
        "Detective Constable",
        "71234",
        DEFAULT_FORCE,
        "Grays Police Station, Orsett Road",
    )
    assert officer_profile(officer) == kept
    assert log(officer)[-1] == ("change officer profile", "pc71234", "pc71234")


def test_a_new_application_names_the_signed_in_officer(officer: Store) -> None:
    save_officer_profile(officer, Officer("Rachel Carter", "Detective Sergeant", "71234"))
    described = blank_details(officer).applicant.described()
    assert described == "Detective Sergeant Rachel Carter (71234)"
    sign_in(officer, "chief", PASSWORD)  # another officer's applications name them, not her
    assert blank_details(officer).applicant.name == "Chief Admin"


def test_a_profile_is_refused_field_by_field_and_nothing_is_kept(officer: Store) -> None:
    save_officer_profile(officer, Officer("Rachel Carter", collar="71234"))
    before = len(log(officer))
    with pytest.raises(InputRejected) as refused:
        save_officer_profile(officer, Officer("", collar="7" * 21))
    message = str(refused.value)
    assert "collar number is 21 characters long; at most 20" in message
    assert "give your name" in message
    with pytest.raises(InputRejected, match="rank is on more than one line"):
        save_officer_profile(officer, Officer("Rachel Carter", "Detective\nConstable"))
    assert officer_profile(officer).collar == "71234" and len(log(officer)) == before
