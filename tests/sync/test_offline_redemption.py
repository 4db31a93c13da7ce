"""Spending points offline: bounded at the till, reconciled on the server (DESIGN §4)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.server import admin
from loyalty_desk.server import models as sm
from loyalty_desk.services import checkout, members, redeem_guard
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import LedgerEntry
from tests.helpers import check_invariants, db_fingerprint
from tests.sync.chain import Chain, check_server_books, server_member, till_balance


def member_with_1000(chain: Chain, home: Desk) -> str:
    m = unwrap(members.enroll(home, "13812345678", "Chen"))
    unwrap(checkout.earn(home, m.code, "H-1", 20_000))  # first purchase: 1000 points
    chain.sync_all()
    return m.code


def test_double_spend_offline_in_two_stores(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    code = member_with_1000(chain, a)
    member_id = unwrap(members.show(a, code)).id
    assert till_balance(b, member_id) == (1000, 0)
    chain.offline("a", "b")
    ra = unwrap(checkout.redeem(a, code, "A-800", 800, 200_000))
    rb = unwrap(checkout.redeem(b, code, "B-800", 800, 200_000))
    assert ra.member.balance == rb.member.balance == 200  # each till only knew its own
    chain.online("a", "b")
    sa = chain.sync("a")
    sb = chain.sync("b")
    assert sa.conflicts == 0 and sb.conflicts == 1  # the second one overdrew
    chain.sync_all()
    server = server_member(chain.service, member_id)
    assert server["debt"] == 600 and server["points"] == 0
    assert server["online_only"] and server["overdraft"]
    cases = admin.list_cases(chain.db)
    assert [c["kind"] for c in cases] == ["overdraft"]
    assert cases[0]["detail"]["shortfall"] == 600 and cases[0]["store_id"] == "S002"
    for desk in (a, b):
        view = unwrap(members.show(desk, code))
        assert (view.balance, view.debt, view.online_only) == (-600, 600, True)
        assert "online_only" in view.flags and "overdraft" in view.flags
        check_invariants(desk)
    # Online-only everywhere: offline spending is refused and changes nothing ...
    chain.offline("a")
    # ¥1,000 is a big ticket: 2,000 points, of which 600 repay the overdraft first.
    unwrap(checkout.earn(a, code, "A-2", 100_000))
    assert till_balance(a, member_id) == (1400, 0)
    before = db_fingerprint(a)
    refused = checkout.redeem(a, code, "A-3", 100, 100_000)
    assert isinstance(refused, Refusal) and refused.code is Code.ONLINE_ONLY
    assert db_fingerprint(a) == before
    chain.online("a")
    chain.sync_all()
    server = server_member(chain.service, member_id)
    assert (server["debt"], server["points"]) == (0, 1400)
    with chain.db.read() as conn:
        repaid = conn.execute(
            select(sm.Transfer.points).where(sm.Transfer.target == f"overdraft:{member_id}")
        ).scalar_one()
    assert repaid == 600
    for desk in (a, b):
        assert till_balance(desk, member_id) == (1400, 0)
        check_invariants(desk)
    # Online, the member may spend again: a server hold checks the points are there.
    r = unwrap(checkout.redeem(b, code, "B-2", 1400, 300_000))
    assert r.member.balance == 0
    # The debt is repaid: the manager closes the case and offline spending is allowed again.
    admin.close_case(chain.db, cases[0]["id"], "repaid by later purchases", chain.clock())
    assert admin.list_cases(chain.db) == []
    chain.sync_all()
    for desk in (a, b):
        view = unwrap(members.show(desk, code))
        assert not view.online_only and not view.overdraft
    check_server_books(chain.service)


def test_online_hold_stops_two_stores_spending_the_same_points(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    code = member_with_1000(chain, a)
    unwrap(checkout.redeem(a, code, "A-1", 800, 200_000))  # held on the server, not pushed
    before = db_fingerprint(b)
    refused = checkout.redeem(b, code, "B-1", 800, 200_000)
    assert isinstance(refused, Refusal) and refused.code is Code.INSUFFICIENT_POINTS
    assert refused.details["balance"] == 200 and refused.details["source"] == "server"
    assert db_fingerprint(b) == before
    unwrap(checkout.redeem(b, code, "B-2", 200, 200_000))
    chain.sync_all()
    with chain.db.read() as conn:
        holds = list(conn.execute(select(sm.Hold.status)).scalars())
    assert sorted(holds) == ["consumed", "consumed"]
    with a.read() as s:
        redeem = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "REDEEM")).one()
        assert redeem.offline is False  # confirmed by the server
    assert admin.list_cases(chain.db) == []
    assert server_member(chain.service, unwrap(members.show(a, code)).id)["points"] == 0


def test_a_hold_is_released_when_the_sale_does_not_happen(chain: Chain) -> None:
    a = chain.till("a", "S001")
    code = member_with_1000(chain, a)
    auth = redeem_guard.authorize(a, code, "A-1", 500, 100_000, chain.clock())
    assert auth.hold_id is not None and not auth.offline
    auth.release(a)
    with chain.db.read() as conn:
        assert conn.execute(select(sm.Hold.status)).scalar_one() == "released"
    unwrap(checkout.redeem(a, code, "A-2", 1000, 200_000))  # all points free again


def test_offline_limits(chain: Chain) -> None:
    a = chain.till("a", "S001")
    m = unwrap(members.enroll(a, "13812345678", "Zhou"))
    for i in range(4):
        unwrap(checkout.earn(a, m.code, f"E-{i}", 500_000))  # plenty of points
    chain.sync("a")
    chain.offline("a")

    def refused(receipt: str, points: int, code: Code) -> None:
        before = db_fingerprint(a)
        result = checkout.redeem(a, m.code, receipt, points, 1_000_000)
        assert isinstance(result, Refusal) and result.code is code, result
        assert db_fingerprint(a) == before

    refused("X-1", 2_100, Code.OFFLINE_LIMIT)  # over the 2,000 a day cap
    unwrap(checkout.redeem(a, m.code, "X-2", 1_000, 1_000_000))
    refused("X-3", 1_100, Code.OFFLINE_LIMIT)  # 1,000 left today
    unwrap(checkout.redeem(a, m.code, "X-4", 500, 1_000_000))
    unwrap(checkout.redeem(a, m.code, "X-5", 100, 1_000_000))
    refused("X-6", 100, Code.OFFLINE_LIMIT)  # 3 offline redemptions not yet confirmed
    chain.clock.advance(hours=15)  # past midnight in Shanghai: a new day, a new cap
    refused("X-7", 100, Code.OFFLINE_LIMIT)  # but still 3 unconfirmed
    chain.online("a")
    chain.sync("a")  # the server confirms them
    chain.offline("a")
    unwrap(checkout.redeem(a, m.code, "X-8", 100, 1_000_000))
    chain.clock.advance(hours=24, minutes=1)  # the last sync is now over 24 hours old
    refused("X-9", 100, Code.SYNC_TOO_OLD)
    with a.read() as s:
        offline = s.scalars(select(LedgerEntry.offline).where(LedgerEntry.kind == "REDEEM")).all()
    assert offline == [True, True, True, True]
    check_invariants(a)


def test_sync_age_uses_the_server_clock(chain: Chain) -> None:
    a = chain.till("a", "S001")
    m = unwrap(members.enroll(a, "13812345678", "Zhou"))
    unwrap(checkout.earn(a, m.code, "E-1", 500_000))
    chain.sync("a")
    chain.offline("a")
    # The till's own clock jumps back a day: the server-clock age still counts.
    chain.service.clock = lambda: chain.clock() + timedelta(hours=30)
    chain.online("a")
    chain.sync("a")
    chain.offline("a")
    chain.clock.advance(hours=1)
    unwrap(checkout.redeem(a, m.code, "X-1", 100, 1_000_000))
    chain.clock.advance(hours=23)
    result = checkout.redeem(a, m.code, "X-2", 100, 1_000_000)
    assert isinstance(result, Refusal) and result.code is Code.SYNC_TOO_OLD
