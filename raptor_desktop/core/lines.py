"""A deal line: a brand that holds numbers over time, with what is known about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from raptor_desktop.core.register import DRUGS

BRAND_MAX = 60
NO_NAME = "(no name)"


def line_name(brand: object) -> str:
    """A line's name as every list, message and document shows it; :data:`NO_NAME` until it
    has one (the window had said '(unnamed)' in some places and '(no name)' in others)."""
    return str(brand) if brand else NO_NAME  # a column read from a query may be None


@dataclass
class LineDetails:
    """What an officer records about a line; shared by every number the line has used."""

    brand: str = ""
    operation: str = ""  # none named: the register's default operation (a setting)
    areas: list[str] = field(default_factory=list)
    drugs: list[str] = field(default_factory=list)
    daily_takings_pence: int | None = None
    takings_source: str = ""
    intel_refs: str = ""
    notes: str = ""

    def problems(self) -> dict[str, str]:
        """Field name → what is wrong with it; empty when the details can be stored."""
        found: dict[str, str] = {}
        if len(self.brand.strip()) > BRAND_MAX:
            found["brand"] = f"the line name is longer than {BRAND_MAX} characters"
        unknown = [d for d in self.drugs if d not in DRUGS]
        if unknown:
            found["drugs"] = f"unknown drug {unknown[0]!r}; use one of: {', '.join(DRUGS)}"
        if self.daily_takings_pence is not None and not self.takings_source.strip():
            found["takings_source"] = "say where the daily takings estimate comes from"
        return found


@dataclass(frozen=True)
class SeenDates:
    first_seen: date | None = None
    last_seen: date | None = None

    def problem(self) -> str | None:
        if self.first_seen and self.last_seen and self.last_seen < self.first_seen:
            return "last seen is before first seen"
        return None
