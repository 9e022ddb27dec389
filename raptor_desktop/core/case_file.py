"""Everything the court documents need about one application, as plain data.

The store assembles a :class:`CaseFile`; the documents package turns it into PDFs without
touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from raptor_desktop.core.applications import ApplicationStatus, Officer
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.deemed_service import (
    ACKNOWLEDGE_DAYS,
    Sending,
    claim_form_deemed_served,
    days_after,
)
from raptor_desktop.core.orders import Duration
from raptor_desktop.core.wording import and_list
from raptor_desktop.core.working_days import BankHolidays

UNCONFIRMED = "provider to be confirmed"


def provider_order(name: str) -> tuple[str, str]:
    """Providers in name order as a reader sorts them: "giffgaff" among the Gs, not after
    "Vodafone" as capitals-first sorting would put it."""
    return name.casefold(), name


@dataclass(frozen=True)
class CaseItem:
    """One number in the application, with the devices and provider that go with it."""

    e164: str
    display: str
    brand: str
    areas: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()
    imei: tuple[str, ...] = ()
    imsi: tuple[str, ...] = ()
    iccid: tuple[str, ...] = ()
    range_holder: str = ""
    provider: str = ""
    host: str = ""
    grounds: str = ""
    outcome: str | None = None
    decided_on: date | None = None  # the hearing that decided it: the order's date, if made
    crown_dependency: str | None = None
    order_date: date | None = None  # an order made on the item: its date, length, deadline
    order_duration: Duration | None = None
    order_deadline: datetime | None = None  # the time the order itself sets
    agreed_deadline: datetime | None = None  # an earlier time agreed with the provider (3(6))
    agreed_on: date | None = None  # the day it was agreed (unknown for ones recorded before)
    judge: str = ""  # who made the order on it, as the sealed order names them
    status: str = ""  # the number's status in the register now ("ready", "identified"…)
    line_id: int = 0  # the line's own key: lines with no name are not one line
    carved_out_on: date | None = None  # the day the order ceased to apply to it (reg 3(3))
    carve_out_notice: Sending | None = None  # the written notice that ended it, as it went
    own_grounds: bool = False  # the grounds are the officer's words, not drafted from evidence
    confirmed_on: date | None = None  # the day the provider confirmed it had complied

    @property
    def provider_name(self) -> str:
        """The provider the order is served on: the one confirmed, else the range holder."""
        holder = "" if self.range_holder.startswith("none") else self.range_holder
        return self.provider or holder or UNCONFIRMED

    @property
    def serve_on(self) -> str:
        """The provider the order is served on, an MVNO's host network named beside it."""
        provider = self.provider_name
        return f"{provider} (host network {self.host})" if self.host else provider

    @property
    def live(self) -> bool:
        """Still sought or ordered: not refused, withdrawn or carved out."""
        return self.outcome not in ("refused", "withdrawn", "carved out")

    @property
    def ordered(self) -> bool:
        """The court made the order on it (a later carve-out does not undo that)."""
        return self.outcome in ("made", "carved out")


@dataclass(frozen=True)
class CaseExhibit:
    mark: str
    description: str
    exhibit_date: date | None = None
    file_name: str = ""
    file: bytes | None = None  # the attached file's content, checked against its SHA-256
    sha256: str = ""
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseEvidence:
    brand: str
    kind: str
    occurred_on: date | None
    details: str
    location: str = ""
    reference: str = ""
    line_id: int = 0  # the line's own key: lines with no name are not one line
    recorded_on: date | None = None  # the day it went into the register

    @property
    def known_on(self) -> date | None:
        """The day the record could first be read: the day of what it records, or, undated,
        the day it was recorded (a statement cites only what was known when it was signed)."""
        return self.occurred_on or self.recorded_on


