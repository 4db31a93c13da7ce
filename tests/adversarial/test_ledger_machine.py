"""Random sequences of everything a till does to points, with the clock crossing month and
year boundaries, must keep the ledger's invariants.

On top of tests/test_ledger_properties.py: coupons (issue, exchange points, redeem, void,
restored by refunds), partial and full refunds, adjustments, and a clock that lands just
before local midnight at the end of a month or of the year and then steps over it.

Invariants after every step:
* balances equal the ledger and the open lots (tests/helpers.check_invariants);
* the ledger is append-only: no entry changes or disappears, and every balance moved by
  exactly the entries the step added (no points created or destroyed outside an entry);
  a refused step adds none;
* a member's tier is at least what the rolling 12 months qualify for, and a tier above
  regular has a term end; after the day's jobs no term end lies in the past;
* the audit chain verifies.

LOYALTY_LEDGER_EXAMPLES / LOYALTY_LEDGER_STEPS make it run longer.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.tiers import Tier, qualifying_tier
from loyalty_desk.domain.timeutil import local_date, local_midnight_utc
from loyalty_desk.services import adjust, audit, checkout, coupons, maintenance, members, staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.tiers import rolling_stats
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import LedgerEntry, Member
from tests.conftest import FakeClock
from tests.helpers import check_invariants
from tests.sync.simulation import scratch

PIN = "2468"
EXAMPLES = int(os.environ.get("LOYALTY_LEDGER_EXAMPLES", "12"))
STEPS = int(os.environ.get("LOYALTY_LEDGER_STEPS", "30"))
Snapshot = tuple[dict[str, tuple[str, int]], dict[str, int]]


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        # In memory-backed scratch space when there is one: this is about logic, not disks.
        self.dir = Path(tempfile.mkdtemp(dir=scratch()))
        self.clock = FakeClock()
        unwrap(init_store(self.dir, "S001", clock=self.clock))
        self.desk = unwrap(Desk.open(self.dir, clock=self.clock))
        unwrap(staff.add_staff(self.desk, "Boss", "manager", PIN))
        self.phones: list[str] = []
        self.receipts: list[str] = []
        self.coupons: list[str] = []
        self.n = 0
        self.before = self._snapshot()
        self.refused = False

    def teardown(self) -> None:
        self.desk.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- bookkeeping ------------------------------------------------------------------------

    def _snapshot(self) -> Snapshot:
        with self.desk.read() as s:
            entries = {e.id: (e.member_id, e.points) for e in s.scalars(select(LedgerEntry))}
            balances = {m.id: m.balance for m in s.scalars(select(Member))}
        return entries, balances

    def _receipt(self) -> str:
        self.n += 1
        return f"R{self.n}"

    def _phone(self, who: int) -> str:
        return self.phones[who % len(self.phones)]

    def _note(self, result: object) -> object:
        self.refused = isinstance(result, Refusal)
        return result

    # -- members and sales ------------------------------------------------------------------

    @rule(suffix=st.integers(0, 30), month=st.integers(1, 12), referred=st.booleans())
    def enrol(self, suffix: int, month: int, referred: bool) -> None:
        referrer = None
        if referred and self.phones:
            referrer = unwrap(members.show(self.desk, self.phones[0])).referral_code
        phone = f"1391234{suffix:04d}"
        result = self._note(
            members.enroll(self.desk, phone, f"M{suffix}", date(1990, month, 28), referrer)
        )
        if not isinstance(result, Refusal):
            self.phones.append(phone)

    @precondition(lambda self: self.phones)
    @rule(who=st.integers(0, 30), fen=st.integers(1, 1_500_000))
    def earn(self, who: int, fen: int) -> None:
        r = self._note(checkout.earn(self.desk, self._phone(who), self._receipt(), fen))
        if not isinstance(r, Refusal):
            self.receipts.append(r.receipt_no)  # type: ignore[attr-defined]

    @precondition(lambda self: self.phones)
    @rule(who=st.integers(0, 30), points=st.integers(0, 4_000), fen=st.integers(1, 800_000))
    def redeem(self, who: int, points: int, fen: int) -> None:
        r = self._note(checkout.redeem(self.desk, self._phone(who), self._receipt(), points, fen))
        if not isinstance(r, Refusal):
            self.receipts.append(r.receipt_no)  # type: ignore[attr-defined]

    @precondition(lambda self: self.receipts)
    @rule(which=st.integers(0, 500), share=st.sampled_from([None, 1, 2, 3, 7]))
    def refund(self, which: int, share: int | None) -> None:
        receipt = self.receipts[which % len(self.receipts)]
        preview = checkout.refund(self.desk, receipt, dry_run=True)
        if isinstance(preview, Refusal):
            self.refused = True
            return
        left = preview.refundable_left_fen + preview.refunded_fen
        amount = None if share is None else max(1, left // share)
        self._note(checkout.refund(self.desk, receipt, amount, manager_pin=PIN))

    @precondition(lambda self: self.phones)
    @rule(who=st.integers(0, 30), points=st.integers(-3_000, 3_000).filter(bool))
    def adjust(self, who: int, points: int) -> None:
        self._note(adjust.adjust(self.desk, self._phone(who), points, "machine", manager_pin=PIN))

    # -- coupons ----------------------------------------------------------------------------

    @precondition(lambda self: self.phones)
    @rule(who=st.integers(0, 30), kind=st.sampled_from(["winback", "upsell", "new_member"]))
    def issue_coupon(self, who: int, kind: str) -> None:
        view = self._note(coupons.issue(self.desk, self._phone(who), kind, manager_pin=PIN))
        if not isinstance(view, Refusal):
            self.coupons.append(view.code)  # type: ignore[attr-defined]

    @precondition(lambda self: self.phones)
    @rule(who=st.integers(0, 30), points=st.integers(0, 3_000))
    def exchange_points(self, who: int, points: int) -> None:
        result = self._note(coupons.exchange_points(self.desk, self._phone(who), points))
        if not isinstance(result, Refusal):
            self.coupons.append(result.coupon.code)  # type: ignore[attr-defined]

    @precondition(lambda self: self.coupons)
    @rule(which=st.integers(0, 100), fen=st.integers(1, 600_000), earn_too=st.booleans())
    def redeem_coupon(self, which: int, fen: int, earn_too: bool) -> None:
        code = self.coupons[which % len(self.coupons)]
        receipt = self._receipt()
        used = self._note(coupons.redeem(self.desk, code, receipt, fen))
        if isinstance(used, Refusal):
            return
        self.receipts.append(receipt)
        if earn_too:  # the rest of the receipt, paid, earns points
            holder = coupons.show(self.desk, code)
            if not isinstance(holder, Refusal) and holder.member_phone is not None:
                to_pay = used.to_pay_fen  # type: ignore[attr-defined]
                if to_pay > 0:
                    checkout.earn(self.desk, holder.member_code or "", receipt, to_pay)

    @precondition(lambda self: self.coupons)
    @rule(which=st.integers(0, 100))
    def void_coupon(self, which: int) -> None:
        code = self.coupons[which % len(self.coupons)]
        self._note(coupons.void(self.desk, code, "machine", manager_pin=PIN))

    # -- time -------------------------------------------------------------------------------

    def _day_jobs(self) -> None:
        maintenance.open_store(self.desk)
        now = self.clock.now
        with self.desk.read() as s:
            overdue = s.scalars(
                select(Member.code).where(Member.tier_until.is_not(None), Member.tier_until <= now)
            ).all()
        assert overdue == [], overdue

    @rule(days=st.sampled_from([1, 13, 31, 62, 200, 366]), hours=st.integers(0, 23))
    def time_passes(self, days: int, hours: int) -> None:
        self.clock.advance(days=days, hours=hours)
        self._day_jobs()
        self.refused = False

    @rule(year_end=st.booleans(), minutes=st.integers(1, 90))
    def cross_a_boundary(self, year_end: bool, minutes: int) -> None:
        """Land minutes before local midnight at the end of this month (or year), trade
        there, then step over into the next month (or year)."""
        tz = self.desk.tz
        today = local_date(self.clock.now, tz)
        if year_end:
            first_next = date(today.year + 1, 1, 1)
        else:
            first_next = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        midnight = local_midnight_utc(first_next, tz)
        self.clock.set(max(self.clock.now, midnight - timedelta(minutes=minutes)))
        self._day_jobs()
        if self.phones:
            r = checkout.earn(self.desk, self.phones[-1], self._receipt(), 12_345)
            if not isinstance(r, Refusal):
                self.receipts.append(r.receipt_no)
        self.clock.set(max(self.clock.now, midnight + timedelta(minutes=minutes)))
        self._day_jobs()
        self.refused = False

    # -- invariants -------------------------------------------------------------------------

    @invariant()
    def ledger_holds(self) -> None:
        check_invariants(self.desk)

    @invariant()
    def nothing_moves_outside_an_entry(self) -> None:
        old_entries, old_balances = self.before
        entries, balances = self._snapshot()
        for entry_id, was in old_entries.items():
            assert entries.get(entry_id) == was, ("ledger is append-only", entry_id)
        added = {k: v for k, v in entries.items() if k not in old_entries}
        if self.refused:
            assert added == {}, "a refused step wrote entries"
        moved: dict[str, int] = {}
        for member_id, points in added.values():
            moved[member_id] = moved.get(member_id, 0) + points
        for member_id, balance in balances.items():
            delta = balance - old_balances.get(member_id, 0)
            assert delta == moved.get(member_id, 0), ("balance moved without entry", member_id)
        self.before = (entries, balances)
        self.refused = False

    @invariant()
    def tiers_match_the_rolling_year(self) -> None:
        now = self.clock.now
        with self.desk.read() as s:
            for m in s.scalars(select(Member).where(Member.merged_into.is_(None))):
                stats = rolling_stats(s, self.desk, m.id, now)
                earned = qualifying_tier(self.desk.rules_at(now).tiers.thresholds, stats)
                assert Tier(m.tier).rank >= earned.rank, (m.code, m.tier, earned, stats)
                if m.tier != Tier.REGULAR.value:
                    assert m.tier_until is not None, m.code

    @invariant()
    def audit_chain_verifies(self) -> None:
        report = audit.verify(self.desk)
        assert report.ok, report


LedgerMachine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_ledger_machine = LedgerMachine.TestCase
