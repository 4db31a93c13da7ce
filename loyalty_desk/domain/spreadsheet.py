"""Text laid out in cells: CSV exports (till and server) and columns in a terminal."""

from __future__ import annotations

# Excel runs a cell starting with one of these as a formula. The full-width and small forms
# too: spreadsheets in Chinese locales (WPS) may take them for the ASCII signs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "﹦", "＋", "﹢", "－", "﹣", "＠", "﹫")


def neutralise(text: str) -> str:
    """A leading apostrophe keeps text such as a member named "=HYPERLINK(…)" plain text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def display_width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))
