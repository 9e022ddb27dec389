"""Evidence gathered against a line: marketing texts, test purchases, handsets, intelligence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EVIDENCE_KINDS = ("marketing text", "test purchase", "seized handset", "intelligence", "other")


@dataclass(frozen=True)
class EvidenceItem:
    kind: str
    details: str
    occurred_on: date | None = None
    location: str = ""
    price_pence: int | None = None
    reference: str = ""

    def problem(self) -> str | None:
        if self.kind not in EVIDENCE_KINDS:
            known = ", ".join(EVIDENCE_KINDS)
            return f"unknown kind of evidence {self.kind!r}; use one of: {known}"
        if not self.details.strip():
            return "describe the evidence"
        if self.occurred_on and self.occurred_on > date.today():
            return "the evidence date is in the future"
        return None
