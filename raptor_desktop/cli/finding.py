"""Commands that find things across the register: search, and numbers in intelligence text."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from raptor_desktop.cli.common import json_lines
from raptor_desktop.cli.registry import Invocation, command
from raptor_desktop.core.dates import plural
from raptor_desktop.core.tabular import read_text
from raptor_desktop.services.intel import add_unknown, find_numbers
from raptor_desktop.services.search import KIND_TITLES, search


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", help="a number in any form (4+ digits), or words")
    parser.add_argument("--json", action="store_true")


@command(
    "search",
    "search numbers, lines, notes, evidence, devices, exhibits, references and contacts",
    _search_arguments,
)
def cmd_search(args: argparse.Namespace, run: Invocation) -> int:
    hits = search(run.store(), " ".join(args.text))
    if args.json:
        print(json_lines(asdict(h) for h in hits))
        return 0
    if not hits:
        print("nothing found")
    kind = ""
    for hit in hits:
        if hit.kind != kind:
            kind = hit.kind
            print(f"{KIND_TITLES[kind]}:")
        print(f"  {hit.label:<40} {hit.detail}")
    return 0


def _find_numbers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input")
    parser.add_argument("--json", action="store_true")
    adding = parser.add_mutually_exclusive_group()
    adding.add_argument("--add-lines", action="store_true", help="add the unknown numbers as lines")
    adding.add_argument(
        "--add-contacts-of", metavar="NUMBER", help="add the unknown ones as contacts of this line"
    )


@command(
    "find-numbers",
    "find the UK mobile numbers in intelligence text and match them to the register",
    _find_numbers_arguments,
)
def cmd_find_numbers(args: argparse.Namespace, run: Invocation) -> int:
    text = sys.stdin.read() if args.file == "-" else read_text(Path(args.file))
    store = run.store()
    result = find_numbers(store, text)
    if args.json:
        print(
            json.dumps(
                {
                    "numbers": [
                        {
                            "number": m.number.display,
                            "written": m.number.written,
                            "known_as": m.known_as or None,
                            "label": m.label,
                        }
                        for m in result.matched
                    ],
                    "ignored": [asdict(i) for i in result.ignored],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for m in result.matched:
            print(f"{m.number.display:<14} {m.label:<40} (written {m.number.written!r})")
        for ignored in result.ignored:
            print(f"{ignored.written:<14} ignored: {ignored.why}")
        print(result.summary(), file=sys.stderr)
    if (args.add_lines or args.add_contacts_of) and result.unknown:
        added = add_unknown(store, result.unknown, as_contacts_of=args.add_contacts_of or "")
        print(f"added {plural(added, 'number')}", file=sys.stderr)
    return 0
