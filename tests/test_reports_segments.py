"""Segments, moves, RFM, tiers and the win-back list on a store worked out by hand.

Thresholds (DESIGN §5): core ≥ 5,000 yuan and ≥ 4 purchases in 12 months; potential ≥ 2,000
and ≥ 2; basic ≥ 500 and ≥ 1; dormant otherwise or after 180 days without a purchase.

Purchases (Shanghai local):
  Kai   2026-01-10, 02-10, 02-20, 03-10: 2,300.00 each
  Lin   2026-02-15: 600.00
  Mo    2025-08-20: 800.00                      (dormant from 2026-02-16, 180 days later)
  Ou    2025-03-20: 3,000.00 and 2026-03-18: 300.00
  Qin   2025-11-01 and 2025-12-01: 1,200.00 each
  Ning  joined 2026-03-15, never bought
"""

from __future__ import annotations

from datetime import date

import pytest

from loyalty_desk.domain.periods import PeriodKind, period_of
from loyalty_desk.domain.segments import Segment
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_segments import segment_members, segment_report
from loyalty_desk.services.reports_tiers import tier_report
from loyalty_desk.services.reports_winback import winback_list
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.helpers import check_invariants
from tests.reports_data import local

MARCH = period_of(PeriodKind.MONTH, date(2026, 3, 1))
FEBRUARY = period_of(PeriodKind.MONTH, date(2026, 2, 1))


@pytest.fixture
def codes(desk: Desk, clock: FakeClock) -> dict[str, str]:
    out: dict[str, str] = {}
    phones = {"kai": "13800000011", "lin": "13800000012", "mo": "13800000013"}
    phones |= {"ou": "13800000014", "qin": "13800000015", "ning": "13800000016"}
    buys = [
        ("ou", local(2025, 3, 20), 300_000),
        ("mo", local(2025, 8, 20), 80_000),
        ("qin", local(2025, 11, 1), 120_000),
        ("qin", local(2025, 12, 1), 120_000),
        ("kai", local(2026, 1, 10), 230_000),
        ("kai", local(2026, 2, 10), 230_000),
        ("lin", local(2026, 2, 15), 60_000),
        ("kai", local(2026, 2, 20), 230_000),
        ("kai", local(2026, 3, 10), 230_000),
        ("ou", local(2026, 3, 18), 30_000),
    ]
    for n, (who, when, fen) in enumerate(buys):
        clock.set(when)
        if who not in out:
            out[who] = unwrap(members.enroll(desk, phones[who], who.title())).code
        clock.advance(minutes=5)
        unwrap(checkout.earn(desk, out[who], f"R{n}", fen))
    clock.set(local(2026, 3, 15))
    out["ning"] = unwrap(members.enroll(desk, phones["ning"], "Ning")).code
    clock.set(local(2026, 4, 2, 10))
    return out


def test_segment_counts_and_moves_in_march(desk: Desk, codes: dict[str, str]) -> None:
    report = unwrap(segment_report(desk, MARCH))
    counts = {c.segment: (c.members, c.previous) for c in report.counts}
    # End of March: Kai core (9,200 in 4), Qin potential (2,400 in 2), Lin basic (600),
    # Mo dormant (no purchase since 2025-08-20), Ou dormant (the 3,000 left the 12 months on
    # 03-21, 300 is under 500), Ning dormant (never bought).
    # End of February: Kai potential (6,900 in 3: one purchase short of core), Qin potential,
    # Lin basic, Mo and Ou dormant; Ning had not joined.
    assert counts == {
        Segment.CORE: (1, 0),
        Segment.POTENTIAL: (1, 2),
        Segment.BASIC: (1, 1),
        Segment.DORMANT: (3, 2),
    }
    # Kai moved up. Ou went dormant → potential (03-18) → dormant (03-21): back where she
    # started, so not a move.
    assert [(m.from_segment, m.to_segment, m.members) for m in report.moves] == [
        (Segment.POTENTIAL, Segment.CORE, 1)
    ]
    assert report.moved == 1


