"""Disclosures (DPA 2018 s62): logged once, by one step, after the act has succeeded.

A hearing pack saved or printed, a backup written, the audit log exported, numbers handed to
an SMS gateway: each is a disclosure, logged with who received it and why. The entry is
written only once the file is written or the print job sent, so a cancelled or failed act
leaves no entry behind, and an act never goes unlogged.
"""

from __future__ import annotations

from dataclasses import dataclass

from raptor_desktop.core.audit import Category
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.database import Store


@dataclass(frozen=True)
class Recipient:
    """Who receives a disclosure and why: asked before the act, logged after it."""

    name: str
    justification: str

    def checked(self) -> Recipient:
        if not self.name.strip() or not self.justification.strip():
            raise InputRejected("say who receives it and why (both are logged, DPA 2018 s62)")
        return Recipient(self.name.strip(), self.justification.strip())


def record_disclosure(store: Store, event: str, records: str, to: Recipient) -> None:
    """Log a disclosure that has just happened."""
    checked = to.checked()
    store.log(
        Category.DISCLOSURE,
        event,
        records,
        justification=checked.justification,
        recipient=checked.name,
    )


def record_consultation(store: Store, event: str, records: str) -> None:
    """Log a consultation (viewing or listing records, reading the log)."""
    store.log(Category.CONSULTATION, event, records)
