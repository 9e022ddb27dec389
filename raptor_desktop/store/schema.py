"""The database schema, in one place: every table is created by a numbered migration below.

Tables
------
meta            key/value facts about this database: ``training`` ('1' for a training
                database), ``created_at``, ``created_by_version``; ``summary_sequence``, the
                last case-summary reference given (``yyyymmdd n``).
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
settings        (v3) key/value settings with typed defaults in ``store.settings``
                (protective marking, warning periods).
courts          (v3) county court hearing centres, an editable list.
networks        (v3) mobile networks and, for an MVNO, the host network that serves orders;
                (v9) the network's address for service of orders, filled in by the unit;
                (v18) the legal name of the company behind it (the party the claim and the
                order name: "Hutchison 3G UK Limited", not "Three"), filled in by the unit.
                (v22) its routes for service other than the address (core.service_routes):
                ``dx_box`` (PD 6A 2.1), ``service_email`` and ``service_fax``, each with
                ``service_email_agreed`` / ``service_fax_agreed``, where the provider said
                in writing that it accepts service that way, and any limits it set (PD 6A
                4.1, 4.2). (v25) ``address_kind``: what its address for service is (given for
                service, principal office, place of business, registered office:
                core.service_routes.AddressKind), which a certificate of service states.
holiday_overrides (v3) days the unit adds to or removes from the bank-holiday list.
applications    (v3) a DDTRO application: reference, operation, court, hearing date and time,
                claim number, the applicant officer (name, rank, collar number, force, work
                address), the authorising officer (superintendent or above) and the date of the
                authority, status draft / submitted / heard, and the application it renews;
                (v9) the duration asked for (until a date, for a number of months, or neither:
                until discharged), the date the officer signed the witness statement, and
                whether the providers were given notice of the application. (v10) The
                witness statement's number is no longer stored: it is counted among the
                applicant's statements in the operation (``store.case_file``).
application_numbers (v3) the numbers in an application, each with the provider to serve,
                a grounds summary, and the court's outcome for it.
exhibits        (v3) exhibits marked with the officer's initials and a running number
                (``RC/1``), with an optional attached file kept in the attachment store
                (``<database>.attachments/``) and its SHA-256.
exhibit_numbers (v3) which numbers an exhibit relates to.
audit_log       (v4) the data-protection log (DPA 2018 s62): UTC time, user, category
                (collection, alteration, consultation, disclosure, combination, erasure),
                event, records, justification, recipient, and a hash chained to the entry
                before it. Triggers refuse DELETE, and every UPDATE but pseudonymisation.
                (v11) ``content_hash``, a MAC of the entry's content under the register's
                key, and ``hash``, a MAC of its id, the previous hash and ``content_hash``;
                ``pseudonymised`` marks an entry whose personal data a MoPI disposal replaced
                by keyed pseudonyms (its ``content_hash`` is the one it was written with).
users           (v5) officer accounts: username, name, role (officer, supervisor,
                administrator), whether the account is disabled. (Until v11 also a scrypt
                password hash and the failed sign-ins; since v11 the key file beside the
                register holds the register's key wrapped under each password, and counts
                failures, see ``store/keyring.py``.) (v13) The officer's profile: rank, collar
                number, force and work address, kept by each officer for their own account;
                with the name, they fill in the applicant of a new application.
reviews         (v6, contacts from v7) MoPI review decisions on a line, an application or a
                contact: keep (with the
                next review date) or dispose, the reason, who decided and when. A disposed
                record's personal data is erased; its review row keeps only the fact.
contacts        (v7) a number found in contact with a deal line ("contact of a deal line",
                never "suspect"): E.164, unique, so one person found on several lines is one
                contact; the date a STOP reply opted it out, and a do-not-contact flag with
                its reason. No names are kept (data minimisation).
contact_links   (v7) which deal line (the line's number) a contact was found on, from what
                source (seized phone, call data, marketing list, other), on which date, and
                the import or officer that recorded it.
outreach_batches (v8) a batch of support texts: reference (OUT-yyyy-nnn), the message, status
                draft / approved / handed over, who drafted, approved and handed it over and
                when, and to whom (the SMS gateway).
outreach_recipients (v8) the contacts in a batch, each with its status: included, handed to
                gateway, left out at hand-over (with the reason), not delivered.
orders          (v3) an order made on a number: date, duration (end date, period in months,
                or until discharged), compliance deadline and how it was set, and the date the
                provider confirmed disconnection; (v9) the time the order itself sets when an
                earlier one was agreed with the provider (``deadline_at`` is then the agreed,
                earlier time the warnings watch). A carve-out (reg 3(3)) leaves the order as
                made: the item's outcome "carved out" and its date say when it ceased to
                apply (carve-outs recorded before December 2026 had set ``end_date`` to it,
                and moved the number to "withdrawn"; since then to "order ceased to apply").
                (v19) ``judge``: the judge who made the order, as the sealed order names
                them ("District Judge Patel"); empty for orders recorded before.
                (v23) ``agreed_on``: the day the provider agreed in writing to the earlier
                time in ``deadline_at`` (regulation 3(6)); empty where it was recorded
                with the outcome, before v23, or none was agreed.
                (v24) a carve-out's written notice to the provider (regulation 3(3): the order
                ceases to apply from the time it is given): ``notice_method`` (post, dx, hand,
                fax, email, personal), ``notice_at`` (HH:MM, by hand, fax, email or in person),
                ``notice_to`` (where it went, as the register held it that day) and
                ``notice_under`` (by email or fax, the provider's agreement to that); its day
                is the item's outcome date. All empty where no carve-out was recorded, or one
                was recorded before v24.

provider_letters (v10) the date the letter to each provider of an application (notice of it,
                or the covering letter it is served with) was sent, who recorded it and when.
order_letters   (v20) with notice, the date the letter serving the order went to each provider
                after the order (the notice of the application being in provider_letters);
                without notice the covering letter in provider_letters serves the order.
                (v21) in both: ``method``, how the letter went (post, dx, hand, fax, email,
                personal: core.deemed_service) and ``sent_at``, the time (HH:MM) where the day
                it is served turns on it (CPR 6.26); both empty for letters recorded before.
                (v22) ``sent_to``: where it went, as the register held it that day (the
                address for service, DX box, fax number or email address); by email or fax,
                ``sent_under``: the provider's written agreement to that, as held that day.
saved_packs     (v10) every hearing-bundle file saved: its name, SHA-256, size and pages, its
                bundle letter, the exhibit marks in it, whether it was a DRAFT, the saved pack
                it supplements (a supplementary bundle), who saved it and when; a supplement
                is only built onto a file whose SHA-256 is here.

search_index    (v12) an FTS5 table (trigram tokenizer): one row per number, line, evidence,
                device, exhibit, application, outreach batch and contact, with the words it is
                found by (a number's and a contact's: their national digits, since v15);
                triggers on those tables keep it in step in the same transaction (see
                ``store/search_index.py``).
check_backs     (v12) the checks that a disconnected number stays dead, 28 and 90 days after
                its disconnection (Home Office County Lines Programme): when, whether it was
                still dead, a note, who recorded it.
line_closures   (v12) a line closed as Type 1 (its holder charged), recorded by hand: the date,
                a note, who recorded it.

(v16) Exchanging case packages between workstations (``store/exchange_schema.py`` says how):
record_ids      each travelling record's global id (UUIDv7) beside its local id, and the
                journal's stamp of its latest change (``changed``, from ``exchange_clock``) with
                the newest log entry before it; lines, numbers, status history, devices,
                evidence, check-backs, closures, applications, exhibits and orders travel, a
                line's areas and drugs, an application's numbers and an exhibit's with them.
erased_records  the global ids of records deleted or disposed of, kept for good: no package
                brings them back, and the erasure travels to the peers.
gid_aliases     a global id that another one replaced, when the same number or line was
                recorded on two workstations and the two records became one.
record_versions each record's fields as last versioned, with a version vector per field.
workstation     this register's identity: its name, its Ed25519 public key, and the private
                key sealed under the register's key.
peers           the other workstations, by name and public key, added by an administrator
                who compared the key's fingerprint; what was last sent to each and received.
received_packages, received_log_entries
                each package applied (sender, number, SHA-256, summary), and the sender's log
                entries it carried, kept with the sender's signature.
exchange_conflicts a field changed on both sides, both versions kept until an officer decides.

(v17) bulk_writes   a table whose insert triggers stand aside while an import writes a batch of
                its rows, then indexes and identifies the batch with one statement each
                (``store/bulk_writes.py``); named only inside that step, so always empty
                between transactions.

The register itself is an SQLCipher file (v11): every page encrypted and MACed under a random
key that only the key file's wraps give. A register written before v11 is sealed (encrypted,
its log re-keyed) when an administrator first signs in to it. Since v14 every connection
that writes overwrites what it deletes (``secure_delete``), and the migration to v14 rewrote
the file (VACUUM) so that nothing deleted before then lingers in its free pages.

Dates are ISO 8601 text: ``YYYY-MM-DD`` for dates, ``YYYY-MM-DDTHH:MM:SSZ`` for UTC times.
Money is held in pence as an integer.
"""

