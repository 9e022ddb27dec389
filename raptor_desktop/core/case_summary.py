"""A case summary as data: its scope, its figures, and the tables and chronology it prints
(the PDF, the CSV files and the workbook all take their rows from here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from raptor_desktop.core.charts import BarChart, month_label
from raptor_desktop.core.dates import plural, to_iso
from raptor_desktop.core.figures import OUTREACH_KEYS, Figures
from raptor_desktop.core.register import format_pounds

DateText = Callable[[date | None], str]
"""How a table writes a date: UK in documents (``uk_date``), ISO in data files."""


@dataclass(frozen=True)
class OrderCell:
    ordered_on: date
    deadline_on: date
    confirmed_on: date | None

    def compliance(self, day: DateText) -> str:
        confirmed = f"confirmed {day(self.confirmed_on)}" if self.confirmed_on else "not confirmed"
        return f"by {day(self.deadline_on)}, {confirmed}"


@dataclass(frozen=True)
class NumberCell:
    display: str
    first_seen: date | None
    status: str
    orders: tuple[OrderCell, ...] = ()


@dataclass(frozen=True)
class LineRow:
    brand: str
    numbers: tuple[NumberCell, ...]
    areas: str
    notes: str

    def cells(self, day: DateText) -> list[str]:
        """Line, numbers, areas, status, orders, compliance, notes: a row a line, as the data
        files hold it."""
        ordered = [n for n in self.numbers if n.orders]
        return [
            self.brand,
            "; ".join(
                n.display + (f" (first seen {day(n.first_seen)})" if n.first_seen else "")
                for n in self.numbers
            ),
            self.areas,
            "; ".join(f"{n.display}: {n.status}" for n in self.numbers),
            "; ".join(
                f"{n.display}: {', '.join(day(o.ordered_on) for o in n.orders)}" for n in ordered
            ),
            "; ".join(
                f"{n.display}: " + ", ".join(o.compliance(day) for o in n.orders) for n in ordered
            ),
            self.notes,
        ]

    def number_rows(self, day: DateText) -> list[list[str]]:
        """A row a number, as a document prints the line (a line's numbers over the years
        outgrow one row of a page): the line named on each, its areas and notes on the first."""
        rows = []
        for place, n in enumerate(self.numbers):
            first = place == 0
            rows.append(
                [
                    self.brand,
                    self.areas if first else "",
                    n.display,
                    day(n.first_seen) if n.first_seen else "",
                    n.status,
                    ", ".join(day(o.ordered_on) for o in n.orders),
                    "; ".join(o.compliance(day) for o in n.orders),
                    self.notes if first else "",
                ]
            )
        return rows


LINE_HEADERS = ("Line", "Numbers", "Areas", "Status", "Orders", "Compliance", "Notes")
"""The lines table of the data files: a row a line."""
NUMBER_ROW_HEADERS = (
    "Line",
    "Areas",
    "Number",
    "First seen",
    "Status",
    "Orders",
    "Compliance",
    "Notes",
)
"""The lines table of the PDF: a row a number (:meth:`LineRow.number_rows`)."""


@dataclass(frozen=True)
class ApplicationRow:
    reference: str
    court: str
    hearing_on: date | None
    status: str


@dataclass(frozen=True)
class Event:
    """Something that happened on a day. ``step`` and ``at`` order a day's events as they
    happened, not by their words: what led to a hearing, the hearing, what it decided, then
    the orders' compliance; changes of status by the time they were recorded."""

    on: date
    what: str
    step: int = 0
    at: str = ""

    def sort_key(self) -> tuple[date, int, str, str]:
        return self.on, self.step, self.at, self.what


SEEN, EVIDENCE, RECORDED, SUBMITTED, HEARING, DECIDED, COMPLIED = range(7)
"""The steps of a day, in order (``Event.step``)."""


@dataclass(frozen=True)
class CaseSummary:
    reference: str
    scope: str  # in words
    prepared_on: date
    prepared_by: str
    marking: str
    training: bool
    figures: Figures
    lines: tuple[LineRow, ...]
    applications: tuple[ApplicationRow, ...]
    chronology: tuple[Event, ...]
    linking_contacts: tuple[tuple[str, ...], ...] = ()  # the lines each links; never who
    charts: tuple[BarChart, ...] = ()

    def covers(self) -> str:
        """Which records it covers, said on its cover and in the log."""
        f = self.figures
        return (
            f"{plural(f.lines, 'line')} with {plural(f.numbers, 'number')}, "
            f"{plural(len(self.applications), 'application')}, "
            f"{plural(f.outreach['identified'], 'contact')} (counted, not named)"
        )


