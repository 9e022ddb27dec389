"""Case summaries on the command line: the figures of a scope, as PDF, CSV or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path

from raptor_desktop.cli.registry import Invocation, command, date_arg
from raptor_desktop.services.summaries import Recipient, Scope, export_case_summary


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operation", default="")
    parser.add_argument("--area", default="")
    parser.add_argument("--line", default="", metavar="BRAND")
    parser.add_argument("--from", dest="since", type=date_arg, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="until", type=date_arg, metavar="YYYY-MM-DD")
    parser.add_argument("--out", required=True, metavar="FILE.pdf|.csv|.xlsx")
    parser.add_argument("--recipient", required=True, help="who receives it (logged)")
    parser.add_argument("--justification", required=True, help="why (logged, DPA 2018 s62)")


@command("case-summary", "a case summary of a scope (a logged disclosure)", _summary_arguments)
def cmd_case_summary(args: argparse.Namespace, run: Invocation) -> int:
    scope = Scope(args.operation, args.area, args.line, args.since, args.until)
    written = export_case_summary(
        run.store(), scope, Path(args.out), Recipient(args.recipient, args.justification)
    )
    for path in written:
        print(f"wrote {path}")
    return 0
