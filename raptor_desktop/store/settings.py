"""Settings kept in the database, each with its type and default declared here, in one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from raptor_desktop.core.accounts import Permission
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.register import DEFAULT_OPERATION
from raptor_desktop.core.service_routes import (
    ServiceRoutes,
    checked_address_kind,
    checked_email,
    checked_fax,
)
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound


@dataclass(frozen=True)
class Setting:
    """A setting's key, default and label; a whole-number setting's allowed range too."""

    key: str
    default: str | int
    label: str
    low: int = 1
    high: int = 1
    pattern: str = ""  # a text setting's form, when it has one
    form: str = ""  # that form in words, for the refusal

    @property
    def optional(self) -> bool:
        """A text setting with no default may be left empty (it is filled in by the unit)."""
        return self.default == ""


PROTECTIVE_MARKING = Setting("protective_marking", "OFFICIAL-SENSITIVE", "Protective marking")
END_WARNING_DAYS = Setting(
    "end_warning_days", 28, "Warn this many days before an order ends", 1, 365
)
REVIEW_MONTHS = Setting("review_months", 6, "Review open-ended orders every (months)", 1, 60)
UNIT_NAME = Setting("unit_name", "Essex Police — Operation Raptor", "Unit")
IDLE_MINUTES = Setting("idle_minutes", 10, "Lock the window after this many idle minutes", 1, 240)
BACKUPS_KEPT = Setting("backups_kept", 14, "Automatic backups kept", 1, 365)
REVIEW_YEARS = Setting(
    "review_years", 6, "Review records this many years after last activity", 1, 100
)
OPERATION = Setting(
    "default_operation", DEFAULT_OPERATION, "Operation for new lines and applications"
)
"""The operation a line or an application goes in when none is named: the unit's own."""
RECONTACT_DAYS = Setting("recontact_days", 90, "Do not text a contact again within (days)", 1, 3650)
COURT_FEE = Setting(
    "court_fee",
    "",
    "Court fee for issuing a claim (£)",
    pattern=r"\d{1,5}(\.\d\d)?",
    form="an amount in pounds, such as 332 or 332.00",
)
FEE_ACCOUNT = Setting("fee_account", "", "Fee account number (PBA)")

SETTINGS = (
    PROTECTIVE_MARKING,
    END_WARNING_DAYS,
    REVIEW_MONTHS,
    UNIT_NAME,
    OPERATION,
    IDLE_MINUTES,
    BACKUPS_KEPT,
    REVIEW_YEARS,
    RECONTACT_DAYS,
    COURT_FEE,
    FEE_ACCOUNT,
)


def get_text(store: Store, setting: Setting) -> str:
    row = store.db.execute("SELECT value FROM settings WHERE key = ?", [setting.key]).fetchone()
    return str(row[0]) if row else str(setting.default)


def operation_or_default(store: Store, name: str) -> str:
    """``name``, or the register's default operation when it names none."""
    return " ".join(name.split()) or get_text(store, OPERATION)


def get_int(store: Store, setting: Setting) -> int:
    try:
        return int(get_text(store, setting))
    except ValueError:
        return int(setting.default)


def _checked(setting: Setting, value: str | int) -> str:
    """``value`` as stored, or refused with what is wrong with it."""
    if isinstance(setting.default, int):
        try:
            number = int(value)
        except ValueError:
            raise InputRejected(f"{setting.label}: {value!r} is not a whole number") from None
        if not setting.low <= number <= setting.high:
            raise InputRejected(
                f"{setting.label}: must be from {setting.low} to {setting.high}, not {number}"
            )
        return str(number)
    text = " ".join(str(value).split())
    if not text and not setting.optional:
        raise InputRejected(f"{setting.label}: cannot be empty")
    if text and setting.pattern and not re.fullmatch(setting.pattern, text):
        raise InputRejected(f"{setting.label}: {text!r} is not {setting.form}")
    return text


def set_value(store: Store, setting: Setting, value: str | int) -> None:
    set_values(store, {setting: value})


def set_values(store: Store, values: dict[Setting, str | int]) -> None:
    """Change settings, all in one change or (one of them refused) none."""
    store.require(Permission.CHANGE_SETTINGS)
    checked = {setting: _checked(setting, value) for setting, value in values.items()}
    keys = ", ".join(setting.key for setting in checked)
    with store.transaction("change setting", keys) as db:
        for setting, text in checked.items():
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [setting.key, text],
            )


def find_setting(key: str) -> Setting:
    for setting in SETTINGS:
        if setting.key == key.strip().lower().replace("-", "_"):
            return setting
    known = ", ".join(s.key for s in SETTINGS)
    raise InputRejected(f"unknown setting {key!r}; settings are: {known}")


