"""The command line: the same services as the window, for bulk work, scripts and tests.

Exit codes: 0 done; 1 the input was rejected (a bad number, an unknown record, a refused
change, a damaged backup); 2 a usage error, a file that cannot be read or written, or a
database file that cannot be used (locked, read-only, full, not a database); 3 a bug: a short
message here, the traceback in the log file; 141 (silent) when what reads the output stops
early, as for any command a shell runs. A user's mistake never prints a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from raptor_desktop import __version__
from raptor_desktop.cli import (  # noqa: F401  (each module registers its commands)
    accounts,
    admin,
    application_details,
    applications,
    contacts,
    exchange,
    finding,
    number_view,
    outreach,
    packs,
    register_commands,
    summaries,
)
from raptor_desktop.cli.registry import COMMANDS, Invocation, UsageError
from raptor_desktop.core.errors import Refusal, UnusableFile
from raptor_desktop.paths import default_db_path, log_file
from raptor_desktop.services.failures import report_bug, user_message
from raptor_desktop.services.session import StoreError

EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_PIPE_CLOSED = 128 + 13  # as a shell reports a command stopped by SIGPIPE
_USAGE = (UsageError, StoreError)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="raptor",
        description="Raptor Desktop: register of deal lines and DDTRO work. "
        "Without a command, opens the window.",
        epilog="Exit codes: 0 done, 1 input rejected, 2 usage or file problem, 3 a bug "
        f"(details in {log_file()}).",
    )
    parser.add_argument("--version", action="version", version=f"Raptor Desktop {__version__}")
    parser.add_argument(
        "--db",
        dest="database",
        metavar="PATH",
        help=f"database file (default: $RAPTOR_DB, or {default_db_path()})",
    )
    parser.add_argument(
        "--user",
        help="the officer signing in (default: $RAPTOR_USER); the "
        "password comes from a prompt or $RAPTOR_PASSWORD",
    )
    parser.add_argument(
        "--selftest", action="store_true", help="check that the program works, then exit"
    )
    parser.add_argument(
        "--demo", action="store_true", help="use the demo training database, creating it if needed"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for found in sorted(COMMANDS, key=lambda c: c.name):
        sub = commands.add_parser(found.name, help=found.help)
        if found.arguments is not None:
            found.arguments(sub)
        sub.set_defaults(handler=found.handler)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the command ``args`` names; every failure becomes a message and an exit code."""
    run = Invocation(args)
    try:
        return int(args.handler(args, run))
    except BrokenPipeError:  # `raptor lines | head`: the reader has what it wanted
        _stop_writing_stdout()
        return EXIT_PIPE_CLOSED
    except Exception as error:  # sorted below: a refusal, a file problem, or a bug
        return _failed(error, args.command)
    finally:
        run.close()


def _stop_writing_stdout() -> None:
    """Send what is still buffered for the closed pipe nowhere, so that Python's flush at
    exit does not fail again (the way Python's documentation gives for SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _failed(error: Exception, command: str) -> int:
    message = user_message(error)
    if message is None:
        report_bug(error, f"running 'raptor {command}'")
        print(
            f"raptor: error: an unexpected error (this is a bug): {error}. "
            f"The details are in {log_file()}",
            file=sys.stderr,
        )
        return EXIT_BUG
    print(f"raptor: error: {message}", file=sys.stderr)
    if isinstance(error, _USAGE) or isinstance(error, UnusableFile) and _unreadable(error):
        return EXIT_USAGE
    if isinstance(error, Refusal):
        return EXIT_REJECTED
    return EXIT_USAGE  # the operating system would not read or write a file, or the database


def _unreadable(error: UnusableFile) -> bool:
    """A spreadsheet that cannot be read is a usage problem; a damaged backup is rejected."""
    from raptor_desktop.services.imports import NoNumberColumn, UnreadableFile

    return isinstance(error, UnreadableFile | NoNumberColumn)
