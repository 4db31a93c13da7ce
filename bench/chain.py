"""A simulated retail chain: members, their purchases, and every ledger fact that follows.

Pure simulation, no database. `simulate_chunk(spec, index)` plays one slice of the chain's
members through the chain's rules (the project's own `domain` code: award, tiers, FIFO lots,
expiry, refunds) and returns the rows of every till table for them. Writers consume `Chunk`s:
`bench/generate.py` writes a till database; a writer for the central server can consume the
same chunks (`iter_chunks`) and map them onto its own schema.

What makes it realistic:
- visits per member are Pareto-distributed (most members come a few times, a few come
  hundreds of times) and spend per receipt is log-normal, scaled per member;
- members enrol over the chain's history (more of them recently), most buy on the day they
  enrol, and each stays active for an exponentially distributed time, then lapses;
- tiers follow from the member's own rolling-12-month history (upgrade after the qualifying
  purchase, review at the anniversary, grace, undo on refund), exactly as the till does;
- points: first-purchase/big-ticket/birthday bonuses, the daily cap, redemptions (at most half
  a receipt), refunds (reversals, restores, debt), referrals, manual adjustments, expiry after
  12 months (oldest lots first), and a few duplicate accounts merged into another member;
- coupons: new-member, birthday and win-back coupons, some of them used on a later receipt;
- several stores: each member has a home store and shops elsewhere now and then.

Every chunk is seeded from (seed, chunk index), so the data is the same whatever the number of
worker processes.
"""

from __future__ import annotations

import bisect
import functools
import gc
import hashlib
import heapq
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from loyalty_desk.domain.activity import History, Purchase, RefundFact
from loyalty_desk.domain.codes import luhn_check_digit
from loyalty_desk.domain.earning import EarnSituation, compute_award
from loyalty_desk.domain.lots import proportional_cumulative, split_restore
from loyalty_desk.domain.redemption import max_redeemable, points_value_fen
from loyalty_desk.domain.rules import DEFAULT_RULES, CouponKind
from loyalty_desk.domain.tiers import Tier, TierStats, qualifying_tier
from loyalty_desk.domain.timeutil import add_months, add_months_utc, local_midnight_utc

RULES = DEFAULT_RULES

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武"  # noqa: E501
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣佳琪雪婷晨曦子涵梓轩一诺欣怡雨桐"  # noqa: E501
PHONE_PREFIXES = (
    *("130", "131", "132", "133", "134", "135", "136", "137", "138", "139"),
    *("150", "151", "152", "155", "156", "157", "158", "159", "166", "176", "177"),
    *("180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"),
)
STORE_NAMES = ("旗舰店", "万达店", "东门店", "西湖店", "南山店", "北城店", "高新店", "江北店")

# Columns written for each table, in row order. Names are the till's (store.models).
COLUMNS: dict[str, tuple[str, ...]] = {
    "outbox": (
        "event_id",
        "device_seq",
        "kind",
        "payload",
        "payload_hash",
        "created_at",
        "attempts",
        "acked_at",
    ),
    "member": (
        "id",
        "code",
        "phone",
        "phone_suffix",
        "name",
        "birthday",
        "tier",
        "tier_since",
        "tier_until",
        "tier_grace",
        "referral_code",
        "referrer_id",
        "referral_rewarded",
        "balance",
        "debt",
        "online_only",
        "overdraft",
        "first_purchase_at",
        "last_visit_at",
        "home_store_id",
        "merged_into",
        "created_at",
        "updated_at",
    ),
    "ledger_entry": (
        "id",
        "member_id",
        "store_id",
        "device_id",
        "device_seq",
        "event_id",
        "kind",
        "points",
        "receipt_no",
        "amount_fen",
        "rule_version",
        "reverses_id",
        "occurred_at",
        "created_at",
        "offline",
        "known_balance",
        "sync_status",
        "reason",
        "detail",
    ),
    "point_lot": ("id", "member_id", "earned_at", "expires_at", "points", "remaining"),
    "lot_movement": ("entry_id", "lot_id", "points"),
    "receipt": (
        "id",
        "store_id",
        "receipt_no",
        "member_id",
        "paid_fen",
        "refunded_fen",
        "earned_points",
        "reversed_points",
        "earn_entry_id",
        "occurred_at",
        "breakdown",
        "upgraded_to",
    ),
    "redemption": (
        "id",
        "store_id",
        "receipt_no",
        "member_id",
        "points",
        "value_fen",
        "receipt_amount_fen",
        "restored_points",
        "entry_id",
        "occurred_at",
        "offline",
    ),
    "refund": (
        "id",
        "store_id",
        "receipt_no",
        "member_id",
        "amount_fen",
        "points_reversed",
        "points_restored",
        "occurred_at",
    ),
    "tier_change": ("member_id", "from_tier", "to_tier", "at", "reason", "receipt_no", "until"),
    "member_activity": (
        "member_id",
        "spend_12m_fen",
        "purchases_12m",
        "last_purchase_at",
        "lifetime_spend_fen",
        "lifetime_purchases",
        "segment",
        "evaluated_at",
        "next_check_at",
    ),
    "segment_change": ("member_id", "at", "from_segment", "to_segment"),
    "coupon": (
        "code",
        "member_id",
        "kind",
        "min_spend_fen",
        "value_fen",
        "valid_from",
        "valid_until",
        "status",
        "issued_at",
        "issued_store_id",
        "redeemed_at",
        "redeemed_receipt",
        "redeemed_store_id",
        "rule_version",
    ),
}
# Insertion order that satisfies the foreign keys.
TABLE_ORDER = tuple(COLUMNS)

