from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.applications import ApplicationStatus, Officer, Outcome, SubmissionRefused
from raptor_desktop.core.orders import Duration
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.applications import (
    application_id,
    create_application,
    save_details,
    set_item,
    submit,
)
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.exhibits import AttachmentDamaged, NewExhibit, add_exhibit, attachment_dir
from raptor_desktop.store.line_detail import number_detail
from raptor_desktop.store.lines import find_number, set_status
from raptor_desktop.store.orders import confirm_disconnection, current_warnings, list_orders, renew
from raptor_desktop.store.outcomes import OrderTerms, record_outcome
from tests.app_fixtures import carve_out, details, make_application


def status_of(store: Store, number: str) -> Status:
    return find_number(store, number).status


def test_submission_refused_below_superintendent(demo_store: Store) -> None:
    reference = create_application(
        demo_store, details(authoriser=Officer("Ann Lee", "Inspector")), ["07700 900103"]
    )
    with pytest.raises(SubmissionRefused, match="below superintendent"):
        submit(demo_store, reference)
    assert status_of(demo_store, "07700 900103") is Status.READY


def test_submission_moves_numbers_and_locks_the_draft(demo_store: Store) -> None:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    assert status_of(demo_store, "07700 900103") is Status.IN_APPLICATION
    history = number_detail(demo_store, find_number(demo_store, "07700 900103").id).history
    assert history[-1]["note"] == f"application {reference} submitted"
    with pytest.raises(Conflict, match="only a draft can be changed"):
        submit(demo_store, reference)


@pytest.mark.usefixtures("after_the_hearings")
def test_outcomes_update_numbers_and_make_orders(demo_store: Store) -> None:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    heard = date(2026, 12, 10)
    record_outcome(
        demo_store, reference, "07700900103", Outcome.MADE, heard, OrderTerms(Duration(months=6))
    )
    record_outcome(demo_store, reference, "07700900113", Outcome.REFUSED, heard)
    record_outcome(demo_store, reference, "07700900114", Outcome.ADJOURNED, heard)
    assert status_of(demo_store, "07700 900103") is Status.ORDER_MADE
    assert status_of(demo_store, "07700 900113") is Status.REFUSED
    assert status_of(demo_store, "07700 900114") is Status.IN_APPLICATION
    [order] = [o for o in list_orders(demo_store) if o.reference == reference]
    assert order.deadline.date() == date(2026, 12, 17)
    assert order.end == date(2027, 6, 10)
    assert load_case_file(demo_store, reference).status is ApplicationStatus.HEARD
    assert any(
        "deadline is tomorrow" in w for w in current_warnings(demo_store, date(2026, 12, 16))
    )
    confirm_disconnection(demo_store, reference, "07700 900103", date(2026, 12, 14))
    later = current_warnings(demo_store, date(2026, 12, 18))
    assert not any("deadline" in w and reference in w for w in later)
    # the confirmation is the disconnection: the status follows, its history says why
    assert status_of(demo_store, "07700 900103") is Status.DISCONNECTED
    [(old, new, note)] = demo_store.db.execute(
        "SELECT s.from_status, s.to_status, s.note FROM status_changes s "
        "JOIN numbers n ON n.id = s.number_id WHERE n.e164 = '+447700900103' "
        "ORDER BY s.id DESC LIMIT 1"
    ).fetchall()
    assert (old, new) == ("order made", "disconnected")
    assert note == f"{reference}: the provider confirmed the disconnection on 14/12/2026"
    confirm_disconnection(demo_store, reference, "07700 900103", date(2026, 12, 15))  # corrected
    assert status_of(demo_store, "07700 900103") is Status.DISCONNECTED


def test_outcome_on_a_draft_or_unknown_number_is_refused(demo_store: Store) -> None:
    reference = make_application(demo_store)
    with pytest.raises(Conflict, match="still a draft"):
        record_outcome(demo_store, reference, "07700900103", Outcome.MADE, date(2026, 12, 10))
    with pytest.raises(RecordNotFound, match="not in"):
        submit(demo_store, reference)
        record_outcome(demo_store, reference, "07700900105", Outcome.MADE, date(2026, 12, 10))


