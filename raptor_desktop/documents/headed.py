"""A heading kept with the table under it, without leaving a page blank for a long table.

A heading's ``keepWithNext`` makes ReportLab keep it together with the next flowable: when
that is a table taller than the space left, the pair goes to a new page even if the table
is longer than a page and would split anyway, so a schedule of 40 items left its first page
empty under its introduction. :func:`headed` keeps a table that fits a page whole with its
heading, as before; a longer one starts where it is, its heading with its first rows, unless
less than :data:`ROOM` is left.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.doctemplate import FrameBreak

from raptor_desktop.documents.styles import OPEN_HEADING

ROOM = 4 * cm
"""The least space a long table starts in: its heading, the header row and a few rows."""


class _HeadWithRows(KeepTogether):
    def split(self, width: float, height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        page = frame._height if frame is not None else height
        if getattr(self, "_wrapInfo", None) != (width, height):
            self.wrap(width, height)
        if page >= self._H:  # fits a page: kept whole, as keepWithNext would
            return super().split(width, height)
        return ([FrameBreak()] if height < ROOM else []) + list(self._content)


def headed(title: str, table: Flowable) -> list[Flowable]:
    """``title`` as a heading over ``table``, never left alone at the foot of a page."""
    return [_HeadWithRows([Paragraph(title, OPEN_HEADING), table])]
