"""Reference lists of the register: areas, drugs and operations."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from raptor_desktop.core.errors import InputRejected

ESSEX_DISTRICTS = (
    "Basildon",
    "Braintree",
    "Brentwood",
    "Castle Point",
    "Chelmsford",
    "Colchester",
    "Epping Forest",
    "Harlow",
    "Maldon",
    "Rochford",
    "Southend-on-Sea",
    "Tendring",
    "Thurrock",
    "Uttlesford",
)

DEFAULT_OPERATION = "Operation Raptor"

DRUGS = ("cocaine", "crack cocaine", "heroin", "cannabis", "ketamine", "MDMA", "other")

_DRUG_SYNONYMS = {
    "coke": "cocaine",
    "powder": "cocaine",
    "white": "crack cocaine",
    "crack": "crack cocaine",
    "rock": "crack cocaine",
    "brown": "heroin",
    "smack": "heroin",
    "weed": "cannabis",
    "skunk": "cannabis",
    "ket": "ketamine",
    "ecstasy": "MDMA",
    "pills": "MDMA",
}


def parse_drug(text: str) -> str:
    """Name a drug from the list, accepting common street names; ValueError names the list."""
    wanted = " ".join(text.strip().lower().split())
    for drug in DRUGS:
        if drug.lower() == wanted:
            return drug
    if wanted in _DRUG_SYNONYMS:
        return _DRUG_SYNONYMS[wanted]
    raise InputRejected(f"unknown drug {text.strip()!r}; use one of: {', '.join(DRUGS)}")


def split_list(text: str | None) -> list[str]:
    """Split a cell such as ``Thurrock; Brentwood`` into names, dropping blanks."""
    if not text:
        return []
    return [part.strip() for part in str(text).replace("|", ";").split(";") if part.strip()]


MAX_DAILY_TAKINGS = Decimal(1_000_000)  # pounds a day: far beyond any deal line's


def parse_takings_pence(text: str) -> int | None:
    """``£5,000`` or ``5000.50`` → pence; blank → None; InputRejected otherwise."""
    return _pence(text, "daily takings", MAX_DAILY_TAKINGS, "any line takes", " a day")


MAX_PRICE = Decimal(10_000)  # pounds: far beyond any test purchase's


def parse_price_pence(text: str) -> int | None:
    """A test purchase's price (``£20``, ``20.00``) → pence; blank → None."""
    return _pence(text, "the price", MAX_PRICE, "any test purchase costs")


def _pence(text: str, what: str, most: Decimal, beyond: str, per: str = "") -> int | None:
    """``text`` in pounds and pence, as pence; blank → None; ``what`` names it in a refusal,
    and ``beyond`` says why more than ``most`` is refused."""
    amount = _pounds(text, what)
    if amount is not None and amount > most:
        raise InputRejected(
            f"{what} of £{amount:,} is more than {beyond} (at most £{most:,}{per}): "
            "check the figure"
        )
    return None if amount is None else int(amount * 100)


def _pounds(text: str, what: str) -> Decimal | None:
    cleaned = text.strip().replace("£", "").replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InputRejected(f"{what} {text.strip()!r} is not an amount in pounds and pence")
    if amount < 0:
        raise InputRejected(f"{what} cannot be negative")
    return amount


def format_pounds(pence: int | None) -> str:
    if pence is None:
        return ""
    pounds, rest = divmod(pence, 100)
    return f"£{pounds:,}" if rest == 0 else f"£{pounds:,}.{rest:02d}"
