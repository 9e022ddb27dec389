"""Applications, exhibits, outcomes and orders, as both faces use them.

Each change here is one transaction in ``store``; viewing an application is a consultation and
is logged here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from raptor_desktop.core.applications import (
    DEFAULT_APPLICANT_RANK,
    DEFAULT_COURT,
    Officer,
)
from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.dates import plural
from raptor_desktop.services.disclosure import record_consultation
from raptor_desktop.store.applications import (
    ApplicationDetails,
    add_numbers,
    application_id,
    create_application,
    delete_draft,
    details_of,
    remove_number,
    save_details,
    set_item,
    submit,
)
from raptor_desktop.store.case_file import draft_references, list_applications, load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.earlier_time import record_earlier_time
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit
from raptor_desktop.store.letters import record_letter_sent
from raptor_desktop.store.lines import set_provider
from raptor_desktop.store.orders import (
    OrderRow,
    confirm_disconnection,
    current_warnings,
    list_orders,
    renew,
)
from raptor_desktop.store.outcomes import OrderTerms, name_judge, record_outcome
from raptor_desktop.store.profiles import officer_profile
from raptor_desktop.store.reference import court_names

__all__ = [
    "ApplicationDetails",
    "NewExhibit",
    "OrderRow",
    "OrderTerms",
    "name_judge",
    "add_exhibit",
    "add_numbers",
    "application_id",
    "blank_details",
    "confirm_disconnection",
    "court_names",
    "create_application",
    "current_warnings",
    "draft_references",
    "list_applications",
    "list_orders",
    "set_provider",
    "load_case_file",
    "record_earlier_time",
    "record_letter_sent",
    "record_outcome",
    "remove_number",
    "renew",
    "delete_draft",
    "details_of",
    "save_details",
    "set_item",
    "submit",
    "view_application",
    "view_orders",
    "view_warnings",
    "with_default_rank",
]


def blank_details(store: Store) -> ApplicationDetails:
    """What a new application starts with: the unit's usual court, and the signed-in officer
    as the applicant, from their profile (the unit's force if they have none yet)."""
    return ApplicationDetails(court=DEFAULT_COURT, applicant=officer_profile(store))


def with_default_rank(officer: Officer) -> Officer:
    """The applicant as typed ("DC Rachel Carter" split), with the usual rank if none given."""
    tidied = officer.tidied()
    return tidied if tidied.rank else replace(tidied, rank=DEFAULT_APPLICANT_RANK)


def view_application(store: Store, reference: str) -> CaseFile:
    """An application as its editor shows it (files not checked); the viewing is logged."""
    case = load_case_file(store, reference, check_files=False)
    record_consultation(store, "view application", reference)
    return case


@dataclass(frozen=True)
class OrdersSeen:
    rows: list[OrderRow]
    warnings: list[str]  # today's, about those orders, most urgent first


def view_orders(store: Store) -> OrdersSeen:
    """Every order and today's warnings about them, as the Orders view and ``raptor orders``
    show them (numbers, lines and deadlines); the viewing is logged."""
    rows = list_orders(store)
    seen = OrdersSeen(rows, current_warnings(store, orders=rows))
    record_consultation(
        store,
        "list orders",
        plural(len(seen.rows), "order")
        + (f", {plural(len(seen.warnings), 'warning')}" if seen.warnings else ""),
    )
    return seen


def view_warnings(store: Store) -> list[str]:
    """Today's warnings about orders (each names its number); when there are any, their
    showing is logged."""
    found = current_warnings(store)
    if found:
        record_consultation(store, "order warnings", plural(len(found), "warning"))
    return found
