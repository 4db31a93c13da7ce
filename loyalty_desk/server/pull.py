"""GET /v1/sync/pull: what changed since the till's cursor, a page at a time.

The feed holds one row per entity (member, coupon, rule version, coupon key) at the seq of
its latest change, so a till that was away for a month downloads each member once. A page
is "closed": a merged member comes with the member it merged into, and a member with their
referrer, so the till can store every page on its own. Everything in a page — including
this device's applied seq — is read from one snapshot of the database.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select

from loyalty_desk.server import models as m
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.unit import MEMBER_COLUMNS, chunks
from loyalty_desk.sync.protocol import MAX_PULL_LIMIT

CLOSURE_ROUNDS = 8


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _members(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    wanted = list(dict.fromkeys(ids))
    for _ in range(CLOSURE_ROUNDS):
        missing = [i for i in wanted if i not in out]
        if not missing:
            break
        cols = [getattr(m.Member, c) for c in MEMBER_COLUMNS]
        for part in chunks(missing):
            for row in conn.execute(select(*cols).where(m.Member.id.in_(part))):
                out[row[0]] = dict(zip(MEMBER_COLUMNS, row, strict=True))
        wanted = [
            ref
            for member in out.values()
            for ref in (member["merged_into"], member["referrer_id"])
            if ref is not None and ref not in out
        ]
        # Ids the server never saw (a referrer whose enrolment was rejected) stay missing.
        wanted = [w for w in wanted if w not in missing]
    return out


def _lots(conn: Connection, member_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    by_member: dict[str, list[dict[str, Any]]] = {}
    cols = (
        m.Lot.member_id,
        m.Lot.id,
        m.Lot.store_id,
        m.Lot.earned_at,
        m.Lot.expires_at,
        m.Lot.points,
        m.Lot.remaining,
    )
    for part in chunks(member_ids):
        query = select(*cols).where(m.Lot.member_id.in_(part), m.Lot.remaining > 0)
        for member_id, lot_id, store, earned, expires, points, remaining in conn.execute(query):
            by_member.setdefault(member_id, []).append(
                {
                    "id": lot_id,
                    "store_id": store,
                    "earned_at": earned.isoformat(),
                    "expires_at": expires.isoformat(),
                    "points": points,
                    "remaining": remaining,
                }
            )
    return by_member


def member_json(row: dict[str, Any], lots: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "code": row["code"],
        "phone": row["phone"],
        "name": row["name"],
        "birthday": _iso(row["birthday"]),
        "referral_code": row["referral_code"],
        "referrer_id": row["referrer_id"],
        "referral_rewarded": bool(row["referral_rewarded"]),
        "home_store_id": row["home_store_id"],
        "created_at": _iso(row["created_at"]),
        "first_purchase_at": _iso(row["first_purchase_at"]),
        "last_visit_at": _iso(row["last_visit_at"]),
        "merged_into": row["merged_into"],
        "online_only": bool(row["online_only"]),
        "overdraft": bool(row["overdraft"]),
        "balance": int(row["points"]) - int(row["debt"]),
        "debt": int(row["debt"]),
        "lots": lots,
    }


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
        rows = conn.execute(
            select(m.Change.kind, m.Change.entity_id, m.Change.seq)
            .where(m.Change.seq > cursor)
            .order_by(m.Change.seq)
            .limit(limit)
        ).all()
        if not rows:
            return json.dumps(page, ensure_ascii=False)
        page["cursor"] = int(rows[-1][2])
        page["more"] = len(rows) == limit and page["cursor"] < head
        wanted: dict[str, list[str]] = {"member": [], "coupon": [], "rules": [], "key": []}
        for kind, entity, _seq in rows:
            wanted.setdefault(kind, []).append(entity)
        coupons = []
        for part in chunks(wanted["coupon"]):
            coupons += list(
                conn.execute(select(m.Coupon).where(m.Coupon.code.in_(part))).mappings()
            )
        # A coupon comes with its owner, so the till can store it on the same page.
        owners = [c["member_id"] for c in coupons if c["member_id"]]
        members = _members(conn, wanted["member"] + owners)
        lots = _lots(conn, list(members))
        page["members"] = [member_json(row, lots.get(mid, [])) for mid, row in members.items()]
        if wanted["rules"]:
            versions = [int(v) for v in wanted["rules"]]
            for version, effective, body in conn.execute(
                select(m.RuleVersion.version, m.RuleVersion.effective_from, m.RuleVersion.body)
                .where(m.RuleVersion.version.in_(versions))
                .order_by(m.RuleVersion.version)
            ):
                page["rules"].append(
                    {
                        "version": version,
                        "effective_from": effective.isoformat(),
                        "body": json.loads(body),
                    }
                )
        for c in coupons:
            page["coupons"].append(
                {
                    "code": c["code"],
                    "member_id": c["member_id"],
                    "status": c["status"],
                    "record": json.loads(c["record"]),
                    "redeemed_at": _iso(c["redeemed_at"]),
                    "redeemed_receipt": c["redeemed_receipt"],
                    "redeemed_store_id": c["redeemed_store_id"],
                    "voided_at": _iso(c["voided_at"]),
                    "void_reason": c["void_reason"],
                }
            )
        if wanted["key"]:
            page["coupon_keys"] = coupon_keys(conn)
    return json.dumps(page, ensure_ascii=False)
