"""A demo store: a few hundred members with fourteen months of real history.

Everything goes through the same use cases a till runs — enrol, earn, redeem, refund,
adjust, expire — on a Desk whose clock starts fourteen months ago and is moved forward
event by event. So the history is genuine: tiers were earned, points expired on their
date, refunds reversed what they should, the outbox holds every event in order. A seed
makes it reproducible (the same members, receipts and balances; ids are time-based).
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.services import adjust, checkout, maintenance, members, settings, staff
from loyalty_desk.services.desk import Desk, system_clock
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap

DEMO_STORE_ID = "DEMO01"
DEMO_STORE_NAME = "示范店 Demo Store"
DEMO_TIMEZONE = "Asia/Shanghai"
DEMO_MANAGER = ("陈店长", "9999")
DEMO_CASHIER = ("李收银", "1234")
HISTORY_DAYS = 425  # about fourteen months

Progress = Callable[[int, int], None]

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢"
    "宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉"
    "兰萍红鹏飞鑫宇浩然轩欣怡涵思雨晨阳佳琪婷雪梅建国志文"
)
_MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]
_ADJUST_REASONS = (
    "补录积分：小票未扫会员 Missing receipt added",
    "投诉补偿 Goodwill after a complaint",
    "系统迁移差异 Migration difference corrected",
)


def _no_fsync(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


class SimClock:
    """A clock the generator moves forward; the Desk reads it for every 'now'."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True, slots=True)
class DemoResult:
    data_dir: Path
    store_id: str
    members: int
    receipts: int
    redemptions: int
    refunds: int
    adjustments: int
    manager: tuple[str, str]
    cashier: tuple[str, str]


@dataclass
class _Person:
    phone: str
    name: str
    birthday: date | None
    visits_per_month: float
    basket_yuan: float
    stops_after_days: float | None
    referrer: int | None
    code: str | None = None
    referral_code: str | None = None


@dataclass(order=True)
class _Event:
    at: datetime
    order: int
    kind: str = field(compare=False)
    person: int = field(compare=False)
    data: dict[str, Any] = field(compare=False, default_factory=dict)


