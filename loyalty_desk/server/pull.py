"""GET /v1/sync/pull: what changed since the till's cursor, a page at a time.

The feed holds one row per entity (member, coupon, rule version, coupon key) at the seq of
its latest change, so a till that was away for a month downloads each member once. A page
is "closed": a merged member comes with the member it merged into, a member with their
referrer and a coupon with its owner, so the till can store every page on its own.
Everything in a page — including this device's applied seq — is read from one snapshot.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, text

from loyalty_desk.server import models as m
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.unit import MEMBER_COLUMNS, chunks
from loyalty_desk.sync.protocol import MAX_PULL_LIMIT

CLOSURE_ROUNDS = 8
_MEMBER_COLS = ", ".join(f"m.{c}" for c in MEMBER_COLUMNS)
_LOT_COLS = "l.member_id, l.id, l.store_id, l.earned_at, l.expires_at, l.points, l.remaining"
# The hot queries of a first pull (a million members) are plain SQL joined on the feed:
# no IN list of thousands of ids, no per-value type processing in Python.
_PAGE_MEMBERS = text(
    f"SELECT {_MEMBER_COLS} FROM change c JOIN member m ON m.id = c.entity_id "
    "WHERE c.kind = 'member' AND c.seq > :lo AND c.seq <= :hi"
)
_PAGE_LOTS = text(
    f"SELECT {_LOT_COLS} FROM change c JOIN lot l ON l.member_id = c.entity_id "
    "WHERE c.kind = 'member' AND c.seq > :lo AND c.seq <= :hi AND l.remaining > 0"
)
# On PostgreSQL each member's JSON (lots included) is built by the database itself: a first
# pull encodes a million of them, and C is faster at it than Python. Moments are written by
# PostgreSQL's own JSON output (ISO 8601 in the session's zone, set to UTC for the read).
_PG_MEMBER_JSON = (
    "json_build_object("
    "'id', m.id, 'code', m.code, 'phone', m.phone, 'name', m.name, 'birthday', m.birthday, "
    "'referral_code', m.referral_code, 'referrer_id', m.referrer_id, "
    "'referral_rewarded', m.referral_rewarded, 'home_store_id', m.home_store_id, "
    "'created_at', m.created_at, 'first_purchase_at', m.first_purchase_at, "
    "'last_visit_at', m.last_visit_at, "
    "'merged_into', m.merged_into, 'online_only', m.online_only, 'overdraft', m.overdraft, "
    "'balance', m.points - m.debt, 'debt', m.debt, 'lots', COALESCE(("
    "SELECT json_agg(json_build_object('id', l.id, 'store_id', l.store_id, "
    "'earned_at', l.earned_at, 'expires_at', l.expires_at, "
    "'points', l.points, 'remaining', l.remaining) ORDER BY l.expires_at, l.id) "
    "FROM lot l WHERE l.member_id = m.id AND l.remaining > 0), '[]'::json))::text"
)
# Members the page refers to that are not in it; a member in the page is never sent twice.
_PG_MEMBERS_JSON = text(
    f"SELECT m.merged_into, m.referrer_id, {_PG_MEMBER_JSON} "
    "FROM member m WHERE m.id = ANY(:ids) AND NOT EXISTS (SELECT 1 FROM change c "
    "WHERE c.kind = 'member' AND c.entity_id = m.id AND c.seq > :lo AND c.seq <= :hi)"
)
# A page's members in one row: their JSON already joined, and the members outside the page
# they refer to (merge winners, referrers, the owners of the page's coupons). No row per
# member reaches Python. The page's ids go in as an array so that its members are read by
# their primary key: as a join, the planner prefers to scan all members for every page.
_PG_PAGE_JSON = text(
    "WITH page AS MATERIALIZED (SELECT m.* FROM member m WHERE m.id = ANY(ARRAY("
    "SELECT entity_id FROM change WHERE kind = 'member' AND seq > :lo AND seq <= :hi))) "
    f"SELECT (SELECT string_agg({_PG_MEMBER_JSON}, ',') FROM page m), "
    "ARRAY(SELECT DISTINCT r.id FROM (SELECT merged_into FROM page UNION ALL "
    "SELECT referrer_id FROM page UNION ALL SELECT unnest(CAST(:extra AS varchar[]))) AS r(id) "
    "WHERE r.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM page q WHERE q.id = r.id))"
)
# The page's bounds without bringing its feed rows to Python (keyset on the unique seq).
_PAGE_BOUNDS = text(
    "SELECT max(seq), count(*), sum(CASE WHEN kind = 'member' THEN 0 ELSE 1 END) "
    "FROM (SELECT seq, kind FROM change WHERE seq > :cursor ORDER BY seq LIMIT :limit) AS f"
)
_PAGE_OTHERS = text(
    "SELECT kind, entity_id FROM change "
    "WHERE seq > :lo AND seq <= :hi AND kind <> 'member' ORDER BY seq"
)
_MERGED = MEMBER_COLUMNS.index("merged_into")
_REFERRER = MEMBER_COLUMNS.index("referrer_id")


def _ts(value: Any) -> str | None:
    """ISO 8601 with its zone: PostgreSQL returns aware datetimes, SQLite naive UTC text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.replace(" ", "T", 1) + ("" if value.endswith("+00:00") else "+00:00")
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.isoformat() + "+00:00"
    return str(value.isoformat())


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value.isoformat())


