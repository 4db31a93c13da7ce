"""The SQL that scores RFM cells gives the same scores as domain.segments.rfm."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from loyalty_desk.domain.segments import DEFAULT_RFM, Activity, rfm
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_segments import rfm_grid
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Member, MemberActivity
from tests.conftest import FakeClock
from tests.reports_data import local

NOW = local(2026, 4, 2, 10)

rows = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(0, 400 * 86_400)),  # seconds since the last purchase
        st.integers(0, 14),  # purchases in 12 months
        st.integers(0, 2_000_000),  # spend in 12 months
    ),
    min_size=1,
    max_size=30,
)


def test_sql_scores_match_the_domain(tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    unwrap(init_store(tmp_path / "rfm", "S001", clock=clock))
    desk = unwrap(Desk.open(tmp_path / "rfm", clock=clock))

    @settings(max_examples=40, deadline=None)
    @given(rows)
    def check(data: list[tuple[int | None, int, int]]) -> None:
        expected_cells: Counter[tuple[int, int]] = Counter()
        expected_m: Counter[int] = Counter()
        with desk.write() as s:
            s.execute(delete(MemberActivity))
            s.execute(delete(Member))
            for n, (ago, purchases, spend) in enumerate(data):
                s.add(member(n))
                s.flush()
                last = None if ago is None else NOW - timedelta(seconds=ago)
                s.add(
                    MemberActivity(
                        member_id=f"m{n:04d}",
                        spend_12m_fen=spend,
                        purchases_12m=purchases,
                        last_purchase_at=last,
                        lifetime_spend_fen=spend,
                        lifetime_purchases=purchases,
                        segment="basic",
                        evaluated_at=NOW,
                        next_check_at=None,
                    )
                )
                days = None if last is None else (NOW - last).days
                score = rfm(DEFAULT_RFM, Activity(spend, purchases, days))
                expected_cells[(score.recency, score.frequency)] += 1
                expected_m[score.monetary] += 1
        with desk.read() as s:
            grid, monetary = rfm_grid(s, NOW)
        assert {(c.recency, c.frequency): c.members for c in grid if c.members} == dict(
            +expected_cells
        )
        assert {k: v for k, v in monetary if v} == dict(+expected_m)

    try:
        check()
    finally:
        desk.close()


def member(n: int) -> Member:
    return Member(
        id=f"m{n:04d}",
        code=f"{n:010d}",
        phone=f"1380000{n:04d}",
        phone_suffix="0000",
        name="x",
        tier="regular",
        tier_since=NOW,
        tier_grace=False,
        referral_code=f"{n:08d}",
        referral_rewarded=False,
        balance=0,
        debt=0,
        online_only=False,
        overdraft=False,
        home_store_id="S001",
        created_at=NOW - timedelta(days=500),
        updated_at=NOW,
    )
