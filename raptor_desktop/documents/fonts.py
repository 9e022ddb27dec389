"""The embedded fonts (DejaVu, shipped in resources/fonts): they cover £, € and curly quotes."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.paths import resource_path

SERIF = "RaptorSerif"
SERIF_BOLD = "RaptorSerif-Bold"
SERIF_ITALIC = "RaptorSerif-Italic"
SANS = "RaptorSans"
SANS_BOLD = "RaptorSans-Bold"

_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
}


@cache
def register_fonts() -> None:
    """Register the fonts once per process; ReportLab embeds the glyphs it uses."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD)
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)


ALPHABET = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~£€–—‘’“”…•·×÷°§©®éèêëàâäôöûüçñ→"
)
"""The glyphs every page's fonts start with, so that each page of a bundle embeds the same
font subsets and the bundle keeps one copy of each (see :func:`embed_alphabet`)."""


def embed_alphabet(canvas: Canvas) -> None:
    """Give every font of ``canvas``'s PDF :data:`ALPHABET` first, without drawing it.

    ReportLab embeds, per file, the glyphs used, numbered in the order first used; starting
    every file with the same glyphs makes their subsets identical, so a bundle merged from
    many files (documents and stamped pages) stores each font once, not once per page. The
    glyphs are assigned to the subsets as text would be, but no text is drawn: an alphabet
    drawn invisibly had been read out by screen readers and came with every copy and paste.
    """
    register_fonts()
    document = canvas._doc  # ReportLab's document: the fonts and their subsets are its own
    for name in _FILES:
        font = pdfmetrics.getFont(name)
        for subset, _chunk in font.splitString(ALPHABET, document):
            font.getSubsetInternalName(subset, document)  # puts the font in the file
