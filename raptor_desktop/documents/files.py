"""Writing a document's files: all of them whole, or none."""

from __future__ import annotations

import os
from pathlib import Path


def write_all(files: dict[Path, bytes], written: list[Path] | None = None) -> list[Path]:
    """Write each file in full beside its place first, then give each its name, so that a
    failure while writing leaves none of them behind. ``written`` (if given) collects each
    file as it takes its name, so a caller knows what went out if a rename fails."""
    done = [] if written is None else written
    partials = {path: path.with_name(f".{path.name}.partial") for path in files}
    try:
        for path, data in files.items():
            partials[path].write_bytes(data)
        for path, partial in partials.items():
            os.replace(partial, path)  # a crash leaves the old file or the whole new one
            done.append(path)
    finally:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
    return done