def key_figures(f: Figures) -> list[list[str]]:
    """The figures the summary opens with: what, and the figure (printed and exported)."""
    rate = f.re_emergence_rate
    rate_text = (
        f" ({rate:.0%} of {plural(f.lines_with_orders, 'line')} with orders)"
        if rate is not None
        else ""
    )
    sources = f" — sources: {'; '.join(f.takings_sources)}" if f.takings_sources else ""
    return [
        ["Lines", str(f.lines)],
        ["Numbers", str(f.numbers)],
        *[[f"Numbers {status}", str(count)] for status, count in f.by_status.items()],
        ["Type 2 closures (numbers disconnected under an order)", str(f.type2_closures)],
        ["Type 1 closures (line holder charged, recorded by hand)", str(f.type1_closures)],
        ["Check-backs recorded (28 and 90 days after disconnection)", str(f.check_backs_done)],
        ["Check-backs that found the number alive again", str(f.check_backs_failed)],
        ["Check-backs due and not yet recorded", str(len(f.check_backs_due))],
        ["Days from identification to application", f.to_application.text()],
        ["Days from identification to order", f.to_order.text()],
        ["Days from identification to the provider's confirmation", f.to_disconnection.text()],
        [
            "Brands that re-emerged on a new number after an order",
            (", ".join(f.re_emerged_brands) or "none") + rate_text,
        ],
        ["Days from an order to the brand's new number", f.days_to_re_emergence.text()],
        [
            "Estimated daily takings of the lines disconnected (an estimate)",
            format_pounds(f.takings_disrupted_pence) + sources,
        ],
    ]


OUTREACH_HEADERS = ("Area", "Identified", "Texted", "Opted out", "Not delivered")
OUTCOMES = ("made", "refused", "withdrawn", "carved out", "adjourned", "pending")
APPLICATION_HEADERS = ("Application", "Court", "Hearing", "Status", "Applied for", *OUTCOMES)


def application_rows(summary: CaseSummary, day: DateText) -> list[list[object]]:
    """Each application of the scope with its numbers applied for, and each outcome's count."""
    counted = {a.reference: a for a in summary.figures.applications}
    rows: list[list[object]] = []
    for a in summary.applications:
        figures = counted.get(a.reference)
        outcomes = figures.outcomes if figures else {}
        rows.append(
            [
                a.reference,
                a.court,
                day(a.hearing_on),
                a.status,
                figures.applied if figures else 0,
                *(outcomes.get(o, 0) for o in OUTCOMES),
            ]
        )
    return rows


def outreach_rows(f: Figures) -> list[list[object]]:
    return [
        [area, *(counts[k] for k in OUTREACH_KEYS)]
        for area, counts in [("All", f.outreach), *f.outreach_by_area.items()]
    ]


@dataclass(frozen=True)
class DataTable:
    """One table of a summary's data files: a CSV file, or a sheet of the workbook."""

    name: str
    headers: tuple[str, ...]
    rows: list[list[object]]


def data_tables(summary: CaseSummary) -> list[DataTable]:
    """The summary's data for other systems; dates in ISO, numbers as numbers."""
    f = summary.figures
    return [
        DataTable(
            "cover",
            ("what", "value"),
            [
                ["scope", summary.scope],
                ["covers", summary.covers()],
                ["prepared on", to_iso(summary.prepared_on)],
                ["prepared by", summary.prepared_by],
                ["reference", summary.reference],
                ["marking", summary.marking],
            ],
        ),
        DataTable("key figures", ("what", "figure"), [list(r) for r in key_figures(f)]),
        DataTable(
            "by month",
            ("month", "label", "identified", "disconnected"),
            [
                [m, month_label(m), i, d]
                for m, i, d in zip(
                    f.months, f.identified_per_month, f.disconnected_per_month, strict=True
                )
            ],
        ),
        DataTable(
            "lines",
            tuple(h.lower() for h in LINE_HEADERS),
            [list(r.cells(to_iso_text)) for r in summary.lines],
        ),
        DataTable(
            "applications",
            tuple(h.lower() for h in APPLICATION_HEADERS),
            application_rows(summary, to_iso_text),
        ),
        DataTable(
            "lines by operation",
            ("operation", "lines"),
            [[o, n] for o, n in f.lines_by_operation.items()],
        ),
        DataTable("outreach", OUTREACH_HEADERS, outreach_rows(f)),
        DataTable(
            "outreach by month",
            ("month", *OUTREACH_HEADERS[1:]),
            [[m, *(c[k] for k in OUTREACH_KEYS)] for m, c in f.outreach_by_month.items()],
        ),
        DataTable(
            "contacts linking lines",
            ("contact", "lines", "deal lines"),
            linking_rows(summary),
        ),
        DataTable(
            "chronology", ("date", "event"), [[to_iso(e.on), e.what] for e in summary.chronology]
        ),
    ]


def to_iso_text(day: date | None) -> str:
    return to_iso(day) or ""


def linking_rows(summary: CaseSummary) -> list[list[object]]:
    """The contacts found on two or more of the scope's lines, most lines first, each named
    only by its rank in this summary (a contact's number is never printed)."""
    return [
        [f"Contact {rank}", len(lines), ", ".join(lines)]
        for rank, lines in enumerate(summary.linking_contacts, start=1)
    ]
