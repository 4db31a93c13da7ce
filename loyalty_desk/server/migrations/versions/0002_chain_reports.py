"""chain reports: refunds, coupon kinds, admin tokens, report indexes

Revision ID: 0002_chain_reports
Revises: 0001_server
Create Date: 2026-11-22 20:50:00
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import loyalty_desk.server.types

revision = "0002_chain_reports"
down_revision = "0001_server"
branch_labels = None
depends_on = None

UTC_TIME = loyalty_desk.server.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "refund",
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("store_id", sa.String(length=32), nullable=False),
        sa.Column("receipt_no", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=40), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("occurred_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    with op.batch_alter_table("refund", schema=None) as batch_op:
        batch_op.create_index("ix_refund_time", ["occurred_at", "store_id", "amount_fen"])

    op.create_table(
        "admin_token",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("store_id", sa.String(length=32), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("expires_at", UTC_TIME, nullable=False),
        sa.Column("revoked_at", UTC_TIME, nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )

    with op.batch_alter_table("coupon", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("value_fen", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("issued_at", UTC_TIME, nullable=True))
        batch_op.create_index(
            "ix_coupon_issued", ["issued_at", "issued_store_id", "kind", "status"]
        )
        batch_op.create_index(
            "ix_coupon_redeemed", ["redeemed_at", "redeemed_store_id", "kind", "value_fen"]
        )
    with op.batch_alter_table("entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_entry_time",
            ["occurred_at", "kind", "store_id", "member_id", "applied", "amount_fen"],
        )
    with op.batch_alter_table("lot", schema=None) as batch_op:
        batch_op.create_index(
            "ix_lot_open_expiry",
            ["expires_at", "member_id", "remaining"],
            postgresql_where=sa.text("remaining > 0"),
            sqlite_where=sa.text("remaining > 0"),
        )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(
            "ix_member_store_joined",
            ["home_store_id", "created_at"],
            postgresql_where=sa.text("merged_into IS NULL"),
            sqlite_where=sa.text("merged_into IS NULL"),
        )
    _backfill(op.get_bind())


def _when(raw: Any) -> datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _backfill(conn: sa.Connection) -> None:
    """What the server already holds: coupon kinds from their records, refunds from the
    accepted receipt_refunded events (the same fields the apply path now writes)."""
    meta = sa.MetaData()
    coupon = sa.Table(
        "coupon",
        meta,
        sa.Column("code", sa.String),
        sa.Column("record", sa.Text),
        sa.Column("kind", sa.String),
        sa.Column("value_fen", sa.BigInteger),
        sa.Column("issued_at", UTC_TIME),
    )
    event = sa.Table(
        "event",
        meta,
        sa.Column("event_id", sa.String),
        sa.Column("store_id", sa.String),
        sa.Column("kind", sa.String),
        sa.Column("status", sa.String),
        sa.Column("payload", sa.Text),
    )
    refund = sa.Table(
        "refund",
        meta,
        sa.Column("event_id", sa.String),
        sa.Column("store_id", sa.String),
        sa.Column("receipt_no", sa.String),
        sa.Column("member_id", sa.String),
        sa.Column("amount_fen", sa.BigInteger),
        sa.Column("occurred_at", UTC_TIME),
    )
    for code, text in conn.execute(sa.select(coupon.c.code, coupon.c.record)).all():
        record = json.loads(text)
        value = record.get("value_fen")
        conn.execute(
            coupon.update()
            .where(coupon.c.code == code)
            .values(
                kind=str(record.get("kind") or "")[:24] or None,
                value_fen=value if isinstance(value, int) else None,
                issued_at=_when(record.get("issued_at")),
            )
        )
    rows = conn.execute(
        sa.select(event.c.event_id, event.c.store_id, event.c.payload).where(
            event.c.kind == "receipt_refunded", event.c.status == "accepted"
        )
    ).all()
    for event_id, store_id, payload in rows:
        body = json.loads(payload)
        data = body.get("data") or {}
        amount = data.get("refund_fen")
        at = _when(body.get("created_at"))
        if not isinstance(amount, int) or at is None:
            continue
        conn.execute(
            refund.insert().values(
                event_id=event_id,
                store_id=store_id,
                receipt_no=str(data.get("receipt_no") or "")[:64],
                member_id=data.get("member_id") if isinstance(data.get("member_id"), str) else None,
                amount_fen=amount,
                occurred_at=at,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_store_joined")
    with op.batch_alter_table("lot", schema=None) as batch_op:
        batch_op.drop_index("ix_lot_open_expiry")
    with op.batch_alter_table("entry", schema=None) as batch_op:
        batch_op.drop_index("ix_entry_time")
    with op.batch_alter_table("coupon", schema=None) as batch_op:
        batch_op.drop_index("ix_coupon_redeemed")
        batch_op.drop_index("ix_coupon_issued")
        batch_op.drop_column("issued_at")
        batch_op.drop_column("value_fen")
        batch_op.drop_column("kind")
    op.drop_table("admin_token")
    op.drop_table("refund")
