"""The wire format between a till and the central server (DESIGN §4), as pydantic models.

The server's OpenAPI description is generated from these, and both sides import them, so
the till and the server cannot disagree about a field. Every string has a length limit and
no NUL characters; every number has bounds: a request the models accept can be stored.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Loyalty-Protocol"
NEW_TOKEN_HEADER = "X-Loyalty-New-Token"
MAX_PUSH_EVENTS = 100
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 5000
MAX_POINTS = 1_000_000_000

Id = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z_-]{1,40}$")]
StoreId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
Text = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]
ShortText = Annotated[str, StringConstraints(max_length=64, pattern=r"^[^\x00]*$")]
Points = Annotated[int, Field(ge=-MAX_POINTS, le=MAX_POINTS)]
Seq = Annotated[int, Field(ge=0, le=2**62)]

EventStatus = Literal["accepted", "rejected", "quarantined", "noted"]
EntryKind = Literal["EARN", "REDEEM", "EXPIRE", "ADJUST", "REVERSAL", "REFERRAL", "BONUS"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorReply(BaseModel):
    """Every 4xx/5xx reply of the API: a stable code the till acts on, and a message."""

    error: ErrorBody


# -- registration ------------------------------------------------------------------------


class RegisterRequest(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-?[0-9]{4}-?[0-9]{4}$")]
    device_id: Id
    store_id: StoreId
    timezone: ShortText = "Asia/Shanghai"
    start_seq: Annotated[int, Field(ge=1, le=2**62)] = 1
    # This till's events from start_seq on, in order: the server says which it already
    # holds, so a till that registers again (new token, or a new device id after a clone)
    # re-sends only the rest. A new device starts after the leading known ones.
    pending_event_ids: Annotated[list[Id], Field(max_length=100_000)] = Field(default_factory=list)


class RegisterReply(BaseModel):
    device_id: str
    device_token: str
    token_expires_at: datetime
    store_id: str
    store_name: str
    server_time: datetime
    protocol: int
    start_seq: int  # this device's first device_seq on the server
    applied_through: int  # this device's highest handled device_seq on the server
    known_events: dict[str, str]  # of pending_event_ids: those the server holds -> status
    coupon_keys: dict[str, str]


# -- push --------------------------------------------------------------------------------


class EntryIn(BaseModel):
    """A ledger entry as the till wrote it (services/events.py `entry_json`)."""

    model_config = ConfigDict(extra="ignore")

    id: Id
    member_id: Id
    kind: EntryKind
    points: Points
    receipt_no: ShortText | None = None
    amount_fen: Annotated[int, Field(ge=0, le=10**12)] | None = None
    rule_version: Annotated[int, Field(ge=0, le=2**31)] = 1
    reverses_id: Id | None = None
    occurred_at: datetime
    cashier_id: Id | None = None
    offline: bool = True
    known_balance: Annotated[int, Field(ge=-(2**62), le=2**62)] = 0
    reason: Text | None = None
    detail: dict[str, Any] | None = None
    expires_at: datetime | None = None  # set on entries that opened a lot


class EventIn(BaseModel):
    """One outbox event, as sealed by the till (services/events.py `Event.seal`)."""

    model_config = ConfigDict(extra="ignore")

    event_id: Id
    device_seq: Annotated[int, Field(ge=1, le=2**62)]
    device_id: Id
    store_id: StoreId
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,32}$")]
    created_at: datetime
    data: dict[str, Any] = Field(default_factory=dict)
    entries: list[EntryIn] = Field(default_factory=list)


class PushRequest(Strict):
    """A batch of this device's events in device_seq order.

    Events travel as the objects the till sealed; the server hashes each one's canonical
    JSON (sorted keys, no spaces) to tell a retry from a different event with the same id.
    Each must have the shape of `EventIn`; one that does not is rejected on its own.
    """

    device_id: Id
    events: Annotated[list[dict[str, Any]], Field(max_length=MAX_PUSH_EVENTS)]


class EventResult(BaseModel):
    event_id: str
    device_seq: int
    status: EventStatus
    code: str | None = None
    message: str | None = None
    conflicts: list[str] = Field(default_factory=list)  # cases this event opened
    replayed: bool = False  # the server had this event already: its stored result


class Halt(BaseModel):
    """Why the server stopped before the end of the batch."""

    code: str  # SEQUENCE_GAP | CLONE_DETECTED | INVALID_EVENT
    message: str
    expected_seq: int


class PushReply(BaseModel):
    acked_through: int  # every event up to this device_seq is handled (applied or rejected)
    results: list[EventResult]
    halt: Halt | None = None
    server_time: datetime


# -- pull --------------------------------------------------------------------------------


class LotOut(BaseModel):
    id: str
    store_id: str
    earned_at: datetime
    expires_at: datetime
    points: int
    remaining: int


class MemberOut(BaseModel):
    id: str
    code: str
    phone: str
    name: str
    birthday: date | None
    referral_code: str
    referrer_id: str | None
    referral_rewarded: bool
    home_store_id: str
    created_at: datetime
    first_purchase_at: datetime | None
    last_visit_at: datetime | None
    merged_into: str | None
    online_only: bool
    overdraft: bool
    balance: int
    debt: int
    lots: list[LotOut]  # open lots only (remaining > 0)


class RuleVersionOut(BaseModel):
    version: int
    effective_from: datetime
    body: dict[str, Any]


class CouponOut(BaseModel):
    code: str
    member_id: str | None
    status: str  # issued | redeemed | void
    record: dict[str, Any]  # the coupon as its issuing till announced it
    redeemed_at: datetime | None
    redeemed_receipt: str | None
    redeemed_store_id: str | None
    voided_at: datetime | None = None
    void_reason: str | None = None


class PullReply(BaseModel):
    cursor: int  # pass this back to get the next page
    more: bool
    reset: bool  # the till's cursor is ahead of the server (restored backup): start again
    head: int  # the newest change on the server when this page was read (progress bars)
    epoch: str  # a new epoch (the server was restored from a backup): pull from 0 again
    applied_through: int  # this device's events the snapshots below already include
    server_time: datetime
    members: list[MemberOut]
    rules: list[RuleVersionOut]
    coupons: list[CouponOut]
    coupon_keys: dict[str, str]


# -- consistency check and holds ---------------------------------------------------------


class CheckReply(BaseModel):
    device_id: str
    start_seq: int
    applied_through: int
    event_count: int
    points_total: int  # sum of the points of this device's entries, as the till sent them
    server_time: datetime
    # A fresh token when the current one runs out within 30 days; the till keeps it.
    new_token: str | None = None
    new_token_expires_at: datetime | None = None


class HoldRequest(Strict):
    hold_id: Id
    member_id: Id
    points: Annotated[int, Field(ge=1, le=MAX_POINTS)]
    receipt_no: ShortText
    # This till's entries for the member that it has not seen acknowledged yet, and the
    # device_seq up to which it has: the server counts what it already applied only once.
    pending_points: Points = 0
    acked_through: Seq = 0


class HoldReply(BaseModel):
    hold_id: str
    member_id: str
    points: int
    status: str  # active | consumed | released | expired
    expires_at: datetime
    available: int  # what the member could still spend when the hold was placed


class Health(BaseModel):
    status: str
    detail: str | None = None
