"""Chain administration: stores, registration codes, tills, rule versions, manager cases."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, RowMapping, Select, bindparam, func, insert, select, update

from loyalty_desk.domain.errors import Code
from loyalty_desk.domain.rules import RuleSet, rules_from_mapping
from loyalty_desk.server import models as m
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.errors import ApiError
from loyalty_desk.server.pull import coupon_keys
from loyalty_desk.server.unit import chunks, touch
from loyalty_desk.sync.protocol import PROTOCOL_VERSION, RegisterReply, RegisterRequest

STORE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
CODE_TTL = timedelta(hours=24)
TOKEN_TTL = timedelta(days=365)
TOKEN_RENEWAL = timedelta(days=30)  # a token this close to its end is renewed on check


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ensure_seed(db: ServerDatabase, now: datetime) -> None:
    """Rows every server needs: the feed counter and a coupon signing key."""
    with db.write() as conn:
        if conn.execute(select(m.FeedCounter.id)).first() is None:
            conn.execute(insert(m.FeedCounter).values(id=1, value=0, epoch=secrets.token_hex(8)))
        if conn.execute(select(m.CouponKey.key_id)).first() is None:
            key_id = "01"  # coupon codes carry a 2-digit key id; 90-99 are till-local
            conn.execute(
                insert(m.CouponKey).values(
                    key_id=key_id, secret_hex=secrets.token_hex(32), created_at=now
                )
            )
            touch(conn, [("key", key_id)])


def reset_feed(db: ServerDatabase) -> dict[str, Any]:
    """After restoring this database from a backup: give the pull feed a new epoch, so every
    till pulls everything again instead of trusting a cursor the backup never reached."""
    epoch = secrets.token_hex(8)
    with db.write() as conn:
        conn.execute(update(m.FeedCounter).where(m.FeedCounter.id == 1).values(epoch=epoch))
    return {"epoch": epoch}


# -- stores and registration codes -------------------------------------------------------


def add_store(db: ServerDatabase, store_id: str, name: str, now: datetime) -> dict[str, Any]:
    if not STORE_ID.match(store_id):
        raise ApiError(400, Code.INVALID_STORE, f"'{store_id}' is not a store id.")
    clean = " ".join(name.split())[:80]
    if not clean:
        raise ApiError(400, Code.INVALID_NAME, "Give the store a name.")
    with db.write() as conn:
        if conn.execute(select(m.Store.id).where(m.Store.id == store_id)).first():
            raise ApiError(409, Code.STORE_EXISTS, f"Store {store_id} already exists.")
        conn.execute(insert(m.Store).values(id=store_id, name=clean, created_at=now))
    return {"store_id": store_id, "name": clean}


def list_stores(db: ServerDatabase) -> list[dict[str, Any]]:
    with db.read() as conn:
        devices = dict(
            conn.execute(
                select(m.Device.store_id, func.count())
                .where(m.Device.revoked_at.is_(None))
                .group_by(m.Device.store_id)
            ).all()
        )
        return [
            {"store_id": s.id, "name": s.name, "tills": int(devices.get(s.id, 0))}
            for s in conn.execute(select(m.Store).order_by(m.Store.id))
        ]


def normalise_code(code: str) -> str:
    return code.replace("-", "").strip()


def issue_code(db: ServerDatabase, store_id: str, now: datetime) -> dict[str, Any]:
    """A one-time code for registering a till of `store_id`, valid for 24 hours."""
    digits = f"{secrets.randbelow(10**12):012d}"
    with db.write() as conn:
        if conn.execute(select(m.Store.id).where(m.Store.id == store_id)).first() is None:
            raise ApiError(404, Code.UNKNOWN_STORE, f"No store {store_id}; add it first.")
        conn.execute(
            insert(m.RegistrationCode).values(
                code_hash=sha256(digits),
                store_id=store_id,
                created_at=now,
                expires_at=now + CODE_TTL,
                used_at=None,
                used_by=None,
            )
        )
    return {
        "store_id": store_id,
        "code": f"{digits[:4]}-{digits[4:8]}-{digits[8:]}",
        "expires_at": (now + CODE_TTL).isoformat(),
    }


def register(db: ServerDatabase, request: RegisterRequest, now: datetime) -> RegisterReply:
    with db.write() as conn:
        row = (
            conn.execute(
                select(m.RegistrationCode).where(
                    m.RegistrationCode.code_hash == sha256(normalise_code(request.code))
                )
            )
            .mappings()
            .first()
        )
        if row is None or row["used_at"] is not None or row["expires_at"] <= now:
            raise ApiError(
                403,
                Code.INVALID_REGISTRATION_CODE,
                "This registration code is unknown, used or expired; ask for a new one "
                "(`loyalty-desk server store code STORE`).",
            )
        if row["store_id"] != request.store_id:
            raise ApiError(
                409,
                Code.STORE_MISMATCH,
                f"The code is for store {row['store_id']} but this till belongs to "
                f"{request.store_id}.",
            )
        store = conn.execute(select(m.Store).where(m.Store.id == row["store_id"])).mappings().one()
        device = (
            conn.execute(select(m.Device).where(m.Device.id == request.device_id))
            .mappings()
            .first()
        )
        secret = secrets.token_urlsafe(32)
        values = {
            "token_hash": sha256(secret),
            "token_expires_at": now + TOKEN_TTL,
            "registered_at": now,
            "timezone": request.timezone,
        }
        if device is not None:
            if device["revoked_at"] is not None or device["store_id"] != request.store_id:
                raise ApiError(
                    409,
                    Code.DEVICE_REVOKED,
                    "This device id was revoked; the till registers under a new one.",
                )
            conn.execute(update(m.Device).where(m.Device.id == request.device_id).values(**values))
            applied = int(device["last_seq"])
            start = int(device["start_seq"])
            known = _known(conn, request.pending_event_ids)
        else:
            # A new device: the leading events the server already holds (sent under the
            # till's previous identity) are done; the new device's stream starts after them.
            known = _known(conn, request.pending_event_ids)
            lead = 0
            for event_id in request.pending_event_ids:
                if event_id not in known:
                    break
                lead += 1
            known = {i: known[i] for i in request.pending_event_ids[:lead]}
            start = request.start_seq + lead
            conn.execute(
                insert(m.Device).values(
                    id=request.device_id,
                    store_id=request.store_id,
                    start_seq=start,
                    last_seq=start - 1,
                    event_count=0,
                    points_total=0,
                    revoked_at=None,
                    last_seen_at=now,
                    **values,
                )
            )
            applied = start - 1
        conn.execute(
            update(m.RegistrationCode)
            .where(m.RegistrationCode.code_hash == row["code_hash"])
            .values(used_at=now, used_by=request.device_id)
        )
        keys = coupon_keys(conn)
    return RegisterReply(
        device_id=request.device_id,
        device_token=f"{request.device_id}.{secret}",
        token_expires_at=now + TOKEN_TTL,
        store_id=request.store_id,
        store_name=store["name"],
        server_time=now,
        protocol=PROTOCOL_VERSION,
        start_seq=start,
        applied_through=applied,
        known_events=known,
        coupon_keys=keys,
    )


def _known(conn: Connection, event_ids: list[str]) -> dict[str, str]:
    known: dict[str, str] = {}
    for part in chunks(list(event_ids)):
        for event_id, status in conn.execute(
            select(m.Event.event_id, m.Event.status).where(m.Event.event_id.in_(part))
        ):
            known[event_id] = status
    return known


@dataclass(frozen=True, slots=True)
class Caller:
    device_id: str
    store_id: str
    token_expires_at: datetime
    device: RowMapping = field(repr=False, compare=False)  # the device row as read


@cache
def _device_query(lock: bool) -> Select[Any]:
    query = select(m.Device).where(m.Device.id == bindparam("device_id"))
    return query.with_for_update() if lock else query


def authenticate(
    conn: Connection, authorization: str | None, now: datetime, *, lock: bool = False
) -> Caller:
    """`Bearer <device id>.<secret>`: the secret's hash is compared in constant time.

    `lock` reads the device row FOR UPDATE (PostgreSQL): a push authenticates and takes its
    device's lock in one round trip, and uses the row it read."""
    scheme, _, token = (authorization or "").partition(" ")
    device_id, _, secret = token.strip().partition(".")
    if scheme.lower() != "bearer" or not device_id or not secret or len(token) > 200:
        raise ApiError(401, Code.UNAUTHORISED, "Send the device token: Authorization: Bearer …")
    query = _device_query(lock and conn.dialect.name == "postgresql")
    row = conn.execute(query, {"device_id": device_id}).mappings().first()
    given = sha256(secret)
    current = row["token_hash"] if row is not None else sha256("no such device")
    valid = hmac.compare_digest(given, current)
    previous = row["previous_token_hash"] if row is not None else None
    if not valid and previous is not None and row is not None:
        valid = hmac.compare_digest(given, previous) and row["previous_token_until"] > now
    if not valid or row is None:
        raise ApiError(401, Code.UNAUTHORISED, "The device token is not valid; register again.")
    if row["revoked_at"] is not None:
        raise ApiError(401, Code.DEVICE_REVOKED, "This till was revoked; register it again.")
    if row["token_expires_at"] <= now:
        raise ApiError(401, Code.TOKEN_EXPIRED, "The device token expired; register again.")
    return Caller(device_id, row["store_id"], row["token_expires_at"], row)


