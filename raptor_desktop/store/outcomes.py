"""Recording the court's outcome for an item of an application, and the order it makes.

The rules (which dates an outcome may have, when a change is a correction, the status it
leaves the number in) are :mod:`raptor_desktop.core.outcomes`; this writes them in one
transaction: the item, the application's state, the order record and the number's status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlite_utils

from raptor_desktop.core.applications import ApplicationStatus, Outcome
from raptor_desktop.core.dates import full_date, to_iso, uk_date
from raptor_desktop.core.deemed_service import Sending, sending_time_problem
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.orders import DeadlineKind, Duration, compliance_deadline, duration_problem
from raptor_desktop.core.outcomes import (
    ApplicationDates,
    change_needs_reason,
    default_outcome_date,
    outcome_date_problem,
    status_after,
)
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.calendar import bank_holidays
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.lines import NumberRef, find_number, record_status
from raptor_desktop.store.settings import network_routes


@dataclass(frozen=True)
class OrderTerms:
    """What the court ordered for a number: duration and compliance deadline, and the judge
    who made the order."""

    duration: Duration | None = None  # None: as long as the application asked
    deadline_kind: DeadlineKind = DeadlineKind.DEFAULT
    deadline_at: datetime | None = None
    judge: str = ""  # none given: the judge of the application's other orders that day


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _asked(db: sqlite_utils.Database, app_id: int) -> Duration:
    """The duration the application asked for (reg 3(2)), for an order made as asked."""
    until, months = db.execute(
        "SELECT requested_until, requested_months FROM applications WHERE id = ?", [app_id]
    ).fetchone()
    return Duration(_day(until), months)


def _hearing(store: Store, reference: str) -> date | None:
    application_id(store, reference)  # an unknown reference is refused by name
    row = store.db.execute(
        "SELECT hearing_date FROM applications WHERE reference = ?", [reference]
    ).fetchone()
    return _day(row[0])


def recorded_outcome(store: Store, reference: str, text: str) -> Outcome | None:
    """The outcome already recorded for the number written ``text`` in the application."""
    row = store.db.execute(
        "SELECT an.outcome FROM application_numbers an JOIN applications a "
        "ON a.id = an.application_id WHERE a.reference = ? AND an.number_id = ?",
        [reference, find_number(store, text).id],
    ).fetchone()
    return Outcome(row[0]) if row and row[0] else None


def _event(store: Store, reference: str, text: str, outcome: Outcome, amendment: str) -> str:
    """The log event: recording an outcome, or correcting one, which must give its reason."""
    before = recorded_outcome(store, reference, text)
    if not change_needs_reason(before, outcome):
        return "record outcome"
    if not amendment.strip():
        raise Conflict(
            f"{national_format(find_number(store, text).e164)} is recorded as {before} in "
            f"{reference}: recording {outcome} corrects that record; give the reason (it is "
            "logged with the change)"
        )
    return "correct outcome"


def _check_date(
    db: sqlite_utils.Database, app_id: int, number: NumberRef, outcome: Outcome, on: date
) -> None:
    reference, hearing, authorised, statement = db.execute(
        "SELECT reference, hearing_date, authorised_on, statement_date FROM applications "
        "WHERE id = ?",
        [app_id],
    ).fetchone()
    ordered_on = db.execute(
        "SELECT order_date FROM orders WHERE application_id = ? AND number_id = ?",
        [app_id, number.id],
    ).fetchone()
    problem = outcome_date_problem(
        outcome,
        on,
        date.today(),
        ApplicationDates(_day(hearing), _day(authorised), _day(statement)),
        _day(ordered_on[0]) if ordered_on else None,
        reference,
    )
    if problem:
        raise InputRejected(f"{national_format(number.e164)}: {problem}")


def _take_order_away(db: sqlite_utils.Database, app_id: int, number: NumberRef) -> None:
    """An outcome corrected to one that makes no order: the order recorded goes, unless the
    provider has already complied with it (then the record of it must stand)."""
    row = db.execute(
        "SELECT id, provider_confirmed_on FROM orders WHERE application_id = ? AND number_id = ?",
        [app_id, number.id],
    ).fetchone()
    if row is None:
        return
    if row[1]:
        raise Conflict(
            f"{national_format(number.e164)}: the provider confirmed the disconnection on "
            f"{uk_date(row[1])} under the order recorded; an order complied with stays on the "
            "record (an order the court later discharges is a discharge under regulation 10)"
        )
    db.execute("DELETE FROM orders WHERE id = ?", [row[0]])


def _order_elsewhere(db: sqlite_utils.Database, app_id: int, number_id: int, on: date) -> bool:
    """Whether another application's order on the number is in force on ``on`` (made, not
    carved out, and not yet at its end)."""
    for made, until, months in db.execute(
        "SELECT o.order_date, o.end_date, o.period_months FROM orders o "
        "JOIN application_numbers an ON an.application_id = o.application_id "
        "AND an.number_id = o.number_id "
        "WHERE o.number_id = ? AND o.application_id <> ? AND an.outcome = ?",
        [number_id, app_id, Outcome.MADE.value],
    ):
        end = Duration(_day(until), months).end(date.fromisoformat(made))
        if end is None or end >= on:
            return True
    return False


def _write_order(
    store: Store,
    db: sqlite_utils.Database,
    app_id: int,
    number_id: int,
    on: date,
    terms: OrderTerms,
) -> None:
    duration = terms.duration or _asked(db, app_id)
    deadline = compliance_deadline(on, terms.deadline_kind, terms.deadline_at, bank_holidays(store))
    ordered = None
    if terms.deadline_kind is DeadlineKind.AGREED:  # the order's own time still stands
        ordered = compliance_deadline(on, calendar_=bank_holidays(store))
    judge = " ".join(terms.judge.split()) or _judge_that_day(db, app_id, number_id, on)
    db.execute(
        "INSERT INTO orders (application_id, number_id, order_date, end_date, "
        "period_months, deadline_kind, deadline_at, ordered_deadline_at, created_at, judge) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(application_id, number_id) DO UPDATE SET "
        "order_date = excluded.order_date, end_date = excluded.end_date, "
        "period_months = excluded.period_months, deadline_kind = excluded.deadline_kind, "
        "deadline_at = excluded.deadline_at, "
        "ordered_deadline_at = excluded.ordered_deadline_at, judge = excluded.judge, "
        "notice_method = '', notice_at = '', notice_to = '', notice_under = ''",
        [
            app_id,
            number_id,
            on.isoformat(),
            to_iso(duration.end_date),
            duration.months,
            terms.deadline_kind.name,
            deadline.isoformat(timespec="minutes"),
            ordered.isoformat(timespec="minutes") if ordered else None,
            utc_now(),
            judge,
        ],
    )


def _notice_day(outcome: Outcome, on: date | None, notice: Sending) -> date:
    """The carve-out's day: the day its notice went."""
    if outcome is not Outcome.CARVED_OUT:
        raise InputRejected(
            f"a notice to the provider goes with a carve-out (regulation 3(3)), not with "
            f"{outcome.value}"
        )
    if on is not None and on != notice.on:
        raise InputRejected(
            f"the order ceases to apply when the notice is given: the carve-out's day is the "
            f"day the notice went ({full_date(notice.on)}), not {full_date(on)}"
        )
    return notice.on


