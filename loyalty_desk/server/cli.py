"""Server commands: `serve` and `server store|device|rules|cases|feed …`.

Installed with the `server` extra; nothing here is imported until a server command runs,
so a till without FastAPI never notices this module.
"""

from __future__ import annotations

import argparse
import json
import os
import tomllib
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from loyalty_desk.cli import Output, Parser
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.timeutil import DEFAULT_TIMEZONE, zone
from loyalty_desk.texts import tr


def _refusal(exc: Any) -> Refusal:
    try:
        code = Code(exc.code)
    except ValueError:
        code = Code.INVALID_STORE
    return Refusal(code, exc.message, exc.details)


def _database(args: argparse.Namespace) -> Any:
    from loyalty_desk.server.service import default_database_url, open_database

    return open_database(args.database_url or default_database_url())


def _now() -> datetime:
    return datetime.now(UTC)


def _admin(fn: Any) -> Any:
    """Run an admin command against the server database; ApiError becomes a Refusal."""

    def run(args: argparse.Namespace) -> Output | Refusal:
        from loyalty_desk.server.errors import ApiError

        db = _database(args)
        try:
            result: Output | Refusal = fn(db, args)
            return result
        except ApiError as exc:
            return _refusal(exc)
        finally:
            db.close()

    return run


# -- serve -------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> Output | Refusal:
    import uvicorn

    from loyalty_desk.server import logs
    from loyalty_desk.server.migrate import SchemaTooNew
    from loyalty_desk.server.service import ENV_DATABASE_URL, default_database_url

    url = args.database_url or default_database_url()
    try:
        db = _database(argparse.Namespace(database_url=url))
    except SchemaTooNew as exc:
        return Refusal(Code.SCHEMA_TOO_NEW, f"The database was written by a newer server ({exc}).")
    postgres = db.postgres
    db.close()
    os.environ[ENV_DATABASE_URL] = url  # every worker process builds the same app
    workers = args.workers or (min(4, os.cpu_count() or 1) if postgres else 1)
    if not postgres:
        workers = 1  # one SQLite writer: more processes would only queue on the lock
    logs.setup(args.log_level.upper())
    uvicorn.run(
        "loyalty_desk.server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=workers,
        log_config=logs.uvicorn_config(args.log_level.upper()),
        access_log=False,
        timeout_graceful_shutdown=5,
    )
    return Output({"stopped": True}, tr("Server stopped.", "服务器已停止。"))


# -- stores, devices ---------------------------------------------------------------------


