"""The chain KPI report as rows: CSV that Excel opens with Chinese text (UTF-8 with BOM,
formulas neutralised, as the till's exports) and a plain-text summary for the terminal."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from loyalty_desk.domain.kpis import KpiLine, Unit
from loyalty_desk.domain.lifetime import SegmentValue
from loyalty_desk.domain.money import format_yuan
from loyalty_desk.domain.spreadsheet import display_width, neutralise, pad
from loyalty_desk.server.report_kpi import ChainKpiReport, ScopeReport

TITLE = "Chain KPI report 连锁关键指标"


def value_text(value: Any, unit: Unit) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal) or unit is Unit.RATE:
        return f"{Decimal(value) * 100:.2f}%"
    if unit is Unit.FEN:
        return format_yuan(int(value))
    return str(value)


def _scope(scope: ScopeReport) -> str:
    return scope.store_id or "CHAIN"


def _line_row(scope: ScopeReport, line: KpiLine) -> list[str]:
    return [
        _scope(scope),
        neutralise(scope.name),
        line.key,
        line.label_en,
        line.label_zh,
        str(line.unit),
        value_text(line.current, line.unit),
        value_text(line.previous, line.unit),
        value_text(line.change, line.unit),
    ]


def tables(report: ChainKpiReport, *, unmasked: bool = False) -> list[tuple[str, list[list[str]]]]:
    """(title, rows with the header first) of every table of the report."""
    kpis = [["Scope", "Store 门店", "Key", "KPI", "指标", "Unit", "Current", "Previous", "Change"]]
    liability = [["Scope", "Expires in 到期月份", "Points 积分", "Value 价值 (yuan)"]]
    coupons = [
        [
            *("Scope", "Kind 类型", "Issued 发放", "Used 使用", "Issued & used"),
            *("Use rate 使用率", "Discount 优惠 (yuan)"),
        ]
    ]
    top = [
        [
            *("Scope", "#", "Code 会员号", "Name 姓名", "Phone 手机", "Home store 开卡门店"),
            *("Receipts 小票", "Spend 消费 (yuan)", "Balance 积分余额"),
        ]
    ]
    values = [
        [
            *("Scope", "Segment 分层", "Members 人数", "Yearly spend 年消费 (yuan)"),
            *("Retention 留存率", "Lifetime value 终身价值 (yuan)"),
        ]
    ]
    for scope in report.scopes:
        values += [_value_row(scope, v) for v in scope.segment_values]
        kpis += [_line_row(scope, line) for line in scope.lines]
        liability += [
            [_scope(scope), f"{m.month:%Y-%m}", str(m.points), format_yuan(m.value_fen)]
            for m in scope.liability
        ]
        coupons += [
            [
                _scope(scope),
                neutralise(c.kind),
                str(c.issued),
                str(c.used),
                str(c.issued_used),
                value_text(c.use_rate, Unit.RATE),
                format_yuan(c.discount_fen),
            ]
            for c in scope.coupons
        ]
        for rank, t in enumerate(scope.top_members, 1):
            member = t.to_json(unmasked=unmasked)
            top.append(
                [
                    _scope(scope),
                    str(rank),
                    member["code"],
                    neutralise(member["name"]),
                    member["phone"],
                    member["home_store_id"],
                    str(t.receipts),
                    format_yuan(t.spend_fen),
                    str(t.balance),
                ]
            )
    return [
        ("KPIs 关键指标", kpis),
        ("Points liability by expiry month 积分负债（按到期月份）", liability),
        ("Coupons 优惠券", coupons),
        ("Top members 消费最多的会员", top),
        ("Lifetime value by segment 各分层终身价值", values),
    ]


def _value_row(scope: ScopeReport, v: SegmentValue) -> list[str]:
    return [
        _scope(scope),
        f"{v.segment.label_en} {v.segment.label_zh}",
        str(v.members),
        _yuan(v.annual_value_fen),
        value_text(v.retention, Unit.RATE),
        _yuan(v.lifetime_value_fen),
    ]


def _yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def heading(report: ChainKpiReport, *, unmasked: bool) -> list[list[str]]:
    return [
        [TITLE],
        ["Period 期间", f"{report.period.first} – {report.period.last}"],
        ["Compared with 对比", f"{report.previous.first} – {report.previous.last}"],
        ["Time zone 时区", report.timezone],
        ["As of 截至", report.as_of.isoformat()],
        ["Phones 手机", "full 完整" if unmasked else "masked 已隐藏"],
    ]


def to_csv(report: ChainKpiReport, *, unmasked: bool = False) -> str:
    """The whole report as CSV text; write it with encoding "utf-8-sig" (the BOM)."""
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerows(heading(report, unmasked=unmasked))
    for title, rows in tables(report, unmasked=unmasked):
        out.writerow([])
        out.writerow([title])
        out.writerows(rows)
    return buffer.getvalue()


def to_text(report: ChainKpiReport) -> str:
    """The KPI lines, one column per scope (phones never appear here)."""
    scopes = report.scopes
    lines = [TITLE, *(": ".join(row) for row in heading(report, unmasked=False)[1:5])]
    header = ["KPI", *(_scope(s) for s in scopes)]
    rows = [header] + [
        [f"{line.label_en} {line.label_zh}"]
        + [value_text(s.lines[i].current, line.unit) for s in scopes]
        for i, line in enumerate(scopes[0].lines if scopes else ())
    ]
    rows += [
        [f"Lifetime value {v.segment.label_en} {v.segment.label_zh}"]
        + [_yuan(s.segment_values[i].lifetime_value_fen) for s in scopes]
        for i, v in enumerate(scopes[0].segment_values if scopes else ())
    ]
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(header))]
    lines.append("")
    for row in rows:
        lines.append("  ".join(pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
