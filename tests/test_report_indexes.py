"""The reports' indexes must not change how the till's own hot paths are answered, and the
reports' big aggregates must be read from covering indexes (SQLite, no statistics)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from loyalty_desk.services import reports_queries as q
from loyalty_desk.services.desk import Desk

HOT_PATHS = [
    # checkout.earned_today: the daily cap on every award
    (
        "SELECT sum(points) FROM ledger_entry WHERE member_id = 'x' AND kind = 'EARN' "
        "AND occurred_at >= '2026-03-30' AND occurred_at < '2026-03-31'",
        "ix_ledger_member_time",
    ),
    # tiers.rolling_stats: after every award
    (
        "SELECT sum(paid_fen - refunded_fen) FROM receipt WHERE member_id = 'x' "
        "AND occurred_at >= '2025-03-30' AND occurred_at <= '2026-03-31'",
        "ix_receipt_member_time",
    ),
    # members.expiring_points: the member panel
    (
        "SELECT sum(remaining) FROM point_lot WHERE member_id = 'x' AND expires_at > '2026-03-31'"
        " AND expires_at <= '2026-04-30' AND remaining > 0",
        "ix_lot_member_expiry",
    ),
    # members.find by the last 4 digits
    (
        "SELECT * FROM member WHERE phone_suffix = '1234' AND merged_into IS NULL "
        "ORDER BY last_visit_at DESC LIMIT 20",
        "ix_member_suffix_visit",
    ),
    # activity.history_of: after every award
    (
        "SELECT id, occurred_at, paid_fen FROM receipt WHERE member_id IN ('x')",
        "ix_receipt_member_time",
    ),
    # maintenance.review_tiers: the day's tier review (a partial index: tiered members only)
    (
        "SELECT id FROM member WHERE tier_until IS NOT NULL AND tier_until <= '2026-03-31' "
        "LIMIT 500",
        "ix_member_tier_until",
    ),
]


def plan(desk: Desk, sql: str) -> str:
    with desk.db.engine.connect() as conn:
        return " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.mark.parametrize(("sql", "index"), HOT_PATHS)
def test_hot_paths_keep_their_index(desk: Desk, sql: str, index: str) -> None:
    assert f"INDEX {index} " in plan(desk, sql)


def test_report_aggregates_read_covering_indexes(desk: Desk) -> None:
    w = q.Window(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
    captured: list[tuple[str, object]] = []

    def spy(
        conn: object, cursor: object, statement: str, parameters: object, *args: object
    ) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, parameters))

    engine = desk.db.engine
    event.listen(engine, "before_cursor_execute", spy)
    try:
        with desk.read() as s:
            q.point_flows(s, w)
            q.points_since(s, w.start)
            q.receipt_totals(s, w)
            q.refund_total(s, w)
            q.open_points_between(s, w.start, w.end)
            q.total_debt(s)
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    assert len(captured) == 6
    with engine.connect() as conn:
        for sql, params in captured:
            explained = " ".join(
                row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            )
            assert "COVERING INDEX" in explained or "USING INDEX ix_member_debt" in explained, (
                sql,
                explained,
            )
