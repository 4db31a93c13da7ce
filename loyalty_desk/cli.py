"""The `loyalty-desk` command: a scriptable face of `services` for POS systems and operators.

Exit status: 0 done, 2 refused (a business rule or bad input said no; nothing changed),
1 fault. With --json every command prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from loyalty_desk import __version__
from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.money import format_yuan, parse_yuan
from loyalty_desk.domain.people import parse_date
from loyalty_desk.logs import LogSession, start_logging
from loyalty_desk.refusal_texts import say
from loyalty_desk.texts import (
    argparse_words,
    bonus_name,
    entry_kind,
    prefers_chinese,
    reason,
    rule_source,
    tr,
    use_store_language,
)

if TYPE_CHECKING:  # services are imported lazily: quick commands start fast
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.views import MemberSummary, MemberView


log = logging.getLogger("loyalty_desk.cli")


class UsageError(Exception):
    pass


# argparse looks its own words up through gettext at the moment it prints them.
argparse._ = argparse_words  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


@dataclass
class Output:
    data: dict[str, Any]
    text: str


Handler = Callable[[argparse.Namespace], "Output | Refusal"]


# -- helpers -------------------------------------------------------------------------------


def data_dir_of(args: argparse.Namespace) -> Path:
    from loyalty_desk.services.paths import default_data_dir

    return Path(args.data_dir) if args.data_dir else default_data_dir()


def open_desk(args: argparse.Namespace) -> Desk | Refusal:
    from loyalty_desk.services import maintenance
    from loyalty_desk.services.desk import Desk

    desk = Desk.open(data_dir_of(args))
    if not isinstance(desk, Refusal):
        from loyalty_desk.services import settings

        use_store_language(str(settings.load(desk).language))
    if not isinstance(desk, Refusal) and desk.upgrade is not None:
        tell_upgraded(desk)
    if not isinstance(desk, Refusal) and getattr(args, "daily_jobs", True):
        maintenance.open_store(desk)
    return desk


def tell_upgraded(desk: Desk) -> None:
    """On stderr, so that --json still prints exactly one object on stdout."""
    upgrade = desk.upgrade
    assert upgrade is not None
    log.info(
        "database upgraded from %s to %s; copy before: %s",
        upgrade.from_revision,
        upgrade.to_revision,
        upgrade.backup,
    )
    print(
        tr(
            f"Upgraded the database from schema {upgrade.from_revision} to "
            f"{upgrade.to_revision}; the copy from before is {upgrade.backup}",
            f"数据库已从 {upgrade.from_revision} 升级到 {upgrade.to_revision}；"
            f"升级前的副本：{upgrade.backup}",
        ),
        file=sys.stderr,
    )


def parse_amount(text: str, what: str) -> int | Refusal:
    return parse_yuan(text, field=what)


def parse_int(text: str, what: str, code: Code = Code.INVALID_POINTS) -> int | Refusal:
    stripped = text.strip()
    body = stripped[1:] if stripped[:1] in "+-" else stripped
    if not body.isascii() or not body.isdigit() or len(body) > 9:
        return refusal(
            code,
            "{what} must be a whole number, not '{text}'.",
            what=what,
            text=text,
        )
    return int(stripped)


def parse_at(text: str | None) -> datetime | Refusal | None:
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return refusal(
            Code.INVALID_TIME, "'{text}' is not a time as ISO 8601 (2026-05-01T14:30).", text=text
        )


def local_time(desk: Desk, moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone(desk.tz).strftime("%Y-%m-%d %H:%M")


def tier_label(tier: str) -> str:
    from loyalty_desk.domain.tiers import Tier

    t = Tier(tier)
    return tr(t.value.capitalize(), t.label_zh)


def member_text(desk: Desk, m: MemberView) -> str:
    flags = ", ".join(m.flags)
    lines = [
        f"{m.name}  {m.phone_masked}  [{tier_label(m.tier)}]  {tr('code', '会员号')} {m.code}",
        tr(
            f"Balance {m.balance} points (¥{format_yuan(m.balance_value_fen)}), "
            f"{m.expiring_30d} expiring within 30 days",
            f"积分 {m.balance}（可抵 ¥{format_yuan(m.balance_value_fen)}），"
            f"30天内到期 {m.expiring_30d}",
        ),
        tr(
            f"Last visit {local_time(desk, m.last_visit_at)}",
            f"最近到店 {local_time(desk, m.last_visit_at)}",
        ),
    ]
    if m.birthday_month:
        lines.append(tr("Birthday month", "本月生日"))
    if flags:
        lines.append(tr(f"Flags: {flags}", f"标记：{flags}"))
    return "\n".join(lines)


def summary_line(desk: Desk, m: MemberSummary) -> str:
    return (
        f"{m.code}  {m.phone_masked}  {m.name}  [{tier_label(m.tier)}]  "
        f"{m.balance} {tr('pts', '分')}  {local_time(desk, m.last_visit_at)}"
    )


def with_desk(fn: Callable[[Desk, argparse.Namespace], Output | Refusal]) -> Handler:
    def run(args: argparse.Namespace) -> Output | Refusal:
        desk = open_desk(args)
        if isinstance(desk, Refusal):
            return desk
        try:
            return fn(desk, args)
        finally:
            desk.close()

    return run


# -- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.setup import init_store

    result = init_store(data_dir_of(args), args.store_id, args.store_name, args.timezone)
    if isinstance(result, Refusal):
        return result
    verb = tr("Created", "已创建") if result.created else tr("Upgraded", "已升级")
    text = f"{verb}: {result.store_name} ({result.store_id}), {result.timezone}\n{result.data_dir}"
    if result.backup:
        text += "\n" + tr(f"Backup: {result.backup}", f"备份：{result.backup}")
    return Output(result.to_json(), text)


@with_desk
def cmd_enroll(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import members

    birthday = None
    if args.birthday:
        parsed = parse_date(args.birthday, field="birthday")
        if isinstance(parsed, Refusal):
            return parsed
        birthday = parsed
    result = members.enroll(desk, args.phone, args.name, birthday, args.referrer)
    if isinstance(result, Refusal):
        return result
    return Output(result.to_json(), tr("Enrolled:\n", "已入会：\n") + member_text(desk, result))


@with_desk
def cmd_find(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import members

    found = members.find(desk, args.query)
    if isinstance(found, Refusal):
        return found
    data = {"mode": found.mode, "members": [m.to_json() for m in found.members]}
    if not found.members:
        return Output(data, tr("No member found.", "未找到会员。"))
    return Output(data, "\n".join(summary_line(desk, m) for m in found.members))


@with_desk
def cmd_show(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import members

    view = members.show(desk, args.member)
    if isinstance(view, Refusal):
        return view
    return Output(view.to_json(), member_text(desk, view))


@with_desk
def cmd_history(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import members

    view = members.show(desk, args.member)
    if isinstance(view, Refusal):
        return view
    lines = members.history(desk, args.member)
    if isinstance(lines, Refusal):
        return lines
    text = [member_text(desk, view), ""]
    for h in lines:
        extra = f" {tr('receipt', '小票')} {h.receipt_no}" if h.receipt_no else ""
        if h.amount_fen is not None:
            extra += f" ¥{format_yuan(h.amount_fen)}"
        if h.expires_at is not None:
            extra += f" {tr('expires', '到期')} {local_time(desk, h.expires_at)[:10]}"
        if h.reason:
            extra += f" ({reason(h.reason)})"
        text.append(
            f"{local_time(desk, h.occurred_at)}  {entry_kind(h.kind):<8} {h.points:>+7}  "
            f"= {h.balance_after:>7}"
            f"  {h.store_id}{extra}"
        )
    return Output(
        {"member": view.to_json(), "entries": [h.to_json() for h in lines]}, "\n".join(text)
    )


@with_desk
def cmd_import(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from tqdm import tqdm

    from loyalty_desk.services.importing import import_members

    bar: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit=tr("members", "人"), file=sys.stderr, leave=False)
        bar.update(done - bar.n)

    try:
        report = import_members(desk, Path(args.file), progress)
    finally:
        if bar is not None:
            bar.close()
    if isinstance(report, Refusal):
        return report
    text = [
        tr(
            f"{report.imported} of {report.rows} rows imported, "
            f"{report.opening_points} opening points; {len(report.rejected)} rejected.",
            f"共 {report.rows} 行，导入 {report.imported} 人，期初积分 {report.opening_points}；"
            f"拒绝 {len(report.rejected)} 行。",
        )
    ]
    text += [
        f"  {tr('line', '行')} {r.line}: {r.code} "
        + say(Refusal(cast(Code, r.code), r.message), chinese=prefers_chinese())
        for r in report.rejected[:50]
    ]
    if len(report.rejected) > 50:
        text.append(tr("  … see --json for all rows", "  …完整列表见 --json"))
    return Output(report.to_json(), "\n".join(text))


@with_desk
def cmd_earn(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import checkout

    amount = parse_amount(args.amount, "amount")
    at = parse_at(args.at)
    if isinstance(amount, Refusal):
        return amount
    if isinstance(at, Refusal):
        return at
    result = checkout.earn(desk, args.member, args.receipt, amount, at=at)
    if isinstance(result, Refusal):
        return result
    b = result.breakdown
    why = [f"{b['base_points']} {tr('base', '基础')}"]
    if b["bonus"]:
        why.append(f"×{b['bonus_multiplier']} {bonus_name(b['bonus'])}")
    why.append(f"×{b['tier_multiplier']} {tier_label(b['tier'])}")
    if b["capped_points"]:
        why.append(
            tr(f"{b['capped_points']} over the daily cap", f"超出单日上限 {b['capped_points']}")
        )
    head = (
        tr("Already recorded: ", "已记录过：") if result.replayed else tr("Awarded ", "本次积分 ")
    )
    text = f"{head}{result.points_awarded} ({', '.join(why)})"
    if result.referral_points:
        text += tr(
            f"\nReferral: +{result.referral_points} to the member, +{result.referrer_points} "
            "to the referrer",
            f"\n推荐奖励：本人 +{result.referral_points}，推荐人 +{result.referrer_points}",
        )
    if result.upgraded_to:
        text += tr(
            f"\nUpgraded to {tier_label(result.upgraded_to)}",
            f"\n升级为 {tier_label(result.upgraded_to)}",
        )
    return Output(result.to_json(), text + "\n" + member_text(desk, result.member))


@with_desk
def cmd_redeem(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import checkout

    points = parse_int(args.points, "points")
    amount = parse_amount(args.receipt_amount, "receipt amount")
    at = parse_at(args.at)
    for value in (points, amount, at):
        if isinstance(value, Refusal):
            return value
    assert isinstance(points, int) and isinstance(amount, int) and not isinstance(at, Refusal)
    result = checkout.redeem(desk, args.member, args.receipt, points, amount, at=at)
    if isinstance(result, Refusal):
        return result
    text = tr(
        f"Redeemed {result.points_redeemed} points = ¥{format_yuan(result.value_fen)} off",
        f"已抵扣 {result.points_redeemed} 积分 = ¥{format_yuan(result.value_fen)}",
    )
    return Output(result.to_json(), text + "\n" + member_text(desk, result.member))


@with_desk
def cmd_refund(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import checkout

    amount = None
    if args.amount is not None:
        parsed = parse_amount(args.amount, "refund amount")
        if isinstance(parsed, Refusal):
            return parsed
        amount = parsed
    at = parse_at(args.at)
    if isinstance(at, Refusal):
        return at
    result = checkout.refund(
        desk, args.receipt, amount, manager_pin=args.manager_pin, manager_name=args.manager, at=at
    )
    if isinstance(result, Refusal):
        return result
    text = tr(
        f"Refunded ¥{format_yuan(result.refunded_fen)} of {result.receipt_no}: "
        f"{result.points_reversed} points reversed, {result.points_restored} restored",
        f"已退 ¥{format_yuan(result.refunded_fen)}（小票 {result.receipt_no}）："
        f"扣回 {result.points_reversed} 积分，退还 {result.points_restored} 积分",
    )
    return Output(result.to_json(), text + "\n" + member_text(desk, result.member))


@with_desk
def cmd_adjust(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.adjust import adjust

    points = parse_int(args.points, "points")
    if isinstance(points, Refusal):
        return points
    result = adjust(
        desk,
        args.member,
        points,
        args.reason,
        manager_pin=args.manager_pin,
        manager_name=args.manager,
    )
    if isinstance(result, Refusal):
        return result
    text = tr(f"Adjusted {result.points:+d} points", f"已调整 {result.points:+d} 积分")
    return Output(result.to_json(), text + "\n" + member_text(desk, result.member))


def cmd_expire(args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import maintenance

    args.daily_jobs = False

    @with_desk
    def run(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
        at = parse_at(args.at)
        if isinstance(at, Refusal):
            return at
        result = maintenance.expire(desk, at)
        if isinstance(result, Refusal):
            return result
        text = tr(
            f"Expired {result.points} points of {result.members} members; "
            f"{result.tier_changes} tier reviews.",
            f"{result.members} 位会员的 {result.points} 积分已过期；"
            f"等级复审 {result.tier_changes} 位。",
        )
        return Output(result.to_json(), text)

    return run(args)


@with_desk
def cmd_staff_add(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.staff import add_staff

    result = add_staff(desk, args.name, args.role, args.pin, args.manager_pin)
    if isinstance(result, Refusal):
        return result
    role = tr("manager", "店长") if result.role == "manager" else tr("cashier", "收银员")
    return Output(
        result.to_json(), tr(f"Added {role} {result.name}", f"已添加{role} {result.name}")
    )


@with_desk
def cmd_audit_verify(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.audit import verify

    report = verify(desk)
    data = {"ok": report.ok, "rows": report.rows, "problems": list(report.problems)}
    if not report.ok:
        problems = "; ".join(report.problems)
        return refusal(
            Code.AUDIT_BROKEN,
            "The audit log was tampered with: {problems}",
            details=data,
            problems=problems,
        )
    return Output(
        data, tr(f"Audit log intact: {report.rows} rows.", f"审计日志完整：{report.rows} 行。")
    )


@with_desk
def cmd_rules_show(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import rules

    versions = rules.versions(desk)
    current = desk.rules_at(desk.now())
    data = {"in_effect": current.version, "versions": [v.to_json() for v in versions]}
    lines = [
        f"v{v.version}  {tr('from', '生效')} {local_time(desk, v.effective_from)[:10]}  "
        f"{rule_source(v.source)}" + ("  ←" if v.version == current.version else "")
        for v in versions
    ]
    e, t, r = current.earning, current.tiers, current.redemption
    facts = [
        (tr("yuan per point", "每积分消费（元）"), e.fen_per_point // 100),
        (tr("first purchase", "首单倍数"), f"×{e.first_purchase_multiplier}"),
        (tr("big ticket", "大单"), f"≥{e.big_ticket_fen // 100} ×{e.big_ticket_multiplier}"),
        (tr("birthday month", "生日月"), f"×{e.birthday_multiplier}"),
        (tr("daily cap", "单日上限"), e.daily_cap_points),
        (
            tr("tier multipliers", "等级倍数"),
            f"×{t.regular_multiplier} ×{t.silver_multiplier} ×{t.gold_multiplier} "
            f"×{t.diamond_multiplier}",
        ),
        (tr("fen per point redeemed", "每积分抵（分）"), r.fen_per_point),
        (tr("redeem at least", "最少抵扣积分"), r.min_points),
        (tr("share of a receipt", "抵扣上限"), f"{r.max_share_percent}%"),
        (tr("points expire after (months)", "积分有效期（月）"), current.expiry.months),
    ]
    lines += [""] + [f"{name}: {value}" for name, value in facts]
    return Output(data, "\n".join(lines))


@with_desk
def cmd_rules_publish(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import rules

    effective = parse_date(args.effective, field="effective date")
    if isinstance(effective, Refusal):
        return effective
    result = rules.publish_local(
        desk, Path(args.file), effective, manager_pin=args.manager_pin, manager_name=args.manager
    )
    if isinstance(result, Refusal):
        return result
    return Output(
        result.to_json(),
        tr(
            f"Rules v{result.version} take effect on {args.effective}.",
            f"规则 v{result.version} 将于 {args.effective} 生效。",
        ),
    )


@with_desk
def cmd_backup(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.backup import backup_now

    result = backup_now(desk, Path(args.to) if args.to else None)
    if isinstance(result, Refusal):
        return result
    return Output(
        result.to_json(),
        tr(f"Backed up to {result.path}", f"已备份到 {result.path}"),
    )


def cmd_restore(args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services.backup import restore
    from loyalty_desk.services.desk import system_clock

    result = restore(data_dir_of(args), Path(args.file), now=system_clock())
    if isinstance(result, Refusal):
        return result
    text = tr(f"Restored from {result.restored_from}", f"已从 {result.restored_from} 恢复")
    if result.saved_current_as:
        text += tr(
            f"\nThe database it replaced is kept as {result.saved_current_as}",
            f"\n被替换的数据库已保存为 {result.saved_current_as}",
        )
    return Output(result.to_json(), text)


# -- parser --------------------------------------------------------------------------------

# Each feature area registers its own subcommands: `register(subparsers)` in these modules.
EXTENSIONS: tuple[str, ...] = (
    "loyalty_desk.coupon_cli",
    "loyalty_desk.cli_gui",
    "loyalty_desk.cli_reports",
    "loyalty_desk.cli_sync",
    "loyalty_desk.server.cli",
)


def build_parser() -> Parser:
    p = Parser(
        prog="loyalty-desk",
        description=tr(
            "Loyalty Desk: members, points and coupons.", "积分台：会员、积分和优惠券。"
        ),
    )
    p.add_argument("--version", action="version", version=f"loyalty-desk {__version__}")
    p.add_argument(
        "--data-dir",
        help=tr(
            "store data directory (default: platform data dir)",
            "门店数据目录（默认：系统数据目录）",
        ),
    )
    p.add_argument(
        "--json", action="store_true", help=tr("print one JSON object", "输出一个 JSON 对象")
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    init = sub.add_parser(
        "init", help=tr("create or upgrade this till's database", "创建或升级本收银机数据库")
    )
    init.add_argument("--store-id", required=True)
    init.add_argument("--store-name")
    init.add_argument("--timezone")
    init.set_defaults(handler=cmd_init)

    member = sub.add_parser(
        "member", help=tr("enrol, find and show members", "登记、查找和查看会员")
    )
    msub = member.add_subparsers(dest="member_command", required=True, parser_class=Parser)
    enroll = msub.add_parser("enroll", help=tr("enrol a new member", "登记新会员"))
    enroll.add_argument("--phone", required=True)
    enroll.add_argument("--name", required=True)
    enroll.add_argument("--birthday", help="YYYY-MM-DD")
    enroll.add_argument(
        "--referrer", help=tr("the referring member's referral code", "推荐人的推荐码")
    )
    enroll.set_defaults(handler=cmd_enroll)
    find = msub.add_parser(
        "find",
        help=tr(
            "full phone, last 4 digits, member code or QR payload",
            "完整手机号、后4位、会员号或二维码内容",
        ),
    )
    find.add_argument("query")
    find.set_defaults(handler=cmd_find)
    show = msub.add_parser(
        "show", help=tr("one member by code or full phone", "按会员号或完整手机号查看一位会员")
    )
    show.add_argument("member")
    show.set_defaults(handler=cmd_show)
    hist = msub.add_parser("history", help=tr("a member's points ledger", "会员的积分流水"))
    hist.add_argument("member")
    hist.set_defaults(handler=cmd_history)
    imp = msub.add_parser("import", help=tr("import members from CSV", "从 CSV 导入会员"))
    imp.add_argument("file")
    imp.set_defaults(handler=cmd_import)

    earn = sub.add_parser("earn", help=tr("award points for a receipt", "为一张小票发放积分"))
    earn.add_argument("member")
    earn.add_argument("--receipt", required=True)
    earn.add_argument("--amount", required=True, help=tr("amount paid, in yuan", "实付金额（元）"))
    earn.add_argument(
        "--at", help=tr("when the sale happened (ISO 8601)", "交易发生时间（ISO 8601）")
    )
    earn.set_defaults(handler=cmd_earn)

    redeem = sub.add_parser("redeem", help=tr("spend points against a receipt", "用积分抵扣小票"))
    redeem.add_argument("member")
    redeem.add_argument("--receipt", required=True)
    redeem.add_argument("--points", required=True)
    redeem.add_argument(
        "--receipt-amount", required=True, help=tr("receipt total, in yuan", "小票总额（元）")
    )
    redeem.add_argument("--at")
    redeem.set_defaults(handler=cmd_redeem)

    refund = sub.add_parser(
        "refund", help=tr("refund a receipt in full or in part", "整单或部分退货")
    )
    refund.add_argument("--receipt", required=True)
    refund.add_argument(
        "--amount",
        help=tr(
            "refunded amount in yuan (default: all that is left)",
            "退货金额（元，默认：全部未退金额）",
        ),
    )
    refund.add_argument("--manager-pin")
    refund.add_argument("--manager", help=tr("the approving manager's name", "批准店长的姓名"))
    refund.add_argument("--at")
    refund.set_defaults(handler=cmd_refund)

    adj = sub.add_parser(
        "adjust", help=tr("add or take points by hand (manager)", "手动增减积分（店长）")
    )
    adj.add_argument("member")
    adj.add_argument("--points", required=True, help=tr("e.g. 200 or -150", "例如 200 或 -150"))
    adj.add_argument("--reason", required=True)
    adj.add_argument("--manager-pin", required=True)
    adj.add_argument("--manager", help=tr("the approving manager's name", "批准店长的姓名"))
    adj.set_defaults(handler=cmd_adjust)

    expire = sub.add_parser(
        "expire",
        help=tr("expire points past their date (idempotent)", "过期到期的积分（可重复执行）"),
    )
    expire.add_argument("--at")
    expire.set_defaults(handler=cmd_expire)

    staff = sub.add_parser("staff", help=tr("staff accounts", "员工账号"))
    ssub = staff.add_subparsers(dest="staff_command", required=True, parser_class=Parser)
    sadd = ssub.add_parser("add", help=tr("add a cashier or manager", "添加收银员或店长"))
    sadd.add_argument("--name", required=True)
    sadd.add_argument("--role", required=True, choices=["cashier", "manager"])
    sadd.add_argument("--pin", required=True)
    sadd.add_argument("--manager-pin", help=tr("needed once a manager exists", "已有店长后需要"))
    sadd.set_defaults(handler=cmd_staff_add)

    rules = sub.add_parser("rules", help=tr("the business rules in effect", "当前生效的业务规则"))
    rsub = rules.add_subparsers(dest="rules_command", required=True, parser_class=Parser)
    rshow = rsub.add_parser(
        "show", help=tr("rule versions and the one in effect", "规则版本及当前生效的版本")
    )
    rshow.set_defaults(handler=cmd_rules_show)
    rpub = rsub.add_parser(
        "publish",
        help=tr("a standalone store's new rule version (manager)", "单店新的规则版本（店长）"),
    )
    rpub.add_argument("file", help=tr("TOML rule file (see README)", "TOML 规则文件（见 README）"))
    rpub.add_argument(
        "--effective", required=True, help=tr("YYYY-MM-DD, store-local", "YYYY-MM-DD，门店当地日期")
    )
    rpub.add_argument("--manager-pin", required=True)
    rpub.add_argument("--manager")
    rpub.set_defaults(handler=cmd_rules_publish)

    bk = sub.add_parser(
        "backup", help=tr("copy the database now (kept 30 days)", "立即备份数据库（保留 30 天）")
    )
    bk.add_argument(
        "--to",
        help=tr("another folder (e.g. a USB stick); not rotated", "另一个文件夹（如U盘）；不轮换"),
    )
    bk.set_defaults(handler=cmd_backup)
    rs = sub.add_parser(
        "restore",
        help=tr(
            "replace the database with a backup (till closed)", "用备份替换数据库（需关闭收银程序）"
        ),
    )
    rs.add_argument("file")
    rs.set_defaults(handler=cmd_restore)

    aud = sub.add_parser("audit", help=tr("the hash-chained audit log", "哈希链审计日志"))
    asub = aud.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    ver = asub.add_parser(
        "verify",
        help=tr("detect edited, deleted or reordered rows", "检查被修改、删除或调换顺序的记录"),
    )
    ver.set_defaults(handler=cmd_audit_verify)

    import importlib

    for module in EXTENSIONS:
        try:
            extension = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            # Not in this installation (the store bundle leaves the server out): no such
            # commands here. A module missing further down is a fault and is raised.
            if exc.name is not None and (module + ".").startswith(exc.name + "."):
                continue
            raise
        extension.register(sub)
    return p


def _emit(args_json: bool, payload: dict[str, Any], text: str, *, stream: Any = None) -> None:
    out = stream or sys.stdout
    if args_json:
        out.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
    else:
        out.write(text + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    want_json = "--json" in argv
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        refusal = {"error": {"code": "USAGE", "message": str(exc)}}
        _emit(want_json, refusal, str(exc), stream=sys.stdout if want_json else sys.stderr)
        return 2
    log_session = start_command_log(args)
    try:
        return _run(args)
    finally:
        use_store_language(None)  # the store's language was for this command only
        if log_session is not None:
            log_session.stop()


def command_name(args: argparse.Namespace) -> str:
    """'member enroll', 'backup', …: what ran, without its arguments (PINs stay out of logs)."""
    words = [args.command]
    for key, value in vars(args).items():
        if key.endswith("_command") and isinstance(value, str):
            words.append(value)
    return " ".join(words)


def start_command_log(args: argparse.Namespace) -> LogSession | None:
    """`logs/cli.log` of an existing till (the client keeps its own file, `client.log`)."""
    if args.command == "gui":
        return None
    data_dir = data_dir_of(args)
    if not data_dir.is_dir():
        return None  # no till here (yet): nothing to create just for a log
    try:
        return start_logging(data_dir, "cli")
    except OSError:  # a read-only data directory still answers lookups
        return None


def _run(args: argparse.Namespace) -> int:
    name = command_name(args)
    log.info("%s", name)
    try:
        result = args.handler(args)
    except Exception as exc:  # a fault, not a refusal: say so, keep the traceback for logs
        message = f"{type(exc).__name__}: {exc}"
        log.exception("%s failed", name)
        traceback.print_exc(file=sys.stderr)
        _emit(
            args.json,
            {"error": {"code": "FAULT", "message": message}},
            tr(f"Error: {message}", f"错误：{message}"),
            stream=sys.stdout if args.json else sys.stderr,
        )
        return 1
    if isinstance(result, Refusal):
        log.info("%s refused: %s", name, result.code)
        _emit(
            args.json,
            {"error": result.to_json()},
            tr("Refused", "拒绝") + f" [{result.code}]: " + say(result, chinese=prefers_chinese()),
            stream=sys.stdout if args.json else sys.stderr,
        )
        return 2
    _emit(args.json, result.data, result.text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
