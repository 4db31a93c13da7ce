"""`loyalty-desk coupon ...` and `loyalty-desk voucher ...`: coupons and paper from a script.

coupon issue MEMBER --kind KIND          a manager hands out a coupon (--bearer: no member)
coupon issue MEMBER --kind points --points N   the member exchanges points for a voucher
coupon list MEMBER | show CODE
coupon redeem CODE --receipt NO --amount YUAN [--member REF] [--dry-run]
coupon void CODE --reason WHY --manager-pin PIN
coupon restore --receipt NO --manager-pin PIN   (a refunded receipt without points)
coupon batch --segment SEGMENT --kind KIND --out FILE.pdf --manager-pin PIN
voucher render CODE --format pdf|escpos [--width 58|80] [--page 80mm|a6] --out FILE
voucher slip RECEIPT ... | voucher card MEMBER ...   (points slip, member card)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loyalty_desk.cli import Output, Parser, parse_amount, parse_int, with_desk
from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.money import format_yuan
from loyalty_desk.texts import tr

if TYPE_CHECKING:
    from loyalty_desk.services.coupon_views import CouponView
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.vouchers import Layout

STATUS_ZH = {"issued": "可用", "redeemed": "已使用", "void": "已作废"}


def coupon_line(view: CouponView) -> str:
    holder = view.phone_masked or tr("bearer", "不记名")
    status = tr(str(view.status), STATUS_ZH[str(view.status)])
    label = tr(view.kind.label_en, view.kind.label_zh)
    return (
        f"{view.code_grouped}  {label}  {view.condition_zh}  "
        f"{view.first_day}~{view.last_day}  {holder}  [{status}]"
    )


def write_out(path: str, data: bytes) -> Path | Refusal:
    target = Path(path)
    try:
        target.write_bytes(data)
    except OSError as exc:
        return refusal(
            Code.INVALID_FILE, "Cannot write {path}: {value}.", path=path, value=exc.strerror or exc
        )
    return target


def layout_of(args: argparse.Namespace) -> Layout | Refusal:
    from loyalty_desk.services.vouchers import choose_layout

    return choose_layout(args.format, args.page, args.width, args.qr)


def deliver(desk: Desk, args: argparse.Namespace, data: bytes | Refusal) -> Output | Refusal:
    """Write the rendered bytes to --out, send them to the thermal printer of --send, or both."""
    from loyalty_desk.services import vouchers

    if isinstance(data, Refusal):
        return data
    if not args.out and not args.send:
        return refusal(Code.INVALID_FILE, "Say where it goes: --out FILE or --send PRINTER.")
    out: dict[str, Any] = {"format": args.format, "bytes": len(data)}
    lines = []
    if args.send:
        if args.format != "escpos":
            return refusal(Code.INVALID_FORMAT, "--send prints ESC/POS: add --format escpos.")
        sent = vouchers.print_thermal(desk, data, args.send)
        if isinstance(sent, Refusal):
            return sent
        out["sent_to"] = args.send
        lines.append(tr(f"Printed on {args.send}", f"已打印到 {args.send}"))
    if args.out:
        written = write_out(args.out, data)
        if isinstance(written, Refusal):
            return written
        out["out"] = str(written)
        lines.append(tr(f"Written to {written}", f"已保存到 {written}"))
    return Output(out, "\n".join(lines))


# -- coupon --------------------------------------------------------------------------------


@with_desk
def cmd_issue(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import coupons

    if args.kind == "points":
        if args.member is None or args.points is None:
            return refusal(Code.INVALID_POINTS, "A points voucher needs the member and --points N.")
        points = parse_int(args.points, "points")
        if isinstance(points, Refusal):
            return points
        exchanged = coupons.exchange_points(desk, args.member, points)
        if isinstance(exchanged, Refusal):
            return exchanged
        text = tr(
            f"{points} points exchanged for a ¥{format_yuan(exchanged.coupon.value_fen)} voucher; "
            f"{exchanged.member.balance} points left",
            f"已用 {points} 积分兑换 ¥{format_yuan(exchanged.coupon.value_fen)} 代金券，"
            f"剩余 {exchanged.member.balance} 积分",
        )
        return Output(exchanged.to_json(), text + "\n" + coupon_line(exchanged.coupon))
    if (args.member is None) == (not args.bearer):
        return refusal(Code.INVALID_QUERY, "Name the member, or give --bearer for anyone's use.")
    view = coupons.issue(
        desk,
        None if args.bearer else args.member,
        args.kind,
        manager_pin=args.manager_pin,
        manager_name=args.manager,
    )
    if isinstance(view, Refusal):
        return view
    return Output(view.to_json(), tr("Issued: ", "已发放：") + coupon_line(view))


@with_desk
def cmd_list(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import coupons

    views = coupons.list_for_member(desk, args.member, usable_only=args.usable)
    if isinstance(views, Refusal):
        return views
    text = "\n".join(coupon_line(v) for v in views) or tr("No coupons.", "没有优惠券。")
    return Output({"coupons": [v.to_json() for v in views]}, text)


@with_desk
def cmd_show(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import coupons

    view = coupons.show(desk, args.code)
    if isinstance(view, Refusal):
        return view
    return Output(view.to_json(), coupon_line(view))


@with_desk
def cmd_redeem(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import coupons

    amount = parse_amount(args.amount, "receipt amount")
    if isinstance(amount, Refusal):
        return amount
    result = coupons.redeem(
        desk, args.code, args.receipt, amount, args.member, dry_run=args.dry_run
    )
    if isinstance(result, Refusal):
        return result
    off, pay = format_yuan(result.discount_fen), format_yuan(result.to_pay_fen)
    if result.replayed:
        head = tr("Already used on this receipt:", "本小票已用过此券：")
    elif result.preview:
        head = tr("Can be used:", "可以使用：")
    else:
        head = tr("Coupon used:", "已用券：")
    text = tr(f"{head} ¥{off} off, ¥{pay} to pay", f"{head}减 ¥{off}，应付 ¥{pay}")
    return Output(result.to_json(), text)


@with_desk
def cmd_void(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import coupons

    view = coupons.void(
        desk, args.code, args.reason, manager_pin=args.manager_pin, manager_name=args.manager
    )
    if isinstance(view, Refusal):
        return view
    return Output(view.to_json(), tr("Voided: ", "已作废：") + coupon_line(view))


@with_desk
def cmd_restore(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import coupons

    views = coupons.restore_for_receipt(
        desk, args.receipt, manager_pin=args.manager_pin, manager_name=args.manager
    )
    if isinstance(views, Refusal):
        return views
    text = "\n".join(tr("Restored: ", "已退回：") + coupon_line(v) for v in views)
    return Output({"coupons": [v.to_json() for v in views]}, text)


@with_desk
def cmd_batch(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import coupon_batch, vouchers

    layout = layout_of(args)
    if isinstance(layout, Refusal):
        return layout
    batch = coupon_batch.issue_batch(
        desk, args.segment, args.kind, manager_pin=args.manager_pin, manager_name=args.manager
    )
    if isinstance(batch, Refusal):
        return batch
    contents = vouchers.voucher_contents(desk, batch.codes)
    if isinstance(contents, Refusal):
        return contents
    data = vouchers.render_batch(contents, layout)
    written = write_out(args.out, data)
    if isinstance(written, Refusal):
        return written
    text = tr(
        f"{len(batch.codes)} {batch.kind.label_en.lower()}s for the {batch.segment} segment; "
        f"vouchers in {written}",
        f"已向{batch.segment.label_zh}会员发放 {len(batch.codes)} 张{batch.kind.label_zh}，"
        f"券面已保存到 {written}",
    )
    return Output({**batch.to_json(), "out": str(written), "bytes": len(data)}, text)


# -- voucher -------------------------------------------------------------------------------


@with_desk
def cmd_render(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import vouchers

    layout = layout_of(args)
    if isinstance(layout, Refusal):
        return layout
    return deliver(desk, args, vouchers.render_voucher(desk, args.code, layout))


@with_desk
def cmd_slip(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import vouchers

    layout = layout_of(args)
    if isinstance(layout, Refusal):
        return layout
    return deliver(desk, args, vouchers.render_slip(desk, args.receipt, layout))


@with_desk
def cmd_card(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import vouchers

    layout = layout_of(args)
    if isinstance(layout, Refusal):
        return layout
    return deliver(desk, args, vouchers.render_card(desk, args.member, layout))


# -- parser --------------------------------------------------------------------------------


def _approval(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("--manager-pin", required=required)
    parser.add_argument("--manager", help=tr("the approving manager's name", "批准店长的姓名"))


def _rendering(parser: argparse.ArgumentParser, *, out_required: bool) -> None:
    parser.add_argument("--format", choices=["pdf", "escpos"], default="pdf")
    parser.add_argument(
        "--page", choices=["80mm", "a6"], default="80mm", help=tr("PDF page size", "PDF 页面尺寸")
    )
    parser.add_argument(
        "--width", type=int, choices=[58, 80], default=80, help=tr("thermal paper", "热敏纸")
    )
    parser.add_argument(
        "--qr",
        choices=["native", "image"],
        default="native",
        help=tr("ESC/POS QR", "ESC/POS 二维码方式"),
    )
    parser.add_argument("--out", required=out_required, help=tr("file to write", "输出文件"))


def register(sub: Any) -> None:
    coupon = sub.add_parser(
        "coupon", help=tr("issue, redeem, void and list coupons", "发放、使用、作废和查看优惠券")
    )
    csub = coupon.add_subparsers(dest="coupon_command", required=True, parser_class=Parser)

    issue = csub.add_parser(
        "issue", help=tr("give a member (or the bearer) a coupon", "给会员（或不记名）发一张优惠券")
    )
    issue.add_argument("member", nargs="?", help=tr("member code or phone", "会员号或手机号"))
    issue.add_argument(
        "--kind",
        required=True,
        help=tr(
            "new_member, birthday, winback, upsell or points",
            "new_member 新会员、birthday 生日、winback 召回、upsell 满额或 points 积分兑换",
        ),
    )
    issue.add_argument(
        "--points", help=tr("points to exchange (--kind points)", "用于兑换的积分（--kind points）")
    )
    issue.add_argument(
        "--bearer", action="store_true", help=tr("for anyone who holds it", "不记名，持券人可用")
    )
    _approval(issue)
    issue.set_defaults(handler=cmd_issue)

    lst = csub.add_parser("list", help=tr("a member's coupons", "会员的优惠券"))
    lst.add_argument("member")
    lst.add_argument(
        "--usable", action="store_true", help=tr("only those usable today", "只列今天可用的")
    )
    lst.set_defaults(handler=cmd_list)

    show = csub.add_parser("show", help=tr("one coupon by its code", "按券号查看一张优惠券"))
    show.add_argument("code")
    show.set_defaults(handler=cmd_show)

    redeem = csub.add_parser("redeem", help=tr("use a coupon on a receipt", "在小票上使用优惠券"))
    redeem.add_argument("code")
    redeem.add_argument("--receipt", required=True)
    redeem.add_argument(
        "--amount", required=True, help=tr("receipt amount, in yuan", "小票金额（元）")
    )
    redeem.add_argument(
        "--member",
        help=tr("the member at the till (for member coupons)", "收银台前的会员（会员专用券）"),
    )
    redeem.add_argument(
        "--dry-run", action="store_true", help=tr("check only, do not use", "只核对，不使用")
    )
    redeem.set_defaults(handler=cmd_redeem)

    void = csub.add_parser(
        "void", help=tr("cancel an unused coupon (manager)", "作废未使用的优惠券（店长）")
    )
    void.add_argument("code")
    void.add_argument("--reason", required=True)
    _approval(void, required=True)
    void.set_defaults(handler=cmd_void)

    restore = csub.add_parser(
        "restore", help=tr("give back the coupon of a refunded receipt", "退还已退货小票的优惠券")
    )
    restore.add_argument("--receipt", required=True)
    _approval(restore)
    restore.set_defaults(handler=cmd_restore)

    batch = csub.add_parser(
        "batch",
        help=tr(
            "a coupon for every member of a segment, one PDF",
            "给某细分的每位会员发一张券，合并为一个 PDF",
        ),
    )
    batch.add_argument(
        "--segment",
        required=True,
        help=tr(
            "core, potential, basic or dormant",
            "core（核心）、potential（潜力）、basic（基础）或 dormant（沉睡）",
        ),
    )
    batch.add_argument("--kind", required=True)
    _approval(batch)
    _rendering(batch, out_required=True)
    batch.set_defaults(handler=cmd_batch, page="a6")

    voucher = sub.add_parser(
        "voucher",
        help=tr("render vouchers, points slips and member cards", "生成优惠券、积分小票和会员卡"),
    )
    vsub = voucher.add_subparsers(dest="voucher_command", required=True, parser_class=Parser)
    for name, arg, handler, helptext in (
        ("render", "code", cmd_render, tr("a coupon's voucher", "优惠券券面")),
        ("slip", "receipt", cmd_slip, tr("the points slip of a receipt", "一张小票的积分小票")),
        ("card", "member", cmd_card, tr("a member card", "会员卡")),
    ):
        command = vsub.add_parser(name, help=helptext)
        command.add_argument(arg)
        _rendering(command, out_required=False)
        command.add_argument(
            "--send",
            help=tr(
                "print on a thermal printer: usb:VID:PID, net:HOST[:PORT], win:NAME",
                "用小票打印机打印：usb:VID:PID、net:HOST[:PORT]、win:名称",
            ),
        )
        command.set_defaults(handler=handler)