def renew_token(db: ServerDatabase, device_id: str, now: datetime) -> tuple[str, datetime]:
    """A new token for a till whose token runs out soon; the old one works one more day."""
    secret = secrets.token_urlsafe(32)
    expires = now + TOKEN_TTL
    with db.write() as conn:
        conn.execute(
            update(m.Device)
            .where(m.Device.id == device_id)
            .values(
                previous_token_hash=m.Device.token_hash,
                previous_token_until=now + timedelta(days=1),
                token_hash=sha256(secret),
                token_expires_at=expires,
            )
        )
    return f"{device_id}.{secret}", expires


# -- tills -------------------------------------------------------------------------------


def list_devices(db: ServerDatabase) -> list[dict[str, Any]]:
    with db.read() as conn:
        return [
            {
                "device_id": d.id,
                "store_id": d.store_id,
                "registered_at": d.registered_at.isoformat(),
                "revoked": d.revoked_at is not None,
                "last_seq": d.last_seq,
                "events": d.event_count,
                "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None,
            }
            for d in conn.execute(select(m.Device).order_by(m.Device.store_id, m.Device.id))
        ]


def revoke_device(db: ServerDatabase, device_id: str, now: datetime) -> dict[str, Any]:
    with db.write() as conn:
        done = conn.execute(
            update(m.Device)
            .where(m.Device.id == device_id, m.Device.revoked_at.is_(None))
            .values(revoked_at=now)
        ).rowcount
        if not done:
            raise ApiError(404, Code.UNKNOWN_DEVICE, f"No active till {device_id}.")
    return {"device_id": device_id, "revoked_at": now.isoformat()}


