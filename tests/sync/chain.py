"""A small chain for tests: one central server (in-process or real) and a few tills."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, func, select, text

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.ids import new_id
from loyalty_desk.server import admin
from loyalty_desk.server import models as sm
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.server.local import LocalTransport
from loyalty_desk.server.service import Service, open_database
from loyalty_desk.services import sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.sync_client import use_transport
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import LedgerEntry, Member
from loyalty_desk.sync.transport import Reply, Transport, Unreachable
from tests.conftest import FakeClock

PG_ENV = "LOYALTY_TEST_DATABASE_URL"
SERVER_TABLES = [t.name for t in reversed(sm.Base.metadata.sorted_tables)]


def reset_postgres(url: str) -> None:
    """A clean schema for this test session (drops what an earlier session left)."""
    db = ServerDatabase(url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    db.close()


def empty_server(url: str) -> None:
    db = ServerDatabase(url)
    with db.engine.begin() as conn:
        if db.postgres:
            names = ", ".join(f'"{t}"' for t in SERVER_TABLES)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
        else:
            for table in SERVER_TABLES:
                conn.execute(text(f'DELETE FROM "{table}"'))
    db.close()


class TillTemplate:
    """One initialised till database, copied for every till a test needs (init runs the
    migrations, which is slow to repeat hundreds of times)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        unwrap(init_store(folder, "TEMPLATE", "Template"))

    def make(self, target: Path, store_id: str, name: str | None = None) -> None:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.folder / "loyalty.db", target / "loyalty.db")
        conn = sqlite3.connect(target / "loyalty.db")
        for key, value in (
            ("store_id", store_id),
            ("store_name", name or store_id),
            ("device_id", new_id()),
        ):
            conn.execute("UPDATE setting SET value = ? WHERE key = ?", (f'"{value}"', key))
        conn.commit()
        conn.close()


