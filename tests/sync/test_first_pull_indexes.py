"""A new till's first big pull builds its lookup indexes once, at the end (DESIGN §6: first
pull of 1M members ≤ 30 s); whatever happens, the till ends up with every index."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import Engine

from loyalty_desk.services import checkout, members, sync, sync_apply
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store import deferred_indexes
from tests.helpers import check_invariants
from tests.sync.chain import Chain


def indexes(desk: Desk) -> set[tuple[str, str]]:
    conn = sqlite3.connect(desk.db.path)
    try:
        return set(
            conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall()
        )
    finally:
        conn.close()


def count_members(desk: Desk) -> int:
    conn = sqlite3.connect(desk.db.path)
    try:
        return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])
    finally:
        conn.close()


def chain_with_members(chain: Chain, count: int) -> Desk:
    a = chain.till("a", "S001")
    for i in range(count):
        m = unwrap(members.enroll(a, f"1381234{i:04d}", f"会员{i}"))
        unwrap(checkout.earn(a, m.code, f"A-{i}", 10_000 + i))
    chain.sync("a")
    return a


def test_a_first_pull_without_its_indexes_ends_with_all_of_them(
    chain: Chain, bulk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = chain_with_members(chain, 12)
    b = chain.till("b", "S002")
    before = indexes(b)
    dropped: list[int] = []
    real = deferred_indexes.set_aside

    def spy(engine: Engine) -> int:
        dropped.append(real(engine))
        return dropped[-1]

    monkeypatch.setattr(deferred_indexes, "set_aside", spy)
    summary = unwrap(sync.sync_once(b, pull_limit=5))
    assert dropped == [15]  # member 9, ledger_entry 4, point_lot 2
    assert summary.pulled >= 12 and count_members(b) == 12
    assert indexes(b) == before
    for i in (0, 11):
        seen = unwrap(members.show(b, f"1381234{i:04d}"))
        assert seen.balance == unwrap(members.show(a, f"1381234{i:04d}")).balance
    assert [m.name for m in unwrap(members.find(b, "0003")).members] == ["会员3"]
    check_invariants(b)
    conn = sqlite3.connect(b.db.path)
    try:  # written with the per-row checks off, checked page by page
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_a_first_pull_that_fails_half_way_still_rebuilds_them(
    chain: Chain, bulk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain_with_members(chain, 12)
    b = chain.till("b", "S002")
    before = indexes(b)
    real = sync_apply.apply_page
    pages: list[int] = []

    def failing(desk: Desk, page: dict[str, object], *, bulk: bool) -> sync_apply.PageResult:
        pages.append(1)
        if len(pages) == 2:
            raise OSError("disk full")
        return real(desk, page, bulk=bulk)

    monkeypatch.setattr(sync, "apply_page", failing)
    with pytest.raises(OSError):
        sync.sync_once(b, pull_limit=5)
    assert indexes(b) == before
    monkeypatch.setattr(sync, "apply_page", real)
    assert count_members(b) < 12  # the first page is kept
    unwrap(sync.sync_once(b))  # the rest, from the stored cursor
    assert count_members(b) == 12
    check_invariants(b)


def test_a_till_stopped_in_the_middle_rebuilds_them_on_its_next_sync(chain: Chain) -> None:
    chain_with_members(chain, 3)
    b = chain.till("b", "S002")
    before = indexes(b)
    # The process died after the indexes went aside: only the setting remembers them.
    assert deferred_indexes.set_aside(b.db.engine) == 15
    assert len(indexes(b)) == len(before) - 15
    unwrap(sync.sync_once(b))
    assert indexes(b) == before
    assert deferred_indexes.restore(b.db.engine) == 0  # nothing left to do
    check_invariants(b)
