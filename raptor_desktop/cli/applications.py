"""Commands for applications, their outcomes and orders."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from raptor_desktop.cli.common import json_option, print_listing
from raptor_desktop.cli.registry import (
    Invocation,
    argument_type,
    command,
    date_arg,
    moment_arg,
)
from raptor_desktop.core.applications import (
    next_step,
    parse_outcome,
)
from raptor_desktop.core.dates import full_moment, parse_clock, plural, uk_date
from raptor_desktop.core.deemed_service import Sending, method_named
from raptor_desktop.core.orders import DeadlineKind, Duration
from raptor_desktop.core.wording import lower_first
from raptor_desktop.services.applications import (
    NewExhibit,
    OrderTerms,
    add_exhibit,
    application_id,
    confirm_disconnection,
    delete_draft,
    list_applications,
    name_judge,
    record_earlier_time,
    record_letter_sent,
    record_outcome,
    set_provider,
    submit,
    view_orders,
    view_warnings,
)


def _provider_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number")
    parser.add_argument("provider", help="the network confirmed for the number (it may be ported)")


@command("set-provider", "record the provider confirmed for a number", _provider_arguments)
def cmd_set_provider(args: argparse.Namespace, run: Invocation) -> int:
    number, provider = set_provider(run.store(), args.number, args.provider)
    print(f"{number.e164}: provider {provider}")
    return 0


@command("submit", "mark an application submitted", lambda p: p.add_argument("reference"))
def cmd_submit(args: argparse.Namespace, run: Invocation) -> int:
    submit(run.store(), args.reference)
    print(f"{args.reference} submitted")
    return 0


def _exhibit_arguments(exhibit: argparse.ArgumentParser) -> None:
    exhibit.add_argument("reference")
    exhibit.add_argument("--initials", required=True, help="the officer's initials, e.g. RC")
    exhibit.add_argument("--description", required=True)
    exhibit.add_argument("--date", type=date_arg)
    exhibit.add_argument("--number", action="append", default=[], help="a related number")
    exhibit.add_argument("--file", type=Path, help="a PDF or image to attach")


@command("add-exhibit", "record an exhibit for an application", _exhibit_arguments)
def cmd_add_exhibit(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    mark = add_exhibit(
        store,
        application_id(store, args.reference),
        NewExhibit(args.initials, args.description, args.date, tuple(args.number), args.file),
    )
    print(mark)
    return 0


def _outcome_arguments(outcome: argparse.ArgumentParser) -> None:
    outcome.add_argument("reference")
    outcome.add_argument("number")
    outcome.add_argument("outcome", help="made, refused, adjourned, withdrawn or carved-out")
    outcome.add_argument(
        "--date",
        type=date_arg,
        help="the day the court decided (default: the hearing's, once it has been held)",
    )
    outcome.add_argument(
        "--amendment",
        default="",
        metavar="REASON",
        help="over an outcome already recorded: why the record is corrected (it is logged)",
    )
    lasts = outcome.add_mutually_exclusive_group()
    lasts.add_argument("--until", type=date_arg, help="the order lasts until this date")
    lasts.add_argument("--months", type=int, help="the order lasts this many months")
    lasts.add_argument(
        "--until-discharged",
        action="store_true",
        help="the order states no end (default: as long as the application asked)",
    )
    outcome.add_argument(
        "--deadline",
        type=moment_arg,
        metavar="'YYYY-MM-DD HH:MM'",
        help="a compliance time set by the court (or agreed, with --agreed)",
    )
    outcome.add_argument(
        "--judge",
        default="",
        metavar="NAME",
        help='the judge who made the order, as the sealed order names them ("District Judge '
        "Patel\"; default: the judge of the application's other orders that day)",
    )
    outcome.add_argument(
        "--agreed", action="store_true", help="the --deadline was agreed earlier with the provider"
    )
    outcome.add_argument(
        "--notice-by",
        type=argument_type(method_named),
        metavar="METHOD",
        help="carved-out: how the written notice to the provider went (post, dx, hand, fax, "
        "email or personal); the order ceases to apply from the time it is given "
        "(regulation 3(3)); --date is the day it went",
    )
    outcome.add_argument(
        "--notice-at",
        type=argument_type(parse_clock),
        metavar="HH:MM",
        help="carved-out: the time the notice went, by hand, fax, email or in person",
    )


@command("record-outcome", "record the court's outcome for a number", _outcome_arguments)
def cmd_record_outcome(args: argparse.Namespace, run: Invocation) -> int:
    outcome = parse_outcome(args.outcome)
    kind = DeadlineKind.DEFAULT
    if args.deadline:
        kind = DeadlineKind.AGREED if args.agreed else DeadlineKind.COURT
    chosen = args.until or args.months or args.until_discharged
    lasts = Duration(args.until, args.months) if chosen else None
    terms = OrderTerms(lasts, kind, args.deadline, args.judge)
    notice = None
    if args.notice_by is not None or args.notice_at is not None:
        notice = Sending(args.date or date.today(), args.notice_by, args.notice_at)
    on = record_outcome(
        run.store(), args.reference, args.number, outcome, args.date, terms, args.amendment, notice
    )
    print(f"{args.reference} {args.number.strip()}: {outcome.value} on {uk_date(on)}")
    then = next_step(outcome, args.reference)
    if then:
        print(f"note: {then}", file=sys.stderr)
    return 0


def _judge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference")
    parser.add_argument("judge", help='as the sealed order names them ("District Judge Patel")')
    parser.add_argument(
        "--date",
        type=date_arg,
        help="the day the order was made (needed when orders were made on several days)",
    )


@command(
    "name-judge",
    "name the judge who made an application's order (its terms stay as recorded)",
    _judge_arguments,
)
def cmd_name_judge(args: argparse.Namespace, run: Invocation) -> int:
    made_on = name_judge(run.store(), args.reference, args.judge, args.date)
    print(f"{args.reference}: the order of {uk_date(made_on)} was made by {args.judge.strip()}")
    return 0


def _confirm_arguments(confirm: argparse.ArgumentParser) -> None:
    confirm.add_argument("reference")
    confirm.add_argument("number")
    confirm.add_argument("--date", type=date_arg)


@command(
    "confirm-disconnection",
    "record that the provider confirmed disconnection",
    _confirm_arguments,
)
def cmd_confirm(args: argparse.Namespace, run: Invocation) -> int:
    confirm_disconnection(run.store(), args.reference, args.number, args.date or date.today())
    print("disconnection confirmed")
    return 0


def _earlier_time_arguments(agreed: argparse.ArgumentParser) -> None:
    agreed.add_argument("reference")
    agreed.add_argument("number")
    agreed.add_argument(
        "--by",
        required=True,
        type=moment_arg,
        metavar="'YYYY-MM-DD HH:MM'",
        help="the earlier time the provider agreed to comply by",
    )
    agreed.add_argument("--on", type=date_arg, help="the day it agreed, in writing (default today)")


@command(
    "agree-time",
    "record an earlier time to comply that a provider agreed in writing (regulation 3(6))",
    _earlier_time_arguments,
)
def cmd_agree_time(args: argparse.Namespace, run: Invocation) -> int:
    on = args.on or date.today()
    record_earlier_time(run.store(), args.reference, args.number, args.by, on)
    print(
        f"{args.reference} {args.number.strip()}: to comply by {full_moment(args.by)}, "
        f"agreed on {uk_date(on)}"
    )
    return 0


def _letter_arguments(letter: argparse.ArgumentParser) -> None:
    letter.add_argument("reference")
    letter.add_argument("provider", help="the provider the letter went to, as the pack names it")
    letter.add_argument("--date", type=date_arg, help="the day it was sent (default today)")
    letter.add_argument(
        "--by",
        required=True,
        type=argument_type(method_named),
        help="how it went: post (first class), dx, hand, fax, email or personal",
    )
    letter.add_argument(
        "--at",
        type=argument_type(parse_clock),
        metavar="HH:MM",
        help="the time it went, by hand, fax, email or in person (before 4.30pm it is served "
        "that day, CPR 6.26)",
    )
    letter.add_argument(
        "--correction",
        metavar="WHY",
        default="",
        help="correct the letter already recorded (the first service counts), saying why: logged",
    )


@command(
    "record-letter",
    "record the day and the way the letter to a provider was sent (the letter is dated with "
    "it, and the day it was served follows, CPR 6.26)",
    _letter_arguments,
)
def cmd_record_letter(args: argparse.Namespace, run: Invocation) -> int:
    on = args.date or date.today()
    sent = record_letter_sent(
        run.store(), args.reference, args.provider, on, args.by, args.at, args.correction
    )
    at = f" at {sent.at.strftime('%H:%M')}" if sent.at else ""
    how = lower_first(sent.how)
    print(f"{args.reference}: letter to {args.provider.strip()} sent {on.isoformat()}{at}, {how}")
    return 0


def _application_line(r: dict[str, object]) -> str:
    hearing = uk_date(str(r["hearing_date"])) if r["hearing_date"] else "no hearing yet"
    numbers = plural(int(str(r["numbers"])), "number")
    return f"{r['reference']:<14} {str(r['status']):<10} {hearing:<14} {numbers:<11} {r['court']}"


@command(
    "applications",
    "list applications: reference, status, court, hearing, numbers (newest first)",
    json_option,
)
def cmd_applications(args: argparse.Namespace, run: Invocation) -> int:
    return print_listing(
        args,
        list_applications(run.store()),
        _application_line,
        "no applications yet: raptor new-application starts one",
    )


@command(
    "orders",
    "list orders with compliance deadline and end",
    lambda p: p.add_argument("--json", action="store_true"),
)
def cmd_orders(args: argparse.Namespace, run: Invocation) -> int:
    rows = [
        {
            "reference": o.reference,
            "number": o.number,
            "line": o.brand,
            "order_date": o.order_date.isoformat(),
            "duration": o.term,
            "end": o.end.isoformat() if o.end else None,
            "carved_out": o.carved_out.isoformat() if o.carved_out else None,
            "compliance_deadline": o.deadline.isoformat(timespec="minutes"),
            "deadline_set": o.deadline_kind.value,
            "provider_confirmed": o.confirmed_on.isoformat() if o.confirmed_on else None,
        }
        for o in view_orders(run.store()).rows
    ]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        print(
            f"{r['reference']:<14} {r['number']:<13} {str(r['line']):<12} "
            f"deadline {str(r['compliance_deadline']).replace('T', ' ')}  "
            + (
                f"carved out {r['carved_out']}"
                if r["carved_out"]
                else f"end {r['end'] or 'until discharged'}"
            )
        )
    return 0


@command("warnings", "deadlines, order ends, reviews and re-emerged brands")
def cmd_warnings(args: argparse.Namespace, run: Invocation) -> int:
    found = view_warnings(run.store())
    for warning in found:
        print(warning)
    if not found:
        print("no warnings")
    return 0


@command(
    "delete-draft",
    "delete an application that is still a draft (logged)",
    lambda p: p.add_argument("reference"),
)
def cmd_delete_draft(args: argparse.Namespace, run: Invocation) -> int:
    delete_draft(run.store(), args.reference)
    print(f"{args.reference} deleted")
    return 0
