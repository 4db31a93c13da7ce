"""Every KPI of the hand-made store (tests/reports_data.py), worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from loyalty_desk.domain.periods import PeriodKind, custom_period, period_of
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_kpi import KpiReport, kpi_report
from loyalty_desk.services.usecase import unwrap
from tests import reports_data
from tests.helpers import check_invariants, db_fingerprint


def march(desk: Desk) -> KpiReport:
    return unwrap(kpi_report(desk, period_of(PeriodKind.MONTH, date(2026, 3, 1))))


def values(report: KpiReport) -> dict[str, tuple[object, object]]:
    return {line.key: (line.current, line.previous) for line in report.lines}


def test_march_against_february(desk: Desk, store: reports_data.Store) -> None:
    report = march(desk)
    assert report.header.previous.first == date(2026, 2, 1)
    v = values(report)
    # Members who had joined by the end: March Ann, Du, Bo, Fay, Cai = 5; February the same
    # without Cai = 4. Eve is merged into Ann and never counts.
    assert v["members_total"] == (5, 4)
    # Joined in March: Cai. In February: Bo, Fay (Eve merged).
    assert v["members_new"] == (1, 2)
    # Bought in March: Ann (A2, A3, and Eve's E2 — Eve is Ann now), Cai (C1) = 2.
    # Fay only had a refund in March: not active. February: Ann (A1, Eve's E1), Bo, Fay = 3.
    assert v["members_active"] == (2, 3)
    # Two or more purchases: March Ann (3) of 2 active = 0.5; February Ann (A1+E1) and Bo
    # (B1+B2) of 3 = 0.6667.
    assert v["repurchase_rate"] == (Decimal("0.5"), Decimal("0.6667"))
    # Active in February but not in March: Bo, Fay = 2 of 3. (February's own churn would need
    # January's buyers: not computed.)
    assert v["churn_rate"] == (Decimal("0.6667"), None)
    # Receipts: March A2, C1, A3, E2 = 4; February A1, B1, E1, F1, B2 = 5.
    assert v["receipts"] == (4, 5)
    # Paid: March 120 + 60 + 270 (300 less 30 of points) + 40 = 490.00 yuan;
    # February 300 + 100 + 50 + 200 + 80 = 730.00.
    assert v["sales_fen"] == (49_000, 73_000)
    # Refunds made in March: 50.00 of Fay's F1. None in February.
    assert v["refunds_fen"] == (5_000, 0)
    assert v["net_sales_fen"] == (44_000, 73_000)
    # 490.00 / 4 = 122.50; 730.00 / 5 = 146.00.
    assert v["average_ticket_fen"] == (12_250, 14_600)
    # The till does not know non-member sales: no share unless given.
    assert v["member_sales_share"] == (None, None)
    # Issued in March: A2 120 + C1 300 + A3 270 + E2 40 = 730. February: 1500 + 500 + 250 +
    # 1000 + 80 = 3330.
    assert v["points_issued"] == (730, 3_330)
    assert v["points_redeemed"] == (300, 0)
    assert v["points_expired"] == (500, 0)  # Du's D1, expired on 03-12
    assert v["points_reversed"] == (250, 0)  # Fay's refund: 1000 × 50/200
    assert v["points_restored"] == (0, 0)
    assert v["points_adjusted_out"] == (0, 0)
    # (redeemed − restored) / (issued − reversed): 300 / (730 − 250) = 0.625; February 0/3330.
    assert v["redemption_rate"] == (Decimal("0.625"), Decimal("0"))
    # Balances at the end of March: Ann 1500+120−300+270 = 1590, Eve 250+40 = 290 (her points
    # stay where they are), Bo 580, Cai 300, Du 0, Fay 750 → 3510. End of February: Ann 1500,
    # Eve 250, Bo 580, Fay 1000, Du 500 → 3830 (= 3510 − (730 − 300 − 250 − 500)).
    assert v["outstanding_points"] == (3_510, 3_830)
    # 100 points = 10 yuan.
    assert v["outstanding_value_fen"] == (35_100, 38_300)


def test_changes_against_the_previous_period(desk: Desk, store: reports_data.Store) -> None:
    sales = march(desk).line("sales_fen")
    assert sales.change == -24_000
    assert sales.change_ratio == Decimal("-0.3288")  # −240 / 730
    assert march(desk).line("refunds_fen").change_ratio is None  # from nothing


def test_liability_by_expiry_month(desk: Desk, store: reports_data.Store) -> None:
    report = march(desk)
    # Open lots, each expiring 12 months after it was earned (store-local):
    # February 2027: A1 1500 − 300 redeemed = 1200, B1 500, B2 80, E1 250, F1 1000 − 250
    #   reversed = 750 → 2780.  March 2027: A2 120, A3 270, C1 300, E2 40 → 730.
    assert [(m.month, m.points, m.value_fen) for m in report.liability] == [
        (date(2027, 2, 1), 2_780, 27_800),
        (date(2027, 3, 1), 730, 7_300),
    ]
    assert report.debt_points == 0
    assert sum(m.points for m in report.liability) == report.line("outstanding_points").current


def test_coupons_per_kind(desk: Desk, store: reports_data.Store) -> None:
    coupons = {c.kind: c for c in march(desk).coupons}
    # new_member: CPN-1 and CPN-2 issued in March, and the one enrolment gave Cai on 03-03;
    # CPN-1 used (03-20): 1 of 3 → 0.3333, 20.00 off.
    new = coupons["new_member"]
    assert (new.issued, new.used, new.issued_used, new.use_rate, new.discount_fen) == (
        3,
        1,
        1,
        Decimal("0.3333"),
        2_000,
    )
    # winback: CPN-3 issued in February, used in March: no issue rate for March.
    win = coupons["winback"]
    assert (win.issued, win.used, win.use_rate, win.discount_fen) == (0, 1, None, 10_000)
    # birthday: CPN-4 issued in February, never used: nothing happened in March.
    assert "birthday" not in coupons


def test_top_members(desk: Desk, store: reports_data.Store) -> None:
    top = march(desk).top_members.members
    # Ann: A2 120 + A3 270 + Eve's E2 40 = 430.00 in 3 receipts; Cai 60.00 in 1.
    assert [(m.code, m.figure_fen, m.note) for m in top] == [
        (store.ann, 43_000, "3 receipts"),
        (store.cai, 6_000, "1 receipt"),
    ]
    assert top[0].to_json()["phone"] == "138****0001"  # masked unless asked otherwise
    assert top[0].to_json(unmasked=True)["phone"] == "13800000001"


def test_points_over_time(desk: Desk, store: reports_data.Store) -> None:
    report = march(desk)
    assert report.flow_step == "day" and len(report.flows) == 31
    busy = {f.first.day: (f.issued, f.redeemed) for f in report.flows if f.issued or f.redeemed}
    assert busy == {2: (120, 0), 3: (300, 0), 8: (270, 300), 9: (40, 0)}


def test_a_single_day_and_a_week(desk: Desk, store: reports_data.Store) -> None:
    day = unwrap(kpi_report(desk, period_of(PeriodKind.DAY, date(2026, 3, 8))))
    v = values(day)
    assert day.header.previous.first == date(2026, 3, 7)
    assert v["receipts"] == (1, 0)  # A3; nothing on the 7th
    assert v["points_redeemed"] == (300, 0)
    assert v["churn_rate"] == (None, None)  # nobody bought the day before
    week = unwrap(kpi_report(desk, period_of(PeriodKind.WEEK, date(2026, 3, 4))))
    w = values(week)
    # Monday 03-02 to Sunday 03-08: A2, C1, A3 → 3 receipts, 120 + 60 + 270 = 450.00;
    # the week before (02-23..03-01): nothing.
    assert w["receipts"] == (3, 0)
    assert w["sales_fen"] == (45_000, 0)
    assert w["refunds_fen"] == (5_000, 0)
    assert w["members_active"] == (2, 0)


def test_an_empty_period(desk: Desk, store: reports_data.Store) -> None:
    report = unwrap(kpi_report(desk, period_of(PeriodKind.MONTH, date(2025, 6, 1))))
    v = values(report)
    assert v["members_total"] == (1, 1)  # only Du had joined (2025-03-10)
    assert v["members_active"] == (0, 0)
    assert v["receipts"] == (0, 0)
    assert v["average_ticket_fen"] == (None, None)  # nothing to divide
    assert v["repurchase_rate"] == (None, None)
    assert v["redemption_rate"] == (None, None)
    assert v["outstanding_points"] == (500, 500)  # Du's points, not yet expired
    assert report.top_members.members == ()
    assert report.coupons == ()


def test_store_sales_give_the_member_share(desk: Desk, store: reports_data.Store) -> None:
    report = unwrap(
        kpi_report(
            desk,
            period_of(PeriodKind.MONTH, date(2026, 3, 1)),
            store_sales_fen=196_000,
            previous_store_sales_fen=146_000,
        )
    )
    # 490.00 of 1960.00 = 0.25; 730.00 of 1460.00 = 0.5.
    assert values(report)["member_sales_share"] == (Decimal("0.25"), Decimal("0.5"))


def test_a_custom_range_compares_with_the_same_length_before(
    desk: Desk, store: reports_data.Store
) -> None:
    period = unwrap(custom_period(date(2026, 3, 1), date(2026, 3, 10)))
    report = unwrap(kpi_report(desk, period))
    assert (report.header.previous.first, report.header.previous.last) == (
        date(2026, 2, 19),
        date(2026, 2, 28),
    )
    v = values(report)
    # 02-19..02-28: F1 (02-20) and B2 (02-21). 03-01..03-10: A2, C1, A3, E2.
    assert v["receipts"] == (4, 2)
    # Active then: Fay, Bo; now: Ann, Cai → both churned.
    assert v["churn_rate"] == (Decimal("1"), None)


def test_reports_write_nothing_but_derived_rows(desk: Desk, store: reports_data.Store) -> None:
    before = db_fingerprint(desk)
    march(desk)
    assert db_fingerprint(desk) == before
    check_invariants(desk)


@pytest.mark.parametrize(
    ("ask", "code"),
    [({"top": -1}, "INVALID_QUERY"), ({"store_sales_fen": 0}, "INVALID_AMOUNT")],
)
def test_bad_requests_are_refused(desk: Desk, ask: dict[str, int], code: str) -> None:
    from loyalty_desk.domain.errors import Refusal

    before = db_fingerprint(desk)
    result = kpi_report(desk, period_of(PeriodKind.MONTH, date(2026, 3, 1)), **ask)  # type: ignore[arg-type]
    assert isinstance(result, Refusal) and result.code == code
    assert db_fingerprint(desk) == before
