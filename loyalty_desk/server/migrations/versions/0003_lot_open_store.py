"""chain reports: the open-lot index covers the issuing store

Revision ID: 0003_lot_open_store
Revises: 0002_chain_reports
Create Date: 2026-11-22 21:20:00

The liability by expiry month is read per store that issued the points, one month at a time,
from the index alone: (expires_at, store_id, remaining) over the lots with points left.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_lot_open_store"
down_revision = "0002_chain_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lot", schema=None) as batch_op:
        batch_op.drop_index("ix_lot_open_expiry")
        batch_op.create_index(
            "ix_lot_open_store",
            ["expires_at", "store_id", "remaining"],
            postgresql_where=sa.text("remaining > 0"),
            sqlite_where=sa.text("remaining > 0"),
        )


def downgrade() -> None:
    with op.batch_alter_table("lot", schema=None) as batch_op:
        batch_op.drop_index("ix_lot_open_store")
        batch_op.create_index(
            "ix_lot_open_expiry",
            ["expires_at", "member_id", "remaining"],
            postgresql_where=sa.text("remaining > 0"),
            sqlite_where=sa.text("remaining > 0"),
        )
