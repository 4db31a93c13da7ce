"""Till commands for the central server: `register`, `sync`, `sync status`, `sync problems`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from loyalty_desk.cli import Output, Parser, local_time, with_desk
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.texts import tr

if TYPE_CHECKING:
    from loyalty_desk.services.desk import Desk


@with_desk
def cmd_register(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.services import sync

    result = sync.register(desk, args.server, args.code)
    if isinstance(result, Refusal):
        return result
    text = tr(
        f"Registered {result.store_name} ({result.store_id}) with {result.server_url} "
        f"as till {result.device_id}.",
        f"已将 {result.store_name}（{result.store_id}）注册到 {result.server_url}，"
        f"收银台 {result.device_id}。",
    )
    if result.new_device:
        text += tr(
            "\nThis till now syncs under a new identity; its unsynced events moved with it.",
            "\n本收银台已使用新身份同步，未同步的记录一并转移。",
        )
    return Output(result.to_json(), text)


def _progress_bar() -> tuple[Any, Any]:
    from tqdm import tqdm

    bar: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total >= 5000:  # only a large pull deserves a bar
            bar = tqdm(total=total, unit=tr("changes", "条"), file=sys.stderr, leave=False)
        if bar is not None:
            bar.total = max(bar.total, total)
            bar.update(done - bar.n)

    def close() -> None:
        if bar is not None:
            bar.close()

    return progress, close


@with_desk
def cmd_sync(desk: Desk, args: argparse.Namespace) -> Output | Refusal:
    command = getattr(args, "sync_command", None)
    if command == "status":
        return _status(desk)
    if command == "problems":
        return _problems(desk)
    from loyalty_desk.services import sync

    progress, close = _progress_bar()
    try:
        result = sync.sync_once(desk, progress)
    finally:
        close()
    if isinstance(result, Refusal):
        return result
    text = tr(
        f"Pushed {result.pushed} events ({result.acked} accepted, {result.rejected} rejected, "
        f"{result.quarantined} quarantined), pulled {result.pulled} members, "
        f"{result.merged} merged, {result.conflicts} conflicts.",
        f"上传 {result.pushed} 条（接受 {result.acked}，拒绝 {result.rejected}，"
        f"隔离 {result.quarantined}），下载会员 {result.pulled} 位，合并 {result.merged}，"
        f"冲突 {result.conflicts}。",
    )
    for note in result.notes:
        text += f"\n  {note}"
    return Output(result.to_json(), text)


def _status(desk: Desk) -> Output:
    from loyalty_desk.services.sync_status import status

    st = status(desk)
    if not st.configured:
        text = tr("Not registered with a server.", "未注册到服务器。")
    else:
        state = tr("online", "在线") if st.online else tr("offline", "离线")
        text = tr(
            f"{state}; {st.pending} events pending; last sync {local_time(desk, st.last_pull_at)}",
            f"{state}；待上传 {st.pending} 条；上次同步 {local_time(desk, st.last_pull_at)}",
        )
        if st.last_error:
            text += f"\n{st.last_error}"
    return Output(st.to_json(), text)


def _problems(desk: Desk) -> Output:
    from loyalty_desk.services import sync

    found = sync.problems(desk)
    lines = [
        f"#{p.device_seq} {p.kind} {p.status} {p.code or ''} {p.message or ''}".rstrip()
        for p in found
    ]
    text = "\n".join(lines) if lines else tr("No rejected events.", "没有被拒绝的记录。")
    return Output({"problems": [p.to_json() for p in found]}, text)


def register(sub: Any) -> None:
    reg = sub.add_parser(
        "register",
        help=tr("register this till with the chain's server", "将本收银机注册到总部服务器"),
    )
    reg.add_argument(
        "--server",
        required=True,
        help=tr("the server's address, http(s)://…", "服务器地址，http(s)://…"),
    )
    reg.add_argument(
        "--code",
        required=True,
        help=tr("one-time code from the server (24 h)", "服务器发放的一次性注册码（24 小时有效）"),
    )
    reg.set_defaults(handler=cmd_register)

    syn = sub.add_parser(
        "sync",
        help=tr(
            "push this till's events and pull the chain's changes", "推送本机记录并拉取总部变更"
        ),
    )
    ssub = syn.add_subparsers(dest="sync_command", required=False, parser_class=Parser)
    ssub.add_parser(
        "status",
        help=tr("online or not, events pending, last sync", "是否在线、待同步记录、上次同步"),
    )
    ssub.add_parser(
        "problems", help=tr("events the server rejected or quarantined", "服务器拒收或隔离的记录")
    )
    syn.set_defaults(handler=cmd_sync)
