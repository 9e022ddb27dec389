"""A document's words as a reader follows them across its pages (pypdf's text of each page,
whitespace made single), with each page's furniture taken off its end: the marking at head
and foot, the reference, "Page N of M" and any mark after it (training, draft). A sentence
that runs on to the next page then reads as one, as it does on paper."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pypdf import PdfReader

FURNITURE = re.compile(r" ?(\S+) \1 \S+(?: Supplementary)? Page \d+ of \d+.*$")


def running_text(reader: PdfReader, pages: Iterable[int] | None = None) -> str:
    """The text of ``pages`` (0-based; all when None), one page running on to the next."""
    chosen = range(len(reader.pages)) if pages is None else pages
    texts = (" ".join(reader.pages[p].extract_text().split()) for p in chosen)
    return " ".join(FURNITURE.sub("", text) for text in texts)
