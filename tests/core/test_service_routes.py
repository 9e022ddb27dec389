"""Where a letter to a provider may go, by each way of sending it (PD 6A 2.1, 4.1)."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.deemed_service import Sending, SendingMethod
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.service_routes import ServiceRoutes, checked_email, checked_fax

ADDRESS = "Law Enforcement Liaison Team, Vodafone, Newbury"
FRIDAY = date(2026, 12, 11)


def test_by_post_by_hand_or_in_person_a_letter_goes_to_the_address() -> None:
    routes = ServiceRoutes("Vodafone", address=ADDRESS)
    for method in (SendingMethod.POST, SendingMethod.HAND, SendingMethod.PERSONAL):
        assert routes.destination(method) == ADDRESS
    with pytest.raises(InputRejected, match="no address for service is recorded for EE"):
        ServiceRoutes("EE").destination(SendingMethod.POST)
    # a company is served personally by leaving it with a senior person, wherever (CPR 6.5)
    assert ServiceRoutes("EE").destination(SendingMethod.PERSONAL) == ""


def test_by_document_exchange_only_to_a_dx_box_it_gave() -> None:
    with pytest.raises(InputRejected, match=r"no DX box is recorded for Vodafone.*PD 6A para 2\.1"):
        ServiceRoutes("Vodafone", address=ADDRESS).destination(SendingMethod.DOCUMENT_EXCHANGE)
    routes = ServiceRoutes("Vodafone", address=ADDRESS, dx="DX 12345 Newbury")
    assert routes.destination(SendingMethod.DOCUMENT_EXCHANGE) == "DX 12345 Newbury"


@pytest.mark.parametrize(
    ("method", "field", "value"),
    [
        (SendingMethod.EMAIL, "email", "orders@vodafone.example"),
        (SendingMethod.FAX, "fax", "01635 000000"),
    ],
)
def test_by_email_or_fax_only_once_it_agreed_in_writing_and_gave_where(
    method: SendingMethod, field: str, value: str
) -> None:
    given = ServiceRoutes("Vodafone", address=ADDRESS, **{field: value})
    with pytest.raises(InputRejected, match=r"said in writing.*\(PD 6A para 4\.1\)") as refused:
        given.destination(method)  # the address or number, but no written agreement to it
    assert f"--{method.value}-agreed" in refused.value.hint
    agreed = {f"{field}_agreed": "letter of 1 March 2026"}
    with pytest.raises(InputRejected, match="said in writing"):
        ServiceRoutes("Vodafone", address=ADDRESS, **agreed).destination(method)  # where to?
    both = ServiceRoutes("Vodafone", address=ADDRESS, **{field: value}, **agreed)
    assert both.destination(method) == value
    assert both.agreement(method) == "letter of 1 March 2026"


def test_an_agreement_to_email_is_none_to_fax() -> None:
    """One agreement had stood for both: a fax went under a letter agreeing to email only."""
    routes = ServiceRoutes(
        "EE",
        address=ADDRESS,
        email="orders@ee.example",
        email_agreed="EE's letter",
        fax="01707 000000",
    )
    assert routes.destination(SendingMethod.EMAIL) == "orders@ee.example"
    with pytest.raises(InputRejected, match="accepts service by fax"):
        routes.destination(SendingMethod.FAX)
    assert routes.agreement(SendingMethod.POST) == ""


def test_a_letter_sent_elsewhere_than_its_address_says_where() -> None:
    assert Sending(FRIDAY).how == ""  # how it went not recorded
    email = Sending(FRIDAY, SendingMethod.EMAIL, to="orders@vodafone.example")
    assert email.how == "By email to orders@vodafone.example"
    posted = Sending(FRIDAY, SendingMethod.POST, to=ADDRESS)
    assert posted.how == "By first class post"  # the address is on the letter already


def test_an_email_address_or_fax_number_for_service_is_checked() -> None:
    assert checked_email("  orders@vodafone.example ") == "orders@vodafone.example"
    assert checked_email("") == ""
    for bad in ("orders at vodafone", "orders@vodafone", "a b@c.example", "a@@b.example"):
        with pytest.raises(InputRejected, match="is not an email address"):
            checked_email(bad)
    assert checked_fax(" 01635  000000 ") == "01635 000000"
    assert checked_fax("+44 (0)1635 000000") == "+44 (0)1635 000000"
    for bad in ("fax me", "0163"):
        with pytest.raises(InputRejected, match="is not a fax number"):
            checked_fax(bad)
