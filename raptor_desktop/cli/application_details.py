"""Commands that start an application and change it before (or, as amendments, after) it
goes to court: its details, its officers and the numbers it names."""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields, replace
from datetime import date

from raptor_desktop.cli.common import DEFAULT_OPERATION_HELP
from raptor_desktop.cli.registry import Invocation, UsageError, command, date_arg
from raptor_desktop.core.applications import COURTS, DEFAULT_COURT, DEFAULT_FORCE, Officer
from raptor_desktop.core.dates import plural, uk_date
from raptor_desktop.core.numbers import split_number
from raptor_desktop.core.orders import Duration
from raptor_desktop.services.accounts import officer_profile
from raptor_desktop.services.applications import (
    ApplicationDetails,
    add_numbers,
    create_application,
    details_of,
    remove_number,
    save_details,
    view_application,
    with_default_rank,
)


def _detail_arguments(parser: argparse.ArgumentParser, *, new: bool) -> None:
    """The options of an application's details; on an edit each one given replaces what is
    stored, and one left out keeps it."""
    court_help = f"default: {DEFAULT_COURT}" if new else "the court"
    parser.add_argument("--court", help=court_help)
    parser.add_argument("--hearing", type=date_arg, required=new, metavar="YYYY-MM-DD")
    parser.add_argument("--time", metavar="HH:MM", help="the time the court listed")
    parser.add_argument("--claim", help="claim number, once the court gives one")
    parser.add_argument(
        "--applicant",
        metavar="NAME",
        help="the officer who prepares the case (default: you, from `raptor profile`)"
        if new
        else "the officer who prepares the case",
    )
    parser.add_argument(
        "--applicant-rank",
        help="default: the rank written before the name (DC, DS…), else Detective Constable",
    )
    parser.add_argument("--collar", help="the applicant's collar number")
    parser.add_argument("--force", help=f"default: the profile's, else {DEFAULT_FORCE}")
    parser.add_argument("--address", help="the applicant's work address")
    parser.add_argument("--authoriser", metavar="NAME", help="the superintendent authorising")
    parser.add_argument("--authoriser-rank")
    parser.add_argument("--authoriser-collar")
    parser.add_argument(
        "--authorised-on", type=date_arg, metavar="YYYY-MM-DD", help="the date of the authority"
    )
    parser.add_argument(
        "--statement-date",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="the date the officer signs the witness statement",
    )
    asked = parser.add_mutually_exclusive_group()
    asked.add_argument("--months", type=int, help="ask for an order lasting this many months")
    asked.add_argument(
        "--until", type=date_arg, metavar="YYYY-MM-DD", help="ask for an order until this date"
    )
    asked.add_argument(
        "--until-discharged",
        action="store_true",
        help="ask for an order with no end, in force until it is discharged (regulation 10)",
    )


def _new_arguments(new: argparse.ArgumentParser) -> None:
    new.add_argument("numbers", nargs="+", metavar="NUMBER")
    _detail_arguments(new, new=True)
    new.add_argument(
        "--with-notice",
        action="store_true",
        help="the providers were given notice of the application (default: without notice)",
    )
    new.add_argument("--reference", help="instead of the generated one")
    new.add_argument("--operation", default="", help=f"default: {DEFAULT_OPERATION_HELP}")


