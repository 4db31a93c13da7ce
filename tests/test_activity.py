"""The activity rows and segment moves stay equal to a replay of the receipts, whatever
happens: purchases, back-dated purchases, refunds, time passing, merges."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_desk.domain.activity import History, Purchase, RefundFact, leaves_window
from loyalty_desk.domain.rules import SegmentRules
from loyalty_desk.domain.segments import Activity, Segment, classify
from loyalty_desk.domain.timeutil import add_months, local_date, local_midnight_utc
from loyalty_desk.services import activity, checkout, maintenance, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Member
from tests.conftest import FakeClock
from tests.helpers import check_activity, check_invariants
from tests.reports_data import SHANGHAI, local

RULES = SegmentRules()
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def brute_force(purchases: list[Purchase], refunds: list[RefundFact], at: datetime) -> Activity:
    """The definition, computed the slow way."""
    start = local_midnight_utc(add_months(local_date(at, SHANGHAI), -12), SHANGHAI)
    net = {p.key: p.paid_fen for p in purchases if p.at <= at}
    for r in refunds:
        if r.at <= at and r.key in net:
            net[r.key] -= r.amount_fen
    inside = [p for p in purchases if start <= p.at <= at]
    bought = [p.at for p in purchases if p.at <= at and net[p.key] > 0]
    last = max(bought) if bought else None
    return Activity(
        sum(net[p.key] for p in inside),
        sum(1 for p in inside if net[p.key] > 0),
        None if last is None else (at - last).days,
    )


facts = st.lists(
    st.tuples(
        st.integers(0, 900),  # day of the purchase after T0
        st.integers(0, 86_399),  # second of the day
        st.integers(1, 800_000),  # fen
        st.one_of(st.none(), st.tuples(st.integers(0, 60), st.integers(1, 800_000))),  # refund
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(facts, st.integers(0, 1200), st.integers(0, 86_399))
def test_sweep_equals_the_definition(raw: list, day: int, second: int) -> None:
    purchases, refunds = [], []
    for i, (d, sec, fen, refund) in enumerate(raw):
        at = T0 + timedelta(days=d, seconds=sec)
        purchases.append(Purchase(f"r{i}", at, fen))
        if refund is not None:
            refunds.append(
                RefundFact(f"r{i}", at + timedelta(days=refund[0], seconds=1), refund[1])
            )
    history = History(purchases, refunds, RULES, SHANGHAI)
    moment = T0 + timedelta(days=day, seconds=second)
    state = history.state_at(moment)
    expected = brute_force(purchases, refunds, moment)
    assert state.activity() == expected
    assert state.segment is classify(RULES, expected)
    # Between the moments `moments()` lists, nothing changes.
    later = history.next_change(moment)
    if later is not None:
        just_before = later - timedelta(microseconds=1)
        assert history.state_at(just_before).segment is state.segment


def test_a_purchase_leaves_the_window_the_day_after_its_anniversary() -> None:
    bought = local(2025, 3, 20, 15)
    assert leaves_window(bought, SHANGHAI) == local(2026, 3, 21, 0)
    # 29 February: the window on 2025-02-28 starts 2024-02-28, so it is still inside; on
    # 2025-03-01 the window starts 2024-03-01.
    assert leaves_window(local(2024, 2, 29, 12), SHANGHAI) == local(2025, 3, 1, 0)


def test_moves_are_dated_when_they_happen() -> None:
    history = History([Purchase("a", local(2025, 8, 20, 10), 80_000)], [], RULES, SHANGHAI)
    moves = history.moves(local(2026, 4, 1))
    assert [(m.at, m.from_segment, m.to_segment) for m in moves] == [
        (local(2025, 8, 20, 10), Segment.DORMANT, Segment.BASIC),
        (local(2026, 2, 16, 10), Segment.BASIC, Segment.DORMANT),  # 180 days later
    ]


def test_random_till_days_keep_the_activity_exact(
    desk: Desk, clock: FakeClock, manager: str
) -> None:
    rng = random.Random(6)
    clock.set(local(2025, 1, 2, 10))
    codes = [unwrap(members.enroll(desk, f"1380000{n:04d}", f"M{n}")).code for n in range(6)]
    receipts: list[str] = []
    for step in range(110):
        clock.advance(hours=rng.choice((1, 5, 30, 200, 900)))
        roll = rng.random()
        code = rng.choice(codes)
        if roll < 0.6:
            number = f"R{step}"
            back = rng.random() < 0.2
            at = clock.now - timedelta(days=rng.randint(1, 80)) if back else None
            unwrap(checkout.earn(desk, code, number, rng.randint(1_000, 900_000), at=at))
            receipts.append(number)
        elif roll < 0.75 and receipts:
            number = rng.choice(receipts)
            result = checkout.refund(desk, number, rng.randint(100, 50_000), manager_pin=manager)
            del result  # a refund beyond what is left is refused: fine, nothing changes
        elif roll < 0.9:
            unwrap(maintenance.expire(desk))
        elif step > 70 and len(codes) > 3:
            # Two accounts of one person are merged.
            merged, into = codes.pop(), codes[0]
            with desk.write() as s:
                rows = {m.code: m for m in s.query(Member).filter(Member.code.in_([merged, into]))}
                rows[merged].merged_into = rows[into].id
                activity.after_merge(s, desk, rows[merged].id, rows[into].id)
        if step % 40 == 39:
            check_activity(desk)
    activity.catch_up(desk)
    check_activity(desk)
    check_invariants(desk)


@settings(max_examples=150, deadline=None)
@given(facts, st.integers(0, 1300))
def test_recent_purchases_give_the_same_moves_as_all_of_them(raw: list, since_day: int) -> None:
    """What after_fact replays (13 months before `since`, older purchases summed up) moves
    segments exactly as the whole history does, after `since`."""
    from loyalty_desk.domain.activity import Earlier

    purchases, refunds = [], []
    for i, (d, sec, fen, refund) in enumerate(raw):
        at = T0 + timedelta(days=d, seconds=sec)
        purchases.append(Purchase(f"r{i}", at, fen))
        if refund is not None:
            refunds.append(
                RefundFact(f"r{i}", at + timedelta(days=refund[0], seconds=1), refund[1])
            )
    since = T0 + timedelta(days=since_day, hours=5)
    until = T0 + timedelta(days=1500)
    cut = since - timedelta(days=400)
    full = History(purchases, refunds, RULES, SHANGHAI)
    old = [p for p in purchases if p.at < cut]
    net = {p.key: p.paid_fen for p in old}
    for r in refunds:
        if r.key in net:
            net[r.key] -= r.amount_fen  # refunded_fen as stored now: every refund so far
    bought = [p.at for p in old if net[p.key] > 0]
    earlier = Earlier(sum(net.values()), len(bought), max(bought) if bought else None)
    recent = History(
        [p for p in purchases if p.at >= cut],
        [r for r in refunds if r.key not in net],
        RULES,
        SHANGHAI,
        earlier,
    )
    assert recent.moves(until, after=since) == full.moves(until, after=since)
    a, b = recent.state_at(until), full.state_at(until)
    assert (a.spend_12m_fen, a.purchases_12m, a.segment) == (
        b.spend_12m_fen,
        b.purchases_12m,
        b.segment,
    )
    assert (a.lifetime_spend_fen, a.lifetime_purchases, a.last_purchase_at) == (
        b.lifetime_spend_fen,
        b.lifetime_purchases,
        b.last_purchase_at,
    )
