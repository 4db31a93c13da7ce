"""Reports as PDF (ReportLab): the CJK font embedded, charts, and the store and period on
every page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from loyalty_desk.domain.report_lang import Lang, w
from loyalty_desk.resources import cjk_font_path
from loyalty_desk.services.report_words import segment_name, tier_name
from loyalty_desk.services.reports_kpi import KpiReport
from loyalty_desk.services.reports_segments import SegmentReport
from loyalty_desk.services.reports_tables import (
    Report,
    cell_text,
    period_text,
    store_text,
    tables_of,
    title_of,
)
from loyalty_desk.services.reports_tables import (
    Table as ReportTable,
)
from loyalty_desk.services.reports_tiers import TierReport

FONT = "LoyaltyCJK"
PDF_ROWS = 200  # longer member lists are cut here; the CSV export has them all
INK = colors.HexColor("#1f2937")
MUTED = colors.HexColor("#6b7280")
BLUE = colors.HexColor("#2563eb")
ORANGE = colors.HexColor("#f59e0b")
GREEN = colors.HexColor("#10b981")
GREY = colors.HexColor("#9ca3af")
LINE = colors.HexColor("#d1d5db")
HEAD = colors.HexColor("#eef2ff")
WIDTH = A4[0] - 30 * mm


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        # wqy-microhei.ttc holds one face; ReportLab embeds the glyphs it uses (a subset).
        pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()), subfontIndex=0))
    return FONT


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=8.5, leading=11, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=20, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
        ),
        "body": base,
        "note": ParagraphStyle("note", parent=base, fontSize=7.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "num": ParagraphStyle("num", parent=base, fontSize=7.5, leading=9.5, alignment=TA_RIGHT),
    }


MEMBER_COLUMNS = (0, 1, 2, 3, 4, 5, 6, 9, 10)  # of a member list: the 12-month figures stay in CSV
MEMBER_WIDTHS = (20, 20, 21, 14, 16, 19, 22, 20, 28)


def _table(t: ReportTable, styles: dict[str, ParagraphStyle], lang: Lang) -> list[Any]:
    member_list = len(t.columns) == 11
    if member_list:
        t = ReportTable(
            t.title,
            tuple(t.columns[i] for i in MEMBER_COLUMNS),
            tuple(tuple(r[i] for i in MEMBER_COLUMNS) for r in t.rows),
            t.note,
        )
    rows = t.rows[:PDF_ROWS]
    header = [Paragraph(c, styles["cell"]) for c in t.columns]
    body = [
        [
            Paragraph(cell_text(c), styles["cell"] if isinstance(c, str) else styles["num"])
            for c in row
        ]
        for row in rows
    ]
    if not body:
        body = [[Paragraph("—", styles["cell"])] + [""] * (len(t.columns) - 1)]
    widths = (
        [w * mm for w in MEMBER_WIDTHS]
        if member_list
        else [WIDTH / len(t.columns)] * len(t.columns)
    )
    table = Table([header, *body], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, BLUE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, LINE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    out: list[Any] = [Paragraph(t.title, styles["h2"]), table]
    notes = [t.note] if t.note else []
    if len(t.rows) > PDF_ROWS:
        notes.append(
            w(
                lang,
                f"First {PDF_ROWS:,} of {len(t.rows):,} rows; the CSV export lists them all.",
                f"仅显示 {len(t.rows):,} 行中的前 {PDF_ROWS:,} 行；CSV 导出包含全部。",
            )
        )
    out += [Paragraph(n, styles["note"]) for n in notes]
    return out


# -- charts -----------------------------------------------------------------------------------


def _title(d: Drawing, text: str) -> None:
    d.add(String(0, d.height - 12, text, fontName=FONT, fontSize=10, fillColor=INK))


def _legend(d: Drawing, x: float, items: Sequence[tuple[Any, str]]) -> None:
    legend = Legend()
    legend.x, legend.y = x - 100 * len(items), d.height - 6
    legend.fontName = FONT
    legend.fontSize = 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 100
    legend.colorNamePairs = list(items)
    d.add(legend)


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], Any]],
    *,
    height: float = 62 * mm,
) -> Drawing:
    d = Drawing(WIDTH, height)
    _title(d, title)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 26
    chart.width, chart.height = WIDTH - 50, height - 56
    chart.data = [list(values) or [0] for _, values, _ in series]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.gridStrokeColor = LINE
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i, (_, _, color) in enumerate(series):
        chart.bars[i].fillColor = color
        chart.bars[i].strokeColor = None
    d.add(chart)
    if len(series) > 1:
        _legend(d, WIDTH, [(color, name) for name, _, color in series])
    return d


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], Any]],
    *,
    height: float = 62 * mm,
) -> Drawing:
    d = Drawing(WIDTH, height)
    _title(d, title)
    chart = HorizontalLineChart()
    chart.x, chart.y = 34, 26
    chart.width, chart.height = WIDTH - 50, height - 56
    chart.data = [list(values) or [0] for _, values, _ in series]
    step = max(1, len(labels) // 12)
    chart.categoryAxis.categoryNames = [
        label if i % step == 0 else "" for i, label in enumerate(labels)
    ] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LINE
    for i, (_, _, color) in enumerate(series):
        chart.lines[i].strokeColor = color
        chart.lines[i].strokeWidth = 1.6
    d.add(chart)
    _legend(d, WIDTH, [(color, name) for name, _, color in series])
    return d


def charts_of(report: Report, lang: Lang = "en") -> list[Drawing]:
    if isinstance(report, KpiReport):
        flows = report.flows
        return [
            line_chart(
                w(lang, "Points issued vs redeemed", "积分发放与兑换"),
                [f.first.strftime("%m-%d") for f in flows],
                [
                    (w(lang, "Issued", "发放"), [f.issued for f in flows], BLUE),
                    (w(lang, "Redeemed", "兑换"), [f.redeemed for f in flows], ORANGE),
                ],
            ),
            bar_chart(
                w(lang, "Points liability by expiry month (yuan)", "积分负债（按到期月，元）"),
                [f"{m.month:%Y-%m}" for m in report.liability],
                [
                    (
                        w(lang, "Liability", "负债"),
                        [m.value_fen / 100 for m in report.liability],
                        GREEN,
                    )
                ],
            ),
            bar_chart(
                w(lang, "Segment sizes", "细分人数"),
                [segment_name(v.segment, lang) for v in report.segment_values],
                [(w(lang, "Members", "人数"), [v.members for v in report.segment_values], BLUE)],
            ),
        ]
    if isinstance(report, SegmentReport):
        return [
            bar_chart(
                w(lang, "Segment sizes", "细分人数"),
                [segment_name(c.segment, lang) for c in report.counts],
                [
                    (report.header.previous.label, [c.previous for c in report.counts], GREY),
                    (report.header.period.label, [c.members for c in report.counts], BLUE),
                ],
            )
        ]
    if isinstance(report, TierReport):
        return [
            bar_chart(
                w(lang, "Tier distribution", "等级分布"),
                [tier_name(c.tier, lang) for c in report.counts],
                [
                    (report.header.previous.label, [c.previous for c in report.counts], GREY),
                    (report.header.period.label, [c.members for c in report.counts], BLUE),
                ],
            )
        ]
    return []


# -- the document ----------------------------------------------------------------------------


def write_pdf(
    report: Report,
    path: Path,
    tz: ZoneInfo,
    *,
    unmasked: bool = False,
    generated_at: datetime | None = None,
    lang: Lang = "en",
) -> int:
    """Write the report in `lang`; returns the number of pages. The CJK font is embedded
    whatever the language: names and store names are Chinese in both."""
    register_font()
    styles = _styles()
    store, period, title = store_text(report), period_text(report, lang), title_of(report, lang)
    stamp = (generated_at or datetime.now(tz)).astimezone(tz).strftime("%Y-%m-%d %H:%M")

    def page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        top = A4[1] - 10 * mm
        canvas.drawString(15 * mm, top, f"{store}  ·  {title}")
        canvas.drawRightString(A4[0] - 15 * mm, top, period)
        canvas.setStrokeColor(LINE)
        canvas.line(15 * mm, top - 2.5 * mm, A4[0] - 15 * mm, top - 2.5 * mm)
        if unmasked:
            phones = w(lang, "phones in full", "完整手机号")
        else:
            phones = w(lang, "phones masked", "手机号已隐藏")
        made = w(lang, f"Generated {stamp}", f"生成于 {stamp}")
        canvas.drawString(15 * mm, 8 * mm, f"{made} · {phones}")
        page_no = w(lang, f"Page {doc.page}", f"第 {doc.page} 页")
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, page_no)
        canvas.restoreState()

    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=18 * mm,
        bottomMargin=15 * mm,
        title=title,
        author=store,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="report", frames=[frame], onPage=page)])
    story: list[Any] = [
        Paragraph(title, styles["title"]),
        Paragraph(f"{store} · {period}", styles["body"]),
        Spacer(1, 4 * mm),
    ]
    tables = tables_of(report, tz, unmasked=unmasked, lang=lang)
    # The headline table first, then the charts, then the rest.
    story += _table(tables[0], styles, lang)
    for chart in charts_of(report, lang):
        story += [Spacer(1, 3 * mm), KeepTogether([chart])]
    for table in tables[1:]:
        if table.in_summary:
            story += _table(table, styles, lang)
    doc.build(story)
    return int(doc.page)
