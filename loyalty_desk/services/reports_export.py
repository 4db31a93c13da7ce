"""Exporting a report to CSV or PDF (issue 6 item 6).

Phones are masked (138****1234) unless a manager explicitly asks for them in full with their
PIN; that choice is written to the audit log before the file is. CSV exports carry the whole
member lists (the screen shows the first page), so "export the list" means all of it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from loyalty_desk.domain.errors import Code, Refusal, Refused, refusal, refuse
from loyalty_desk.domain.report_lang import Lang
from loyalty_desk.services import audit
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_csv import write_csv
from loyalty_desk.services.reports_kpi import KpiReport
from loyalty_desk.services.reports_pdf import write_pdf
from loyalty_desk.services.reports_tables import Report
from loyalty_desk.services.reports_tiers import TierReport, close_to_next
from loyalty_desk.services.reports_winback import WinbackReport, winback_list
from loyalty_desk.services.staff import verify_manager_pin
from loyalty_desk.services.usecase import unwrap, use_case

FULL_LIST = 1_000_000


class ExportFormat(StrEnum):
    CSV = "csv"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: ExportFormat
    rows: int  # CSV: table rows written; PDF: pages
    unmasked: bool
    approved_by: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": str(self.format),
            "rows" if self.format is ExportFormat.CSV else "pages": self.rows,
            "phones": "full" if self.unmasked else "masked",
            "approved_by": self.approved_by,
        }


def report_kind(report: Report) -> str:
    return {
        KpiReport: "kpi",
        TierReport: "tiers",
        WinbackReport: "winback",
    }.get(type(report), "segments")


def with_full_lists(desk: Desk, report: Report) -> Report:
    """The same report with its member lists complete rather than the first page."""
    if isinstance(report, WinbackReport):
        full = unwrap(winback_list(desk, slipping_days=report.slipping_days, limit=FULL_LIST))
        return full
    if isinstance(report, TierReport):
        with desk.read() as s:
            close = close_to_next(s, desk, desk.now(), limit=FULL_LIST)
        return dataclasses.replace(report, close=close)
    return report


def approve_full_phones(
    desk: Desk,
    report: Report,
    manager_pin: str | None,
    manager_name: str | None,
    fmt: str,
    target: Path | None = None,
) -> str | Refusal:
    """A manager chooses to see phones in full: check the PIN, and put it on the record.
    Returns the manager's name."""
    verdict = verify_manager_pin(desk, manager_pin, manager_name)
    if isinstance(verdict, Refusal):
        return refusal(
            verdict.code,
            "Full phone numbers need a manager's PIN: {why}",
            details=verdict.details,
            why=verdict,
        )
    detail: dict[str, Any] = {"format": fmt}
    if target is not None:
        detail["file"] = target.name
    with desk.write() as s:
        audit.record(
            s,
            desk,
            "report.export_unmasked",
            actor=verdict.name,
            subject=report_kind(report),
            detail=detail,
        )
    return verdict.name


@use_case
def export_report(
    desk: Desk,
    report: Report,
    fmt: ExportFormat,
    path: Path,
    *,
    unmasked: bool = False,
    manager_pin: str | None = None,
    manager_name: str | None = None,
    full_lists: bool = True,
    lang: Lang = "en",
) -> ExportResult:
    target = Path(path)
    if target.is_dir() or not target.parent.exists():
        raise refuse(
            Code.INVALID_FILE,
            "Cannot write {target}: give a file name in an existing folder.",
            target=target,
        )
    approved_by: str | None = None
    if unmasked:
        approved = approve_full_phones(desk, report, manager_pin, manager_name, str(fmt), target)
        if isinstance(approved, Refusal):
            raise Refused(approved)
        approved_by = approved
    content = with_full_lists(desk, report) if full_lists and fmt is ExportFormat.CSV else report
    if fmt is ExportFormat.CSV:
        rows = write_csv(content, target, desk.tz, unmasked=unmasked, lang=lang)
    else:
        rows = write_pdf(
            content, target, desk.tz, unmasked=unmasked, generated_at=desk.now(), lang=lang
        )
    return ExportResult(target, fmt, rows, unmasked, approved_by)
