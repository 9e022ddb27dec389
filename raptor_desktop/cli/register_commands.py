"""Commands for the register: a new database, importing and listing lines, numbers, areas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from raptor_desktop.cli.common import (
    DEFAULT_OPERATION_HELP,
    import_help,
    json_option,
    print_listing,
    report_import,
)
from raptor_desktop.cli.registry import Invocation, argument_type, command, date_arg
from raptor_desktop.cli.signing_in import PASSWORD_ENV, read_secret, show_recovery_key
from raptor_desktop.core.dates import plural
from raptor_desktop.core.evidence import EVIDENCE_KINDS, EvidenceItem
from raptor_desktop.core.line_import import COLUMN_SYNONYMS, RowDefaults
from raptor_desktop.core.lines import LineDetails, line_name
from raptor_desktop.core.register import DRUGS, parse_drug, parse_price_pence
from raptor_desktop.core.statuses import Status, parse_status
from raptor_desktop.services.imports import lines_importer, rejects_beside, run_import
from raptor_desktop.services.register import (
    LineFilter,
    add_area,
    add_device,
    add_number,
    add_number_evidence,
    area_status_counts,
    merge_lines_of,
    move_number,
    search_numbers,
    search_numbers_json,
    set_status,
)
from raptor_desktop.services.session import create_register

_status = argument_type(parse_status)


def _init_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--admin", metavar="NAME", required=True, help="its first administrator")
    parser.add_argument(
        "--training",
        action="store_true",
        help="a training database: accepts Ofcom drama numbers, marks documents",
    )


@command("init", "create a new database", _init_arguments)
def cmd_init(args: argparse.Namespace, run: Invocation) -> int:
    password = read_secret(
        f"Password for the administrator {args.admin}: ", PASSWORD_ENV, confirm=True
    )
    made = create_register(run.db_path, training=args.training, admin=args.admin, password=password)
    kind = "training" if made.training else "live"
    print(f"created {kind} database {run.db_path} with administrator {args.admin}")
    show_recovery_key(made, "The register is encrypted; its key opens with each password.")
    return 0


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--area", help="area for rows that name none")
    parser.add_argument(
        "--operation", help=f"operation for rows that name none (default: {DEFAULT_OPERATION_HELP})"
    )
    parser.add_argument(
        "--rejects",
        type=Path,
        metavar="PATH",
        help="where to write rejected rows (default: FILE.rejects.csv beside it)",
    )
    import_help(parser, COLUMN_SYNONYMS, _LINE_COLUMNS)


_LINE_COLUMNS = {
    "number": "the mobile number, in any usual form",
    "brand": "the line's name; rows of one name go on one line",
    "areas": "areas served, separated by ; (or --area)",
    "drugs": "drugs offered, separated by ;",
    "operation": "the operation (or --operation; else the default_operation setting)",
    "first_seen": "date, e.g. 2026-11-30 or 30/11/2026",
    "last_seen": "date",
    "intel_refs": "intelligence references, separated by ;",
}


@command("import-lines", "import numbers from a CSV or XLSX file", _import_arguments)
def cmd_import(args: argparse.Namespace, run: Invocation) -> int:
    importer = lines_importer(RowDefaults(args.area, args.operation))
    rejects = rejects_beside(args.file, args.rejects)
    result = run_import(run.session(), args.file, importer, rejects_to=rejects)
    return report_import(result, args.file, rejects)


def _lines_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--area")
    parser.add_argument("--status", type=_status)
    parser.add_argument("--search", default="", help="a number in any format, or part of a brand")
    parser.add_argument("--json", action="store_true", help="print a JSON array")


@command("lines", "list numbers and their lines", _lines_arguments)
def cmd_lines(args: argparse.Namespace, run: Invocation) -> int:
    flt = LineFilter(args.search, args.area, args.status)
    if args.json:
        print(search_numbers_json(run.store(), flt))
        return 0
    rows = search_numbers(run.store(), flt)
    for r in rows:
        areas = "; ".join(r["areas"])  # type: ignore[arg-type]
        print(
            f"{r['display']:<13} {line_name(r['line']):<16} {r['status']:<22} "
            f"{r['operation']:<20} {areas}"
        )
    print(plural(len(rows), "number"), file=sys.stderr)
    return 0


def _add_line_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number")
    parser.add_argument("--name", default="", help="the line's brand, e.g. Tony")
    parser.add_argument("--area", action="append", default=[], help="an area served (repeatable)")
    parser.add_argument(
        "--drug",
        action="append",
        default=[],
        help=f"a drug offered (repeatable): {', '.join(DRUGS)}",
    )
    parser.add_argument("--operation", default="", help=f"default: {DEFAULT_OPERATION_HELP}")
    parser.add_argument(
        "--replaces",
        metavar="NUMBER",
        help="an earlier number of the same line that this one replaced",
    )
    parser.add_argument("--note", default="")


@command("add-line", "add a number, on a new line or a named one", _add_line_arguments)
def cmd_add_line(args: argparse.Namespace, run: Invocation) -> int:
    details = LineDetails(
        brand=args.name,
        operation=args.operation,
        areas=args.area,
        drugs=sorted({parse_drug(d) for d in args.drug}),
        notes=args.note,
    )
    ref = add_number(run.store(), args.number, details, replaces=args.replaces, note=args.note)
    print(f"added {args.number.strip()} as {ref.e164} ({ref.status})")
    return 0


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number")
    parser.add_argument("status", type=_status, help=", ".join(s.value for s in Status))
    parser.add_argument("--note", default="")


@command("set-status", "move a number to a new status", _status_arguments)
def cmd_set_status(args: argparse.Namespace, run: Invocation) -> int:
    ref = set_status(run.store(), args.number, args.status, args.note)
    print(f"{ref.e164}: {ref.status}")
    return 0


def _merge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("keep", metavar="NUMBER", help="a number on the line kept")
    parser.add_argument("other", metavar="OTHER", help="a number on the line made part of it")


@command(
    "merge-lines",
    "make two lines found to be one deal line one (supervisors; it cannot be undone)",
    _merge_arguments,
)
def cmd_merge_lines(args: argparse.Namespace, run: Invocation) -> int:
    print(merge_lines_of(run.store(), args.keep, args.other))
    return 0


def _move_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number")
    parser.add_argument("brand", metavar="LINE", help="the name of a line of its operation")
    parser.add_argument(
        "--new", action="store_true", help="LINE is a new line: make it (refused otherwise)"
    )


@command("move-number", "move a number to another line of its operation", _move_arguments)
def cmd_move_number(args: argparse.Namespace, run: Invocation) -> int:
    print(move_number(run.store(), args.number, to_brand=args.brand, new_line=args.new).said)
    return 0


def _device_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number")
    parser.add_argument("kind", help="IMEI, IMSI or ICCID")
    parser.add_argument("value")


@command("add-device", "record an IMEI, IMSI or ICCID", _device_arguments)
def cmd_add_device(args: argparse.Namespace, run: Invocation) -> int:
    value = add_device(run.store(), args.number, args.kind, args.value)
    print(f"recorded {args.kind.upper()} {value}")
    return 0


def _evidence_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", help="a number of the line the evidence is against")
    parser.add_argument("kind", metavar="KIND", help=", ".join(EVIDENCE_KINDS))
    parser.add_argument("details", help="what it shows (quote it: the text sent, what was bought)")
    parser.add_argument(
        "--date", type=date_arg, metavar="DATE", help="when it happened (dd/mm/yyyy)"
    )
    parser.add_argument("--location", default="", help="where (a test purchase's street)")
    parser.add_argument("--price", default="", help="what a test purchase cost, e.g. £20")
    parser.add_argument("--reference", default="", help="its exhibit or intelligence reference")


@command("add-evidence", "record evidence against a number's line", _evidence_arguments)
def cmd_add_evidence(args: argparse.Namespace, run: Invocation) -> int:
    item = EvidenceItem(
        args.kind,
        args.details,
        args.date,
        args.location,
        parse_price_pence(args.price),
        args.reference,
    )
    add_number_evidence(run.store(), args.number, item)
    print(f"recorded {args.kind} against the line of {args.number}")
    return 0


@command(
    "areas",
    "list areas with line counts by status",
    json_option,
)
def cmd_areas(args: argparse.Namespace, run: Invocation) -> int:
    return print_listing(args, area_status_counts(run.store()), _area_line)


def _area_line(row: dict[str, object]) -> str:
    busy = ", ".join(f"{s.value} {row[s.value]}" for s in Status if row[s.value])
    total = int(str(row["total"]))
    return f"{row['area']:<18} {total:>4} {'line ' if total == 1 else 'lines'}  {busy}"


@command("add-area", "add an area to the list", lambda p: p.add_argument("name"))
def cmd_add_area(args: argparse.Namespace, run: Invocation) -> int:
    add_area(run.store(), args.name)
    print(f"added area {' '.join(args.name.split())}")
    return 0