def set_network_host(store: Store, network: str, host: str) -> None:
    """Add a network to the list, or change the host network behind an MVNO."""
    store.require(Permission.CHANGE_SETTINGS)
    name = " ".join(network.split())
    if not name:
        raise InputRejected("a network needs a name")
    with store.transaction("change networks", name) as db:
        db.execute(
            "INSERT INTO networks (name, host) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET host = excluded.host",
            [name, " ".join(host.split())],
        )


NETWORK_DETAILS = {
    "address": "address for service",
    "legal_name": "legal name",
    "dx_box": "DX box",
    "service_email": "email address for service",
    "service_email_agreed": "written agreement to service by email",
    "service_fax": "fax number for service",
    "service_fax_agreed": "written agreement to service by fax",
    "address_kind": "kind of address for service",
}
"""What the unit fills in for each network, by column, and what it is called."""

_CLEANED: dict[str, Callable[[str], str]] = {  # each detail as it is kept
    "legal_name": lambda text: " ".join(text.split()),
    "dx_box": lambda text: " ".join(text.split()),
    "service_email": checked_email,
    "service_fax": checked_fax,
    "address_kind": checked_address_kind,
}


def _set_network_detail(store: Store, network: str, column: str, value: str) -> None:
    store.require(Permission.CHANGE_SETTINGS)
    name = " ".join(network.split())
    kept = _CLEANED.get(column, str.strip)(value)
    with store.transaction("change networks", f"{name}: {NETWORK_DETAILS[column]}") as db:
        cursor = db.execute(
            f"UPDATE networks SET {column} = ? WHERE name = ?",  # column: a key of the dict
            [kept, name],
        )
        if cursor.rowcount == 0:
            raise RecordNotFound(f"no network called {name!r}; add it first with --set")


def set_network_detail(store: Store, network: str, detail: str, value: str) -> None:
    """One of a network's details (a key of :data:`NETWORK_DETAILS`), '' to clear it."""
    if detail not in NETWORK_DETAILS:
        raise ValueError(f"networks have no detail {detail!r}")
    _set_network_detail(store, network, detail, value)


def set_network_address(store: Store, network: str, address: str) -> None:
    """The address for service of orders on a network (the unit fills it in)."""
    _set_network_detail(store, network, "address", address)


def set_network_legal_name(store: Store, network: str, legal_name: str) -> None:
    """The company behind a network, as a claim and an order name it (the unit fills it in:
    "Hutchison 3G UK Limited" for Three, as Companies House has it)."""
    _set_network_detail(store, network, "legal_name", legal_name)


def set_network(store: Store, network: str, host: str, details: Mapping[str, str]) -> None:
    """Add a network, or change it: its host and the ``details`` given (keys of
    :data:`NETWORK_DETAILS`), in one change (none of them is kept if one is refused)."""
    change_networks(store, {network: host}, {network: details})


def change_networks(
    store: Store, hosts: Mapping[str, str], details: Mapping[str, Mapping[str, str]]
) -> None:
    """Networks added or given their hosts, then networks' details set, in one change: none
    of it is kept if any of it is refused."""
    named = " ".join(sorted({" ".join(n.split()) for n in [*hosts, *details]}))
    with store.transaction("change networks", named):
        for network, host in hosts.items():
            set_network_host(store, network, host)
        for network, changes in details.items():
            for detail, value in changes.items():
                set_network_detail(store, network, detail, value)


def networks(store: Store) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.db.execute("SELECT name, host FROM networks ORDER BY name")]


def _network_details(store: Store, column: str) -> dict[str, str]:
    if column not in NETWORK_DETAILS:
        raise ValueError(f"networks have no detail {column!r}")
    return {
        r[0]: r[1] for r in store.db.execute(f"SELECT name, {column} FROM networks ORDER BY name")
    }


def network_addresses(store: Store) -> dict[str, str]:
    """Each network's address for service ('' where the unit has not filled it in)."""
    return _network_details(store, "address")


def network_routes(store: Store, provider: str) -> ServiceRoutes:
    """Where letters to ``provider`` may go, by each way of sending (empty if not listed)."""
    row = store.db.execute(
        "SELECT address, dx_box, service_email, service_email_agreed, service_fax, "
        "service_fax_agreed FROM networks WHERE name = ?",
        [provider],
    ).fetchone()
    return ServiceRoutes(provider, *row) if row else ServiceRoutes(provider)


def network_details(store: Store) -> dict[str, dict[str, str]]:
    """Every network's details by name, each keyed as :data:`NETWORK_DETAILS`."""
    columns = ", ".join(NETWORK_DETAILS)
    return {
        row[0]: dict(zip(NETWORK_DETAILS, row[1:], strict=True))
        for row in store.db.execute(f"SELECT name, {columns} FROM networks ORDER BY name")
    }


def network_legal_names(store: Store) -> dict[str, str]:
    """Each network's legal name ('' where the unit has not filled it in)."""
    return _network_details(store, "legal_name")
