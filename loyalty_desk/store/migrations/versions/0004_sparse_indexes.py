"""an index no query reads, dropped; the tier review index keeps only members with a tier

* ix_ledger_receipt (receipt_no): no statement of the till filters ledger entries by
  receipt number (receipts, redemptions and refunds have their own (store, receipt_no)
  keys). Every award, redemption and refund still wrote a leaf of it, and a new till's
  first pull a million entries.
* ix_member_tier_until: the tier review asks for `tier_until IS NOT NULL AND tier_until
  <= ?`. Regular members have no anniversary, so the index now holds only the members
  with a tier to review (a partial index), not every member of the chain.

Revision ID: 0004_sparse_indexes
Revises: 0003_lean_indexes
Create Date: 2026-11-23 11:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sparse_indexes"
down_revision = "0003_lean_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ledger_receipt", table_name="ledger_entry")
    op.drop_index("ix_member_tier_until", table_name="member")
    op.create_index(
        "ix_member_tier_until",
        "member",
        ["tier_until"],
        unique=False,
        sqlite_where=sa.text("tier_until IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_member_tier_until", table_name="member")
    op.create_index("ix_member_tier_until", "member", ["tier_until"], unique=False)
    op.create_index("ix_ledger_receipt", "ledger_entry", ["receipt_no"], unique=False)