from __future__ import annotations

from raptor_desktop.store.audit_seal import seal_log
from raptor_desktop.store.base_tables import APPLICATION_TABLES, LINE_REGISTER_TABLES
from raptor_desktop.store.bulk_writes import bulk_sql
from raptor_desktop.store.exchange_schema import exchange_sql
from raptor_desktop.store.migration_step import Migration, add_text_columns
from raptor_desktop.store.search_index import index_sql, reindex_sql


def _letters_table(name: str) -> str:
    """A table of the letters sent to an application's providers: one per provider."""
    return f"""
        CREATE TABLE IF NOT EXISTS {name} (
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            provider TEXT NOT NULL,
            sent_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            PRIMARY KEY (application_id, provider)
        ) WITHOUT ROWID;
        """


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "line register", LINE_REGISTER_TABLES),
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
    Migration(3, "applications, orders and exhibits", APPLICATION_TABLES),
    Migration(
        4,
        "data-protection audit log",
        """
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('collection', 'alteration',
                'consultation', 'disclosure', 'combination', 'erasure')),
            event TEXT NOT NULL,
            records TEXT NOT NULL DEFAULT '',
            justification TEXT NOT NULL DEFAULT '',
            recipient TEXT NOT NULL DEFAULT '',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log(user);
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only');
        END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only');
        END;
        """,
    ),
    Migration(
        5,
        "officer accounts",
        """
        CREATE TABLE IF NOT EXISTS users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'administrator')),
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL
        );
        """,
    ),
    Migration(
        6,
        "record reviews (MoPI)",
        """
        CREATE TABLE IF NOT EXISTS reviews (
            id INTEGER PRIMARY KEY,
            record_kind TEXT NOT NULL CHECK (record_kind IN ('line', 'application')),
            record_id INTEGER NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('keep', 'dispose')),
            reason TEXT NOT NULL,
            next_review TEXT,
            decided_at TEXT NOT NULL,
            decided_by TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS reviews_record ON reviews(record_kind, record_id);
        """,
    ),
    Migration(
        7,
        "contacts of deal lines",
        """
        CREATE TABLE IF NOT EXISTS contacts (
            id INTEGER PRIMARY KEY,
            e164 TEXT NOT NULL UNIQUE,
            search_digits TEXT NOT NULL,
            opted_out_on TEXT,
            do_not_contact INTEGER NOT NULL DEFAULT 0,
            do_not_contact_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS contact_links (
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            number_id INTEGER NOT NULL REFERENCES numbers(id),
            source TEXT NOT NULL,
            found_on TEXT NOT NULL,
            recorded_from TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (contact_id, number_id, source)
        );
        CREATE INDEX IF NOT EXISTS contact_links_number ON contact_links(number_id);
        CREATE TABLE reviews_v7 (
            id INTEGER PRIMARY KEY,
            record_kind TEXT NOT NULL
                CHECK (record_kind IN ('line', 'application', 'contact')),
            record_id INTEGER NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('keep', 'dispose')),
            reason TEXT NOT NULL,
            next_review TEXT,
            decided_at TEXT NOT NULL,
            decided_by TEXT NOT NULL
        );
        INSERT INTO reviews_v7 SELECT * FROM reviews;
        DROP TABLE reviews;
        ALTER TABLE reviews_v7 RENAME TO reviews;
        CREATE INDEX IF NOT EXISTS reviews_record ON reviews(record_kind, record_id);
        """,
    ),
    Migration(
        8,
        "outreach batches",
        """
        CREATE TABLE IF NOT EXISTS outreach_batches (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            message TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'approved', 'handed over')),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            approved_at TEXT,
            approved_by TEXT,
            handed_at TEXT,
            handed_by TEXT,
            handed_to TEXT
        );
        CREATE TABLE IF NOT EXISTS outreach_recipients (
            batch_id INTEGER NOT NULL REFERENCES outreach_batches(id),
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            status TEXT NOT NULL DEFAULT 'included',
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (batch_id, contact_id)
        );
        CREATE INDEX IF NOT EXISTS outreach_recipients_contact
            ON outreach_recipients(contact_id);
        """,
    ),
    Migration(
        9,
        "what the court is asked for, the statement's date, providers' addresses for service",
        """
        ALTER TABLE applications ADD COLUMN requested_until TEXT;
        ALTER TABLE applications ADD COLUMN requested_months INTEGER;
        ALTER TABLE applications ADD COLUMN statement_date TEXT;
        ALTER TABLE applications ADD COLUMN with_notice INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE networks ADD COLUMN address TEXT NOT NULL DEFAULT '';
        ALTER TABLE orders ADD COLUMN ordered_deadline_at TEXT;
        """,
    ),
    Migration(
        10,
        "letters dated when sent; statement numbers counted; hearing packs saved",
        _letters_table("provider_letters")
        + """
        CREATE TABLE IF NOT EXISTS saved_packs (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            bundle TEXT,
            exhibits TEXT NOT NULL,
            draft INTEGER NOT NULL,
            supplements_id INTEGER REFERENCES saved_packs(id),
            saved_at TEXT NOT NULL,
            saved_by TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS saved_packs_sha256 ON saved_packs(sha256);
        ALTER TABLE applications DROP COLUMN statement_number;
        """,
    ),
    Migration(
        11,
        "the register sealed: encrypted, its log keyed, its keys outside it",
        """
        ALTER TABLE audit_log ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN pseudonymised INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE users DROP COLUMN password_hash;
        ALTER TABLE users DROP COLUMN failed_attempts;
        ALTER TABLE users DROP COLUMN locked_until;
        """,
        keyed_step=seal_log,
    ),
    Migration(
        12,
        "search across everything; check-backs and Type 1 closures",
        index_sql()
        + """
        CREATE TABLE IF NOT EXISTS check_backs (
            id INTEGER PRIMARY KEY,
            number_id INTEGER NOT NULL REFERENCES numbers(id) ON DELETE CASCADE,
            after_days INTEGER NOT NULL CHECK (after_days IN (28, 90)),
            checked_on TEXT NOT NULL,
            still_dead INTEGER NOT NULL CHECK (still_dead IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            UNIQUE (number_id, after_days)
        );
        CREATE TABLE IF NOT EXISTS line_closures (
            line_id INTEGER PRIMARY KEY REFERENCES lines(id) ON DELETE CASCADE,
            closed_on TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        );
        """,
    ),
    Migration(
        13,
        "each officer's profile fills in the applicant",
        """
        ALTER TABLE users ADD COLUMN rank TEXT NOT NULL DEFAULT '';
        ALTER TABLE users ADD COLUMN collar_number TEXT NOT NULL DEFAULT '';
        ALTER TABLE users ADD COLUMN force TEXT NOT NULL DEFAULT '';
        ALTER TABLE users ADD COLUMN work_address TEXT NOT NULL DEFAULT '';
        """,
    ),
    Migration(
        14,
        "what was deleted before deletions were overwritten is wiped from the file",
        vacuum_first=True,  # from now on every connection has secure_delete on
    ),
    Migration(
        15,
        "numbers and contacts indexed by their national digits only",
        reindex_sql("number", "contact"),
    ),
    Migration(16, "case packages exchanged between workstations", exchange_sql()),
    Migration(17, "an import's new rows indexed and identified in bulk", bulk_sql()),
    Migration(
        18,
        "each network's legal name, the party a claim and an order name",
        step=add_text_columns(("networks", "legal_name")),
    ),
    Migration(19, "the judge who made each order", step=add_text_columns(("orders", "judge"))),
    Migration(
        20,
        "with notice, the letter serving the order, apart from the notice",
        _letters_table("order_letters"),
    ),
    Migration(
        21,
        "how each letter to a provider went, and when, for the day it is served",
        step=add_text_columns(
            ("provider_letters", "method"),
            ("provider_letters", "sent_at"),
            ("order_letters", "method"),
            ("order_letters", "sent_at"),
        ),
    ),
    Migration(
        22,
        "each network's DX box, email and fax for service and its agreement to them; where "
        "each letter went",
        step=add_text_columns(
            ("networks", "dx_box"),
            ("networks", "service_email"),
            ("networks", "service_email_agreed"),
            ("networks", "service_fax"),
            ("networks", "service_fax_agreed"),
            ("provider_letters", "sent_to"),
            ("provider_letters", "sent_under"),
            ("order_letters", "sent_to"),
            ("order_letters", "sent_under"),
        ),
    ),
    Migration(
        23,
        "the day an earlier time to comply was agreed with a provider",
        step=add_text_columns(("orders", "agreed_on")),
    ),
    Migration(
        24,
        "how and when a carve-out's written notice went to the provider",
        step=add_text_columns(
            ("orders", "notice_method"),
            ("orders", "notice_at"),
            ("orders", "notice_to"),
            ("orders", "notice_under"),
        ),
    ),
    Migration(
        25,
        "what kind of address each network's address for service is",
        step=add_text_columns(("networks", "address_kind")),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
