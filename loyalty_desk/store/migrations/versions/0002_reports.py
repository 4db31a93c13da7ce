"""reports: member activity and segment moves, covering indexes for the manager reports

Revision ID: 0002_reports
Revises: 0002_member_list
Create Date: 2026-11-22 18:00:00

The activity rows and the segment-move log are derived from receipts and refunds; a till
that already has sales gets them computed here, member by member (domain/activity.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

import loyalty_desk.store.types
from loyalty_desk.domain.activity import History, Purchase, RefundFact
from loyalty_desk.domain.rules import DEFAULT_RULES, RuleSet, rules_from_mapping
from loyalty_desk.domain.timeutil import as_utc

revision = "0002_reports"
down_revision = "0002_member_list"
branch_labels = None
depends_on = None

UTC_DT = loyalty_desk.store.types.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "member_activity",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("spend_12m_fen", sa.Integer(), nullable=False),
        sa.Column("purchases_12m", sa.Integer(), nullable=False),
        sa.Column("last_purchase_at", UTC_DT(), nullable=True),
        sa.Column("lifetime_spend_fen", sa.Integer(), nullable=False),
        sa.Column("lifetime_purchases", sa.Integer(), nullable=False),
        sa.Column("segment", sa.String(length=16), nullable=False),
        sa.Column("evaluated_at", UTC_DT(), nullable=False),
        sa.Column("next_check_at", UTC_DT(), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("member_id"),
    )
    op.create_table(
        "segment_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("at", UTC_DT(), nullable=False),
        sa.Column("from_segment", sa.String(length=16), nullable=False),
        sa.Column("to_segment", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("member_activity") as b:
        b.create_index("ix_activity_segment", ["segment", "lifetime_spend_fen", "spend_12m_fen"])
        b.create_index("ix_activity_spend", ["spend_12m_fen", "purchases_12m", "member_id"])
        b.create_index(
            "ix_activity_check",
            ["next_check_at"],
            sqlite_where=sa.text("next_check_at IS NOT NULL"),
        )
    with op.batch_alter_table("segment_change") as b:
        b.create_index("ix_segment_change_time", ["at", "member_id", "from_segment", "to_segment"])
        b.create_index("ix_segment_change_member", ["member_id", "at"])
    with op.batch_alter_table("member") as b:
        b.create_index(
            "ix_member_created", ["created_at"], sqlite_where=sa.text("merged_into IS NULL")
        )
        b.create_index("ix_member_debt", ["debt"], sqlite_where=sa.text("debt > 0"))
    with op.batch_alter_table("ledger_entry") as b:
        b.create_index("ix_ledger_time_kind_points", ["occurred_at", "kind", "points"])
    with op.batch_alter_table("point_lot") as b:
        b.create_index(
            "ix_lot_open_liability",
            ["expires_at", "remaining"],
            sqlite_where=sa.text("remaining > 0"),
        )
    with op.batch_alter_table("receipt") as b:
        b.create_index(
            "ix_receipt_time_cover", ["occurred_at", "member_id", "paid_fen", "refunded_fen"]
        )
    with op.batch_alter_table("refund") as b:
        b.create_index("ix_refund_time", ["occurred_at", "amount_fen"])
        b.create_index("ix_refund_member", ["member_id"])
    with op.batch_alter_table("coupon") as b:
        b.create_index("ix_coupon_issued", ["issued_at", "kind", "status"])
        b.create_index(
            "ix_coupon_redeemed",
            ["redeemed_at", "kind", "value_fen"],
            sqlite_where=sa.text("redeemed_at IS NOT NULL"),
        )
    backfill(op.get_bind())


def _rules(conn: sa.Connection) -> RuleSet:
    row = conn.execute(
        sa.text("SELECT version, body FROM rule_set ORDER BY version DESC LIMIT 1")
    ).first()
    if row is None:
        return DEFAULT_RULES
    body = json.loads(row[1])
    body["version"] = row[0]
    parsed = rules_from_mapping(body)
    return parsed if isinstance(parsed, RuleSet) else DEFAULT_RULES


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return as_utc(moment)


def backfill(conn: sa.Connection) -> None:
    """Activity rows and segment moves for every member with receipts, as of now."""
    tz_row = conn.execute(sa.text("SELECT value FROM setting WHERE key = 'timezone'")).first()
    tz = ZoneInfo(json.loads(tz_row[0]) if tz_row else "Asia/Shanghai")
    rules = _rules(conn).segments
    now = datetime.now(UTC)
    owner = {
        mid: into
        for mid, into in conn.execute(
            sa.text("SELECT id, merged_into FROM member WHERE merged_into IS NOT NULL")
        )
    }

    def canonical(member_id: str) -> str:
        hops = 0
        while member_id in owner and hops < 5:
            member_id = owner[member_id]
            hops += 1
        return member_id

    purchases: dict[str, list[Purchase]] = defaultdict(list)
    receipt_key: dict[tuple[str, str], tuple[str, str]] = {}
    for rid, store, number, member_id, paid, at in conn.execute(
        sa.text("SELECT id, store_id, receipt_no, member_id, paid_fen, occurred_at FROM receipt")
    ):
        who = canonical(member_id)
        purchases[who].append(Purchase(rid, _moment(at), paid))
        receipt_key[(store, number)] = (rid, who)
    refunds: dict[str, list[RefundFact]] = defaultdict(list)
    for store, number, amount, at in conn.execute(
        sa.text("SELECT store_id, receipt_no, amount_fen, occurred_at FROM refund")
    ):
        found = receipt_key.get((store, number))
        if found is not None:  # refunds of redemption-only receipts are no purchase
            refunds[found[1]].append(RefundFact(found[0], _moment(at), amount))
    activity = sa.table(
        "member_activity",
        *(
            sa.column(c)
            for c in (
                "member_id",
                "spend_12m_fen",
                "purchases_12m",
                "last_purchase_at",
                "lifetime_spend_fen",
                "lifetime_purchases",
                "segment",
                "evaluated_at",
                "next_check_at",
            )
        ),
    )
    change = sa.table(
        "segment_change",
        sa.column("member_id"),
        sa.column("at"),
        sa.column("from_segment"),
        sa.column("to_segment"),
    )
    rows: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []

    def flush() -> None:
        if rows:
            conn.execute(sa.insert(activity), rows)
            rows.clear()
        if moves:
            conn.execute(sa.insert(change), moves)
            moves.clear()

    for member_id, bought in purchases.items():
        history = History(bought, refunds.get(member_id, []), rules, tz)
        state = history.state_at(now)
        nxt = history.next_change(now)
        rows.append(
            {
                "member_id": member_id,
                "spend_12m_fen": state.spend_12m_fen,
                "purchases_12m": state.purchases_12m,
                "last_purchase_at": _text(state.last_purchase_at),
                "lifetime_spend_fen": state.lifetime_spend_fen,
                "lifetime_purchases": state.lifetime_purchases,
                "segment": state.segment.value,
                "evaluated_at": _text(now),
                "next_check_at": _text(nxt),
            }
        )
        moves.extend(
            {
                "member_id": member_id,
                "at": _text(m.at),
                "from_segment": m.from_segment.value,
                "to_segment": m.to_segment.value,
            }
            for m in history.moves(now)
        )
        if len(rows) >= 5000:
            flush()
    flush()


def _text(moment: datetime | None) -> str | None:
    # The UTCDateTime storage format (naive UTC, microseconds): this raw insert bypasses it.
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def downgrade() -> None:
    with op.batch_alter_table("coupon") as b:
        b.drop_index("ix_coupon_redeemed")
        b.drop_index("ix_coupon_issued")
    with op.batch_alter_table("refund") as b:
        b.drop_index("ix_refund_member")
        b.drop_index("ix_refund_time")
    with op.batch_alter_table("receipt") as b:
        b.drop_index("ix_receipt_time_cover")
    with op.batch_alter_table("point_lot") as b:
        b.drop_index("ix_lot_open_liability")
    with op.batch_alter_table("ledger_entry") as b:
        b.drop_index("ix_ledger_time_kind_points")
    with op.batch_alter_table("member") as b:
        b.drop_index("ix_member_debt")
        b.drop_index("ix_member_created")
    op.drop_table("segment_change")
    op.drop_table("member_activity")
