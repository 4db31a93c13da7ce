"""Every report as titled tables of typed cells: one layout for CSV, PDF and the CLI.

Cells keep their type (an amount of fen, a rate, a count, text) so each output renders them
its own way: CSV writes numbers Excel can add up, the PDF writes ¥1,234.50 and 62.50%.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from loyalty_desk.domain.kpis import Unit
from loyalty_desk.domain.money import format_yuan
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


def member_table(members: MemberList, tz: ZoneInfo, *, unmasked: bool) -> Table:
    columns = (
        "Code 会员号",
        "Name 姓名",
        "Phone 手机",
        "Tier 等级",
        "Segment 细分",
        "Last visit 最近到店",
        "Lifetime spend 累计消费",
        "12-month spend 近12月消费",
        "Purchases 12m 近12月次数",
        members.figure_label or "Figure",
        "Note 说明",
    )
    return Table(
        f"{members.title} ({members.total})",
        columns,
        tuple(_member_row(m, tz, unmasked) for m in members.members),
        note=(
            f"{len(members.members)} of {members.total} shown"
            if members.total > len(members.members)
            else ""
        ),
    )


def _member_row(m: MemberLine, tz: ZoneInfo, unmasked: bool) -> tuple[Cell, ...]:
    return (
        m.code,
        m.name,
        m.shown_phone(unmasked),
        m.tier.value,
        m.segment,
        _local(m.last_visit_at or m.last_purchase_at, tz),
        Fen(m.lifetime_spend_fen),
        Fen(m.spend_12m_fen),
        m.purchases_12m,
        Fen(m.figure_fen) if m.figure_fen is not None else None,
        m.note,
    )


def kpi_tables(report: KpiReport, tz: ZoneInfo, *, unmasked: bool) -> list[Table]:
    kpis = Table(
        "KPIs 关键指标",
        (
            "KPI",
            "指标",
            report.header.period.label,
            report.header.previous.label,
            "Change 变化",
            "Change %",
        ),
        tuple(
            (
                line.label_en,
                line.label_zh,
                _value(line.unit, line.current),
                _value(line.unit, line.previous),
                _value(line.unit, line.change),
                Rate(line.change_ratio) if line.change_ratio is not None else None,
            )
            for line in report.lines
        ),
    )
    flows = Table(
        "Points issued and redeemed 积分发放与兑换",
        (f"From ({report.flow_step}) 起", "Issued 发放", "Redeemed 兑换"),
        tuple((f.first.isoformat(), f.issued, f.redeemed) for f in report.flows),
        in_summary=False,
    )
    liability = Table(
        "Points liability by expiry month 积分负债（按到期月）",
        ("Month 月份", "Points 积分", "Value 价值"),
        (
            *((f"{m.month:%Y-%m}", m.points, Fen(m.value_fen)) for m in report.liability),
            ("Owed by members 会员欠分", -report.debt_points, None),
        ),
    )
    coupons = Table(
        "Coupons 优惠券",
        (
            "Kind 类型",
            "Issued 发放",
            "Used 使用",
            "Issued and used 发放后已用",
            "Use rate 使用率",
            "Discount 优惠金额",
        ),
        tuple(
            (
                c.kind,
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
        "Customer lifetime value by segment 客户终身价值（按细分）",
        (
            "Segment 细分",
            "Members 人数",
            "Yearly spend 年消费/人",
            "Retention 留存率",
            "Lifetime value (5 years) 终身价值",
        ),
        tuple(
            (
                f"{v.segment.label_en} {v.segment.label_zh}",
                v.members,
                Fen(v.annual_value_fen) if v.annual_value_fen is not None else None,
                Rate(v.retention) if v.retention is not None else None,
                Fen(v.lifetime_value_fen) if v.lifetime_value_fen is not None else None,
            )
            for v in report.segment_values
        ),
        note="Yearly spend × Σ (retention / 1.1)^t over 5 years; retention from the last 90 days.",
    )
    top = member_table(report.top_members, tz, unmasked=unmasked)
    return [kpis, flows, liability, coupons, values, top]


def segment_tables(report: SegmentReport) -> list[Table]:
    counts = Table(
        "Segments 会员细分",
        (
            "Segment",
            "细分",
            report.header.period.label,
            report.header.previous.label,
            "Change 变化",
        ),
        tuple(
            (c.segment.label_en, c.segment.label_zh, c.members, c.previous, c.members - c.previous)
            for c in report.counts
        ),
    )
    moves = Table(
        f"Moves between segments 细分迁移 ({report.moved})",
        ("From 从", "To 到", "Members 人数"),
        tuple(
            (
                f"{m.from_segment.label_en} {m.from_segment.label_zh}",
                f"{m.to_segment.label_en} {m.to_segment.label_zh}",
                m.members,
            )
            for m in report.moves
        ),
    )
    grid = {(c.recency, c.frequency): c.members for c in report.rfm}
    rfm = Table(
        "RFM: recency × frequency (members, as of now) 最近消费×频次",
        ("R \\ F", *(f"F{f}" for f in range(5, 0, -1))),
        tuple((f"R{r}", *(grid[(r, f)] for f in range(5, 0, -1))) for r in range(5, 0, -1)),
    )
    monetary = Table(
        "RFM: monetary 消费金额分",
        ("M", "Members 人数"),
        tuple((f"M{score}", n) for score, n in report.rfm_monetary),
    )
    return [counts, moves, rfm, monetary]


def tier_tables(report: TierReport, tz: ZoneInfo, *, unmasked: bool) -> list[Table]:
    counts = Table(
        "Tiers 会员等级",
        ("Tier", "等级", report.header.period.label, report.header.previous.label, "Change 变化"),
        tuple(
            (
                c.tier.value.capitalize(),
                c.tier.label_zh,
                c.members,
                c.previous,
                c.members - c.previous,
            )
            for c in report.counts
        ),
    )
    moves = Table(
        f"Tier changes 等级变动 (up {report.upgrades}, down {report.downgrades})",
        ("Reason 原因", "From 从", "To 到", "Changes 次数"),
        tuple((m.reason, m.from_tier.value, m.to_tier.value, m.changes) for m in report.moves),
    )
    return [counts, moves, member_table(report.close, tz, unmasked=unmasked)]


def winback_tables(report: WinbackReport, tz: ZoneInfo, *, unmasked: bool) -> list[Table]:
    return [
        member_table(report.slipping, tz, unmasked=unmasked),
        member_table(report.dormant, tz, unmasked=unmasked),
    ]


def tables_of(report: Report, tz: ZoneInfo, *, unmasked: bool) -> list[Table]:
    if isinstance(report, KpiReport):
        return kpi_tables(report, tz, unmasked=unmasked)
    if isinstance(report, SegmentReport):
        return segment_tables(report)
    if isinstance(report, TierReport):
        return tier_tables(report, tz, unmasked=unmasked)
    return winback_tables(report, tz, unmasked=unmasked)


def title_of(report: Report) -> str:
    if isinstance(report, KpiReport):
        return "Member KPIs 会员关键指标"
    if isinstance(report, SegmentReport):
        return "Member segments 会员细分"
    if isinstance(report, TierReport):
        return "Member tiers 会员等级"
    return "Win-back list 会员召回名单"


def period_text(report: Report) -> str:
    if isinstance(report, WinbackReport):
        return f"as of {report.as_of:%Y-%m-%d %H:%M} UTC"
    p, q = report.header.period, report.header.previous
    return (
        f"{p.label} ({p.first.isoformat()} – {p.last.isoformat()}) "
        f"vs {q.label} ({q.first.isoformat()} – {q.last.isoformat()})"
    )


def store_text(report: Report) -> str:
    if isinstance(report, WinbackReport):
        return f"{report.store_name} ({report.store_id})"
    return f"{report.header.store_name} ({report.header.store_id})"
