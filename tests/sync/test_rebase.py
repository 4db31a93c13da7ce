"""The till's fold of a server snapshot and its own pending events (domain/rebase.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_desk.domain.errors import Code
from loyalty_desk.domain.offline import OfflineSituation, check_offline_redemption
from loyalty_desk.domain.rebase import LotState, Pending, RebasePlan, ServerView, rebase
from loyalty_desk.domain.rules import OfflineRules

T0 = datetime(2026, 1, 1, tzinfo=UTC)


@st.composite
def situations(draw: st.DrawFn) -> tuple[ServerView, list[LotState], Pending]:
    n = draw(st.integers(0, 6))
    lots = []
    server: dict[str, int] = {}
    moves: dict[str, int] = {}
    pending_lots: set[str] = set()
    for i in range(n):
        size = draw(st.integers(1, 1000))
        lot_id = f"lot{i}"
        lots.append(
            LotState(
                lot_id,
                T0 + timedelta(days=draw(st.integers(0, 400))),
                size,
                draw(st.integers(0, size)),
            )
        )
        if draw(st.booleans()):
            server[lot_id] = draw(st.integers(0, size))
        if draw(st.booleans()):
            moves[lot_id] = draw(st.integers(-size, size))
        if draw(st.integers(0, 4)) == 0:
            pending_lots.add(lot_id)
    debt = draw(st.integers(0, 500)) if not any(server.values()) else 0
    view = ServerView(sum(server.values()) - debt, server)
    pending = Pending(draw(st.integers(-2000, 2000)), moves, frozenset(pending_lots))
    return view, lots, pending


def check(plan: RebasePlan, view: ServerView, lots: list[LotState], pending: Pending) -> None:
    assert plan.balance == view.balance + pending.points
    assert plan.debt >= 0 and plan.extra_lot_points >= 0
    assert sum(plan.remaining.values()) + plan.extra_lot_points - plan.debt == plan.balance
    for lot in lots:
        assert 0 <= plan.remaining[lot.lot_id] <= lot.points
    if plan.debt > 0:
        assert sum(plan.remaining.values()) == 0 and plan.extra_lot_points == 0


@settings(max_examples=400, deadline=None)
@given(situations())
def test_the_fold_keeps_the_tills_invariant(
    case: tuple[ServerView, list[LotState], Pending],
) -> None:
    view, lots, pending = case
    check(rebase(view, lots, pending), view, lots, pending)


def test_nothing_pending_means_the_servers_lots_as_they_are() -> None:
    lots = [LotState("a", T0, 500, 500), LotState("b", T0 + timedelta(days=30), 300, 300)]
    plan = rebase(ServerView(350, {"a": 50, "b": 300}), lots, Pending())
    assert plan == RebasePlan(350, 0, {"a": 50, "b": 300}, 0)


def test_a_pending_spend_on_a_lot_another_store_emptied_becomes_debt() -> None:
    # The till took 300 from lot a; meanwhile another store's redemption emptied it.
    lots = [LotState("a", T0, 300, 0)]
    plan = rebase(ServerView(0, {}), lots, Pending(points=-300, moves={"a": -300}))
    assert (plan.balance, plan.debt, plan.remaining) == (-300, 300, {"a": 0})


def test_a_pending_earning_repays_the_servers_debt_first() -> None:
    lots = [LotState("new", T0, 500, 500)]
    plan = rebase(ServerView(-200, {}), lots, Pending(points=500, lots=frozenset({"new"})))
    assert (plan.balance, plan.debt, plan.remaining) == (300, 0, {"new": 300})


def test_offline_rules() -> None:
    rules = OfflineRules()
    ok = OfflineSituation(points=500, sync_age=timedelta(hours=1), redeemed_offline_today=0,
                          unconfirmed_offline=0, online_only=False)  # fmt: skip
    assert check_offline_redemption(rules, ok) is None
    cases = [
        (OfflineSituation(500, timedelta(hours=1), 0, 0, True), Code.ONLINE_ONLY),
        (OfflineSituation(500, None, 0, 0, False), Code.SYNC_TOO_OLD),
        (OfflineSituation(500, timedelta(hours=24), 0, 0, False), Code.SYNC_TOO_OLD),
        (OfflineSituation(500, timedelta(hours=1), 0, 3, False), Code.OFFLINE_LIMIT),
        (OfflineSituation(600, timedelta(hours=1), 1500, 0, False), Code.OFFLINE_LIMIT),
    ]
    for situation, code in cases:
        refusal = check_offline_redemption(rules, situation)
        assert refusal is not None and refusal.code is code, (situation, refusal)
    left = check_offline_redemption(
        rules, OfflineSituation(600, timedelta(hours=1), 1500, 0, False)
    )
    assert left is not None and left.details["offline_points_left"] == 500
