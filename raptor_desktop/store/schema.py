"""The database schema, in one place: every table is created by a numbered migration below.

Tables
------
meta            key/value facts about this database: ``training`` ('1' for a training
                database), ``created_at``, ``created_by_version``.
operations      named operations a line belongs to (default "Operation Raptor").
areas           districts a line serves; seeded with the Essex districts, users add more.
lines           a brand ("Tony", "K") with its operation, takings estimate and its source,
                intelligence references and notes. Brand is unique within an operation
                (ignoring case) when given; unnamed lines are allowed.
line_areas      many-to-many: the areas a line serves.
line_drugs      the drugs a line offers (names from ``core.register.DRUGS``).
numbers         a number (E.164, unique) used by a line, with its status, first and last
                seen dates, range holder (original network from numbering data, may have been
                ported), the provider an officer confirmed, a Crown Dependency flag, and the
                number it replaced on the same line. ``search_digits`` holds the national
                digits (07…) for searching by partial number.
status_changes  the history of every number's status: from, to, when (UTC), who, note.
devices         IMEI / IMSI / ICCID recorded against a number (validated in ``core``).
evidence        (v2) per line: marketing texts, test purchases (date, location, product,
                price, exhibit reference), seized handsets, intelligence.

Dates are ISO 8601 text: ``YYYY-MM-DD`` for dates, ``YYYY-MM-DDTHH:MM:SSZ`` for UTC times.
Money is held in pence as an integer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    title: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "line register",
        """
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS operations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE IF NOT EXISTS areas (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE IF NOT EXISTS lines (
            id INTEGER PRIMARY KEY,
            brand TEXT NOT NULL DEFAULT '',
            operation_id INTEGER NOT NULL REFERENCES operations(id),
            daily_takings_pence INTEGER CHECK (daily_takings_pence >= 0),
            takings_source TEXT NOT NULL DEFAULT '',
            intel_refs TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS lines_brand_in_operation
            ON lines(operation_id, brand COLLATE NOCASE) WHERE brand <> '';
        CREATE TABLE IF NOT EXISTS line_areas (
            line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
            area_id INTEGER NOT NULL REFERENCES areas(id),
            PRIMARY KEY (line_id, area_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS line_areas_area ON line_areas(area_id);
        CREATE TABLE IF NOT EXISTS line_drugs (
            line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
            drug TEXT NOT NULL,
            PRIMARY KEY (line_id, drug)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS numbers (
            id INTEGER PRIMARY KEY,
            e164 TEXT NOT NULL UNIQUE,
            search_digits TEXT NOT NULL,
            line_id INTEGER NOT NULL REFERENCES lines(id),
            status TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            range_holder TEXT NOT NULL DEFAULT '',
            provider_confirmed TEXT NOT NULL DEFAULT '',
            crown_dependency TEXT,
            replaces_number_id INTEGER REFERENCES numbers(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS numbers_line ON numbers(line_id);
        CREATE INDEX IF NOT EXISTS numbers_status ON numbers(status);
        CREATE TABLE IF NOT EXISTS status_changes (
            id INTEGER PRIMARY KEY,
            number_id INTEGER NOT NULL REFERENCES numbers(id) ON DELETE CASCADE,
            from_status TEXT,
            to_status TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX IF NOT EXISTS status_changes_number ON status_changes(number_id);
        CREATE TABLE IF NOT EXISTS devices (
            id INTEGER PRIMARY KEY,
            number_id INTEGER NOT NULL REFERENCES numbers(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('IMEI', 'IMSI', 'ICCID')),
            value TEXT NOT NULL,
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL,
            UNIQUE (number_id, kind, value)
        );
        """,
    ),
    Migration(
        2,
        "evidence per line",
        """
        CREATE TABLE IF NOT EXISTS evidence (
            id INTEGER PRIMARY KEY,
            line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN
                ('marketing text', 'test purchase', 'seized handset', 'intelligence', 'other')),
            occurred_on TEXT,
            location TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL,
            price_pence INTEGER CHECK (price_pence >= 0),
            reference TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS evidence_line ON evidence(line_id);
        CREATE INDEX IF NOT EXISTS numbers_search_digits ON numbers(search_digits);
        """,
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
