"""Contacts of deal lines: import in one transaction, de-duplication, opt-outs, retention."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.contacts import ContactDefaults
from raptor_desktop.core.numbers import parse_mobile
from raptor_desktop.core.tabular import Table
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.contacts import (
    add_contact,
    import_contacts,
    list_contacts,
    set_do_not_contact,
    set_opted_out,
)
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.importing import ImportCancelled
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.retention import dispose, review_list

TODAY = date(2026, 11, 29)
TONY = parse_mobile("07700 900101", training=True)


@pytest.fixture
def register(demo_store: Store) -> Store:
    """The demo scenario's lines without its contacts."""
    demo_store.db.execute("DELETE FROM contact_links")
    demo_store.db.execute("DELETE FROM contacts")
    return demo_store


def seized_phone(*rows: list[str], headers: tuple[str, ...] = ("Name", "Number")) -> Table:
    return Table("handset-RC4.csv", list(headers), [(n, r) for n, r in enumerate(rows, 2)])


def import_(store: Store, table: Table) -> object:
    return import_contacts(store, table, ContactDefaults(line=TONY), today=TODAY)


def test_import_links_contacts_to_the_line_and_drops_names(register: Store) -> None:
    result = import_(
        register,
        seized_phone(["Dave P", "07700 900501"], ["Kel", "+44 7700 900502"], ["Mum", "0800 1111"]),
    )
    assert result.summary() == "imported 2, updated 0, rejected 1"  # type: ignore[attr-defined]
    assert result.ignored_columns == ["Name"]  # type: ignore[attr-defined]
    [rejected] = result.rejected  # type: ignore[attr-defined]
    assert rejected.row == 4 and rejected.reason.startswith("number:")
    contacts = list_contacts(register)
    assert [c.display for c in contacts] == ["07700 900501", "07700 900502"]
    assert contacts[0].lines == "Tony (07700 900101)"
    assert contacts[0].sources == "seized phone"
    assert contacts[0].last_found == "2026-11-29"
    stored = register.db.execute("SELECT * FROM contacts").fetchall()
    assert not any("Dave" in str(value) for row in stored for value in row)


def test_same_file_twice_changes_nothing_and_another_line_links_the_same_contact(
    register: Store,
) -> None:
    table = seized_phone(["Dave P", "07700 900501"])
    import_(register, table)
    again = import_(register, table)
    assert again.summary() == "imported 0, updated 0, rejected 0"  # type: ignore[attr-defined]
    assert again.unchanged == 1  # type: ignore[attr-defined]
    other_line = Table(
        "list.csv",
        ["Contact", "Deal line", "Source", "Date"],
        [(2, ["7700900501", "07700 900102", "Marketing list", "01/11/2026"])],
    )
    result = import_contacts(register, other_line, ContactDefaults(), today=TODAY)
    assert result.summary() == "imported 0, updated 1, rejected 0"
    [contact] = list_contacts(register)
    assert contact.lines.count("07700 900") == 2
    assert contact.sources == "marketing list, seized phone"


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (
            ["07700 900501", "07700 900999", "", ""],
            "deal line: 07700 900999 is not in the register",
        ),
        (["07700 900102", "07700 900101", "", ""], "is a deal line in the register"),
        (["07700 900101", "07700 900101", "", ""], "the deal line's own number"),
        (["07700 900501", "", "", ""], "deal line: the row names no deal line"),
        (["07700 900501", "07700 900101", "pub", ""], "source 'pub' is not one of"),
        (["07700 900501", "07700 900101", "", "31/12/2026"], "is in the future"),
        (["07700 900501", "07700 900101", "", "someday"], "date found: 'someday' is not a date"),
    ],
)
def test_rejected_rows_say_which_field(register: Store, cells: list[str], reason: str) -> None:
    table = Table("c.csv", ["number", "deal line", "source", "date"], [(2, cells)])
    result = import_contacts(register, table, ContactDefaults(), today=TODAY)
    [rejected] = result.rejected
    assert reason in rejected.reason
    assert list_contacts(register) == []


def test_a_cancelled_import_stores_nothing(register: Store) -> None:
    rows = [["x", f"07700 900{n}"] for n in range(500, 700)]
    with pytest.raises(ImportCancelled):
        import_contacts(
            register, seized_phone(*rows), ContactDefaults(line=TONY), lambda d, t: d < 100
        )
    assert list_contacts(register) == []


def test_opt_out_and_do_not_contact_are_recorded_and_logged(register: Store) -> None:
    assert add_contact(register, "07700 900501", "07700 900101", "Call data") == "imported"
    set_opted_out(register, "07700 900501", date(2026, 11, 20))
    set_do_not_contact(register, "07700900501", "safeguarding: child")
    [contact] = list_contacts(register, "900501")
    assert (contact.opted_out_on, contact.do_not_contact) == ("2026-11-20", True)
    assert contact.do_not_contact_reason == "safeguarding: child"
    set_do_not_contact(register, "07700 900501", None)
    assert not list_contacts(register)[0].do_not_contact
    with pytest.raises(ValueError, match="give the reason"):
        set_do_not_contact(register, "07700 900501", " ")
    with pytest.raises(RecordNotFound, match="is not a contact"):
        set_opted_out(register, "07700 900502", TODAY)
    events = [e.event for e in entries(register, AuditFilter(record="900501"))]
    assert events[-4:] == ["add contact", "contact opt-out", "do not contact", "do not contact"]
    assert entries(register, AuditFilter(category="collection"))[-1].event == "add contact"


