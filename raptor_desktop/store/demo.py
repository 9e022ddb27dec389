"""Filling a training database with the Operation Raptor demo scenario."""

from __future__ import annotations

from datetime import date, timedelta

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.applications import Officer, Outcome
from raptor_desktop.core.case_file import UNCONFIRMED
from raptor_desktop.core.deemed_service import Sending, SendingMethod
from raptor_desktop.core.demo_scenario import (
    APPLICANT,
    APPLICATIONS,
    AUTHORISER,
    CONTACTS,
    DEMO_OFFICER_NAME,
    DEMO_PASSWORD,
    DEMO_SUPERVISOR,
    DEMO_USER,
    LINES,
    TRAINING_FEE,
    TRAINING_FEE_ACCOUNT,
    DemoApplication,
    DemoContact,
    DemoLine,
    training_network,
)
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.core.lines import LineDetails, SeenDates
from raptor_desktop.core.networks import NETWORKS
from raptor_desktop.core.orders import Duration
from raptor_desktop.core.working_days import BankHolidays, default_compliance_deadline
from raptor_desktop.store.accounts import add_user
from raptor_desktop.store.applications import (
    ApplicationDetails,
    create_application,
    submit,
)
from raptor_desktop.store.calendar import bank_holidays
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.contacts import add_contact, set_do_not_contact, set_opted_out
from raptor_desktop.store.database import Store
from raptor_desktop.store.evidence import add_evidence
from raptor_desktop.store.letters import record_letter_sent
from raptor_desktop.store.lines import (
    add_device,
    add_number,
    find_number,
    set_status,
    update_number,
)
from raptor_desktop.store.orders import confirm_disconnection
from raptor_desktop.store.outcomes import OrderTerms, record_outcome
from raptor_desktop.store.profiles import save_officer_profile
from raptor_desktop.store.settings import (
    COURT_FEE,
    FEE_ACCOUNT,
    change_networks,
    set_values,
)


class NotTraining(Refusal, ValueError):
    """Demo data belongs in a training database only."""


def seed_demo(store: Store, today: date | None = None) -> int:
    """Add the scenario to an empty training database; returns the number of lines added."""
    if not store.training:
        raise NotTraining(f"{store.path} is a live database; demo data goes in a training one")
    if store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0]:
        return 0
    today = today or date.today()
    names = {str(n) for (n,) in store.db.execute("SELECT username FROM users")}
    if not names:
        add_user(store, DEMO_USER, DEMO_OFFICER_NAME, Role.ADMINISTRATOR, DEMO_PASSWORD)
    if DEMO_SUPERVISOR not in names:
        actor, role = store.actor, store.role
        store.actor, store.role = DEMO_USER, Role.ADMINISTRATOR
        try:
            add_user(store, DEMO_SUPERVISOR, "Training sergeant", Role.SUPERVISOR, DEMO_PASSWORD)
        finally:
            store.actor, store.role = actor, role
    # The scenario is entered by the demo's own account, and logged under it.
    actor, role = store.actor, store.role
    store.actor, store.role = DEMO_USER, Role.ADMINISTRATOR
    try:
        with store.transaction("seed demo scenario"):
            change_networks(store, {}, {network: training_network(network) for network in NETWORKS})
            set_values(store, {COURT_FEE: TRAINING_FEE, FEE_ACCOUNT: TRAINING_FEE_ACCOUNT})
            if DEMO_USER in names or not names:  # the demo's officer is the applicant
                save_officer_profile(store, Officer(*APPLICANT))
            for line in LINES:
                _add_line(store, line, today)
            for application in APPLICATIONS:
                _add_application(store, application, today)
            for contact in CONTACTS:
                _add_contact(store, contact, today)
    finally:
        store.actor, store.role = actor, role
    return len(LINES)


