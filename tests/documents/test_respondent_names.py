"""A provider is a party by its legal name: the company a claim and an order can bind.

"Three" is a brand; the claim is brought against the company behind it. The networks list
holds each network's legal name, the unit fills it in, and a pack without it is a draft.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.documents.pack import hearing_pack
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.settings import network_legal_names, set_network_legal_name
from tests.app_fixtures import make_application
from tests.pdf_text import running_text


def _texts(store: Store, reference: str) -> dict[str, str]:
    [bundle] = hearing_pack(load_case_file(store, reference, check_files=False), max_pages=300)
    reader = PdfReader(io.BytesIO(bundle.pdf))
    return {
        entry.title: running_text(reader, range(entry.first_page - 1, entry.last_page))
        for entry in bundle.entries
    }


def test_the_claim_the_order_and_the_letter_name_the_company(demo_store: Store) -> None:
    reference = make_application(demo_store)
    set_network_legal_name(demo_store, "Three", "Hutchison 3G UK Limited")
    texts = _texts(demo_store, reference)
    assert (
        "Defendant (Respondent 2): Hutchison 3G UK Limited (trading as Three), the "
        "communications provider" in texts["Claim form (CPR Part 8)"]
    )
    assert "Respondent 2: Hutchison 3G UK Limited (trading as Three)" in texts["Draft order"]
    assert (
        "To: Hutchison 3G UK Limited (trading as Three) (Respondent 2)" in texts["Letter to Three"]
    )


def test_a_legal_name_that_names_the_brand_does_not_repeat_it(demo_store: Store) -> None:
    reference = make_application(demo_store)
    set_network_legal_name(demo_store, "Vodafone", "VODAFONE  LIMITED")
    order = _texts(demo_store, reference)["Draft order"]
    assert "Respondent 3: VODAFONE LIMITED Address" in order  # its spaces tidied
    assert "trading as Vodafone" not in order
    set_network_legal_name(demo_store, "Vodafone", "vodafone")
    order = _texts(demo_store, reference)["Draft order"]
    assert "Respondent 3: vodafone Address" in order and "trading as Vodafone" not in order


def test_a_provider_without_a_legal_name_is_a_gap_and_the_pages_say_so(
    demo_store: Store,
) -> None:
    reference = make_application(demo_store)
    set_network_legal_name(demo_store, "Vodafone", "")
    [gap] = case_gaps(load_case_file(demo_store, reference, check_files=False))
    assert gap.what.startswith("the provider Vodafone has no legal name recorded")
    assert 'raptor networks --legal-name "Vodafone"' in gap.where
    case = load_case_file(demo_store, reference, check_files=False)
    [bundle] = hearing_pack(case)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(bundle.pdf)).pages)
    assert "Vodafone [legal name not recorded]" in " ".join(text.split())


def test_a_legal_name_goes_only_to_a_network_on_the_list(demo_store: Store) -> None:
    with pytest.raises(RecordNotFound, match="no network called 'Vodaphone'"):
        set_network_legal_name(demo_store, "Vodaphone", "Vodafone Limited")
    assert network_legal_names(demo_store)["Vodafone"] == "Vodafone (Training) Limited"
    logged = demo_store.db.execute(
        "SELECT event, records FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert logged != ("change networks", "Vodaphone: legal name")
