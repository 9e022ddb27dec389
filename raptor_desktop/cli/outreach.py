"""Commands for batches of support texts: draft, approve, hand over, not delivered, list."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from raptor_desktop.cli.common import json_lines, report_import
from raptor_desktop.cli.registry import Invocation, UsageError, command
from raptor_desktop.core.dates import plural
from raptor_desktop.services.imports import delivery_report_importer, rejects_beside, run_import
from raptor_desktop.services.outreach import (
    approve_batch,
    draft_batch,
    hand_over,
    list_batches,
    recipients_of,
    record_not_delivered,
)


def _arguments(outreach: argparse.ArgumentParser) -> None:
    steps = outreach.add_subparsers(dest="step", required=True, metavar="STEP")
    draft = steps.add_parser("draft", help="draft a batch to the contacts that may be texted")
    text = draft.add_mutually_exclusive_group(required=True)
    text.add_argument("--message")
    text.add_argument("--message-file", type=Path, metavar="FILE")
    draft.add_argument(
        "--line", action="append", metavar="NUMBER", help="only contacts of this deal line"
    )
    approve = steps.add_parser("approve", help="approve a drafted batch (supervisors)")
    approve.add_argument("reference")
    handed = steps.add_parser("hand-over", help="write the gateway's file (a disclosure)")
    handed.add_argument("reference")
    handed.add_argument("--out", type=Path, required=True, metavar="FILE")
    handed.add_argument("--to", required=True, metavar="GATEWAY", help="who receives the file")
    handed.add_argument("--why", required=True, metavar="TEXT", help="the justification")
    failed = steps.add_parser(
        "not-delivered", help="record texts the gateway could not deliver (a number or its report)"
    )
    failed.add_argument("reference")
    which = failed.add_mutually_exclusive_group(required=True)
    which.add_argument("number", nargs="?")
    which.add_argument("--report", type=Path, metavar="FILE", help="the gateway's report file")
    failed.add_argument("--note", default="")
    failed.add_argument("--rejects", type=Path, metavar="PATH")
    shown = steps.add_parser("show", help="the contacts in a batch and what became of each text")
    shown.add_argument("reference")
    listed = steps.add_parser("list", help="the batches and what became of them")
    listed.add_argument("--json", action="store_true")


def _message(args: argparse.Namespace) -> str:
    if not args.message_file:
        return str(args.message)
    try:
        return str(args.message_file.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{args.message_file}: {error}") from None


@command("outreach", "batches of support texts to contacts", _arguments)
def cmd_outreach(args: argparse.Namespace, run: Invocation) -> int:
    if args.step == "draft":
        message = _message(args)
        reference, plan = draft_batch(run.store(), message, args.line)
        print(f"drafted {reference}: {plan.describe()}")
    elif args.step == "approve":
        approve_batch(run.store(), args.reference)
        print(f"approved {args.reference}")
    elif args.step == "hand-over":
        sent = hand_over(run.store(), args.reference, args.out, args.to, args.why)
        print(f"wrote {args.out}: {plural(sent, 'text')} for {args.to}")
    elif args.step == "not-delivered" and args.report:
        note = args.note or f"report {args.report.name}"
        importer = delivery_report_importer(args.reference, note)
        rejects = rejects_beside(args.report, args.rejects)
        result = run_import(run.session(), args.report, importer, rejects_to=rejects)
        if report_import(result, args.report, rejects):
            return 1
    elif args.step == "not-delivered":
        record_not_delivered(run.store(), args.reference, args.number, args.note)
    elif args.step == "show":
        for r in recipients_of(run.store(), args.reference):
            print(f"{r.display}  {r.status.value}" + (f" ({r.note})" if r.note else ""))
    else:
        _print_batches(run, as_json=args.json)
    return 0


def _print_batches(run: Invocation, *, as_json: bool) -> None:
    batches = list_batches(run.store())
    if as_json:
        print(json_lines(asdict(b) for b in batches))
        return
    for b in batches:
        handed = f"  to {b.handed_to}" if b.handed_to else ""
        print(
            f"{b.reference}  {b.status.value:<12} {b.sent}/{b.recipients} handed over"
            f"  drafted {b.created_on} by {b.created_by}{handed}"
        )
    print(plural(len(batches), "batch", "batches"), file=sys.stderr)
