"""The shipped CJK TrueType font, registered with ReportLab once per process.

ReportLab embeds a subset of a TrueType font (only the glyphs used) in every PDF, so a
voucher prints the same on a PC that has no Chinese fonts at all.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from loyalty_desk.resources import cjk_font_path

CJK_FONT = "LoyaltyDeskCJK"
_lock = threading.Lock()


def cjk_font() -> str:
    """The registered font's name (loading the .ttc takes ~50 ms, so only the first time)."""
    with _lock:
        if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(CJK_FONT, str(cjk_font_path()), subfontIndex=0))
    return CJK_FONT