@dataclass
class CaseFile:
    reference: str
    operation: str
    court: str
    hearing_date: date | None
    hearing_time: str
    claim_number: str
    applicant: Officer
    authoriser: Officer
    authorised_on: date | None
    statement_number: int
    status: ApplicationStatus
    items: list[CaseItem] = field(default_factory=list)
    exhibits: list[CaseExhibit] = field(default_factory=list)
    evidence: list[CaseEvidence] = field(default_factory=list)
    training: bool = False
    marking: str = "OFFICIAL-SENSITIVE"
    unit: str = ""
    court_fee: str = ""  # the fee for issuing the claim, in pounds (a setting)
    fee_account: str = ""  # the force's fee account number, if it pays by account
    prepared_on: date = field(default_factory=date.today)
    requested: Duration = Duration()
    statement_date: date | None = None
    with_notice: bool = False
    addresses: dict[str, str] = field(default_factory=dict)
    """Each provider's address for service, by name (from the networks list)."""
    legal_names: dict[str, str] = field(default_factory=dict)
    address_kinds: dict[str, str] = field(default_factory=dict)  # AddressKind values, or ''
    """The company behind each provider, by name (from the networks list), as the claim and
    the order name the party: "Hutchison 3G UK Limited", trading as "Three"."""
    letters_sent: dict[str, Sending] = field(default_factory=dict)
    """The first letter to each provider: the notice of the application (with notice), or
    the covering letter the order is served with (without)."""
    order_letters_sent: dict[str, Sending] = field(default_factory=dict)
    """With notice, the letter serving the order on each provider, sent after it."""
    draft_deadline: datetime | None = None
    """The compliance time if the order is made at the hearing (reg 3(5)), for the draft."""
    calendar: BankHolidays = field(default_factory=BankHolidays)
    """The bank holidays the unit keeps, by which the court's sitting days are known."""
    draft: bool = False
    reprint_of: str = ""  # a whole pack after its bundle was served: that bundle's file name
    """Gaps remain (see ``core.case_gaps``): every page is marked DRAFT, not for service."""

    def exhibited(self) -> list[CaseExhibit]:
        """The exhibits the witness statement produces: those dated on or before the day it
        was signed. One dated later was not in the statement, and belongs in a further one."""
        signed = self.statement_date
        return [
            e
            for e in self.exhibits
            if signed is None or e.exhibit_date is None or e.exhibit_date <= signed
        ]

    def decision_dates(self) -> list[date]:
        """The dates of the hearings that decided items, oldest first: one order for each."""
        return sorted({i.decided_on for i in self.items if i.outcome and i.decided_on})

    def ceased_on(self, item: CaseItem) -> date | None:
        """The day the order ceased (or will cease) to apply to a carved-out item: the day
        its written notice is deemed given, as CPR 6.26 fixes for a document served in the
        claim, by whatever method it went; a carve-out recorded with its day alone, that day."""
        notice = item.carve_out_notice
        if item.carved_out_on is None or notice is None:
            return item.carved_out_on
        return notice.deemed_served(self.calendar) or notice.on

    def acknowledge_by(self, provider: str) -> tuple[date, date] | None:
        """With notice: the day the claim form sent with the notice to ``provider`` is
        deemed served (CPR 6.14), and the last day for it to file and serve an acknowledgment
        of service (14 days after, CPR 8.3, 2.8(5)); None until the notice is recorded with
        the way it went."""
        sent = self.letters_sent.get(provider) if self.with_notice else None
        if sent is None or sent.method is None:
            return None
        served = claim_form_deemed_served(sent.on, self.calendar)
        return served, days_after(served, ACKNOWLEDGE_DAYS, self.calendar)

    def claim_form_served(self, provider: str) -> date | None:
        """The day the claim form is deemed served on ``provider`` (CPR 6.14): by the notice,
        with notice, else by the letter serving the order; None until the letter carrying it
        is recorded with the way it went."""
        letter = self.letters_sent.get(provider) if self.with_notice else None
        letter = letter or self.serving_letter(provider)
        if letter is None or letter.method is None:
            return None
        return claim_form_deemed_served(letter.on, self.calendar)

    def serving_letter(self, provider: str) -> Sending | None:
        """The letter serving the order on ``provider`` (by its name), as it went, or None.

        With notice, the letter sent after the order; without, the covering letter, if it was
        sent on or after the day of the order (one sent before it served no order).
        """
        sent = (self.order_letters_sent if self.with_notice else self.letters_sent).get(provider)
        made = [i.order_date for i in self.items if i.ordered and i.provider_name == provider]
        first = min((d for d in made if d), default=None)
        return sent if sent and first and sent.on >= first else None

    def judge_on(self, day: date) -> str:
        """The judge who made the order of ``day`` (empty when not recorded)."""
        named = sorted({i.judge for i in self.items if i.ordered and i.order_date == day} - {""})
        return " and ".join(named)

    def party(self, provider: str) -> str:
        """A provider as a party to the claim: the company, and the name it trades under."""
        legal = self.legal_names.get(provider, "").strip()
        if not legal:
            return f"{provider} [legal name not recorded]"
        if legal.casefold().startswith(provider.casefold()):  # "EE Limited" is plainly EE
            return legal
        return f"{legal} (trading as {provider})"

    def parties(self) -> list[str]:
        """The providers the claim names as respondents, in name order: every item's, refused
        or withdrawn or not, so that each keeps the number the claim gave it in every document
        of the claim (an order made later on some items still calls Three "Respondent 2")."""
        return sorted({i.provider_name for i in self.items}, key=provider_order)

    def respondent(self, provider: str) -> str:
        """How every document of the claim names ``provider`` as a party: "Respondent 2", or
        "the Respondent" when it is the only one (parties are numbered only when there are
        several)."""
        parties = self.parties()
        return (
            "the Respondent" if len(parties) == 1 else f"Respondent {parties.index(provider) + 1}"
        )

    def respondents(self) -> list[str]:
        """The providers the order would be served on, in name order (unknown ones left out)."""
        return sorted(
            {i.provider_name for i in self.items if i.live} - {UNCONFIRMED}, key=provider_order
        )

    @property
    def hearing_text(self) -> str:
        if not self.hearing_date:
            return "hearing date to be fixed"
        at = f" at {self.hearing_time}" if self.hearing_time else ""
        return f"{full_date(self.hearing_date)}{at}"

    @property
    def claim_text(self) -> str:
        return self.claim_number or "to be allocated"

    def numbered_items(self) -> list[tuple[int, CaseItem]]:
        """Every item with its one number, as the schedule of relevant items numbers it."""
        ordered = [item for items in self.providers().values() for item in items]
        return list(enumerate(ordered, start=1))

    def providers(self) -> dict[str, list[CaseItem]]:
        """Items grouped by the provider the order is served on, in name order."""
        grouped: dict[str, list[CaseItem]] = {}
        for item in self.items:
            grouped.setdefault(item.serve_on, []).append(item)
        return dict(sorted(grouped.items(), key=lambda pair: provider_order(pair[0])))


def grounds_from_evidence(brand: str, areas: list[str], evidence: list[CaseEvidence]) -> str:
    """A first draft of the grounds for one line, from the evidence recorded against it."""
    where = f" serving {and_list(areas)}" if areas else ""
    name = f"the deal line branded “{brand}”" if brand else "a deal line whose name is not known"
    parts = [f"The number is used by {name}{where}."]
    for item in evidence:
        when = f" on {full_date(item.occurred_on)}" if item.occurred_on else ""
        place = f" at {item.location}" if item.location else ""
        ref = f" (ref. {item.reference})" if item.reference else ""
        parts.append(f"{item.kind.capitalize()}{when}{place}: {item.details}{ref}.")
    return " ".join(parts)
