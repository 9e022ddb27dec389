"""The embedded fonts (DejaVu, shipped in resources/fonts): they cover £, € and curly quotes."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
