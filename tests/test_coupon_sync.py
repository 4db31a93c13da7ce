"""Coupons across stores: a coupon issued in one store is used in another once it arrived,
and a coupon used in two stores while both were offline is caught at sync as a conflict.

`Relay` stands in for the central server of the sync area (DESIGN §4): it takes each
till's outbox events in device_seq order (push), keeps the chain's copy of every coupon
(the first redemption it hears of wins, a later one is recorded as a conflict case), and
sends the coupons down again (pull) through the till's `apply_pulled_coupon`. Once the sync
branch is merged, the same scenarios run against its server by swapping `Relay` for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from loyalty_desk.domain.coupons import Status
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import coupons, members
from loyalty_desk.services.coupon_keys import install_chain_keys
from loyalty_desk.services.coupon_restore import restore_used_on
from loyalty_desk.services.coupon_sync import Applied, apply_pulled_coupon
from loyalty_desk.services.coupon_views import coupon_record
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Coupon, Member, Outbox
from tests.conftest import FakeClock
from tests.helpers import check_invariants, db_fingerprint

CHAIN_KEY = {"01": "5a" * 32}


class Relay:
    def __init__(self) -> None:
        self.coupons: dict[str, dict[str, Any]] = {}
        self.members: dict[str, dict[str, Any]] = {}
        self.conflicts: list[dict[str, Any]] = []

    def push(self, desk: Desk) -> None:
        with desk.write() as s:
            pending = s.scalars(
                select(Outbox).where(Outbox.acked_at.is_(None)).order_by(Outbox.device_seq)
            )
            for row in pending:
                self._take(json.loads(row.payload), s)
                row.acked_at = desk.now()

    def _take(self, event: dict[str, Any], s: Any) -> None:
        data = event["data"]
        if event["kind"] == "member_enrolled":
            member = s.get(Member, data["member"]["id"])
            self.members[member.id] = {c.name: getattr(member, c.name) for c in Member.__table__.c}
        elif event["kind"] == "coupon_issued":
            self.coupons[data["coupon"]["code"]] = dict(data["coupon"])
        elif event["kind"] == "coupon_redeemed":
            chain = self.coupons[data["code"]]
            if chain["status"] == "redeemed":
                self.conflicts.append({"code": data["code"], "store": event["store_id"], **data})
                return
            chain.update(
                status="redeemed",
                redeemed_at=event["created_at"],
                redeemed_receipt=data["receipt_no"],
                redeemed_store_id=event["store_id"],
            )
        elif event["kind"] == "coupon_restored":
            chain = self.coupons[data["code"]]
            if chain["redeemed_receipt"] == data["receipt_no"]:
                chain.update(
                    status="issued", redeemed_at=None, redeemed_receipt=None, redeemed_store_id=None
                )

    def pull(self, desk: Desk) -> list[Applied]:
        with desk.write() as s:
            install_chain_keys(s, CHAIN_KEY)
            for record in self.members.values():
                if s.get(Member, record["id"]) is None:
                    s.add(Member(**record))
            s.flush()
            return [apply_pulled_coupon(s, record) for record in self.coupons.values()]


def open_store(root: Path, store_id: str, clock: FakeClock) -> Desk:
    unwrap(init_store(root / store_id, store_id, f"Store {store_id}", clock=clock))
    desk = unwrap(Desk.open(root / store_id, clock=clock))
    with desk.write() as s:
        install_chain_keys(s, CHAIN_KEY)
    return desk


@pytest.fixture
def stores(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Desk, Desk, Desk]]:
    opened = tuple(open_store(tmp_path, name, clock) for name in ("S001", "S002", "S003"))
    yield opened  # type: ignore[misc]
    for desk in opened:
        desk.close()


def test_a_coupon_from_another_store_is_taken_once_it_has_arrived(
    stores: tuple[Desk, Desk, Desk],
) -> None:
    a, b, _ = stores
    relay = Relay()
    member = unwrap(members.enroll(a, "13812345678", "Li")).code
    (welcome,) = unwrap(coupons.list_for_member(a, member))
    assert welcome.code[1:3] == "01"  # signed with the chain key
    too_early = coupons.redeem(b, welcome.code, "B-1", 10_000)
    assert isinstance(too_early, Refusal) and too_early.code is Code.UNKNOWN_COUPON
    relay.push(a)
    assert relay.pull(b) == [Applied.INSERTED]
    assert relay.pull(b) == [Applied.UNCHANGED]
    used = unwrap(coupons.redeem(b, welcome.code, "B-1", 10_000, member))
    assert used.discount_fen == 2_000 and used.coupon.issued_store_id == "S001"
    relay.push(b)
    relay.pull(a)
    seen_at_a = unwrap(coupons.show(a, welcome.code))
    assert (seen_at_a.status, seen_at_a.redeemed_store_id) == (Status.REDEEMED, "S002")
    again = coupons.redeem(a, welcome.code, "A-9", 10_000, member)
    assert isinstance(again, Refusal) and again.code is Code.COUPON_ALREADY_USED
    assert "S002" in again.message
    for desk in (a, b):
        check_invariants(desk)


def test_double_use_while_offline_is_a_conflict_not_a_silent_drop(
    stores: tuple[Desk, Desk, Desk], clock: FakeClock
) -> None:
    a, b, c = stores
    relay = Relay()
    member = unwrap(members.enroll(a, "13812345678", "Li")).code
    (coupon,) = unwrap(coupons.list_for_member(a, member))
    relay.push(a)
    relay.pull(b)
    relay.pull(c)
    # Both stores are offline: each takes the coupon, neither can know of the other.
    unwrap(coupons.redeem(a, coupon.code, "A-1", 15_000, member))
    clock.advance(minutes=10)
    unwrap(coupons.redeem(b, coupon.code, "B-1", 16_000, member))
    # Single use holds at once on each till.
    for desk, receipt in ((a, "A-2"), (b, "B-2")):
        refused = coupons.redeem(desk, coupon.code, receipt, 15_000, member)
        assert isinstance(refused, Refusal) and refused.code is Code.COUPON_ALREADY_USED
    relay.push(a)
    relay.push(b)
    assert relay.conflicts == [
        {
            "code": coupon.code,
            "store": "S002",
            "receipt_no": "B-1",
            "amount_fen": 16_000,
            "discount_fen": 2_000,
            "member_id": relay.conflicts[0]["member_id"],
            "cashier_id": None,
        }
    ]
    before = db_fingerprint(b)
    assert relay.pull(b) == [Applied.CONFLICT]
    assert db_fingerprint(b) == before  # B keeps the record of its own receipt
    kept = unwrap(coupons.show(b, coupon.code))
    assert (kept.redeemed_store_id, kept.redeemed_receipt) == ("S002", "B-1")
    assert relay.pull(a) == [Applied.UNCHANGED]
    assert relay.pull(c) == [Applied.UPDATED]
    third = coupons.redeem(c, coupon.code, "C-1", 15_000, member)
    assert isinstance(third, Refusal) and third.code is Code.COUPON_ALREADY_USED


def test_a_pull_never_overwrites_a_change_still_on_its_way(
    stores: tuple[Desk, Desk, Desk],
) -> None:
    a, b, _ = stores
    relay = Relay()
    member = unwrap(members.enroll(a, "13812345678", "Li")).code
    (coupon,) = unwrap(coupons.list_for_member(a, member))
    relay.push(a)
    relay.pull(b)
    unwrap(coupons.redeem(b, coupon.code, "B-1", 10_000, member))
    # A pull before B's push (the server still says "issued") keeps B's redemption.
    assert relay.pull(b) == [Applied.KEPT_LOCAL]
    assert unwrap(coupons.show(b, coupon.code)).status is Status.REDEEMED
    relay.push(b)
    assert relay.pull(b) == [Applied.UNCHANGED]
    # The redemption is refunded at B: the coupon comes back everywhere.
    with b.write() as s:
        assert restore_used_on(s, b, "B-1", b.now(), approved_by=None) == [coupon.code]
    relay.push(b)
    relay.pull(a)
    assert unwrap(coupons.show(a, coupon.code)).status is Status.ISSUED


def test_a_coupon_waits_for_its_member(stores: tuple[Desk, Desk, Desk]) -> None:
    a, b, _ = stores
    member = unwrap(members.enroll(a, "13812345678", "Li")).code
    (coupon,) = unwrap(coupons.list_for_member(a, member))
    with a.read() as s:
        record = coupon_record(s.get(Coupon, coupon.code))  # type: ignore[arg-type]
    with b.write() as s:
        assert apply_pulled_coupon(s, record) is Applied.MISSING_MEMBER
        assert s.get(Coupon, coupon.code) is None


def test_a_coupon_valid_later_is_refused_until_its_day(stores: tuple[Desk, Desk, Desk]) -> None:
    a, b, _ = stores
    relay = Relay()
    member = unwrap(members.enroll(a, "13812345678", "Li")).code
    relay.push(a)
    (record,) = relay.coupons.values()
    start = a.now() + timedelta(days=2)
    record["valid_from"] = start.isoformat()
    relay.pull(b)
    early = coupons.redeem(b, record["code"], "B-1", 10_000, member)
    assert isinstance(early, Refusal) and early.code is Code.COUPON_NOT_YET_VALID


def test_the_servers_coupon_shape_is_taken_too(stores: tuple[Desk, Desk, Desk]) -> None:
    """A pull entry may carry the issuing till's record next to the server's status."""
    a, b, _ = stores
    relay = Relay()
    member = unwrap(members.enroll(a, "13812345678", "Li")).code
    (coupon,) = unwrap(coupons.list_for_member(a, member))
    relay.push(a)
    relay.pull(b)  # the member (and the coupon, flat)
    with a.read() as s:
        issued = coupon_record(s.get(Coupon, coupon.code))  # type: ignore[arg-type]
    redeemed_elsewhere = {
        "code": coupon.code,
        "member_id": issued["member_id"],
        "status": "redeemed",
        "record": issued,
        "redeemed_at": a.now().isoformat(),
        "redeemed_receipt": "A-1",
        "redeemed_store_id": "S001",
    }
    with b.write() as s:
        assert apply_pulled_coupon(s, redeemed_elsewhere) is Applied.UPDATED
        assert apply_pulled_coupon(s, redeemed_elsewhere) is Applied.UNCHANGED
    refused = coupons.redeem(b, coupon.code, "B-1", 10_000, member)
    assert isinstance(refused, Refusal) and refused.code is Code.COUPON_ALREADY_USED
    check_invariants(b)
