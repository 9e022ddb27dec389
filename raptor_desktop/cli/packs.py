"""Commands for hearing packs: what stops one, building, printing, supplementing, checking."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from raptor_desktop.cli.registry import Invocation, UsageError, command
from raptor_desktop.core.dates import plural
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.packs import (
    PACK_JUSTIFICATION,
    build_pack,
    build_supplement,
    check_pack_file,
    pack_gaps,
    pdf_target,
    print_pack,
    save_pack,
)


def _disclosure_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--recipient", help="who receives it (default: the court)")
    parser.add_argument(
        "--justification",
        default=PACK_JUSTIFICATION,
        help="why it is disclosed (logged, DPA 2018 s62)",
    )


@command(
    "check-application",
    "list what stops an application going to court, and where to fill it in",
    lambda p: p.add_argument("reference"),
)
def cmd_check_application(args: argparse.Namespace, run: Invocation) -> int:
    gaps = pack_gaps(run.store(), args.reference)
    for gap in gaps:
        print(f"- {gap.what}\n  fill in: {gap.where}")
    if not gaps:
        print(f"{args.reference} has no gaps: its pack can be printed for court")
    return 1 if gaps else 0


def _pack_arguments(pack: argparse.ArgumentParser) -> None:
    pack.add_argument("reference")
    where = pack.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf", help="save the PDF here")
    where.add_argument(
        "--print",
        nargs="?",
        const="",
        metavar="PRINTER",
        help="print it (the default printer, or PRINTER) through the system's spooler",
    )
    pack.add_argument(
        "--draft",
        action="store_true",
        help="build it although gaps remain, every page marked DRAFT (not for service)",
    )
    _disclosure_arguments(pack)


@command("hearing-pack", "write the hearing pack PDF (a logged disclosure)", _pack_arguments)
def cmd_hearing_pack(args: argparse.Namespace, run: Invocation) -> int:
    out = pdf_target(args.out) if args.out else None  # refused before the pack is built
    pack = build_pack(run.session(), args.reference, draft=args.draft)
    for note in pack.notes:
        print(f"note: {note}", file=sys.stderr)
    to = Recipient(args.recipient or pack.court, args.justification)
    if out is None:
        print_pack(run.store(), pack, to, args.print or None)
        print(f"sent {plural(pack.pages, 'page')} to {args.print or 'the default printer'}")
        return 0
    for path, bundle in zip(save_pack(run.store(), pack, out, to), pack.bundles, strict=True):
        print(f"wrote {path} ({len(bundle.entries)} documents)")
    return 0


@command(
    "check-pack",
    "check a saved hearing bundle against the court's bundle rules, page by page",
    lambda p: p.add_argument("file", type=Path),
)
def cmd_check_pack(args: argparse.Namespace, run: Invocation) -> int:
    if not args.file.is_file():
        raise UsageError(f"{args.file}: cannot be read (no such file)")
    report = check_pack_file(args.file)
    for line in report.passed:
        print(f"ok    {line}")
    for line in report.failed:
        print(f"FAIL  {line}")
    for line in report.notes:
        print(f"note  {line}")
    return 0 if report.fit_to_serve else 1


def _supplement_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference")
    parser.add_argument("served", type=Path, metavar="SERVED.pdf", help="the bundle as served")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    _disclosure_arguments(parser)


@command(
    "supplementary-bundle",
    "add what came after a bundle was served (the order, the note of events, the letters "
    "serving it, exhibits added) at its end, pages numbered on",
    _supplement_arguments,
)
def cmd_supplementary_bundle(args: argparse.Namespace, run: Invocation) -> int:
    out = pdf_target(args.out)  # refused before the supplement is built
    pack = build_supplement(run.session(), args.reference, args.served)
    to = Recipient(args.recipient or pack.court, args.justification)
    [path] = save_pack(run.store(), pack, out, to)
    earlier = pack.supplements
    served_pages = earlier.pages if earlier else 0
    print(f"wrote {path}: pages 1–{served_pages} as served, {served_pages + 1}–{pack.pages} added")
    return 0
