"""Orders: listing them with deadlines and ends, provider confirmations, warnings, renewals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.orders import (
    DeadlineKind,
    Duration,
    Notice,
    OrderFacts,
    confirmed_on_problem,
    order_notices,
    order_term,
)
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.applications import (
    ApplicationDetails,
    application_id,
    create_application,
)
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.lines import find_number, record_status
from raptor_desktop.store.settings import END_WARNING_DAYS, REVIEW_MONTHS, get_int


@dataclass(frozen=True)
class OrderRow:
    id: int
    reference: str
    number: str
    brand: str
    order_date: date
    duration: Duration
    end: date | None
    deadline: datetime
    deadline_kind: DeadlineKind
    confirmed_on: date | None
    reemerged: tuple[str, ...]
    carved_out: date | None = None

    @property
    def term(self) -> str:
        return order_term(self.duration, self.carved_out)

    def facts(self) -> OrderFacts:
        return OrderFacts(
            self.reference,
            self.number,
            self.brand,
            self.order_date,
            self.deadline,
            self.confirmed_on,
            self.end,
            self.reemerged,
            self.carved_out,
        )


def list_orders(store: Store) -> list[OrderRow]:
    rows = store.db.execute(
        "SELECT o.id, a.reference, n.e164, l.brand, o.order_date, o.end_date, o.period_months, "
        "o.deadline_at, o.deadline_kind, o.provider_confirmed_on, n.line_id, n.id, "
        "CASE WHEN an.outcome = 'carved out' THEN an.outcome_on END "
        "FROM orders o JOIN applications a ON a.id = o.application_id "
        "JOIN application_numbers an ON an.application_id = o.application_id "
        "AND an.number_id = o.number_id "
        "JOIN numbers n ON n.id = o.number_id JOIN lines l ON l.id = n.line_id "
        "ORDER BY o.deadline_at, n.search_digits"
    ).fetchall()
    found = []
    for (
        order_id,
        ref,
        e164,
        brand,
        made,
        end,
        months,
        deadline,
        kind,
        confirmed,
        line_id,
        number_id,
        carved,
    ) in rows:
        later = tuple(
            national_format(r[0])
            for r in store.db.execute(
                "SELECT e164 FROM numbers WHERE line_id = ? AND id <> ? AND first_seen > ? "
                "ORDER BY first_seen",
                [line_id, number_id, made],
            )
        )
        order_date = date.fromisoformat(made)
        duration = Duration(date.fromisoformat(end) if end else None, months)
        found.append(
            OrderRow(
                order_id,
                ref,
                national_format(e164),
                brand,
                order_date,
                duration,
                duration.end(order_date),
                datetime.fromisoformat(deadline),
                DeadlineKind[kind],
                date.fromisoformat(confirmed) if confirmed else None,
                later,
                date.fromisoformat(carved) if carved else None,
            )
        )
    return found


def current_warnings(
    store: Store, today: date | None = None, orders: list[OrderRow] | None = None
) -> list[str]:
    """Every warning about orders that an officer should see today, most urgent first
    (about ``orders``, when the caller has just read them)."""
    return [notice.text for _order, notice in current_notices(store, today, orders)]


def current_notices(
    store: Store, today: date | None = None, orders: list[OrderRow] | None = None
) -> list[tuple[OrderRow, Notice]]:
    """:func:`current_warnings` with the order each is about, and its kind."""
    today = today or date.today()
    days, months = get_int(store, END_WARNING_DAYS), get_int(store, REVIEW_MONTHS)
    return [
        (order, notice)
        for order in (list_orders(store) if orders is None else orders)
        for notice in order_notices(order.facts(), today, days, months)
    ]


def confirm_disconnection(store: Store, reference: str, text: str, on: date) -> None:
    """Record the date the provider confirmed that the number was disconnected; a number
    whose order was made is then disconnected, in the same change, its history saying why."""
    with store.transaction("confirm disconnection", reference) as db:
        app_id = application_id(store, reference)
        number = find_number(store, text)
        store.describe(f"{reference} {number.e164}")
        ordered_on = db.execute(
            "SELECT order_date FROM orders WHERE application_id = ? AND number_id = ?",
            [app_id, number.id],
        ).fetchone()
        if ordered_on is None:
            raise RecordNotFound(f"no order on {national_format(number.e164)} in {reference}")
        problem = confirmed_on_problem(on, date.today(), date.fromisoformat(ordered_on[0]))
        if problem:
            raise InputRejected(f"{national_format(number.e164)}: {problem}")
        db.execute(
            "UPDATE orders SET provider_confirmed_on = ? "
            "WHERE application_id = ? AND number_id = ?",
            [on.isoformat(), app_id, number.id],
        )
        if number.status is Status.ORDER_MADE:  # the confirmation is the disconnection
            db.table("numbers").update(
                number.id, {"status": Status.DISCONNECTED.value, "updated_at": utc_now()}
            )
            record_status(
                db,
                number.id,
                number.status,
                Status.DISCONNECTED,
                store.actor,
                f"{reference}: the provider confirmed the disconnection on {uk_date(on)}",
            )


def renew(store: Store, reference: str) -> str:
    """Start a new draft application from an order's application, for renewal or extension."""
    case = load_case_file(store, reference, check_files=False)
    details = ApplicationDetails(
        court=case.court,
        applicant=case.applicant,
        authoriser=case.authoriser,
        claim_number="",
    )
    made = [i.display for i in case.items if i.outcome == "made"] or [i.display for i in case.items]
    return create_application(store, details, made, operation=case.operation, renews=reference)
