"""Staff PINs (argon2, lock-out), manual adjustments, and the hash-chained audit log."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import adjust, audit, checkout, members, staff
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import AuditLog, Staff
from tests.conftest import FakeClock
from tests.helpers import check_invariants, db_fingerprint


def test_pins_are_stored_as_argon2_hashes(desk: Desk, manager: str) -> None:
    with desk.read() as s:
        row = s.scalars(select(Staff)).one()
    assert row.pin_hash.startswith("$argon2") and manager not in row.pin_hash


def test_five_wrong_pins_lock_for_fifteen_minutes(desk: Desk, clock: FakeClock) -> None:
    unwrap(staff.add_staff(desk, "Li", "cashier", "1357"))
    for left in (4, 3, 2, 1):
        r = staff.sign_in(desk, "Li", "0000")
        assert isinstance(r, Refusal) and r.code is Code.WRONG_PIN
        assert r.details["attempts_left"] == left
    locked = staff.sign_in(desk, "Li", "0000")
    assert isinstance(locked, Refusal) and locked.code is Code.ACCOUNT_LOCKED
    right_but_locked = staff.sign_in(desk, "Li", "1357")
    assert isinstance(right_but_locked, Refusal) and right_but_locked.code is Code.ACCOUNT_LOCKED
    assert "15 min" in right_but_locked.message
    clock.advance(minutes=15, seconds=1)
    ok = unwrap(staff.sign_in(desk, "Li", "1357"))
    assert ok.name == "Li" and not ok.is_manager


def test_adding_staff_needs_a_manager_once_one_exists(desk: Desk, manager: str) -> None:
    refused = staff.add_staff(desk, "Zhao", "cashier", "1111")
    assert isinstance(refused, Refusal) and refused.code is Code.MANAGER_PIN_REQUIRED
    assert unwrap(staff.add_staff(desk, "Zhao", "cashier", "1111", manager)).role == "cashier"
    dup = staff.add_staff(desk, "Zhao", "cashier", "2222", manager)
    assert isinstance(dup, Refusal) and dup.code is Code.STAFF_EXISTS
    for bad_pin in ("12", "abcd", "1234567890123"):
        r = staff.add_staff(desk, "Qian", "cashier", bad_pin, manager)
        assert isinstance(r, Refusal) and r.code is Code.INVALID_PIN


def test_cashier_pin_does_not_approve(desk: Desk, manager: str) -> None:
    unwrap(staff.add_staff(desk, "Li", "cashier", "1357", manager))
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    r = adjust.adjust(desk, code, 100, "goodwill", manager_pin="1357")
    assert isinstance(r, Refusal) and r.code is Code.WRONG_PIN
    named = adjust.adjust(desk, code, 100, "goodwill", manager_pin="1357", manager_name="Li")
    assert isinstance(named, Refusal) and named.code is Code.NOT_A_MANAGER


def test_adjustments_need_pin_and_reason_and_are_audited(desk: Desk, manager: str) -> None:
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    before = db_fingerprint(desk)
    for kwargs, expected in (
        ({"points": 100, "reason": "goodwill"}, Code.MANAGER_PIN_REQUIRED),
        ({"points": 100, "reason": "x", "manager_pin": manager}, Code.INVALID_REASON),
        ({"points": 0, "reason": "goodwill", "manager_pin": manager}, Code.INVALID_POINTS),
        ({"points": -1, "reason": "goodwill", "manager_pin": manager}, Code.ADJUST_BELOW_ZERO),
        ({"points": 10**7, "reason": "goodwill", "manager_pin": manager}, Code.INVALID_POINTS),
    ):
        r = adjust.adjust(desk, code, **kwargs)  # type: ignore[arg-type]
        assert isinstance(r, Refusal) and r.code is expected, (kwargs, r)
    assert db_fingerprint(desk) == before
    up = unwrap(adjust.adjust(desk, code, 250, "lost receipt", manager_pin=manager))
    assert up.member.balance == 250 and up.approved_by == "Wang Manager"
    down = unwrap(adjust.adjust(desk, code, -50, "correction", manager_pin=manager))
    assert down.member.balance == 200
    with desk.read() as s:
        actions = [r.action for r in s.scalars(select(AuditLog).order_by(AuditLog.seq))]
    assert actions.count("adjust") == 2
    check_invariants(desk)


def _audited_desk(desk: Desk, manager: str) -> None:
    code = unwrap(members.enroll(desk, "13812345678", "M")).code
    unwrap(checkout.earn(desk, code, "R1", 10_000))
    unwrap(adjust.adjust(desk, code, 10, "goodwill", manager_pin=manager))
    unwrap(checkout.refund(desk, "R1", 5_000, manager_pin=manager))
    assert audit.verify(desk).ok


def test_audit_chain_detects_an_edited_row(desk: Desk, manager: str) -> None:
    _audited_desk(desk, manager)
    with desk.write() as s:
        s.execute(update(AuditLog).where(AuditLog.action == "adjust").values(detail='{"points":9}'))
    report = audit.verify(desk)
    assert not report.ok and any("changed" in p for p in report.problems)


def test_audit_chain_detects_a_deleted_row(desk: Desk, manager: str) -> None:
    _audited_desk(desk, manager)
    with desk.write() as s:
        s.execute(delete(AuditLog).where(AuditLog.action == "adjust"))
    report = audit.verify(desk)
    assert not report.ok and any("missing" in p for p in report.problems)


def test_audit_chain_detects_a_deleted_last_row(desk: Desk, manager: str) -> None:
    _audited_desk(desk, manager)
    with desk.write() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.seq.desc())).first()
        assert last is not None
        s.delete(last)
    report = audit.verify(desk)
    assert not report.ok and any("deleted" in p for p in report.problems)


def test_audit_chain_detects_reordered_rows(desk: Desk, manager: str) -> None:
    _audited_desk(desk, manager)
    with desk.write() as s:
        rows = list(s.scalars(select(AuditLog).order_by(AuditLog.seq)))
        a, b = rows[1], rows[2]
        fields = ("at", "actor", "action", "subject", "detail", "prev_hash", "hash")
        va = {f: getattr(a, f) for f in fields}
        vb = {f: getattr(b, f) for f in fields}
        for f in fields:
            setattr(a, f, vb[f])
            setattr(b, f, va[f])
    assert not audit.verify(desk).ok
