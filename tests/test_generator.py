"""The bench data generator makes a till the real code agrees with (issue 7 item 1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from bench.chain import ChainSpec
from bench.generate import build_till
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Member, TierChange
from tests.helpers import check_activity, check_invariants

SPEC = ChainSpec(members=400, chunk_size=200, seed=11)


def digest(path: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(path)
    try:
        return tuple(
            conn.execute(sql).fetchone()[0]
            for sql in (
                "SELECT count(*) FROM ledger_entry",
                "SELECT sum(points) FROM ledger_entry",
                "SELECT sum(paid_fen) FROM receipt",
                "SELECT count(*) FROM tier_change",
                "SELECT count(*) FROM coupon",
                "SELECT count(*) FROM segment_change",
            )
        )
    finally:
        conn.close()


def test_a_generated_chain_keeps_every_invariant(tmp_path: Path) -> None:
    path = build_till(tmp_path / "chain", SPEC, jobs=1, progress=False)
    desk = unwrap(Desk.open(tmp_path / "chain", clock=lambda: SPEC.now))
    try:
        check_invariants(desk)  # balances = ledger = lots − debt; device_seq gap-free
        check_activity(desk)  # activity rows and segment moves = a replay of the receipts
        with desk.read() as s:
            last_change: dict[str, str] = {}
            for change in s.scalars(select(TierChange).order_by(TierChange.at, TierChange.id)):
                last_change[change.member_id] = change.to_tier
            for member in s.scalars(select(Member)):
                assert member.tier == last_change.get(member.id, "regular"), member.code
        entries, *_ = digest(path)
        assert 6 * SPEC.members <= entries <= 15 * SPEC.members  # ~10 a member
    finally:
        desk.close()


def test_the_same_seed_gives_the_same_chain(tmp_path: Path) -> None:
    a = build_till(tmp_path / "a", SPEC, jobs=1, progress=False)
    b = build_till(tmp_path / "b", SPEC, jobs=1, progress=False)
    assert digest(a) == digest(b)
    other = build_till(
        tmp_path / "c", ChainSpec(members=400, chunk_size=200, seed=12), jobs=1, progress=False
    )
    assert digest(other) != digest(a)
