"""Support texts to contacts of deal lines: who may be texted, and what a batch must say.

A batch is drafted by an officer, approved by a supervisor, and handed to the SMS gateway,
which is a disclosure. A contact is left out when it opted out (a STOP reply), is on the
do-not-contact list, or was texted within the recontact period (*policy*, a setting, default
90 days). The check is made when the batch is drafted and again when it is handed over, so a
STOP reply that arrives in between is honoured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from raptor_desktop.core.sms import count_message

MAX_PARTS = 3  # beyond this a support text is a letter, not a text


class BatchStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    HANDED_OVER = "handed over"


class RecipientStatus(StrEnum):
    INCLUDED = "included"
    SENT = "handed to gateway"
    LEFT_OUT = "left out at hand-over"
    FAILED = "not delivered"


@dataclass(frozen=True)
class ContactState:
    """What decides whether a contact may be texted today."""

    opted_out_on: date | None
    do_not_contact: bool
    last_texted: date | None


def exclusion(state: ContactState, today: date, recontact_days: int) -> str:
    """Why the contact must not be texted now, or '' when it may be."""
    if state.opted_out_on is not None:
        return "opted out"
    if state.do_not_contact:
        return "do not contact"
    if state.last_texted is not None and today - state.last_texted < timedelta(recontact_days):
        return f"texted within {recontact_days} days"
    return ""


def message_problems(text: str) -> list[str]:
    """What stops a support text being used; empty when it may go."""
    problems = []
    if not text.strip():
        problems.append("the message is empty")
    parts = count_message(text).parts
    if parts > MAX_PARTS:
        problems.append(f"the message takes {parts} texts; keep it to {MAX_PARTS} at most")
    if "STOP" not in text.upper():
        problems.append("the message must say how to opt out (reply STOP)")
    placeholders = re.findall(r"\[[^\]]{1,30}\]", text)
    if placeholders:
        problems.append(f"fill in {', '.join(placeholders)} before the message goes out")
    return problems
