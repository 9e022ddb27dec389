"""The life of a deal-line number and the moves between its stages.

The main path runs identified → gathering evidence → ready for application → in application →
order made → disconnected. Refused and withdrawn are side exits; "order ceased to apply" is the
exit of a number an order was made on and that the applicant then found was not used for drug
dealing (regulation 3(3)), reached only by recording that carve-out; re-emerged marks a number
seen in use again after it was cut off. A step back along the main path is allowed so that a
mistaken change can be put right; every change is recorded with who, when and a note.
"""

from __future__ import annotations

from enum import StrEnum

from raptor_desktop.core.errors import InputRejected


class Status(StrEnum):
    IDENTIFIED = "identified"
    GATHERING_EVIDENCE = "gathering evidence"
    READY = "ready for application"
    IN_APPLICATION = "in application"
    ORDER_MADE = "order made"
    DISCONNECTED = "disconnected"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    ORDER_CEASED = "order ceased to apply"
    RE_EMERGED = "re-emerged"

    @property
    def label(self) -> str:
        return self.value.capitalize()


MAIN_PATH = [
    Status.IDENTIFIED,
    Status.GATHERING_EVIDENCE,
    Status.READY,
    Status.IN_APPLICATION,
    Status.ORDER_MADE,
    Status.DISCONNECTED,
]

STARTING = (Status.IDENTIFIED, Status.GATHERING_EVIDENCE)
"""The statuses a number may be added with; later ones are reached by moves."""


def check_start(status: Status) -> None:
    """Refuse a new number that would start beyond gathering evidence."""
    if status not in STARTING:
        raise StatusChangeRefused(
            f"a new number starts as identified or gathering evidence, not {status.value}"
        )


_SIDE_MOVES: dict[Status, set[Status]] = {
    Status.IDENTIFIED: {Status.WITHDRAWN},
    Status.GATHERING_EVIDENCE: {Status.WITHDRAWN},
    Status.READY: {Status.WITHDRAWN},
    Status.IN_APPLICATION: {Status.REFUSED, Status.WITHDRAWN},
    Status.ORDER_MADE: {Status.WITHDRAWN},
    Status.DISCONNECTED: {Status.RE_EMERGED},
    Status.REFUSED: {Status.GATHERING_EVIDENCE, Status.READY, Status.WITHDRAWN},
    Status.WITHDRAWN: {Status.IDENTIFIED, Status.GATHERING_EVIDENCE},
    Status.ORDER_CEASED: {Status.IDENTIFIED, Status.GATHERING_EVIDENCE},
    Status.RE_EMERGED: {Status.GATHERING_EVIDENCE, Status.READY, Status.WITHDRAWN},
}


class StatusChangeRefused(InputRejected):
    """The move is not allowed from the current status; ``str()`` says what is."""


def parse_status(text: str) -> Status:
    """Read a status as typed: any case, dashes or underscores for spaces, a unique prefix."""
    wanted = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    for status in Status:
        if status.value.replace("-", " ") == wanted:
            return status
    matches = [s for s in Status if s.value.replace("-", " ").startswith(wanted)] if wanted else []
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(s.value for s in Status)
    raise InputRejected(f"unknown status {text!r}; use one of: {known}")


def allowed_next(current: Status) -> list[Status]:
    """Statuses a number may move to from ``current``, main path first."""
    moves: list[Status] = []
    if current in MAIN_PATH:
        index = MAIN_PATH.index(current)
        if index + 1 < len(MAIN_PATH):
            moves.append(MAIN_PATH[index + 1])
        if index > 0:
            moves.append(MAIN_PATH[index - 1])
    moves.extend(sorted(_SIDE_MOVES[current] - set(moves), key=list(Status).index))
    return moves


def check_move(current: Status, new: Status) -> None:
    """Raise :class:`StatusChangeRefused` unless ``current`` → ``new`` is allowed."""
    if new == current:
        raise StatusChangeRefused(f"the number is already {current.value}")
    allowed = allowed_next(current)
    if new not in allowed:
        options = ", ".join(s.value for s in allowed)
        raise StatusChangeRefused(
            f"cannot move from {current.value} to {new.value}; from {current.value} a number "
            f"can move to: {options}"
        )
