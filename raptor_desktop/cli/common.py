"""What several commands share: reading an input file, and reporting an import."""

from __future__ import annotations

import sys
from pathlib import Path

from raptor_desktop.services.imports import ImportResult, write_rejects


def report_import(result: ImportResult, file: Path, rejects: Path | None) -> None:
    """Print the one-line summary; write every rejected row with its reason beside the file."""
    print(result.summary())
    if result.ignored_columns:
        print(f"note: columns not used: {', '.join(result.ignored_columns)}", file=sys.stderr)
    if result.rejected:
        target = rejects or file.with_name(f"{file.stem}.rejects.csv")
        write_rejects(result, target)
        print(f"rejected rows written to {target}", file=sys.stderr)