class Switch:
    """A network cable the test can pull: while `down`, nothing reaches the server."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.down = False

    def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        if self.down:
            raise Unreachable("network down")
        return self.inner.request(method, path, **kwargs)


@dataclass
class Chain:
    service: Service
    clock: FakeClock
    root: Path
    template: TillTemplate | None = None
    tills: dict[str, Desk] = field(default_factory=dict)
    transports: dict[str, Transport] = field(default_factory=dict)

    @property
    def db(self) -> ServerDatabase:
        return self.service.db

    def store(self, store_id: str) -> None:
        with self.db.read() as conn:
            exists = conn.execute(select(sm.Store.id).where(sm.Store.id == store_id)).first()
        if not exists:
            admin.add_store(self.db, store_id, f"Store {store_id}", self.clock())

    def code(self, store_id: str) -> str:
        self.store(store_id)
        return str(admin.issue_code(self.db, store_id, self.clock())["code"])

    def till(
        self, name: str, store_id: str, *, transport: Transport | None = None, register: bool = True
    ) -> Desk:
        folder = self.root / name
        if self.template is not None:
            self.template.make(folder, store_id)
        else:
            unwrap(init_store(folder, store_id, clock=self.clock))
        desk = unwrap(Desk.open(folder, clock=self.clock))
        link = transport or Switch(LocalTransport(self.service))
        use_transport(desk, link)
        self.tills[name] = desk
        self.transports[name] = link
        if register:
            unwrap(sync.register(desk, "http://server.test", self.code(store_id)))
        return desk

    def offline(self, *names: str, down: bool = True) -> None:
        for name in names:
            link = self.transports[name]
            assert isinstance(link, Switch)
            link.down = down

    def online(self, *names: str) -> None:
        self.offline(*names, down=False)

    def sync(self, name: str) -> sync.SyncSummary:
        return unwrap(sync.sync_once(self.tills[name]))

    def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for name in self.tills:
                self.sync(name)

    def close(self) -> None:
        for desk in self.tills.values():
            desk.close()
        self.service.db.close()


def make_service(url: str, clock: FakeClock) -> Service:
    return Service(open_database(url), clock=clock)


def test_database_url(tmp_path: Path) -> str:
    url = os.environ.get(PG_ENV)
    return url or f"sqlite:///{tmp_path / 'server.db'}"


# -- what must hold ----------------------------------------------------------------------


def server_member(service: Service, member_id: str) -> dict[str, Any]:
    with service.db.read() as conn:
        row = conn.execute(select(sm.Member).where(sm.Member.id == member_id)).mappings().one()
        return dict(row)


def check_server_books(service: Service) -> None:
    """Double entry and the member invariants on the server."""
    with service.db.read() as conn:
        total_in = dict(
            conn.execute(
                select(sm.Transfer.target, func.sum(sm.Transfer.points)).group_by(
                    sm.Transfer.target
                )
            ).all()
        )
        total_out = dict(
            conn.execute(
                select(sm.Transfer.source, func.sum(sm.Transfer.points)).group_by(
                    sm.Transfer.source
                )
            ).all()
        )
        accounts = set(total_in) | set(total_out)
        balances = {a: int(total_in.get(a, 0)) - int(total_out.get(a, 0)) for a in accounts}
        assert sum(balances.values()) == 0
        lots = dict(
            conn.execute(
                select(sm.Lot.member_id, func.sum(sm.Lot.remaining)).group_by(sm.Lot.member_id)
            ).all()
        )
        for mem in conn.execute(select(sm.Member)).mappings():
            points = balances.get(f"member:{mem['id']}", 0)
            overdraft = balances.get(f"overdraft:{mem['id']}", 0)
            assert points == mem["points"] >= 0, (mem["id"], points, mem["points"])
            assert -overdraft == mem["debt"] >= 0, (mem["id"], overdraft, mem["debt"])
            assert int(lots.get(mem["id"]) or 0) == mem["points"], (mem["id"], lots.get(mem["id"]))
            if mem["debt"] > 0:
                assert mem["points"] == 0, mem["id"]
            if mem["merged_into"] is not None:
                assert mem["points"] == 0 and mem["debt"] == 0, mem["id"]
        bad = conn.execute(
            select(func.count()).where((sm.Lot.remaining < 0) | (sm.Lot.remaining > sm.Lot.points))
        ).scalar_one()
        assert bad == 0


def till_balance(desk: Desk, member_id: str) -> tuple[int, int]:
    with desk.read() as s:
        member = s.get(Member, member_id)
        assert member is not None
        while member.merged_into:
            member = s.get(Member, member.merged_into)
            assert member is not None
        return member.balance, member.debt


def own_points(desk: Desk) -> int:
    with desk.read() as s:
        return int(
            s.scalar(
                select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
                    LedgerEntry.kind != "SYNC"
                )
            )
            or 0
        )


def ok(value: Any) -> Any:
    assert not isinstance(value, Refusal), value
    return value


def assert_converged(chain: Chain) -> None:
    """After a clean sync everywhere: every till event is on the server exactly once,
    nothing is waiting, and every till shows the server's balances."""
    from loyalty_desk.store.models import Outbox
    from tests.helpers import check_invariants

    chain.sync_all()
    with chain.db.read() as conn:
        events = {
            e.event_id: e.status for e in conn.execute(select(sm.Event.event_id, sm.Event.status))
        }
        quarantined = set(conn.execute(select(sm.Quarantine.event_id)).scalars())
        entries = set(conn.execute(select(sm.Entry.id)).scalars())
        balances = {
            r.id: r.points - r.debt
            for r in conn.execute(
                select(sm.Member.id, sm.Member.points, sm.Member.debt).where(
                    sm.Member.merged_into.is_(None)
                )
            )
        }
    for name, desk in chain.tills.items():
        with desk.read() as s:
            rows = list(s.scalars(select(Outbox)))
            for row in rows:
                assert row.acked_at is not None, (name, row.device_seq, row.kind)
                assert row.event_id in events or row.event_id in quarantined, (name, row.event_id)
            accepted = {r.event_id for r in rows if events.get(r.event_id) == "accepted"}
            for entry in s.scalars(select(LedgerEntry).where(LedgerEntry.kind != "SYNC")):
                if entry.event_id in accepted:
                    assert entry.id in entries, (name, entry.id)
            for member in s.scalars(select(Member).where(Member.merged_into.is_(None))):
                if member.id in balances:
                    assert member.balance == balances[member.id], (name, member.code)
        check_invariants(desk)
    check_server_books(chain.service)


def snapshot_server(chain: Chain) -> dict[str, list[dict[str, Any]]]:
    """Every row of the server, as a backup taken now would hold it."""
    with chain.db.read() as conn:
        return {
            t.name: [dict(r) for r in conn.execute(t.select()).mappings()]
            for t in sm.Base.metadata.sorted_tables
        }


def restore_server(chain: Chain, backup: dict[str, list[dict[str, Any]]]) -> None:
    empty_server(chain.db.url)
    with chain.db.write() as conn:
        for table in sm.Base.metadata.sorted_tables:
            rows = backup[table.name]
            if rows:
                conn.execute(table.insert(), rows)
            if chain.db.postgres and "id" in table.c and isinstance(table.c.id.type, Integer):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                    )
                )
