"""The witness statement names the source of each fact it gives on information and belief
(Practice Direction 32, paragraph 18.2(2)), and tells the court how old its evidence is.

Each record it relies on is named by what it is (a test purchase record, an intelligence
report), its reference and its date; one the statement produces as an exhibit says so; the
age of the latest record is stated, and old evidence is said to be the latest there is, for an
application made without notice owes the court what tells against it. Undated evidence cites
only what was in the register when the statement was signed, and alone is a gap.
"""

from __future__ import annotations

from datetime import date, datetime

import time_machine

from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.core.evidence import EvidenceItem
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.statuses import Status
from raptor_desktop.documents.statement import statement_paragraphs
from raptor_desktop.store.applications import create_application, set_item
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.evidence import add_evidence
from raptor_desktop.store.lines import add_number, find_number, set_provider, set_status
from tests.app_fixtures import details, make_application


def _item(store: Store, reference: str, number: int) -> str:
    case = load_case_file(store, reference, check_files=False)
    [paragraph] = [p for p in statement_paragraphs(case) if p.startswith(f"Item {number}, ")]
    return paragraph


def _line_of(store: Store, number: str) -> int:
    return find_number(store, number).line_id


def _new_line(store: Store, number: str, brand: str) -> None:
    add_number(store, number, LineDetails(brand=brand), status=Status.GATHERING_EVIDENCE)
    set_status(store, number, Status.READY, "evidence complete")
    set_provider(store, number, "EE")


def test_each_record_is_named_by_its_source_reference_and_date(demo_store: Store) -> None:
    reference = make_application(demo_store)
    paragraph = _item(demo_store, reference, 3)  # 07700 900103, the line "Dee"
    assert paragraph.startswith(
        "Item 3, 07700 900103. According to the operation's line register, the line known as "
        "“Dee” sells crack cocaine and heroin in Brentwood."
    )
    assert (
        "I rely on this record of the operation, which I have read, and believe what it records "
        "to be true: the test purchase record, reference TP/0577, 24 October 2026, at Brentwood "
        "High Street: One wrap of heroin. That was 33 days before this statement." in paragraph
    )


def test_a_record_that_is_an_exhibit_is_produced_as_one(demo_store: Store) -> None:
    reference = make_application(demo_store)  # RC/2: the test purchase exhibit bag
    zee = _line_of(demo_store, "07700 900113")
    add_evidence(
        demo_store,
        zee,
        EvidenceItem("test purchase", "£20 of cocaine", date(2026, 10, 20), "Epping", None, "rc/2"),
    )
    paragraph = _item(demo_store, reference, 1)
    assert "I rely on these records of the operation" in paragraph
    assert (
        "(a) the test purchase record, reference rc/2, 20 October 2026, at Epping: £20 of "
        "cocaine (I produce it as exhibit RC/2); (b) the record of a marketing text, "
        "23 November 2026:" in paragraph
    )
    assert "The most recent dated one is of 23 November 2026, 3 days before this statement" in (
        paragraph
    )


def test_old_evidence_is_said_to_be_the_latest_there_is(demo_store: Store) -> None:
    _new_line(demo_store, "07700 900555", "Old Kent")
    add_evidence(
        demo_store,
        _line_of(demo_store, "07700 900555"),
        EvidenceItem("marketing text", "'Kent open'", date(2026, 6, 1)),
    )
    reference = create_application(demo_store, details(), ["07700 900555"])
    paragraph = _item(demo_store, reference, 1)
    assert "That was 178 days before this statement." in paragraph
    assert paragraph.endswith("I have no more recent record of the line's use.")


def test_undated_evidence_is_cited_only_if_recorded_before_the_statement_was_signed(
    demo_store: Store,
) -> None:
    _new_line(demo_store, "07700 900556", "Night")
    night = _line_of(demo_store, "07700 900556")
    with time_machine.travel(datetime(2026, 11, 20, 12)):
        add_evidence(demo_store, night, EvidenceItem("intelligence", "Night sells in Grays"))
    add_evidence(demo_store, night, EvidenceItem("intelligence", "Night moved to Harlow"))
    reference = create_application(demo_store, details(), ["07700 900556"])
    paragraph = _item(demo_store, reference, 1)
    assert (
        "the intelligence report, undated, recorded on 20 November 2026: Night sells in Grays. "
        "It is not dated." in paragraph
    )
    assert "Harlow" not in paragraph  # recorded on 3 December, after the statement (26 November)
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference, check_files=False))]
    assert gaps == [
        "the line “Night” (item 1) has only undated evidence, which cannot show the court when "
        "the line was used"
    ]
    add_evidence(demo_store, night, EvidenceItem("test purchase", "£10 wrap", date(2026, 11, 25)))
    assert case_gaps(load_case_file(demo_store, reference, check_files=False)) == []


def test_the_officers_own_grounds_are_kept_and_drafted_ones_not_repeated(
    demo_store: Store,
) -> None:
    reference = make_application(demo_store)
    drafted = _item(demo_store, reference, 3)
    assert drafted.count("One wrap of heroin") == 1  # the record, not the draft grounds too
    set_item(
        demo_store,
        reference,
        "07700 900103",
        "Vodafone",
        "The handset was seized from a runner arrested in Brentwood.",
    )
    own = _item(demo_store, reference, 3)
    assert "in Brentwood. The handset was seized from a runner arrested in Brentwood. I rely" in own


def test_a_further_number_of_a_line_refers_to_the_records_set_out_once(
    demo_store: Store,
) -> None:
    _new_line(demo_store, "07700 900557", "Twin")
    twin = _line_of(demo_store, "07700 900557")
    add_number(demo_store, "07700 900558", LineDetails(brand="Twin"))
    assert _line_of(demo_store, "07700 900558") == twin
    set_status(demo_store, "07700 900558", Status.GATHERING_EVIDENCE)
    set_status(demo_store, "07700 900558", Status.READY, "the same line")
    set_provider(demo_store, "07700 900558", "EE")
    add_evidence(demo_store, twin, EvidenceItem("marketing text", "'Twin on'", date(2026, 11, 2)))
    reference = create_application(demo_store, details(), ["07700 900557", "07700 900558"])
    first, second = _item(demo_store, reference, 1), _item(demo_store, reference, 2)
    assert "I rely on this record of the operation" in first and "'Twin on'" in first
    assert "'Twin on'" not in second
    assert second.endswith(
        "The number is another of the same line: the records I rely on are those set out for "
        "item 1."
    )
