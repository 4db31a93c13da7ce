"""`bench/generate.py --server`: the generated chain as the central server holds it.

PostgreSQL only (the writer streams COPY); runs when LOYALTY_TEST_DATABASE_URL is set, as
CI does. The server's books must balance and agree with the till the chain came from.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.chain import ChainSpec
from bench.generate import build_till
from bench.server_chain import build_server, loaded, till_counts
from loyalty_desk.server import models as m
from loyalty_desk.server.service import Service, open_database
from tests.sync.chain import PG_ENV, check_server_books

SPEC = ChainSpec(members=300, chunk_size=150, seed=7)

pytestmark = pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set")


def test_the_central_database_holds_the_chain_and_its_books_balance(tmp_path: Path) -> None:
    url = os.environ[PG_ENV]
    till = build_till(tmp_path / "chain", SPEC, jobs=1, progress=False)
    assert build_server(till, SPEC, url, force=True, progress=False) > 0
    assert loaded(url) == till_counts(till)
    assert build_server(till, SPEC, url, progress=False) == 0.0  # the same chain: kept
    db = open_database(url)
    try:
        check_server_books(Service(db))
        src = sqlite3.connect(till)
        balances = dict(src.execute("SELECT id, balance + debt FROM member"))
        outbox, coupons = (
            src.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("outbox", "coupon")
        )
        src.close()
        with db.read() as conn:
            points = dict(conn.execute(select(m.Member.id, m.Member.points)).all())
            events = conn.execute(select(func.count()).select_from(m.Event)).scalar_one()
            head = conn.execute(select(m.FeedCounter.value)).scalar_one()
            feed = dict(
                conn.execute(select(m.Change.kind, func.count()).group_by(m.Change.kind)).all()
            )
            last = conn.execute(select(func.max(m.Change.seq))).scalar_one()
            devices = conn.execute(select(m.Device.store_id, m.Device.event_count)).all()
            stores = conn.execute(select(func.count()).select_from(m.Store)).scalar_one()
    finally:
        db.close()
    assert points == balances
    assert events == outbox == sum(count for _, count in devices)
    # One feed row per member and coupon (and the server's own signing key), no gaps.
    assert feed == {"member": len(balances), "coupon": coupons, "key": 1}
    assert head == last == sum(feed.values())
    assert stores == len(devices) == SPEC.stores