@_admin
def cmd_store_add(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin

    result = admin.add_store(db, args.store_id, args.name, _now())
    return Output(
        result, tr(f"Added store {result['store_id']}.", f"已添加门店 {result['store_id']}。")
    )


@_admin
def cmd_store_list(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin

    stores = admin.list_stores(db)
    text = "\n".join(f"{s['store_id']}  {s['name']}  {s['tills']} tills" for s in stores)
    return Output({"stores": stores}, text or tr("No stores yet.", "尚无门店。"))


@_admin
def cmd_store_code(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin

    result = admin.issue_code(db, args.store_id, _now())
    text = tr(
        f"Registration code for {result['store_id']}: {result['code']} "
        f"(once, until {result['expires_at'][:16]} UTC)\n"
        f"On the till: loyalty-desk register --server URL --code {result['code']}",
        f"{result['store_id']} 的注册码：{result['code']}（一次性，"
        f"{result['expires_at'][:16]} UTC 前有效）\n"
        f"在收银台运行：loyalty-desk register --server URL --code {result['code']}",
    )
    return Output(result, text)


@_admin
def cmd_device_list(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin

    devices = admin.list_devices(db)
    text = "\n".join(
        f"{d['store_id']}  {d['device_id']}  events {d['events']}"
        f"{'  REVOKED' if d['revoked'] else ''}"
        for d in devices
    )
    return Output({"devices": devices}, text or tr("No tills yet.", "尚无收银台。"))


@_admin
def cmd_device_revoke(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin

    result = admin.revoke_device(db, args.device_id, _now())
    return Output(result, tr(f"Revoked {args.device_id}.", f"已吊销 {args.device_id}。"))


# -- rules -------------------------------------------------------------------------------


def parse_effective(text: str, tz_name: str) -> datetime | Refusal:
    """A date is the start of that day in the chain's time zone; a time needs its zone."""
    tz = zone(tz_name)
    if tz is None:
        return Refusal(Code.INVALID_TIMEZONE, f"'{tz_name}' is not a time zone.")
    try:
        if len(text.strip()) == 10:
            day = datetime.fromisoformat(text.strip()).date()
            return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz.key)).astimezone(UTC)
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return Refusal(Code.INVALID_DATE, f"'{text}' is not a date (YYYY-MM-DD) or ISO time.")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz.key))
    return moment.astimezone(UTC)


def cmd_rules_publish(args: argparse.Namespace) -> Output | Refusal:
    path = Path(args.file)
    try:
        mapping = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Refusal(Code.INVALID_FILE, f"Cannot read {path}: {exc.strerror}.")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return Refusal(Code.INVALID_RULES, f"{path} is not valid TOML: {exc}")
    effective = parse_effective(args.effective, args.timezone)
    if isinstance(effective, Refusal):
        return effective

    @_admin
    def publish(db: Any, args: argparse.Namespace) -> Output:
        from loyalty_desk.server import admin

        result = admin.publish_rules(db, mapping, effective, _now())
        return Output(
            result,
            tr(
                f"Published rules version {result['version']}, effective "
                f"{result['effective_from']}; tills apply it after their next sync.",
                f"已发布规则第 {result['version']} 版，{result['effective_from']} 起生效；"
                "各收银台同步后启用。",
            ),
        )

    result: Output | Refusal = publish(args)
    return result


# -- cases, feed -------------------------------------------------------------------------


@_admin
def cmd_cases(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin

    if getattr(args, "cases_command", None) == "close":
        result = admin.close_case(db, args.case_id, args.note, _now())
        return Output(result, tr(f"Closed case {args.case_id}.", f"已关闭案例 {args.case_id}。"))
    cases = admin.list_cases(db, include_closed=args.all)
    lines = []
    for c in cases:
        detail = json.dumps(c["detail"], ensure_ascii=False, sort_keys=True)
        who = f" member {c['member_code']} (owes {c['member_debt']})" if c["member_code"] else ""
        state = "" if c["closed_at"] is None else " [closed]"
        lines.append(
            f"#{c['id']} {c['opened_at'][:16]} {c['kind']} store {c['store_id']}{who}{state}\n"
            f"    {detail}"
        )
    text = "\n".join(lines) or tr("No open cases.", "没有待处理的案例。")
    return Output({"cases": cases}, text)


@_admin
def cmd_feed_reset(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin

    result = admin.reset_feed(db)
    return Output(
        result,
        tr(
            "New feed epoch: every till pulls everything again on its next sync.",
            "已重置同步序列：各收银台下次同步时将重新下载全部数据。",
        ),
    )


# -- parser ------------------------------------------------------------------------------


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help="run the central server (needs the server extra)")
    serve.add_argument("--database-url", help="postgresql+psycopg://… or sqlite:///… ")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--workers", type=int, help="worker processes (PostgreSQL only)")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning"])
    serve.set_defaults(handler=cmd_serve)

    server = sub.add_parser("server", help="administer the central server's database")
    server.add_argument("--database-url", help="default: $LOYALTY_SERVER_DATABASE_URL or SQLite")
    ssub = server.add_subparsers(dest="server_command", required=True, parser_class=Parser)

    store = ssub.add_parser("store", help="stores and their registration codes")
    stsub = store.add_subparsers(dest="store_command", required=True, parser_class=Parser)
    add = stsub.add_parser("add", help="add a store")
    add.add_argument("--store-id", required=True)
    add.add_argument("--name", required=True)
    add.set_defaults(handler=cmd_store_add)
    stsub.add_parser("list", help="list stores").set_defaults(handler=cmd_store_list)
    code = stsub.add_parser("code", help="a one-time code to register a till (24 h)")
    code.add_argument("store_id")
    code.set_defaults(handler=cmd_store_code)

    device = ssub.add_parser("device", help="registered tills")
    dsub = device.add_subparsers(dest="device_command", required=True, parser_class=Parser)
    dsub.add_parser("list", help="list tills").set_defaults(handler=cmd_device_list)
    revoke = dsub.add_parser("revoke", help="refuse a till from now on (lost or stolen)")
    revoke.add_argument("device_id")
    revoke.set_defaults(handler=cmd_device_revoke)

    rules = ssub.add_parser("rules", help="business rule versions")
    rsub = rules.add_subparsers(dest="rules_command", required=True, parser_class=Parser)
    publish = rsub.add_parser("publish", help="publish a rule-set version from a TOML file")
    publish.add_argument("file")
    publish.add_argument("--effective", required=True, help="YYYY-MM-DD or an ISO time")
    publish.add_argument("--timezone", default=DEFAULT_TIMEZONE, help="for a plain date")
    publish.set_defaults(handler=cmd_rules_publish)

    cases = ssub.add_parser("cases", help="overdrafts, double coupons, quarantined events")
    cases.add_argument("--all", action="store_true", help="closed cases too")
    csub = cases.add_subparsers(dest="cases_command", required=False, parser_class=Parser)
    close = csub.add_parser("close", help="close a case after dealing with it")
    close.add_argument("case_id", type=int)
    close.add_argument("--note", required=True)
    cases.set_defaults(handler=cmd_cases)

    feed = ssub.add_parser("feed", help="the pull feed")
    fsub = feed.add_subparsers(dest="feed_command", required=True, parser_class=Parser)
    fsub.add_parser(
        "reset", help="after restoring a backup: every till pulls everything again"
    ).set_defaults(handler=cmd_feed_reset)
