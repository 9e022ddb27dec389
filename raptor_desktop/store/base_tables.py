"""The first tables of a register, as versions 1 and 3 made them (``store/schema.py``
documents every table and runs these as its first migrations; later versions change them
there, never here: a register made long ago must be migrated exactly as it was).
"""

LINE_REGISTER_TABLES = """
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
        """

APPLICATION_TABLES = """
        CREATE TABLE IF NOT EXISTS settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS courts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE IF NOT EXISTS networks (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            host TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE IF NOT EXISTS holiday_overrides (
            day TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('add', 'remove')),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE IF NOT EXISTS applications (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE COLLATE NOCASE,
            operation_id INTEGER NOT NULL REFERENCES operations(id),
            court TEXT NOT NULL DEFAULT '',
            hearing_date TEXT,
            hearing_time TEXT,
            claim_number TEXT NOT NULL DEFAULT '',
            applicant_name TEXT NOT NULL DEFAULT '',
            applicant_rank TEXT NOT NULL DEFAULT '',
            applicant_collar TEXT NOT NULL DEFAULT '',
            applicant_force TEXT NOT NULL DEFAULT '',
            applicant_address TEXT NOT NULL DEFAULT '',
            authoriser_name TEXT NOT NULL DEFAULT '',
            authoriser_rank TEXT NOT NULL DEFAULT '',
            authoriser_collar TEXT NOT NULL DEFAULT '',
            authorised_on TEXT,
            statement_number INTEGER NOT NULL DEFAULT 1,
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'submitted', 'heard')),
            submitted_at TEXT,
            renews_application_id INTEGER REFERENCES applications(id),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS application_numbers (
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            number_id INTEGER NOT NULL REFERENCES numbers(id),
            provider TEXT NOT NULL DEFAULT '',
            grounds TEXT NOT NULL DEFAULT '',
            outcome TEXT CHECK (outcome IN
                ('made', 'refused', 'adjourned', 'withdrawn', 'carved out')),
            outcome_on TEXT,
            PRIMARY KEY (application_id, number_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS application_numbers_number
            ON application_numbers(number_id);
        CREATE TABLE IF NOT EXISTS exhibits (
            id INTEGER PRIMARY KEY,
            application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
            officer_initials TEXT NOT NULL,
            seq INTEGER NOT NULL,
            description TEXT NOT NULL,
            exhibit_date TEXT,
            file_name TEXT NOT NULL DEFAULT '',
            file_sha256 TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL,
            UNIQUE (officer_initials, seq)
        );
        CREATE TABLE IF NOT EXISTS exhibit_numbers (
            exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
            number_id INTEGER NOT NULL REFERENCES numbers(id),
            PRIMARY KEY (exhibit_id, number_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS orders (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES applications(id),
            number_id INTEGER NOT NULL REFERENCES numbers(id),
            order_date TEXT NOT NULL,
            end_date TEXT,
            period_months INTEGER CHECK (period_months > 0),
            deadline_kind TEXT NOT NULL,
            deadline_at TEXT NOT NULL,
            provider_confirmed_on TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (application_id, number_id)
        );
        """
