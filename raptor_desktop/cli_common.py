"""What the command-line modules share: the usage error and the report of an import."""

from __future__ import annotations

import sys
from pathlib import Path

from raptor_desktop.core.tabular import write_rows_csv
from raptor_desktop.store.importing import ImportResult


class UsageError(Exception):
    """A problem with how the command was called, or a file it cannot use (exit 2)."""


def report_import(result: ImportResult, file: Path, rejects: Path | None) -> None:
    """Print the one-line summary; write every rejected row with its reason beside the file."""
    print(result.summary())
    if result.ignored_columns:
        print(f"note: columns not used: {', '.join(result.ignored_columns)}", file=sys.stderr)
    if result.rejected:
        target = rejects or file.with_name(f"{file.stem}.rejects.csv")
        write_rows_csv(
            target,
            ["row", "reason", *result.headers],
            ([r.row, r.reason, *r.cells] for r in result.rejected),
        )
        print(f"rejected rows written to {target}", file=sys.stderr)
