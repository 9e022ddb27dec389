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


def numbers_in_ranges(numbers: Sequence[int]) -> str:
    """'1 to 800', '1, 2 and 5 to 9': item numbers as an order lists them, three or more in a
    row written as a range (an order on 800 items had listed each, over 29 pages)."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts: list[str] = []
    for run in runs:
        parts += [f"{run[0]} to {run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    return and_list(parts)


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


def upper_first(text: str) -> str:
    """The text with its first letter a capital, the rest as it is ("the Respondent" at the
    start of a line); ``str.capitalize`` would lower the rest."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """The text with its first letter small, the rest as it is ("by email to …" mid-sentence)."""
    return text[:1].lower() + text[1:]


def as_sentence(text: str) -> str:
    """A message as a window shows it: a capital first letter and a full stop.

    Refusals are written as clauses ("the end date asked for must be after the hearing")
    so that the command line can print them after "error:"; a dialog shows them as sentences.
    Text that already ends in punctuation keeps it; a colon (a list follows) is left as is.
    """
    stripped = text.strip()
    if not stripped or stripped.startswith("<"):  # rich text is written as it is meant
        return stripped
    first = upper_first(stripped)
    return first if first[-1] in ".!?:…" else f"{first}."
