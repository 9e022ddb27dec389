"""The claim form's fee box carries the court fee and the fee account, from the settings;
a pack without the fee is a draft.

The fee box had been printed blank ("£" and nothing), on a claim form the court cannot issue
without its fee.
"""

from __future__ import annotations

import pytest

from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.settings import (
    COURT_FEE,
    FEE_ACCOUNT,
    UNIT_NAME,
    get_text,
    set_value,
    set_values,
)
from tests.app_fixtures import make_application
from tests.documents.test_court_documents import section_text


def test_the_fee_box_says_the_fee_and_the_account(demo_store: Store) -> None:
    reference = make_application(demo_store)
    set_values(demo_store, {COURT_FEE: "1332", FEE_ACCOUNT: "PBA0012345"})
    claim = section_text(demo_store, reference, "Claim form")
    assert "Court fee £1,332.00" in claim
    assert "Fee account number PBA0012345" in claim
    set_value(demo_store, FEE_ACCOUNT, "")  # the force pays another way
    claim = section_text(demo_store, reference, "Claim form")
    assert "Fee account number none: the fee is paid by other means" in claim


def test_a_pack_without_the_court_fee_is_a_draft(demo_store: Store) -> None:
    reference = make_application(demo_store)
    assert case_gaps(load_case_file(demo_store, reference, check_files=False)) == []
    set_value(demo_store, COURT_FEE, "")
    [gap] = case_gaps(load_case_file(demo_store, reference, check_files=False))
    assert "the court fee for issuing the claim is not recorded" in str(gap)
    assert "raptor settings court_fee AMOUNT" in str(gap)


def test_a_fee_that_is_not_an_amount_is_refused_and_nothing_else_changes(
    demo_store: Store,
) -> None:
    unit = get_text(demo_store, UNIT_NAME)
    with pytest.raises(InputRejected, match="'£332' is not an amount in pounds"):
        set_values(demo_store, {UNIT_NAME: "Essex Police — Op Raptor 2", COURT_FEE: "£332"})
    assert get_text(demo_store, UNIT_NAME) == unit  # one change: all of it, or none
    with pytest.raises(InputRejected, match="Unit: cannot be empty"):
        set_value(demo_store, UNIT_NAME, " ")
