"""A small store whose every report figure can be worked out by hand (tests/test_reports_*.py).

Built through the services with the test clock, like a real till. Times are Shanghai local.

Members: Ann (joined 2026-01-15), Du (2025-03-10), Bo (2026-02-05), Eve (2026-02-10, Ann's
duplicate account, merged into Ann at the end), Fay (2026-02-18), Cai (2026-03-03).

February 2026 (the period before)          March 2026 (the report period)
02-06 Ann  A1 300.00  first ×5 → 1500      03-02 Ann  A2 120.00          → 120
02-07 Bo   B1 100.00  first ×5 →  500      03-03 Cai  C1  60.00  first ×5 → 300
02-12 Eve  E1  50.00  first ×5 →  250      03-05 Fay  refund 50.00 of F1: 1000×50/200 = 250 reversed
02-20 Fay  F1 200.00  first ×5 → 1000      03-08 Ann  redeems 300 points (30.00) on A3 300.00,
02-21 Bo   B2  80.00            →   80                then A3 earns on 270.00 paid → 270
                                           03-09 Eve  E2  40.00          →  40
                                           03-12 the daily job expires Du's 500 points (earned
                                                 2025-03-10 on D1 100.00, first ×5)
Coupons: enrolment gives each member a new-member coupon (services.coupons); a few more rows
as the coupon module writes them: see `COUPONS`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from loyalty_desk.services import activity, checkout, maintenance, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Coupon, Member
from tests.conftest import FakeClock

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(y: int, mo: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SHANGHAI).astimezone(UTC)


@dataclass(frozen=True)
class Store:
    ann: str
    bo: str
    cai: str
    du: str
    eve: str
    fay: str
    ids: dict[str, str]


# (code, member, kind, issued, redeemed or None, value fen)
COUPONS = (
    ("CPN-1", "cai", "new_member", local(2026, 3, 3), local(2026, 3, 20), 2000),
    ("CPN-2", "ann", "new_member", local(2026, 3, 4), None, 2000),
    ("CPN-3", "bo", "winback", local(2026, 2, 25), local(2026, 3, 6), 10000),
    ("CPN-4", "fay", "birthday", local(2026, 2, 1), None, 5000),
)


def build(desk: Desk, clock: FakeClock, manager_pin: str) -> Store:
    def at(moment: datetime) -> None:
        clock.set(moment)

    def enrol(phone: str, name: str, when: datetime) -> str:
        at(when)
        return unwrap(members.enroll(desk, phone, name)).code

    def earn(code: str, receipt: str, fen: int, when: datetime) -> None:
        at(when)
        unwrap(checkout.earn(desk, code, receipt, fen))

    du = enrol("13700000004", "Du 杜", local(2025, 3, 10))
    earn(du, "D1", 10_000, local(2025, 3, 10, 10, 5))
    ann = enrol("13800000001", "Ann 安", local(2026, 1, 15))
    bo = enrol("13900000002", "Bo 波", local(2026, 2, 5))
    earn(ann, "A1", 30_000, local(2026, 2, 6, 11))
    earn(bo, "B1", 10_000, local(2026, 2, 7, 12))
    eve = enrol("13600000005", "Eve 伊", local(2026, 2, 10))
    earn(eve, "E1", 5_000, local(2026, 2, 12, 15))
    fay = enrol("15000000006", "Fay 菲", local(2026, 2, 18))
    earn(fay, "F1", 20_000, local(2026, 2, 20, 16))
    earn(bo, "B2", 8_000, local(2026, 2, 21, 10))
    earn(ann, "A2", 12_000, local(2026, 3, 2, 11))
    cai = enrol("18600000003", "Cai 蔡", local(2026, 3, 3, 10))
    earn(cai, "C1", 6_000, local(2026, 3, 3, 10, 5))
    at(local(2026, 3, 5, 14))
    unwrap(checkout.refund(desk, "F1", 5_000, manager_pin=manager_pin))
    at(local(2026, 3, 8, 18))
    unwrap(checkout.redeem(desk, ann, "A3", 300, 30_000))
    earn(ann, "A3", 27_000, local(2026, 3, 8, 18, 1))
    earn(eve, "E2", 4_000, local(2026, 3, 9, 12))
    at(local(2026, 3, 12, 9))
    unwrap(maintenance.expire(desk))
    with desk.write() as s:
        by_code = {m.code: m for m in s.query(Member)}
        ids = {name: by_code[code].id for name, code in locals_of(ann, bo, cai, du, eve, fay)}
        for code, who, kind, issued, redeemed, value in COUPONS:
            s.add(
                Coupon(
                    code=code,
                    member_id=ids[who],
                    kind=kind,
                    min_spend_fen=value * 5,
                    value_fen=value,
                    valid_from=issued,
                    valid_until=local(2026, 6, 30),
                    status="redeemed" if redeemed else "issued",
                    issued_at=issued,
                    issued_store_id="S001",
                    redeemed_at=redeemed,
                    redeemed_receipt="X" if redeemed else None,
                    redeemed_store_id="S001" if redeemed else None,
                )
            )
    # Eve turns out to be Ann: her account is merged into Ann's.
    at(local(2026, 3, 25))
    with desk.write() as s:
        eve_row = s.get(Member, ids["eve"])
        assert eve_row is not None
        eve_row.merged_into = ids["ann"]
        activity.after_merge(s, desk, ids["eve"], ids["ann"])
    at(local(2026, 4, 2, 10))
    return Store(ann, bo, cai, du, eve, fay, ids)


def locals_of(ann: str, bo: str, cai: str, du: str, eve: str, fay: str) -> list[tuple[str, str]]:
    return [("ann", ann), ("bo", bo), ("cai", cai), ("du", du), ("eve", eve), ("fay", fay)]


MARCH = (date(2026, 3, 1), date(2026, 3, 31))
END = local(2026, 4, 2, 10)  # the clock when the reports are run
MANAGER_PIN = "2468"

_template: tuple[Path, Store] | None = None


def template(root: Path) -> tuple[Path, Store]:
    """The store built once per test session; tests work on copies of its data directory."""
    global _template
    if _template is None:
        from loyalty_desk.services import staff
        from loyalty_desk.services.setup import init_store

        where = root / "reports-store"
        clock = FakeClock()
        unwrap(init_store(where, "S001", "Flagship 旗舰店", clock=clock))
        desk = unwrap(Desk.open(where, clock=clock))
        try:
            unwrap(staff.add_staff(desk, "Wang Manager", "manager", MANAGER_PIN))
            _template = (where, build(desk, clock, MANAGER_PIN))
        finally:
            desk.close()
    return _template


def open_copy(tmp_path: Path, tmp_root: Path, clock: FakeClock) -> Iterator[Desk]:
    source, _ = template(tmp_root)
    target = tmp_path / "store"
    shutil.copytree(source, target)
    desk = unwrap(Desk.open(target, clock=clock))
    try:
        yield desk
    finally:
        desk.close()
