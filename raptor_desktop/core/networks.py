"""Mobile networks, and the host network behind each MVNO (seed data; the unit edits it).

An order is served on the provider of the number. Virtual operators (MVNOs) run on a host
network, which is the one that disconnects the line. Hosts marked "" are networks in their own
right, or (Lycamobile, Lebara) hosts not confirmed.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from raptor_desktop.core.errors import InputRejected

NETWORKS: dict[str, str] = {
    "EE": "",
    "O2": "",
    "Virgin Media O2": "",
    "Vodafone": "",
    "Three": "",
    "VodafoneThree": "",
    "giffgaff": "O2",
    "Tesco Mobile": "O2",
    "Sky Mobile": "O2",
    "VOXI": "Vodafone",
    "SMARTY": "Three",
    "iD Mobile": "Three",
    "BT Mobile": "EE",
    "Lycamobile": "",
    "Lebara": "",
}


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def known_network(name: str, known: Sequence[str]) -> str:
    """The network of ``known`` that ``name`` is, spelt as the list spells it ('vodafone three'
    is VodafoneThree); one not on the list is refused with the nearest spelling, for an order
    served on a network that does not exist reaches no one ('Vodaphone' had been accepted)."""
    wanted = " ".join(name.split())
    by_key = {_key(network): network for network in known}
    if _key(wanted) in by_key:
        return by_key[_key(wanted)]
    near = difflib.get_close_matches(_key(wanted), list(by_key), n=1, cutoff=0.8)
    hint = f"did you mean {by_key[near[0]]}? " if near else ""
    raise InputRejected(
        f"{wanted!r} is not a network on the list: {hint}The list: {', '.join(known)}. "
        "An administrator adds one in Settings → Networks (raptor networks --set NAME HOST)"
    )