def test_search_by_part_of_a_number(register: Store) -> None:
    import_(register, seized_phone(["a", "07700 900501"], ["b", "07700 900611"]))
    assert [c.display for c in list_contacts(register, "+44 7700 9006")] == ["07700 900611"]
    assert list_contacts(register, "Dave") == []


def test_contacts_come_up_for_review_and_disposal_erases_them(register: Store) -> None:
    import_contacts(
        register,
        seized_phone(["a", "07700 900501"]),
        ContactDefaults(line=TONY, found_on=date(2019, 1, 5)),
        today=TODAY,
    )
    far_future = date(2040, 1, 1)
    [item] = [i for i in review_list(register, far_future) if i.kind == "contact"]
    assert item.name == "07700 900501" and item.size == 1
    summary = dispose(register, "contact", item.record_id, "no further policing purpose")
    assert summary == f"contact {item.record_id} with 1 findings; 2 log entries pseudonymised"
    assert "900501" not in "".join(
        str(r) for r in register.db.execute("SELECT records, justification FROM audit_log")
    )
    assert list_contacts(register) == []
    assert register.db.execute("SELECT COUNT(*) FROM contact_links").fetchone()[0] == 0
    assert verify(register).sound


def test_disposing_of_a_line_keeps_its_contacts(register: Store) -> None:
    import_(register, seized_phone(["a", "07700 900501"]))
    line_id = register.db.execute(
        "SELECT line_id FROM numbers WHERE e164 = ?", [TONY.e164]
    ).fetchone()[0]
    dispose(register, "line", line_id, "no further policing purpose")
    [contact] = list_contacts(register)
    assert contact.lines == ""
    assert verify(register).sound


@pytest.mark.parametrize(
    ("written", "source"),
    [
        ("Seized handset", "seized phone"),
        ("HANDSET", "seized phone"),
        ("phone", "seized phone"),
        ("CDR", "call data"),
        ("call records", "call data"),
        ("Marketing", "marketing list"),
    ],
)
def test_the_words_officers_write_for_a_source_are_read(written: str, source: str) -> None:
    from raptor_desktop.core.contacts import parse_source

    assert parse_source(written) == source


def test_an_import_says_how_it_read_each_source_word(register: Store, tmp_path: Path) -> None:
    from raptor_desktop.core.tabular import read_table

    path = tmp_path / "contacts.csv"
    path.write_text(
        "number,deal line,source\n07700 900701,07700 900101,CDR\n"
        "07700 900702,07700 900101,handset\n07700 900703,07700 900101,CDR\n"
        "07700 900704,07700 900101,pigeon\n",
        encoding="utf-8",
    )
    result = import_contacts(register, read_table(path), ContactDefaults(), today=TODAY)
    assert result.notes == [
        "source 'CDR' as call data (2 rows)",
        "source 'handset' as seized phone (1 row)",
    ]
    [rejected] = result.rejected
    assert "pigeon" in rejected.reason and "call records" in rejected.reason


def test_contacts_written_in_batches_keep_every_link_and_merge_a_later_row(
    register: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raptor_desktop.store import contacts as contacts_store

    monkeypatch.setattr(contacts_store._NewContacts, "SIZE", 7)  # several batches, one held
    rows = [["", f"07700 900{n}"] for n in range(501, 531)]
    rows.append(["", "07700 900529"])  # again, while it is still held: unchanged
    result = import_(register, seized_phone(*rows))
    assert (result.imported, result.unchanged, result.rejected) == (30, 1, [])  # type: ignore[attr-defined]
    other_line = Table(
        "list.csv",
        ["Contact", "Deal line", "Source"],
        [(2, ["07700 900530", "07700 900102", "Marketing list"])],
    )
    assert import_contacts(register, other_line, ContactDefaults(), today=TODAY).updated == 1
    db = register.db
    assert db.execute("SELECT COUNT(*), MAX(id) FROM contacts").fetchone() == (30, 30)
    assert db.execute("SELECT COUNT(*) FROM contact_links").fetchone()[0] == 31
    assert [c.display for c in list_contacts(register, "900530")] == ["07700 900530"]


def test_a_rejected_contact_row_names_every_fault(register: Store) -> None:
    table = Table(
        "c.csv",
        ["number", "deal line", "source", "date"],
        [(2, ["0770O 900501", "07700 900999", "pub", "someday"])],
    )
    [rejected] = import_contacts(register, table, ContactDefaults(), today=TODAY).rejected
    assert [fault.split(":")[0].split(" ")[0] for fault in rejected.reason.split(" | ")] == [
        "number",
        "deal",
        "source",
        "date",
    ]
