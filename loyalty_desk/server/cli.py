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

from loyalty_desk.cli import Output, Parser, parse_int
from loyalty_desk.domain.errors import Code, Refusal, refusal
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
    from loyalty_desk.server.service import (
        ENV_DATABASE_URL,
        ENV_HOLD_TTL,
        ENV_THREADS,
        default_database_url,
    )

    # Every worker process reads these again: a bad one stops here, not in each worker.
    for name in (ENV_HOLD_TTL, ENV_THREADS):
        text = os.environ.get(name)
        if text:
            checked = parse_int(text, name, Code.INVALID_SETTING)
            if isinstance(checked, Refusal):
                return checked
    url = args.database_url or default_database_url()
    try:
        db = _database(argparse.Namespace(database_url=url))
    except SchemaTooNew as exc:
        return refusal(
            Code.SCHEMA_TOO_NEW, "The database was written by a newer server ({exc}).", exc=exc
        )
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
        return refusal(Code.INVALID_TIMEZONE, "'{tz_name}' is not a time zone.", tz_name=tz_name)
    try:
        if len(text.strip()) == 10:
            day = datetime.fromisoformat(text.strip()).date()
            return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz.key)).astimezone(UTC)
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return refusal(
            Code.INVALID_DATE, "'{text}' is not a date (YYYY-MM-DD) or ISO time.", text=text
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz.key))
    return moment.astimezone(UTC)


def cmd_rules_publish(args: argparse.Namespace) -> Output | Refusal:
    path = Path(args.file)
    try:
        mapping = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return refusal(
            Code.INVALID_FILE, "Cannot read {path}: {strerror}.", path=path, strerror=exc.strerror
        )
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return refusal(Code.INVALID_RULES, "{path} is not valid TOML: {exc}", path=path, exc=exc)
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


# -- chain reports, admin tokens ------------------------------------------------------------


@_admin
def cmd_report_kpi(db: Any, args: argparse.Namespace) -> Output | Refusal:
    from loyalty_desk.domain.people import parse_date
    from loyalty_desk.server import report_kpi, report_output

    first = parse_date(args.date_from, field="start date")
    if isinstance(first, Refusal):
        return first
    last = parse_date(args.date_to, field="end date")
    if isinstance(last, Refusal):
        return last
    period = report_kpi.report_period(first, last)
    tz = report_kpi.chain_timezone(args.timezone)
    report = report_kpi.chain_kpi_report(
        db, period, now=_now(), tz=tz, store=args.store, top=args.top
    )
    unmasked = args.full_phones
    lang = args.lang or report_output.default_lang()
    data = report.to_json(unmasked=unmasked)
    if args.format == "csv":
        text = report_output.to_csv(report, unmasked=unmasked, lang=lang)
    elif args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = report_output.to_text(report, lang)
    if args.out:
        path = Path(args.out)
        try:
            # CSV with a BOM, so that Excel reads the Chinese text as UTF-8.
            path.write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
        except OSError as exc:
            return refusal(
                Code.INVALID_FILE,
                "Cannot write {path}: {strerror}.",
                path=path,
                strerror=exc.strerror,
            )
        return Output(
            {"path": str(path), "format": args.format}, tr(f"Wrote {path}", f"已写入 {path}")
        )
    return Output(data, text)


