"""Small helpers for the wording of documents."""

from __future__ import annotations

import re
from collections.abc import Sequence


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c': lists as a statement writes them."""
    shown = [item for item in items if item]
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])")


def without_repeats(text: str) -> str:
    """The paragraph with any sentence it already said left out (grounds pasted twice, or an
    evidence note that repeats the drafted opening)."""
    seen: set[str] = set()
    kept = []
    for sentence in _SENTENCE_END.split(text.strip()):
        key = " ".join(sentence.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(sentence)
    return " ".join(kept)
