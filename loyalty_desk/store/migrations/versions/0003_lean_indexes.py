"""three indexes that others already cover, dropped

An award rewrites the member's last visit and adds a receipt and a lot; every index over
those columns is one more B-tree leaf written in the cashier's commit (at a million
members, one more page read from disk). Each of these three is a leading prefix of
another index on the same table, which serves every query it served:

* ix_member_last_visit (last_visit_at) — ix_member_list_visit (last_visit_at, id);
* ix_lot_open_expiry (expires_at) WHERE remaining > 0 — ix_lot_open_liability
  (expires_at, remaining) WHERE remaining > 0;
* ix_receipt_time (occurred_at) — ix_receipt_time_cover (occurred_at, member_id, ...).

Revision ID: 0003_lean_indexes
Revises: 0002_sync
Create Date: 2026-11-23 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_lean_indexes"
down_revision = "0002_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_member_last_visit", table_name="member")
    op.drop_index("ix_lot_open_expiry", table_name="point_lot")
    op.drop_index("ix_receipt_time", table_name="receipt")


def downgrade() -> None:
    op.create_index("ix_receipt_time", "receipt", ["occurred_at"], unique=False)
    op.create_index(
        "ix_lot_open_expiry",
        "point_lot",
        ["expires_at"],
        unique=False,
        sqlite_where=sa.text("remaining > 0"),
    )
    op.create_index("ix_member_last_visit", "member", ["last_visit_at"], unique=False)
