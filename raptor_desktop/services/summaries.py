"""Case summaries for both faces: figures of a scope, exported as PDF, CSV or XLSX; every
export is a disclosure, logged once here with the scope and the records it covers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from raptor_desktop.core.case_summary import CaseSummary
from raptor_desktop.documents.files import write_all
from raptor_desktop.services.disclosure import Recipient, record_consultation, record_disclosure
from raptor_desktop.store.case_summary import load_case_summary, next_summary_reference
from raptor_desktop.store.closures import record_check_back, record_type1_closure
from raptor_desktop.store.database import Store
from raptor_desktop.store.scope_facts import Scope, check_scope

__all__ = [
    "CaseSummary",
    "Recipient",
    "Scope",
    "export_case_summary",
    "record_check_back",
    "record_type1_closure",
    "view_case_summary",
]


def view_case_summary(store: Store, scope: Scope, today: date | None = None) -> CaseSummary:
    """The summary of ``scope``, to be shown: a consultation."""
    summary = load_case_summary(store, scope, today or date.today())
    record_consultation(store, "case summary", f"{summary.scope}: {summary.covers()}")
    return summary


def export_case_summary(
    store: Store, scope: Scope, target: Path, to: Recipient, today: date | None = None
) -> list[Path]:
    """Write the summary of ``scope`` to ``target`` (.pdf, .csv or .xlsx), then log it."""
    # ReportLab and its fonts load here, when a summary is written, not with every command
    from raptor_desktop.documents.summary_files import summary_files

    checked = to.checked()  # refused before anything is written
    day = today or date.today()
    check_scope(store, scope)  # a scope refused takes no reference
    summary = load_case_summary(store, scope, day, next_summary_reference(store, day))
    files = summary_files(summary, Path(target))
    written = write_all(files)
    record_disclosure(
        store,
        "case summary (exported)",
        f"{summary.reference} — {summary.scope}; covers {summary.covers()} -> "
        + ", ".join(str(p) for p in written),
        checked,
    )
    return written
