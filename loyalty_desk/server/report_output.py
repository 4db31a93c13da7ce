"""The chain KPI report as rows: CSV that Excel opens with Chinese text (UTF-8 with BOM,
formulas neutralised, as the till's exports) and a plain-text summary for the terminal.

Words are in one language, the command line's (texts.tr: --lang, $LOYALTY_DESK_LANG or the
system locale); keys, store ids and the CHAIN scope stay as they are, for scripts."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from loyalty_desk.domain.kpis import KpiLine, Unit
from loyalty_desk.domain.lifetime import SegmentValue
from loyalty_desk.domain.money import format_yuan
from loyalty_desk.domain.report_lang import Lang, lang_of, w
from loyalty_desk.domain.spreadsheet import display_width, neutralise, pad
from loyalty_desk.server.report_kpi import ChainKpiReport, ScopeReport
from loyalty_desk.texts import prefers_chinese


def default_lang() -> Lang:
    """The command line's language ($LOYALTY_DESK_LANG, else the system locale)."""
    return lang_of(prefers_chinese())


def title(lang: Lang) -> str:
    return w(lang, "Chain KPI report", "连锁关键指标报表")


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


def _line_row(scope: ScopeReport, line: KpiLine, lang: Lang) -> list[str]:
    return [
        _scope(scope),
        neutralise(scope.name),
        line.key,
        w(lang, line.label_en, line.label_zh),
        str(line.unit),
        value_text(line.current, line.unit),
        value_text(line.previous, line.unit),
        value_text(line.change, line.unit),
    ]


def tables(
    report: ChainKpiReport, *, unmasked: bool = False, lang: Lang = "en"
) -> list[tuple[str, list[list[str]]]]:
    """(title, rows with the header first) of every table of the report."""
    scope_word = w(lang, "Scope", "范围")
    kpis = [
        [
            *(scope_word, w(lang, "Store", "门店"), w(lang, "Key", "键"), w(lang, "KPI", "指标")),
            *(
                w(lang, "Unit", "单位"),
                w(lang, "Current", "本期"),
                w(lang, "Previous", "上期"),
                w(lang, "Change", "变化"),
            ),
        ]
    ]
    liability = [
        [
            scope_word,
            w(lang, "Expires in", "到期月份"),
            w(lang, "Points", "积分"),
            w(lang, "Value (yuan)", "价值（元）"),
        ]
    ]
    coupons = [
        [
            *(
                scope_word,
                w(lang, "Kind", "类型"),
                w(lang, "Issued", "发放"),
                w(lang, "Used", "使用"),
            ),
            *(w(lang, "Issued & used", "本期发放且使用"), w(lang, "Use rate", "使用率")),
            w(lang, "Discount (yuan)", "优惠（元）"),
        ]
    ]
    top = [
        [
            *(
                scope_word,
                "#",
                w(lang, "Code", "会员号"),
                w(lang, "Name", "姓名"),
                w(lang, "Phone", "手机"),
            ),
            *(
                w(lang, "Home store", "开卡门店"),
                w(lang, "Receipts", "小票"),
                w(lang, "Spend (yuan)", "消费（元）"),
            ),
            w(lang, "Balance", "积分余额"),
        ]
    ]
    values = [
        [
            *(scope_word, w(lang, "Segment", "分层"), w(lang, "Members", "人数")),
            *(w(lang, "Yearly spend (yuan)", "年消费（元）"), w(lang, "Retention", "留存率")),
            w(lang, "Lifetime value (yuan)", "终身价值（元）"),
        ]
    ]
    for scope in report.scopes:
        values += [_value_row(scope, v, lang) for v in scope.segment_values]
        kpis += [_line_row(scope, line, lang) for line in scope.lines]
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
        (w(lang, "KPIs", "关键指标"), kpis),
        (w(lang, "Points liability by expiry month", "积分负债（按到期月份）"), liability),
        (w(lang, "Coupons", "优惠券"), coupons),
        (w(lang, "Top members", "消费最多的会员"), top),
        (w(lang, "Lifetime value by segment", "各分层终身价值"), values),
    ]


def _value_row(scope: ScopeReport, v: SegmentValue, lang: Lang) -> list[str]:
    return [
        _scope(scope),
        w(lang, v.segment.label_en, v.segment.label_zh),
        str(v.members),
        _yuan(v.annual_value_fen),
        value_text(v.retention, Unit.RATE),
        _yuan(v.lifetime_value_fen),
    ]


def _yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def heading(report: ChainKpiReport, *, unmasked: bool, lang: Lang = "en") -> list[list[str]]:
    return [
        [title(lang)],
        [w(lang, "Period", "期间"), f"{report.period.first} – {report.period.last}"],
        [w(lang, "Compared with", "对比"), f"{report.previous.first} – {report.previous.last}"],
        [w(lang, "Time zone", "时区"), report.timezone],
        [w(lang, "As of", "截至"), report.as_of.isoformat()],
        [
            w(lang, "Phones", "手机"),
            w(lang, "full", "完整") if unmasked else w(lang, "masked", "已隐藏"),
        ],
    ]


def to_csv(report: ChainKpiReport, *, unmasked: bool = False, lang: Lang = "en") -> str:
    """The whole report as CSV text; write it with encoding "utf-8-sig" (the BOM)."""
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerows(heading(report, unmasked=unmasked, lang=lang))
    for name, rows in tables(report, unmasked=unmasked, lang=lang):
        out.writerow([])
        out.writerow([name])
        out.writerows(rows)
    return buffer.getvalue()


def to_text(report: ChainKpiReport, lang: Lang = "en") -> str:
    """The KPI lines, one column per scope (phones never appear here)."""
    scopes = report.scopes
    lines = [
        title(lang),
        *(": ".join(row) for row in heading(report, unmasked=False, lang=lang)[1:5]),
    ]
    header = [w(lang, "KPI", "指标"), *(_scope(s) for s in scopes)]
    rows = [header] + [
        [w(lang, line.label_en, line.label_zh)]
        + [value_text(s.lines[i].current, line.unit) for s in scopes]
        for i, line in enumerate(scopes[0].lines if scopes else ())
    ]
    rows += [
        [
            w(lang, "Lifetime value {segment}", "终身价值 {segment}").format(
                segment=w(lang, v.segment.label_en, v.segment.label_zh)
            )
        ]
        + [_yuan(s.segment_values[i].lifetime_value_fen) for s in scopes]
        for i, v in enumerate(scopes[0].segment_values if scopes else ())
    ]
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(header))]
    lines.append("")
    for row in rows:
        lines.append("  ".join(pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