@pytest.mark.usefixtures("after_the_hearings")
def test_an_outcome_to_come_or_a_carve_out_or_confirmation_before_its_order_is_refused(
    demo_store: Store,
) -> None:
    """A date typed a month out set a compliance time and order warnings for an order not yet
    made; a carve-out or a confirmation dated before its order (or with none) was accepted."""
    from raptor_desktop.core.errors import InputRejected

    reference = make_application(demo_store)
    submit(demo_store, reference)
    today = date.today()
    log_before = demo_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    tomorrow = date.fromordinal(today.toordinal() + 1)
    with pytest.raises(InputRejected, match="07700 900103: the outcome is dated .*, after today"):
        record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, tomorrow)
    with pytest.raises(InputRejected, match="no order on the number to carve it out of"):
        carve_out(demo_store, reference, "07700 900103", today)
    assert demo_store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == log_before
    assert find_number(demo_store, "07700 900103").status is Status.IN_APPLICATION
    ordered = date.fromordinal(today.toordinal() - 10)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, ordered)
    before = date.fromordinal(ordered.toordinal() - 1)
    with pytest.raises(InputRejected, match="the carve-out is dated .*, before the order"):
        carve_out(demo_store, reference, "07700 900103", before)
    with pytest.raises(InputRejected, match="before the order it complies with was made"):
        confirm_disconnection(demo_store, reference, "07700 900103", before)
    with pytest.raises(InputRejected, match="the confirmation is dated .*, after today"):
        confirm_disconnection(demo_store, reference, "07700 900103", tomorrow)
    [order] = [o for o in list_orders(demo_store) if o.reference == reference]
    assert order.confirmed_on is None and order.end != before
    confirm_disconnection(demo_store, reference, "07700 900103", ordered)
    carve_out(demo_store, reference, "07700 900103", today)


@pytest.mark.usefixtures("after_the_hearings")
def test_reemerged_brand_warns(demo_store: Store) -> None:
    reference = create_application(demo_store, details(), ["07700 900103"])
    submit(demo_store, reference)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    from raptor_desktop.core.lines import LineDetails, SeenDates
    from raptor_desktop.store.lines import add_number

    add_number(
        demo_store, "07700 900150", LineDetails(brand="Dee"), dates=SeenDates(date(2026, 12, 20))
    )
    assert any("re-emerged on 07700 900150" in w for w in current_warnings(demo_store))


def test_exhibit_marks_run_on_across_applications(demo_store: Store, tmp_path: Path) -> None:
    first = make_application(demo_store)
    second = create_application(demo_store, details(), ["07700 900109"])
    for number in ("07700 900109",):
        set_status(demo_store, number, Status.READY)
    mark = add_exhibit(
        demo_store, application_id(demo_store, second), NewExhibit("rc", "Phone download report")
    )
    assert mark == "RC/3"
    assert [e.mark for e in load_case_file(demo_store, first).exhibits] == ["RC/1", "RC/2"]


def test_attached_file_is_copied_and_checked(demo_store: Store, tmp_path: Path) -> None:
    source = tmp_path / "text.png"
    source.write_bytes(
        Path(__file__).parents[2].joinpath("resources", "icons", "raptor.png").read_bytes()
    )
    reference = make_application(demo_store, attach=source)
    source.unlink()  # the attachment store keeps its own copy
    case = load_case_file(demo_store, reference)
    assert case.exhibits[0].file is not None and case.exhibits[0].file[:4] == b"\x89PNG"
    stored = next(attachment_dir(demo_store).iterdir())
    stored.write_bytes(stored.read_bytes() + b"tampered")
    with pytest.raises(AttachmentDamaged, match="has changed since it was added"):
        load_case_file(demo_store, reference)


@pytest.mark.usefixtures("after_the_hearings")
def test_renewal_starts_prefilled_draft(demo_store: Store) -> None:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    new = renew(demo_store, reference)
    case = load_case_file(demo_store, new)
    assert case.status is ApplicationStatus.DRAFT
    assert [i.display for i in case.items] == ["07700 900103"]
    assert case.court and case.applicant.name == "Rachel Carter"
    # the renewal's statement is the applicant's next in the case
    assert load_case_file(demo_store, reference).statement_number == 1
    assert case.statement_number == 2


def test_bad_hearing_time(demo_store: Store) -> None:
    reference = make_application(demo_store)
    with pytest.raises(ValueError, match="HH:MM"):
        save_details(demo_store, reference, details(hearing_time="half ten"))


