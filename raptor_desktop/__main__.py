"""``python -m raptor_desktop`` and the ``raptor`` command: the window, or a command.

Without a command the window opens (Qt loads only then); with one, the command line runs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from raptor_desktop.paths import chosen_db_path, setup_logging

    # Everything the program creates (the register, its log note, backups, attachments,
    # exports, packs, its own log) is for its user alone: owner-only files and folders.
    os.umask(0o077)
    window = _window_arguments(list(sys.argv[1:] if argv is None else argv))
    if window is not None:  # the window alone: the commands (a third of start-up) wait
        from raptor_desktop.gui.app import run_gui

        setup_logging()
        database, demo = window
        return run_gui(chosen_db_path(database, demo=demo), demo=demo)
    from raptor_desktop.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    setup_logging()
    if args.selftest:
        from raptor_desktop.selftest import run_selftest

        return run_selftest()
    if args.command is None:
        from raptor_desktop.gui.app import run_gui

        return run_gui(chosen_db_path(args.database, demo=args.demo), demo=args.demo)
    return run_command(args)


def _window_arguments(argv: list[str]) -> tuple[str | None, bool] | None:
    """``--db PATH`` and ``--demo`` when that is all there is (the window is asked for);
    None for anything else (a command, ``--help``, ``--version``…), which the full command
    line reads, with its messages."""
    database: str | None = None
    demo = False
    words = iter(argv)
    for word in words:
        if word == "--demo":
            demo = True
        elif word == "--db":
            database = next(words, None)
            if database is None:
                return None
        elif word.startswith("--db="):
            database = word.removeprefix("--db=")
        else:
            return None
    return database, demo


if __name__ == "__main__":
    sys.exit(main())
