"""`loyalty-desk report kpi|segments|tiers|winback`: the manager reports from the command line.

The same numbers as the Reports screen (one implementation in services). A period is
`--from DATE --to DATE` (a whole day, ISO week or calendar month is recognised as one and
compared with the one before; any other range with the same number of days before it),
or `--day/--week/--month DATE`; the default is the current month.

    loyalty-desk report kpi --month 2026-03 --format pdf --out march.pdf
    loyalty-desk report winback --format csv --out winback.csv
    loyalty-desk report winback --codes          # member codes, one a line
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loyalty_desk.cli import Output, parse_amount, with_desk
from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.people import parse_date
from loyalty_desk.domain.periods import Period, PeriodKind, period_between, period_of
from loyalty_desk.domain.report_lang import Lang, lang_of
from loyalty_desk.domain.spreadsheet import display_width, pad
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.texts import prefers_chinese, tr

if TYPE_CHECKING:
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.reports_tables import Report, Table

FORMATS = ("text", "json", "csv", "pdf")


def register(sub: Any) -> None:
    report = sub.add_parser(
        "report",
        help=tr(
            "manager reports: KPIs, segments, tiers, win-back",
            "店长报表：关键指标、细分、等级、召回",
        ),
    )
    rsub = report.add_subparsers(dest="report_command", required=True, parser_class=type(report))

    kpi = rsub.add_parser(
        "kpi", help=tr("KPIs of a period against the one before", "某期间的关键指标，与上一期对比")
    )
    _period_args(kpi)
    kpi.add_argument(
        "--store-sales",
        help=tr("the store's total sales in the period (yuan)", "门店该期间的总销售额（元）"),
    )
    kpi.add_argument(
        "--previous-store-sales", help=tr("… in the period before (yuan)", "…上一期（元）")
    )
    kpi.add_argument(
        "--top", type=int, default=10, help=tr("how many top members to list", "列出前多少名会员")
    )
    _output_args(kpi)
    kpi.set_defaults(handler=cmd_kpi)

    seg = rsub.add_parser(
        "segments",
        help=tr(
            "segments, moves between them, RFM, member lists", "细分、细分间变动、RFM、会员名单"
        ),
    )
    _period_args(seg)
    pick = seg.add_mutually_exclusive_group()
    pick.add_argument(
        "--members",
        metavar="SEGMENT",
        help=tr("list a segment: core|potential|…", "列出某细分：core|potential|…"),
    )
    pick.add_argument(
        "--move",
        metavar="FROM:TO",
        help=tr("list the members who moved FROM→TO", "列出从 FROM 变为 TO 的会员"),
    )
    pick.add_argument(
        "--rfm", metavar="R,F", help=tr("list an RFM cell, e.g. 5,1", "列出某 RFM 格，例如 5,1")
    )
    seg.add_argument("--limit", type=int, default=200)
    _output_args(seg)
    seg.set_defaults(handler=cmd_segments)

    tiers = rsub.add_parser(
        "tiers",
        help=tr(
            "tier distribution, moves, members close to the next",
            "等级分布、等级变动、即将升级的会员",
        ),
    )
    _period_args(tiers)
    tiers.add_argument("--limit", type=int, default=200)
    _output_args(tiers)
    tiers.set_defaults(handler=cmd_tiers)

    win = rsub.add_parser(
        "winback",
        help=tr("dormant and slipping members worth winning back", "值得召回的沉睡和消费下滑会员"),
    )
    win.add_argument("--slipping-days", type=int, default=60)
    win.add_argument("--limit", type=int, default=200)
    win.add_argument(
        "--codes",
        action="store_true",
        help=tr("print member codes only, one a line", "只输出会员号，每行一个"),
    )
    win.add_argument(
        "--issue-coupons",
        action="store_true",
        help=tr(
            "give everyone on the list a win-back coupon (manager PIN)",
            "给名单上每个人发召回券（需店长 PIN）",
        ),
    )
    _output_args(win)
    win.set_defaults(handler=cmd_winback)


def _period_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help=tr("first day (YYYY-MM-DD)", "第一天（YYYY-MM-DD）"),
    )
    p.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help=tr("last day (YYYY-MM-DD)", "最后一天（YYYY-MM-DD）"),
    )
    p.add_argument("--day", metavar="DATE", help=tr("that day", "当天"))
    p.add_argument(
        "--week",
        metavar="DATE",
        help=tr("the ISO week (Monday–Sunday) of that day", "该日所在的 ISO 周（周一至周日）"),
    )
    p.add_argument("--month", metavar="YYYY-MM", help=tr("that calendar month", "该自然月"))


def _output_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--out", help=tr("file to write (csv and pdf)", "输出文件（csv 和 pdf）"))
    p.add_argument(
        "--full-phones",
        action="store_true",
        help=tr("phones unmasked (manager PIN)", "显示完整手机号（需店长 PIN）"),
    )
    p.add_argument("--manager-pin")
    p.add_argument("--manager", help=tr("the approving manager's name", "批准店长的姓名"))
    p.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        help=tr(
            "the report's language (default: the store's or the PC's)",
            "报表语言（默认：门店设置或系统语言）",
        ),
    )


def report_lang(args: argparse.Namespace) -> Lang:
    """--lang, else the language the command speaks (texts.prefers_chinese)."""
    chosen = getattr(args, "lang", None)
    if chosen in ("zh_CN", "en"):
        return "zh_CN" if chosen == "zh_CN" else "en"
    return lang_of(prefers_chinese())


# -- arguments ---------------------------------------------------------------------------------


def period_from(desk: Desk, args: argparse.Namespace) -> Period | Refusal:
    today = local_date(desk.now(), desk.tz)
    given = [a for a in ("day", "week", "month") if getattr(args, a)]
    ranged = args.date_from is not None or args.date_to is not None
    if len(given) + ranged > 1:
        return refusal(Code.INVALID_DATE, "Give one period: --from/--to, --day, --week or --month.")
    if args.month:
        text = args.month.strip()
        parsed = parse_date(f"{text}-01" if len(text) == 7 else text, field="month")
        if isinstance(parsed, Refusal):
            return refusal(
                Code.INVALID_DATE, "'{text}' is not a month; write it as YYYY-MM.", text=text
            )
        return period_of(PeriodKind.MONTH, parsed)
    for kind in ("day", "week"):
        if getattr(args, kind):
            parsed = parse_date(getattr(args, kind), field=kind)
            if isinstance(parsed, Refusal):
                return parsed
            return period_of(PeriodKind(kind), parsed)
    if ranged:
        first = parse_date(args.date_from or args.date_to, field="start date")
        last = parse_date(args.date_to or args.date_from, field="end date")
        if isinstance(first, Refusal):
            return first
        if isinstance(last, Refusal):
            return last
        return period_between(first, last)
    return period_of(PeriodKind.MONTH, today)


def _yuan(text: str | None, what: str) -> int | Refusal | None:
    return None if text is None else parse_amount(text, what)


# -- output ------------------------------------------------------------------------------------


def render_text(tables: list[Table], head: list[str]) -> str:
    from loyalty_desk.services.reports_tables import cell_text

    lines = [*head]
    for t in tables:
        if not t.in_summary:
            continue
        cells = [list(t.columns)] + [[cell_text(c) for c in row] for row in t.rows]
        widths = [max(display_width(r[i]) for r in cells) for i in range(len(t.columns))]
        lines += ["", t.title]
        for row in cells:
            lines.append("  ".join(pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip())
        if t.note:
            lines.append(t.note)
    return "\n".join(lines)


def emit(desk: Desk, report: Report, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.reports_export import ExportFormat, export_report
    from loyalty_desk.services.reports_tables import period_text, store_text, tables_of, title_of

    fmt = args.format if args.format in ("csv", "pdf") or not args.json else "json"
    if fmt in ("csv", "pdf"):
        if not args.out:
            return refusal(Code.INVALID_FILE, "--format {fmt} needs --out FILE.", fmt=fmt)
        result = export_report(
            desk,
            report,
            ExportFormat(fmt),
            Path(args.out),
            unmasked=args.full_phones,
            manager_pin=args.manager_pin,
            manager_name=args.manager,
            lang=report_lang(args),
        )
        if isinstance(result, Refusal):
            return result
        return Output(result.to_json(), tr(f"Wrote {result.path}", f"已写入 {result.path}"))
    if args.full_phones:
        # Full phones on the screen or in JSON are an export too: same approval, same record.
        from loyalty_desk.services.reports_export import approve_full_phones

        approved = approve_full_phones(desk, report, args.manager_pin, args.manager, fmt)
        if isinstance(approved, Refusal):
            return approved
    data = report.to_json(unmasked=args.full_phones) if _maskable(report) else report.to_json()
    lang = report_lang(args)
    tables = tables_of(report, desk.tz, unmasked=args.full_phones, lang=lang)
    head = [title_of(report, lang), store_text(report), period_text(report, lang)]
    return Output(data, render_text(tables, head))


def _maskable(report: Report) -> bool:
    from loyalty_desk.services.reports_segments import SegmentReport

    return not isinstance(report, SegmentReport)


# -- commands -----------------------------------------------------------------------------------


@with_desk
def cmd_kpi(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.reports_kpi import kpi_report

    period = period_from(desk, args)
    sales = _yuan(args.store_sales, "store sales")
    before = _yuan(args.previous_store_sales, "previous store sales")
    for value in (period, sales, before):
        if isinstance(value, Refusal):
            return value
    assert isinstance(period, Period)
    report = kpi_report(
        desk,
        period,
        store_sales_fen=sales if isinstance(sales, int) else None,
        previous_store_sales_fen=before if isinstance(before, int) else None,
        top=max(0, args.top),
    )
    if isinstance(report, Refusal):
        return report
    return emit(desk, report, args)


@with_desk
def cmd_segments(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.reports_segments import segment_members, segment_report

    period = period_from(desk, args)
    if isinstance(period, Refusal):
        return period
    if args.members or args.move or args.rfm:
        cell = _cell(args)
        if isinstance(cell, Refusal):
            return cell
        listed = segment_members(desk, period, limit=max(1, args.limit), **cell)
        if isinstance(listed, Refusal):
            return listed
        return _member_list(desk, listed, args)
    report = segment_report(desk, period)
    if isinstance(report, Refusal):
        return report
    return emit(desk, report, args)


def _cell(args: argparse.Namespace) -> dict[str, Any] | Refusal:
    from loyalty_desk.domain.segments import Segment

    names = ", ".join(s.value for s in Segment)
    try:
        if args.members:
            return {"segment": Segment(args.members.strip().lower())}
        if args.move:
            a, b = args.move.split(":")
            return {"move": (Segment(a.strip().lower()), Segment(b.strip().lower()))}
        r, f = (int(x) for x in args.rfm.split(","))
        if not (1 <= r <= 5 and 1 <= f <= 5):
            raise ValueError
        return {"rfm": (r, f)}
    except ValueError:
        return refusal(
            Code.INVALID_QUERY,
            "Segments are {names}; a move is FROM:TO (core:dormant); an RFM cell is R,F (5,1).",
            names=names,
        )


def _member_list(desk: Desk, listed: Any, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.reports_tables import member_table

    if args.full_phones:
        return refusal(
            Code.INVALID_QUERY,
            "Full phones are for exports: use `report winback`/`tiers` with --format csv.",
        )
    table = member_table(listed, desk.tz, unmasked=False, lang=report_lang(args))
    return Output(listed.to_json(), render_text([table], []))


@with_desk
def cmd_tiers(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.reports_tiers import tier_report

    period = period_from(desk, args)
    if isinstance(period, Refusal):
        return period
    report = tier_report(desk, period, limit=max(1, args.limit))
    if isinstance(report, Refusal):
        return report
    return emit(desk, report, args)


@with_desk
def cmd_winback(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.reports_winback import winback_list

    if args.slipping_days < 1:
        return refusal(Code.INVALID_QUERY, "--slipping-days must be 1 or more.")
    if args.issue_coupons:
        from loyalty_desk.services.reports_winback import issue_winback_coupons

        issued = issue_winback_coupons(
            desk,
            slipping_days=args.slipping_days,
            manager_pin=args.manager_pin,
            manager_name=args.manager,
        )
        if isinstance(issued, Refusal):
            return issued
        return Output(
            issued.to_json(),
            tr(
                f"Issued {len(issued.issued)} win-back coupons "
                f"({issued.skipped} members already hold one).",
                f"已发放召回券 {len(issued.issued)} 张（{issued.skipped} 位会员已持有）。",
            ),
        )
    report = winback_list(desk, slipping_days=args.slipping_days, limit=max(1, args.limit))
    if isinstance(report, Refusal):
        return report
    if args.codes:
        codes = report.member_codes()
        return Output({"codes": codes}, "\n".join(codes))
    return emit(desk, report, args)
