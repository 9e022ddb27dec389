"""``raptor show NUMBER``: one number as the window's detail panel shows it, on the terminal."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from raptor_desktop.cli.registry import Invocation, command
from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.lines import line_name
from raptor_desktop.core.numbers import CROWN_DEPENDENCIES, national_format
from raptor_desktop.core.register import format_pounds
from raptor_desktop.services.register import NumberDetail, view_number_of


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", help="the number, in any format")
    parser.add_argument("--json", action="store_true", help="print the record as JSON")


def _field(label: str, value: str) -> str:
    return f"  {label + ':':<20}{value}"


def _range_holder(holder: str) -> str:
    """The network the number was first allocated to (numbers are ported: not the provider)."""
    if not holder or holder.startswith("none"):
        return holder or "unknown"
    return f"{holder} (original network; may have been ported)"


def detail_text(detail: NumberDetail) -> str:
    """The number, its line, the line's numbers, devices, evidence and history, as text."""
    line = detail.line
    takings = (
        f"{format_pounds(line.daily_takings_pence)} a day ({line.takings_source})"
        if line.daily_takings_pence is not None
        else ""
    )
    fields = [
        ("Status", detail.status.value),
        ("Line", f"{line_name(line.brand)}, {line.operation}"),
        ("First seen", uk_date(detail.dates.first_seen)),
        ("Last seen", uk_date(detail.dates.last_seen)),
        ("Range holder", _range_holder(detail.range_holder)),
        ("Provider confirmed", detail.provider_confirmed or "not yet confirmed"),
        ("Replaces", national_format(detail.replaces) if detail.replaces else ""),
        ("Areas", ", ".join(line.areas) or "none recorded"),
        ("Drugs", ", ".join(line.drugs)),
        ("Daily takings", takings),
        ("Intelligence", line.intel_refs),
        ("Notes", line.notes.replace("\n", " / ")),
    ]
    out = [f"{detail.display} ({detail.e164})"]
    if detail.crown_dependency:
        out.append(
            f"  A {CROWN_DEPENDENCIES[detail.crown_dependency]} number: its provider may be "
            "outside the reach of an English court."
        )
    out += [_field(label, value) for label, value in fields if value]
    sections: list[tuple[str, list[str]]] = [
        (
            "Numbers of this line",
            [
                f"{national_format(str(n['e164']))}  {n['status']}"
                + (f"  (replaces {national_format(str(n['replaces']))})" if n["replaces"] else "")
                for n in detail.line_numbers
            ],
        ),
        ("Device identifiers", [f"{d['kind']} {d['value']}" for d in detail.devices]),
        (
            "Evidence",
            [
                f"{uk_date(str(e['occurred_on'] or '')) or 'undated':<10}  {e['kind']}: "
                f"{e['details']}"
                + (f" — {e['location']}" if e["location"] else "")
                + (f" [{e['reference']}]" if e["reference"] else "")
                for e in detail.evidence
            ],
        ),
        (
            "Contacts found on it",
            [f"{n} from {source}" for source, n in detail.contacts.items()],
        ),
        (
            "History (UTC)",
            [
                f"{str(h['changed_at'])[:16].replace('T', ' ')}  {h['to_status']}  by "
                f"{h['changed_by']}" + (f" — {h['note']}" if h["note"] else "")
                for h in detail.history
            ],
        ),
    ]
    for title, rows in sections:
        if rows:
            out += ["", f"{title}:", *[f"  {row}" for row in rows]]
    return "\n".join(out)


@command(
    "show",
    "one number: its line, the line's other numbers, devices, evidence and history",
    _arguments,
)
def cmd_show(args: argparse.Namespace, run: Invocation) -> int:
    detail = view_number_of(run.store(), args.number)
    if args.json:
        record = {"display": detail.display, **asdict(detail)}
        print(json.dumps(record, ensure_ascii=False, default=str, indent=1))
    else:
        print(detail_text(detail))
    return 0
