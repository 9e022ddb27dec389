"""DDTRO applications: who applies, who authorises, what may be submitted, and outcomes.

SI 2017/1240: the applicant must be a police officer of the rank of superintendent or above (or
the NCA Director General or a Deputy). Officers below that rank prepare the case; the
application goes in under the authority of a superintendent, whose rank and date are recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.statuses import Status

AUTHORISING_RANKS = (
    "Superintendent",
    "Detective Superintendent",
    "Chief Superintendent",
    "Detective Chief Superintendent",
    "Commander",
    "Assistant Chief Constable",
    "Deputy Assistant Commissioner",
    "Deputy Chief Constable",
    "Assistant Commissioner",
    "Chief Constable",
    "Deputy Commissioner",
    "Commissioner",
    "NCA Deputy Director General",
    "NCA Director General",
)
OTHER_RANKS = (
    "Police Constable",
    "Detective Constable",
    "Sergeant",
    "Detective Sergeant",
    "Inspector",
    "Detective Inspector",
    "Chief Inspector",
    "Detective Chief Inspector",
    "Police Staff",
)

RANK_PREFIXES = {
    "pc": "Police Constable",
    "dc": "Detective Constable",
    "ps": "Sergeant",
    "sgt": "Sergeant",
    "ds": "Detective Sergeant",
    "insp": "Inspector",
    "di": "Detective Inspector",
    "ci": "Chief Inspector",
    "ch insp": "Chief Inspector",
    "dci": "Detective Chief Inspector",
    "supt": "Superintendent",
    "det supt": "Detective Superintendent",
    "dsu": "Detective Superintendent",
    "ch supt": "Chief Superintendent",
    "det ch supt": "Detective Chief Superintendent",
    "acc": "Assistant Chief Constable",
    "dcc": "Deputy Chief Constable",
    **{rank.lower(): rank for rank in (*AUTHORISING_RANKS, *OTHER_RANKS)},
}
"""A rank as officers prefix their names with it ("DC Rachel Carter", "Det Supt Hale")."""
NAME_LIKE_ABBREVIATIONS = frozenset({"pc", "dc", "ps", "ds", "di", "ci", "acc", "dcc"})

COURTS = (
    "County Court at Clerkenwell and Shoreditch",
    "County Court at Chelmsford",
    "County Court at Southend",
    "County Court at Basildon",
    "County Court at Colchester",
    "County Court at Central London",
    "County Court at Romford",
    "County Court at Cambridge",
)
DEFAULT_COURT = COURTS[0]
DEFAULT_FORCE = "Essex Police"
DEFAULT_APPLICANT_RANK = "Detective Constable"
"""The unit's defaults for a new application (Essex Police's Operation Raptor)."""


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    HEARD = "heard"


class Outcome(StrEnum):
    MADE = "made"
    REFUSED = "refused"
    ADJOURNED = "adjourned"
    WITHDRAWN = "withdrawn"
    CARVED_OUT = "carved out"


def next_step(outcome: Outcome, reference: str) -> str:
    """What the officer does next once ``outcome`` is recorded, when it is not plain: an
    adjourned item waits for a hearing the application does not yet give."""
    if outcome is Outcome.ADJOURNED:
        return (
            "when the court gives the date the adjourned hearing is listed for, record it as "
            "the application's hearing (its Details tab, or raptor edit-application "
            f'{reference} --hearing DATE --amendment "adjourned by the court")'
        )
    return ""


OUTCOME_STATUS = {
    Outcome.MADE: Status.ORDER_MADE,
    Outcome.REFUSED: Status.REFUSED,
    Outcome.ADJOURNED: Status.IN_APPLICATION,
    Outcome.WITHDRAWN: Status.WITHDRAWN,
    Outcome.CARVED_OUT: Status.ORDER_CEASED,
}
"""The status a number moves to when the court's outcome for it is recorded."""


def officers(options: str) -> str:
    """Where the officer in the case and the authority are filled in: the window's Officers
    tab, or the command line's ``options`` (REFERENCE stands for the application's)."""
    return (
        "the application's Officers tab in the window (or raptor edit-application REFERENCE "
        f"{options})"
    )


AUTHORITY_DATE = officers("--authorised-on DATE")

NO_NUMBERS = "the application names no numbers"
NOT_READY = (
    "move each number on a step at a time, identified → gathering evidence → ready for "
    "application (Line → Change status, or raptor set-status NUMBER STATUS), or take it out "
    "(Remove number, or raptor remove-number REFERENCE NUMBER)"
)
ADD_NUMBERS = "add numbers to it (Add numbers…, or raptor add-numbers REFERENCE NUMBER...)"


@dataclass(frozen=True)
class Gap:
    """Something missing from an application, and where the officer fills it in."""

    what: str
    where: str

    def about(self, reference: str) -> Gap:
        """The gap of application ``reference``: its command line names the reference."""
        return Gap(self.what, self.where.replace("REFERENCE", reference))

    def __str__(self) -> str:
        return f"{self.what} — {self.where}"


class SubmissionRefused(InputRejected):
    """The application cannot be marked submitted yet; ``str()`` says why, in one line, and
    ``problems`` holds each reason and where to put it right, for a window that lists them."""

    def __init__(self, reference: str, problems: list[Gap]) -> None:
        super().__init__(f"{reference} cannot be submitted: " + "; ".join(p.what for p in problems))
        self.reference = reference
        self.problems = tuple(problems)

    def full_message(self) -> str:
        """Each reason on a line of its own, with where to put it right (on one line, seven
        reasons and their remedies ran to 600 characters)."""
        listed = "".join(f"\n  - {p.what}\n    where: {p.where}" for p in self.problems)
        return f"{self.reference} cannot be submitted:{listed}"


