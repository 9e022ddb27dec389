from __future__ import annotations

import pytest

from raptor_desktop.core.wording import and_list


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ([], ""),
        (["heroin"], "heroin"),
        (["crack cocaine", "heroin"], "crack cocaine and heroin"),
        (["Harlow", "", "Epping Forest", "Brentwood"], "Harlow, Epping Forest and Brentwood"),
    ],
)
def test_and_list(items: list[str], text: str) -> None:
    assert and_list(items) == text
