"""A number moved to another line of its operation: a number imported or added under the
wrong brand put right, or one number of a merge found to belong elsewhere.

The number takes its status, dates, devices and history with it; the line it leaves keeps
its evidence, areas and notes (they were said of that line), so a line's only number does not
go if that would leave evidence on a line with no number (two lines that are one are merged).
A number named in an application that has gone to court is not moved: its evidence there was
its line's; nor is a replacement number, or the number it replaced (a line's brand moving
between them). Moving it back is the undo (the window offers it).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from raptor_desktop.core.applications import ApplicationStatus
from raptor_desktop.core.errors import InputRejected, Refusal
from raptor_desktop.core.numbers import national_format
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.lines import find_number, line_for_brand


class NumberNotMoved(Refusal):
    """A number that cannot go to the line asked for."""


class NoSuchLine(NumberNotMoved):
    """No line of the operation has the name given, and a new line was not asked for: a slip
    of typing ('Tonny') would otherwise put the number on a line of its own."""


@dataclass(frozen=True)
class Moved:
    number_id: int
    e164: str
    from_line: int
    to_line: int
    said: str  # what the log entry says


def _named(brand: str, line_id: int) -> str:
    return f"line {brand!r}" if brand else f"unnamed line {line_id}"


def _refuse_if_a_replacement(db: sqlite_utils.Database, number_id: int, shown: str) -> None:
    """A number that replaced another, or was replaced, is the line's brand moving from one
    number to the next: it stays on that line, with the number it is linked to."""
    linked = db.execute(
        "SELECT e164 FROM numbers WHERE id = (SELECT replaces_number_id FROM numbers "
        "WHERE id = ?) OR replaces_number_id = ? ORDER BY e164",
        [number_id, number_id],
    ).fetchall()
    if linked:
        others = ", ".join(national_format(e164) for (e164,) in linked)
        raise NumberNotMoved(
            f"{shown} is linked to {others} as a replacement number of its line: a "
            "replacement stays on the line of the number it replaced"
        )


def _refuse_if_evidence_left_alone(
    db: sqlite_utils.Database, line_id: int, number_id: int, shown: str, brand: str
) -> None:
    """The line's only number does not leave it holding evidence and no number: a line
    with no number is in no list of the window, so its evidence would be out of sight. If
    that evidence is the number's too, the two lines are one, and a merge takes it along."""
    others, evidence = db.execute(
        "SELECT (SELECT COUNT(*) FROM numbers WHERE line_id = :line AND id <> :number), "
        "(SELECT COUNT(*) FROM evidence WHERE line_id = :line)",
        {"line": line_id, "number": number_id},
    ).fetchone()
    if others == 0 and evidence:
        items = f"{evidence} item{'' if evidence == 1 else 's'} of evidence"
        raise NumberNotMoved(
            f"{shown} is the only number of {_named(brand, line_id)}, which holds {items}: "
            "moved, it would leave that evidence on a line with no number, out of sight. If "
            "the two lines are one deal line, make them one (Line → Make two lines one, or "
            "raptor merge-lines), which moves the evidence too"
        )


def move_number(
    store: Store,
    text: str,
    *,
    to_brand: str = "",
    to_line: int | None = None,
    new_line: bool = False,
) -> Moved:
    """Move the number ``text`` to the line named ``to_brand`` in its operation (made, when
    there is none and ``new_line`` asks for it, serving the areas of the line it leaves), or
    to the line ``to_line`` (an undo: the line it came from); logged."""
    brand = to_brand.strip()
    if to_line is None and not brand:
        raise InputRejected("name the line to move the number to")
    with store.transaction("move number to another line") as db:
        number = find_number(store, text)
        shown = national_format(number.e164)
        old_brand, operation = db.execute(
            "SELECT brand, operation_id FROM lines WHERE id = ?", [number.line_id]
        ).fetchone()
        if to_line is None:
            target = line_for_brand(db, brand, operation)
            made = target is None
            if target is None and not new_line:
                op_name = db.execute(
                    "SELECT name FROM operations WHERE id = ?", [operation]
                ).fetchone()[0]
                raise NoSuchLine(
                    f"no line of {op_name} is named {brand!r}: check the name, or say that it "
                    "is a new line (raptor move-number NUMBER LINE --new)"
                )
            if target is None:
                now = utc_now()
                target = insert_row(
                    db,
                    "lines",
                    {
                        "brand": brand,
                        "operation_id": operation,
                        "created_at": now,
                        "updated_at": now,
                    },
                )
                db.execute(  # where the number was seen: the new line serves those areas
                    "INSERT INTO line_areas (line_id, area_id) SELECT ?, area_id FROM line_areas "
                    "WHERE line_id = ?",
                    [target, number.line_id],
                )
        else:
            row = db.execute("SELECT operation_id FROM lines WHERE id = ?", [to_line]).fetchone()
            if row is None:
                raise RecordNotFound(f"there is no line {to_line}")
            if row[0] != operation:
                raise NumberNotMoved(f"line {to_line} is a line of another operation")
            target, made = to_line, False
        if target == number.line_id:
            raise NumberNotMoved(f"{shown} is on {_named(old_brand, target)} already")
        gone = db.execute(
            "SELECT a.reference FROM application_numbers an JOIN applications a "
            "ON a.id = an.application_id WHERE an.number_id = ? AND a.status <> ? "
            "ORDER BY a.reference",
            [number.id, ApplicationStatus.DRAFT.value],
        ).fetchall()
        if gone:
            raise NumberNotMoved(
                f"{shown} is named in {', '.join(r[0] for r in gone)}, which has gone to "
                "court with the evidence of its line: it stays on that line"
            )
        _refuse_if_a_replacement(db, number.id, shown)
        _refuse_if_evidence_left_alone(db, number.line_id, number.id, shown, old_brand)
        new_brand = db.execute("SELECT brand FROM lines WHERE id = ?", [target]).fetchone()[0]
        db.execute(
            "UPDATE numbers SET line_id = ?, updated_at = ? WHERE id = ?",
            [target, utc_now(), number.id],
        )
        said = (
            f"{shown} moved from {_named(old_brand, number.line_id)} to "
            f"{'a new ' if made else ''}{_named(new_brand, target)}"
        )
        store.describe(said)
    return Moved(number.id, number.e164, number.line_id, target, said)
