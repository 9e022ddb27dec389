"""Rows of a big table read lazily, a block at a time, for a model that holds only ids.

A model of tens of thousands of rows keeps the ordered ids; the cells of a row are read with
the block of rows around it when first shown (Anki's browser does the same). A row erased
by another connection since the ids were read comes back as None, never as an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Row = TypeVar("Row")

BLOCK = 200
CACHE_LIMIT = 5_000


class RowCache(Generic[Row]):
    def __init__(self, fetch: Callable[[list[int]], dict[int, Row]]) -> None:
        self._fetch = fetch
        self._rows: dict[int, Row | None] = {}

    def __len__(self) -> int:
        """How many rows are held."""
        return len(self._rows)

    def clear(self) -> None:
        self._rows.clear()

    def row(self, ids: list[int], position: int) -> Row | None:
        """The row with id ``ids[position]``, reading its block if it is not held yet."""
        wanted = ids[position]
        if wanted not in self._rows:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
            start = (position // BLOCK) * BLOCK
            block = ids[start : start + BLOCK]
            found = self._fetch(block)
            self._rows.update({i: found.get(i) for i in block})
        return self._rows[wanted]
