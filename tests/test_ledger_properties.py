"""Random sequences of till operations over random dates keep the ledger invariants."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.services import adjust, checkout, maintenance, members, staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.helpers import check_invariants

PIN = "2468"


class TillMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.clock = FakeClock()
        unwrap(init_store(self.dir, "S001", clock=self.clock))
        self.desk = unwrap(Desk.open(self.dir, clock=self.clock))
        unwrap(staff.add_staff(self.desk, "Boss", "manager", PIN))
        self.codes: list[str] = []
        self.receipts: list[str] = []
        self.n = 0

    def teardown(self) -> None:
        self.desk.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _receipt(self) -> str:
        self.n += 1
        return f"R{self.n}"

    @rule(suffix=st.integers(0, 99_999), birthday_month=st.integers(1, 12), referred=st.booleans())
    def enrol(self, suffix: int, birthday_month: int, referred: bool) -> None:
        from datetime import date

        referrer = None
        if referred and self.codes:
            referrer = unwrap(members.show(self.desk, self.codes[0])).referral_code
        result = members.enroll(
            self.desk, f"138{suffix:08d}", f"M{suffix}", date(1990, birthday_month, 1), referrer
        )
        if not isinstance(result, Refusal):
            self.codes.append(result.code)

    @precondition(lambda self: self.codes)
    @rule(who=st.integers(0, 50), fen=st.integers(1, 300_000))
    def earn(self, who: int, fen: int) -> None:
        code = self.codes[who % len(self.codes)]
        before = unwrap(members.show(self.desk, code)).balance
        r = unwrap(checkout.earn(self.desk, code, self._receipt(), fen))
        self.receipts.append(r.receipt_no)
        assert r.member.balance == before + r.points_awarded + r.referral_points
        assert r.points_awarded <= 5_000

    @precondition(lambda self: self.codes)
    @rule(who=st.integers(0, 50), points=st.integers(0, 3_000), fen=st.integers(1, 500_000))
    def redeem(self, who: int, points: int, fen: int) -> None:
        code = self.codes[who % len(self.codes)]
        before = unwrap(members.show(self.desk, code)).balance
        r = checkout.redeem(self.desk, code, self._receipt(), points, fen)
        if isinstance(r, Refusal):
            assert unwrap(members.show(self.desk, code)).balance == before
        else:
            self.receipts.append(r.receipt_no)
            assert r.member.balance == before - points >= 0
            assert r.value_fen * 2 <= fen

    @precondition(lambda self: self.receipts)
    @rule(which=st.integers(0, 500), share=st.sampled_from([None, 1, 2, 3, 5]))
    def refund(self, which: int, share: int | None) -> None:
        receipt = self.receipts[which % len(self.receipts)]
        preview = checkout.refund(self.desk, receipt, dry_run=True)
        if isinstance(preview, Refusal):
            return
        left = preview.refundable_left_fen + preview.refunded_fen
        amount = None if share is None else max(1, left // share)
        r = checkout.refund(self.desk, receipt, amount, manager_pin=PIN)
        assert not isinstance(r, Refusal), r

    @precondition(lambda self: self.codes)
    @rule(who=st.integers(0, 50), points=st.integers(-2_000, 2_000).filter(bool))
    def adjust(self, who: int, points: int) -> None:
        code = self.codes[who % len(self.codes)]
        adjust.adjust(self.desk, code, points, "property test", manager_pin=PIN)

    @rule(days=st.sampled_from([1, 7, 29, 31, 95, 200, 366]))
    def time_passes(self, days: int) -> None:
        self.clock.advance(days=days, hours=3)
        maintenance.open_store(self.desk)

    @rule()
    def expire_again(self) -> None:
        # Expiry is idempotent: a second run right away expires nothing.
        unwrap(maintenance.expire(self.desk))
        assert unwrap(maintenance.expire(self.desk)).points == 0

    @invariant()
    def ledger_holds(self) -> None:
        check_invariants(self.desk)


TillMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_till_operations_keep_invariants = TillMachine.TestCase
