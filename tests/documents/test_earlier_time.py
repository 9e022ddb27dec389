"""An earlier time to comply agreed with a provider (regulation 3(6)), and the day it was agreed.

It could be recorded only with the outcome, as a correction of the order's terms, and the
register kept no day for it: the note of events listed it apart, undated.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.earlier_time import record_earlier_time
from raptor_desktop.store.errors import RecordNotFound
from tests.documents.test_court_documents import section_text
from tests.documents.test_letter_service_day import HEARD, NOTED, _ordered


@pytest.mark.usefixtures("after_the_hearings")
def test_an_earlier_time_agreed_is_a_dated_event_and_the_order_keeps_its_own(
    demo_store: Store,
) -> None:
    reference = _ordered(demo_store)  # made on Thursday 10 December: by the end of the 17th
    record_earlier_time(demo_store, reference, "07700 900103", datetime(2026, 12, 15, 12), HEARD)
    [item] = [i for i in load_case_file(demo_store, reference).items if i.e164.endswith("103")]
    assert item.agreed_deadline == datetime(2026, 12, 15, 12) and item.agreed_on == HEARD
    assert item.order_deadline == datetime(2026, 12, 17, 23, 59)
    note = section_text(demo_store, reference, "Note of events", prepared_on=NOTED)
    assert (
        "10 December 2026 — Item 3: 07700 900103: Vodafone agreed in writing with the Applicant "
        "to comply by noon on Tuesday 15 December 2026, earlier than the order's midnight at "
        "the end of Thursday 17 December 2026 (regulation 3(6))."
    ) in note
    assert "Earlier times agreed with a Respondent" not in note  # dated, not listed apart
    order = section_text(demo_store, reference, "Order (as made)", prepared_on=NOTED)
    assert "15 December" not in order  # the order is the court's, as made


@pytest.mark.usefixtures("after_the_hearings")
def test_only_an_earlier_time_agreed_after_the_order_is_recorded(demo_store: Store) -> None:
    reference = _ordered(demo_store)
    number = "07700 900103"
    with pytest.raises(InputRejected, match=r"may agree only an earlier one \(regulation 3\(6\)\)"):
        record_earlier_time(demo_store, reference, number, datetime(2026, 12, 18, 9), HEARD)
    with pytest.raises(InputRejected, match="cannot have been agreed on 9 December 2026"):
        record_earlier_time(
            demo_store, reference, number, datetime(2026, 12, 15, 9), date(2026, 12, 9)
        )
    with pytest.raises(InputRejected, match="is in the future"):
        record_earlier_time(demo_store, reference, number, datetime(2026, 12, 15, 9), date.max)
    with pytest.raises(RecordNotFound, match="no order on 07700 900104"):
        record_earlier_time(demo_store, reference, "07700 900104", datetime(2026, 12, 15), HEARD)
    # a second agreement, earlier still, is measured against the order's own time
    record_earlier_time(demo_store, reference, number, datetime(2026, 12, 16, 9), HEARD)
    record_earlier_time(demo_store, reference, number, datetime(2026, 12, 14, 9), HEARD)
    [item] = [i for i in load_case_file(demo_store, reference).items if i.e164.endswith("103")]
    assert item.order_deadline == datetime(2026, 12, 17, 23, 59)
    assert Outcome(item.outcome) is Outcome.MADE