def expire_token(db: ServerDatabase, device_id: str, now: datetime) -> None:
    """End a device's token now (the till keeps its events and registers again)."""
    with db.write() as conn:
        conn.execute(update(m.Device).where(m.Device.id == device_id).values(token_expires_at=now))


# -- rules -------------------------------------------------------------------------------


def publish_rules(
    db: ServerDatabase, mapping: dict[str, Any], effective_from: datetime, now: datetime
) -> dict[str, Any]:
    """Store a new rule-set version; tills pick it up on their next pull."""
    with db.write() as conn:
        latest = conn.execute(select(func.max(m.RuleVersion.version))).scalar() or 1
        body = dict(mapping)
        version = body.pop("version", None)
        if version is None:
            version = latest + 1
        if not isinstance(version, int) or isinstance(version, bool) or version <= latest:
            raise ApiError(
                409,
                Code.INVALID_RULES,
                f"Version {version} is not newer than the published version {latest}.",
            )
        parsed = rules_from_mapping({**body, "version": version})
        if not isinstance(parsed, RuleSet):
            raise ApiError(
                400, Code.INVALID_RULES, "; ".join(p.message for p in parsed), problems=len(parsed)
            )
        text = json.dumps(parsed.to_mapping(), sort_keys=True, separators=(",", ":"))
        conn.execute(
            insert(m.RuleVersion).values(
                version=version, effective_from=effective_from, body=text, published_at=now
            )
        )
        touch(conn, [("rules", str(version))])
    return {"version": version, "effective_from": effective_from.isoformat()}


# -- cases -------------------------------------------------------------------------------


def list_cases(db: ServerDatabase, *, include_closed: bool = False) -> list[dict[str, Any]]:
    with db.read() as conn:
        query = select(m.Case).order_by(m.Case.id)
        if not include_closed:
            query = query.where(m.Case.closed_at.is_(None))
        cases = list(conn.execute(query).mappings())
        member_ids = [c["member_id"] for c in cases if c["member_id"]]
        members: dict[str, Any] = {}
        for part in chunks(member_ids):
            for row in conn.execute(
                select(m.Member.id, m.Member.code, m.Member.phone, m.Member.debt).where(
                    m.Member.id.in_(part)
                )
            ):
                members[row.id] = row
        out = []
        for c in cases:
            member = members.get(c["member_id"])
            out.append(
                {
                    "id": c["id"],
                    "kind": c["kind"],
                    "store_id": c["store_id"],
                    "event_id": c["event_id"],
                    "member_id": c["member_id"],
                    "member_code": member.code if member else None,
                    "member_debt": int(member.debt) if member else None,
                    "detail": json.loads(c["detail"]),
                    "opened_at": c["opened_at"].isoformat(),
                    "closed_at": c["closed_at"].isoformat() if c["closed_at"] else None,
                    "closed_note": c["closed_note"],
                }
            )
        return out


def close_case(db: ServerDatabase, case_id: int, note: str, now: datetime) -> dict[str, Any]:
    """A manager settled the case. Closing an overdraft case lets the member redeem offline
    again once no other open overdraft case names them and the debt is repaid."""
    with db.write() as conn:
        row = conn.execute(select(m.Case).where(m.Case.id == case_id)).mappings().first()
        if row is None or row["closed_at"] is not None:
            raise ApiError(404, Code.UNKNOWN_CASE, f"No open case {case_id}.")
        conn.execute(
            update(m.Case)
            .where(m.Case.id == case_id)
            .values(closed_at=now, closed_note=" ".join(note.split())[:500])
        )
        member_id = row["member_id"]
        if row["kind"] == "overdraft" and member_id:
            still_open = conn.execute(
                select(func.count()).where(
                    m.Case.member_id == member_id,
                    m.Case.kind == "overdraft",
                    m.Case.closed_at.is_(None),
                )
            ).scalar_one()
            debt = conn.execute(select(m.Member.debt).where(m.Member.id == member_id)).scalar()
            if not still_open and not debt:
                conn.execute(
                    update(m.Member)
                    .where(m.Member.id == member_id)
                    .values(online_only=False, overdraft=False, updated_at=now)
                )
                touch(conn, [("member", member_id)])
    return {"id": case_id, "closed_at": now.isoformat()}
