"""Command-line commands for applications, hearing packs, outcomes and orders.

Registered by :mod:`raptor_desktop.cli`, which owns the parser, the database options and the
exit codes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from raptor_desktop.core.applications import Officer, parse_outcome
from raptor_desktop.core.audit import Category
from raptor_desktop.core.orders import DeadlineKind, Duration
from raptor_desktop.documents.pack import hearing_pack, write_bundles
from raptor_desktop.store.applications import (
    ApplicationDetails,
    OrderTerms,
    application_id,
    create_application,
    record_outcome,
    submit,
)
from raptor_desktop.store.calendar import holiday_list, set_holiday_override
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit
from raptor_desktop.store.orders import confirm_disconnection, current_warnings, list_orders
from raptor_desktop.store.settings import (
    SETTINGS,
    find_setting,
    get_text,
    networks,
    set_network_host,
    set_value,
)

OpenStore = Callable[[argparse.Namespace], Store]


def date_arg(text: str) -> date:
    """An argparse type: a ``YYYY-MM-DD`` date, or a usage error saying so."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time (YYYY-MM-DD HH:MM)"
        ) from None


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    new = commands.add_parser("new-application", help="start a DDTRO application on numbers")
    new.add_argument("numbers", nargs="+", metavar="NUMBER")
    new.add_argument("--court", required=True)
    new.add_argument("--hearing", type=date_arg, required=True, metavar="YYYY-MM-DD")
    new.add_argument("--time", default="", metavar="HH:MM")
    new.add_argument(
        "--applicant", required=True, metavar="NAME", help="the officer who prepares the case"
    )
    new.add_argument(
        "--applicant-rank",
        default="",
        help="default: the rank written before the name (DC, DS…), else Detective Constable",
    )
    new.add_argument("--collar", default="", help="the applicant's collar number")
    new.add_argument("--force", default="Essex Police")
    new.add_argument("--address", default="", help="the applicant's work address")
    new.add_argument("--authoriser", default="", metavar="NAME")
    new.add_argument("--authoriser-rank", default="")
    new.add_argument("--authoriser-collar", default="")
    new.add_argument("--authorised-on", type=date_arg, metavar="YYYY-MM-DD")
    new.add_argument("--claim", default="", help="claim number, once the court gives one")
    new.add_argument("--reference", help="instead of the generated one")
    new.add_argument("--operation", default="Operation Raptor")

    sub = commands.add_parser("submit", help="mark an application submitted")
    sub.add_argument("reference")

    exhibit = commands.add_parser("add-exhibit", help="record an exhibit for an application")
    exhibit.add_argument("reference")
    exhibit.add_argument("--initials", required=True, help="the officer's initials, e.g. RC")
    exhibit.add_argument("--description", required=True)
    exhibit.add_argument("--date", type=date_arg)
    exhibit.add_argument("--number", action="append", default=[], help="a related number")
    exhibit.add_argument("--file", type=Path, help="a PDF or image to attach")

    pack = commands.add_parser("hearing-pack", help="write the hearing pack PDF")
    pack.add_argument("reference")
    pack.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    pack.add_argument("--recipient", help="who receives it (default: the court)")
    pack.add_argument(
        "--justification",
        default="hearing bundle for the DDTRO application",
        help="why it is disclosed (logged, DPA 2018 s62)",
    )

    outcome = commands.add_parser("record-outcome", help="record the court's outcome for a number")
    outcome.add_argument("reference")
    outcome.add_argument("number")
    outcome.add_argument("outcome", help="made, refused, adjourned, withdrawn or carved-out")
    outcome.add_argument("--date", type=date_arg, help="date of the order (default today)")
    outcome.add_argument("--until", type=date_arg, help="the order lasts until this date")
    outcome.add_argument("--months", type=int, help="the order lasts this many months")
    outcome.add_argument(
        "--deadline",
        type=_moment,
        metavar="'YYYY-MM-DD HH:MM'",
        help="a compliance time set by the court (or agreed, with --agreed)",
    )
    outcome.add_argument(
        "--agreed", action="store_true", help="the --deadline was agreed earlier with the provider"
    )

    confirm = commands.add_parser(
        "confirm-disconnection", help="record that the provider confirmed disconnection"
    )
    confirm.add_argument("reference")
    confirm.add_argument("number")
    confirm.add_argument("--date", type=date_arg)

    orders = commands.add_parser("orders", help="list orders with compliance deadline and end")
    orders.add_argument("--json", action="store_true")
    commands.add_parser("warnings", help="deadlines, order ends, reviews and re-emerged brands")

    settings = commands.add_parser("settings", help="show settings, or set one")
    settings.add_argument("name", nargs="?", help="e.g. protective_marking")
    settings.add_argument("value", nargs="?")

    holidays = commands.add_parser("holidays", help="bank holidays used for deadlines")
    holidays.add_argument("--year", type=int, default=date.today().year)
    group = holidays.add_mutually_exclusive_group()
    group.add_argument(
        "--add", type=date_arg, metavar="YYYY-MM-DD", help="count a day as a holiday"
    )
    group.add_argument(
        "--remove",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="count a listed holiday as a working day",
    )
    group.add_argument(
        "--clear", type=date_arg, metavar="YYYY-MM-DD", help="undo --add or --remove"
    )
    holidays.add_argument("--note", default="")

    nets = commands.add_parser("networks", help="mobile networks and MVNO host networks")
    nets.add_argument(
        "--set",
        nargs=2,
        metavar=("NETWORK", "HOST"),
        help='add a network or set its host ("" for none)',
    )