def _write_notice(
    store: Store,
    reference: str,
    db: sqlite_utils.Database,
    app_id: int,
    number: NumberRef,
    notice: Sending | None,
) -> None:
    """Keep how, when and where the carve-out's written notice went to the item's provider."""
    shown = national_format(number.e164)
    if notice is None or notice.method is None:
        raise InputRejected(
            f"{shown}: the order ceases to apply to an item from the time the Applicant gives "
            "its provider written notice that the item is not being used in connection with "
            "drug dealing offences (regulation 3(3)): record how and when that notice went",
            hint="In the Outcome dialog: 'Notice sent' and its time; on the command line: "
            "raptor record-outcome REF NUMBER carved-out --date DAY --notice-by METHOD "
            "[--notice-at HH:MM].",
        )
    problem = sending_time_problem(
        "the notice", notice.on, notice.method, notice.at, datetime.now()
    )
    if problem:
        raise InputRejected(f"{shown}: {problem}")
    [item] = [
        i
        for i in load_case_file(store, reference, check_files=False).items
        if i.e164 == number.e164
    ]
    routes = network_routes(store, item.provider_name)
    at = notice.at.strftime("%H:%M") if notice.at else ""
    to, under = routes.destination(notice.method), routes.agreement(notice.method)
    clock = f" {at}" if at else ""
    store.describe(
        f"{reference} {number.e164}: carved out, notice to {item.provider_name} sent "
        f"{notice.on.isoformat()}{clock} by {notice.method.value} to {to}"
    )
    db.execute(
        "UPDATE orders SET notice_method = ?, notice_at = ?, notice_to = ?, notice_under = ? "
        "WHERE application_id = ? AND number_id = ?",
        [notice.method.value, at, to, under, app_id, number.id],
    )


def _judge_that_day(db: sqlite_utils.Database, app_id: int, number_id: int, on: date) -> str:
    """The judge already recorded for this order (a correction keeps them), else for the
    application's other orders made the same day: one hearing, one judge."""
    row = db.execute(
        "SELECT judge FROM orders WHERE application_id = ? AND order_date = ? AND judge != '' "
        "ORDER BY number_id = ? DESC, id DESC LIMIT 1",
        [app_id, on.isoformat(), number_id],
    ).fetchone()
    return str(row[0]) if row else ""


