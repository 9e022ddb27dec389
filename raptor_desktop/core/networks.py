"""Mobile networks, and the host network behind each MVNO (seed data; the unit edits it).

An order is served on the provider of the number. Virtual operators (MVNOs) run on a host
network, which is the one that disconnects the line. Hosts marked "" are networks in their own
right, or (Lycamobile, Lebara) hosts not confirmed.
"""

from __future__ import annotations

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
