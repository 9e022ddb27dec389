"""The Operation Raptor training scenario: twelve deal lines across west Essex.

Every number is in Ofcom's drama range (07700 900000–900999), which is never allocated to a real
phone, and every identifier is from a test range. The story: county lines run into Thurrock,
Basildon, Brentwood, Harlow and Epping Forest, one of which ("Tony") was cut off and came back on
a new number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raptor_desktop.core.demo_accounts import (  # noqa: F401 (the scenario's accounts)
    DEMO_OFFICER_NAME,
    DEMO_PASSWORD,
    DEMO_SUPERVISOR,
    DEMO_USER,
)
from raptor_desktop.core.statuses import Status


@dataclass(frozen=True)
class DemoNumber:
    number: str
    days_ago_first_seen: int
    path: tuple[Status, ...] = ()
    last_seen_days_ago: int | None = None
    replaces: str | None = None
    devices: tuple[tuple[str, str], ...] = ()
    provider: str = ""


@dataclass(frozen=True)
class DemoEvidence:
    kind: str
    days_ago: int
    details: str
    location: str = ""
    price_pence: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class DemoLine:
    brand: str
    areas: tuple[str, ...]
    drugs: tuple[str, ...]
    numbers: tuple[DemoNumber, ...]
    takings_pence: int | None = None
    takings_source: str = ""
    intel_refs: str = ""
    notes: str = ""
    evidence: tuple[DemoEvidence, ...] = field(default_factory=tuple)


_S = Status
READY = (_S.GATHERING_EVIDENCE, _S.READY)
"""Numbers that go to court stop here; :data:`APPLICATIONS` takes them on."""

LINES: tuple[DemoLine, ...] = (
    DemoLine(
        "Tony",
        ("Thurrock", "Basildon"),
        ("crack cocaine", "heroin"),
        (
            DemoNumber(
                "07700 900101",
                420,
                READY,
                200,
                devices=(("IMEI", "001010000000016"), ("IMSI", "001010123456701")),
                provider="Vodafone",
            ),
            DemoNumber(
                "07700 900112",
                150,
                (_S.GATHERING_EVIDENCE,),
                3,
                replaces="07700 900101",
                provider="giffgaff",
            ),
        ),
        650_000,
        "Debrief of runner, intelligence log IL/2026/0412",
        "IL/2026/0412; IL/2026/0577",
        "Brand moved to a new number within a week of the order.",
        (
            DemoEvidence(
                "marketing text",
                160,
                "Bulk text: 'Tony back on new number, 2 for 1 all day'",
                "Grays",
            ),
            DemoEvidence(
                "test purchase", 260, "Three wraps of crack cocaine", "Grays", 3000, "TP/0301"
            ),
            DemoEvidence(
                "test purchase", 120, "Two wraps of crack cocaine", "Tilbury", 2000, "TP/0412"
            ),
        ),
    ),
    DemoLine(
        "K",
        ("Basildon",),
        ("cocaine",),
        (
            DemoNumber(
                "07700 900102",
                300,
                READY,
                10,
                devices=(("ICCID", "8944000000000000100"),),  # its last digit a Luhn check (E.118)
                provider="EE",
            ),
        ),
        500_000,
        "Analysis of seized handset download",
        notes="Order made; awaiting network confirmation of disconnection.",
        evidence=(
            DemoEvidence(
                "seized handset",
                240,
                "Handset seized on arrest; 2,140 buyer contacts",
                "Pitsea",
                reference="SH/0098",
            ),
        ),
    ),
    DemoLine(
        "Dee",
        ("Brentwood",),
        ("crack cocaine", "heroin"),
        (
            DemoNumber(
                "07700 900103", 95, (_S.GATHERING_EVIDENCE, _S.READY), 2, provider="Vodafone"
            ),
        ),
        300_000,
        "Test purchase officer estimate",
        evidence=(
            DemoEvidence(
                "test purchase", 40, "One wrap of heroin", "Brentwood High Street", 1000, "TP/0577"
            ),
        ),
    ),
    DemoLine(
        "Blade",
        ("Harlow", "Epping Forest"),
        ("cocaine", "cannabis"),
        (DemoNumber("07700 900104", 60, READY, 1, provider="Three"),),
        1_200_000,
        "Financial investigator, case review",
        evidence=(DemoEvidence("marketing text", 30, "'Blade open 24/7, free delivery Harlow'"),),
    ),
    DemoLine(
        "Milly",
        ("Thurrock",),
        ("crack cocaine",),
        (DemoNumber("07700 900105", 20, (), 1),),
        notes="Seen on a buyer's phone after a stop and search.",
    ),
    DemoLine(
        "Nitro",
        ("Basildon", "Thurrock"),
        ("ketamine", "MDMA"),
        (DemoNumber("07700 900106", 75, (_S.GATHERING_EVIDENCE,), 5),),
        intel_refs="IL/2026/0801",
    ),
    DemoLine(
        "Ace",
        ("Epping Forest",),
        ("cocaine",),
        (DemoNumber("07700 900107", 500, READY, 330, provider="O2"),),
        evidence=(
            DemoEvidence("marketing text", 400, "'Ace about, Epping and Loughton, text for menu'"),
        ),
        notes="Carved out of its order two months on: the number had been reassigned to "
        "someone unconnected with the line (regulation 3(3)).",
    ),
    DemoLine(
        "Sparks",
        ("Harlow",),
        ("crack cocaine", "heroin"),
        (DemoNumber("07700 900108", 700, READY, 600, provider="Vodafone"),),
        evidence=(
            DemoEvidence(
                "test purchase", 640, "One wrap of heroin", "Harlow bus station", 1000, "TP/0133"
            ),
        ),
        notes="Refused: evidence of use was more than a year old. Gather fresh test purchases.",
    ),
    DemoLine(
        "Jay",
        ("Brentwood", "Basildon"),
        ("cocaine", "crack cocaine"),
        (DemoNumber("07700 900109", 45, (_S.GATHERING_EVIDENCE,), 4),),
        800_000,
        "Informant, graded B2",
    ),
    DemoLine(
        "Benz",
        ("Thurrock",),
        ("heroin",),
        (DemoNumber("07700 900110", 380, READY, 230, provider="EE"),),
        evidence=(
            DemoEvidence(
                "test purchase", 300, "Two wraps of heroin", "Tilbury Riverside", 2000, "TP/0255"
            ),
        ),
        notes="Disconnected under order; no sign of the brand since.",
    ),
    DemoLine(
        "Lux",
        ("Harlow",),
        ("cannabis",),
        (DemoNumber("07700 900111", 12, (), 12),),
    ),
    DemoLine(
        "Zee",
        ("Epping Forest", "Brentwood"),
        ("cocaine", "ketamine"),
        (
            DemoNumber(
                "07700 900113", 33, (_S.GATHERING_EVIDENCE, _S.READY), 6, provider="Tesco Mobile"
            ),
        ),
        2_100_000,
        "Estimate quoted in NCA county lines assessment for a comparable line",
        evidence=(
            DemoEvidence("marketing text", 10, "'Zee on 24/7, Epping and Brentwood, text now'"),
        ),
    ),
)


@dataclass(frozen=True)
class DemoContact:
    """A number found in contact with a deal line; some on two lines, one opted out."""

    number: str
    line: str
    source: str
    days_ago: int
    opted_out_days_ago: int | None = None
    do_not_contact: str = ""


CONTACTS: tuple[DemoContact, ...] = (
    *(DemoContact(f"07700 900{n}", "07700 900101", "seized phone", 200) for n in range(501, 509)),
    DemoContact("07700 900509", "07700 900112", "marketing list", 20),
    DemoContact("07700 900501", "07700 900112", "marketing list", 20),
    DemoContact("07700 900502", "07700 900102", "call data", 45, opted_out_days_ago=30),
    DemoContact("07700 900510", "07700 900102", "call data", 45),
    DemoContact(
        "07700 900511", "07700 900106", "seized phone", 5, do_not_contact="safeguarding: a child"
    ),
    DemoContact("07700 900512", "07700 900113", "marketing list", 6),
)


@dataclass(frozen=True)
class DemoOutcome:
    """What the court decided on one number, and what followed."""

    number: str
    outcome: str  # a core.applications.Outcome value
    months: int | None = None  # the order's length; None: until discharged
    confirmed_days_after: int | None = None  # the provider confirmed the disconnection
    carved_out_days_after: int | None = None  # regulation 3(3)
    then: Status | None = None


@dataclass(frozen=True)
class DemoApplication:
    court: str
    hearing_days_from_today: int  # negative: heard already
    time: str
    numbers: tuple[str, ...]
    outcomes: tuple[DemoOutcome, ...] = ()
    claim_number: str = ""
    months_asked: int | None = 12  # the duration asked for; None: until discharged
    judge: str = ""  # who made the order, as the sealed order names them


def training_network(network: str) -> dict[str, str]:
    """A network's made-up details, for a training database only: its address for service,
    the company behind it (a live register's are the unit's to fill in, from Companies
    House), and an email address for service at a reserved domain (``.example``, RFC 2606)
    that it agreed to in writing."""
    return {
        "address": f"Law Enforcement Liaison Team, {network}, 1 Training Way, Exampleton EX1 1AA",
        "legal_name": f"{network} (Training) Limited",
        "service_email": f"orders@{''.join(network.split()).lower()}.example",
        "service_email_agreed": "its letter of 5 January 2026 (training): PDF attachments up "
        "to 10 MB",
        "address_kind": "given",  # the liaison team's, given in that letter
    }


TRAINING_FEE = "100.00"
"""A made-up court fee for a training database (the unit records the fee in force)."""
TRAINING_FEE_ACCOUNT = "PBA0000000 (training)"


APPLICANT = (
    "Rachel Carter",
    "Detective Constable",
    "71234",
    "Essex Police",
    "Grays Police Station, Orsett Road, Grays RM17 5DD",
)
AUTHORISER = ("Mark Hale", "Detective Superintendent", "2201")

APPLICATIONS: tuple[DemoApplication, ...] = (
    # Heard in the spring: Tony and Benz cut off, Sparks refused, Ace's number later reassigned
    # to someone else and carved out. Benz's open-ended order is now due its 6-monthly review.
    DemoApplication(
        "County Court at Chelmsford",
        -200,
        "10:00",
        ("07700 900101", "07700 900110", "07700 900108", "07700 900107"),
        (
            DemoOutcome("07700 900101", "made", 12, 3, then=_S.DISCONNECTED),
            DemoOutcome("07700 900110", "made", None, 2, then=_S.DISCONNECTED),
            DemoOutcome("07700 900108", "refused"),
            DemoOutcome("07700 900107", "made", 12, 4, carved_out_days_after=60),
        ),
        claim_number="K00CM401",
        judge="District Judge Okafor",
    ),
    # Heard last week: EE has not yet confirmed K's disconnection, so the deadline warns.
    DemoApplication(
        "County Court at Clerkenwell and Shoreditch",
        -8,
        "14:00",
        ("07700 900102",),
        (DemoOutcome("07700 900102", "made", 3),),
        claim_number="K00EC117",
        judge="Deputy District Judge Lam",
    ),
    # Submitted, to be heard in twelve days.
    DemoApplication("County Court at Basildon", 12, "10:30", ("07700 900104",)),
)