def _business_moment(rng: random.Random, day: date, tz: Any) -> datetime:
    """A moment during opening hours (9:00–21:30 local), busier in the evening."""
    minutes = int(rng.triangular(9 * 60, 21 * 60 + 30, 18 * 60))
    local = datetime.combine(day, time(minutes // 60, minutes % 60, rng.randrange(60)), tz)
    return local.astimezone(UTC)


def _people(rng: random.Random, count: int) -> list[_Person]:
    phones: set[str] = set()
    out: list[_Person] = []
    for i in range(count):
        while True:
            phone = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if phone not in phones:
                phones.add(phone)
                break
        given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
        birthday = (
            date(rng.randint(1955, 2005), rng.randint(1, 12), rng.randint(1, 28))
            if rng.random() < 0.7
            else None
        )
        big_spender = rng.random() < 0.06  # the few who make Gold and Diamond
        out.append(
            _Person(
                phone=phone,
                name=rng.choice(_SURNAMES) + given,
                birthday=birthday,
                visits_per_month=(
                    rng.uniform(1.5, 3.0)
                    if big_spender
                    else min(6.0, rng.lognormvariate(-0.9, 0.7))
                ),
                basket_yuan=(
                    rng.lognormvariate(6.9, 0.4)
                    if big_spender
                    else min(3000.0, rng.lognormvariate(4.9, 0.7))
                ),
                stops_after_days=rng.uniform(60, 300) if rng.random() < 0.2 else None,
                referrer=rng.randrange(i) if i > 5 and rng.random() < 0.1 else None,
            )
        )
    return out


def _plan(
    rng: random.Random, people: list[_Person], start: datetime, end: datetime, tz: Any
) -> list[_Event]:
    """Enrolments and visits in time order; most people enrol at the till and buy at once."""
    events: list[_Event] = []
    span = (end - start).days
    joined_days: dict[int, int] = {}
    for i, p in enumerate(people):
        joined_day = int(rng.betavariate(1.2, 2.0) * (span - 20))
        if p.referrer is not None:  # the referred join after the one who referred them
            joined_day = max(joined_day, joined_days[p.referrer] + 1)
        joined_days[i] = joined_day
        enrolled = _business_moment(rng, local_date(start + timedelta(days=joined_day), tz), tz)
        events.append(_Event(enrolled, len(events), "enrol", i))
        moment = enrolled + timedelta(minutes=rng.uniform(1, 8))
        day = float(joined_day)
        while day < span - 1:
            if p.stops_after_days is not None and day - joined_day > p.stops_after_days:
                break  # this one stopped coming: dormant by now
            amount = max(5.0, rng.lognormvariate(0, 0.5) * p.basket_yuan)
            fen = round(amount * 2) * 50  # prices end in .00 or .50
            events.append(_Event(moment, len(events), "visit", i, {"amount_fen": fen}))
            day += 0.5 + rng.expovariate(p.visits_per_month / 30.0)
            moment = _business_moment(rng, local_date(start + timedelta(days=day), tz), tz)
    return events


def create_demo_store(
    data_dir: Path,
    *,
    members_count: int = 240,
    seed: int = 20240501,
    end: datetime | None = None,
    progress: Progress | None = None,
) -> DemoResult | Refusal:
    """Generate the demo store into an empty data directory."""
    if Desk.database_path(data_dir).exists():
        return refusal(
            Code.ALREADY_INITIALISED,
            "{data_dir} already holds a store; the demo needs an empty data directory.",
            data_dir=data_dir,
        )
    rng = random.Random(seed)
    finish = (end or system_clock()).astimezone(UTC)
    start = finish - timedelta(days=HISTORY_DAYS)
    clock = SimClock(start - timedelta(hours=1))
    created = init_store(data_dir, DEMO_STORE_ID, DEMO_STORE_NAME, DEMO_TIMEZONE, clock=clock)
    if isinstance(created, Refusal):
        return created
    desk = unwrap(Desk.open(data_dir, clock=clock))
    # Demo data is disposable: its thousands of commits skip the fsync a real sale gets.
    desk.db.engine.dispose()
    event.listen(desk.db.engine, "connect", _no_fsync)
    try:
        desk.rng = random.Random(seed + 1)  # the same member and referral codes every time
        return _generate(desk, clock, rng, members_count, start, finish, progress)
    finally:
        desk.close()


def _generate(
    desk: Desk,
    clock: SimClock,
    rng: random.Random,
    count: int,
    start: datetime,
    finish: datetime,
    progress: Progress | None,
) -> DemoResult:
    manager_name, manager_pin = DEMO_MANAGER
    cashier_name, cashier_pin = DEMO_CASHIER
    unwrap(staff.add_staff(desk, manager_name, "manager", manager_pin))
    cashier = unwrap(staff.add_staff(desk, cashier_name, "cashier", cashier_pin, manager_pin))
    settings.mark_demo(desk)

    people = _people(rng, count)
    queue = _plan(rng, people, start, finish, desk.tz)
    # Refunds and adjustments are rare, and each needs a manager's PIN (a deliberate hash).
    refund_budget = max(2, count // 30)
    adjust_budget = max(1, count // 100)
    heapq.heapify(queue)
    total = len(queue)
    done = receipts = redemptions = refunds = adjustments = 0
    next_expiry = start + timedelta(days=7)
    order = total
    while queue:
        event = heapq.heappop(queue)
        if event.at >= finish:
            continue
        while next_expiry <= event.at:
            clock.now = max(clock.now, next_expiry)
            unwrap(maintenance.expire(desk))
            next_expiry += timedelta(days=7)
        clock.now = max(clock.now, event.at)
        person = people[event.person]
        if event.kind == "enrol":
            referrer = (
                people[person.referrer].referral_code if person.referrer is not None else None
            )
            view = members.enroll(
                desk, person.phone, person.name, person.birthday, referrer, cashier_id=cashier.id
            )
            if not isinstance(view, Refusal):
                person.code, person.referral_code = view.code, view.referral_code
        elif event.kind == "visit" and person.code is not None:
            receipt_no = f"{local_date(event.at, desk.tz):%Y%m%d}-{event.order:05d}"
            amount = int(event.data["amount_fen"])
            paid = amount
            limits = checkout.redemption_limits(desk, person.code, amount)
            if (
                not isinstance(limits, Refusal)
                and limits.max_points >= max(limits.min_points, 200)
                and rng.random() < 0.3
            ):
                points = rng.randrange(limits.min_points, limits.max_points + 1, 100)
                redeemed = checkout.redeem(
                    desk, person.code, receipt_no, points, amount, cashier_id=cashier.id
                )
                if not isinstance(redeemed, Refusal):
                    redemptions += 1
                    paid = amount - redeemed.value_fen
            if paid > 0:
                earned = checkout.earn(desk, person.code, receipt_no, paid, cashier_id=cashier.id)
                if not isinstance(earned, Refusal):
                    receipts += 1
                    if refund_budget > 0 and rng.random() < 0.02:
                        refund_budget -= 1
                        later = event.at + timedelta(days=rng.uniform(0.5, 6))
                        part = paid if rng.random() < 0.5 else paid // 2
                        order += 1
                        heapq.heappush(
                            queue,
                            _Event(
                                later,
                                order,
                                "refund",
                                event.person,
                                {
                                    "receipt_no": receipt_no,
                                    "amount_fen": part,
                                },
                            ),
                        )
                    elif adjust_budget > 0 and rng.random() < 0.01:
                        adjust_budget -= 1
                        later = event.at + timedelta(days=rng.uniform(1, 10))
                        order += 1
                        heapq.heappush(queue, _Event(later, order, "adjust", event.person))
        elif event.kind == "refund":
            result = checkout.refund(
                desk,
                event.data["receipt_no"],
                event.data["amount_fen"],
                manager_pin=manager_pin,
                manager_name=manager_name,
                cashier_id=cashier.id,
            )
            refunds += 0 if isinstance(result, Refusal) else 1
        elif event.kind == "adjust" and person.code is not None:
            result_adj = adjust.adjust(
                desk,
                person.code,
                rng.choice((50, 100, 200, 300)),
                rng.choice(_ADJUST_REASONS),
                manager_pin=manager_pin,
                manager_name=manager_name,
            )
            adjustments += 0 if isinstance(result_adj, Refusal) else 1
        done += 1
        if progress is not None and (done % 25 == 0 or not queue):
            progress(done, max(total, done))
    clock.now = finish
    unwrap(maintenance.expire(desk))
    enrolled = sum(1 for p in people if p.code is not None)
    return DemoResult(
        data_dir=desk.data_dir,
        store_id=desk.info.store_id,
        members=enrolled,
        receipts=receipts,
        redemptions=redemptions,
        refunds=refunds,
        adjustments=adjustments,
        manager=DEMO_MANAGER,
        cashier=DEMO_CASHIER,
    )
