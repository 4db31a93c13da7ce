"""The till's tables (DESIGN §3). Typed SQLAlchemy 2 models; one short session per use case."""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from loyalty_desk.store.types import UTCDateTime


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Small facts about this till: store id/name, time zone, device id, maintenance dates."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # cashier | manager
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Member(Base):
    __tablename__ = "member"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    phone: Mapped[str] = mapped_column(String(16), unique=True)
    # Last 4 digits as a column so "find by last 4" is an index range, ordered by visit.
    phone_suffix: Mapped[str] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(80))
    birthday: Mapped[date | None] = mapped_column(Date)
    tier: Mapped[str] = mapped_column(String(16), default="regular")
    tier_since: Mapped[datetime] = mapped_column(UTCDateTime)
    tier_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    tier_grace: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_code: Mapped[str] = mapped_column(String(16), unique=True)
    referrer_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    referral_rewarded: Mapped[bool] = mapped_column(Boolean, default=False)
    # Cached in the same transaction that appends to the ledger; never the only truth.
    balance: Mapped[int] = mapped_column(Integer, default=0)
    # Points owed after a reversal or an offline overdraft; later earnings repay it first.
    debt: Mapped[int] = mapped_column(Integer, default=0)
    online_only: Mapped[bool] = mapped_column(Boolean, default=False)
    overdraft: Mapped[bool] = mapped_column(Boolean, default=False)
    first_purchase_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    home_store_id: Mapped[str] = mapped_column(String(32))
    merged_into: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    server_seq: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_member_suffix_visit", "phone_suffix", "last_visit_at"),
        # Only members with a tier to review (Silver and up): most of a chain is Regular.
        Index("ix_member_tier_until", "tier_until", sqlite_where=text("tier_until IS NOT NULL")),
        # Members screen: one index per browse order, ending in id for keyset pages (the
        # visit order also serves the win-back list's ranges of last visit).
        Index("ix_member_list_visit", "last_visit_at", "id"),
        Index("ix_member_list_tier", "tier", "last_visit_at", "id"),
        Index("ix_member_list_balance", "balance", "id"),
        Index("ix_member_list_name", "name", "id"),
        Index("ix_member_merged", "merged_into", sqlite_where=text("merged_into IS NOT NULL")),
        # Reports: members counted by join date, merged accounts left out; owed points.
        Index("ix_member_created", "created_at", sqlite_where=text("merged_into IS NULL")),
        Index("ix_member_debt", "debt", sqlite_where=text("debt > 0")),
    )


class LedgerEntry(Base):
    """Append-only. Corrections are new entries (REVERSAL, ADJUST), never edits."""

    __tablename__ = "ledger_entry"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    store_id: Mapped[str] = mapped_column(String(32))
    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(Integer)  # the seq of the event that carries it
    event_id: Mapped[str] = mapped_column(ForeignKey("outbox.event_id"))
    kind: Mapped[str] = mapped_column(String(16))
    points: Mapped[int] = mapped_column(Integer)
    receipt_no: Mapped[str | None] = mapped_column(String(64))
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    rule_version: Mapped[int] = mapped_column(Integer)
    reverses_id: Mapped[str | None] = mapped_column(String(36))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cashier_id: Mapped[str | None] = mapped_column(String(36))
    offline: Mapped[bool] = mapped_column(Boolean, default=True)
    known_balance: Mapped[int] = mapped_column(Integer)
    sync_status: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict[str, object] | None] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_ledger_member_time", "member_id", "occurred_at"),
        Index("ix_ledger_kind_time", "kind", "occurred_at"),
        Index("ix_ledger_device_seq", "device_seq"),
        # Reports: points issued/redeemed/expired in a period, read from the index alone.
        # Time first: with kind first it would look better than ix_ledger_member_time to the
        # award's "earned today by this member" query (no statistics), and be far worse.
        Index("ix_ledger_time_kind_points", "occurred_at", "kind", "points"),
    )


