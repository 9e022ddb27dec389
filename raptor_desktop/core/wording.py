"""Small helpers for the wording of documents."""

from __future__ import annotations

from collections.abc import Sequence


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c': lists as a statement writes them."""
    shown = [item for item in items if item]
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"
