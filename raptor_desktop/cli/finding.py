"""Commands that find things across the register: search."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from raptor_desktop.cli.registry import Invocation, command
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
        print(json.dumps([asdict(h) for h in hits], indent=2, ensure_ascii=False))
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
