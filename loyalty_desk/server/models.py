"""The central server's tables: its own schema and Alembic history, separate from the till's.

The points ledger is double-entry: every change of a balance is a `Transfer` from one
account to another, so the sum over all accounts is always zero. Accounts are named:
`member:<id>` (the points a member holds, never below zero), `overdraft:<id>` (what the
member owes after an offline overdraft or a reversal, never above zero) and one system
account per entry kind (`EARN`, `REDEEM`, `EXPIRE`, ...). The member row caches both member
accounts (`points`, `debt`) in the same transaction that posts the transfers.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from loyalty_desk.server.types import UTCDateTime


class Base(DeclarativeBase):
    pass


class Store(Base):
    __tablename__ = "store"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RegistrationCode(Base):
    """A one-time code a manager types into a new till; only its hash is kept."""

    __tablename__ = "registration_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_by: Mapped[str | None] = mapped_column(String(40))


class Device(Base):
    """A registered till. Its token is stored as a SHA-256 hash, compared in constant time."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    timezone: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64))
    token_expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # After a renewal the old token still works for a day (a request may be in flight).
    previous_token_hash: Mapped[str | None] = mapped_column(String(64))
    previous_token_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    start_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)  # every seq up to here is handled
    event_count: Mapped[int] = mapped_column(BigInteger, default=0)
    points_total: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Event(Base):
    """Every event a till pushed, once: the idempotency record and its stored result."""

    __tablename__ = "event"
    event_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(40))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    store_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    payload_hash: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # accepted | rejected | noted
    code: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    conflicts: Mapped[str | None] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("device_id", "device_seq", name="uq_event_device_seq"),)


class Quarantine(Base):
    """A pushed event whose id was already taken by a different payload: kept, not applied."""

    __tablename__ = "quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(40))
    device_id: Mapped[str] = mapped_column(String(40))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    payload_hash: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_quarantine_event", "event_id"),)


class Member(Base):
    __tablename__ = "member"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(80))
    birthday: Mapped[date | None] = mapped_column(Date)
    referral_code: Mapped[str] = mapped_column(String(16))
    referrer_id: Mapped[str | None] = mapped_column(String(40))
    referral_rewarded: Mapped[bool] = mapped_column(Boolean, default=False)
    home_store_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_purchase_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    merged_into: Mapped[str | None] = mapped_column(String(40))
    points: Mapped[int] = mapped_column(BigInteger, default=0)  # account member:<id>
    debt: Mapped[int] = mapped_column(BigInteger, default=0)  # minus account overdraft:<id>
    online_only: Mapped[bool] = mapped_column(Boolean, default=False)
    overdraft: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        # One active member per phone: a second enrolment of the phone is a merge.
        Index(
            "ux_member_active_phone",
            "phone",
            unique=True,
            postgresql_where=text("merged_into IS NULL"),
            sqlite_where=text("merged_into IS NULL"),
        ),
        Index("ix_member_code", "code"),
        Index("ix_member_referral", "referral_code"),
        # Chain reports: members per home store who had joined by a moment.
        Index(
            "ix_member_store_joined",
            "home_store_id",
            "created_at",
            postgresql_where=text("merged_into IS NULL"),
            sqlite_where=text("merged_into IS NULL"),
        ),
    )


class Entry(Base):
    """A till's ledger entry as the server applied it (`applied` may differ from `points`)."""

    __tablename__ = "entry"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(40))
    member_id: Mapped[str] = mapped_column(String(40))  # after merges: the surviving member
    original_member_id: Mapped[str] = mapped_column(String(40))
    device_id: Mapped[str] = mapped_column(String(40))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    store_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    points: Mapped[int] = mapped_column(BigInteger)  # as the till booked it
    applied: Mapped[int] = mapped_column(BigInteger)  # what moved on the server
    receipt_no: Mapped[str | None] = mapped_column(String(64))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    rule_version: Mapped[int] = mapped_column(Integer)
    reverses_id: Mapped[str | None] = mapped_column(String(40))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    offline: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (
        Index("ix_entry_member", "member_id", "occurred_at"),
        Index("ix_entry_device_seq", "device_id", "device_seq"),
        # Chain reports: a period's entries per store and kind, read from the index alone.
        Index(
            "ix_entry_time",
            "occurred_at",
            "kind",
            "store_id",
            "member_id",
            "applied",
            "amount_fen",
        ),
    )


class Lot(Base):
    """What is left of one crediting entry; its id is that entry's id on every node."""

    __tablename__ = "lot"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(32))
    earned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    points: Mapped[int] = mapped_column(BigInteger)
    remaining: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_lot_member", "member_id", "expires_at"),
        # Chain reports: unspent points by expiry month and issuing store, from the index.
        Index(
            "ix_lot_open_store",
            "expires_at",
            "store_id",
            "remaining",
            postgresql_where=text("remaining > 0"),
            sqlite_where=text("remaining > 0"),
        ),
    )


