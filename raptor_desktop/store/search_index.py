"""The index behind "search across everything": one FTS5 table kept in step by triggers.

Every record an officer may look for has one row in ``search_index``: its kind, its id and the
words it can be found by (a number in its national digits, a line's brand, notes and
intelligence references, evidence, device identifiers, exhibit marks, application and batch
references, contacts' numbers). Triggers on each table write that row in the same
transaction as the change itself, so the index can never disagree with the register, and a
record erased (a MoPI disposal) leaves the index with it. The trigram tokenizer finds any
fragment of three characters or more, inside words and numbers alike ("0123" in
"07700900123"). The row's id encodes the kind, so that a trigger finds its row directly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    kind: str
    code: int
    table: str
    text: str  # an SQL expression over the row (as NEW.…) giving the words it is found by


SOURCES = (
    # a number by its national digits only: a search turns every written form into them
    # (v15; until then the international digits too, a third of an import's time)
    Source("number", 1, "numbers", "NEW.search_digits"),
    Source(
        "line",
        2,
        "lines",
        "NEW.brand || ' ' || NEW.intel_refs || ' ' || NEW.notes || ' ' || NEW.takings_source",
    ),
    Source("evidence", 3, "evidence", "NEW.reference || ' ' || NEW.location || ' ' || NEW.details"),
    Source("device", 4, "devices", "NEW.kind || ' ' || NEW.value"),
    Source(
        "exhibit", 5, "exhibits", "NEW.officer_initials || '/' || NEW.seq || ' ' || NEW.description"
    ),
    Source("application", 6, "applications", "NEW.reference || ' ' || NEW.claim_number"),
    Source("batch", 7, "outreach_batches", "NEW.reference"),
    Source("contact", 8, "contacts", "NEW.search_digits"),
)
KIND_SHIFT = 40
"""A row's id in the index: the kind's code shifted left by this, plus the record's id."""


def _rowid(source: Source, row: str) -> str:
    return f"({source.code} << {KIND_SHIFT}) + {row}.id"


def index_sql() -> str:
    """The index, its triggers, and the rows of what the register already holds."""
    parts = [
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
        "kind UNINDEXED, record_id UNINDEXED, words, tokenize = 'trigram');"
    ]
    return "\n".join(parts + [_source_sql(source) for source in SOURCES])


def reindex_sql(*kinds: str) -> str:
    """The triggers and rows of the given kinds made again (after their words changed)."""
    parts = []
    for source in SOURCES:
        if source.kind in kinds:
            name = f"search_{source.table}"
            parts += [f"DROP TRIGGER IF EXISTS {name}_{e};" for e in ("insert", "update", "delete")]
            parts.append(  # the kind's rows, by the rowids it encodes
                f"DELETE FROM search_index WHERE rowid >= ({source.code} << {KIND_SHIFT}) "
                f"AND rowid < ({source.code + 1} << {KIND_SHIFT});"
            )
            parts.append(_source_sql(source))
    return "\n".join(parts)


def source_for(table: str) -> Source | None:
    """The index's source of ``table``'s rows, if its rows are indexed."""
    return next((source for source in SOURCES if source.table == table), None)


def insert_trigger_sql(source: Source, when: str = "") -> str:
    """The trigger that indexes a new row of ``source`` (``when``: unless that holds)."""
    guard = f" WHEN {when}" if when else ""
    return (
        f"CREATE TRIGGER search_{source.table}_insert AFTER INSERT ON {source.table}{guard} "
        f"BEGIN {_insert_sql(source)} END;"
    )


def indexed_rows_sql(source: Source, where: str = "") -> str:
    """One statement that indexes ``source``'s rows (those ``where`` picks), as its
    insert trigger would index each one."""
    return (
        f"INSERT INTO search_index (rowid, kind, record_id, words) SELECT "
        f"{_rowid(source, source.table)}, '{source.kind}', id, "
        f"{source.text.replace('NEW.', '')} FROM {source.table}"
        + (f" WHERE {where}" if where else "")
        + ";"
    )


def _insert_sql(source: Source) -> str:
    return (
        f"INSERT INTO search_index (rowid, kind, record_id, words) VALUES "
        f"({_rowid(source, 'NEW')}, '{source.kind}', NEW.id, {source.text});"
    )


def _source_sql(source: Source) -> str:
    delete = f"DELETE FROM search_index WHERE rowid = {_rowid(source, 'OLD')};"
    name = f"search_{source.table}"
    return "\n".join(
        [
            insert_trigger_sql(source),
            f"CREATE TRIGGER {name}_update AFTER UPDATE ON {source.table} BEGIN "
            f"{delete} {_insert_sql(source)} END;",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {source.table} BEGIN {delete} END;",
            indexed_rows_sql(source),
        ]
    )
