"""Every report as titled tables of typed cells: one layout for CSV, PDF and the CLI.

Every table is in one language, `lang` (report_words): titles, columns, tier and segment
names, notes. Cells keep their type (an amount of fen, a rate, a count, text) so each output
renders them its own way: CSV writes numbers Excel can add up, the PDF writes ¥1,234.50 and
62.50%.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from loyalty_desk.domain.kpis import Unit
from loyalty_desk.domain.money import format_yuan
from loyalty_desk.domain.report_lang import Lang, w
from loyalty_desk.services.report_words import (
    coupon_kind_name,
    list_title,
    member_note,
    segment_name,
    tier_name,
    tier_reason,
)
from loyalty_desk.services.reports_common import MemberLine, MemberList
from loyalty_desk.services.reports_kpi import KpiReport
from loyalty_desk.services.reports_segments import SegmentReport
from loyalty_desk.services.reports_tiers import TierReport
from loyalty_desk.services.reports_winback import WinbackReport

Report = KpiReport | SegmentReport | TierReport | WinbackReport


@dataclass(frozen=True, slots=True)
class Fen:
    value: int


@dataclass(frozen=True, slots=True)
class Rate:
    value: Decimal


Cell = str | int | Fen | Rate | None


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    in_summary: bool = True  # False: CSV only (the PDF draws it as a chart)


def yuan_text(fen: int) -> str:
    """1234567 -> '¥12,345.67' (for people; CSV keeps plain numbers)."""
    plain = format_yuan(fen)
    sign = "-" if plain.startswith("-") else ""
    whole, part = plain.lstrip("-").split(".")
    return f"{sign}¥{int(whole):,}.{part}"


def rate_text(rate: Decimal) -> str:
    return f"{rate * 100:.2f}%"


def cell_text(cell: Cell) -> str:
    if cell is None:
        return "—"
    if isinstance(cell, Fen):
        return yuan_text(cell.value)
    if isinstance(cell, Rate):
        return rate_text(cell.value)
    if isinstance(cell, int):
        return f"{cell:,}"
    return cell


def _value(unit: Unit, value: int | Decimal | None) -> Cell:
    if value is None:
        return None
    if unit is Unit.RATE:
        assert isinstance(value, Decimal)
        return Rate(value)
    assert isinstance(value, int)
    return Fen(value) if unit is Unit.FEN else value


def _local(moment: datetime | None, tz: ZoneInfo) -> str:
    return "" if moment is None else moment.astimezone(tz).strftime("%Y-%m-%d")


def member_table(members: MemberList, tz: ZoneInfo, *, unmasked: bool, lang: Lang = "en") -> Table:
    columns = (
        w(lang, "Code", "会员号"),
        w(lang, "Name", "姓名"),
        w(lang, "Phone", "手机"),
        w(lang, "Tier", "等级"),
        w(lang, "Segment", "细分"),
        w(lang, "Last visit", "最近到店"),
        w(lang, "Lifetime spend", "累计消费"),
        w(lang, "12-month spend", "近12月消费"),
        w(lang, "Purchases 12m", "近12月次数"),
        list_title(members.figure_label, lang)
        if members.figure_label
        else w(lang, "Figure", "数值"),
        w(lang, "Note", "说明"),
    )
    shown, total = len(members.members), members.total
    return Table(
        w(lang, "{title} ({total:,})", "{title}（{total:,}）").format(
            title=list_title(members.title, lang), total=total
        ),
        columns,
        tuple(_member_row(m, tz, unmasked, lang) for m in members.members),
        note=(
            w(lang, f"{shown:,} of {total:,} shown", f"显示 {total:,} 位中的 {shown:,} 位")
            if total > shown
            else ""
        ),
    )


def _member_row(m: MemberLine, tz: ZoneInfo, unmasked: bool, lang: Lang) -> tuple[Cell, ...]:
    return (
        m.code,
        m.name,
        m.shown_phone(unmasked),
        tier_name(m.tier, lang),
        segment_name(m.segment, lang),
        _local(m.last_visit_at or m.last_purchase_at, tz),
        Fen(m.lifetime_spend_fen),
        Fen(m.spend_12m_fen),
        m.purchases_12m,
        Fen(m.figure_fen) if m.figure_fen is not None else None,
        member_note(m.note, lang),
    )


def kpi_tables(
    report: KpiReport, tz: ZoneInfo, *, unmasked: bool, lang: Lang = "en"
) -> list[Table]:
    kpis = Table(
        w(lang, "KPIs", "关键指标"),
        (
            w(lang, "KPI", "指标"),
            report.header.period.label,
            report.header.previous.label,
            w(lang, "Change", "变化"),
            w(lang, "Change %", "变化率"),
        ),
        tuple(
            (
                w(lang, line.label_en, line.label_zh),
                _value(line.unit, line.current),
                _value(line.unit, line.previous),
                _value(line.unit, line.change),
                Rate(line.change_ratio) if line.change_ratio is not None else None,
            )
            for line in report.lines
        ),
    )
    step = w(
        lang, report.flow_step, {"day": "日", "week": "周", "month": "月"}.get(report.flow_step, "")
    )
    flows = Table(
        w(lang, "Points issued and redeemed", "积分发放与兑换"),
        (
            w(lang, f"From ({step})", f"起始（{step}）"),
            w(lang, "Issued", "发放"),
            w(lang, "Redeemed", "兑换"),
        ),
        tuple((f.first.isoformat(), f.issued, f.redeemed) for f in report.flows),
        in_summary=False,
    )
    liability = Table(
        w(lang, "Points liability by expiry month", "积分负债（按到期月）"),
        (w(lang, "Month", "月份"), w(lang, "Points", "积分"), w(lang, "Value", "价值")),
        (
            *((f"{m.month:%Y-%m}", m.points, Fen(m.value_fen)) for m in report.liability),
            (w(lang, "Owed by members", "会员欠分"), -report.debt_points, None),
        ),
    )
    coupons = Table(
        w(lang, "Coupons", "优惠券"),
        (
            w(lang, "Kind", "类型"),
            w(lang, "Issued", "发放"),
            w(lang, "Used", "使用"),
            w(lang, "Issued and used", "发放后已用"),
            w(lang, "Use rate", "使用率"),
            w(lang, "Discount", "优惠金额"),
        ),
        tuple(
            (
                coupon_kind_name(c.kind, lang),
                c.issued,
                c.used,
                c.issued_used,
                Rate(c.use_rate) if c.use_rate is not None else None,
                Fen(c.discount_fen),
            )
            for c in report.coupons
        ),
    )
    values = Table(
        w(lang, "Customer lifetime value by segment", "客户终身价值（按细分）"),
        (
            w(lang, "Segment", "细分"),
            w(lang, "Members", "人数"),
            w(lang, "Yearly spend", "年消费/人"),
            w(lang, "Retention", "留存率"),
            w(lang, "Lifetime value (5 years)", "终身价值（5 年）"),
        ),
        tuple(
            (
                segment_name(v.segment, lang),
                v.members,
                Fen(v.annual_value_fen) if v.annual_value_fen is not None else None,
                Rate(v.retention) if v.retention is not None else None,
                Fen(v.lifetime_value_fen) if v.lifetime_value_fen is not None else None,
            )
            for v in report.segment_values
        ),
        note=w(
            lang,
            "Yearly spend × Σ (retention / 1.1)^t over 5 years; retention from the last 90 days.",
            "年消费 × Σ（留存率 / 1.1）^t，共 5 年；留存率取自最近 90 天。",
        ),
    )
    top = member_table(report.top_members, tz, unmasked=unmasked, lang=lang)
    return [kpis, flows, liability, coupons, values, top]


def segment_tables(report: SegmentReport, lang: Lang = "en") -> list[Table]:
    counts = Table(
        w(lang, "Segments", "会员细分"),
        (
            w(lang, "Segment", "细分"),
            report.header.period.label,
            report.header.previous.label,
            w(lang, "Change", "变化"),
        ),
        tuple(
            (segment_name(c.segment, lang), c.members, c.previous, c.members - c.previous)
            for c in report.counts
        ),
    )
    moves = Table(
        w(lang, f"Moves between segments ({report.moved:,})", f"细分迁移（{report.moved:,}）"),
        (w(lang, "From", "从"), w(lang, "To", "到"), w(lang, "Members", "人数")),
        tuple(
            (segment_name(m.from_segment, lang), segment_name(m.to_segment, lang), m.members)
            for m in report.moves
        ),
    )
    grid = {(c.recency, c.frequency): c.members for c in report.rfm}
    rfm = Table(
        w(
            lang,
            "RFM: recency × frequency (members, as of now)",
            "RFM：最近消费 × 频次（人数，截至现在）",
        ),
        ("R \\ F", *(f"F{f}" for f in range(5, 0, -1))),
        tuple((f"R{r}", *(grid[(r, f)] for f in range(5, 0, -1))) for r in range(5, 0, -1)),
    )
    monetary = Table(
        w(lang, "RFM: monetary", "RFM：消费金额分"),
        ("M", w(lang, "Members", "人数")),
        tuple((f"M{score}", n) for score, n in report.rfm_monetary),
    )
    return [counts, moves, rfm, monetary]


def tier_tables(
    report: TierReport, tz: ZoneInfo, *, unmasked: bool, lang: Lang = "en"
) -> list[Table]:
    counts = Table(
        w(lang, "Tiers", "会员等级"),
        (
            w(lang, "Tier", "等级"),
            report.header.period.label,
            report.header.previous.label,
            w(lang, "Change", "变化"),
        ),
        tuple(
            (
                tier_name(c.tier, lang),
                c.members,
                c.previous,
                c.members - c.previous,
            )
            for c in report.counts
        ),
    )
    moves = Table(
        w(
            lang,
            f"Tier changes (up {report.upgrades:,}, down {report.downgrades:,})",
            f"等级变动（升级 {report.upgrades:,}，降级 {report.downgrades:,}）",
        ),
        (
            w(lang, "Reason", "原因"),
            w(lang, "From", "从"),
            w(lang, "To", "到"),
            w(lang, "Changes", "次数"),
        ),
        tuple(
            (
                tier_reason(m.reason, lang),
                tier_name(m.from_tier, lang),
                tier_name(m.to_tier, lang),
                m.changes,
            )
            for m in report.moves
        ),
    )
    return [counts, moves, member_table(report.close, tz, unmasked=unmasked, lang=lang)]


def winback_tables(
    report: WinbackReport, tz: ZoneInfo, *, unmasked: bool, lang: Lang = "en"
) -> list[Table]:
    return [
        member_table(report.slipping, tz, unmasked=unmasked, lang=lang),
        member_table(report.dormant, tz, unmasked=unmasked, lang=lang),
    ]


def tables_of(report: Report, tz: ZoneInfo, *, unmasked: bool, lang: Lang = "en") -> list[Table]:
    if isinstance(report, KpiReport):
        return kpi_tables(report, tz, unmasked=unmasked, lang=lang)
    if isinstance(report, SegmentReport):
        return segment_tables(report, lang)
    if isinstance(report, TierReport):
        return tier_tables(report, tz, unmasked=unmasked, lang=lang)
    return winback_tables(report, tz, unmasked=unmasked, lang=lang)


def title_of(report: Report, lang: Lang = "en") -> str:
    if isinstance(report, KpiReport):
        return w(lang, "Member KPIs", "会员关键指标")
    if isinstance(report, SegmentReport):
        return w(lang, "Member segments", "会员细分")
    if isinstance(report, TierReport):
        return w(lang, "Member tiers", "会员等级")
    return w(lang, "Win-back list", "会员召回名单")


def period_text(report: Report, lang: Lang = "en") -> str:
    if isinstance(report, WinbackReport):
        return w(lang, "as of {at} UTC", "截至 {at}（UTC）").format(
            at=f"{report.as_of:%Y-%m-%d %H:%M}"
        )
    p, q = report.header.period, report.header.previous
    return (
        f"{p.label} ({p.first.isoformat()} – {p.last.isoformat()}) "
        + w(lang, "vs", "对比")
        + f" {q.label} ({q.first.isoformat()} – {q.last.isoformat()})"
    )


def store_text(report: Report) -> str:
    if isinstance(report, WinbackReport):
        return f"{report.store_name} ({report.store_id})"
    return f"{report.header.store_name} ({report.header.store_id})"