class LotTake(Base):
    """Which lots an entry took from (so a refund gives points back to the same lots)."""

    __tablename__ = "lot_take"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(40))
    lot_id: Mapped[str] = mapped_column(String(40))
    points: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_lot_take_entry", "entry_id"),)


class Transfer(Base):
    """One leg of double entry: `points` move from `source` to `target` (both accounts)."""

    __tablename__ = "transfer"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(40))
    entry_id: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(56))
    target: Mapped[str] = mapped_column(String(56))
    points: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    # No secondary index: the journal is written on every event and read only whole (the
    # balance checks sum it by account), so an index per account column was pure write cost.


class Merge(Base):
    """The same phone enrolled twice: the later enrolment folded into the earlier one."""

    __tablename__ = "merge"
    loser_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    winner_id: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Coupon(Base):
    __tablename__ = "coupon"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str | None] = mapped_column(String(40))
    record: Mapped[str] = mapped_column(Text)  # the issuing till's coupon record (JSON)
    status: Mapped[str] = mapped_column(String(16))  # issued | redeemed | void
    issued_store_id: Mapped[str] = mapped_column(String(32))
    redeemed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_receipt: Mapped[str | None] = mapped_column(String(64))
    redeemed_store_id: Mapped[str | None] = mapped_column(String(32))
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    void_reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # From the record, for the chain reports (issued and used per kind and period).
    kind: Mapped[str | None] = mapped_column(String(24))
    value_fen: Mapped[int | None] = mapped_column(BigInteger)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_coupon_member", "member_id"),
        Index("ix_coupon_issued", "issued_at", "issued_store_id", "kind", "status"),
        Index("ix_coupon_redeemed", "redeemed_at", "redeemed_store_id", "kind", "value_fen"),
    )


class Refund(Base):
    """Money a till gave back on a member's receipt (a receipt_refunded event), kept apart
    because a refund need not move any points (a receipt that earned none)."""

    __tablename__ = "refund"
    event_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(32))
    receipt_no: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str | None] = mapped_column(String(40))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_refund_time", "occurred_at", "store_id", "amount_fen"),)


class AdminToken(Base):
    """A bearer token for chain administration over HTTP (reports): a chain-wide admin
    token, or a store manager's token that reads only its store. Only the secret's
    SHA-256 is kept; it is compared in constant time. Tills' device tokens never qualify."""

    __tablename__ = "admin_token"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    store_id: Mapped[str | None] = mapped_column(String(32))  # None: the whole chain
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CouponUse(Base):
    """Every redemption of a coupon a till reported, including a second one (a case)."""

    __tablename__ = "coupon_use"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(32))
    receipt_no: Mapped[str | None] = mapped_column(String(64))
    member_id: Mapped[str | None] = mapped_column(String(40))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    restored: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_coupon_use_code", "code"),)


class Case(Base):
    """Something a manager has to look at: an overdraft, a coupon used twice, a quarantine."""

    __tablename__ = "manager_case"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    member_id: Mapped[str | None] = mapped_column(String(40))
    store_id: Mapped[str | None] = mapped_column(String(32))
    event_id: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)  # JSON
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_case_open", "closed_at", "id"),)


class Hold(Base):
    """Points set aside for an online redemption until its event arrives or time runs out."""

    __tablename__ = "hold"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(40))
    device_id: Mapped[str] = mapped_column(String(40))
    points: Mapped[int] = mapped_column(BigInteger)
    receipt_no: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))  # active | consumed | released
    available: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_hold_member", "member_id", "status"),)


class RuleVersion(Base):
    __tablename__ = "rule_version"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_from: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[str] = mapped_column(Text)  # canonical JSON of the whole rule set
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CouponKey(Base):
    """The chain's coupon signing keys; tills receive them on register and pull."""

    __tablename__ = "coupon_key"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    secret_hex: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Change(Base):
    """The pull feed: one row per entity, moved to a new `seq` whenever the entity changes."""

    __tablename__ = "change"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # member|rules|coupon|key
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ux_change_seq", "seq", unique=True),)


class FeedCounter(Base):
    """The last `seq` handed out. Updating this one row at the end of a transaction makes
    writers commit in seq order, so a reader never skips a change committed late."""

    __tablename__ = "feed_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    # Changes when the database is restored from a backup (`server feed reset`): tills
    # that see a new epoch pull everything again instead of trusting their cursor.
    epoch: Mapped[str] = mapped_column(String(32))
