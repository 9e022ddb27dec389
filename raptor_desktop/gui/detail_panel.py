"""The panel beside the Lines table: everything about the selected number and its line."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from raptor_desktop.core.dates import plural, uk_date
from raptor_desktop.core.lines import line_name
from raptor_desktop.core.numbers import CROWN_DEPENDENCIES, national_format
from raptor_desktop.core.register import format_pounds
from raptor_desktop.services.register import NumberDetail


def _utc_to_uk(stamp: object) -> str:
    text = str(stamp or "")
    return f"{uk_date(text[:10])} {text[11:16]}" if len(text) >= 16 else text


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#555;padding-right:8px'>{escape(k)}</td><td>{v}</td></tr>"
        for k, v in pairs
        if v
    )
    return f"<table cellspacing='2'>{cells}</table>"


def _line_number_item(number: dict[str, object]) -> str:
    replaced = number["replaces"]
    note = f" (replaced {escape(national_format(str(replaced)))})" if replaced else ""
    return (
        f"<li>{escape(national_format(str(number['e164'])))} — {escape(str(number['status']))}"
        f"{note}, first seen {uk_date(str(number['first_seen'] or ''))}</li>"
    )


def _evidence_item(item: dict[str, object]) -> str:
    where = f" — {escape(str(item['location']))}" if item["location"] else ""
    ref = f" [{escape(str(item['reference']))}]" if item["reference"] else ""
    return (
        f"<li>{uk_date(str(item['occurred_on'] or ''))} <b>{escape(str(item['kind']))}</b>: "
        f"{escape(str(item['details']))}{where}{ref}</li>"
    )


def detail_html(detail: NumberDetail) -> str:
    """The detail of one number as HTML (everything user-written is escaped)."""
    line = detail.line
    crown = (
        f"<p style='color:#8a4b00'><b>{CROWN_DEPENDENCIES[detail.crown_dependency]} number</b>: "
        "its provider may be outside the reach of an English court.</p>"
        if detail.crown_dependency
        else ""
    )
    parts = [
        f"<h2>{escape(detail.display)}</h2>",
        f"<p><b>{escape(detail.status.label)}</b> — line <b>{escape(line_name(line.brand))}"
        f"</b>, {escape(line.operation)}</p>",
        crown,
        _rows(
            [
                ("E.164", escape(detail.e164)),
                (
                    "First seen",
                    uk_date(detail.dates.first_seen),
                ),
                (
                    "Last seen",
                    uk_date(detail.dates.last_seen),
                ),
                (
                    "Range holder",
                    escape(detail.range_holder or "unknown")
                    + " <i>(original network; may have been ported)</i>",
                ),
                (
                    "Provider confirmed",
                    escape(detail.provider_confirmed) or "<i>not yet confirmed</i>",
                ),
                ("Replaces", escape(national_format(detail.replaces)) if detail.replaces else ""),
                ("Areas", escape(", ".join(line.areas)) or "<i>none recorded</i>"),
                ("Drugs", escape(", ".join(line.drugs))),
                (
                    "Daily takings",
                    escape(f"{format_pounds(line.daily_takings_pence)} ({line.takings_source})")
                    if line.daily_takings_pence is not None
                    else "",
                ),
                ("Intelligence", escape(line.intel_refs)),
                ("Notes", escape(line.notes).replace("\n", "<br>")),
            ]
        ),
    ]
    if len(detail.line_numbers) > 1:
        items = "".join(_line_number_item(n) for n in detail.line_numbers)
        parts.append(f"<h3>Numbers of this line</h3><ul>{items}</ul>")
    if detail.devices:
        items = "".join(
            f"<li>{escape(str(d['kind']))} {escape(str(d['value']))}</li>" for d in detail.devices
        )
        parts.append(f"<h3>Device identifiers</h3><ul>{items}</ul>")
    if detail.evidence:
        items = "".join(_evidence_item(e) for e in detail.evidence)
        parts.append(f"<h3>Evidence</h3><ul>{items}</ul>")
    if detail.contacts:
        found = ", ".join(f"{n} from {escape(source)}" for source, n in detail.contacts.items())
        parts.append(
            f"<h3>Contacts</h3><p>{plural(sum(detail.contacts.values()), 'contact')} found on "
            f"this number ({found}): see the Contacts view.</p>"
        )
    parts.append("<h3>History</h3>" + "".join(_history_entry(h) for h in reversed(detail.history)))
    return "".join(parts)


def _history_entry(change: dict[str, object]) -> str:
    """One status change: the status, when (UTC) and by whom, its note, each on a line (a
    table's columns broke words in two in a narrow panel)."""
    note = escape(str(change["note"] or ""))
    return (
        f"<p style='margin-top:0;margin-bottom:6px'><b>{escape(str(change['to_status']))}</b>"
        f"<br/>{_utc_to_uk(change['changed_at'])} UTC, by {escape(str(change['changed_by']))}"
        + (f"<br/>{note}" if note else "")
        + "</p>"
    )


class DetailPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.show_detail(None)

    def show_detail(self, detail: NumberDetail | None) -> None:
        if detail is None:
            self.setHtml(
                "<p style='color:#666'>Select a number to see its line, history and evidence."
                "</p><p style='color:#666'>Ctrl+N adds a number; Ctrl+I imports a spreadsheet."
                "</p>"
            )
        else:
            self.setHtml(detail_html(detail))