def record_outcome(
    store: Store,
    reference: str,
    text: str,
    outcome: Outcome,
    on: date | None,
    terms: OrderTerms | None = None,
    amendment: str = "",
    notice: Sending | None = None,
) -> date:
    """Record the court's outcome for one number; an order made creates the order record.
    Returns the date recorded: ``on``, or when that is None the hearing's once it has been
    held, else today.

    A carve-out (regulation 3(3)) is no decision of the court: the order ceases to apply to
    the item from the time the Applicant gives the provider written notice that it is not
    used for drug dealing, so it needs ``notice``, how and when that went (its day is the
    carve-out's); where it went is kept from the provider's routes for service, as for a
    letter (:func:`raptor_desktop.store.letters.record_letter_sent`).

    Over an outcome already recorded it is a correction and needs ``amendment``, its reason
    (:func:`raptor_desktop.core.outcomes.change_needs_reason`).
    """
    terms = terms or OrderTerms()
    if notice is not None:
        on = _notice_day(outcome, on, notice)
    if on is None:
        on = default_outcome_date(_hearing(store, reference), date.today())
    if terms.duration is not None:
        problem = duration_problem(terms.duration, on)
        if problem:
            raise InputRejected(problem)
    event = _event(store, reference, text, outcome, amendment)
    why = amendment.strip() if event == "correct outcome" else ""
    with store.transaction(event, f"{reference}: {outcome}", justification=why) as db:
        app_id = application_id(store, reference)
        status = db.execute("SELECT status FROM applications WHERE id = ?", [app_id]).fetchone()
        if status[0] == ApplicationStatus.DRAFT.value and outcome is not Outcome.WITHDRAWN:
            raise Conflict(f"{reference} is still a draft; mark it submitted before the hearing")
        number = find_number(store, text)
        store.describe(f"{reference} {number.e164}: {outcome}")
        if not db.execute(
            "SELECT 1 FROM application_numbers WHERE application_id = ? AND number_id = ?",
            [app_id, number.id],
        ).fetchone():
            raise RecordNotFound(f"{national_format(number.e164)} is not in {reference}")
        _check_date(db, app_id, number, outcome, on)
        db.execute(
            "UPDATE application_numbers SET outcome = ?, outcome_on = ? "
            "WHERE application_id = ? AND number_id = ?",
            [outcome.value, on.isoformat(), app_id, number.id],
        )
        if status[0] == ApplicationStatus.SUBMITTED.value and outcome is not Outcome.ADJOURNED:
            db.execute(
                "UPDATE applications SET status = ?, updated_at = ? WHERE id = ?",
                [ApplicationStatus.HEARD.value, utc_now(), app_id],
            )
        if outcome is Outcome.MADE:
            _write_order(store, db, app_id, number.id, on, terms)
        elif outcome is Outcome.CARVED_OUT:
            _write_notice(store, reference, db, app_id, number, notice)
        elif outcome is not Outcome.CARVED_OUT:  # a carve-out (reg 3(3)) keeps the order made
            _take_order_away(db, app_id, number)
        new_status = status_after(
            outcome, number.status, order_elsewhere=_order_elsewhere(db, app_id, number.id, on)
        )
        if number.status != new_status:
            db.execute(
                "UPDATE numbers SET status = ?, updated_at = ? WHERE id = ?",
                [new_status.value, utc_now(), number.id],
            )
            record_status(
                db,
                number.id,
                number.status,
                new_status,
                store.actor,
                f"{reference}: {outcome.value} on {on.isoformat()}",
            )
    return on


def name_judge(store: Store, reference: str, judge: str, made_on: date | None = None) -> date:
    """Name the judge who made the order of ``made_on`` in ``reference`` (as the sealed order
    names them), on every number that order covers; returns the day. None: the one day orders
    were made (refused when there were several). The terms of the order are untouched: this
    is not a correction of the outcome."""
    name = " ".join(judge.split())
    if not name:
        raise InputRejected("give the judge's name as the sealed order gives it")
    app_id = application_id(store, reference)
    days = [
        date.fromisoformat(row[0])
        for row in store.db.execute(
            "SELECT DISTINCT order_date FROM orders WHERE application_id = ? ORDER BY 1", [app_id]
        )
    ]
    if made_on is None and len(days) > 1:
        listed = " and ".join(d.isoformat() for d in days)
        raise InputRejected(f"orders in {reference} were made on {listed}: say which day's")
    day = made_on or (days[0] if days else None)
    if day is None or day not in days:
        on = f" on {full_date(day)}" if day else ""
        raise RecordNotFound(f"{reference} has no order made{on}")
    with store.transaction("name judge", f"{reference}: order of {day.isoformat()}") as db:
        db.execute(
            "UPDATE orders SET judge = ? WHERE application_id = ? AND order_date = ?",
            [name, app_id, day.isoformat()],
        )
    return day