@dataclass(frozen=True)
class Officer:
    name: str = ""
    rank: str = ""
    collar: str = ""
    force: str = DEFAULT_FORCE
    work_address: str = ""

    @property
    def initials(self) -> str:
        """Initials for exhibit marks: "Rachel Carter" → "RC"."""
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalpha()]
        return "".join(w[0].upper() for w in words) or "XX"

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name.split() else ""

    def tidied(self) -> Officer:
        """A rank typed in front of the name moves to the rank (when none was chosen).

        "DC Rachel Carter" would otherwise print as "Detective Constable DC Rachel Carter"
        and give the exhibit marks the initials "DRC".
        """
        rank, name = split_rank(self.name)
        chosen = full_rank(self.rank)
        if not rank:
            return replace(self, rank=chosen) if chosen != self.rank else self
        return replace(self, name=name, rank=chosen or rank)

    def described(self) -> str:
        parts = [p for p in (self.rank, self.name) if p]
        collar = f" ({self.collar})" if self.collar else ""
        return " ".join(parts) + collar


def full_rank(rank: str) -> str:
    """A rank as the documents print it: "Supt" or "Det. Supt" written out in full; a rank
    not known is kept as typed."""
    typed = re.sub(r"[ .]+", " ", rank).strip().lower()  # a line break stays, to be refused
    return RANK_PREFIXES.get(typed, rank.strip())


def split_rank(name: str) -> tuple[str, str]:
    """("Detective Constable", "Rachel Carter") from "DC Rachel Carter"; ("", name) if none.

    Abbreviations that could be a first name count only in capitals, so that "Di Smith"
    keeps her name while "DI Smith" is a detective inspector.
    """
    words = name.split()
    for length in range(min(4, len(words) - 1), 0, -1):  # longest first; a name must remain
        typed = " ".join(words[:length]).replace(".", "")
        prefix = typed.lower()
        if prefix not in RANK_PREFIXES:
            continue
        if prefix in NAME_LIKE_ABBREVIATIONS and not typed.isupper():
            continue
        return RANK_PREFIXES[prefix], " ".join(words[length:])
    return "", name


def parse_outcome(text: str) -> Outcome:
    wanted = text.strip().lower().replace("-", " ").replace("_", " ")
    for outcome in Outcome:
        if outcome.value == wanted:
            return outcome
    known = ", ".join(o.value for o in Outcome)
    raise InputRejected(f"unknown outcome {text!r}; use one of: {known}")


def can_authorise(rank: str) -> bool:
    return rank.strip().casefold() in {r.casefold() for r in AUTHORISING_RANKS}


def authority_gaps(authoriser: Officer, authorised_on: date | None) -> list[Gap]:
    """What is missing or wrong in the superintendent's authority (s80A(5)(b) of the Serious
    Crime Act 2015), and where each is put right: the submission and the pack's gaps both."""
    gaps = []
    must = (
        "the application must be authorised by a superintendent or above (or the NCA "
        "Director General or a Deputy)"
    )
    rank = officers('--authoriser-rank "Superintendent"')
    if not authoriser.name.strip():
        gaps.append(
            Gap(
                "no authorising officer is recorded",
                officers('--authoriser "NAME" --authoriser-rank RANK --authoriser-collar N'),
            )
        )
    elif not authoriser.rank.strip():
        gaps.append(Gap(f"the authorising officer's rank is not recorded: {must}", rank))
    elif not can_authorise(authoriser.rank):
        gaps.append(
            Gap(
                f"the authorising officer's rank ({authoriser.rank}) is below superintendent: "
                f"{must}",
                rank,
            )
        )
    if authoriser.name.strip() and not authoriser.collar.strip():
        gaps.append(
            Gap(
                "the authorising officer's collar number is not recorded (the authority "
                "names who gave it: name, rank and collar number)",
                officers("--authoriser-collar N"),
            )
        )
    if authorised_on is None:
        gaps.append(Gap("the date of the authority is not recorded", AUTHORITY_DATE))
    return gaps


def submission_problems(
    authoriser: Officer, authorised_on: date | None, number_statuses: dict[str, Status]
) -> list[Gap]:
    """Everything that stops an application being submitted, each with where it is put
    right; empty when it may go."""
    problems = authority_gaps(authoriser, authorised_on)
    if not number_statuses:
        problems.append(Gap(NO_NUMBERS, ADD_NUMBERS))
    not_ready = not_ready_gap(number_statuses)
    return problems + ([not_ready] if not_ready else [])


READY_FOR_APPLICATION = frozenset(
    {Status.READY, Status.IN_APPLICATION, Status.ORDER_MADE, Status.DISCONNECTED}
)


def not_ready_gap(number_statuses: dict[str, Status]) -> Gap | None:
    """The numbers of a draft application not yet ready for it (by number shown), if any.

    A number under an order (made, or disconnected by it) is ready for the application that
    renews or extends the order.
    """
    not_ready = sorted(
        f"{n} ({s.value})" for n, s in number_statuses.items() if s not in READY_FOR_APPLICATION
    )
    if not not_ready:
        return None
    return Gap("these numbers are not ready for application: " + ", ".join(not_ready), NOT_READY)