def test_moves_in_february(desk: Desk, codes: dict[str, str]) -> None:
    report = unwrap(segment_report(desk, FEBRUARY))
    counts = {c.segment: (c.members, c.previous) for c in report.counts}
    # 1 February: Kai basic (2,300 in 1), Mo basic (800, 165 days ago), Qin potential,
    # Ou dormant; Lin and Ning had not joined.
    assert counts == {
        Segment.CORE: (0, 0),
        Segment.POTENTIAL: (2, 1),
        Segment.BASIC: (1, 2),
        Segment.DORMANT: (2, 1),
    }
    # Kai basic → potential (02-10), Mo basic → dormant (02-16, 180 days after his purchase),
    # Lin joined and bought (a new member starts dormant) → basic (02-15).
    moves = {(m.from_segment, m.to_segment): m.members for m in report.moves}
    assert moves == {
        (Segment.BASIC, Segment.POTENTIAL): 1,
        (Segment.BASIC, Segment.DORMANT): 1,
        (Segment.DORMANT, Segment.BASIC): 1,
    }


def test_rfm_cells(desk: Desk, codes: dict[str, str]) -> None:
    report = unwrap(segment_report(desk, MARCH))
    cells = {(c.recency, c.frequency): c.members for c in report.rfm if c.members}
    # Now is 2026-04-02. Kai: 23 days, 4 purchases → R5 F3. Ou: 15 days, 1 purchase in the
    # last 12 months → R5 F1. Lin: 46 days → R4 F1. Qin: 122 days, 2 → R2 F2. Mo: 225 days,
    # 1 → R1 F1. Ning never bought → R1 F1.
    assert cells == {(5, 3): 1, (5, 1): 1, (4, 1): 1, (2, 2): 1, (1, 1): 2}
    # Monetary: Kai 9,200 → M4; Qin 2,400 → M3; Lin 600, Mo 800 → M2; Ou 300, Ning 0 → M1.
    assert dict(report.rfm_monetary) == {5: 0, 4: 1, 3: 1, 2: 2, 1: 2}


def test_members_behind_the_cells(desk: Desk, codes: dict[str, str]) -> None:
    core = unwrap(segment_members(desk, MARCH, segment=Segment.CORE))
    assert [m.code for m in core.members] == [codes["kai"]]
    # Dormant at the end of March, biggest lifetime spend first: Ou 3,300, Mo 800, then Ning.
    dormant = unwrap(segment_members(desk, MARCH, segment=Segment.DORMANT))
    assert dormant.total == 3
    assert [m.code for m in dormant.members] == [codes["ou"], codes["mo"], codes["ning"]]
    assert dormant.members[0].lifetime_spend_fen == 330_000
    page = unwrap(segment_members(desk, MARCH, segment=Segment.DORMANT, limit=1, offset=2))
    assert [m.code for m in page.members] == [codes["ning"]]
    moved = unwrap(segment_members(desk, MARCH, move=(Segment.POTENTIAL, Segment.CORE)))
    assert [m.code for m in moved.members] == [codes["kai"]]
    cell = unwrap(segment_members(desk, MARCH, rfm=(5, 1)))
    assert [m.code for m in cell.members] == [codes["ou"]]
    feb_basic = unwrap(segment_members(desk, FEBRUARY, segment=Segment.BASIC))
    assert [m.code for m in feb_basic.members] == [codes["lin"]]


def test_segments_now_follow_the_calendar(
    desk: Desk, codes: dict[str, str], clock: FakeClock
) -> None:
    # The current month: counts as of now, lists from the activity rows.
    clock.set(local(2026, 5, 31, 10))  # Qin's last purchase (12-01) is 181 days old
    now = period_of(PeriodKind.MONTH, date(2026, 5, 1))
    counts = {c.segment: c.members for c in unwrap(segment_report(desk, now)).counts}
    assert counts[Segment.POTENTIAL] == 0
    dormant = unwrap(segment_members(desk, now, segment=Segment.DORMANT))
    assert codes["qin"] in [m.code for m in dormant.members]
    check_invariants(desk)


