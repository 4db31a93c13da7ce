"""Storing one pulled page at the till, in one transaction (DESIGN §4).

How the server's balances meet the till's own ledger
----------------------------------------------------
The till's invariant stays what it always was: for every member
``balance == sum(ledger points) == sum(lot remaining) - debt``. A pulled snapshot says what
the server holds for a member (balance, debt, open lots) *including this till's events up
to `applied_through`*. The till keeps the server's view plus its own events the server has
not applied yet (`domain.rebase`), and writes the difference into its ledger as entries of
kind SYNC:

* a lot earned in another store becomes a local lot with the same id (lot ids are entry
  ids, the same on every node), opened by a SYNC entry of the same id carrying the points
  the server says are left in it;
* whatever else differs (another store's redemption, an overdraft, a rejected event of this
  till) is one SYNC entry with the difference and no lot.

SYNC entries are bookkeeping, not facts: they are never pushed. The schema wants every
ledger entry to name an outbox event, so they name the till's `device_registered` event,
which the server records as a no-op. The consistency check leaves them out.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.rebase import LotState, Pending, ServerView, rebase
from loyalty_desk.domain.timeutil import add_months_utc
from loyalty_desk.services.coupon_keys import install_chain_keys
from loyalty_desk.services.coupon_sync import Applied, apply_pulled_coupon
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.ledger import Kind
from loyalty_desk.store import references
from loyalty_desk.store.deferred_indexes import TABLES as BULK_TABLES
from loyalty_desk.store.models import (
    Coupon,
    LedgerEntry,
    LotMovement,
    Member,
    Outbox,
    PointLot,
    Receipt,
    Redemption,
    Refund,
    RuleSetRow,
    SyncState,
    TierChange,
)
from loyalty_desk.sync.canonical import canonical_json

CHUNK = 5000  # values per IN (...) list (SQLite allows 32,766 parameters)
SERVER_STORE = "server"
SYNC_KIND = Kind.SYNC.value
EARNED_ELSEWHERE = "points earned in another store"  # the reason of a lot's SYNC entry


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _db_ts(value: str | datetime | None) -> str | None:
    """A moment as the till's SQLite columns hold it (naive UTC text, like UTCDateTime).

    The first pull writes millions of these: the server's usual "…+00:00" form (whole
    seconds, or 1–6 digits of fraction) is cut to shape without parsing."""
    if value is None:
        return None
    if isinstance(value, str):
        if value.endswith("+00:00") and value[10:11] == "T":
            size = len(value)
            if size == 32:
                return f"{value[:10]} {value[11:26]}"
            if size == 25:
                return f"{value[:10]} {value[11:19]}.000000"
            if 27 <= size < 32 and value[19] == ".":
                return f"{value[:10]} {value[11 : size - 6]}{'0' * (32 - size)}"
        value = datetime.fromisoformat(value)
    moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _db(value: Any) -> Any:
    if isinstance(value, datetime):
        return _db_ts(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


MEMBER_COLUMNS = (
    "id", "code", "phone", "phone_suffix", "name", "birthday", "tier", "tier_since",
    "tier_until", "tier_grace", "referral_code", "referrer_id", "referral_rewarded", "balance",
    "debt", "online_only", "overdraft", "first_purchase_at", "last_visit_at", "home_store_id",
    "merged_into", "created_at", "updated_at", "server_seq",
)  # fmt: skip
ENTRY_COLUMNS = (
    "id", "member_id", "store_id", "device_id", "device_seq", "event_id", "kind", "points",
    "receipt_no", "amount_fen", "rule_version", "reverses_id", "occurred_at", "created_at",
    "cashier_id", "offline", "known_balance", "sync_status", "reason", "detail",
)  # fmt: skip
LOT_COLUMNS = ("id", "member_id", "earned_at", "expires_at", "points", "remaining")


def raw_insert(
    s: Session, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """executemany on the session's own sqlite3 connection (same transaction): the rows of
    a big pull skip SQLAlchemy's per-value processing. Values must be what SQLite stores
    (text moments from `_db_ts`), in the order of `columns`; None binds as NULL through the
    adapter store/db.py registers (without it, each None costs a failed adapter search)."""
    if not rows:
        return
    dbapi = s.connection().connection.dbapi_connection
    assert dbapi is not None
    values = ", ".join("?" * len(columns))
    dbapi.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})", rows)


def _chunks(items: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def placeholder(kind: str, member_id: str) -> str:
    """A value that fills a unique column but can never be typed or scanned (not digits)."""
    return kind + hashlib.sha1(member_id.encode()).hexdigest()[:15]


@dataclass
class PageResult:
    members: int = 0
    merged: int = 0
    rules: int = 0
    coupons: int = 0


@dataclass(frozen=True, slots=True)
class Anchor:
    """The outbox event SYNC entries hang on (the till's registration event)."""

    event_id: str
    device_seq: int


@contextmanager
def _page_session(desk: Desk, bulk: bool) -> Iterator[Session]:
    """One transaction for one page, on a connection tuned for bulk writes.

    A page holds only what the server sent (and what follows from it): if power fails
    before the WAL reaches the disk, the page and its cursor are lost together and are
    simply pulled again. So a page commits with synchronous=NORMAL, and a bigger page
    cache serves the index updates of a million-member pull. The pages of a new till's
    first big pull (`bulk`) check their foreign keys once before they commit, not row by
    row (store/references.py): the rows a page adds are checked, and the references it
    changes in rows already there name members the till holds (`_repoint` moves rows only
    to a winner it has, `_referrers` sets only a referrer it has). The settings go back
    before the connection returns to the pool, where the till's own use cases commit with
    FULL and check every row.
    """
    with desk.db.engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        dbapi.execute("PRAGMA cache_size=-65536")
        dbapi.execute("PRAGMA synchronous=NORMAL")
        if bulk:
            dbapi.execute("PRAGMA foreign_keys=OFF")  # only outside a transaction
        try:
            with Session(bind=conn, expire_on_commit=False) as s, s.begin():
                s.connection()  # BEGIN IMMEDIATE: the marks below are this page's own
                marks = references.mark(dbapi, BULK_TABLES) if bulk else None
                yield s
                if marks is not None:
                    s.flush()
                    references.check_since(dbapi, marks)  # raises: the page rolls back
        finally:
            if not conn.invalidated:  # a connection that died with its page is discarded
                dbapi.execute("PRAGMA foreign_keys=ON")
                dbapi.execute("PRAGMA synchronous=FULL")
                dbapi.execute("PRAGMA cache_size=-2000")


def apply_page(desk: Desk, page: dict[str, Any], *, bulk: bool = False) -> PageResult:
    """Store one pulled page. `bulk`: a new till's first big pull (its indexes set aside)."""
    result = PageResult()
    with _page_session(desk, bulk) as s:
        _apply_page(s, desk, page, desk.now(), result)
    return result


def _apply_page(
    s: Session, desk: Desk, page: dict[str, Any], now: datetime, result: PageResult
) -> None:
    state = s.get(SyncState, 1)
    assert state is not None and state.registration_event_id is not None
    seq = s.scalar(select(Outbox.device_seq).where(Outbox.event_id == state.registration_event_id))
    assert seq is not None
    anchor = Anchor(state.registration_event_id, seq)
    applied = int(page["applied_through"])
    result.rules = _store_rules(s, page.get("rules") or [], now)
    if page.get("coupon_keys"):
        install_chain_keys(s, page["coupon_keys"])
    members = page.get("members") or []
    if members:
        merged = MemberSync(s, desk, anchor, applied, now, int(page["cursor"])).apply(members)
        result.members = len(members)
        result.merged = merged
    result.coupons = _store_coupons(s, page.get("coupons") or [])
    state.pull_cursor = int(page["cursor"])
    state.feed_epoch = page.get("epoch") or state.feed_epoch
    state.applied_through = max(state.applied_through or 0, applied)
    state.last_pull_at = now


def _store_rules(s: Session, rules: list[dict[str, Any]], now: datetime) -> int:
    stored = 0
    for rule in rules:
        version = int(rule["version"])
        if s.get(RuleSetRow, version) is None:
            effective = _dt(rule["effective_from"])
            assert effective is not None
            s.add(
                RuleSetRow(
                    version=version,
                    effective_from=effective,
                    body=canonical_json(rule["body"]),
                    created_at=now,
                    source="server",
                )
            )
            stored += 1
    return stored


def _store_coupons(s: Session, coupons: list[dict[str, Any]]) -> int:
    """Coupons issued anywhere in the chain (services/coupon_sync.py decides what wins)."""
    stored = 0
    for pulled in coupons:
        try:
            outcome = apply_pulled_coupon(s, pulled)
        except (KeyError, TypeError, ValueError):
            continue  # a record this till cannot read stays on the server; the rest go on
        if outcome in (Applied.INSERTED, Applied.UPDATED):
            stored += 1
    return stored


class MemberSync:
    """Members of one page: new ones inserted, known ones updated, merges, balances."""

    def __init__(
        self, s: Session, desk: Desk, anchor: Anchor, applied: int, now: datetime, cursor: int
    ) -> None:
        self.s = s
        self.desk = desk
        self.anchor = anchor
        self.applied = applied
        self.now = now
        self.cursor = cursor
        self.rule_version = desk.rules_at(now).version
        self.device_id = desk.info.device_id
        self.now_db = _db_ts(now)
        self.done: set[str] = set()  # members whose balance is already the server's
        self._changes: dict[str, set[str]] | None = None
        self.entries: list[tuple[Any, ...]] = []  # ENTRY_COLUMNS, written by _write_ledger
        self.new_lots: list[tuple[Any, ...]] = []  # LOT_COLUMNS

    def apply(self, records: list[dict[str, Any]]) -> int:
        s = self.s
        by_id = {r["id"]: r for r in records}
        local = self._local(list(by_id))
        winners: dict[str, str] = {r["id"]: r["merged_into"] for r in records if r["merged_into"]}
        # 1. Members the server merged away give up their phone before the winner arrives.
        for loser_id in winners:
            loser = local.get(loser_id)
            if loser is not None and loser.merged_into is None:
                loser.phone = placeholder("m", loser.id)
        s.flush()
        # 2. A phone this till enrolled offline, not yet known to the server, may arrive
        #    from another store: apply the server's rule here too (the earlier one wins).
        anticipated = self._phone_conflicts(records, local, winners)
        s.flush()
        # 3. Insert the new, update the known. A new member with nothing of this till's
        #    (the usual case, and all of a first pull) gets the server's balance and lots as
        #    they are; the others are rebased in step 5.
        fresh = [r for r in records if r["id"] not in local]
        absorbing = {  # new here, but taking over a local member's rows: rebased in step 5
            self._final(winner, winners, anticipated)
            for loser, winner in {**winners, **anticipated}.items()
            if loser in local
        }
        self._insert(fresh, winners, {r["id"] for r in fresh} - absorbing - set(winners))
        for r in records:
            if r["id"] in local:
                self._update(local[r["id"]], r, winners.get(r["id"]))
        s.flush()
        # 4. Re-point the rows of members merged away to their winner.
        merged = 0
        for loser_id, winner_id in {**winners, **anticipated}.items():
            target = self._final(winner_id, winners, anticipated)
            if loser_id in local and target != loser_id:
                self._repoint(loser_id, target)
                merged += 1
        # 5. Fold in the server's balances and lots.
        active = [
            r
            for r in records
            if r["id"] not in winners and r["id"] not in anticipated and r["id"] not in self.done
        ]
        self._rebase(active)
        self._referrers(records)
        return merged

    # -- members -------------------------------------------------------------------------

    def _local(self, ids: list[str]) -> dict[str, Member]:
        found: dict[str, Member] = {}
        present = list(self._unique("id", ids))  # usually none on a first pull
        for part in _chunks(present):
            for member in self.s.scalars(select(Member).where(Member.id.in_(part))):
                found[member.id] = member
        return found

    @staticmethod
    def _final(member_id: str, *maps: dict[str, str]) -> str:
        hops = 0
        while hops < 10:
            nxt = next((m[member_id] for m in maps if member_id in m), None)
            if nxt is None or nxt == member_id:
                break
            member_id = nxt
            hops += 1
        return member_id

    def _phone_conflicts(
        self, records: list[dict[str, Any]], local: dict[str, Member], winners: dict[str, str]
    ) -> dict[str, str]:
        active = [r for r in records if r["id"] not in winners]
        anticipated: dict[str, str] = {}
        taken = self._unique("phone", [r["phone"] for r in active])
        holders: dict[str, Member] = {}
        for part in _chunks([i for phone, i in taken.items()]):
            for member in self.s.scalars(select(Member).where(Member.id.in_(part))):
                holders[member.phone] = member
        for r in active:
            holder = holders.get(r["phone"])
            if holder is None or holder.id == r["id"]:
                continue
            mine = (holder.created_at, holder.id)
            theirs = (_dt(r["created_at"]), r["id"])
            if mine <= theirs:
                anticipated[r["id"]] = holder.id
                winners[r["id"]] = holder.id
            else:
                anticipated[holder.id] = r["id"]
                holder.phone = placeholder("m", holder.id)
                holder.merged_into = r["id"]
                local.setdefault(holder.id, holder)
        return anticipated

    def _unique(self, column: str, values: list[str]) -> dict[str, str]:
        """value -> id of the local member holding it, for values in `values`.

        One query whatever the number of values: they travel as one JSON array."""
        assert column in ("id", "code", "phone", "referral_code")
        if not values:
            return {}
        dbapi = self.s.connection().connection.dbapi_connection
        assert dbapi is not None
        rows = dbapi.execute(
            f"SELECT m.{column}, m.id FROM json_each(?) AS j JOIN member AS m "
            f"ON m.{column} = j.value",
            (json.dumps(values),),
        ).fetchall()
        return {value: member_id for value, member_id in rows}

    def _insert(
        self, records: list[dict[str, Any]], winners: dict[str, str], fast: set[str]
    ) -> None:
        if not records:
            return
        codes = self._unique("code", [r["code"] for r in records])
        referrals = self._unique("referral_code", [r["referral_code"] for r in records])
        phones = self._unique("phone", [r["phone"] for r in records])
        rows: list[tuple[Any, ...]] = []
        add = rows.append
        now_db, cursor, done, as_served = self.now_db, self.cursor, self.done, self._as_served
        add_entry, add_lot = self.entries.append, self.new_lots.append
        device_id, rule_version = self.device_id, self.rule_version
        anchor_seq, anchor_event = self.anchor.device_seq, self.anchor.event_id
        for r in records:
            member_id = r["id"]
            # Codes were drawn at random in each store: two stores can draw the same one.
            # The later member here keeps a placeholder (found by phone) and the server
            # opens a duplicate_code case for a manager to reissue one of the cards.
            code = r["code"]
            if codes.get(code, member_id) != member_id:
                code = placeholder("x", member_id)
            codes[code] = member_id
            referral = r["referral_code"]
            if referrals.get(referral, member_id) != member_id:
                referral = placeholder("r", member_id)
            referrals[referral] = member_id
            phone = served_phone = r["phone"]
            merged_into = winners.get(member_id)
            if merged_into is not None or phones.get(phone, member_id) != member_id:
                phone = placeholder("m", member_id)
            phones[phone] = member_id
            created = _db_ts(r["created_at"])
            balance = debt = 0
            if member_id in fast:
                # The usual case, all of a first pull, written out here (a million times):
                # open lots that add up to the balance become a SYNC entry and a lot each,
                # as `_as_served` would write them; anything else goes through it.
                lots = r["lots"]
                balance = int(r["balance"])
                running = 0
                for lot in lots:
                    left = lot["remaining"]
                    if left < 0 or left > lot["points"]:
                        running = -1
                        break
                    running += left
                if balance >= 0 and running == balance:
                    running = 0
                    for lot in lots:
                        lot_id, left = lot["id"], lot["remaining"]
                        earned = _db_ts(lot["earned_at"])
                        add_entry(
                            (
                                lot_id, member_id, lot["store_id"], device_id, anchor_seq,
                                anchor_event, SYNC_KIND, left, None, None, rule_version, None,
                                earned, now_db, None, 0, running, "acked", EARNED_ELSEWHERE,
                                None,
                            )
                        )  # fmt: skip
                        add_lot(
                            (
                                lot_id,
                                member_id,
                                earned,
                                _db_ts(lot["expires_at"]),
                                lot["points"],
                                left,
                            )
                        )
                        running += left
                else:
                    balance, debt = as_served(r)
                done.add(member_id)
            add(
                (
                    member_id, code, phone, served_phone[-4:], r["name"], r["birthday"],
                    "regular", created, None, 0, referral, None, int(bool(r["referral_rewarded"])),
                    balance, debt, int(bool(r["online_only"])), int(bool(r["overdraft"])),
                    _db_ts(r["first_purchase_at"]), _db_ts(r["last_visit_at"]),
                    r["home_store_id"], merged_into, created, now_db, cursor,
                )
            )  # fmt: skip
        self.s.flush()
        raw_insert(self.s, "member", MEMBER_COLUMNS, rows)
        self._write_ledger()

    def _as_served(self, r: dict[str, Any]) -> tuple[int, int]:
        """A member new to this till: the server's lots and balance, as SYNC entries."""
        lots = r["lots"]
        balance = int(r["balance"])
        remaining = [lot["remaining"] for lot in lots]
        extra = debt = 0
        consistent = balance >= 0 and sum(remaining) == balance
        if consistent:
            for left, lot in zip(remaining, lots, strict=True):
                if left < 0 or left > lot["points"]:
                    consistent = False
                    break
        if not consistent:  # the server's view needs settling first (debt, odd lots)
            plan = rebase(
                ServerView(balance, {lot["id"]: int(lot["remaining"]) for lot in lots}),
                [
                    LotState(lot["id"], _dt(lot["expires_at"]), int(lot["points"]), 0)  # type: ignore[arg-type]
                    for lot in lots
                ],
                Pending(),
            )
            remaining = [plan.remaining[lot["id"]] for lot in lots]
            extra, debt = plan.extra_lot_points, plan.debt
        running = 0
        member_id = r["id"]
        entries, new_lots, entry = self.entries, self.new_lots, self._entry
        for lot, left in zip(lots, remaining, strict=True):
            lot_id = lot["id"]
            earned = _db_ts(lot["earned_at"])
            entries.append(
                entry(
                    lot_id,
                    member_id,
                    left,
                    running,
                    lot["store_id"],
                    earned,
                    EARNED_ELSEWHERE,
                )
            )
            running += left
            new_lots.append(
                (lot_id, member_id, earned, _db_ts(lot["expires_at"]), lot["points"], left)
            )
        self._delta(member_id, balance - running, running, extra)
        return balance, debt

    def _delta(self, member_id: str, points: int, known_balance: int, extra: int) -> None:
        """One SYNC entry for what no lot explains; `extra` points fit in no lot and get one."""
        if points == 0 and extra <= 0:
            return
        delta_id = new_id()
        self.entries.append(
            self._entry(
                delta_id,
                member_id,
                points,
                known_balance,
                SERVER_STORE,
                self.now,
                "balance from the central server",
            )
        )
        if extra > 0:
            months = self.desk.rules_at(self.now).expiry.months
            expires = _db_ts(add_months_utc(self.now, months, self.desk.tz))
            self.new_lots.append((delta_id, member_id, self.now_db, expires, extra, extra))

    def _write_ledger(self) -> None:
        self.s.flush()
        raw_insert(self.s, "ledger_entry", ENTRY_COLUMNS, self.entries)
        raw_insert(self.s, "point_lot", LOT_COLUMNS, self.new_lots)
        self.entries = []
        self.new_lots = []

    def _pending_changes(self) -> dict[str, set[str]]:
        """Fields this till changed and the server has not seen yet: keep the local value."""
        out: dict[str, set[str]] = defaultdict(set)
        for payload in self.s.scalars(
            select(Outbox.payload).where(
                Outbox.kind == "member_updated", Outbox.device_seq > self.applied
            )
        ):
            data = json.loads(payload).get("data", {})
            out[str(data.get("member_id"))].update((data.get("changes") or {}).keys())
        return out

    def _update(self, member: Member, r: dict[str, Any], merged_into: str | None) -> None:
        if self._changes is None:
            self._changes = self._pending_changes()
        pending = self._changes.get(member.id, set())
        if "name" not in pending:
            member.name = r["name"]
        if "birthday" not in pending:
            member.birthday = date.fromisoformat(r["birthday"]) if r["birthday"] else None
        if merged_into is not None:
            member.merged_into = merged_into
            if member.phone != placeholder("m", member.id):
                member.phone = placeholder("m", member.id)
        elif "phone" not in pending and r["phone"] != member.phone:
            taken = self.s.scalar(select(Member.id).where(Member.phone == r["phone"]))
            if taken is None:
                member.phone = r["phone"]
                member.phone_suffix = r["phone"][-4:]
        member.online_only = bool(r["online_only"])
        member.overdraft = bool(r["overdraft"])
        member.referral_rewarded = member.referral_rewarded or bool(r["referral_rewarded"])
        first = _dt(r["first_purchase_at"])
        if first is not None and (
            member.first_purchase_at is None or first < member.first_purchase_at
        ):
            member.first_purchase_at = first
        visit = _dt(r["last_visit_at"])
        if visit is not None and (member.last_visit_at is None or visit > member.last_visit_at):
            member.last_visit_at = visit
        member.server_seq = self.cursor
        member.updated_at = self.now

    def _referrers(self, records: list[dict[str, Any]]) -> None:
        wanted = {r["id"]: r["referrer_id"] for r in records if r["referrer_id"]}
        if not wanted:
            return
        known = set(self._unique("id", list(set(wanted.values()))))
        for member_id, referrer_id in wanted.items():
            if referrer_id in known:
                self.s.execute(
                    update(Member)
                    .where(Member.id == member_id, Member.referrer_id.is_(None))
                    .values(referrer_id=referrer_id)
                )

    def _repoint(self, loser_id: str, winner_id: str) -> None:
        """The loser's local rows now belong to the winner (codes on cards still resolve
        through `merged_into`)."""
        s = self.s
        loser = s.get(Member, loser_id)
        winner = s.get(Member, winner_id)
        if loser is None or winner is None:
            return
        for model in (LedgerEntry, PointLot, Receipt, Redemption, Refund, TierChange, Coupon):
            s.execute(update(model).where(model.member_id == loser_id).values(member_id=winner_id))
        s.execute(
            update(Member).where(Member.referrer_id == loser_id).values(referrer_id=winner_id)
        )
        s.execute(
            update(Member).where(Member.merged_into == loser_id).values(merged_into=winner_id)
        )
        s.refresh(loser)
        s.refresh(winner)
        winner.balance += loser.balance
        winner.debt += loser.debt
        loser.balance = 0
        loser.debt = 0
        loser.merged_into = winner_id
        if loser.phone != placeholder("m", loser.id):
            loser.phone = placeholder("m", loser.id)
        s.flush()

    # -- balances ------------------------------------------------------------------------

    def _rebase(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        s = self.s
        ids = [r["id"] for r in records]
        members = self._local(ids)
        pending_points: dict[str, int] = defaultdict(int)
        pending_ids: dict[str, str] = {}
        lots: dict[str, list[PointLot]] = defaultdict(list)
        for part in _chunks(ids):
            for entry_id, member_id, points in s.execute(
                select(LedgerEntry.id, LedgerEntry.member_id, LedgerEntry.points).where(
                    LedgerEntry.member_id.in_(part),
                    LedgerEntry.device_seq > self.applied,
                    LedgerEntry.kind != Kind.SYNC.value,
                )
            ):
                pending_points[member_id] += points
                pending_ids[entry_id] = member_id
            for lot in s.scalars(select(PointLot).where(PointLot.member_id.in_(part))):
                lots[lot.member_id].append(lot)
        moves: dict[str, int] = defaultdict(int)
        for part in _chunks(list(pending_ids)):
            for lot_id, points in s.execute(
                select(LotMovement.lot_id, func.sum(LotMovement.points))
                .where(LotMovement.entry_id.in_(part))
                .group_by(LotMovement.lot_id)
            ):
                moves[lot_id] += int(points)
        server_lot_ids = [lot["id"] for r in records for lot in r["lots"]]
        have_lot = {lot.id for group in lots.values() for lot in group}
        unseen = [i for i in server_lot_ids if i not in have_lot]
        existing_entries = set(self._ids(LedgerEntry, unseen))
        entries = self.entries
        new_lots = self.new_lots
        for r in records:
            member = members[r["id"]]
            mine = lots.get(member.id, [])
            mine_ids = {lot.id for lot in mine}
            anchors = [lot for lot in r["lots"] if lot["id"] not in mine_ids]
            states = [LotState(lot.id, lot.expires_at, lot.points, lot.remaining) for lot in mine]
            states += [
                LotState(a["id"], _dt(a["expires_at"]), int(a["points"]), 0)  # type: ignore[arg-type]
                for a in anchors
            ]
            plan = rebase(
                ServerView(
                    int(r["balance"]), {lot["id"]: int(lot["remaining"]) for lot in r["lots"]}
                ),
                states,
                Pending(
                    points=pending_points.get(member.id, 0),
                    moves={lot.id: moves[lot.id] for lot in mine if lot.id in moves},
                    lots=frozenset(lot.id for lot in mine if lot.id in pending_ids),
                ),
            )
            for lot in mine:
                if lot.remaining != plan.remaining[lot.id]:
                    lot.remaining = plan.remaining[lot.id]
            anchored = 0
            for a in anchors:
                left = plan.remaining[a["id"]]
                if a["id"] not in existing_entries:
                    entries.append(
                        self._entry(
                            a["id"],
                            member.id,
                            left,
                            member.balance + anchored,
                            a["store_id"],
                            _db_ts(a["earned_at"]),
                            EARNED_ELSEWHERE,
                        )
                    )
                    anchored += left
                new_lots.append(
                    (
                        a["id"],
                        member.id,
                        _db_ts(a["earned_at"]),
                        _db_ts(a["expires_at"]),
                        int(a["points"]),
                        left,
                    )
                )
            self._delta(
                member.id,
                plan.balance - member.balance - anchored,
                member.balance + anchored,
                plan.extra_lot_points,
            )
            member.balance = plan.balance
            member.debt = plan.debt
            member.updated_at = self.now
        self._write_ledger()

    def _ids(self, model: Any, ids: list[str]) -> list[str]:
        found: list[str] = []
        for part in _chunks(ids):
            found += list(self.s.scalars(select(model.id).where(model.id.in_(part))))
        return found

    def _entry(
        self,
        entry_id: str,
        member_id: str,
        points: int,
        known_balance: int,
        store_id: str,
        at: datetime | str | None,
        reason: str,
    ) -> tuple[Any, ...]:
        """A SYNC ledger row in ENTRY_COLUMNS order."""
        occurred = at if isinstance(at, str) else (_db(at) if at else self.now_db)
        return (
            entry_id, member_id, store_id, self.device_id, self.anchor.device_seq,
            self.anchor.event_id, SYNC_KIND, points, None, None, self.rule_version, None,
            occurred, self.now_db, None, 0, known_balance, "acked", reason, None,
        )  # fmt: skip
