"""Case summaries on the command line: the figures of a scope, as PDF, CSV or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path

from raptor_desktop.cli.common import disclosure_arguments, recipient
from raptor_desktop.cli.registry import Invocation, command, date_arg
from raptor_desktop.services.summaries import (
    Scope,
    export_case_summary,
    record_check_back,
    record_type1_closure,
)


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operation", default="")
    parser.add_argument("--area", default="")
    parser.add_argument("--line", default="", metavar="BRAND")
    parser.add_argument("--from", dest="since", type=date_arg, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="until", type=date_arg, metavar="YYYY-MM-DD")
    parser.add_argument("--out", required=True, metavar="FILE.pdf|.csv|.xlsx")
    disclosure_arguments(parser)


@command("case-summary", "a case summary of a scope (a logged disclosure)", _summary_arguments)
def cmd_case_summary(args: argparse.Namespace, run: Invocation) -> int:
    scope = Scope(args.operation, args.area, args.line, args.since, args.until)
    written = export_case_summary(run.store(), scope, Path(args.out), recipient(args))
    for path in written:
        print(f"wrote {path}")
    return 0


def _check_back_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number")
    parser.add_argument("--after", type=int, choices=(28, 90), required=True, help="days")
    parser.add_argument("--on", type=date_arg, required=True, metavar="YYYY-MM-DD")
    state = parser.add_mutually_exclusive_group(required=True)
    state.add_argument("--dead", action="store_true", help="the number is still dead")
    state.add_argument("--alive", action="store_true", help="the number is in use again")
    parser.add_argument("--note", default="")


@command(
    "check-back",
    "record the 28- or 90-day check that a disconnected number stays dead",
    _check_back_arguments,
)
def cmd_check_back(args: argparse.Namespace, run: Invocation) -> int:
    record_check_back(run.store(), args.number, args.after, args.on, args.dead, args.note)
    print(f"{args.after}-day check-back recorded: {'still dead' if args.dead else 'in use again'}")
    return 0


def _closure_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", help="a number of the line")
    parser.add_argument("--on", type=date_arg, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--note", required=True, help="the charge, its date and reference")


@command("type1-closure", "record a line closed as Type 1 (holder charged)", _closure_arguments)
def cmd_type1_closure(args: argparse.Namespace, run: Invocation) -> int:
    record_type1_closure(run.store(), args.number, args.on, args.note)
    print("Type 1 closure recorded")
    return 0
