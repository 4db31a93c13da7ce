"""What flows down from the chain (rules, coupons, keys) and what every till may do (expiry)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from loyalty_desk.domain.ids import new_id
from loyalty_desk.server import admin
from loyalty_desk.services import checkout, maintenance, members
from loyalty_desk.services.desk import Desk, read_setting
from loyalty_desk.services.events import Event, iso
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Coupon, LedgerEntry
from tests.helpers import check_invariants
from tests.sync.chain import Chain, assert_converged, server_member, till_balance


def test_a_published_rule_version_applies_from_its_effective_date(chain: Chain) -> None:
    a = chain.till("a", "S001")
    m = unwrap(members.enroll(a, "13812345678", "Rule"))
    unwrap(checkout.earn(a, m.code, "R-0", 10_000))  # first purchase
    effective = chain.clock() + timedelta(days=2)
    admin.publish_rules(
        chain.db, {"earning": {"fen_per_point": 50}}, effective, chain.clock()
    )  # 2 points per yuan
    summary = chain.sync("a")
    assert summary.rules == 1
    assert unwrap(checkout.earn(a, m.code, "R-1", 10_000)).points_awarded == 100
    chain.clock.advance(days=3)
    assert unwrap(checkout.earn(a, m.code, "R-2", 10_000)).points_awarded == 200
    with a.read() as s:
        versions = dict(
            s.execute(
                select(LedgerEntry.receipt_no, LedgerEntry.rule_version).where(
                    LedgerEntry.kind == "EARN"
                )
            ).all()
        )
    assert versions == {"R-0": 1, "R-1": 1, "R-2": 2}
    b = chain.till("b", "S002")  # a till registered later gets every version too
    chain.sync("b")
    assert (
        b.rules_at(chain.clock()).version == 2 and b.rules_at(effective).earning.fen_per_point == 50
    )
    assert_converged(chain)


def test_coupon_keys_reach_every_till(chain: Chain) -> None:
    a = chain.till("a", "S001")
    chain.sync("a")
    with a.read() as s:
        keys = read_setting(s, "coupon_keys")
    assert isinstance(keys, dict) and len(keys["k1"]) == 64


def test_two_tills_expiring_the_same_lot_take_it_once(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Expiry"))
    unwrap(checkout.earn(a, m.code, "E-1", 20_000))  # 1000, expires in 12 months
    chain.clock.advance(days=30)
    unwrap(checkout.earn(a, m.code, "E-2", 30_000))  # 300, expires a month later
    chain.sync_all()
    chain.clock.advance(days=320)  # tokens run out within 30 days: syncing renews them
    chain.sync_all()
    chain.clock.advance(days=30)  # E-1 is past its date, E-2 not yet
    for desk in (a, b):
        result = unwrap(maintenance.expire(desk))
        assert result.points == 1000
    chain.sync_all()
    assert server_member(chain.service, m.id)["points"] == 300
    for desk in (a, b):
        assert till_balance(desk, m.id) == (300, 0)
        check_invariants(desk)
    assert_converged(chain)


# -- coupons: what the coupons area's use cases write, reduced to the events -------------


def issue_coupon(desk: Desk, member_id: str) -> str:
    now = desk.now()
    code = "C" + new_id().replace("-", "")[:20]
    record: dict[str, Any] = {
        "code": code,
        "member_id": member_id,
        "kind": "new_member",
        "min_spend_fen": 10_000,
        "value_fen": 2_000,
        "valid_from": iso(now),
        "valid_until": iso(now + timedelta(days=30)),
        "issued_at": iso(now),
        "issued_store_id": desk.info.store_id,
        "rule_version": 1,
    }
    with desk.write() as s:
        s.add(
            Coupon(
                code=code,
                member_id=member_id,
                kind="new_member",
                min_spend_fen=10_000,
                value_fen=2_000,
                valid_from=now,
                valid_until=now + timedelta(days=30),
                status="issued",
                issued_at=now,
                issued_store_id=desk.info.store_id,
                rule_version=1,
            )
        )
        event = Event(s, "coupon_issued", now, desk.info.store_id, desk.info.device_id)
        event.data = {"coupon": record}
        event.seal()
    return code


def use_coupon(desk: Desk, code: str, receipt: str) -> None:
    now = desk.now()
    with desk.write() as s:
        coupon = s.get(Coupon, code)
        assert coupon is not None and coupon.status == "issued"
        coupon.status = "redeemed"
        coupon.redeemed_at = now
        coupon.redeemed_receipt = receipt
        coupon.redeemed_store_id = desk.info.store_id
        event = Event(s, "coupon_redeemed", now, desk.info.store_id, desk.info.device_id)
        event.data = {
            "code": code,
            "receipt_no": receipt,
            "amount_fen": 15_000,
            "member_id": coupon.member_id,
        }
        event.seal()


def test_a_coupon_issued_in_one_store_is_redeemed_in_another(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Coupon"))
    code = issue_coupon(a, m.id)
    chain.sync("a")
    summary = chain.sync("b")
    assert summary.coupons == 1
    with b.read() as s:
        coupon = s.get(Coupon, code)
        assert coupon is not None and coupon.status == "issued" and coupon.member_id == m.id
        assert coupon.valid_until > datetime.now(UTC) - timedelta(days=3650)
    use_coupon(b, code, "B-1")
    chain.sync_all()
    with a.read() as s:
        coupon = s.get(Coupon, code)
        assert coupon is not None
        assert (coupon.status, coupon.redeemed_store_id, coupon.redeemed_receipt) == (
            "redeemed",
            "S002",
            "B-1",
        )
    assert admin.list_cases(chain.db) == []


def test_a_coupon_redeemed_twice_offline_is_accepted_twice_and_opens_a_case(
    chain: Chain,
) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Coupon"))
    code = issue_coupon(a, m.id)
    chain.sync_all()
    chain.offline("a", "b")
    use_coupon(a, code, "A-1")
    use_coupon(b, code, "B-1")
    chain.online("a", "b")
    first = chain.sync("a")
    second = chain.sync("b")
    assert first.rejected == second.rejected == 0  # the goods left both stores
    assert second.conflicts == 1
    cases = admin.list_cases(chain.db)
    assert [c["kind"] for c in cases] == ["coupon_double_redeemed"]
    assert cases[0]["detail"]["first_store_id"] == "S001"
    assert cases[0]["detail"]["store_id"] == "S002"
    assert_converged(chain)


def test_a_token_close_to_its_end_is_renewed_by_syncing(chain: Chain) -> None:
    from loyalty_desk.store.models import SyncState

    a = chain.till("a", "S001")
    with a.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.token_expires_at is not None
        old_token, old_end = state.device_token, state.token_expires_at
    chain.clock.advance(days=300)
    chain.sync("a")
    with a.read() as s:
        assert s.get(SyncState, 1).device_token == old_token  # type: ignore[union-attr]
    chain.clock.advance(days=40)
    chain.sync("a")
    with a.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.device_token != old_token
        assert state.token_expires_at is not None and state.token_expires_at > old_end
    chain.clock.advance(days=30)  # the old token's end has passed: the new one works
    chain.sync("a")
