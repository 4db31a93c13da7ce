"""CSV for Excel (BOM, Chinese, no formulas), PDF (embedded CJK font, store and period on
every page), and phones masked unless a manager says otherwise — on the record."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.periods import PeriodKind, period_of
from loyalty_desk.services import checkout, members
from loyalty_desk.services.audit import verify
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_csv import neutralise
from loyalty_desk.services.reports_export import ExportFormat, export_report
from loyalty_desk.services.reports_kpi import KpiReport, kpi_report
from loyalty_desk.services.reports_segments import segment_report
from loyalty_desk.services.reports_tiers import tier_report
from loyalty_desk.services.reports_winback import winback_list
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import AuditLog
from tests.conftest import FakeClock
from tests.helpers import db_fingerprint

MARCH = period_of(PeriodKind.MONTH, date(2026, 3, 1))


@pytest.fixture
def report(desk: Desk) -> KpiReport:
    return unwrap(kpi_report(desk, MARCH))


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_opens_in_excel_with_chinese_and_masked_phones(
    desk: Desk, report: KpiReport, tmp_path: Path
) -> None:
    out = tmp_path / "kpi.csv"
    result = unwrap(export_report(desk, report, ExportFormat.CSV, out))
    assert (result.unmasked, result.approved_by) == (False, None)
    rows = read_csv(out)
    assert rows[0] == ["Member KPIs"]
    assert rows[1] == ["Store", "Flagship 旗舰店 (S001)"]
    kpis = {r[0]: r for r in rows if len(r) == 5}
    assert kpis["Member sales"][1:4] == ["490.00", "730.00", "-240.00"]
    assert kpis["Repurchase rate"][1:3] == ["50.00%", "66.67%"]
    assert "会员销售额" not in out.read_text(encoding="utf-8-sig")
    top = [r for r in rows if r and r[0] == reports_data_code(desk, "13800000001")]
    assert top and top[0][1] == "Ann 安" and top[0][2] == "138****0001"
    assert "13800000001" not in out.read_text(encoding="utf-8-sig")


def reports_data_code(desk: Desk, phone: str) -> str:
    return unwrap(members.show(desk, phone)).code


def test_formulas_are_neutralised(desk: Desk, clock: FakeClock, tmp_path: Path) -> None:
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-2+3") == "'-2+3"
    assert neutralise("王芳") == "王芳"
    code = unwrap(members.enroll(desk, "13812345678", '=HYPERLINK("http://x")')).code
    unwrap(checkout.earn(desk, code, "R1", 10_000))
    today = period_of(PeriodKind.DAY, clock.now.date())
    out = tmp_path / "top.csv"
    unwrap(export_report(desk, unwrap(kpi_report(desk, today)), ExportFormat.CSV, out))
    names = [r[1] for r in read_csv(out) if r and r[0] == code]
    assert names == ['\'=HYPERLINK("http://x")']


def test_full_phones_need_a_manager_pin_and_are_audited(
    desk: Desk, report: KpiReport, tmp_path: Path, manager: str
) -> None:
    out = tmp_path / "full.csv"
    before = db_fingerprint(desk)
    refused = export_report(desk, report, ExportFormat.CSV, out, unmasked=True)
    assert isinstance(refused, Refusal) and refused.code is Code.MANAGER_PIN_REQUIRED
    wrong = export_report(desk, report, ExportFormat.CSV, out, unmasked=True, manager_pin="0000")
    assert isinstance(wrong, Refusal) and wrong.code is Code.WRONG_PIN
    assert not out.exists()
    assert db_fingerprint(desk) == before
    result = unwrap(
        export_report(desk, report, ExportFormat.CSV, out, unmasked=True, manager_pin=manager)
    )
    assert result.approved_by == "Wang Manager"
    assert "13800000001" in out.read_text(encoding="utf-8-sig")
    with desk.read() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.seq.desc())).first()
    assert last is not None
    assert (last.action, last.actor, last.subject) == (
        "report.export_unmasked",
        "Wang Manager",
        "kpi",
    )
    assert '"file":"full.csv"' in last.detail
    assert verify(desk).ok


def test_a_bad_target_is_refused(desk: Desk, report: KpiReport, tmp_path: Path) -> None:
    result = export_report(desk, report, ExportFormat.CSV, tmp_path / "missing" / "x.csv")
    assert isinstance(result, Refusal) and result.code is Code.INVALID_FILE


def test_csv_in_chinese_says_everything_in_chinese(
    desk: Desk, report: KpiReport, tmp_path: Path
) -> None:
    out = tmp_path / "kpi-zh.csv"
    unwrap(export_report(desk, report, ExportFormat.CSV, out, lang="zh_CN"))
    rows = read_csv(out)
    assert rows[0] == ["会员关键指标"]
    assert rows[1] == ["门店", "Flagship 旗舰店 (S001)"]
    assert rows[3] == ["手机", "已隐藏"]
    kpis = {r[0]: r for r in rows if len(r) == 5}
    assert kpis["会员销售额"][1:4] == ["490.00", "730.00", "-240.00"]
    text = out.read_text(encoding="utf-8-sig")
    for english in ("Member sales", "Tier", "Regular", "Dormant", "receipt", "Segment"):
        assert english not in text, english
    assert "普通" in text and "沉睡" in text and "张小票" in text


def pdf_pages(path: Path) -> list[str]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_pdf_has_the_font_charts_and_store_and_period_on_every_page(
    desk: Desk, report: KpiReport, tmp_path: Path
) -> None:
    out = tmp_path / "kpi.pdf"
    result = unwrap(export_report(desk, report, ExportFormat.PDF, out))
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF")
    assert b"FontFile2" in raw  # the TrueType font is embedded, not referenced
    pages = pdf_pages(out)
    assert len(pages) == result.rows >= 2
    for text in pages:
        assert "Flagship 旗舰店 (S001)" in text
        assert "2026-03 (2026-03-01 – 2026-03-31)" in text
        assert "phones masked" in text
    everything = "\n".join(pages)
    assert "Member sales" in everything and "¥490.00" in everything
    assert "Points issued vs redeemed" in everything  # the points chart's title
    assert "138****0001" in everything
    assert "会员销售额" not in everything


def test_pdf_in_chinese_embeds_the_font_and_says_it_in_chinese(
    desk: Desk, report: KpiReport, tmp_path: Path
) -> None:
    out = tmp_path / "kpi-zh.pdf"
    result = unwrap(export_report(desk, report, ExportFormat.PDF, out, lang="zh_CN"))
    assert b"FontFile2" in out.read_bytes()
    pages = pdf_pages(out)
    assert len(pages) == result.rows >= 2
    for number, text in enumerate(pages, start=1):
        assert "会员关键指标" in text and "手机号已隐藏" in text and f"第 {number} 页" in text
    everything = "\n".join(pages)
    assert "会员销售额" in everything and "¥490.00" in everything
    assert "积分发放与兑换" in everything and "细分人数" in everything
    for english in ("Member sales", "Page", "Generated", "Points issued", "Regular"):
        assert english not in everything, english


@pytest.mark.parametrize("kind", ["segments", "tiers", "winback"])
def test_every_report_exports(desk: Desk, report: KpiReport, tmp_path: Path, kind: str) -> None:
    other = {
        "segments": lambda: segment_report(desk, MARCH),
        "tiers": lambda: tier_report(desk, MARCH),
        "winback": lambda: winback_list(desk),
    }[kind]()
    made = unwrap(other)
    for fmt in ExportFormat:
        out = tmp_path / f"{kind}.{fmt}"
        unwrap(export_report(desk, made, fmt, out))
        assert out.stat().st_size > 0
    assert "Flagship" in pdf_pages(tmp_path / f"{kind}.pdf")[0]
