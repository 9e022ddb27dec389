"""A ready-made application on the demo database, shared by store, document and GUI tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from raptor_desktop.core.applications import Officer
from raptor_desktop.core.deemed_service import Sending, SendingMethod
from raptor_desktop.core.orders import Duration
from raptor_desktop.store.applications import ApplicationDetails, application_id, create_application
from raptor_desktop.store.database import Store
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit
from tests.registers import open_store

COURT = "County Court at Clerkenwell and Shoreditch"
APPLICANT = Officer(
    "Rachel Carter",
    "Detective Constable",
    "71234",
    "Essex Police",
    "Grays Police Station, Orsett Road, Grays RM17 5DD",
)
SUPERINTENDENT = Officer("Mark Hughes", "Superintendent", "1203")
NUMBERS = ["07700 900103", "07700 900113", "07700 900114"]
"""Two of the demo's ready numbers and a third phone of the demo's Blade line (whose first,
07700 900104, awaits the court in the demo's application RAP-2026-003)."""


def details(**changes: object) -> ApplicationDetails:
    base: dict[str, object] = dict(
        court=COURT,
        hearing_date=date(2026, 12, 10),
        hearing_time="10:30",
        applicant=APPLICANT,
        authoriser=SUPERINTENDENT,
        authorised_on=date(2026, 11, 27),
        statement_date=date(2026, 11, 26),
        requested=Duration(months=12),
    )
    base.update(changes)
    return ApplicationDetails(**base)  # type: ignore[arg-type]


def add_blade_phone(store: Store) -> None:
    """07700 900114: a second phone of the demo's Blade line, ready for application."""
    from raptor_desktop.core.lines import LineDetails
    from raptor_desktop.core.statuses import Status
    from raptor_desktop.store.lines import add_number, set_provider, set_status

    if store.db.execute("SELECT 1 FROM numbers WHERE e164 = '+447700900114'").fetchone():
        return
    add_number(store, "07700 900114", LineDetails(brand="Blade"), status=Status.GATHERING_EVIDENCE)
    set_status(store, "07700 900114", Status.READY, "test purchase and marketing texts")
    set_provider(store, "07700 900114", "Three")


def make_application(
    store: Store, attach: Path | None = None, numbers: Sequence[str] = tuple(NUMBERS)
) -> str:
    """Three ready demo numbers (or ``numbers``: one number goes in one application at a
    time), with two exhibits."""
    add_blade_phone(store)
    reference = create_application(store, details(), list(numbers))
    app_id = application_id(store, reference)
    add_exhibit(
        store,
        app_id,
        NewExhibit(
            "RC",
            "Screenshot of a bulk marketing text",
            date(2026, 11, 1),
            ("07700 900103",),
            attach,
        ),
    )
    add_exhibit(
        store,
        app_id,
        NewExhibit("RC", "Test purchase exhibit bag", date(2026, 10, 20), ("07700 900113",)),
    )
    return reference


def carve_out(store: Store, reference: str, number: str, on: date) -> None:
    """Carve ``number`` out of the order (regulation 3(3)), its written notice to the provider
    posted on ``on``."""
    from raptor_desktop.core.applications import Outcome
    from raptor_desktop.store.outcomes import record_outcome

    record_outcome(
        store, reference, number, Outcome.CARVED_OUT, on, notice=Sending(on, SendingMethod.POST)
    )


HEARD_ON = date(2026, 11, 30)
"""The hearing of :func:`heard_application`: a day already past however the tests are run,
for tests whose Qt date fields cannot be moved with the clock (Qt reads the real one)."""


def heard_application(store: Store) -> str:
    """The ready-made application, heard on :data:`HEARD_ON` and submitted."""
    from raptor_desktop.store.applications import save_details, submit

    reference = make_application(store)
    save_details(store, reference, details(hearing_date=HEARD_ON))
    submit(store, reference)
    return reference


def approve_as_another_supervisor(store: Store, reference: str) -> None:
    """Approve a batch as a second supervisor: its drafter may not (separation of duties)."""
    from raptor_desktop.store.outreach import approve_batch

    actor = store.actor
    store.actor = "sgt.second"
    try:
        approve_batch(store, reference)
    finally:
        store.actor = actor


CHIEF_PASSWORD = "administrator password"


def register_with_chief(folder: Path) -> Path:
    """A training register on disk whose one account is the administrator ``chief``."""
    from raptor_desktop.core.accounts import Role
    from raptor_desktop.store.accounts import add_user

    path = folder / "register.sqlite3"
    with open_store(path, training=True) as store:
        add_user(store, "chief", "Chief", Role.ADMINISTRATOR, CHIEF_PASSWORD)
    return path
