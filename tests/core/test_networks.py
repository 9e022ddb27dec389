from __future__ import annotations

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.networks import NETWORKS, known_network

LISTED = list(NETWORKS)


@pytest.mark.parametrize(
    ("typed", "network"),
    [("ee", "EE"), ("vodafone three", "VodafoneThree"), ("  Tesco  mobile ", "Tesco Mobile")],
)
def test_a_network_is_spelt_as_the_list_spells_it(typed: str, network: str) -> None:
    assert known_network(typed, LISTED) == network


def test_a_misspelt_network_is_refused_with_the_nearest_spelling() -> None:
    """'Vodaphone' had been stored as the provider to serve: an order on a network that
    does not exist, and a gap asking for its address."""
    with pytest.raises(
        InputRejected,
        match="'Vodaphone' is not a network on the list: did you "
        "mean Vodafone\\? The list: EE, O2,",
    ):
        known_network("Vodaphone", LISTED)
    with pytest.raises(InputRejected) as refused:
        known_network("Nova Mobile", LISTED)
    assert "did you mean" not in str(refused.value)
    assert "raptor networks --set NAME HOST" in str(refused.value)
