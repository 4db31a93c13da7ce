"""Members, balances and merges travel between stores through the server."""

from __future__ import annotations

from loyalty_desk.services import checkout, members
from loyalty_desk.services.usecase import unwrap
from tests.helpers import check_invariants
from tests.sync.chain import Chain, check_server_books, server_member, till_balance


def test_member_enrolled_in_one_store_appears_in_another_with_its_balance(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Zhang San"))
    unwrap(checkout.earn(a, m.code, "A-1", 20_000))  # first purchase: 200 × 5 = 1000
    summary = chain.sync("a")
    assert summary.acked >= 2 and summary.rejected == 0 and summary.consistent
    chain.sync("b")
    seen = unwrap(members.show(b, m.code))
    assert seen.balance == 1000 and seen.name == "Zhang San"
    assert unwrap(members.show(b, "13812345678")).code == m.code
    assert server_member(chain.service, m.id)["points"] == 1000
    for desk in (a, b):
        check_invariants(desk)
    check_server_books(chain.service)


def test_spending_in_another_store_reaches_the_home_store(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Li Si"))
    unwrap(checkout.earn(a, m.code, "A-1", 20_000))  # 1000
    chain.sync("a")
    chain.sync("b")
    r = unwrap(checkout.redeem(b, m.code, "B-1", 300, 100_000))
    assert r.member.balance == 700
    unwrap(checkout.earn(b, m.code, "B-2", 5_000))  # +50 at B
    chain.sync("b")
    chain.sync("a")
    assert till_balance(a, m.id) == (750, 0)
    assert till_balance(b, m.id) == (750, 0)
    assert server_member(chain.service, m.id)["points"] == 750
    # The home store spends the points earned at B without knowing B's receipt.
    unwrap(checkout.redeem(a, m.code, "A-2", 700, 200_000))
    chain.sync_all()
    assert till_balance(a, m.id) == till_balance(b, m.id) == (50, 0)
    for desk in (a, b):
        check_invariants(desk)
    check_server_books(chain.service)


def test_same_phone_enrolled_offline_in_two_stores_is_merged_earlier_wins(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    first = unwrap(members.enroll(a, "13912345678", "Wang"))
    unwrap(checkout.earn(a, first.code, "A-1", 10_000))  # 500
    chain.clock.advance(minutes=5)
    second = unwrap(members.enroll(b, "13912345678", "Wang W."))
    unwrap(checkout.earn(b, second.code, "B-1", 10_000))  # 500 (first purchase at B too)
    chain.sync("b")  # the later enrolment reaches the server first
    summary = chain.sync("a")
    assert summary.acked >= 2
    chain.sync_all()
    loser = server_member(chain.service, second.id)
    assert loser["merged_into"] == first.id and loser["points"] == 0
    assert server_member(chain.service, first.id)["points"] == 1000
    for desk in (a, b):
        assert till_balance(desk, first.id) == (1000, 0)
        # The loser's card still works: it leads to the surviving member.
        assert unwrap(members.show(desk, second.code)).code == first.code
        assert unwrap(members.show(desk, "13912345678")).code == first.code
        check_invariants(desk)
    check_server_books(chain.service)