def _edit_arguments(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("reference")
    _detail_arguments(edit, new=False)
    notice = edit.add_mutually_exclusive_group()
    notice.add_argument(
        "--with-notice",
        dest="with_notice",
        action="store_const",
        const=True,
        help="the providers were given notice of the application",
    )
    notice.add_argument("--without-notice", dest="with_notice", action="store_const", const=False)
    edit.add_argument(
        "--amendment",
        metavar="WHY",
        default="",
        help="why an application already submitted is changed (an adjourned hearing, the "
        "claim number the court gave); needed once it has gone to court",
    )


def _officer(start: Officer, args: argparse.Namespace, *, authoriser: bool) -> Officer:
    """``start`` with each of its options given in ``args`` put in."""
    given = (
        {"name": args.authoriser, "rank": args.authoriser_rank, "collar": args.authoriser_collar}
        if authoriser
        else {
            "name": args.applicant,
            "rank": args.applicant_rank,
            "collar": args.collar,
            "force": args.force,
            "work_address": args.address,
        }
    )
    return replace(start, **{k: v for k, v in given.items() if v is not None})


def _changed(details: ApplicationDetails, args: argparse.Namespace) -> ApplicationDetails:
    """``details`` with every detail given in ``args`` put in, the rest as they were."""
    given = {
        "court": args.court,
        "hearing_date": args.hearing,
        "hearing_time": args.time,
        "claim_number": args.claim,
        "authorised_on": args.authorised_on,
        "statement_date": args.statement_date,
        "with_notice": args.with_notice,
    }
    changed = replace(details, **{k: v for k, v in given.items() if v is not None})
    asked = Duration(args.until, args.months)
    return replace(
        changed,
        applicant=_officer(details.applicant, args, authoriser=False),
        authoriser=_officer(details.authoriser, args, authoriser=True),
        requested=asked if asked != Duration() or args.until_discharged else details.requested,
    )


def _warn_of(details: ApplicationDetails) -> None:
    if details.court and details.court not in COURTS:
        print(
            f"warning: {details.court!r} is not one of the courts the program knows",
            file=sys.stderr,
        )
    if details.hearing_date is not None and details.hearing_date < date.today():
        print(
            f"warning: the hearing date {uk_date(details.hearing_date)} is in the past",
            file=sys.stderr,
        )


def _refuse_split(numbers: list[str]) -> None:
    split = split_number(numbers)
    if split:
        raise UsageError(
            f'{split} looks like one number given as two: put it in quotes ("{split}") or '
            "write it without the space"
        )


@command("new-application", "start a DDTRO application on numbers", _new_arguments)
def cmd_new_application(args: argparse.Namespace, run: Invocation) -> int:
    _refuse_split(args.numbers)
    start = officer_profile(run.store()) if args.applicant is None else Officer()
    if not (args.applicant or start.name):
        raise UsageError(
            "name the applicant with --applicant, or keep your own details once with "
            "`raptor profile --name NAME --rank RANK --collar NUMBER --address ADDRESS`"
        )
    blank = ApplicationDetails(court=DEFAULT_COURT, applicant=start)
    details = _changed(blank, args)
    applicant = with_default_rank(details.applicant)
    details = replace(
        details, applicant=applicant, authoriser=replace(details.authoriser, force=applicant.force)
    )
    _warn_of(details)
    reference = create_application(
        run.store(), details, args.numbers, operation=args.operation, reference=args.reference
    )
    print(f"created draft application with {plural(len(args.numbers), 'number')}")
    print(reference)
    return 0


_SAID = {
    "court": "court",
    "hearing_date": "hearing date",
    "hearing_time": "hearing time",
    "claim_number": "claim number",
    "applicant": "applicant",
    "authoriser": "authoriser",
    "authorised_on": "date of the authority",
    "requested": "order asked for",
    "statement_date": "statement date",
    "with_notice": "notice",
}


@command(
    "edit-application",
    "change an application's details or officers (an amendment, once it has gone to court)",
    _edit_arguments,
)
def cmd_edit_application(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    stored = details_of(view_application(store, args.reference))
    details = _changed(stored, args)
    changed = [
        _SAID[f.name]
        for f in fields(ApplicationDetails)
        if getattr(details, f.name) != getattr(stored, f.name)
    ]
    if not changed:
        raise UsageError(
            "give at least one detail that differs from what is stored "
            f"(raptor edit-application --help lists them; {args.reference} is unchanged)"
        )
    _warn_of(details)
    save_details(store, args.reference, details, args.amendment)
    print(f"{args.reference}: saved the {', '.join(changed)}")
    print(f"`raptor check-application {args.reference}` lists what is still missing")
    return 0


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference")
    parser.add_argument("numbers", nargs="+", metavar="NUMBER")


@command("add-numbers", "add numbers to a draft application", _add_arguments)
def cmd_add_numbers(args: argparse.Namespace, run: Invocation) -> int:
    _refuse_split(args.numbers)
    add_numbers(run.store(), args.reference, args.numbers)
    print(f"{args.reference}: added {plural(len(args.numbers), 'number')}")
    return 0


def _remove_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference")
    parser.add_argument("number")


@command("remove-number", "take a number out of a draft application", _remove_arguments)
def cmd_remove_number(args: argparse.Namespace, run: Invocation) -> int:
    remove_number(run.store(), args.reference, args.number)
    print(f"{args.reference}: removed {args.number}")
    return 0
