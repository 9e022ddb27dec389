"""``python -m raptor_desktop`` and the ``raptor`` command: the window, or a command.

Without a command the window opens (Qt loads only then); with one, the command line runs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from raptor_desktop.cli import build_parser, run_command
    from raptor_desktop.paths import setup_logging

    # Everything the program creates (the register, its log note, backups, attachments,
    # exports, packs, its own log) is for its user alone: owner-only files and folders.
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    setup_logging()
    if args.selftest:
        from raptor_desktop.selftest import run_selftest

        return run_selftest()
    if args.command is None:
        from raptor_desktop.cli.registry import Invocation
        from raptor_desktop.gui.app import run_gui

        return run_gui(Invocation(args).db_path, demo=args.demo)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
