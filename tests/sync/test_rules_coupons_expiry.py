"""What flows down from the chain (rules, coupons, keys) and what every till may do (expiry)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from loyalty_desk.domain.coupons import Status
from loyalty_desk.server import admin
from loyalty_desk.services import checkout, coupons, maintenance, members, staff
from loyalty_desk.services.desk import read_setting
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import LedgerEntry
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
    assert isinstance(keys, dict) and len(keys["01"]) == 64


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


# -- coupons ----------------------------------------------------------------------------


def test_a_coupon_issued_in_one_store_is_redeemed_in_another(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Coupon"))
    (welcome,) = unwrap(coupons.list_for_member(a, m.code))  # 满100减20 for a new member
    chain.sync("a")
    summary = chain.sync("b")
    assert summary.coupons == 1
    assert welcome.code[1:3] == "01"  # signed with the chain's key
    used = unwrap(coupons.redeem(b, welcome.code, "B-1", 15_000, m.code))
    assert used.discount_fen == 2_000
    chain.sync_all()
    seen = unwrap(coupons.show(a, welcome.code))
    assert (seen.status, seen.redeemed_store_id, seen.redeemed_receipt) == (
        Status.REDEEMED,
        "S002",
        "B-1",
    )
    assert admin.list_cases(chain.db) == []
    assert_converged(chain)


def test_a_coupon_redeemed_twice_offline_is_accepted_twice_and_opens_a_case(
    chain: Chain,
) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Coupon"))
    (welcome,) = unwrap(coupons.list_for_member(a, m.code))
    chain.sync_all()
    chain.offline("a", "b")
    unwrap(coupons.redeem(a, welcome.code, "A-1", 15_000, m.code))
    unwrap(coupons.redeem(b, welcome.code, "B-1", 16_000, m.code))
    chain.online("a", "b")
    first = chain.sync("a")
    second = chain.sync("b")
    assert first.rejected == second.rejected == 0  # the goods left both stores
    assert second.conflicts == 1
    cases = admin.list_cases(chain.db)
    assert [c["kind"] for c in cases] == ["coupon_double_redeemed"]
    assert cases[0]["detail"]["first_store_id"] == "S001"
    assert cases[0]["detail"]["store_id"] == "S002"
    kept = unwrap(coupons.show(b, welcome.code))  # B keeps the record of its own receipt
    assert (kept.redeemed_store_id, kept.redeemed_receipt) == ("S002", "B-1")
    assert_converged(chain)


def test_a_points_voucher_bought_in_one_store_and_voided_gives_the_points_back(
    chain: Chain,
) -> None:
    a = chain.till("a", "S001")
    unwrap(staff.add_staff(a, "Boss", "manager", "2468"))
    m = unwrap(members.enroll(a, "13812345678", "Voucher"))
    unwrap(checkout.earn(a, m.code, "E-1", 20_000))  # 1000
    bought = unwrap(coupons.exchange_points(a, m.code, 500))
    chain.sync("a")
    assert server_member(chain.service, m.id)["points"] == 500
    unwrap(coupons.void(a, bought.coupon.code, "customer changed mind", manager_pin="2468"))
    chain.sync("a")
    assert server_member(chain.service, m.id)["points"] == 1000
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
