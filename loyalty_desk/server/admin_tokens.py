"""Tokens for people who read the chain's figures over HTTP: the chain's administrators
(every store) and store managers (their own store only).

Made on the server with `loyalty-desk server admin token --name N [--store S]`; the token is
shown once, as `adm-<id>.<secret>`, and only the secret's SHA-256 is kept, compared in
constant time. A till's device token is never one of these: a till must not read other
stores' numbers, so report endpoints accept admin tokens only.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from loyalty_desk.domain.errors import Code
from loyalty_desk.server import models as m
from loyalty_desk.server.admin import sha256
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.errors import ApiError

PREFIX = "adm-"
DEFAULT_DAYS = 365
MAX_DAYS = 5 * 366


@dataclass(frozen=True, slots=True)
class AdminCaller:
    token_id: str
    name: str
    store_id: str | None  # None: the whole chain

    def may_read(self, store_id: str | None) -> bool:
        """A chain token reads everything; a store manager's only their store."""
        return self.store_id is None or self.store_id == store_id


def create_token(
    db: ServerDatabase,
    name: str,
    store_id: str | None,
    now: datetime,
    days: int = DEFAULT_DAYS,
) -> dict[str, Any]:
    clean = " ".join(name.split())[:80]
    if not clean:
        raise ApiError(400, Code.INVALID_NAME, "Name the token's holder (--name).")
    if not 1 <= days <= MAX_DAYS:
        raise ApiError(400, Code.INVALID_QUERY, f"A token lasts 1 to {MAX_DAYS} days, not {days}.")
    token_id = PREFIX + secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    expires = now + timedelta(days=days)
    with db.write() as conn:
        if store_id is not None and (
            conn.execute(select(m.Store.id).where(m.Store.id == store_id)).first() is None
        ):
            raise ApiError(404, Code.UNKNOWN_STORE, f"No store {store_id}; add it first.")
        conn.execute(
            insert(m.AdminToken).values(
                id=token_id,
                name=clean,
                store_id=store_id,
                token_hash=sha256(secret),
                created_at=now,
                expires_at=expires,
                revoked_at=None,
            )
        )
    return {
        "id": token_id,
        "name": clean,
        "store_id": store_id,
        "token": f"{token_id}.{secret}",
        "expires_at": expires.isoformat(),
    }


def list_tokens(db: ServerDatabase) -> list[dict[str, Any]]:
    with db.read() as conn:
        return [
            {
                "id": t.id,
                "name": t.name,
                "store_id": t.store_id,
                "created_at": t.created_at.isoformat(),
                "expires_at": t.expires_at.isoformat(),
                "revoked": t.revoked_at is not None,
            }
            for t in conn.execute(select(m.AdminToken).order_by(m.AdminToken.created_at))
        ]


def revoke_token(db: ServerDatabase, token_id: str, now: datetime) -> dict[str, Any]:
    with db.write() as conn:
        done = conn.execute(
            update(m.AdminToken)
            .where(m.AdminToken.id == token_id, m.AdminToken.revoked_at.is_(None))
            .values(revoked_at=now)
        ).rowcount
    if not done:
        raise ApiError(404, Code.UNKNOWN_TOKEN, f"No active admin token {token_id}.")
    return {"id": token_id, "revoked_at": now.isoformat()}


def authenticate_admin(conn: Connection, authorization: str | None, now: datetime) -> AdminCaller:
    """`Bearer adm-<id>.<secret>`; anything else, a till's token included, is refused."""
    scheme, _, token = (authorization or "").partition(" ")
    token_id, _, secret = token.strip().partition(".")
    if scheme.lower() != "bearer" or not token_id or not secret or len(token) > 200:
        raise ApiError(401, Code.UNAUTHORISED, "Send an admin token: Authorization: Bearer adm-…")
    row = None
    if token_id.startswith(PREFIX):
        row = conn.execute(select(m.AdminToken).where(m.AdminToken.id == token_id)).first()
    # Hash and compare even for an unknown id, so the answer takes as long either way.
    expected = row.token_hash if row is not None else sha256("no such token")
    valid = hmac.compare_digest(sha256(secret), expected)
    if row is None or not valid:
        raise ApiError(
            401,
            Code.UNAUTHORISED,
            "This needs an admin or store manager token (loyalty-desk server admin token); "
            "a till's device token cannot read reports.",
        )
    if row.revoked_at is not None:
        raise ApiError(401, Code.UNAUTHORISED, "This admin token was revoked; ask for a new one.")
    if row.expires_at <= now:
        raise ApiError(401, Code.TOKEN_EXPIRED, "This admin token expired; ask for a new one.")
    return AdminCaller(row.id, row.name, row.store_id)