class PointLot(Base):
    """What is left of one crediting entry; its id is that entry's id."""

    __tablename__ = "point_lot"
    id: Mapped[str] = mapped_column(ForeignKey("ledger_entry.id"), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    earned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    points: Mapped[int] = mapped_column(Integer)
    remaining: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_lot_member_expiry", "member_id", "expires_at"),
        # Expiry only ever looks at lots with something left; the liability report reads
        # the points by expiry month from this index alone.
        Index(
            "ix_lot_open_liability", "expires_at", "remaining", sqlite_where=text("remaining > 0")
        ),
    )


class LotMovement(Base):
    """Which lots an entry took from or gave back to, so refunds restore the right lots."""

    __tablename__ = "lot_movement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("ledger_entry.id"))
    lot_id: Mapped[str] = mapped_column(ForeignKey("point_lot.id"))
    points: Mapped[int] = mapped_column(Integer)  # negative: taken; positive: given back

    __table_args__ = (Index("ix_lot_movement_entry", "entry_id"),)


class Receipt(Base):
    """A sale the member earned points on, keyed by the POS receipt number."""

    __tablename__ = "receipt"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(32))
    receipt_no: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    paid_fen: Mapped[int] = mapped_column(Integer)
    refunded_fen: Mapped[int] = mapped_column(Integer, default=0)
    earned_points: Mapped[int] = mapped_column(Integer)
    reversed_points: Mapped[int] = mapped_column(Integer, default=0)
    earn_entry_id: Mapped[str] = mapped_column(ForeignKey("ledger_entry.id"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    breakdown: Mapped[dict[str, object]] = mapped_column(JSON)
    upgraded_to: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (
        UniqueConstraint("store_id", "receipt_no", name="uq_receipt_store_no"),
        Index("ix_receipt_member_time", "member_id", "occurred_at"),
        # Reports: a period's receipts, sales and members, read from the index alone.
        Index("ix_receipt_time_cover", "occurred_at", "member_id", "paid_fen", "refunded_fen"),
    )


class Redemption(Base):
    """Points spent against a receipt."""

    __tablename__ = "redemption"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(32))
    receipt_no: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    points: Mapped[int] = mapped_column(Integer)
    value_fen: Mapped[int] = mapped_column(Integer)
    receipt_amount_fen: Mapped[int] = mapped_column(Integer)
    restored_points: Mapped[int] = mapped_column(Integer, default=0)
    entry_id: Mapped[str] = mapped_column(ForeignKey("ledger_entry.id"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    offline: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        UniqueConstraint("store_id", "receipt_no", name="uq_redemption_store_no"),
        Index("ix_redemption_member_time", "member_id", "occurred_at"),
    )


class Refund(Base):
    __tablename__ = "refund"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(32))
    receipt_no: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    amount_fen: Mapped[int] = mapped_column(Integer)
    points_reversed: Mapped[int] = mapped_column(Integer)
    points_restored: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        Index("ix_refund_receipt", "store_id", "receipt_no"),
        Index("ix_refund_time", "occurred_at", "amount_fen"),
        Index("ix_refund_member", "member_id"),
    )


class TierChange(Base):
    __tablename__ = "tier_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    from_tier: Mapped[str] = mapped_column(String(16))
    to_tier: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(16))  # upgrade | renew | grace | downgrade | refund
    receipt_no: Mapped[str | None] = mapped_column(String(64))
    until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_tier_change_member", "member_id", "at"), Index("ix_tier_at", "at"))


class Coupon(Base):
    __tablename__ = "coupon"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))  # None: bearer
    kind: Mapped[str] = mapped_column(String(24))
    min_spend_fen: Mapped[int] = mapped_column(Integer)
    value_fen: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="issued")  # issued|redeemed|void
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_store_id: Mapped[str] = mapped_column(String(32))
    redeemed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_receipt: Mapped[str | None] = mapped_column(String(64))
    redeemed_store_id: Mapped[str | None] = mapped_column(String(32))
    rule_version: Mapped[int] = mapped_column(Integer, default=1)
    # The REDEEM entry that paid for a points voucher (voiding it gives the points back).
    entry_id: Mapped[str | None] = mapped_column(ForeignKey("ledger_entry.id"))
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    void_reason: Mapped[str | None] = mapped_column(Text)
    voided_by: Mapped[str | None] = mapped_column(String(36))
    # device_seq of the last event this till wrote about the coupon: while that event is
    # not acknowledged, a pulled copy of the coupon must not overwrite the local change.
    changed_seq: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_coupon_member", "member_id", "status"),
        Index("ix_coupon_receipt", "redeemed_store_id", "redeemed_receipt"),
        # Reports: coupons issued and used per kind in a period.
        Index("ix_coupon_issued", "issued_at", "kind", "status"),
        Index(
            "ix_coupon_redeemed",
            "redeemed_at",
            "kind",
            "value_fen",
            sqlite_where=text("redeemed_at IS NOT NULL"),
        ),
    )