Row = list[Any]


@dataclass(frozen=True)
class ChainSpec:
    """What to generate. The same spec and seed always give the same chain."""

    members: int
    seed: int = 20260331
    stores: int = 8
    now: datetime = datetime(2026, 3, 31, 13, 0, tzinfo=UTC)  # 21:00 in Shanghai
    history_days: int = 3 * 365
    chunk_size: int = 4000
    timezone: str = "Asia/Shanghai"
    # Shape of the data (tuned so that there are ~10 ledger entries per member).
    never_buy_share: float = 0.12
    visits_alpha: float = 1.25  # Pareto tail of the visit rate
    visits_scale: float = 2.5  # visits per year at the bottom of the tail
    spend_median_fen: int = 12_000
    refund_share: float = 0.02
    redeem_share: float = 0.35
    referred_share: float = 0.05
    merged_share: float = 0.0005
    adjusted_share: float = 0.003

    @property
    def chunks(self) -> int:
        return max(1, math.ceil(self.members / self.chunk_size))

    @property
    def store_ids(self) -> tuple[str, ...]:
        return tuple(f"S{n:03d}" for n in range(1, self.stores + 1))

    def store_name(self, store_id: str) -> str:
        n = int(store_id[1:])
        return f"{STORE_NAMES[(n - 1) % len(STORE_NAMES)]}{'' if n <= 8 else n}"

    def device_id(self, store_id: str) -> str:
        return _device_id(self.seed, store_id)

    @property
    def start(self) -> datetime:
        return self.now - timedelta(days=self.history_days)

    def to_json(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["now"] = self.now.isoformat()
        return out


@functools.cache
def _device_id(seed: int, store_id: str) -> str:
    digest = hashlib.sha256(f"{seed}:{store_id}:device".encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-7{digest[13:16]}-8{digest[17:20]}-{digest[20:32]}"


@dataclass
class Chunk:
    index: int
    rows: dict[str, list[Row]]
    events: int  # outbox events, numbered 1..events within the chunk (device_seq - offset)


# -- small helpers -----------------------------------------------------------------------


class Ids:
    """UUIDv7 stamped with the moment of the fact, random bits from the chunk's RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def at(self, moment: datetime) -> str:
        ms = int(moment.timestamp() * 1000)
        r = self.rng.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((r >> 62) << 64) | (0b10 << 62) | (r & ((1 << 62) - 1))
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def member_code(index: int) -> str:
    body = "8" + f"{(index * 48_271 + 12_345) % 10**8:08d}"
    return body + luhn_check_digit(body)


def referral_code(index: int) -> str:
    body = "6" + f"{(index * 7_919 + 1) % 10**6:06d}"
    return body + luhn_check_digit(body)


def phone_number(index: int) -> str:
    prefix = PHONE_PREFIXES[index % len(PHONE_PREFIXES)]
    return prefix + f"{((index // len(PHONE_PREFIXES)) * 9_973 + 77) % 10**8:08d}"


def months_later(moment: datetime, months: int, tz: ZoneInfo) -> datetime:
    """`add_months_utc`, remembered per store-local day (the same few days recur a lot)."""
    return _months_later(moment.astimezone(tz).date(), months, tz)


@functools.lru_cache(maxsize=4096)
def _months_later(day: date, months: int, tz: ZoneInfo) -> datetime:
    return local_midnight_utc(add_months(day, months), tz)


def coupon_rule(kind: str) -> CouponKind:
    rule: CouponKind = getattr(RULES.coupons, kind)
    return rule


# -- the simulation of one member ----------------------------------------------------------


class Lot:
    __slots__ = ("earned_at", "expires_at", "id", "points", "remaining")

    def __init__(self, lot_id: str, earned_at: datetime, expires_at: datetime, points: int):
        self.id = lot_id
        self.earned_at = earned_at
        self.expires_at = expires_at
        self.points = points
        self.remaining = points


class Sale:
    __slots__ = (
        "at",
        "earn_entry",
        "earned",
        "id",
        "paid",
        "receipt_no",
        "redemption",
        "refunded",
        "reversed",
        "store",
        "upgraded_to",
    )

    def __init__(self, sale_id: str, receipt_no: str, store: str, at: datetime, paid: int):
        self.id = sale_id
        self.receipt_no = receipt_no
        self.store = store
        self.at = at
        self.paid = paid
        self.refunded = 0
        self.earned = 0
        self.reversed = 0
        self.earn_entry = ""
        self.upgraded_to: str | None = None
        self.redemption: Redeemed | None = None


class Redeemed:
    __slots__ = ("at", "entry", "id", "points", "receipt_amount", "restored", "takes", "value")

    def __init__(self, rid: str, entry: str, at: datetime, points: int, value: int, amount: int):
        self.id = rid
        self.entry = entry
        self.at = at
        self.points = points
        self.value = value
        self.receipt_amount = amount
        self.restored = 0
        self.takes: list[tuple[str, int]] = []


class Coupon:
    __slots__ = (
        "code",
        "issued_at",
        "kind",
        "min_spend",
        "receipt",
        "redeemed_at",
        "status",
        "store",
        "used_store",
        "valid_from",
        "valid_until",
        "value",
    )

    def __init__(self, code: str, kind: str, at: datetime, until: datetime, store: str):
        rule = coupon_rule(kind)
        self.code = code
        self.kind = kind
        self.min_spend = rule.min_spend_fen
        self.value = rule.value_fen
        self.issued_at = at
        self.valid_from = at
        self.valid_until = until
        self.store = store
        self.status = "issued"
        self.redeemed_at: datetime | None = None
        self.receipt: str | None = None
        self.used_store: str | None = None


@dataclass
class Plan:
    """What happens to a member, decided before any points are computed."""

    index: int
    member_id: str
    created_at: datetime
    home: str
    birthday: date | None
    name: str
    purchases: list[tuple[datetime, str, int]]  # (at, store, receipt total in fen)
    referrer: int | None = None  # chunk-local index of the referring member
    first_event: str | None = None  # event id of the first purchase (referrals join it)
    merge_into: int | None = None
    merged_at: datetime | None = None
    adjust: tuple[datetime, int] | None = None
    incoming: list[tuple[datetime, str, int, str, str]] = field(default_factory=list)
    # purchases and refunds of accounts merged into this one (they count as this member's)
    absorbed: tuple[list[Purchase], list[RefundFact]] = field(default_factory=lambda: ([], []))
    # incoming credits from other members' events: (at, kind, points, event_id, reason)


class ChunkWriter:
    """Accumulates the rows of one chunk and numbers its events."""

    def __init__(self, spec: ChainSpec, index: int, rng: random.Random) -> None:
        self.spec = spec
        self.index = index
        self.rng = rng
        self.ids = Ids(rng)
        self.rows: dict[str, list[Row]] = {name: [] for name in COLUMNS}
        self.seq_of: dict[str, int] = {}
        self.pending_seq: list[Row] = []  # entries written before their event was numbered
        self.receipts = 0
        self.coupons = 0

    def event(self, kind: str, at: datetime, store: str, event_id: str | None = None) -> str:
        event_id = event_id or self.ids.at(at)
        seq = len(self.seq_of) + 1
        self.seq_of[event_id] = seq
        payload = (
            f'{{"created_at":"{at.isoformat()}","event_id":"{event_id}",'
            f'"kind":"{kind}","store_id":"{store}"}}'
        )
        self.rows["outbox"].append(
            [
                event_id,
                seq,
                kind,
                payload,
                hashlib.sha256(payload.encode()).hexdigest(),
                at,
                1,
                at + timedelta(minutes=2),
            ]
        )
        return event_id

    def receipt_no(self, store: str, at: datetime) -> str:
        self.receipts += 1
        return f"{store}-{at:%y%m%d}-{self.index:04d}{self.receipts:06d}"

    def coupon_code(self) -> str:
        self.coupons += 1
        return f"CP{self.spec.seed % 1000:03d}{self.index:05d}{self.coupons:07d}"

    def finish(self) -> Chunk:
        for row in self.pending_seq:
            row[4] = self.seq_of[row[5]]
        return Chunk(self.index, self.rows, len(self.seq_of))


class MemberSim:
    """One member played through the till's rules, in time order."""

    def __init__(self, spec: ChainSpec, out: ChunkWriter, plan: Plan, tz: ZoneInfo) -> None:
        self.spec = spec
        self.out = out
        self.plan = plan
        self.tz = tz
        self.rng = out.rng
        self.id = plan.member_id
        self.balance = 0
        self.debt = 0
        self.tier = Tier.REGULAR
        self.tier_since = plan.created_at
        self.tier_until: datetime | None = None
        self.grace = False
        self.changes: list[Row] = []
        self.lots: list[Lot] = []
        self.lot_by_id: dict[str, Lot] = {}
        self.sales: list[Sale] = []
        self.refund_facts: list[RefundFact] = []
        self.sale_times: list[datetime] = []
        self.earned_on: dict[date, int] = {}
        self.coupons: list[Coupon] = []
        self.first_purchase_at: datetime | None = None
        self.last_visit_at: datetime | None = None
        self.last_purchase_at: datetime | None = None
        self.referral_rewarded = False
        self.updated_at = plan.created_at

    # -- ledger ----------------------------------------------------------------------------

    def entry(
        self,
        event: str,
        store: str,
        kind: str,
        points: int,
        at: datetime,
        *,
        receipt_no: str | None = None,
        amount: int | None = None,
        reverses: str | None = None,
        reason: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> str:
        entry_id = self.out.ids.at(at)
        seq = self.out.seq_of.get(event)
        row: Row = [
            entry_id,
            self.id,
            store,
            self.spec.device_id(store),
            seq,
            event,
            kind,
            points,
            receipt_no,
            amount,
            RULES.version,
            reverses,
            at,
            at,
            False,
            self.balance,
            "acked",
            reason,
            detail,
        ]
        self.out.rows["ledger_entry"].append(row)
        if seq is None:
            self.out.pending_seq.append(row)
        self.balance += points
        self.updated_at = max(self.updated_at, at)
        return entry_id

    def credit(
        self, event: str, store: str, kind: str, points: int, at: datetime, **kw: Any
    ) -> str:
        entry_id = self.entry(event, store, kind, points, at, **kw)
        repay = min(self.debt, points)
        self.debt -= repay
        if points > 0:
            lot = Lot(entry_id, at, months_later(at, RULES.expiry.months, self.tz), points)
            lot.remaining = points - repay
            self.lots.append(lot)
            self.lot_by_id[entry_id] = lot
        return entry_id

    def take(self, entry_id: str, points: int, first_lot: str | None) -> tuple[list, int]:
        takes: list[tuple[str, int]] = []
        left = points
        if first_lot is not None and first_lot in self.lot_by_id:
            lot = self.lot_by_id[first_lot]
            t = min(lot.remaining, left)
            if t > 0:
                lot.remaining -= t
                takes.append((lot.id, t))
                left -= t
        for lot in self.lots:
            if left <= 0:
                break
            if lot.remaining > 0:
                t = min(lot.remaining, left)
                lot.remaining -= t
                takes.append((lot.id, t))
                left -= t
        movements = self.out.rows["lot_movement"]
        for lot_id, t in takes:
            movements.append([entry_id, lot_id, -t])
        return takes, left

    def debit(
        self, event: str, store: str, kind: str, points: int, at: datetime, **kw: Any
    ) -> tuple[str, list[tuple[str, int]]]:
        first_lot = kw.pop("first_lot", None)
        entry_id = self.entry(event, store, kind, -points, at, **kw)
        takes, left = self.take(entry_id, points, first_lot)
        self.debt += left  # only reversals get here with something left
        return entry_id, takes

    # -- maintenance: expiry and tier review at store opening ------------------------------

    def advance_to(self, moment: datetime) -> None:
        while True:
            due = [lot.expires_at for lot in self.lots if lot.remaining > 0][:1]
            if self.tier_until is not None:
                due.append(self.tier_until)
            if not due:
                return
            first = min(due)
            opening = first + timedelta(hours=8, minutes=30)
            if opening > moment:
                return
            self.expire(opening)
            if self.tier_until is not None and self.tier_until <= opening:
                self.review(opening)

    def expire(self, at: datetime) -> None:
        lots = [lot for lot in self.lots if lot.remaining > 0 and lot.expires_at <= at]
        if not lots:
            return
        store = self.plan.home
        event = self.out.event("points_expired", at, store)
        total = sum(lot.remaining for lot in lots)
        entry_id = self.entry(
            event,
            store,
            "EXPIRE",
            -total,
            at,
            detail={"lots": [[lot.id, lot.remaining] for lot in lots]},
        )
        movements = self.out.rows["lot_movement"]
        for lot in lots:
            movements.append([entry_id, lot.id, -lot.remaining])
            lot.remaining = 0

    def stats(self, at: datetime) -> TierStats:
        start = months_later(at, -12, self.tz)
        lo = bisect.bisect_left(self.sale_times, start)
        hi = bisect.bisect_right(self.sale_times, at)
        spend = purchases = 0
        for sale in self.sales[lo:hi]:
            net = sale.paid - sale.refunded
            spend += net
            purchases += net > 0
        return TierStats(spend, purchases)

    def change(self, to: Tier, at: datetime, reason: str, until: datetime | None, receipt=None):
        self.changes.append([self.id, self.tier.value, to.value, at, reason, receipt, until])
        if to is not self.tier:
            self.tier_since = at
        self.tier = to
        self.tier_until = until

    def review(self, at: datetime) -> None:
        rules = RULES.tiers
        assert self.tier_until is not None
        anniversary = self.tier_until
        stats = self.stats(at)
        earned = qualifying_tier(rules.thresholds, stats)
        if earned.rank >= self.tier.rank:
            self.grace = False
            self.change(earned, at, "renew", add_months_utc(anniversary, 12, self.tz))
        elif (
            rules.grace_applies(self.tier)
            and not self.grace
            and stats.purchases >= rules.grace_min_purchases
        ):
            self.grace = True
            until = add_months_utc(anniversary, rules.grace_months, self.tz)
            self.change(self.tier, at, "grace", until)
        else:
            self.grace = False
            until = (
                None
                if earned is Tier.REGULAR
                else add_months_utc(anniversary, rules.term_months, self.tz)
            )
            self.change(earned, at, "downgrade", until)

    # -- at the till -----------------------------------------------------------------------

    def purchase(self, at: datetime, store: str, total: int, event_id: str | None) -> Sale:
        rng = self.rng
        amount = total
        used: Coupon | None = None
        for c in self.coupons:
            if (
                c.status == "issued"
                and c.valid_from <= at < c.valid_until
                and total >= c.min_spend
                and rng.random() < 0.7
            ):
                used = c
                break
        if used is not None:
            amount = total - used.value
        redeemed: Redeemed | None = None
        receipt_no = self.out.receipt_no(store, at)
        if self.balance >= 300 and rng.random() < self.spec.redeem_share:
            points = max_redeemable(RULES, self.balance, amount) // 100 * 100
            if points >= RULES.redemption.min_points:
                value = points_value_fen(RULES, points)
                r_at = at - timedelta(seconds=20)
                event = self.out.event("points_redeemed", r_at, store)
                entry_id, takes = self.debit(
                    event,
                    store,
                    "REDEEM",
                    points,
                    r_at,
                    receipt_no=receipt_no,
                    amount=amount,
                    detail={"value_fen": value},
                )
                redeemed = Redeemed(self.out.ids.at(r_at), entry_id, r_at, points, value, amount)
                redeemed.takes = takes
                self.last_visit_at = max(self.last_visit_at or r_at, r_at)
        paid = amount - (redeemed.value if redeemed else 0)
        sale = Sale(self.out.ids.at(at), receipt_no, store, at, paid)
        sale.redemption = redeemed
        day = at.astimezone(self.tz).date()
        first = self.first_purchase_at is None
        award = compute_award(
            RULES,
            EarnSituation(
                paid_fen=paid,
                tier=self.tier,
                first_purchase=first,
                birthday_month=self.plan.birthday is not None
                and self.plan.birthday.month == day.month,
                earned_today=self.earned_on.get(day, 0),
            ),
        )
        breakdown = award.to_json()
        event = self.out.event("points_earned", at, store, event_id if first else None)
        sale.earn_entry = self.credit(
            event,
            store,
            "EARN",
            award.awarded_points,
            at,
            receipt_no=receipt_no,
            amount=paid,
            detail=breakdown,
        )
        sale.earned = award.awarded_points
        self.earned_on[day] = self.earned_on.get(day, 0) + award.awarded_points
        if first and self.plan.referrer is not None and not self.referral_rewarded:
            self.credit(
                event,
                store,
                "REFERRAL",
                RULES.referral.new_member_points,
                at,
                receipt_no=receipt_no,
                reason="referred member's first purchase",
            )
        self.referral_rewarded = self.referral_rewarded or first
        self.sales.append(sale)
        self.sale_times.append(at)
        if first:
            self.first_purchase_at = at
        self.last_visit_at = max(self.last_visit_at or at, at)
        self.last_purchase_at = at
        self.out.rows["receipt"].append([sale, breakdown])  # finalised in `rows`
        if used is not None:
            used.status = "redeemed"
            used.redeemed_at = at
            used.receipt = receipt_no
            used.used_store = store
            self.out.event("coupon_redeemed", at, store)
        stats = self.stats(at)
        target = qualifying_tier(RULES.tiers.thresholds, stats)
        if target.rank > self.tier.rank:
            until = add_months_utc(at, RULES.tiers.term_months, self.tz)
            self.change(target, at, "upgrade", until, receipt_no)
            self.grace = False
            sale.upgraded_to = target.value
        return sale

    def refund(self, sale: Sale, amount: int, at: datetime) -> None:
        left = sale.paid - sale.refunded
        amount = min(amount, left)
        if amount <= 0:
            return
        cumulative = sale.refunded + amount
        store = sale.store
        event = self.out.event("receipt_refunded", at, store)
        restored = reversed_points = 0
        r = sale.redemption
        if r is not None:
            base = r.receipt_amount - r.value
            target = proportional_cumulative(r.points, cumulative, base)
            restored = target - r.restored
            if restored > 0:
                entry_id = self.entry(
                    event,
                    store,
                    "REVERSAL",
                    restored,
                    at,
                    receipt_no=sale.receipt_no,
                    amount=amount,
                    reverses=r.entry,
                    reason="refund: redeemed points restored",
                )
                repay = min(self.debt, restored)
                self.debt -= repay
                movements = self.out.rows["lot_movement"]
                for lot_id, give in split_restore(r.takes, restored - repay):
                    self.lot_by_id[lot_id].remaining += give
                    movements.append([entry_id, lot_id, give])
                r.restored = target
        target = proportional_cumulative(sale.earned, cumulative, sale.paid)
        reversed_points = target - sale.reversed
        if reversed_points > 0:
            self.debit(
                event,
                store,
                "REVERSAL",
                reversed_points,
                at,
                first_lot=sale.earn_entry,
                receipt_no=sale.receipt_no,
                amount=amount,
                reverses=sale.earn_entry,
                reason="refund: earned points reversed",
            )
            sale.reversed = target
        sale.refunded = cumulative
        self.after_refund(sale, at)
        self.refund_facts.append(RefundFact(sale.id, at, amount))
        self.out.rows["refund"].append(
            [
                self.out.ids.at(at),
                store,
                sale.receipt_no,
                self.id,
                amount,
                reversed_points,
                restored,
                at,
            ]
        )

    def after_refund(self, sale: Sale, at: datetime) -> None:
        if sale.upgraded_to is None or self.tier.value != sale.upgraded_to or not self.changes:
            return
        latest = self.changes[-1]
        if latest[4] != "upgrade" or latest[5] != sale.receipt_no:
            return
        earned = qualifying_tier(RULES.tiers.thresholds, self.stats(at))
        if earned.rank >= self.tier.rank:
            return
        previous = Tier(latest[1])
        before = self.changes[-2] if len(self.changes) > 1 else None
        target = earned if earned.rank > previous.rank else previous
        until = (
            add_months_utc(at, RULES.tiers.term_months, self.tz)
            if target is not previous
            else (before[6] if before is not None else None)
        )
        self.change(target, at, "refund", until, sale.receipt_no)

    def issue_coupon(self, kind: str, at: datetime, until: datetime) -> None:
        coupon = Coupon(self.out.coupon_code(), kind, at, until, self.plan.home)
        self.coupons.append(coupon)
        self.out.event("coupon_issued", at, self.plan.home)

    # -- the member's life -----------------------------------------------------------------

    def run(self) -> None:
        plan, spec, rng = self.plan, self.spec, self.rng
        end = plan.merged_at or spec.now
        actions: list[tuple[datetime, int, str, Any]] = []
        n = 0

        def push(at: datetime, kind: str, data: Any) -> None:
            nonlocal n
            if at < end:
                heapq.heappush(actions, (at, n, kind, data))
                n += 1

        self.out.event("member_enrolled", plan.created_at, plan.home)
        if rng.random() < 0.9:
            until = plan.created_at + timedelta(days=coupon_rule("new_member").valid_days)
            self.issue_coupon("new_member", plan.created_at, until)
        for i, (at, store, total) in enumerate(plan.purchases):
            push(at, "purchase", (store, total, plan.first_event if i == 0 else None))
        for item in plan.incoming:
            push(item[0], "incoming", item)
        if plan.adjust is not None:
            push(plan.adjust[0], "adjust", plan.adjust[1])
        if plan.birthday is not None:
            month = date(plan.created_at.year, plan.birthday.month, 1)
            while True:
                start = local_midnight_utc(month, self.tz)
                if start >= end:
                    break
                if start > plan.created_at:
                    push(start + timedelta(hours=9, minutes=5), "birthday", month)
                month = add_months(month, 12)
        while actions:
            at, _, kind, data = heapq.heappop(actions)
            self.advance_to(at)
            if kind == "purchase":
                store, total, event_id = data
                sale = self.purchase(at, store, total, event_id)
                if rng.random() < spec.refund_share:
                    later = at + timedelta(days=rng.randint(0, 14), minutes=rng.randint(5, 300))
                    part = sale.paid if rng.random() < 0.7 else sale.paid // 2
                    push(later, "refund", (sale, part))
                push(at + timedelta(days=180, hours=1), "dormant", at)
            elif kind == "refund":
                sale, part = data
                self.refund(sale, part, at)
            elif kind == "incoming":
                _, entry_kind, points, event_id, reason = data
                self.credit(event_id, self.plan.home, entry_kind, points, at, reason=reason)
            elif kind == "adjust":
                event = self.out.event("points_adjusted", at, plan.home)
                reason = "goodwill: complaint settled" if data > 0 else "correction"
                if data > 0:
                    self.credit(event, plan.home, "ADJUST", data, at, reason=reason)
                elif self.balance + data >= 0:
                    self.debit(event, plan.home, "ADJUST", -data, at, reason=reason)
            elif kind == "birthday":
                if self.last_purchase_at and at - self.last_purchase_at < timedelta(days=365):
                    month_end = local_midnight_utc(add_months(data, 1), self.tz)
                    self.issue_coupon("birthday", at, month_end)
            elif kind == "dormant" and self.last_purchase_at == data and rng.random() < 0.5:
                days = coupon_rule("winback").valid_days
                self.issue_coupon("winback", at, at + timedelta(days=days))
        self.advance_to(end)

    def merge_out(self, into_id: str, at: datetime, event_id: str) -> int:
        """Move what is left to the surviving account; returns the points moved."""
        self.out.event("points_adjusted", at, self.plan.home, event_id)
        moved = max(0, self.balance)
        if moved > 0:
            self.debit(
                event_id, self.plan.home, "ADJUST", moved, at, reason=f"merged into {into_id}"
            )
        return moved

    def facts(self) -> tuple[list[Purchase], list[RefundFact]]:
        bought = [Purchase(s.id, s.at, s.paid) for s in self.sales] + self.plan.absorbed[0]
        return bought, self.refund_facts + self.plan.absorbed[1]

    def activity_rows(self) -> None:
        """The member's activity row and segment moves, as the till derives them."""
        bought, refunds = self.facts()
        if not bought:
            return
        now = self.spec.now
        history = History(bought, refunds, RULES.segments, self.tz)
        state = history.state_at(now)
        self.out.rows["member_activity"].append(
            [
                self.id,
                state.spend_12m_fen,
                state.purchases_12m,
                state.last_purchase_at,
                state.lifetime_spend_fen,
                state.lifetime_purchases,
                state.segment.value,
                now,
                history.next_change(now),
            ]
        )
        self.out.rows["segment_change"].extend(
            [self.id, m.at, m.from_segment.value, m.to_segment.value] for m in history.moves(now)
        )

    def rows(self, merged_into: str | None) -> None:
        p, out = self.plan, self.out.rows
        if merged_into is None:
            self.activity_rows()
        for lot in self.lots:
            out["point_lot"].append(
                [lot.id, self.id, lot.earned_at, lot.expires_at, lot.points, lot.remaining]
            )
        out["tier_change"].extend(self.changes)
        for c in self.coupons:
            status = c.status
            out["coupon"].append(
                [
                    c.code,
                    self.id,
                    c.kind,
                    c.min_spend,
                    c.value,
                    c.valid_from,
                    c.valid_until,
                    status,
                    c.issued_at,
                    c.store,
                    c.redeemed_at,
                    c.receipt,
                    c.used_store,
                    RULES.version,
                ]
            )
        out["member"].append(
            [
                self.id,
                member_code(p.index),
                phone_number(p.index),
                phone_number(p.index)[-4:],
                p.name,
                p.birthday,
                self.tier.value,
                self.tier_since,
                self.tier_until,
                self.grace,
                referral_code(p.index),
                None,  # referrer_id: filled by the chunk (it knows the referrer's id)
                self.referral_rewarded and p.referrer is not None,
                self.balance,
                self.debt,
                False,
                False,
                self.first_purchase_at,
                self.last_visit_at,
                p.home,
                merged_into,
                p.created_at,
                self.updated_at,
            ]
        )


# -- planning a chunk ----------------------------------------------------------------------


def _store_hours(rng: random.Random, day: date, tz: ZoneInfo) -> datetime:
    """A moment during opening hours (09:00–22:00 local), busier in the evening."""
    minutes = int(9 * 60 + 13 * 60 * rng.betavariate(2.2, 1.6))
    local = datetime.combine(day, time(minutes // 60 % 24, minutes % 60, rng.randint(0, 59)))
    return local.replace(tzinfo=tz).astimezone(UTC)


def plan_chunk(spec: ChainSpec, index: int, rng: random.Random, ids: Ids) -> list[Plan]:
    tz = ZoneInfo(spec.timezone)
    first = index * spec.chunk_size
    count = min(spec.chunk_size, spec.members - first)
    stores = spec.store_ids
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(stores))]
    start_day = spec.start.astimezone(tz).date()
    today = spec.now.astimezone(tz).date()
    plans: list[Plan] = []
    for j in range(count):
        g = first + j
        # More members joined recently: the chain is growing.
        joined = start_day + timedelta(days=int(spec.history_days * rng.random() ** 0.75))
        created = _store_hours(rng, joined, tz)
        if created >= spec.now:
            created = spec.now - timedelta(minutes=rng.randint(30, 600))
        home = rng.choices(stores, weights)[0]
        birthday = None
        if rng.random() < 0.85:
            birthday = date(rng.randint(1955, 2006), rng.randint(1, 12), rng.randint(1, 28))
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        plan = Plan(g, ids.at(created), created, home, birthday, name, [])
        if rng.random() >= spec.never_buy_share:
            # Visits per year (Pareto: most members come a few times, a few every week),
            # over the time until the member lapses (exponential).
            rate = min(150.0, spec.visits_scale / (1 - rng.random()) ** (1 / spec.visits_alpha))
            lifetime = rng.expovariate(1 / 600)
            last_day = min(today, joined + timedelta(days=int(lifetime)))
            span = (last_day - joined).days
            expected = rate * span / 365
            visits = int(expected + rng.random())  # rounded at random: the mean is kept
            scale = spec.spend_median_fen * rng.lognormvariate(0, 0.7) * min(rate, 60) ** 0.15
            days = sorted(rng.randint(0, span) for _ in range(visits))
            if rng.random() < 0.7 or not days:
                days.insert(0, 0)  # joined at the till while buying
            for d in days:
                day = joined + timedelta(days=d)
                at = max(_store_hours(rng, day, tz), created + timedelta(minutes=3))
                if at >= spec.now:
                    continue
                store = home if rng.random() < 0.85 else rng.choice(stores)
                total = max(300, int(scale * rng.lognormvariate(0, 0.6)))
                if rng.random() < 0.01:
                    total = rng.randint(100_000, 400_000)  # a big-ticket buy
                plan.purchases.append((at, store, total))
            plan.purchases.sort()
        plans.append(plan)
    # Referrals: the referrer joined earlier; its +200 joins the referred's first purchase.
    by_join = sorted(range(count), key=lambda j: plans[j].created_at)
    for pos, j in enumerate(by_join):
        p = plans[j]
        if pos > 10 and rng.random() < spec.referred_share:
            p.referrer = by_join[rng.randrange(0, pos)]
    # A few duplicate accounts merged into a later member of the chunk (members are played
    # in chunk order, so the survivor learns the moved points before it is played).
    merged: set[int] = set()
    survivors: set[int] = set()
    for j in range(count - 1):
        if rng.random() < spec.merged_share and plans[j].referrer is None and j not in survivors:
            k = rng.randrange(j + 1, count)
            if k in merged:
                continue
            since = max(plans[j].created_at, plans[k].created_at)
            if since >= spec.now - timedelta(days=2):
                continue
            at = since + (spec.now - since) * rng.random()
            at = _store_hours(rng, at.astimezone(tz).date(), tz)
            if at >= spec.now or at <= since:
                continue
            plans[j].merge_into, plans[j].merged_at = k, at
            survivors.add(k)
            plans[j].purchases = [x for x in plans[j].purchases if x[0] < at]
            merged.add(j)
    referrers = {p.referrer for p in plans if p.referrer is not None}
    for j in merged & referrers:
        for p in plans:
            if p.referrer == j:
                p.referrer = None
    for p in plans:
        if p.referrer is not None and p.purchases:
            at = p.purchases[0][0]
            p.first_event = ids.at(at)
            plans[p.referrer].incoming.append(
                (
                    at,
                    "REFERRAL",
                    RULES.referral.referrer_points,
                    p.first_event,
                    f"referred {member_code(p.index)}'s first purchase",
                )
            )
        if rng.random() < spec.adjusted_share and p.merge_into is None:
            at = p.created_at + (spec.now - p.created_at) * rng.random()
            if at < spec.now:
                p.adjust = (at, rng.choice((100, 200, 300, 500, -100)))
    return plans


def simulate_chunk(spec: ChainSpec, index: int) -> Chunk:
    # Millions of small, long-lived objects: the cyclic collector would rescan them all.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _simulate_chunk(spec, index)
    finally:
        if was_enabled:
            gc.enable()


def _simulate_chunk(spec: ChainSpec, index: int) -> Chunk:
    rng = random.Random(f"{spec.seed}:{index}")
    tz = ZoneInfo(spec.timezone)
    out = ChunkWriter(spec, index, rng)
    plans = plan_chunk(spec, index, rng, out.ids)
    sims: dict[int, MemberSim] = {}
    for j, plan in enumerate(plans):
        sim = MemberSim(spec, out, plan, tz)
        sim.run()
        merged_into = None
        if plan.merge_into is not None and plan.merged_at is not None:
            target = plans[plan.merge_into]
            event_id = out.ids.at(plan.merged_at)
            moved = sim.merge_out(target.member_id, plan.merged_at, event_id)
            bought, refunds = sim.facts()
            target.absorbed[0].extend(bought)
            target.absorbed[1].extend(refunds)
            if moved > 0:
                target.incoming.append(
                    (
                        plan.merged_at,
                        "ADJUST",
                        moved,
                        event_id,
                        f"merged from {member_code(plan.index)}",
                    )
                )
            merged_into = target.member_id
        sim.rows(merged_into)
        if plan.referrer is not None:
            out.rows["member"][-1][11] = plans[plan.referrer].member_id
        sims[j] = sim
    rows = out.rows
    rows["receipt"] = [
        [
            sale.id,
            sale.store,
            sale.receipt_no,
            "",  # member id: set below
            sale.paid,
            sale.refunded,
            sale.earned,
            sale.reversed,
            sale.earn_entry,
            sale.at,
            breakdown,
            sale.upgraded_to,
        ]
        for sale, breakdown in rows["receipt"]
    ]
    redemptions: list[Row] = []
    for sim in sims.values():
        for sale in sim.sales:
            r = sale.redemption
            if r is not None:
                redemptions.append(
                    [
                        r.id,
                        sale.store,
                        sale.receipt_no,
                        sim.id,
                        r.points,
                        r.value,
                        r.receipt_amount,
                        r.restored,
                        r.entry,
                        r.at,
                        False,
                    ]
                )
    rows["redemption"] = redemptions
    owner = {sale.id: sim.id for sim in sims.values() for sale in sim.sales}
    for row in rows["receipt"]:
        row[3] = owner[row[0]]
    return out.finish()


def iter_chunks(
    spec: ChainSpec,
    *,
    jobs: int = 1,
    prepare: Callable[[Chunk], Any] | None = None,
) -> Iterator[Any]:
    """Every chunk in order; with jobs > 1 they are simulated in worker processes."""
    work = _Work(spec, prepare)
    if jobs <= 1:
        for index in range(spec.chunks):
            yield work(index)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(work, range(spec.chunks))


class _Work:
    def __init__(self, spec: ChainSpec, prepare: Callable[[Chunk], Any] | None) -> None:
        self.spec = spec
        self.prepare = prepare

    def __call__(self, index: int) -> Any:
        chunk = simulate_chunk(self.spec, index)
        return self.prepare(chunk) if self.prepare else chunk
