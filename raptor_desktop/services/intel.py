"""Pasted intelligence text, for both faces: its numbers found and matched against the
register (a combination, DPA 2018 s62, logged here), and the unknown ones added at once."""

from __future__ import annotations

from dataclasses import dataclass

from raptor_desktop.core.audit import Category
from raptor_desktop.core.dates import plural
from raptor_desktop.core.intel_text import FoundNumber, Ignored, numbers_in
from raptor_desktop.store.database import Store
from raptor_desktop.store.intel import Matched, add_unknown, match_numbers

__all__ = ["FoundNumber", "IntelMatch", "Matched", "add_unknown", "find_numbers"]


@dataclass(frozen=True)
class IntelMatch:
    matched: list[Matched]
    ignored: list[Ignored]

    @property
    def unknown(self) -> list[FoundNumber]:
        return [m.number for m in self.matched if not m.known_as]

    def summary(self) -> str:
        if not self.matched:
            return "the text holds no UK mobile number"
        known = len(self.matched) - len(self.unknown)
        return (
            f"{plural(len(self.matched), 'number')} found: {known} known, {len(self.unknown)} not"
        )


def find_numbers(store: Store, text: str) -> IntelMatch:
    found, ignored = numbers_in(text)
    result = IntelMatch(match_numbers(store, found), ignored)
    if found:
        store.log(Category.COMBINATION, "match intelligence text", result.summary())
    return result