def test_tiers(desk: Desk, codes: dict[str, str]) -> None:
    report = unwrap(tier_report(desk, MARCH))
    counts = {c.tier: (c.members, c.previous) for c in report.counts}
    # Silver: Kai (02-10: 4,600 in 2), Qin (2025-12-01: 2,400 in 2), and in March Ou (03-18:
    # 3,300 in 2 within 12 months). Regular: the rest; Ning joined in March.
    assert counts == {
        Tier.DIAMOND: (0, 0),
        Tier.GOLD: (0, 0),
        Tier.SILVER: (3, 2),
        Tier.REGULAR: (3, 3),
    }
    assert [(m.reason, m.from_tier, m.to_tier, m.changes) for m in report.moves] == [
        ("upgrade", Tier.REGULAR, Tier.SILVER, 1)
    ]
    assert (report.upgrades, report.downgrades) == (1, 0)
    # Gold needs 10,000 and 5 purchases; within 10%: 9,000 and 4. Kai has 9,200 in 4.
    close = report.close.members
    assert [(m.code, m.figure_fen, m.note) for m in close] == [
        (codes["kai"], 80_000, "gold: needs ¥800.00 and 1 purchase")
    ]


def test_winback(desk: Desk, codes: dict[str, str]) -> None:
    report = unwrap(winback_list(desk))
    # Dormant members who bought before, most valuable first; Ning never bought.
    assert [(m.code, m.figure_fen) for m in report.dormant.members] == [
        (codes["ou"], 330_000),
        (codes["mo"], 80_000),
    ]
    assert report.dormant.members[0].note == "last visit 2026-03-18"
    # Qin: potential, but no purchase for 122 days.
    assert [m.code for m in report.slipping.members] == [codes["qin"]]
    assert report.member_codes() == [codes["qin"], codes["ou"], codes["mo"]]


def test_segment_member_ids_for_batch_actions(desk: Desk, codes: dict[str, str]) -> None:
    from loyalty_desk.services.activity import catch_up
    from loyalty_desk.services.reports_segments import segment_member_ids
    from loyalty_desk.store.models import Member

    catch_up(desk)  # the daily job's part: Mo's dormancy mark has passed
    with desk.read() as s:
        by_id = {m.id: m.code for m in s.query(Member)}
        dormant = {by_id[i] for i in segment_member_ids(s, Segment.DORMANT)}
        buyers = {by_id[i] for i in segment_member_ids(s, Segment.DORMANT, buyers_only=True)}
    assert dormant == {codes["mo"], codes["ou"], codes["ning"]}
    assert buyers == {codes["mo"], codes["ou"]}


@pytest.mark.parametrize(
    "ask",
    [
        {},
        {"segment": Segment.CORE, "rfm": (5, 1)},
        {"rfm": (6, 1)},
        {"segment": Segment.CORE, "limit": 0},
    ],
)
def test_a_bad_list_request_is_refused_and_changes_nothing(
    desk: Desk, codes: dict[str, str], ask: dict[str, object]
) -> None:
    from loyalty_desk.domain.errors import Code, Refusal
    from tests.helpers import db_fingerprint

    before = db_fingerprint(desk)
    result = segment_members(desk, MARCH, **ask)  # type: ignore[arg-type]
    assert isinstance(result, Refusal) and result.code is Code.INVALID_QUERY
    assert db_fingerprint(desk) == before


def test_one_command_gives_the_list_win_back_coupons(
    desk: Desk, codes: dict[str, str], manager: str
) -> None:
    from loyalty_desk.domain.errors import Code, Refusal
    from loyalty_desk.services import coupons
    from loyalty_desk.services.reports_winback import issue_winback_coupons
    from tests.helpers import db_fingerprint

    before = db_fingerprint(desk)
    refused = issue_winback_coupons(desk)
    assert isinstance(refused, Refusal) and refused.code is Code.MANAGER_PIN_REQUIRED
    assert db_fingerprint(desk) == before
    issued = unwrap(issue_winback_coupons(desk, manager_pin=manager))
    # Ou and Mo (dormant buyers) and Qin (slipping); Ning never bought.
    assert (len(issued.issued), issued.skipped, issued.approved_by) == (3, 0, "Wang Manager")
    held = {
        code: [c.kind for c in unwrap(coupons.list_for_member(desk, code))]
        for code in (codes["ou"], codes["mo"], codes["qin"], codes["ning"])
    }
    assert all("winback" in kinds for who, kinds in held.items() if who != codes["ning"])
    assert "winback" not in held[codes["ning"]]
    again = issue_winback_coupons(desk, manager_pin=manager)
    assert isinstance(again, Refusal) and again.code is Code.EMPTY_SEGMENT
