"""Common contacts and the contact–line edge list (issue 11)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.services.contacts import export_contact_links, find_common_contacts
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.contacts import add_contact
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_number

DAY = date(2026, 11, 2)


@pytest.fixture
def register(training_store: Store) -> Store:
    for number, brand in (
        ("07700 900101", "Tony"),
        ("07700 900102", "Kay"),
        ("07700 900103", "Dee"),
        ("07700 900104", "Tony"),
    ):
        add_number(training_store, number, LineDetails(brand=brand))
    links = {
        "07700 900601": ["07700 900101", "07700 900102", "07700 900103"],
        "07700 900602": ["07700 900101", "07700 900104"],  # two numbers of one line: one line
        "07700 900603": ["07700 900102", "07700 900103"],
    }
    for contact, lines in links.items():
        for line in lines:
            add_contact(training_store, contact, line, "seized phone", DAY)
    return training_store


def test_common_contacts_are_ranked_by_how_many_lines(register: Store) -> None:
    found = find_common_contacts(register)
    assert [(c.display, len(c.lines)) for c in found] == [
        ("07700 900601", 3),
        ("07700 900603", 2),
    ]
    assert found[1].lines == ("Dee (07700 900103)", "Kay (07700 900102)")
    [entry] = entries(register, AuditFilter(category="consultation"))[-1:]
    assert (entry.event, entry.records) == ("common contacts", "2 contacts")


def test_the_edge_list_is_a_logged_disclosure(register: Store, tmp_path: Path) -> None:
    target = tmp_path / "links.csv"
    with pytest.raises(InputRejected):
        export_contact_links(register, target, Recipient("", ""))
    assert not target.exists()
    count = export_contact_links(register, target, Recipient("Analyst", "network chart"))
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert count == len(rows) == 7
    assert rows[0] == {
        "Source": "07700 900601",
        "Target": "07700 900101",
        "Line": "Tony",
        "Found by": "seized phone",
        "Found on": "2026-11-02",
    }
    [entry] = entries(register, AuditFilter(category="disclosure"))[-1:]
    assert (entry.event, entry.recipient) == ("export contact links", "Analyst")