def _sitting_day(today: date, days_from_today: int, calendar: BankHolidays) -> date:
    """The demo's hearing: a working day (courts sit on them) near ``days_from_today``; one
    already held, early enough that the time to comply with its order has run out whatever
    the day of the week (a week before a Sunday, the next sitting day's had not)."""
    hearing = today + timedelta(days=days_from_today)
    if days_from_today >= 0:
        while not calendar.is_working_day(hearing):
            hearing += timedelta(days=1)
        return hearing
    while not calendar.is_working_day(hearing) or (
        default_compliance_deadline(hearing, calendar) >= today
    ):
        hearing -= timedelta(days=1)
    return hearing


def _add_application(store: Store, demo: DemoApplication, today: date) -> None:
    hearing = _sitting_day(today, demo.hearing_days_from_today, bank_holidays(store))
    details = ApplicationDetails(
        court=demo.court,
        hearing_date=hearing,
        hearing_time=demo.time,
        claim_number=demo.claim_number,
        applicant=Officer(*APPLICANT),
        authoriser=Officer(*AUTHORISER),
        authorised_on=hearing - timedelta(days=14),
        requested=Duration(months=demo.months_asked),
        statement_date=hearing - timedelta(days=15),
    )
    reference = create_application(store, details, list(demo.numbers))
    submit(store, reference)
    for result in demo.outcomes:
        terms = OrderTerms(Duration(months=result.months), judge=demo.judge)
        record_outcome(store, reference, result.number, Outcome(result.outcome), hearing, terms)
        if result.confirmed_days_after is not None:
            confirmed = hearing + timedelta(days=result.confirmed_days_after)
            confirm_disconnection(store, reference, result.number, confirmed)
        if result.carved_out_days_after is not None:
            carved = hearing + timedelta(days=result.carved_out_days_after)
            notice = Sending(carved, SendingMethod.POST)  # written notice, the order's clause
            record_outcome(
                store, reference, result.number, Outcome.CARVED_OUT, carved, notice=notice
            )
        if result.then is not None and find_number(store, result.number).status is not result.then:
            set_status(store, result.number, result.then, "demo scenario")
    if demo.outcomes and hearing <= today:  # the order posted with its letter that day
        case = load_case_file(store, reference, check_files=False)
        served = {i.provider_name for i in case.items if i.ordered} - {UNCONFIRMED}
        for provider in sorted(served):  # an item carved out since was served all the same
            record_letter_sent(store, reference, provider, hearing, SendingMethod.POST)


def _add_contact(store: Store, contact: DemoContact, today: date) -> None:
    add_contact(
        store,
        contact.number,
        contact.line,
        contact.source,
        today - timedelta(days=contact.days_ago),
    )
    if contact.opted_out_days_ago is not None:
        set_opted_out(store, contact.number, today - timedelta(days=contact.opted_out_days_ago))
    if contact.do_not_contact:
        set_do_not_contact(store, contact.number, contact.do_not_contact)


def _add_line(store: Store, line: DemoLine, today: date) -> None:
    details = LineDetails(
        brand=line.brand,
        areas=list(line.areas),
        drugs=list(line.drugs),
        daily_takings_pence=line.takings_pence,
        takings_source=line.takings_source,
        intel_refs=line.intel_refs,
        notes=line.notes,
    )
    line_id = 0
    for number in line.numbers:
        last = number.last_seen_days_ago
        dates = SeenDates(
            today - timedelta(days=number.days_ago_first_seen),
            today - timedelta(days=last) if last is not None else None,
        )
        ref = add_number(
            store,
            number.number,
            details,
            dates=dates,
            note="demo scenario",
            replaces=number.replaces,
        )
        line_id = ref.line_id
        if number.provider:
            update_number(store, ref.id, dates, number.provider)
        for status in number.path:
            set_status(store, number.number, status, "demo scenario")
        for kind, value in number.devices:
            add_device(store, number.number, kind, value)
    for item in line.evidence:
        evidence = EvidenceItem(
            kind=item.kind,
            details=item.details,
            occurred_on=today - timedelta(days=item.days_ago),
            location=item.location,
            price_pence=item.price_pence,
            reference=item.reference,
        )
        add_evidence(store, line_id, evidence)
