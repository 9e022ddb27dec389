"""Settings, bank holidays and mobile networks (administrators change them)."""

from __future__ import annotations

from raptor_desktop.store.calendar import holiday_list, set_holiday_override
from raptor_desktop.store.settings import (
    BACKUPS_KEPT,
    END_WARNING_DAYS,
    IDLE_MINUTES,
    PROTECTIVE_MARKING,
    RECONTACT_DAYS,
    REVIEW_MONTHS,
    REVIEW_YEARS,
    SETTINGS,
    UNIT_NAME,
    Setting,
    find_setting,
    get_int,
    get_text,
    network_addresses,
    network_legal_names,
    networks,
    set_network,
    set_network_address,
    set_network_host,
    set_network_legal_name,
    set_value,
)

__all__ = [
    "BACKUPS_KEPT",
    "END_WARNING_DAYS",
    "IDLE_MINUTES",
    "PROTECTIVE_MARKING",
    "RECONTACT_DAYS",
    "REVIEW_MONTHS",
    "REVIEW_YEARS",
    "SETTINGS",
    "UNIT_NAME",
    "Setting",
    "find_setting",
    "get_int",
    "get_text",
    "holiday_list",
    "network_addresses",
    "network_legal_names",
    "networks",
    "set_holiday_override",
    "set_network",
    "set_network_address",
    "set_network_host",
    "set_network_legal_name",
    "set_value",
]
