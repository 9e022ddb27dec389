"""Charts as data: one definition that the case summary draws with ReportLab and the
dashboard paints with QPainter, so that paper and screen show the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from raptor_desktop.core.figures import Figures
from raptor_desktop.core.statuses import Status


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]
    colour: str  # #rrggbb


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    stacked: bool = False
    note: str = ""

    @property
    def empty(self) -> bool:
        return not self.categories or not any(v for s in self.series for v in s.values)

    def most(self) -> int:
        if self.stacked:
            return max(
                (sum(col) for col in zip(*(s.values for s in self.series), strict=True)), default=0
            )
        return max((v for s in self.series for v in s.values), default=0)


STATUS_COLOURS = {
    Status.IDENTIFIED.value: "#9e9e9e",
    Status.GATHERING_EVIDENCE.value: "#f2c14e",
    Status.READY.value: "#f78154",
    Status.IN_APPLICATION.value: "#4d9de0",
    Status.ORDER_MADE.value: "#3a6ea5",
    Status.DISCONNECTED.value: "#2e7d32",
    Status.REFUSED.value: "#b00020",
    Status.WITHDRAWN.value: "#6d4c41",
    Status.RE_EMERGED.value: "#8e24aa",
}


def month_label(month: str) -> str:
    """``2026-03`` → ``Mar 26``."""
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    year, number = month.split("-")
    return f"{names[int(number) - 1]} {year[2:]}"


def identified_and_disconnected(figures: Figures, last: int = 12) -> BarChart:
    """Numbers identified and disconnected in each of the last ``last`` months."""
    months = figures.months[-last:]
    return BarChart(
        "Numbers identified and disconnected, by month",
        tuple(month_label(m) for m in months),
        (
            Series("identified", tuple(figures.identified_per_month[-last:]), "#4d9de0"),
            Series("disconnected", tuple(figures.disconnected_per_month[-last:]), "#2e7d32"),
        ),
    )


def numbers_by_area_and_status(figures: Figures) -> BarChart:
    areas = tuple(figures.numbers_by_area_status)
    statuses = [
        s.value
        for s in Status
        if any(s.value in counts for counts in figures.numbers_by_area_status.values())
    ]
    return BarChart(
        "Numbers by area and status",
        areas,
        tuple(
            Series(
                status,
                tuple(figures.numbers_by_area_status[a].get(status, 0) for a in areas),
                STATUS_COLOURS.get(status, "#757575"),
            )
            for status in statuses
        ),
        stacked=True,
        note="A number on a line that serves two areas counts in each.",
    )
