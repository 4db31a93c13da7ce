"""The server's operations behind the HTTP routes: authentication, protocol check, dispatch.

The FastAPI app is a thin layer over this class, and tests and the deterministic sync
simulation call it directly (server/local.py), so both exercise the same code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, RowMapping, func, select, text

from loyalty_desk.domain.errors import Code
from loyalty_desk.server import admin, admin_tokens, holds, migrate
from loyalty_desk.server import models as m
from loyalty_desk.server import pull as pull_page
from loyalty_desk.server import push as push_batch
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.errors import ApiError
from loyalty_desk.sync.protocol import (
    PROTOCOL_VERSION,
    CheckReply,
    HoldReply,
    HoldRequest,
    PushReply,
    PushRequest,
    RegisterReply,
    RegisterRequest,
)

ENV_DATABASE_URL = "LOYALTY_SERVER_DATABASE_URL"
ENV_HOLD_TTL = "LOYALTY_SERVER_HOLD_SECONDS"
ENV_THREADS = "LOYALTY_SERVER_THREADS"
# Requests a worker process serves at once; the others wait their turn in its event loop.
# A request is mostly Python (validation, bookkeeping) and a few round trips to the
# database: a handful per process keeps both busy. With anyio's default of 40, 200 tills
# pushing at once made 80 requests fight over the interpreter lock, the connection pools
# and PostgreSQL's two cores: 2,664 events/s and a p99 of 11.9 s, against 3,365–3,900
# events/s and 6.1–7.4 s with 2 to 6 (bench/load_tills.py). 4 leaves room for a slow
# report request beside the pushes.
DEFAULT_THREADS = 4
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


def default_database_url() -> str:
    configured = os.environ.get(ENV_DATABASE_URL)
    if configured:
        return configured
    folder = Path(platformdirs.user_data_dir("loyalty-desk", "LoyaltyDesk")) / "server"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'loyalty-server.db'}"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    hold_ttl: timedelta = timedelta(minutes=10)

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        seconds = int(os.environ.get(ENV_HOLD_TTL) or 600)
        return cls(database_url or default_database_url(), timedelta(seconds=seconds))


def threads_from_env() -> int:
    return max(1, int(os.environ.get(ENV_THREADS) or DEFAULT_THREADS))


def open_database(url: str, *, upgrade: bool = True, pool_size: int = 8) -> ServerDatabase:
    db = ServerDatabase(url, pool_size=pool_size)
    if upgrade and not migrate.is_current(db.engine):
        migrate.upgrade(db.engine)
    admin.ensure_seed(db, utcnow())
    return db


class Service:
    def __init__(
        self, db: ServerDatabase, *, clock: Clock = utcnow, hold_ttl: timedelta | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.hold_ttl = hold_ttl or timedelta(minutes=10)

    def now(self) -> datetime:
        return self.clock()

    @staticmethod
    def check_protocol(value: str | int | None) -> None:
        if value is None:
            return
        if str(value).strip() != str(PROTOCOL_VERSION):
            raise ApiError(
                426,
                Code.PROTOCOL_MISMATCH,
                f"This server speaks sync protocol {PROTOCOL_VERSION}, the till {value}; "
                "update the older side. The till keeps its events until then.",
                server_protocol=PROTOCOL_VERSION,
            )

    def caller(self, authorization: str | None) -> admin.Caller:
        with self.db.read() as conn:
            return admin.authenticate(conn, authorization, self.now())

    # -- operations ----------------------------------------------------------------------

    def register(self, request: RegisterRequest) -> RegisterReply:
        return admin.register(self.db, request, self.now())

    def push(self, authorization: str | None, request: PushRequest) -> PushReply:
        now = self.now()

        def authenticate(conn: Connection) -> RowMapping:
            return admin.authenticate(conn, authorization, now, lock=True).device

        return push_batch.push(self.db, authenticate, request, now)

    def pull(self, authorization: str | None, cursor: int, limit: int) -> str:
        caller = self.caller(authorization)
        return pull_page.pull(self.db, caller.device_id, cursor, limit, self.now())

    def check(self, authorization: str | None) -> CheckReply:
        caller = self.caller(authorization)
        now = self.now()
        token: str | None = None
        expires: datetime | None = None
        if caller.token_expires_at - now < admin.TOKEN_RENEWAL:
            token, expires = admin.renew_token(self.db, caller.device_id, now)
        with self.db.read() as conn:
            d = (
                conn.execute(select(m.Device).where(m.Device.id == caller.device_id))
                .mappings()
                .one()
            )
            return CheckReply(
                device_id=d["id"],
                start_seq=d["start_seq"],
                applied_through=d["last_seq"],
                event_count=d["event_count"],
                points_total=d["points_total"],
                server_time=now,
                new_token=token,
                new_token_expires_at=expires,
            )

    def hold(self, authorization: str | None, request: HoldRequest) -> HoldReply:
        caller = self.caller(authorization)
        return holds.place(self.db, caller.device_id, request, self.now(), self.hold_ttl)

    def release(self, authorization: str | None, hold_id: str) -> HoldReply:
        caller = self.caller(authorization)
        return holds.release(self.db, caller.device_id, hold_id, self.now())

    def kpi_report(
        self,
        authorization: str | None,
        first: date,
        last: date,
        *,
        store: str | None = None,
        top: int = 10,
        timezone: str | None = None,
    ) -> dict[str, Any]:
        """The chain KPI report for an admin, or a store manager's own store."""
        from loyalty_desk.server import report_kpi

        now = self.now()
        with self.db.read() as conn:
            caller = admin_tokens.authenticate_admin(conn, authorization, now)
        if caller.store_id is not None:
            if store is not None and store != caller.store_id:
                raise ApiError(
                    403,
                    Code.NOT_YOUR_STORE,
                    f"This token reads store {caller.store_id} only, not {store}.",
                )
            store = caller.store_id
        period = report_kpi.report_period(first, last)
        tz = report_kpi.chain_timezone(timezone)
        report = report_kpi.chain_kpi_report(self.db, period, now=now, tz=tz, store=store, top=top)
        return report.to_json()

    def ready(self) -> str | None:
        """None when the database answers and its schema is current, else why not."""
        try:
            if not migrate.is_current(self.db.engine):
                return "database schema is not at the current revision"
            with self.db.read() as conn:
                conn.execute(text("SELECT 1"))
                conn.execute(select(func.count()).select_from(m.FeedCounter))
        except Exception as exc:  # readiness reports any failure, it never raises
            return f"{type(exc).__name__}: {exc}"[:300]
        return None
