"""The pages of a first big pull check their foreign keys once before they commit, not row
by row (store/references.py): a row naming a missing parent fails its page whole, and the
till's own writes check every row again afterwards."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from loyalty_desk.services import sync, sync_apply
from loyalty_desk.store import references
from tests.sync.chain import Chain
from tests.sync.test_first_pull_indexes import chain_with_members, count_members


def _schema() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute(
        "CREATE TABLE member (id TEXT PRIMARY KEY, referrer_id TEXT REFERENCES member (id))"
    )
    conn.execute("CREATE TABLE lot (id TEXT PRIMARY KEY, member_id TEXT REFERENCES member (id))")
    conn.execute("INSERT INTO member VALUES ('m1', NULL)")
    return conn


def test_rows_naming_existing_parents_or_none_pass() -> None:
    conn = _schema()
    marks = references.mark(conn, ("member", "lot"))
    conn.execute("INSERT INTO member VALUES ('m2', 'm1'), ('m3', NULL)")
    conn.execute("INSERT INTO lot VALUES ('l1', 'm2')")
    references.check_since(conn, marks)


def test_a_new_row_naming_a_missing_parent_is_named_in_the_error() -> None:
    conn = _schema()
    marks = references.mark(conn, ("member", "lot"))
    conn.execute("INSERT INTO lot VALUES ('l1', 'm1'), ('l2', 'gone')")
    with pytest.raises(
        references.BrokenReference, match=r"lot\.member_id of row 2 names member 'gone'"
    ):
        references.check_since(conn, marks)


def test_a_bulk_page_with_a_broken_reference_is_rolled_back_whole(
    chain: Chain, bulk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain_with_members(chain, 6)
    b = chain.till("b", "S002")
    real = sync_apply.raw_insert

    def orphan_lot(s: Any, table: str, columns: tuple[str, ...], rows: list[Any]) -> None:
        if table == "point_lot" and rows:
            first = rows[0]
            rows = [*rows, (first[0], "no-such-member", *first[2:])]
            rows[0] = ("no-such-entry", *first[1:])
        real(s, table, columns, rows)

    monkeypatch.setattr(sync_apply, "raw_insert", orphan_lot)
    with pytest.raises(references.BrokenReference):
        sync.sync_once(b, pull_limit=5)
    assert count_members(b) == 0  # the first page went back whole, cursor and all
    monkeypatch.setattr(sync_apply, "raw_insert", real)
    assert sync.sync_once(b).pulled >= 6  # type: ignore[union-attr]
    assert count_members(b) == 6


def test_after_a_bulk_pull_the_tills_writes_check_every_row_again(chain: Chain, bulk: None) -> None:
    chain_with_members(chain, 6)
    b = chain.till("b", "S002")
    sync.sync_once(b, pull_limit=5)
    for _ in range(3):  # whichever pooled connection a use case gets
        with pytest.raises(IntegrityError), b.write() as s:
            s.connection().exec_driver_sql(
                "INSERT INTO point_lot (id, member_id, earned_at, expires_at, points, remaining) "
                "VALUES ('x', 'no-such-member', '2026-01-01', '2027-01-01', 1, 1)"
            )
