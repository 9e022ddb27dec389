"""Commands for contacts of deal lines, and counting what a support text costs."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from raptor_desktop.cli.common import (
    disclosure_arguments,
    import_help,
    json_lines,
    recipient,
    report_import,
)
from raptor_desktop.cli.registry import Invocation, argument_type, command, date_arg
from raptor_desktop.core.contacts import CONTACT_COLUMNS, SOURCES, ContactDefaults, parse_source
from raptor_desktop.core.dates import plural
from raptor_desktop.core.numbers import parse_mobile
from raptor_desktop.core.sms import count_message, split_parts
from raptor_desktop.services.contacts import (
    export_contact_links,
    find_common_contacts,
    find_contacts,
    set_do_not_contact,
    set_opted_out,
)
from raptor_desktop.services.imports import contacts_importer, rejects_beside, run_import

_source = argument_type(parse_source)


def _import_arguments(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("file", type=Path)
    imp.add_argument("--line", metavar="NUMBER", help="the deal line, for rows that name none")
    imp.add_argument("--source", type=_source, default=SOURCES[0], help=", ".join(SOURCES))
    imp.add_argument("--found", type=date_arg, metavar="YYYY-MM-DD", help="default: today")
    imp.add_argument(
        "--rejects",
        type=Path,
        metavar="PATH",
        help="where to write rejected rows (default: FILE.rejects.csv beside it)",
    )
    import_help(
        imp,
        CONTACT_COLUMNS,
        {
            "number": "the contact's mobile number, in any usual form",
            "line": "the deal line's number (or --line)",
            "source": f"{', '.join(SOURCES)} (or --source)",
            "found_on": "date found, e.g. 2026-11-30 or 30/11/2026 (or --found)",
        },
    )


@command("import-contacts", "import numbers found in contact with a deal line", _import_arguments)
def cmd_import_contacts(args: argparse.Namespace, run: Invocation) -> int:
    session = run.session()
    line = parse_mobile(args.line, training=session.training) if args.line else None
    defaults = ContactDefaults(line=line, source=args.source, found_on=args.found)
    rejects = rejects_beside(args.file, args.rejects)
    result = run_import(session, args.file, contacts_importer(defaults), rejects_to=rejects)
    return report_import(result, args.file, rejects)


def _list_arguments(shown: argparse.ArgumentParser) -> None:
    shown.add_argument("--search", default="", metavar="DIGITS")
    shown.add_argument("--json", action="store_true")


@command("contacts", "list contacts of deal lines", _list_arguments)
def cmd_contacts(args: argparse.Namespace, run: Invocation) -> int:
    found = find_contacts(run.store(), args.search)
    if args.json:
        print(json_lines({**asdict(c), "display": c.display} for c in found))
        return 0
    for c in found:
        flags = " ".join(
            f
            for f in (
                f"opted out {c.opted_out_on}" if c.opted_out_on else "",
                f"DO NOT CONTACT ({c.do_not_contact_reason})" if c.do_not_contact else "",
            )
            if f
        )
        print(f"{c.display}  {c.last_found}  {c.sources:<28} {c.lines}  {flags}".rstrip())
    print(plural(len(found), "contact"), file=sys.stderr)
    return 0


def _opt_out_arguments(stop: argparse.ArgumentParser) -> None:
    stop.add_argument("number")
    stop.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help="default: today")
    stop.add_argument("--clear", action="store_true", help="take a wrongly recorded opt-out off")


@command("opt-out", "record a STOP reply from a contact", _opt_out_arguments)
def cmd_opt_out(args: argparse.Namespace, run: Invocation) -> int:
    set_opted_out(run.store(), args.number, None if args.clear else args.on or date.today())
    return 0


def _never_arguments(never: argparse.ArgumentParser) -> None:
    never.add_argument("number")
    group = never.add_mutually_exclusive_group(required=True)
    group.add_argument("--reason")
    group.add_argument("--clear", action="store_true")


@command("do-not-contact", "never text this contact", _never_arguments)
def cmd_do_not_contact(args: argparse.Namespace, run: Invocation) -> int:
    set_do_not_contact(run.store(), args.number, None if args.clear else args.reason)
    return 0


def _count_arguments(count: argparse.ArgumentParser) -> None:
    count.add_argument("text", nargs="?", default="-", help="the message, or - to read stdin")
    count.add_argument("--parts", action="store_true", help="also print each part")
    count.add_argument(
        "--json",
        action="store_true",
        help="print encoding, units, segments, remaining and non_gsm as JSON",
    )


@command(
    "count-message", "how many texts a support message costs (GSM-7 or UCS-2)", _count_arguments
)
def cmd_count_message(args: argparse.Namespace, run: Invocation) -> int:
    text = sys.stdin.read().rstrip("\n") if args.text == "-" else args.text
    count = count_message(text)
    if args.json:
        record: dict[str, object] = {
            "encoding": count.encoding.value,
            "units": count.units,
            "segments": count.parts,
            "remaining": count.remaining,
            "non_gsm": list(count.not_gsm),
        }
        if args.parts:
            record["parts"] = split_parts(text)
        print(json.dumps(record, ensure_ascii=False))
        return 0
    print(f"{count.describe()} ({count.units} units)")
    if args.parts:
        for number, part in enumerate(split_parts(text), start=1):
            print(f"--- part {number} ---")
            print(part)
    return 0


@command(
    "common-contacts",
    "contacts found on two or more deal lines, most lines first",
    lambda p: p.add_argument("--json", action="store_true"),
)
def cmd_common_contacts(args: argparse.Namespace, run: Invocation) -> int:
    found = find_common_contacts(run.store())
    if args.json:
        print(json_lines(asdict(c) for c in found))
        return 0
    for c in found:
        print(f"{c.display}  {plural(len(c.lines), 'line')}: {'; '.join(c.lines)}")
    print(plural(len(found), "contact"), file=sys.stderr)
    return 0


def _links_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    disclosure_arguments(parser)


@command(
    "contact-links",
    "export every contact–deal line link as an edge list (i2, Gephi): a logged disclosure",
    _links_arguments,
)
def cmd_contact_links(args: argparse.Namespace, run: Invocation) -> int:
    count = export_contact_links(run.store(), args.out, recipient(args))
    print(f"wrote {plural(count, 'link')} to {args.out}")
    return 0
