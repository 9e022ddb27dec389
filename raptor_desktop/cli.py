"""The command line: the same services as the GUI, for bulk work, scripts and tests.

Exit codes: 0 done; 1 the input was rejected (a bad number, an unknown record, a refused change);
2 a usage error or a file that cannot be read. A user's mistake never prints a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from raptor_desktop import (
    __version__,
    cli_accounts,
    cli_applications,
    cli_contacts,
    cli_outreach,
)
from raptor_desktop.cli_common import UsageError, report_import
from raptor_desktop.core.accounts import NotPermitted, Permission, Role
from raptor_desktop.core.applications import SubmissionRefused
from raptor_desktop.core.audit import Category
from raptor_desktop.core.dates import plural
from raptor_desktop.core.identifiers import IdentifierRejected
from raptor_desktop.core.line_import import NoNumberColumn, RowDefaults
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.numbers import NumberRejected
from raptor_desktop.core.register import DEFAULT_OPERATION, DRUGS, parse_drug
from raptor_desktop.core.sms import count_message, split_parts
from raptor_desktop.core.statuses import Status, StatusChangeRefused, parse_status
from raptor_desktop.core.tabular import UnreadableFile, read_table
from raptor_desktop.paths import default_db_path, demo_db_path
from raptor_desktop.store.accounts import SignInRefused, add_user
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.audit import as_dict as audit_dict
from raptor_desktop.store.backup import MAGIC as BACKUP_MAGIC
from raptor_desktop.store.backup import BackupRefused, check_backup, make_backup, restore_backup
from raptor_desktop.store.database import Store
from raptor_desktop.store.demo import NotTraining, seed_demo
from raptor_desktop.store.errors import Conflict, RecordNotFound, StoreError
from raptor_desktop.store.exhibits import AttachmentDamaged
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.line_query import ROW_KEYS, LineFilter, list_numbers
from raptor_desktop.store.lines import add_device, add_number, set_status
from raptor_desktop.store.reference import add_area, area_names, area_status_counts

PASSPHRASE_ENV = "RAPTOR_BACKUP_PASSPHRASE"
EXIT_REJECTED = 1
EXIT_USAGE = 2

USER_ERRORS = (
    SignInRefused,
    NotPermitted,
    SubmissionRefused,
    AttachmentDamaged,
    NumberRejected,
    IdentifierRejected,
    StatusChangeRefused,
    RecordNotFound,
    Conflict,
    NotTraining,
    BackupRefused,
    ValueError,
)


def _status(text: str) -> Status:
    try:
        return parse_status(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="raptor",
        description="Raptor Desktop: register of deal lines and DDTRO work. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"Raptor Desktop {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help=f"database file (default: $RAPTOR_DB, or {default_db_path()})"
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

    init = commands.add_parser("init", help="create a new database")
    init.add_argument("--admin", metavar="NAME", help="create its first administrator")
    init.add_argument(
        "--training",
        action="store_true",
        help="a training database: accepts Ofcom drama numbers, marks documents",
    )

    imp = commands.add_parser("import-lines", help="import numbers from a CSV or XLSX file")
    imp.add_argument("file", type=Path)
    imp.add_argument("--area", help="area for rows that name none")
    imp.add_argument("--operation", help=f"operation for rows that name none ({DEFAULT_OPERATION})")
    imp.add_argument(
        "--rejects",
        type=Path,
        metavar="PATH",
        help="where to write rejected rows (default: FILE.rejects.csv beside it)",
    )

    lines = commands.add_parser("lines", help="list numbers and their lines")
    lines.add_argument("--area")
    lines.add_argument("--status", type=_status)
    lines.add_argument("--search", default="", help="a number in any format, or part of a brand")
    lines.add_argument("--json", action="store_true", help="print a JSON array")

    add = commands.add_parser("add-line", help="add a number, on a new line or a named one")
    add.add_argument("number")
    add.add_argument("--name", default="", help="the line's brand, e.g. Tony")
    add.add_argument("--area", action="append", default=[], help="an area served (repeatable)")
    add.add_argument(
        "--drug",
        action="append",
        default=[],
        help=f"a drug offered (repeatable): {', '.join(DRUGS)}",
    )
    add.add_argument("--operation", default=DEFAULT_OPERATION)
    add.add_argument(
        "--replaces",
        metavar="NUMBER",
        help="an earlier number of the same line that this one replaced",
    )
    add.add_argument("--note", default="")

    status = commands.add_parser("set-status", help="move a number to a new status")
    status.add_argument("number")
    status.add_argument("status", type=_status, help=", ".join(s.value for s in Status))
    status.add_argument("--note", default="")

    device = commands.add_parser("add-device", help="record an IMEI, IMSI or ICCID")
    device.add_argument("number")
    device.add_argument("kind", help="IMEI, IMSI or ICCID")
    device.add_argument("value")

    areas = commands.add_parser("areas", help="list areas with line counts by status")
    areas.add_argument("--json", action="store_true")
    new_area = commands.add_parser("add-area", help="add an area to the list")
    new_area.add_argument("name")

    commands.add_parser("verify", help="check the database and the audit log's chain")
    backup = commands.add_parser("backup", help="back up the database and its attachments")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE")
    backup.add_argument(
        "--encrypt",
        action="store_true",
        help=f"encrypt with a passphrase (from ${PASSPHRASE_ENV} or a prompt)",
    )
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path)
    audit = commands.add_parser("audit", help="the data-protection log (DPA 2018 s62)")
    audit.add_argument("--user")
    audit.add_argument("--category", choices=[c.value for c in Category])
    audit.add_argument("--record", help="entries naming this record, e.g. a number")
    audit.add_argument("--since", type=cli_applications.date_arg, metavar="YYYY-MM-DD")
    audit.add_argument("--json", action="store_true")
    count = commands.add_parser(
        "count-message", help="how many texts a support message costs (GSM-7 or UCS-2)"
    )
    count.add_argument("text", nargs="?", default="-", help="the message, or - to read stdin")
    count.add_argument("--parts", action="store_true", help="also print each part")
    cli_applications.register(commands)
    cli_contacts.register(commands)
    cli_outreach.register(commands)
    cli_accounts.register(commands)
    cli_accounts.register_review(commands)
    return parser


def _db_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db).expanduser()
    return demo_db_path() if args.demo else default_db_path()


def open_store(args: argparse.Namespace) -> Store:
    """The database the arguments name, with the officer signed in.

    ``--demo`` creates and fills a training database and signs in with its account.
    """
    path = _db_path(args)
    store = Store.open(path, training=bool(args.demo))
    try:
        if args.demo:
            seed_demo(store)
        cli_accounts.sign_in_for(store, args)
    except BaseException:
        store.close()
        raise
    return store


def cmd_init(args: argparse.Namespace) -> int:
    path = _db_path(args)
    if path.exists() and path.stat().st_size > 0:
        raise Conflict(f"a database already exists at {path}; choose another path with --db")
    with Store.open(path, training=args.training) as store:
        kind = "training" if store.training else "live"
        if args.admin:
            password = cli_accounts.read_password(
                f"Password for the administrator {args.admin}: ", confirm=True
            )
            add_user(store, args.admin, args.admin, Role.ADMINISTRATOR, password)
        print(
            f"created {kind} database {path}"
            + (f" with administrator {args.admin}" if args.admin else "")
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        table = read_table(args.file)
    except UnreadableFile as error:
        raise UsageError(str(error)) from None
    with open_store(args) as store:
        if args.area and args.area.casefold() not in {a.casefold() for a in area_names(store)}:
            raise RecordNotFound(f"--area: unknown area {args.area!r}")
        try:
            result = import_lines(store, table, RowDefaults(args.area, args.operation))
        except NoNumberColumn as error:
            raise UsageError(str(error)) from None
    report_import(result, args.file, args.rejects)
    return 0


def cmd_lines(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.area and args.area.casefold() not in {a.casefold() for a in area_names(store)}:
            raise RecordNotFound(f"unknown area {args.area!r}")
        rows = list_numbers(store, LineFilter(args.search, args.area, args.status))
        asked = ", ".join(
            f"{k} {v}"
            for k, v in (("search", args.search), ("area", args.area), ("status", args.status))
            if v
        )
        store.log(
            Category.CONSULTATION,
            "list numbers",
            f"{len(rows)} numbers" + (f" ({asked})" if asked else ""),
        )
    if args.json:
        keys = ["number", "display", *(k for k in ROW_KEYS if k not in ("id", "number", "line_id"))]
        print(json.dumps([{k: r[k] for k in keys} for r in rows], indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        areas = "; ".join(r["areas"])  # type: ignore[arg-type]
        print(f"{r['display']:<13} {str(r['line'] or '(unnamed)'):<16} {r['status']:<22} {areas}")
    print(plural(len(rows), "number"), file=sys.stderr)
    return 0


def cmd_add_line(args: argparse.Namespace) -> int:
    details = LineDetails(
        brand=args.name,
        operation=args.operation,
        areas=args.area,
        drugs=sorted({parse_drug(d) for d in args.drug}),
        notes=args.note,
    )
    with open_store(args) as store:
        ref = add_number(store, args.number, details, replaces=args.replaces, note=args.note)
    print(f"added {args.number.strip()} as {ref.e164} ({ref.status})")
    return 0


def cmd_set_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        ref = set_status(store, args.number, args.status, args.note)
    print(f"{ref.e164}: {ref.status}")
    return 0


def cmd_add_device(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        value = add_device(store, args.number, args.kind, args.value)
    print(f"recorded {args.kind.upper()} {value}")
    return 0


def cmd_areas(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        counts = area_status_counts(store)
    if args.json:
        print(json.dumps(counts, indent=2))
        return 0
    for row in counts:
        busy = ", ".join(f"{s.value} {row[s.value]}" for s in Status if row[s.value])
        print(f"{row['area']:<18} {row['total']:>4} lines  {busy}")
    return 0


def cmd_add_area(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        add_area(store, args.name)
    print(f"added area {' '.join(args.name.split())}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        report = verify(store)
    if report.sound:
        print(f"database sound; audit log chain intact ({report.entries} entries)")
        return 0
    for problem in report.problems:
        print(problem)
    return EXIT_REJECTED


def _passphrase(confirm: bool) -> str:
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise UsageError(f"no passphrase: set {PASSPHRASE_ENV} or run in a terminal")
    first = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("Again: ") != first:
        raise UsageError("the passphrases do not match")
    if len(first) < 12:
        raise UsageError("use a passphrase of at least 12 characters")
    return first


def cmd_backup(args: argparse.Namespace) -> int:
    passphrase = _passphrase(confirm=True) if args.encrypt else None
    with open_store(args) as store:
        path = make_backup(store, args.out, passphrase)
        store.log(
            Category.DISCLOSURE, "backup", str(path), justification="backup", recipient=str(path)
        )
    info = check_backup(path, passphrase)
    print(
        f"backed up {info.numbers} numbers and {info.attachments} attachments to {path}"
        + (" (encrypted)" if passphrase else "")
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    data = args.file.read_bytes()[:16] if args.file.exists() else b""
    passphrase = _passphrase(confirm=False) if data.startswith(BACKUP_MAGIC) else None
    target = _db_path(args)
    with open_store(args) as store:  # signs in: only an administrator may restore
        role = store.role
    safety = restore_backup(target, args.file, passphrase, role=role)
    with Store.open(target) as store:
        store.log(Category.ALTERATION, "restore from backup", str(args.file))
    print(f"restored {target} from {args.file}; the database as it was is kept in {safety}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    flt = AuditFilter(user=args.user, category=args.category, record=args.record, since=args.since)
    with open_store(args) as store:
        store.require(Permission.READ_AUDIT)
        found = entries(store.db, flt)
        store.log(Category.CONSULTATION, "read audit log", f"{len(found)} entries")
    if args.json:
        print(json.dumps([audit_dict(e) for e in found], indent=2, ensure_ascii=False))
        return 0
    for e in found:
        extra = "".join(
            f" | {k}: {v}" for k, v in (("why", e.justification), ("to", e.recipient)) if v
        )
        print(f"{e.id:>6} {e.at} {e.user:<12} {e.category:<12} {e.event}: {e.records}{extra}")
    return 0


def cmd_count_message(args: argparse.Namespace) -> int:
    text = sys.stdin.read().rstrip("\n") if args.text == "-" else args.text
    count = count_message(text)
    print(f"{count.describe()} ({count.units} units)")
    if args.parts:
        for number, part in enumerate(split_parts(text), start=1):
            print(f"--- part {number} ---")
            print(part)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "count-message": cmd_count_message,
    "verify": cmd_verify,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "audit": cmd_audit,
    "init": cmd_init,
    "import-lines": cmd_import,
    "lines": cmd_lines,
    "add-line": cmd_add_line,
    "set-status": cmd_set_status,
    "add-device": cmd_add_device,
    "areas": cmd_areas,
    "add-area": cmd_add_area,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.selftest:
        from raptor_desktop.selftest import run_selftest

        return run_selftest()
    if args.command is None:
        from raptor_desktop.gui.app import run_gui  # Qt loads only when the window is wanted

        return run_gui(_db_path(args), demo=args.demo)
    try:
        account_commands = {
            "users": cli_accounts.cmd_users,
            "review": cli_accounts.cmd_review,
            "review-decide": cli_accounts.cmd_review_decide,
        }
        if args.command in account_commands:
            with open_store(args) as store:
                return account_commands[args.command](args, store)
        if args.command in cli_applications.COMMANDS:
            return cli_applications.COMMANDS[args.command](args, open_store)
        for module in (cli_contacts, cli_outreach):
            if args.command in module.COMMANDS:
                return module.COMMANDS[args.command](args, open_store)
        return COMMANDS[args.command](args)
    except (UsageError, cli_accounts.SignInNeeded) as error:
        print(f"raptor: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as error:
        print(f"raptor: error: {error.full_message()}", file=sys.stderr)
        return EXIT_USAGE
    except USER_ERRORS as error:
        print(f"raptor: error: {error}", file=sys.stderr)
        return EXIT_REJECTED
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"raptor: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.Error as error:
        print(f"raptor: database error: {error}", file=sys.stderr)
        return EXIT_REJECTED
