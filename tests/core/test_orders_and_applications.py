from __future__ import annotations

from datetime import date, datetime

import pytest

from raptor_desktop.core.applications import (
    Officer,
    authority_gaps,
    can_authorise,
    split_rank,
    submission_problems,
)
from raptor_desktop.core.orders import (
    Duration,
    OrderFacts,
    add_months,
    order_warnings,
    suggested_earlier_time,
)
from raptor_desktop.core.statuses import Status


def facts(**changes: object) -> OrderFacts:
    base: dict[str, object] = dict(
        reference="RAP-2026-001",
        number="07700 900103",
        brand="Dee",
        order_date=date(2026, 11, 20),
        deadline=datetime(2026, 11, 27, 23, 59),
        confirmed_on=None,
        end=None,
        reemerged_numbers=(),
    )
    base.update(changes)
    return OrderFacts(**base)  # type: ignore[arg-type]


def test_deadline_tomorrow_and_passed() -> None:
    assert "deadline is tomorrow" in order_warnings(facts(), date(2026, 11, 26))[0]
    assert "deadline passed on 27/11/2026" in order_warnings(facts(), date(2026, 11, 28))[0]
    confirmed = order_warnings(facts(confirmed_on=date(2026, 11, 24)), date(2026, 11, 28))
    assert not any("deadline" in w for w in confirmed)


def test_confirmed_order_raises_no_deadline_warning() -> None:
    found = order_warnings(
        facts(confirmed_on=date(2026, 11, 24), end=date(2027, 11, 20)), date(2026, 12, 1)
    )
    assert found == []


@pytest.mark.parametrize(
    ("now", "suggested"),
    [
        (datetime(2026, 12, 1, 9, 30), datetime(2026, 12, 7, 23, 59)),  # a day before its time
        (datetime(2026, 12, 7, 23, 30), datetime(2026, 12, 8, 0, 0)),  # then the next hour
        (datetime(2026, 12, 8, 23, 30), datetime(2026, 12, 7, 23, 59)),  # no hour left before
    ],
)
def test_an_earlier_time_is_suggested_before_the_order_s_own(
    now: datetime, suggested: datetime
) -> None:
    order_time = datetime(2026, 12, 8, 23, 59)
    assert suggested_earlier_time(order_time, now) == suggested
    assert suggested < order_time


def test_end_within_28_days() -> None:
    order = facts(confirmed_on=date(2026, 11, 24), end=date(2027, 5, 20))
    assert order_warnings(order, date(2027, 4, 21)) == []
    assert "order ends on 20/05/2027" in order_warnings(order, date(2027, 4, 23))[0]


def test_open_ended_review_every_six_months() -> None:
    order = facts(confirmed_on=date(2026, 11, 24))
    assert order_warnings(order, date(2027, 3, 1)) == []
    assert "review on 20/05/2027" in order_warnings(order, date(2027, 5, 1))[0]
    assert "review on 20/11/2027" in order_warnings(order, date(2027, 11, 1))[0]


def test_reemerged_brand() -> None:
    order = facts(confirmed_on=date(2026, 11, 24), reemerged_numbers=("07700 900150",))
    assert "re-emerged on 07700 900150" in order_warnings(order, date(2026, 12, 1))[0]


def test_duration_and_months() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert Duration(months=12).end(date(2026, 1, 15)) == date(2027, 1, 15)
    assert Duration().end(date(2026, 1, 15)) is None
    assert Duration(end_date=date(2027, 5, 14)).describe() == "until 14 May 2027"


def test_submission_needs_superintendent_date_and_ready_numbers() -> None:
    ready = {"07700 900103": Status.READY}
    assert (
        submission_problems(
            Officer("Mark Hughes", "Superintendent", "1203"), date(2026, 11, 27), ready
        )
        == []
    )
    problems = submission_problems(
        Officer("Ann Lee", "Inspector"), None, {"07700 900106": Status.GATHERING_EVIDENCE}
    )
    said = {p.what: p.where for p in problems}
    assert any("below superintendent" in p for p in said)
    assert any("date of the authority" in p for p in said)
    [not_ready] = [p for p in said if "07700 900106" in p]
    assert "Change status" in said[not_ready] and "raptor set-status" in said[not_ready]
    assert all("Officers tab" in w for p, w in said.items() if p != not_ready)
    below = next(w for p, w in said.items() if "below superintendent" in p)
    assert below.endswith('edit-application REFERENCE --authoriser-rank "Superintendent")')
    when = next(w for p, w in said.items() if "date of the authority" in p)
    assert when.endswith("--authorised-on DATE)")  # each gap names its own option
    nca = Officer("Pat Doe", "NCA Deputy Director General", "NCA 17")
    assert submission_problems(nca, date(2026, 11, 27), ready) == []


