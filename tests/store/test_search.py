"""Search across everything (issue 11): every number form, every kind, kept in step."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.core.lines import LineDetails, SeenDates
from raptor_desktop.services.search import search
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.contacts import add_contact
from raptor_desktop.store.database import Store
from raptor_desktop.store.evidence import add_evidence
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit
from raptor_desktop.store.lines import add_device, add_number, find_number, save_edit
from raptor_desktop.store.outreach import draft_batch
from raptor_desktop.store.retention import dispose
from raptor_desktop.store.search import search_records
from tests.app_fixtures import make_application


@pytest.fixture
def register(training_store: Store) -> Store:
    line = add_number(
        training_store,
        "07700 900123",
        LineDetails(brand="Tony", intel_refs="INT/2026/0417", notes="seen at Grays station"),
    )
    add_device(training_store, "07700 900123", "IMEI", "490154203237518")
    add_evidence(
        training_store,
        line.line_id,
        EvidenceItem("test purchase", "one wrap bought", date(2026, 10, 20), reference="TP/77"),
    )
    add_number(training_store, "07700 900555", LineDetails(brand="Kay"))
    add_contact(training_store, "07700 900601", "07700 900123", "seized phone", date(2026, 11, 2))
    return training_store


def kinds(store: Store, text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for hit in search_records(store, text):
        found.setdefault(hit.kind, []).append(hit.label)
    return found


@pytest.mark.parametrize(
    "form",
    [
        "07700 900123",
        "07700900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "7700 900123",
        "447700900123",
        "0123",
        "900 123",
    ],
)
def test_a_number_is_found_in_any_written_form(register: Store, form: str) -> None:
    assert kinds(register, form)["number"] == ["07700 900123"]


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("tony", "line", "Tony"),
        ("INT/2026/0417", "line", "Tony"),
        ("Grays station", "line", "Tony"),
        ("490154203237", "device", "IMEI 490154203237518"),
        ("TP/77", "evidence", "test purchase of 20/10/2026: one wrap bought"),
        ("900601", "contact", "07700 900601"),
    ],
)
def test_each_kind_is_found(register: Store, text: str, kind: str, label: str) -> None:
    assert label in kinds(register, text)[kind]


def test_exhibits_applications_and_batches_are_found(demo_store: Store) -> None:
    reference = make_application(demo_store)
    mark = add_exhibit(
        demo_store,
        application_id(demo_store, reference),
        NewExhibit("RC", "Handset download of the deal line"),
    )
    found = kinds(demo_store, mark)
    assert found["exhibit"] == [f"{mark}: Handset download of the deal line"]
    assert reference in kinds(demo_store, reference)["application"]
    batch, _plan = draft_batch(demo_store, "Essex Police: help is here. Reply STOP to opt out.")
    assert kinds(demo_store, batch)["batch"] == [batch]


def test_the_index_follows_every_change_and_erasure(register: Store) -> None:
    number = find_number(register, "07700 900555")
    save_edit(register, number.id, number.line_id, LineDetails(brand="Kestrel"), SeenDates(), "")
    assert "line" not in kinds(register, "Kay") and kinds(register, "Kestrel")["line"]
    dispose(register, "line", number.line_id, "no further policing purpose")
    assert kinds(register, "Kestrel") == {} and kinds(register, "900555") == {}


@pytest.mark.parametrize("text", ['"', 'a" OR "b', "NEAR(x y)", "*", "tony OR kay", "- ^ :"])
def test_search_syntax_in_the_text_is_only_text(register: Store, text: str) -> None:
    try:
        found = kinds(register, text)
    except InputRejected:
        return  # too short to search: said so
    assert found == {}


def test_too_little_to_search_is_said_so(register: Store) -> None:
    with pytest.raises(InputRejected, match="at least 3 characters"):
        search_records(register, "to")
    with pytest.raises(InputRejected, match="at least 4 digits"):
        search_records(register, "012")
    with pytest.raises(InputRejected, match="at least 4 digits"):  # digits, if only two
        search_records(register, "90")


def test_a_search_is_a_logged_consultation(register: Store) -> None:
    search(register, "07700 900123")
    [entry] = entries(register, AuditFilter(category="consultation"))[-1:]
    assert (entry.event, entry.records) == ("search", "'07700 900123': 1 number")


def test_a_number_is_indexed_once_by_its_national_digits(register: Store) -> None:
    # Each written form is turned into the national digits before the index is asked, so
    # the international digits were a second copy of the same number to index (v15).
    words = {
        kind: [
            w
            for (w,) in register.db.execute("SELECT words FROM search_index WHERE kind = ?", [kind])
        ]
        for kind in ("number", "contact")
    }
    assert "07700900123" in words["number"] and "07700900601" in words["contact"]
    assert not any("447700" in w for ws in words.values() for w in ws)


def test_the_same_brand_in_two_operations_is_told_apart(register: Store) -> None:
    """Two lines called Tony, one in each operation, had been found as two identical hits."""
    add_number(register, "07700 900124", LineDetails(brand="Tony", operation="Operation Kraken"))
    details = {
        (hit.kind, hit.detail)
        for hit in search_records(register, "Tony")
        if hit.kind in ("line", "number")
    }
    assert ("line", "Operation Kraken · 1 number") in details
    assert ("line", "Operation Raptor · 1 number · INT/2026/0417") in details
    [number] = [hit for hit in search_records(register, "900124") if hit.kind == "number"]
    assert number.detail == "Tony (Operation Kraken) · identified"
