"""The records of a case that travel: an application with its numbers (their providers,
grounds and outcomes), and an exhibit with the numbers it relates to."""

from __future__ import annotations

import sqlite_utils

from raptor_desktop.store.exchange_ids import ITEM, gid_of, linked_numbers, optional
from raptor_desktop.store.exchange_rows import Fields, MarkTaken, as_list, row_of, save_row, stamped
from raptor_desktop.store.reference import operation_id

APPLICATION_COLUMNS = (
    "reference",
    "court",
    "hearing_date",
    "hearing_time",
    "claim_number",
    "applicant_name",
    "applicant_rank",
    "applicant_collar",
    "applicant_force",
    "applicant_address",
    "authoriser_name",
    "authoriser_rank",
    "authoriser_collar",
    "authorised_on",
    "status",
    "submitted_at",
    "requested_until",
    "requested_months",
    "statement_date",
    "with_notice",
    "created_by",
)


def read_application(db: sqlite_utils.Database, application_id: int) -> Fields | None:
    row = row_of(
        db,
        f"SELECT {', '.join('a.' + c for c in APPLICATION_COLUMNS)}, o.name AS operation, "
        "a.renews_application_id FROM applications a "
        "JOIN operations o ON o.id = a.operation_id WHERE a.id = ?",
        application_id,
    )
    if row is None:
        return None
    renews = row.pop("renews_application_id")
    row["renews"] = gid_of(db, "application", None if renews is None else int(str(renews)))
    for number_id, provider, grounds, outcome, outcome_on in db.execute(
        "SELECT number_id, provider, grounds, outcome, outcome_on FROM application_numbers "
        "WHERE application_id = ?",
        [application_id],
    ):
        row[f"{ITEM}{gid_of(db, 'number', number_id)}"] = [provider, grounds, outcome, outcome_on]
    return row


def write_application(db: sqlite_utils.Database, application_id: int | None, fields: Fields) -> int:
    values: Fields = {c: fields[c] for c in APPLICATION_COLUMNS}
    values["operation_id"] = operation_id(db, str(fields["operation"]))
    values["renews_application_id"] = optional(db, "application", fields["renews"])
    stamped(values, application_id)
    if application_id is None:
        taken = db.execute(
            "SELECT court FROM applications WHERE reference = ?", [values["reference"]]
        ).fetchone()
        if taken is not None:
            raise MarkTaken(
                f"application {values['reference']} is another application here (at "
                f"{taken[0] or 'no court yet'}): the two workstations gave the same reference",
                "Applications are numbered per workstation: draft each on one workstation "
                "only, then send the package again.",
            )
    application_id = save_row(db, "applications", application_id, values)
    for number_id, item in linked_numbers(db, fields).items():
        if item is None:
            db.execute(
                "DELETE FROM application_numbers WHERE application_id = ? AND number_id = ?",
                [application_id, number_id],
            )
            continue
        provider, grounds, outcome, outcome_on = as_list(item)
        db.execute(
            "INSERT INTO application_numbers (application_id, number_id, provider, grounds, "
            "outcome, outcome_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
            "provider = excluded.provider, grounds = excluded.grounds, "
            "outcome = excluded.outcome, outcome_on = excluded.outcome_on",
            [application_id, number_id, provider, grounds, outcome, outcome_on],
        )
    return application_id


EXHIBIT_COLUMNS = (
    "officer_initials",
    "seq",
    "description",
    "exhibit_date",
    "file_name",
    "file_sha256",
    "added_at",
    "added_by",
)


def read_exhibit(db: sqlite_utils.Database, exhibit_id: int) -> Fields | None:
    row = row_of(
        db,
        f"SELECT {', '.join(EXHIBIT_COLUMNS)}, application_id FROM exhibits WHERE id = ?",
        exhibit_id,
    )
    if row is None:
        return None
    application = row.pop("application_id")
    row["application"] = gid_of(
        db, "application", None if application is None else int(str(application))
    )
    for (number_id,) in db.execute(
        "SELECT number_id FROM exhibit_numbers WHERE exhibit_id = ?", [exhibit_id]
    ):
        row[f"{ITEM}{gid_of(db, 'number', number_id)}"] = True
    return row


def write_exhibit(db: sqlite_utils.Database, exhibit_id: int | None, fields: Fields) -> int:
    values: Fields = {c: fields[c] for c in EXHIBIT_COLUMNS}
    values["application_id"] = optional(db, "application", fields["application"])
    numbers = {number_id: bool(item) for number_id, item in linked_numbers(db, fields).items()}
    if exhibit_id is None:
        taken = db.execute(
            "SELECT description FROM exhibits WHERE officer_initials = ? AND seq = ?",
            [values["officer_initials"], values["seq"]],
        ).fetchone()
        if taken is not None:
            raise MarkTaken(
                f"exhibit {values['officer_initials']}/{values['seq']} ({values['description']}) "
                f"is another exhibit here ({taken[0]}): the same mark was given on two "
                "workstations",
                "Exhibit marks run per officer: give each officer's exhibits on one "
                "workstation, then send the package again.",
            )
    exhibit_id = save_row(db, "exhibits", exhibit_id, values)
    for number_id, linked in numbers.items():
        db.execute(
            "INSERT OR IGNORE INTO exhibit_numbers (exhibit_id, number_id) VALUES (?, ?)"
            if linked
            else "DELETE FROM exhibit_numbers WHERE exhibit_id = ? AND number_id = ?",
            [exhibit_id, number_id],
        )
    return exhibit_id