def _members(
    conn: Connection, lo: int, hi: int, extra: list[str]
) -> tuple[dict[str, tuple[Any, ...]], set[str]]:
    """The page's members and those they refer to; and the ids of the page's own."""
    out: dict[str, tuple[Any, ...]] = {}
    for row in conn.execute(_PAGE_MEMBERS, {"lo": lo, "hi": hi}):
        out[row[0]] = tuple(row)
    paged = set(out)
    tried: set[str] = set()
    wanted = list(extra)
    cols = [getattr(m.Member, c) for c in MEMBER_COLUMNS]
    for _ in range(CLOSURE_ROUNDS):
        wanted += [ref for row in out.values() for ref in (row[_MERGED], row[_REFERRER]) if ref]
        # Ids the server never saw (a referrer whose enrolment was rejected) stay missing.
        wanted = [w for w in dict.fromkeys(wanted) if w not in out and w not in tried]
        if not wanted:
            break
        tried.update(wanted)
        for part in chunks(wanted):
            for row in conn.execute(select(*cols).where(m.Member.id.in_(part))):
                out[row[0]] = tuple(row)
        wanted = []
    return out, paged


def _lots(
    conn: Connection, lo: int, hi: int, members: dict[str, tuple[Any, ...]], paged: set[str]
) -> dict[str, list[dict[str, Any]]]:
    by_member: dict[str, list[dict[str, Any]]] = {}

    def keep(row: Any) -> None:
        member_id, lot_id, store, earned, expires, points, remaining = row
        by_member.setdefault(member_id, []).append(
            {
                "id": lot_id,
                "store_id": store,
                "earned_at": _ts(earned),
                "expires_at": _ts(expires),
                "points": points,
                "remaining": remaining,
            }
        )

    for row in conn.execute(_PAGE_LOTS, {"lo": lo, "hi": hi}):
        keep(row)
    others = [i for i in members if i not in paged]
    for part in chunks(others):
        query = select(
            m.Lot.member_id,
            m.Lot.id,
            m.Lot.store_id,
            m.Lot.earned_at,
            m.Lot.expires_at,
            m.Lot.points,
            m.Lot.remaining,
        ).where(m.Lot.member_id.in_(part), m.Lot.remaining > 0)
        for row in conn.execute(query):
            keep(row)
    return by_member


def member_json(row: tuple[Any, ...], lots: list[dict[str, Any]]) -> dict[str, Any]:
    (
        member_id, code, phone, name, birthday, referral_code, referrer_id, referral_rewarded,
        home_store_id, created_at, first_purchase_at, last_visit_at, merged_into, points, debt,
        online_only, overdraft, _updated_at,
    ) = row  # fmt: skip
    return {
        "id": member_id,
        "code": code,
        "phone": phone,
        "name": name,
        "birthday": _day(birthday),
        "referral_code": referral_code,
        "referrer_id": referrer_id,
        "referral_rewarded": bool(referral_rewarded),
        "home_store_id": home_store_id,
        "created_at": _ts(created_at),
        "first_purchase_at": _ts(first_purchase_at),
        "last_visit_at": _ts(last_visit_at),
        "merged_into": merged_into,
        "online_only": bool(online_only),
        "overdraft": bool(overdraft),
        "balance": int(points) - int(debt),
        "debt": int(debt),
        "lots": lots,
    }


