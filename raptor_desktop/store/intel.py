"""Matching the numbers found in intelligence text against the register, and adding the
unknown ones in one step (one transaction: all of them, or none)."""

from __future__ import annotations

from dataclasses import dataclass

from raptor_desktop.core.intel_text import FoundNumber
from raptor_desktop.core.lines import LineDetails, line_name
from raptor_desktop.core.numbers import national_format
from raptor_desktop.store.contacts import add_contact
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_number


@dataclass(frozen=True)
class Matched:
    number: FoundNumber
    known_as: str  # "line", "contact" or "" (unknown)
    label: str  # the line's name and status, or the lines a contact was found on
    opens: tuple[str, int] | None


def match_numbers(store: Store, numbers: list[FoundNumber]) -> list[Matched]:
    found = []
    for number in numbers:
        line = store.db.execute(
            "SELECT n.id, l.brand, n.status FROM numbers n JOIN lines l ON l.id = n.line_id "
            "WHERE n.e164 = ?",
            [number.e164],
        ).fetchone()
        if line:
            label = f"deal line {line_name(line[1])} · {line[2]}"
            found.append(Matched(number, "line", label, ("number", int(line[0]))))
            continue
        contact = store.db.execute(
            "SELECT c.id, group_concat(n.e164, ' ') FROM contacts c "
            "LEFT JOIN contact_links k ON k.contact_id = c.id "
            "LEFT JOIN numbers n ON n.id = k.number_id WHERE c.e164 = ? GROUP BY c.id",
            [number.e164],
        ).fetchone()
        if contact:
            lines = ", ".join(national_format(e) for e in str(contact[1] or "").split())
            label = f"contact of {lines}" if lines else "contact"
            found.append(Matched(number, "contact", label, ("contact", int(contact[0]))))
            continue
        found.append(Matched(number, "", "not in the register", None))
    return found


def add_unknown(
    store: Store, numbers: list[FoundNumber], *, as_contacts_of: str = "", note: str = ""
) -> int:
    """Add the numbers as new lines (or, with ``as_contacts_of``, as contacts of that deal
    line) in one transaction; returns how many were added."""
    where = f"as contacts of {as_contacts_of}" if as_contacts_of else "as new lines"
    with store.transaction("add numbers from intelligence text", f"{len(numbers)} {where}"):
        for number in numbers:
            if as_contacts_of:
                add_contact(store, number.e164, as_contacts_of, "other")
            else:
                add_number(store, number.e164, LineDetails(notes=note or "from intelligence text"))
    return len(numbers)
