"""Commands for the register's safety and settings: verify, backup, restore, the audit log,
settings, bank holidays and networks."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from raptor_desktop.cli.common import json_lines
from raptor_desktop.cli.registry import Invocation, command, date_arg
from raptor_desktop.cli.signing_in import PASSWORD_ENV, read_secret
from raptor_desktop.cli.signing_in import credentials as credentials_of
from raptor_desktop.core.audit import Category
from raptor_desktop.core.dates import plural
from raptor_desktop.services.audit_log import (
    AuditFilter,
    as_dict,
    export_log,
    read_log,
    verify_register,
)
from raptor_desktop.services.backups import (
    Credentials,
    back_up,
    needs_passphrase,
    restore,
    restore_elsewhere,
)
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.session import recover
from raptor_desktop.services.settings import (
    NETWORK_DETAILS,
    SETTINGS,
    change_networks,
    find_setting,
    get_text,
    holiday_list,
    network_details,
    networks,
    set_holiday_override,
    set_value,
)

PASSPHRASE_ENV = "RAPTOR_BACKUP_PASSPHRASE"


@command(
    "verify",
    "check the database and the audit log's chain (the password opens it; nothing is written)",
)
def cmd_verify(args: argparse.Namespace, run: Invocation) -> int:
    report = verify_register(run.existing_db_path(), *credentials_of(run))
    if report.sound:
        print(
            f"database sound; audit log chain intact ({plural(report.entries, 'entry', 'entries')})"
        )
        return 0
    for problem in report.problems:
        print(problem)
    return 1  # the register failed its check (exit code 1, as for rejected input)


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE")
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help="backups are always encrypted with the register's key; this adds a passphrase "
        f"that opens it alone (from ${PASSPHRASE_ENV} or a prompt)",
    )


@command("backup", "back up the database and its attachments", _backup_arguments)
def cmd_backup(args: argparse.Namespace, run: Invocation) -> int:
    passphrase = None
    if args.encrypt:
        passphrase = read_secret(
            "Backup passphrase: ", PASSPHRASE_ENV, confirm=True, what="passphrase"
        )
    info = back_up(run.session(), args.out, passphrase)
    print(
        f"backed up {plural(info.numbers, 'number')} and "
        f"{plural(info.attachments, 'attachment')} to {args.out}"
        + (" (encrypted; it also opens with the passphrase)" if passphrase else " (encrypted)")
    )
    return 0


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument(
        "--recovery-key",
        metavar="KEY",
        help="into a new database: open the backup with the register's recovery key",
    )


@command(
    "restore", "replace the database with a backup (or make --db from one)", _restore_arguments
)
def cmd_restore(args: argparse.Namespace, run: Invocation) -> int:
    passphrase = None
    if needs_passphrase(args.file):
        passphrase = read_secret("Backup passphrase: ", PASSPHRASE_ENV, what="passphrase")
    if not run.db_path.exists():  # a register lost, or another register's backup
        credentials = Credentials(passphrase=passphrase or "", recovery_key=args.recovery_key or "")
        if not args.recovery_key and not passphrase:
            name, secret = credentials_of(run, " (in the backup)")
            credentials = Credentials(username=name, password=secret)
        info = restore_elsewhere(run.db_path, args.file, credentials)
        numbers = plural(info.numbers, "number")
        print(f"restored {args.file} as a new database {run.db_path} ({numbers})")
        return 0
    session = run.session()  # signs in: only an administrator may restore
    run.close()  # the register's own connection lets go of the file before it is replaced
    restored = restore(session, args.file, passphrase)
    restored.store.close()
    print(
        f"restored {session.path} from {args.file}; "
        f"the database as it was is kept in {restored.safety_copy}"
    )
    return 0


@command(
    "recover",
    "every administrator's password lost: the recovery key sets one",
    lambda p: (
        p.add_argument("--recovery-key", metavar="KEY", required=True),
        p.add_argument("--admin", metavar="NAME", required=True),
    ),
)
def cmd_recover(args: argparse.Namespace, run: Invocation) -> int:
    password = read_secret(f"New password for {args.admin}: ", PASSWORD_ENV, confirm=True)
    recover(run.existing_db_path(), args.recovery_key, args.admin, password).store.close()
    print(f"{args.admin} can sign in to {run.db_path} with the new password")
    return 0


def _audit_arguments(audit: argparse.ArgumentParser) -> None:
    audit.add_argument("--by", metavar="USER", help="entries made by this officer")
    audit.add_argument("--category", choices=[c.value for c in Category])
    audit.add_argument("--record", help="entries naming this record, e.g. a number")
    audit.add_argument("--since", type=date_arg, metavar="YYYY-MM-DD")
    audit.add_argument("--json", action="store_true")
    audit.add_argument(
        "--out", type=Path, metavar="FILE.csv", help="export the entries (a logged disclosure)"
    )
    audit.add_argument("--to", metavar="WHO", help="with --out: who receives the export")
    audit.add_argument("--why", metavar="TEXT", help="with --out: why (logged)")


@command("audit", "the data-protection log (DPA 2018 s62)", _audit_arguments)
def cmd_audit(args: argparse.Namespace, run: Invocation) -> int:
    flt = AuditFilter(user=args.by, category=args.category, record=args.record, since=args.since)
    if args.out:
        count = export_log(run.store(), flt, args.out, Recipient(args.to or "", args.why or ""))
        print(f"exported {plural(count, 'entry', 'entries')} to {args.out}")
        return 0
    found = read_log(run.store(), flt)
    if args.json:
        print(json_lines(as_dict(e) for e in found))
        return 0
    for e in found:
        extra = "".join(
            f" | {k}: {v}" for k, v in (("why", e.justification), ("to", e.recipient)) if v
        )
        print(f"{e.id:>6} {e.at} {e.user:<12} {e.category:<12} {e.event}: {e.records}{extra}")
    return 0


def _settings_arguments(settings: argparse.ArgumentParser) -> None:
    settings.add_argument("name", nargs="?", help="e.g. protective_marking")
    settings.add_argument("value", nargs="?")


@command("settings", "show settings, or set one", _settings_arguments)
def cmd_settings(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    if args.name:
        setting = find_setting(args.name)
        if args.value is not None:
            set_value(store, setting, args.value)
        print(f"{setting.key} = {get_text(store, setting)}")
        return 0
    for setting in SETTINGS:
        print(f"{setting.key:<20} {get_text(store, setting):<36} {setting.label}")
    return 0


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year from 1900 to 2200")
    return year


def _holiday_arguments(holidays: argparse.ArgumentParser) -> None:
    holidays.add_argument("--year", type=_year, default=date.today().year)
    group = holidays.add_mutually_exclusive_group()
    group.add_argument(
        "--add", type=date_arg, metavar="YYYY-MM-DD", help="count a day as a holiday"
    )
    group.add_argument(
        "--remove",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="count a listed holiday as a working day",
    )
    group.add_argument(
        "--clear", type=date_arg, metavar="YYYY-MM-DD", help="undo --add or --remove"
    )
    holidays.add_argument("--note", default="")


@command("holidays", "bank holidays used for deadlines", _holiday_arguments)
def cmd_holidays(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    year = args.year
    for kind in ("add", "remove", "clear"):
        day = getattr(args, kind)
        if day is not None:
            set_holiday_override(store, day, kind, args.note)
            year = day.year
    for day, name, how in holiday_list(store, year):
        print(f"{day.isoformat()}  {name}{f'  ({how})' if how else ''}")
    return 0


NETWORK_OPTIONS = {  # each network detail's option: its name, what goes in it, its help
    "address": ("--address", "ADDRESS", "the network's address for service of orders"),
    "legal_name": (
        "--legal-name",
        "COMPANY",
        'the company behind the network, the party a claim names ("Hutchison 3G UK Limited")',
    ),
    "dx_box": ("--dx", "BOX", "its DX box, where its address or writing paper gives one"),
    "service_email": ("--email", "ADDRESS", "the email address it gave in writing for service"),
    "service_email_agreed": (
        "--email-agreed",
        "WHERE",
        "where it said in writing that it accepts service by email, and any limits it set "
        "(PD 6A 4.1, 4.2)",
    ),
    "service_fax": ("--fax", "NUMBER", "the fax number it gave in writing for service"),
    "service_fax_agreed": (
        "--fax-agreed",
        "WHERE",
        "where it said in writing that it accepts service by fax (PD 6A 4.1)",
    ),
    "address_kind": (
        "--address-kind",
        "KIND",
        "what its address for service is, for the certificate of service: given (for "
        "service), principal office, place of business or registered office (CPR 6.8, 6.9)",
    ),
}


def _network_arguments(nets: argparse.ArgumentParser) -> None:
    nets.add_argument(
        "--set",
        nargs=2,
        metavar=("NETWORK", "HOST"),
        help='add a network or set its host ("" for none)',
    )
    for detail, (option, value, text) in NETWORK_OPTIONS.items():
        nets.add_argument(
            option, nargs=2, dest=detail, metavar=("NETWORK", value), help=f'{text} ("" clears it)'
        )


@command("networks", "mobile networks and MVNO host networks", _network_arguments)
def cmd_networks(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    changes: dict[str, dict[str, str]] = {}
    for detail in NETWORK_OPTIONS:
        if getattr(args, detail):
            network, value = getattr(args, detail)
            changes.setdefault(network, {})[detail] = value
    if args.set or changes:  # one change: a refused detail keeps none of them
        change_networks(store, dict([args.set]) if args.set else {}, changes)
    details = network_details(store)
    for name, host in networks(store):
        hosted = f"host: {host:<10}" if host else " " * 16
        known = details.get(name, {})
        company = known.get("legal_name") or "(no legal name)"
        print(
            f"{name:<18} {hosted} {company} — {known.get('address') or '(no address for service)'}"
        )
        for detail in list(NETWORK_DETAILS)[2:]:  # the routes for service, where recorded
            if known.get(detail):
                print(f"{'':<18} {NETWORK_DETAILS[detail]}: {known[detail]}")
    return 0
