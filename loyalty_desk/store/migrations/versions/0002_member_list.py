"""indexes for the members table: keyset pages in every sort order

Revision ID: 0002_member_list
Revises: 0002_coupons

Each browse order of the members screen is an index ending in `id`, so a page is an index
range seek ("rows after this key"), never an OFFSET scan, at any depth of a 1M-member table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_member_list"
down_revision = "0002_coupons"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_list_visit", ["last_visit_at", "id"], unique=False)
        batch_op.create_index("ix_member_list_tier", ["tier", "last_visit_at", "id"], unique=False)
        batch_op.create_index("ix_member_list_balance", ["balance", "id"], unique=False)
        batch_op.create_index("ix_member_list_name", ["name", "id"], unique=False)
        batch_op.create_index(
            "ix_member_merged",
            ["merged_into"],
            unique=False,
            sqlite_where=sa.text("merged_into IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_merged", sqlite_where=sa.text("merged_into IS NOT NULL"))
        batch_op.drop_index("ix_member_list_name")
        batch_op.drop_index("ix_member_list_balance")
        batch_op.drop_index("ix_member_list_tier")
        batch_op.drop_index("ix_member_list_visit")
