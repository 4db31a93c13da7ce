"""Reports as CSV that Excel opens correctly with Chinese text: UTF-8 with a BOM.

Text that Excel would run as a formula (starting with = + - @, a tab or a carriage return) is
neutralised with a leading apostrophe: a member named "=HYPERLINK(…)" stays a name. Numbers
the report computed are written as plain numbers (yuan with 2 decimals, rates as 12.50%).
"""

from __future__ import annotations

import csv
from pathlib import Path
from zoneinfo import ZoneInfo

from loyalty_desk.domain.money import format_yuan
from loyalty_desk.domain.report_lang import Lang, w
from loyalty_desk.domain.spreadsheet import neutralise
from loyalty_desk.services.reports_tables import (
    Cell,
    Fen,
    Rate,
    Report,
    period_text,
    store_text,
    tables_of,
    title_of,
)

__all__ = ["csv_cell", "neutralise", "write_csv"]


def csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Fen):
        return format_yuan(cell.value)
    if isinstance(cell, Rate):
        return f"{cell.value * 100:.2f}%"
    if isinstance(cell, int):
        return str(cell)
    return neutralise(cell)


def write_csv(
    report: Report, path: Path, tz: ZoneInfo, *, unmasked: bool = False, lang: Lang = "en"
) -> int:
    """Write the report in `lang`; returns the number of table rows written."""
    rows = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([neutralise(title_of(report, lang))])
        out.writerow([w(lang, "Store", "门店"), neutralise(store_text(report))])
        out.writerow([w(lang, "Period", "期间"), neutralise(period_text(report, lang))])
        phones = w(lang, "full", "完整") if unmasked else w(lang, "masked", "已隐藏")
        out.writerow([w(lang, "Phones", "手机"), phones])
        for table in tables_of(report, tz, unmasked=unmasked, lang=lang):
            out.writerow([])
            out.writerow([neutralise(table.title)])
            out.writerow([neutralise(c) for c in table.columns])
            for row in table.rows:
                out.writerow([csv_cell(c) for c in row])
                rows += 1
            if table.note:
                out.writerow([neutralise(table.note)])
    return rows
