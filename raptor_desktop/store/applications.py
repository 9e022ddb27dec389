"""Writing DDTRO applications: creating them, their numbers, authority, submission, outcomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from raptor_desktop.core.accounts import Permission
from raptor_desktop.core.applications import (
    ApplicationStatus,
    Gap,
    Officer,
    Outcome,
    SubmissionRefused,
    submission_problems,
)
from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.core.dates import clock_time, to_iso
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.orders import Duration
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.lines import find_number, record_status
from raptor_desktop.store.reference import operation_id
from raptor_desktop.store.settings import operation_or_default


@dataclass
class ApplicationDetails:
    """The editable facts of an application (numbers, exhibits and outcomes are separate)."""

    court: str = ""
    hearing_date: date | None = None
    hearing_time: str = ""
    claim_number: str = ""
    applicant: Officer = Officer()
    authoriser: Officer = Officer()
    authorised_on: date | None = None
    requested: Duration = Duration()  # what the court is asked for (reg 3(2))
    statement_date: date | None = None  # the date the officer signs the witness statement
    with_notice: bool = False  # whether the providers were given notice of the application

    def problems(self) -> list[str]:
        found = []
        if self.requested.end_date and self.requested.months:
            found.append("ask for an end date or a number of months, not both")
        if self.requested.months is not None and self.requested.months < 1:
            found.append("an order asked for a number of months lasts at least 1 month")
        if (
            self.requested.end_date
            and self.hearing_date
            and self.requested.end_date <= self.hearing_date
        ):
            found.append("the end date asked for must be after the hearing")
        time = clock_time(self.hearing_time)
        if time and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", time):
            found.append(f"hearing time {self.hearing_time!r} is not HH:MM (24-hour)")
        return found


def details_of(case: CaseFile) -> ApplicationDetails:
    """The editable facts of an application as stored, to change some and save them again."""
    return ApplicationDetails(
        court=case.court,
        hearing_date=case.hearing_date,
        hearing_time=case.hearing_time,
        claim_number=case.claim_number,
        applicant=case.applicant,
        authoriser=case.authoriser,
        authorised_on=case.authorised_on,
        requested=case.requested,
        statement_date=case.statement_date,
        with_notice=case.with_notice,
    )


def _officer_columns(prefix: str, officer: Officer, *, full: bool) -> dict[str, object]:
    officer = officer.tidied()
    columns: dict[str, object] = {
        f"{prefix}_name": officer.name.strip(),
        f"{prefix}_rank": officer.rank.strip(),
        f"{prefix}_collar": officer.collar.strip(),
    }
    if full:
        columns[f"{prefix}_force"] = officer.force.strip()
        columns[f"{prefix}_address"] = officer.work_address.strip()
    return columns


def _remember_court(db: sqlite_utils.Database, court: str) -> None:
    """A court typed in for the first time joins the editable list."""
    if court.strip():
        db.execute("INSERT OR IGNORE INTO courts (name) VALUES (?)", [" ".join(court.split())])


def _detail_columns(details: ApplicationDetails) -> dict[str, object]:
    return {
        "court": details.court.strip(),
        "hearing_date": details.hearing_date.isoformat() if details.hearing_date else None,
        "hearing_time": clock_time(details.hearing_time) or None,
        "claim_number": details.claim_number.strip(),
        **_officer_columns("applicant", details.applicant, full=True),
        **_officer_columns("authoriser", details.authoriser, full=False),
        "authorised_on": details.authorised_on.isoformat() if details.authorised_on else None,
        "requested_until": to_iso(details.requested.end_date),
        "requested_months": details.requested.months,
        "statement_date": to_iso(details.statement_date),
        "with_notice": 1 if details.with_notice else 0,
    }


def application_id(store: Store, reference: str) -> int:
    row = store.db.execute(
        "SELECT id FROM applications WHERE reference = ?", [reference.strip()]
    ).fetchone()
    if row is None:
        raise RecordNotFound(f"no application with reference {reference.strip()!r}")
    return int(row[0])


DELETE_DRAFT_EVENT = "delete draft application"


def next_reference(store: Store, operation: str, year: int) -> str:
    """``RAP-2026-003``: the operation's first letters, the year and a running number.

    A deleted draft's number is never given again: the log names it, and one reference must
    not stand for two applications there.
    """
    words = [w for w in re.findall(r"[A-Za-z]+", operation) if w.lower() != "operation"]
    prefix = (words[0][:3] if words else "DDT").upper()
    pattern = f"{prefix}-{year}-%"
    used = [
        r[0]
        for r in store.db.execute(
            "SELECT reference FROM applications WHERE reference LIKE ? UNION "
            "SELECT records FROM audit_log WHERE event = ? AND records LIKE ?",
            [pattern, DELETE_DRAFT_EVENT, pattern],
        )
    ]
    numbers = [int(r.rsplit("-", 1)[1]) for r in used if r.rsplit("-", 1)[1].isdigit()]
    return f"{prefix}-{year}-{max(numbers, default=0) + 1:03d}"


def create_application(
    store: Store,
    details: ApplicationDetails,
    numbers: list[str],
    *,
    operation: str = "",
    reference: str | None = None,
    renews: str | None = None,
) -> str:
    """Create a draft application holding ``numbers`` in ``operation`` (none named: the
    register's default); returns its reference."""
    operation = operation_or_default(store, operation)
    problems = details.problems()
    if problems:
        raise InputRejected("; ".join(problems))
    with store.transaction("create application") as db:
        reference = (reference or "").strip() or next_reference(store, operation, date.today().year)
        store.describe(reference)
        if db.execute("SELECT 1 FROM applications WHERE reference = ?", [reference]).fetchone():
            raise Conflict(f"an application with reference {reference!r} already exists")
        renews_id = application_id(store, renews) if renews else None
        _remember_court(db, details.court)
        now = utc_now()
        app_id = insert_row(
            db,
            "applications",
            {
                "reference": reference,
                "operation_id": operation_id(db, operation),
                **_detail_columns(details),
                "status": ApplicationStatus.DRAFT.value,
                "renews_application_id": renews_id,
                "created_at": now,
                "created_by": store.actor,
                "updated_at": now,
            },
        )
        for text in numbers:
            _add_number(store, db, app_id, text)
    return reference


def _add_number(store: Store, db: sqlite_utils.Database, app_id: int, text: str) -> str:
    """Put the number written as ``text`` in the application; returns it in E.164."""
    number = find_number(store, text)
    if db.execute(
        "SELECT 1 FROM application_numbers WHERE application_id = ? AND number_id = ?",
        [app_id, number.id],
    ).fetchone():
        raise Conflict(f"{national_format(number.e164)} is already in this application")
    pending = awaiting_elsewhere(db, app_id, number.id)
    if pending:
        raise Conflict(
            f"{national_format(number.e164)} is already in {pending}, which awaits the court's "
            "outcome for it: a number goes in one application at a time (once that outcome is "
            "recorded, a renewal or a fresh application may name it)"
        )
    provider = db.execute(
        "SELECT CASE WHEN provider_confirmed <> '' THEN provider_confirmed ELSE range_holder END "
        "FROM numbers WHERE id = ?",
        [number.id],
    ).fetchone()[0]
    db.execute(
        "INSERT INTO application_numbers (application_id, number_id, provider) VALUES (?, ?, ?)",
        [app_id, number.id, provider if not provider.startswith("none") else ""],
    )
    return number.e164


def awaiting_elsewhere(db: sqlite_utils.Database, app_id: int, number_id: int) -> str | None:
    """The reference of another application the number is in with no outcome yet (or
    adjourned), if any: a draft or one before the court."""
    row = db.execute(
        "SELECT a.reference FROM application_numbers an JOIN applications a "
        "ON a.id = an.application_id WHERE an.number_id = ? AND a.id <> ? "
        "AND (an.outcome IS NULL OR an.outcome = ?) ORDER BY a.id LIMIT 1",
        [number_id, app_id, Outcome.ADJOURNED.value],
    ).fetchone()
    return row[0] if row else None


def delete_draft(store: Store, reference: str) -> None:
    """Delete an application that is still a draft (never one that went to court); its
    numbers go back to where they were, its exhibits stay with no application."""
    with store.transaction(DELETE_DRAFT_EVENT, reference) as db:
        app_id = application_id(store, reference)
        _check_draft(store, app_id, reference)
        db.execute("UPDATE exhibits SET application_id = NULL WHERE application_id = ?", [app_id])
        db.execute("DELETE FROM application_numbers WHERE application_id = ?", [app_id])
        for letters in ("provider_letters", "order_letters"):
            db.execute(f"DELETE FROM {letters} WHERE application_id = ?", [app_id])
        db.execute(
            "UPDATE applications SET renews_application_id = NULL WHERE renews_application_id = ?",
            [app_id],
        )
        db.execute("DELETE FROM applications WHERE id = ?", [app_id])


def _check_draft(store: Store, app_id: int, reference: str) -> None:
    status = store.db.execute("SELECT status FROM applications WHERE id = ?", [app_id]).fetchone()
    if status[0] != ApplicationStatus.DRAFT.value:
        raise Conflict(f"{reference} has been {status[0]}; only a draft can be changed")


def add_numbers(store: Store, reference: str, numbers: list[str]) -> None:
    with store.transaction("add numbers to application", reference) as db:
        app_id = application_id(store, reference)
        _check_draft(store, app_id, reference)
        added = [_add_number(store, db, app_id, text) for text in numbers]
        store.describe(f"{reference}: {', '.join(added)}")


def remove_number(store: Store, reference: str, text: str) -> None:
    with store.transaction("remove number from application", reference) as db:
        app_id = application_id(store, reference)
        _check_draft(store, app_id, reference)
        number = find_number(store, text)
        store.describe(f"{reference}: {number.e164}")
        gone = db.execute(
            "DELETE FROM application_numbers WHERE application_id = ? AND number_id = ?",
            [app_id, number.id],
        )
        if gone.rowcount == 0:
            raise RecordNotFound(f"{national_format(number.e164)} is not in {reference}")


def _amendment(store: Store, reference: str, amendment: str) -> tuple[str, str]:
    """The log event and justification of a change: an edit of a draft, or, once submitted,
    an amendment that must give its reason (the court has the application as it was)."""
    row = store.db.execute(
        "SELECT status FROM applications WHERE reference = ?", [reference]
    ).fetchone()
    if row is None or row[0] == ApplicationStatus.DRAFT.value:
        return "edit application", ""
    if not amendment.strip():
        raise Conflict(
            f"{reference} has been {row[0]}: a change now is an amendment; give its reason "
            "(it is logged with the change)"
        )
    return "amend application", amendment.strip()


def save_details(
    store: Store, reference: str, details: ApplicationDetails, amendment: str = ""
) -> None:
    """Save the application's details; once it is submitted, only as an amendment with its
    reason (a claim number the court gave, an adjourned hearing)."""
    problems = details.problems()
    if problems:
        raise InputRejected("; ".join(problems))
    event, why = _amendment(store, reference, amendment)
    with store.transaction(event, reference, justification=why) as db:
        app_id = application_id(store, reference)
        _remember_court(db, details.court)
        db.table("applications").update(
            app_id, {**_detail_columns(details), "updated_at": utc_now()}
        )


def set_item(
    store: Store, reference: str, text: str, provider: str, grounds: str, amendment: str = ""
) -> None:
    """Set the provider to serve and the grounds summary for one number of an application
    (once submitted, as an amendment with its reason)."""
    event, why = _amendment(store, reference, amendment)
    item_event = "edit application item" if event == "edit application" else event
    with store.transaction(item_event, reference, justification=why) as db:
        app_id = application_id(store, reference)
        number = find_number(store, text)
        store.describe(f"{reference}: {number.e164}")
        cursor = db.execute(
            "UPDATE application_numbers SET provider = ?, grounds = ? "
            "WHERE application_id = ? AND number_id = ?",
            [provider.strip(), grounds.strip(), app_id, number.id],
        )
        if cursor.rowcount == 0:
            raise RecordNotFound(f"{national_format(number.e164)} is not in {reference}")


def number_statuses(store: Store, app_id: int) -> dict[str, Status]:
    return {
        national_format(e164): Status(status)
        for e164, status in store.db.execute(
            "SELECT n.e164, n.status FROM application_numbers an "
            "JOIN numbers n ON n.id = an.number_id WHERE an.application_id = ?",
            [app_id],
        )
    }


def _pending_elsewhere_gaps(db: sqlite_utils.Database, app_id: int, reference: str) -> list[Gap]:
    gaps = []
    for number_id, e164 in db.execute(
        "SELECT n.id, n.e164 FROM application_numbers an JOIN numbers n ON n.id = an.number_id "
        "WHERE an.application_id = ? ORDER BY n.e164",
        [app_id],
    ).fetchall():
        pending = awaiting_elsewhere(db, app_id, number_id)
        if pending:
            shown = national_format(e164)
            gaps.append(
                Gap(
                    f"{shown} is also in {pending}, which awaits the court's outcome for it",
                    "take it out of this application (Remove number, or raptor remove-number "
                    f"{reference} {shown.replace(' ', '')})",
                )
            )
    return gaps


def submit(store: Store, reference: str) -> None:
    """Mark a draft submitted, moving its numbers to "in application".

    Refused, with every reason, until a superintendent or above has authorised it and dated
    the authority, and every number is ready for application.
    """
    from raptor_desktop.store.case_file import load_case_file  # it reads through this module

    store.require(Permission.SUBMIT_APPLICATION)
    with store.transaction("submit application", reference) as db:
        app_id = application_id(store, reference)
        _check_draft(store, app_id, reference)
        row = db.execute(
            "SELECT authoriser_name, authoriser_rank, authoriser_collar, authorised_on "
            "FROM applications WHERE id = ?",
            [app_id],
        ).fetchone()
        authoriser = Officer(name=row[0], rank=row[1], collar=row[2])
        authorised_on = date.fromisoformat(row[3]) if row[3] else None
        problems = [
            gap.about(reference)
            for gap in submission_problems(
                authoriser, authorised_on, number_statuses(store, app_id)
            )
        ]
        problems += _pending_elsewhere_gaps(db, app_id, reference)
        case = load_case_file(store, reference, check_files=False)
        said = {p.what for p in problems}
        problems += [g for g in case_gaps(case) if g.what not in said]
        if problems:
            raise SubmissionRefused(reference, problems)
        now = utc_now()
        db.table("applications").update(
            app_id,
            {"status": ApplicationStatus.SUBMITTED.value, "submitted_at": now, "updated_at": now},
        )
        for number_id, status in db.execute(
            "SELECT n.id, n.status FROM application_numbers an JOIN numbers n "
            "ON n.id = an.number_id WHERE an.application_id = ? AND n.status = ?",
            [app_id, Status.READY.value],
        ).fetchall():
            db.execute(
                "UPDATE numbers SET status = ?, updated_at = ? WHERE id = ?",
                [Status.IN_APPLICATION.value, now, number_id],
            )
            record_status(
                db,
                number_id,
                Status(status),
                Status.IN_APPLICATION,
                store.actor,
                f"application {reference} submitted",
            )
