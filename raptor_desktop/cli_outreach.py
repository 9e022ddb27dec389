"""Command-line commands for batches of support texts: draft, approve, hand over, list.

Registered by :mod:`raptor_desktop.cli`, which owns the parser, the database options and the
exit codes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from raptor_desktop.cli_applications import OpenStore
from raptor_desktop.cli_common import UsageError, report_import
from raptor_desktop.core.dates import plural
from raptor_desktop.core.line_import import NoNumberColumn
from raptor_desktop.core.tabular import Table, UnreadableFile, read_table
from raptor_desktop.store.database import Store
from raptor_desktop.store.outreach import (
    approve_batch,
    batch_recipients,
    draft_batch,
    hand_over,
    import_delivery_report,
    list_batches,
    record_not_delivered,
)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    outreach = commands.add_parser("outreach", help="batches of support texts to contacts")
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


def cmd_outreach(args: argparse.Namespace, open_store: OpenStore) -> int:
    if args.step == "draft":
        if args.message_file:
            try:
                message = args.message_file.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as error:
                raise UsageError(f"{args.message_file}: {error}") from None
        else:
            message = args.message
        with open_store(args) as store:
            reference, plan = draft_batch(store, message, args.line)
        print(f"drafted {reference}: {plan.describe()}")
        return 0
    with open_store(args) as store:
        if args.step == "approve":
            approve_batch(store, args.reference)
            print(f"approved {args.reference}")
        elif args.step == "hand-over":
            sent = hand_over(store, args.reference, args.out, args.to, args.why)
            print(f"wrote {args.out}: {sent} texts for {args.to}")
        elif args.step == "not-delivered" and args.report:
            report = _read(args.report)
            try:
                note = args.note or f"report {args.report.name}"
                result = import_delivery_report(store, args.reference, report, note)
            except NoNumberColumn as error:
                raise UsageError(str(error)) from None
            report_import(result, args.report, args.rejects)
        elif args.step == "not-delivered":
            record_not_delivered(store, args.reference, args.number, args.note)
        elif args.step == "show":
            for r in batch_recipients(store, args.reference):
                print(f"{r.display}  {r.status.value}" + (f" ({r.note})" if r.note else ""))
        else:
            _print_batches(store, as_json=args.json)
    return 0


def _read(path: Path) -> Table:
    try:
        return read_table(path)
    except UnreadableFile as error:
        raise UsageError(str(error)) from None


def _print_batches(store: Store, *, as_json: bool) -> None:
    batches = list_batches(store)
    if as_json:
        print(json.dumps([asdict(b) for b in batches], indent=2, ensure_ascii=False))
        return
    for b in batches:
        handed = f"  to {b.handed_to}" if b.handed_to else ""
        print(
            f"{b.reference}  {b.status.value:<12} {b.sent}/{b.recipients} handed over"
            f"  drafted {b.created_on} by {b.created_by}{handed}"
        )
    print(plural(len(batches), "batch", "batches"), file=sys.stderr)


COMMANDS = {"outreach": cmd_outreach}
