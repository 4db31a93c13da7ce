"""coupons: points-voucher entry, void details, last local change

Revision ID: 0002_coupons
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import loyalty_desk.store.types

revision = "0002_coupons"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coupon", schema=None) as batch_op:
        batch_op.add_column(sa.Column("entry_id", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column("voided_at", loyalty_desk.store.types.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("void_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("voided_by", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("changed_seq", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_coupon_entry_id_ledger_entry", "ledger_entry", ["entry_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("coupon", schema=None) as batch_op:
        batch_op.drop_constraint("fk_coupon_entry_id_ledger_entry", type_="foreignkey")
        batch_op.drop_column("changed_seq")
        batch_op.drop_column("voided_by")
        batch_op.drop_column("void_reason")
        batch_op.drop_column("voided_at")
        batch_op.drop_column("entry_id")
