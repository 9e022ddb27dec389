"""Each officer's own profile: name, rank, collar number, force and work address, kept on
their account and used to fill in the applicant of a new application."""

from __future__ import annotations

from raptor_desktop.core.accounts import normalise_username
from raptor_desktop.core.applications import DEFAULT_FORCE, Officer
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.accounts import account_row
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound

LIMITS = {"name": 100, "rank": 60, "collar number": 20, "force": 100, "work address": 300}
"""The longest each field may be, in characters: a form's box, not a free-text note."""


def officer_profile(store: Store) -> Officer:
    """The signed-in officer's profile; an empty one (the unit's force) if there is no
    account of that name, as on a register nobody has signed in to."""
    row = account_row(store.db, store.actor)
    if row is None:
        return Officer()
    name, rank, collar, force, address = store.db.execute(
        "SELECT display_name, rank, collar_number, force, work_address FROM users WHERE id = ?",
        [row[0]],
    ).fetchone()
    # an account named "PC Rachel Carter" before profiles were kept: the rank is split off
    return Officer(name, rank, collar, force or DEFAULT_FORCE, address).tidied()


def profile_problems(officer: Officer) -> list[str]:
    """What is wrong with a profile as typed, field by field."""
    fields = {
        "name": officer.name,
        "rank": officer.rank,
        "collar number": officer.collar,
        "force": officer.force,
        "work address": officer.work_address,
    }
    found = [
        f"the {field} is {len(value)} characters long; at most {LIMITS[field]} are kept"
        for field, value in fields.items()
        if len(value) > LIMITS[field]
    ]
    found += [
        f"the {field} is on more than one line; write it on one"
        for field, value in fields.items()
        if field != "work address" and "\n" in value
    ]
    if not officer.name.strip():
        found.append("give your name as it goes on a witness statement")
    return found


def save_officer_profile(store: Store, officer: Officer) -> Officer:
    """Keep the signed-in officer's own profile (logged); a rank typed before the name is
    moved to the rank ("DC Rachel Carter"). Returns the profile as stored."""
    tidied = officer.tidied()
    tidied = Officer(
        " ".join(tidied.name.split()),
        tidied.rank.strip(),
        tidied.collar.strip(),
        tidied.force.strip() or DEFAULT_FORCE,
        ", ".join(p.strip() for p in tidied.work_address.splitlines() if p.strip()),
    )
    problems = profile_problems(tidied)
    if problems:
        raise InputRejected("; ".join(problems))
    name = normalise_username(store.actor)
    with store.transaction("change officer profile", name) as db:
        row = account_row(db, name)
        if row is None:
            raise RecordNotFound(f"no account called {name!r} to keep a profile on")
        db.execute(
            "UPDATE users SET display_name = ?, rank = ?, collar_number = ?, force = ?, "
            "work_address = ? WHERE id = ?",
            [
                tidied.name,
                tidied.rank,
                tidied.collar,
                tidied.force,
                tidied.work_address,
                row[0],
            ],
        )
    return tidied