def _pg_members(conn: Connection, lo: int, hi: int, extra: list[str]) -> str:
    """The page's members as JSON texts joined by commas, closed under merge winners,
    referrers and the owners of the page's coupons."""
    conn.exec_driver_sql("SET LOCAL TimeZone TO 'UTC'")
    # A page is a few thousand index lookups: parallel workers cost more to start than
    # they save, and the till's own work needs the other core.
    conn.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather TO 0")
    joined, wanted = conn.execute(_PG_PAGE_JSON, {"lo": lo, "hi": hi, "extra": extra}).one()
    parts = [joined] if joined else []
    tried: set[str] = set()
    for _ in range(CLOSURE_ROUNDS):
        wanted = [w for w in dict.fromkeys(wanted) if w not in tried]
        if not wanted:
            break
        tried.update(wanted)
        refs: list[str] = []
        for merged_into, referrer_id, body in conn.execute(
            _PG_MEMBERS_JSON, {"ids": wanted, "lo": lo, "hi": hi}
        ):
            parts.append(body)
            refs += [r for r in (merged_into, referrer_id) if r]
        wanted = refs
    return ",".join(parts)


def coupon_keys(conn: Connection) -> dict[str, str]:
    return {k: v for k, v in conn.execute(select(m.CouponKey.key_id, m.CouponKey.secret_hex))}


def pull(db: ServerDatabase, device_id: str, cursor: int, limit: int, now: datetime) -> str:
    """One page as JSON text (encoded here: a first pull moves a million members)."""
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    with db.read() as conn:
        head, epoch = conn.execute(select(m.FeedCounter.value, m.FeedCounter.epoch)).one()
        applied = conn.execute(
            select(m.Device.last_seq).where(m.Device.id == device_id)
        ).scalar_one()
        page: dict[str, Any] = {
            "cursor": cursor,
            "more": False,
            "reset": False,
            "head": head,
            "epoch": epoch,
            "applied_through": int(applied),
            "server_time": now.isoformat(),
            "members": [],
            "rules": [],
            "coupons": [],
            "coupon_keys": {},
        }
        if cursor > head:
            # The till saw changes this database no longer has (restored from a backup):
            # it starts again from the beginning rather than miss what comes next.
            page.update(cursor=0, reset=True, more=head > 0)
            return json.dumps(page, ensure_ascii=False)
        hi, count, others = conn.execute(_PAGE_BOUNDS, {"cursor": cursor, "limit": limit}).one()
        if not count:
            return json.dumps(page, ensure_ascii=False)
        page["cursor"] = hi = int(hi)
        page["more"] = count == limit and hi < head
        wanted: dict[str, list[str]] = {"member": [], "coupon": [], "rules": [], "key": []}
        if others:  # coupons, rule versions, keys: few, next to the members
            for kind, entity in conn.execute(_PAGE_OTHERS, {"lo": cursor, "hi": hi}):
                wanted.setdefault(kind, []).append(entity)
        coupons = []
        for part in chunks(wanted["coupon"]):
            query = select(m.Coupon).where(m.Coupon.code.in_(part))
            coupons += list(conn.execute(query).mappings())
        owners = [c["member_id"] for c in coupons if c["member_id"]]
        encoded: str | None = None
        if db.postgres:
            encoded = _pg_members(conn, cursor, hi, owners)
        else:
            members, paged = _members(conn, cursor, hi, owners)
            lots = _lots(conn, cursor, hi, members, paged)
            page["members"] = [member_json(row, lots.get(mid, [])) for mid, row in members.items()]
        if wanted["rules"]:
            versions = [int(v) for v in wanted["rules"]]
            for version, effective, body in conn.execute(
                select(m.RuleVersion.version, m.RuleVersion.effective_from, m.RuleVersion.body)
                .where(m.RuleVersion.version.in_(versions))
                .order_by(m.RuleVersion.version)
            ):
                page["rules"].append(
                    {"version": version, "effective_from": _ts(effective), "body": json.loads(body)}
                )
        for c in coupons:
            page["coupons"].append(
                {
                    "code": c["code"],
                    "member_id": c["member_id"],
                    "status": c["status"],
                    "record": json.loads(c["record"]),
                    "redeemed_at": _ts(c["redeemed_at"]),
                    "redeemed_receipt": c["redeemed_receipt"],
                    "redeemed_store_id": c["redeemed_store_id"],
                    "voided_at": _ts(c["voided_at"]),
                    "void_reason": c["void_reason"],
                }
            )
        if wanted["key"]:
            page["coupon_keys"] = coupon_keys(conn)
    if encoded is None:
        return json.dumps(page, ensure_ascii=False)
    splice = secrets.token_hex(16)  # stands in for the members, then replaced by them
    page["members"] = splice
    return json.dumps(page, ensure_ascii=False).replace(f'"{splice}"', f"[{encoded}]", 1)
