"""Command-line commands for contacts of deal lines: import, list, opt-out, do-not-contact.

Registered by :mod:`raptor_desktop.cli`, which owns the parser, the database options and the
exit codes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from raptor_desktop.cli_applications import OpenStore, date_arg
from raptor_desktop.cli_common import UsageError, report_import
from raptor_desktop.core.contacts import SOURCES, ContactDefaults, parse_source
from raptor_desktop.core.dates import plural
from raptor_desktop.core.line_import import NoNumberColumn
from raptor_desktop.core.numbers import parse_mobile
from raptor_desktop.core.tabular import UnreadableFile, read_table
from raptor_desktop.store.contacts import (
    import_contacts,
    list_contacts,
    log_listing,
    set_do_not_contact,
    set_opted_out,
)


def _source(text: str) -> str:
    try:
        return parse_source(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imp = commands.add_parser(
        "import-contacts", help="import numbers found in contact with a deal line"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--line", metavar="NUMBER", help="the deal line, for rows that name none")
    imp.add_argument("--source", type=_source, default=SOURCES[0], help=", ".join(SOURCES))
    imp.add_argument("--found", type=date_arg, metavar="YYYY-MM-DD", help="default: today")
    imp.add_argument("--rejects", type=Path, metavar="PATH")
    shown = commands.add_parser("contacts", help="list contacts of deal lines")
    shown.add_argument("--search", default="", metavar="DIGITS")
    shown.add_argument("--json", action="store_true")
    stop = commands.add_parser("opt-out", help="record a STOP reply from a contact")
    stop.add_argument("number")
    stop.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help="default: today")
    stop.add_argument("--clear", action="store_true", help="take a wrongly recorded opt-out off")
    never = commands.add_parser("do-not-contact", help="never text this contact")
    never.add_argument("number")
    group = never.add_mutually_exclusive_group(required=True)
    group.add_argument("--reason")
    group.add_argument("--clear", action="store_true")


def cmd_import_contacts(args: argparse.Namespace, open_store: OpenStore) -> int:
    try:
        table = read_table(args.file)
    except UnreadableFile as error:
        raise UsageError(str(error)) from None
    with open_store(args) as store:
        line = parse_mobile(args.line, allow_drama=store.training) if args.line else None
        defaults = ContactDefaults(line=line, source=args.source, found_on=args.found)
        try:
            result = import_contacts(store, table, defaults)
        except NoNumberColumn as error:
            raise UsageError(str(error)) from None
    report_import(result, args.file, args.rejects)
    return 0


def cmd_contacts(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        found = list_contacts(store, args.search)
        log_listing(store, len(found), args.search)
    if args.json:
        print(json.dumps([{**asdict(c), "display": c.display} for c in found], indent=2))
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


def cmd_opt_out(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        set_opted_out(store, args.number, None if args.clear else args.on or date.today())
    return 0


def cmd_do_not_contact(args: argparse.Namespace, open_store: OpenStore) -> int:
    with open_store(args) as store:
        set_do_not_contact(store, args.number, None if args.clear else args.reason)
    return 0


COMMANDS = {
    "import-contacts": cmd_import_contacts,
    "contacts": cmd_contacts,
    "opt-out": cmd_opt_out,
    "do-not-contact": cmd_do_not_contact,
}
