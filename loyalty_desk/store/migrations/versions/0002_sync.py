"""sync with the central server: registration and consistency state

Revision ID: 0002_sync
Revises: 0002_reports
Create Date: 2026-11-22 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import loyalty_desk.store.types

revision = "0002_sync"
down_revision = "0002_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_error_code", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("status", sa.String(length=24), nullable=True))
        batch_op.add_column(
            sa.Column("token_expires_at", loyalty_desk.store.types.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("device_start_seq", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("applied_through", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("server_synced_at", loyalty_desk.store.types.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("registration_event_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("feed_epoch", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("checked_through", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("checked_points", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_device_seq", ["device_seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_ledger_device_seq")
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        for column in (
            "checked_points",
            "checked_through",
            "feed_epoch",
            "registration_event_id",
            "server_synced_at",
            "applied_through",
            "device_start_seq",
            "token_expires_at",
            "status",
            "last_error_code",
        ):
            batch_op.drop_column(column)