class MemberActivity(Base):
    """A member's rolling-12-month activity and segment, derived from receipts and refunds.

    Kept in the same transaction as the receipt or refund that changes it, and brought up
    to date by the daily job when time alone moves it (a receipt leaves the 12 months, the
    dormancy mark passes: `next_check_at`). Values are as of `evaluated_at`. A member without
    a row has never bought anything: dormant. See domain/activity.py.
    """

    __tablename__ = "member_activity"
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), primary_key=True)
    spend_12m_fen: Mapped[int] = mapped_column(Integer)
    purchases_12m: Mapped[int] = mapped_column(Integer)
    last_purchase_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lifetime_spend_fen: Mapped[int] = mapped_column(Integer)
    lifetime_purchases: Mapped[int] = mapped_column(Integer)
    segment: Mapped[str] = mapped_column(String(16))
    evaluated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    next_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        # Counts and spend per segment, and its members best first, from the index alone.
        Index("ix_activity_segment", "segment", "lifetime_spend_fen", "spend_12m_fen"),
        # Members close to the next tier: a spend range, read from the index alone.
        Index("ix_activity_spend", "spend_12m_fen", "purchases_12m", "member_id"),
        Index("ix_activity_check", "next_check_at", sqlite_where=text("next_check_at IS NOT NULL")),
    )


class SegmentChange(Base):
    """A member moving between segments, dated when it happened (derived, like the above)."""

    __tablename__ = "segment_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    from_segment: Mapped[str] = mapped_column(String(16))
    to_segment: Mapped[str] = mapped_column(String(16))

    __table_args__ = (
        Index("ix_segment_change_time", "at", "member_id", "from_segment", "to_segment"),
        Index("ix_segment_change_member", "member_id", "at"),
    )


class Outbox(Base):
    """The device's event stream. Written in the same transaction as the fact it announces.

    `device_seq` is gap-free over all events of this device (enrolments as well as ledger
    events), which is what the server checks. Rows stay after acknowledgement (acked_at set)
    so a consistency mismatch can re-push everything.
    """

    __tablename__ = "outbox"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    payload_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_outbox_pending", "acked_at", "device_seq"),)


class RuleSetRow(Base):
    __tablename__ = "rule_set"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_from: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(32))  # default | local | server


class AuditLog(Base):
    """Hash-chained: each row stores the hash of the previous row."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str | None] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str | None] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SyncState(Base):
    """Where this till stands with the central server (one row)."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str | None] = mapped_column(Text)
    device_token: Mapped[str | None] = mapped_column(Text)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_pull_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_code: Mapped[str | None] = mapped_column(String(40))
    # ok | revoked | token_expired | clone | protocol: why syncing stopped until a manager acts.
    status: Mapped[str | None] = mapped_column(String(24))
    token_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The device's first device_seq on the server (a till that registers again after a clone
    # starts a new device at its first unsynced event).
    device_start_seq: Mapped[int | None] = mapped_column(Integer)
    # The server's handled seq for this device, as of the last push or pull.
    applied_through: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The last successful sync on the server's clock: the offline-redemption age limit.
    server_synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Snapshot entries (kind SYNC) name this outbox event: see services/sync_apply.py.
    registration_event_id: Mapped[str | None] = mapped_column(String(36))
    feed_epoch: Mapped[str | None] = mapped_column(String(32))  # see PullReply.epoch
    # The consistency check compares running totals; this much is already verified.
    checked_through: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    checked_points: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


def table_of(model: type[Base]) -> Table:
    """A model's Table, typed, for Core statements on hot paths."""
    return cast(Table, model.__table__)
