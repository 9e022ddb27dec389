"""Paragraph styles shared by every document."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from raptor_desktop.documents.fonts import SANS, SERIF, SERIF_BOLD, register_fonts

register_fonts()

BODY = ParagraphStyle(  # no line left alone at the top or foot of a page
    "body",
    fontName=SERIF,
    fontSize=11,
    leading=15,
    alignment=TA_JUSTIFY,
    spaceAfter=7,
    allowWidows=0,
    allowOrphans=0,
)
PLAIN = ParagraphStyle("plain", parent=BODY, alignment=0, spaceAfter=0)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=10.5, alignment=0, spaceAfter=0)
SMALL_BOLD = ParagraphStyle("small_bold", parent=SMALL, fontName=SERIF_BOLD)
# Device identifiers (a 20-digit ICCID) must fit their column on one line, never broken.
IDENTIFIER = ParagraphStyle("identifier", parent=SMALL, fontSize=7.5, leading=9.5)
TITLE = ParagraphStyle(
    "title",
    fontName=SERIF_BOLD,
    fontSize=14,
    leading=18,
    alignment=TA_CENTER,
    spaceBefore=6,
    spaceAfter=10,
)
HEADING = ParagraphStyle(  # never left alone at the foot of a page
    "heading",
    fontName=SERIF_BOLD,
    fontSize=11.5,
    leading=15,
    spaceBefore=8,
    spaceAfter=5,
    keepWithNext=1,
)
# A heading whose table is kept with it by ``documents.headed`` (not by keepWithNext, which
# would move a table longer than a page to the next one whole).
OPEN_HEADING = ParagraphStyle("open_heading", parent=HEADING, keepWithNext=0)
SUBJECT = ParagraphStyle("subject", parent=BODY, fontName=SERIF_BOLD, alignment=0)
CENTRE = ParagraphStyle("centre", parent=BODY, alignment=TA_CENTER, spaceAfter=3)
CENTRE_BOLD = ParagraphStyle("centre_bold", parent=CENTRE, fontName=SERIF_BOLD)
RIGHT = ParagraphStyle("right", parent=BODY, alignment=TA_RIGHT, spaceAfter=0)
NUMBERED = ParagraphStyle("numbered", parent=BODY, leftIndent=22, firstLineIndent=-22)
NUMBERED_PARAGRAPH = ParagraphStyle(
    "numbered_paragraph", parent=BODY, leftIndent=28, bulletIndent=0, bulletFontName=SERIF
)


def numbered(mark: str, text: str) -> Paragraph:
    """A numbered paragraph: its number in the margin, its text at one indent on every line
    (spaces after the number, in a justified line, had stretched with the line's)."""
    return Paragraph(text, NUMBERED_PARAGRAPH, bulletText=mark)


MARK = ParagraphStyle("mark", fontName=SANS, fontSize=8, leading=10)