@_admin
def cmd_admin_token(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin_tokens

    result = admin_tokens.create_token(db, args.name, args.store, _now(), args.days)
    scope = f"store {args.store}" if args.store else "the whole chain"
    text = tr(
        f"Admin token for {result['name']} ({scope}), shown once — keep it secret:\n"
        f"{result['token']}\nUse it as: Authorization: Bearer <token> "
        f"(GET /v1/reports/kpi); valid until {result['expires_at'][:10]}.",
        f"{result['name']} 的管理令牌（{scope}），只显示一次，请妥善保管：\n"
        f"{result['token']}\n用法：Authorization: Bearer <令牌>（GET /v1/reports/kpi）；"
        f"有效期至 {result['expires_at'][:10]}。",
    )
    return Output(result, text)


@_admin
def cmd_admin_list(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin_tokens

    tokens = admin_tokens.list_tokens(db)
    text = "\n".join(
        f"{t['id']}  {t['name']}  {t['store_id'] or 'chain'}  until {t['expires_at'][:10]}"
        f"{'  REVOKED' if t['revoked'] else ''}"
        for t in tokens
    )
    return Output({"tokens": tokens}, text or tr("No admin tokens yet.", "尚无管理令牌。"))


@_admin
def cmd_admin_revoke(db: Any, args: argparse.Namespace) -> Output:
    from loyalty_desk.server import admin_tokens

    result = admin_tokens.revoke_token(db, args.token_id, _now())
    return Output(result, tr(f"Revoked {args.token_id}.", f"已吊销 {args.token_id}。"))


# -- parser ------------------------------------------------------------------------------


def register(sub: Any) -> None:
    serve = sub.add_parser(
        "serve",
        help=tr(
            "run the central server (needs the server extra)", "运行总部服务器（需要 server 扩展）"
        ),
    )
    serve.add_argument(
        "--database-url",
        help=tr("postgresql+psycopg://… or sqlite:///… ", "postgresql+psycopg://… 或 sqlite:///… "),
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument(
        "--workers",
        type=int,
        help=tr("worker processes (PostgreSQL only)", "工作进程数（仅 PostgreSQL）"),
    )
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning"])
    serve.set_defaults(handler=cmd_serve)

    server = sub.add_parser(
        "server", help=tr("administer the central server's database", "管理总部服务器数据库")
    )
    server.add_argument(
        "--database-url",
        help=tr(
            "default: $LOYALTY_SERVER_DATABASE_URL or SQLite",
            "默认：$LOYALTY_SERVER_DATABASE_URL 或 SQLite",
        ),
    )
    ssub = server.add_subparsers(dest="server_command", required=True, parser_class=Parser)

    store = ssub.add_parser(
        "store", help=tr("stores and their registration codes", "门店及其注册码")
    )
    stsub = store.add_subparsers(dest="store_command", required=True, parser_class=Parser)
    add = stsub.add_parser("add", help=tr("add a store", "添加门店"))
    add.add_argument("--store-id", required=True)
    add.add_argument("--name", required=True)
    add.set_defaults(handler=cmd_store_add)
    stsub.add_parser("list", help=tr("list stores", "列出门店")).set_defaults(
        handler=cmd_store_list
    )
    code = stsub.add_parser(
        "code",
        help=tr(
            "a one-time code to register a till (24 h)", "注册收银机的一次性注册码（24 小时有效）"
        ),
    )
    code.add_argument("store_id")
    code.set_defaults(handler=cmd_store_code)

    device = ssub.add_parser("device", help=tr("registered tills", "已注册的收银机"))
    dsub = device.add_subparsers(dest="device_command", required=True, parser_class=Parser)
    dsub.add_parser("list", help=tr("list tills", "列出收银机")).set_defaults(
        handler=cmd_device_list
    )
    revoke = dsub.add_parser(
        "revoke",
        help=tr(
            "refuse a till from now on (lost or stolen)", "从现在起拒绝某台收银机（丢失或被盗）"
        ),
    )
    revoke.add_argument("device_id")
    revoke.set_defaults(handler=cmd_device_revoke)

    rules = ssub.add_parser("rules", help=tr("business rule versions", "业务规则版本"))
    rsub = rules.add_subparsers(dest="rules_command", required=True, parser_class=Parser)
    publish = rsub.add_parser(
        "publish",
        help=tr("publish a rule-set version from a TOML file", "从 TOML 文件发布规则版本"),
    )
    publish.add_argument("file")
    publish.add_argument(
        "--effective", required=True, help=tr("YYYY-MM-DD or an ISO time", "YYYY-MM-DD 或 ISO 时间")
    )
    publish.add_argument(
        "--timezone", default=DEFAULT_TIMEZONE, help=tr("for a plain date", "用于纯日期")
    )
    publish.set_defaults(handler=cmd_rules_publish)

    cases = ssub.add_parser(
        "cases",
        help=tr("overdrafts, double coupons, quarantined events", "透支、重复券、隔离的记录"),
    )
    cases.add_argument(
        "--all", action="store_true", help=tr("closed cases too", "包括已关闭的案件")
    )
    csub = cases.add_subparsers(dest="cases_command", required=False, parser_class=Parser)
    close = csub.add_parser(
        "close", help=tr("close a case after dealing with it", "处理后关闭案件")
    )
    close.add_argument("case_id", type=int)
    close.add_argument("--note", required=True)
    cases.set_defaults(handler=cmd_cases)

    report = ssub.add_parser(
        "report", help=tr("the chain's reports from the central ledger", "基于总部账本的连锁报表")
    )
    rpsub = report.add_subparsers(dest="report_command", required=True, parser_class=Parser)
    kpi = rpsub.add_parser(
        "kpi",
        help=tr("KPIs of a period per store and for the chain", "某期间各门店及全连锁的关键指标"),
    )
    kpi.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    kpi.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    kpi.add_argument("--store", help=tr("one store only", "只看一家门店"))
    kpi.add_argument("--format", choices=["text", "json", "csv"], default="text")
    kpi.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        help=tr("the report's language (default: the PC's)", "报表语言（默认：电脑的语言）"),
    )
    kpi.add_argument("--out", help=tr("write the report to FILE", "将报表写入 FILE"))
    kpi.add_argument(
        "--top", type=int, default=10, help=tr("how many top members to list", "列出前多少名会员")
    )
    kpi.add_argument(
        "--timezone",
        help=tr(
            f"the days' time zone (default {DEFAULT_TIMEZONE})",
            f"日期所用时区（默认 {DEFAULT_TIMEZONE}）",
        ),
    )
    kpi.add_argument(
        "--full-phones", action="store_true", help=tr("phones unmasked", "显示完整手机号")
    )
    kpi.set_defaults(handler=cmd_report_kpi)

    adm = ssub.add_parser(
        "admin", help=tr("tokens for reading reports over HTTP", "通过 HTTP 读取报表的令牌")
    )
    asub = adm.add_subparsers(dest="admin_command", required=True, parser_class=Parser)
    token = asub.add_parser(
        "token",
        help=tr("a new admin (or --store manager) token", "新的管理员（或 --store 店长）令牌"),
    )
    token.add_argument("--name", required=True, help=tr("who holds it", "持有人"))
    token.add_argument(
        "--store",
        help=tr("a store manager's token: reads this store only", "店长令牌：只能读取本店"),
    )
    token.add_argument(
        "--days", type=int, default=365, help=tr("how long it is valid", "有效期多长")
    )
    token.set_defaults(handler=cmd_admin_token)
    asub.add_parser("list", help=tr("list admin tokens", "列出管理员令牌")).set_defaults(
        handler=cmd_admin_list
    )
    arevoke = asub.add_parser("revoke", help=tr("refuse a token from now on", "从现在起拒绝某令牌"))
    arevoke.add_argument("token_id")
    arevoke.set_defaults(handler=cmd_admin_revoke)

    feed = ssub.add_parser("feed", help=tr("the pull feed", "拉取数据流"))
    fsub = feed.add_subparsers(dest="feed_command", required=True, parser_class=Parser)
    fsub.add_parser(
        "reset",
        help=tr(
            "after restoring a backup: every till pulls everything again",
            "恢复备份后：每台收银机重新拉取全部数据",
        ),
    ).set_defaults(handler=cmd_feed_reset)
