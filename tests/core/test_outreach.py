from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.outreach import ContactState, exclusion, message_problems

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        (ContactState(None, False, None), ""),
        (ContactState(date(2026, 1, 1), False, None), "opted out"),
        (ContactState(None, True, None), "do not contact"),
        (ContactState(None, False, date(2026, 9, 1)), "texted within 90 days"),
        (ContactState(None, False, date(2026, 8, 31)), ""),  # 90 days ago: may go again
    ],
)
def test_who_may_be_texted(state: ContactState, reason: str) -> None:
    assert exclusion(state, TODAY, 90) == reason


def test_message_problems() -> None:
    assert message_problems("Help is here. Reply STOP to opt out.") == []
    assert message_problems("  ") == [
        "the message is empty",
        "the message must say how to opt out (reply STOP)",
    ]
    assert message_problems("x" * 480 + " stop") == [
        "the message takes 4 texts; keep it to 3 at most"
    ]
    assert message_problems("Call Open Road on [phone] or [link]. Reply STOP.") == [
        "fill in [phone], [link] before the message goes out"
    ]