def test_officer_initials() -> None:
    assert Officer("Rachel Carter").initials == "RC"
    assert Officer("Mary-Jane O'Neil Smith").initials == "MJOS"


@pytest.mark.parametrize(
    ("typed", "rank", "name"),
    [
        ("DC Rachel Carter", "Detective Constable", "Rachel Carter"),
        ("D.C. Rachel Carter", "Detective Constable", "Rachel Carter"),
        ("Det Supt Mark Hale", "Detective Superintendent", "Mark Hale"),
        ("Ch Supt Ann Lee", "Chief Superintendent", "Ann Lee"),
        ("Sgt Tom Reed", "Sergeant", "Tom Reed"),
        ("Detective Chief Inspector Ann Lee", "Detective Chief Inspector", "Ann Lee"),
        ("Di Smith", "", "Di Smith"),  # a first name, not "DI"
        ("DI Smith", "Detective Inspector", "Smith"),
        ("DC", "", "DC"),  # a name must remain
        ("Rachel Carter", "", "Rachel Carter"),
    ],
)
def test_a_rank_typed_before_the_name_is_split_off(typed: str, rank: str, name: str) -> None:
    assert split_rank(typed) == (rank, name)


def test_tidied_officer_keeps_a_chosen_rank_and_fixes_the_initials() -> None:
    assert Officer("DC Rachel Carter").tidied() == Officer("Rachel Carter", "Detective Constable")
    chosen = Officer("Det Supt Mark Hale", "Superintendent").tidied()
    assert (chosen.name, chosen.rank, chosen.initials) == ("Mark Hale", "Superintendent", "MH")


@pytest.mark.parametrize(
    ("typed", "rank"),
    [
        ("Supt", "Superintendent"),
        ("Det. Supt.", "Detective Superintendent"),
        ("ch supt", "Chief Superintendent"),
        ("Staff Officer", "Staff Officer"),  # not known: kept as typed
    ],
)
def test_an_abbreviated_rank_is_written_out(typed: str, rank: str) -> None:
    """'Supt' typed as the authoriser's rank was read as a rank below superintendent."""
    officer = Officer("Mark Hughes", typed, "1203").tidied()
    assert officer.rank == rank
    assert authority_gaps(officer, date(2026, 11, 27)) == [] or rank == "Staff Officer"


def test_detective_superintendents_may_authorise() -> None:
    assert can_authorise("Detective Superintendent")
    assert can_authorise("detective chief superintendent")
    assert not can_authorise("Detective Chief Inspector")


def test_a_submission_refused_names_each_problem_of_the_authority_once() -> None:
    """The submission's own checks and the pack's gaps share their words, so a reason is
    never given twice in two wordings; a rank left empty is said to be missing."""
    from raptor_desktop.core.applications import submission_problems

    problems = submission_problems(
        Officer(name="Mark Hale", rank="", collar="2201"), None, {"+447700900101": Status.READY}
    )
    assert [p.what for p in problems] == [
        "the authorising officer's rank is not recorded: the application must be authorised "
        "by a superintendent or above (or the NCA Director General or a Deputy)",
        "the date of the authority is not recorded",
    ]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("10:30", "10:30"),
        ("10.30", "10:30"),
        ("1030", "10:30"),
        ("9.30", "09:30"),
        (" 14:05 ", "14:05"),
    ],
)
def test_a_hearing_time_is_read_as_officers_write_it(written: str, read: str) -> None:
    from raptor_desktop.core.dates import clock_time

    assert clock_time(written) == read


@pytest.mark.parametrize("written", ["25:00", "10:61", "half ten", "10.3"])
def test_a_time_that_is_none_is_refused_as_written(written: str) -> None:
    from raptor_desktop.store.applications import ApplicationDetails

    assert ApplicationDetails(hearing_time=written).problems() == [
        f"hearing time {written!r} is not HH:MM (24-hour)"
    ]


def test_an_authority_without_the_authoriser_s_collar_number_is_a_gap() -> None:
    """The authority names who gave it; a superintendent recorded without a collar number
    had said 'no gaps'."""
    [gap] = authority_gaps(Officer("Mark Hughes", "Superintendent"), date(2026, 11, 27))
    assert gap.what.startswith("the authorising officer's collar number is not recorded")
    assert "--authoriser-collar N" in gap.where
    assert (
        authority_gaps(Officer("Mark Hughes", "Superintendent", "1203"), date(2026, 11, 27)) == []
    )
