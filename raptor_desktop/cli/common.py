"""What several commands share: reporting an import, asking who receives a disclosure, and
printing a listing (as JSON or a line a record)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from raptor_desktop.core.dates import plural
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.imports import ImportResult


def report_import(result: ImportResult, file: Path, rejects: Path) -> int:
    """Print the one-line summary, and where the rejected rows were written (``rejects``).
    Returns the exit code: 1 when any row was rejected (see :data:`IMPORT_EXIT_STATUS`)."""
    print(result.summary())
    for note in result.remarks():
        print(f"note: {note}", file=sys.stderr)
    if result.ignored_columns:
        print(f"note: columns not used: {', '.join(result.ignored_columns)}", file=sys.stderr)
    if not result.rejected:
        return 0
    print(f"rejected rows written to {rejects}", file=sys.stderr)
    if result.all_rejected:
        print(f"every row of {file.name} was rejected: nothing was imported", file=sys.stderr)
    else:
        print(
            f"{plural(len(result.rejected), 'row')} of {file.name} rejected, the rest imported: "
            "correct the rejected rows and import them again",
            file=sys.stderr,
        )
    return 1


def import_help(
    parser: argparse.ArgumentParser, synonyms: dict[str, tuple[str, ...]], what: dict[str, str]
) -> None:
    """The columns a file may have (each under any of its headings) and the exit status, below
    the command's options: an officer with a spreadsheet needs both before the first try."""
    columns = []
    for field, names in synonyms.items():
        columns.append(f"  {field:<11} {what.get(field, 'free text')}")
        headed = "headed " + ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        columns.extend(
            textwrap.wrap(headed, 78, initial_indent=" " * 14, subsequent_indent=" " * 16)
        )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "\n".join(
        [
            "The file is CSV or XLSX with a header row. Its columns, in any order, headed in",
            "any case:",
            *columns,
            "A column under any other heading is left out and named in a note.",
            "",
            *textwrap.wrap(IMPORT_EXIT_STATUS, 78),
        ]
    )


IMPORT_EXIT_STATUS = (
    "exit status: 0 when every row was imported (or was already there); 1 when any row was "
    "rejected (the others are imported; the rejected ones are in the rejects file, each with "
    "its reason); 2 when the file could not be read or the command was mistyped (nothing imported)"
)


def disclosure_arguments(parser: argparse.ArgumentParser) -> None:
    """``--recipient`` and ``--justification``, both required: an export is a disclosure."""
    parser.add_argument("--recipient", required=True, help="who receives it (logged)")
    parser.add_argument("--justification", required=True, help="why (logged, DPA 2018 s62)")


def recipient(args: argparse.Namespace) -> Recipient:
    return Recipient(args.recipient, args.justification)


Row = TypeVar("Row")


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the records as JSON")


def print_listing(
    args: argparse.Namespace,
    rows: Sequence[Row],
    line: Callable[[Row], str],
    empty: str = "",
) -> int:
    """A listing command's output: ``rows`` as JSON with ``--json``, else a line each (and,
    when there are none, ``empty`` on standard error, to say what makes one)."""
    if args.json:
        print(json_lines(rows))
        return 0
    if not rows and empty:
        print(empty, file=sys.stderr)
    for row in rows:
        print(line(row))
    return 0


def json_lines(records: Iterable[object]) -> str:
    """A JSON array with one record on each line: readable, and written by json's C encoder
    (``indent=`` would use its pure-Python one: 20 times slower over 100,000 rows)."""
    return "[\n" + ",\n".join(map(_ENCODE, records)) + "\n]"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one a record


DEFAULT_OPERATION_HELP = "the register's default operation (raptor settings default_operation)"
"""What an --operation left out means, for the help of every command that takes one."""