@pytest.mark.usefixtures("after_the_hearings")
def test_statement_number_counts_the_officers_statements_in_the_case(demo_store: Store) -> None:
    jo = Officer("Jo Brown", "Detective Constable", "70500", "Essex Police", "Grays")
    first = create_application(demo_store, details(applicant=jo), ["07700 900103"])
    before = load_case_file(demo_store, first, check_files=False).statement_number
    # another claim, even one signed earlier, is another case: it moves nothing
    create_application(
        demo_store, details(applicant=jo, statement_date=date(2026, 11, 1)), ["07700 900113"]
    )
    assert before == 1
    assert load_case_file(demo_store, first, check_files=False).statement_number == 1
    submit(demo_store, first)
    record_outcome(demo_store, first, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    renewal = renew(demo_store, first)
    assert load_case_file(demo_store, renewal, check_files=False).statement_number == 2
    save_details(  # the renewal prepared by another officer: their first statement in it
        demo_store,
        renewal,
        details(applicant=Officer("Sam Patel", "Detective Constable", "70001", "Essex Police")),
    )
    assert load_case_file(demo_store, renewal, check_files=False).statement_number == 1


def test_an_exhibit_file_must_be_what_its_name_says_and_not_a_link(
    demo_store: Store, tmp_path: Path
) -> None:
    from raptor_desktop.core.errors import InputRejected, UnusableFile
    from raptor_desktop.documents.pack import hearing_pack

    reference = make_application(demo_store)
    app_id = application_id(demo_store, reference)
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0\n")
    link = tmp_path / "statement.pdf"
    link.symlink_to(secret)
    renamed = tmp_path / "photo.png"
    renamed.write_text("root:x:0:0\n")
    for file, why in ((link, "is a link"), (renamed, "its content is not a PNG")):
        with pytest.raises(InputRejected, match=why):
            add_exhibit(demo_store, app_id, NewExhibit("RC", "A file", None, (), file))
    assert not attachment_dir(demo_store).exists() or not any(attachment_dir(demo_store).iterdir())
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\nnot really a PDF at all\n")
    mark = add_exhibit(demo_store, app_id, NewExhibit("RC", "Damaged scan", None, (), fake))
    with pytest.raises(UnusableFile, match=f"exhibit {mark}: its file fake.pdf cannot be read"):
        hearing_pack(load_case_file(demo_store, reference))


def test_a_submitted_application_changes_only_as_an_amendment_with_its_reason(
    demo_store: Store,
) -> None:
    from dataclasses import replace

    from raptor_desktop.store.audit import entries
    from raptor_desktop.store.case_file import load_case_file

    reference = make_application(demo_store)
    for number in ("07700 900103", "07700 900113"):
        set_item(demo_store, reference, number, "EE", "test purchases and marketing texts")
    set_item(demo_store, reference, "07700 900114", "EE", "marketing texts")
    submit(demo_store, reference)
    changed = replace(details(), claim_number="K00CL123")
    with pytest.raises(Conflict, match="give its reason"):
        save_details(demo_store, reference, changed)
    with pytest.raises(Conflict, match="give its reason"):
        set_item(demo_store, reference, "07700 900103", "EE", "new grounds")
    save_details(demo_store, reference, changed, "claim number given by the court on issue")
    entry = entries(demo_store)[-1]
    assert (entry.event, entry.justification) == (
        "amend application",
        "claim number given by the court on issue",
    )
    assert load_case_file(demo_store, reference, check_files=False).claim_number == "K00CL123"


def test_a_draft_can_be_deleted_and_a_submitted_one_cannot(demo_store: Store) -> None:
    from raptor_desktop.store.applications import delete_draft
    from raptor_desktop.store.audit import entries

    reference = make_application(demo_store)
    delete_draft(demo_store, reference)
    deleted = entries(demo_store)[-1]
    assert (deleted.event, deleted.category) == ("delete draft application", "erasure")
    # its reference is not given again: the log would name two applications by it
    assert make_application(demo_store, numbers=["07700 900102"]) != reference
    with pytest.raises(RecordNotFound):
        application_id(demo_store, reference)
    submitted = make_application(demo_store)
    for number in ("07700 900103", "07700 900113", "07700 900114"):
        set_item(demo_store, submitted, number, "EE", "test purchases")
    submit(demo_store, submitted)
    with pytest.raises(Conflict, match="only a draft"):
        delete_draft(demo_store, submitted)


def test_a_hearing_time_written_10_30_is_kept_as_10_30(demo_store: Store) -> None:
    from raptor_desktop.store.applications import save_details
    from tests.app_fixtures import details, make_application

    reference = make_application(demo_store)
    save_details(demo_store, reference, details(hearing_time="10.30"))
    assert load_case_file(demo_store, reference).hearing_time == "10:30"


def test_the_demo_fixes_its_hearings_on_days_the_court_sits(training_store: Store) -> None:
    """Seeded on 13 December 2025, the demo's hearing twelve days on fell on Christmas Day,
    a Thursday: a day the court does not sit."""
    from raptor_desktop.store.case_file import list_applications
    from raptor_desktop.store.demo import seed_demo

    seed_demo(training_store, today=date(2025, 12, 13))
    hearings = {a["hearing_date"] for a in list_applications(training_store)}
    assert "2025-12-29" in hearings and "2025-12-25" not in hearings
