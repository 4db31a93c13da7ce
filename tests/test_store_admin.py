"""Settings, staff accounts, member edits, receipts and coupons: the services behind screens."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import (
    audit_list,
    checkout,
    member_edit,
    member_panel,
    members,
    receipts,
    settings,
    staff,
    staff_admin,
)
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.printer_choice import PrinterChoice, PrinterKind
from loyalty_desk.services.settings import Language
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import AuditLog, Coupon
from tests.conftest import FakeClock
from tests.helpers import db_fingerprint


def save(desk: Desk, **changes: object) -> settings.StoreSettings | Refusal:
    now = settings.load(desk)
    args: dict[str, object] = {
        "store_name": now.store_name,
        "timezone": now.timezone,
        "language": now.language,
        "printer": now.printer,
        "actor": "Wang Manager",
    }
    args.update(changes)
    return settings.save(desk, **args)  # type: ignore[arg-type]


def test_settings_save_audits_changes_and_moves_the_time_zone(desk: Desk) -> None:
    saved = unwrap(
        save(
            desk,
            store_name="  Nanjing   Road ",
            timezone="Asia/Urumqi",
            language=Language.CHINESE,
            printer=PrinterChoice(PrinterKind.ESCPOS_USB, "04b8:0202"),
        )
    )
    assert saved.store_name == "Nanjing Road" and saved.language is Language.CHINESE
    assert desk.tz.key == "Asia/Urumqi" and desk.info.store_name == "Nanjing Road"
    assert settings.load(desk) == saved
    with desk.read() as s:
        row = s.scalars(select(AuditLog).order_by(AuditLog.seq.desc())).first()
        assert row is not None and row.action == "settings.change"
        assert "Asia/Urumqi" in row.detail and row.actor == "Wang Manager"
    before = db_fingerprint(desk)
    unwrap(save(desk))  # nothing changed: no audit row
    assert db_fingerprint(desk) == before


def test_bad_settings_are_refused_and_change_nothing(desk: Desk) -> None:
    before = (db_fingerprint(desk), settings.load(desk))
    cases = [
        ({"store_name": "  "}, Code.INVALID_SETTING),
        ({"timezone": "Mars/Olympus"}, Code.INVALID_TIMEZONE),
        ({"printer": PrinterChoice(PrinterKind.ESCPOS_NETWORK, "bad host!")}, Code.INVALID_SETTING),
        (
            {"printer": PrinterChoice(PrinterKind.ESCPOS_NETWORK, "10.0.0.5:99999")},
            Code.INVALID_SETTING,
        ),
        ({"printer": PrinterChoice(PrinterKind.ESCPOS_USB, "epson")}, Code.INVALID_SETTING),
        ({"printer": PrinterChoice(PrinterKind.ESCPOS_WINDOWS, " ")}, Code.INVALID_SETTING),
        ({"printer": PrinterChoice(PrinterKind.ESCPOS_FILE, "")}, Code.INVALID_SETTING),
    ]
    for change, code in cases:
        refused = save(desk, **change)
        assert isinstance(refused, Refusal) and refused.code is code, change
    assert (db_fingerprint(desk), settings.load(desk)) == before


def test_staff_pins_locks_and_leaving(desk: Desk, manager: str, clock: FakeClock) -> None:
    unwrap(staff.add_staff(desk, "Li", "cashier", "1357", manager))
    for _ in range(staff.MAX_ATTEMPTS):
        staff.sign_in(desk, "Li", "0000")
    locked = staff.sign_in(desk, "Li", "1357")
    assert isinstance(locked, Refusal) and locked.code is Code.ACCOUNT_LOCKED
    account = next(a for a in staff_admin.accounts(desk) if a.name == "Li")
    assert account.locked(clock.now)

    before = db_fingerprint(desk)
    wrong = staff_admin.unlock(desk, "Li", manager_name="Wang Manager", manager_pin="1111")
    assert isinstance(wrong, Refusal) and wrong.code is Code.WRONG_PIN
    assert db_fingerprint(desk)[:-2] == before[:-2]
    unwrap(staff_admin.unlock(desk, "Li", manager_name="Wang Manager", manager_pin=manager))
    assert isinstance(staff.sign_in(desk, "Li", "1357"), staff.StaffView)

    unwrap(
        staff_admin.set_pin(desk, "Li", "9753", manager_name="Wang Manager", manager_pin=manager)
    )
    assert isinstance(staff.sign_in(desk, "Li", "9753"), staff.StaffView)
    short = staff_admin.set_pin(desk, "Li", "12", manager_name="Wang Manager", manager_pin=manager)
    assert isinstance(short, Refusal) and short.code is Code.INVALID_PIN

    unwrap(
        staff_admin.set_active(desk, "Li", False, manager_name="Wang Manager", manager_pin=manager)
    )
    gone = staff.sign_in(desk, "Li", "9753")
    assert isinstance(gone, Refusal) and gone.code is Code.UNKNOWN_STAFF
    last = staff_admin.set_active(
        desk, "Wang Manager", False, manager_name="Wang Manager", manager_pin=manager
    )
    assert isinstance(last, Refusal) and last.code is Code.LAST_MANAGER
    actions = [line.action for line in audit_list.recent(desk, limit=5)]
    assert actions[:3] == ["staff.close", "staff.set_pin", "staff.unlock"]


def test_member_edit_needs_a_manager_for_a_new_phone(desk: Desk, manager: str) -> None:
    m = unwrap(members.enroll(desk, "13812345678", "Zhang"))
    unwrap(staff.add_staff(desk, "Li", "cashier", "1357", manager))
    before = db_fingerprint(desk)
    same = unwrap(member_edit.edit(desk, m.code, name="Zhang", birthday=None, phone=m.phone))
    assert same == m and db_fingerprint(desk) == before  # nothing changed, nothing written
    for pin in (None, "1357", "0000"):
        refused = member_edit.edit(
            desk, m.code, name="Zhang", birthday=None, phone="13900001111", manager_pin=pin
        )
        assert isinstance(refused, Refusal), pin
    assert unwrap(members.show(desk, m.code)).phone == "13812345678"
    moved = unwrap(
        member_edit.edit(
            desk,
            m.code,
            name="Zhang San",
            birthday=None,
            phone="139 0000 1111",
            manager_pin=manager,
        )
    )
    assert (moved.phone, moved.name) == ("13900001111", "Zhang San")


def test_recent_receipts_usable_coupons_and_recent_activity(desk: Desk, clock: FakeClock) -> None:
    m = unwrap(members.enroll(desk, "13812345678", "Zhang"))
    unwrap(checkout.earn(desk, m.code, "R1", 20_000))
    clock.advance(hours=1)
    unwrap(checkout.redeem(desk, m.code, "R2", 300, 10_000))
    lines = unwrap(receipts.recent(desk, m.code))
    assert [(r.receipt_no, r.paid_fen, r.redeemed_points) for r in lines] == [
        ("R2", 7_000, 300),
        ("R1", 20_000, 0),
    ]
    now = clock.now
    with desk.write() as s:
        for code, until, status in (
            ("C-OK", now + timedelta(days=5), "issued"),
            ("C-USED", now + timedelta(days=5), "redeemed"),
            ("C-OLD", now - timedelta(days=1), "issued"),
        ):
            s.add(
                Coupon(
                    code=code,
                    member_id=m.id,
                    kind="new_member",
                    min_spend_fen=10_000,
                    value_fen=2_000,
                    valid_from=now - timedelta(days=10),
                    valid_until=until,
                    status=status,
                    issued_at=now - timedelta(days=10),
                    issued_store_id="S001",
                )
            )
    card = unwrap(member_panel.card(desk, m.phone))
    codes = {c.code for c in card.coupons}
    assert "C-OK" in codes and not {"C-USED", "C-OLD"} & codes
    assert card.member.code == m.code
    assert [h.receipt_no for h in card.recent] == ["R2", "R1"]
