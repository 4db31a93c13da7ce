"""A two-store chain whose every KPI can be worked out by hand (tests/sync/test_chain_reports.py).

Built through the tills' services with the test clock and pushed through real sync; the
server's books are what the tills told it. Times are Shanghai local. Till `one` is store S1,
till `two` is store S2. Every purchase is Regular tier (×1); a member's first receipt ×5.

Enrolments (each gets a new-member coupon 满100减20 where it enrols):
  Du  S2 2025-03-10   Ann S1 2026-01-15   Bo  S2 2026-02-05   Eve S2 2026-02-10
  Fay S1 2026-02-18   Eve' S1 2026-03-01 (Eve's phone, enrolled while S2 had not synced:
  the server folds it into Eve, the earlier enrolment)   Cai S1 2026-03-03

2025-03-10 S2 Du   D1 100.00 first ×5 → 500 (expires 2026-03-10)
February 2026 (the period before)            March 2026 (the report period)
02-06 S1 Ann A1 300.00 first ×5 → 1500       03-02 S1 Ann  A2 120.00          → 120
02-07 S2 Bo  B1 100.00 first ×5 →  500       03-03 S1 Cai  C1  60.00 first ×5 → 300
02-12 S2 Eve E1  50.00 first ×5 →  250       03-05 S1 Fay  refund 50.00 of F1: 1000×50/200
02-20 S1 Fay F1 200.00 first ×5 → 1000                      = 250 reversed (only a refund)
02-21 S2 Bo  B2  80.00          →   80       03-08 S1 Ann  redeems 300 points on A3 300.00,
                                                           then earns on 270.00 paid → 270
                                             03-09 S1 Eve' E2  40.00 first (of that
                                                           account) ×5 → 200
                                             03-12 S2 the daily job expires Du's 500
                                             03-15 S2 Ann  A4  50.00 in her second store → 50
                                             03-20 S1 Cai  uses his new-member coupon on C2
                                                           150.00 (−20.00), earns on 130.00 → 130
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from loyalty_desk.services import checkout, coupons, maintenance, members, staff, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from tests.sync.chain import Chain

SHANGHAI = ZoneInfo("Asia/Shanghai")
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
MANAGER_PIN = "2468"


def local(y: int, mo: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SHANGHAI).astimezone(UTC)


@dataclass(frozen=True)
class Built:
    one: Desk
    two: Desk
    codes: dict[str, str]  # name -> member code
    ids: dict[str, str]  # name -> member id


def build(chain: Chain) -> Built:
    clock = chain.clock
    clock.set(local(2025, 3, 1))
    # Registered later (a device token lasts a year): the tills worked offline until then.
    one = chain.till("one", "S1", register=False)
    two = chain.till("two", "S2", register=False)
    unwrap(staff.add_staff(one, "Wang Manager", "manager", MANAGER_PIN))
    codes: dict[str, str] = {}
    ids: dict[str, str] = {}

    def enrol(desk: Desk, name: str, phone: str, when: datetime) -> None:
        clock.set(when)
        view = unwrap(members.enroll(desk, phone, name))
        codes[name], ids[name] = view.code, view.id

    def earn(desk: Desk, name: str, receipt: str, fen: int, when: datetime) -> None:
        clock.set(when)
        unwrap(checkout.earn(desk, codes[name], receipt, fen))

    enrol(two, "du", "13700000004", local(2025, 3, 10))
    earn(two, "du", "D1", 10_000, local(2025, 3, 10, 10, 5))
    clock.set(local(2026, 1, 2))
    for desk, store in ((one, "S1"), (two, "S2")):
        unwrap(sync.register(desk, "http://server.test", chain.code(store)))
    enrol(one, "ann", "13800000001", local(2026, 1, 15))
    enrol(two, "bo", "13900000002", local(2026, 2, 5))
    earn(one, "ann", "A1", 30_000, local(2026, 2, 6, 11))
    earn(two, "bo", "B1", 10_000, local(2026, 2, 7, 12))
    enrol(two, "eve", "13600000005", local(2026, 2, 10))
    earn(two, "eve", "E1", 5_000, local(2026, 2, 12, 15))
    enrol(one, "fay", "15000000006", local(2026, 2, 18))
    earn(one, "fay", "F1", 20_000, local(2026, 2, 20, 16))
    earn(two, "bo", "B2", 8_000, local(2026, 2, 21))
    enrol(one, "eve2", "13600000005", local(2026, 3, 1))  # S1 has not heard of Eve yet
    earn(one, "ann", "A2", 12_000, local(2026, 3, 2, 11))
    enrol(one, "cai", "18600000003", local(2026, 3, 3))
    earn(one, "cai", "C1", 6_000, local(2026, 3, 3, 10, 5))
    clock.set(local(2026, 3, 5, 14))
    unwrap(checkout.refund(one, "F1", 5_000, manager_pin=MANAGER_PIN))
    clock.set(local(2026, 3, 8, 17, 59))
    chain.sync("one")  # online: the redemption holds its points on the server
    clock.set(local(2026, 3, 8, 18))
    unwrap(checkout.redeem(one, codes["ann"], "A3", 300, 30_000))
    earn(one, "ann", "A3", 27_000, local(2026, 3, 8, 18, 1))
    earn(one, "eve2", "E2", 4_000, local(2026, 3, 9, 12))
    clock.set(local(2026, 3, 10, 9))
    chain.sync("one")
    chain.sync("two")  # Eve arrives after Eve': the earlier enrolment wins
    chain.sync("one")
    clock.set(local(2026, 3, 12, 9))
    unwrap(maintenance.expire(two))
    earn(two, "ann", "A4", 5_000, local(2026, 3, 15, 15))
    clock.set(local(2026, 3, 20, 16))
    welcome = next(
        c for c in unwrap(coupons.list_for_member(one, codes["cai"])) if c.kind == "new_member"
    )
    unwrap(coupons.redeem(one, welcome.code, "C2", 15_000, codes["cai"]))
    earn(one, "cai", "C2", 13_000, local(2026, 3, 20, 16, 1))
    clock.set(local(2026, 4, 2, 10))
    chain.sync_all()
    return Built(one, two, codes, ids)
