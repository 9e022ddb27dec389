"""Pasted intelligence text (issue 11): numbers found in any form, matched, added at once."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.services.intel import add_unknown, find_numbers
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.contacts import add_contact
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_number

TEXT = (
    "Runner says Tony is back on 07700 900123 (was +44 (0)7700-900124). Buyers: 0044 7700 "
    "900601, 7700900602. Depot landline 01375 123456. Ref 2026/0417. Tony again: 07700900123."
)


@pytest.fixture
def register(training_store: Store) -> Store:
    add_number(training_store, "07700 900123", LineDetails(brand="Tony"))
    add_contact(training_store, "07700 900601", "07700 900123", "seized phone", date(2026, 11, 2))
    return training_store


def test_every_number_is_found_once_in_any_form_and_matched(register: Store) -> None:
    result = find_numbers(register, TEXT)
    assert [(m.number.display, m.known_as) for m in result.matched] == [
        ("07700 900123", "line"),
        ("07700 900124", ""),
        ("07700 900601", "contact"),
        ("07700 900602", ""),
    ]
    assert result.matched[0].label == "deal line Tony · identified"
    assert result.matched[2].label == "contact of 07700 900123"
    assert [i.written for i in result.ignored] == ["01375 123456"]
    assert result.summary() == "4 numbers found: 2 known, 2 not"
    [entry] = entries(register, AuditFilter(category="combination"))[-1:]
    assert (entry.event, entry.records) == ("match intelligence text", result.summary())


def test_text_without_a_number_says_so_and_logs_nothing(register: Store) -> None:
    before = len(entries(register))
    result = find_numbers(register, "nothing to see here, ref 2026/0417")
    assert result.matched == [] and result.summary() == "the text holds no UK mobile number"
    assert len(entries(register)) == before


def test_the_unknown_are_added_in_one_step_or_not_at_all(register: Store) -> None:
    unknown = find_numbers(register, TEXT).unknown
    assert add_unknown(register, unknown) == 2
    assert {m.known_as for m in find_numbers(register, TEXT).matched} == {"line", "contact"}
    # a real number in a training register: the whole step is refused, nothing added
    real = find_numbers(register, "new: 07700 900777 and 07400 123456").unknown
    assert len(real) == 2
    before = register.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0]
    with pytest.raises(InputRejected):
        add_unknown(register, real)
    assert register.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == before


def test_the_unknown_can_be_added_as_contacts_of_a_deal_line(register: Store) -> None:
    unknown = find_numbers(register, "buyers 07700 900701 and 07700 900702").unknown
    add_unknown(register, unknown, as_contacts_of="07700 900123")
    labels = [m.label for m in find_numbers(register, "07700 900701 07700 900702").matched]
    assert labels == ["contact of 07700 900123"] * 2
