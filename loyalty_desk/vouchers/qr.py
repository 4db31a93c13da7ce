"""QR codes as a module matrix: drawn as vector squares in a PDF, as dots on a thermal printer.

Codes are digits only, which QR encodes in numeric mode: a 20-digit coupon code fits the
smallest symbol (21 x 21 modules) at error-correction level M, so it scans from a crumpled
slip or a phone screen.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules of white the standard asks for around the symbol


def qr_matrix(payload: str) -> list[list[bool]]:
    """The symbol's dark modules, without the quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1)
    code.add_data(payload)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    return matrix


def dark_runs(row: list[bool]) -> list[tuple[int, int]]:
    """(start, length) of each horizontal run of dark modules: one rectangle per run."""
    runs: list[tuple[int, int]] = []
    start = None
    for x, dark in enumerate([*row, False]):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            runs.append((start, x - start))
            start = None
    return runs