def _with_rank(officer: Officer, default: str) -> Officer:
    tidied = officer.tidied()
    return tidied if tidied.rank else replace(tidied, rank=default)


def cmd_new_application(args: argparse.Namespace, open_store: OpenStore) -> int:
    details = ApplicationDetails(
        court=args.court,
        hearing_date=args.hearing,
        hearing_time=args.time,
        claim_number=args.claim,
        applicant=_with_rank(
            Officer(args.applicant, args.applicant_rank, args.collar, args.force, args.address),
            "Detective Constable",
        ),
        authoriser=Officer(args.authoriser, args.authoriser_rank, args.authoriser_collar),
        authorised_on=args.authorised_on or (date.today() if args.authoriser else None),
    )
    with open_store(args) as store:
        reference = create_application(
            store, details, args.numbers, operation=args.operation, reference=args.reference
        )
    print(f"created draft application with {len(args.numbers)} numbers")
    print(reference)
    return 0


def cmd_submit(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        submit(store, args.reference)
    print(f"{args.reference} submitted")
    return 0


def cmd_add_exhibit(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        mark = add_exhibit(
            store,
            application_id(store, args.reference),
            NewExhibit(args.initials, args.description, args.date, tuple(args.number), args.file),
        )
    print(mark)
    return 0


def cmd_hearing_pack(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        case = load_case_file(store, args.reference)
        bundles = hearing_pack(case)
        store.log(
            Category.DISCLOSURE,
            "hearing pack",
            f"{case.reference}: " + ", ".join(i.e164 for i in case.items),
            justification=args.justification,
            recipient=args.recipient or case.court,
        )
    for path, bundle in zip(write_bundles(bundles, args.out), bundles, strict=True):
        print(f"wrote {path} ({len(bundle.entries)} documents)")
    return 0


def cmd_record_outcome(args: argparse.Namespace, open_store: OpenStore) -> int:
    outcome = parse_outcome(args.outcome)
    kind = DeadlineKind.DEFAULT
    if args.deadline:
        kind = DeadlineKind.AGREED if args.agreed else DeadlineKind.COURT
    terms = OrderTerms(Duration(args.until, args.months), kind, args.deadline)
    with open_store(args) as store:
        record_outcome(
            store, args.reference, args.number, outcome, args.date or date.today(), terms
        )
    print(f"{args.reference} {args.number.strip()}: {outcome.value}")
    return 0


def cmd_confirm(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        confirm_disconnection(store, args.reference, args.number, args.date or date.today())
    print("disconnection confirmed")
    return 0


def cmd_orders(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        orders = list_orders(store)
    rows = [
        {
            "reference": o.reference,
            "number": o.number,
            "line": o.brand,
            "order_date": o.order_date.isoformat(),
            "duration": o.duration.describe(),
            "end": o.end.isoformat() if o.end else None,
            "compliance_deadline": o.deadline.isoformat(timespec="minutes"),
            "deadline_set": o.deadline_kind.value,
            "provider_confirmed": o.confirmed_on.isoformat() if o.confirmed_on else None,
        }
        for o in orders
    ]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        print(
            f"{r['reference']:<14} {r['number']:<13} {str(r['line']):<12} "
            f"deadline {str(r['compliance_deadline']).replace('T', ' ')}  "
            f"end {r['end'] or 'until discharged'}"
        )
    return 0


def cmd_warnings(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        found = current_warnings(store)
    for warning in found:
        print(warning)
    if not found:
        print("no warnings")
    return 0


def cmd_settings(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        if args.name:
            setting = find_setting(args.name)
            if args.value is not None:
                set_value(store, setting, args.value)
            print(f"{setting.key} = {get_text(store, setting)}")
            return 0
        for setting in SETTINGS:
            print(f"{setting.key:<20} {get_text(store, setting):<36} {setting.label}")
    return 0


def cmd_holidays(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        for kind in ("add", "remove", "clear"):
            day = getattr(args, kind)
            if day is not None:
                set_holiday_override(store, day, kind, args.note)
        year = (
            args.year
            if not any((args.add, args.remove, args.clear))
            else ((args.add or args.remove or args.clear).year)
        )
        for day, name, how in holiday_list(store, year):
            print(f"{day.isoformat()}  {name}{f'  ({how})' if how else ''}")
    return 0


def cmd_networks(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        if args.set:
            set_network_host(store, *args.set)
        for name, host in networks(store):
            print(f"{name:<18} {('host: ' + host) if host else ''}")
    return 0


COMMANDS = {
    "settings": cmd_settings,
    "holidays": cmd_holidays,
    "networks": cmd_networks,
    "new-application": cmd_new_application,
    "submit": cmd_submit,
    "add-exhibit": cmd_add_exhibit,
    "hearing-pack": cmd_hearing_pack,
    "record-outcome": cmd_record_outcome,
    "confirm-disconnection": cmd_confirm,
    "orders": cmd_orders,
    "warnings": cmd_warnings,
}
