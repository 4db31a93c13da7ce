"""The chain's KPI report on the central server (issue 6 item 8), on the two-store chain of
tests/sync/chain_report_data.py: expected values derived by hand in the comments.

Runs against PostgreSQL when LOYALTY_TEST_DATABASE_URL is set, SQLite otherwise.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from loyalty_desk.cli import main
from loyalty_desk.server.report_kpi import ChainKpiReport, chain_kpi_report, report_period
from loyalty_desk.services.reports_kpi import kpi_report
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock
from tests.sync.chain import (
    Chain,
    TillTemplate,
    check_server_books,
    empty_server,
    make_service,
)
from tests.sync.chain_report_data import MARCH, SHANGHAI, Built, build, local


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
    postgres_url: str | None,
    till_template: TillTemplate,
) -> Iterator[tuple[Chain, Built]]:
    root = tmp_path_factory.mktemp("chain-report")
    if postgres_url:
        from loyalty_desk.server.service import open_database

        open_database(postgres_url).close()
        empty_server(postgres_url)
        url = postgres_url
    else:
        url = f"sqlite:///{root / 'server.db'}"
    clock = FakeClock()
    chain = Chain(make_service(url, clock), clock, root, till_template)
    data = build(chain)
    check_server_books(chain.service)
    yield chain, data
    chain.close()


def march(chain: Chain, store: str | None = None) -> ChainKpiReport:
    return chain_kpi_report(
        chain.db, report_period(*MARCH), now=chain.clock(), tz=SHANGHAI, store=store
    )


def values(report: ChainKpiReport, scope: str | None, which: str = "current") -> dict[str, object]:
    part = report.chain if scope is None else report.store(scope)
    assert part is not None
    return {line.key: getattr(line, which) for line in part.lines}


# Members (merged Eve' never counts): S1 home Ann, Fay, Cai; S2 home Du, Bo, Eve.
# March receipts: S1 A2 120.00, C1 60.00, A3 270.00, E2 40.00, C2 130.00 = 5, 620.00;
# S2 A4 50.00. February: S1 A1 300.00, F1 200.00; S2 B1 100.00, E1 50.00, B2 80.00.
EXPECTED_MARCH = {
    "S1": {
        "members_total": 3,  # Ann, Fay, Cai
        "members_new": 1,  # Cai (Eve' was folded into Eve)
        "members_active": 3,  # Ann, Cai, Eve (E2 on Eve' counts as Eve's)
        "repurchase_rate": Decimal("0.6667"),  # Ann (A2, A3), Cai (C1, C2) of 3
        "churn_rate": Decimal("0.5000"),  # February Ann, Fay; Fay did not come back: 1/2
        "receipts": 5,
        "sales_fen": 62_000,
        "refunds_fen": 5_000,  # Fay's refund: her only March fact
        "net_sales_fen": 57_000,
        "average_ticket_fen": 12_400,  # 62,000 / 5
        "member_sales_share": None,  # the server does not know non-member sales
        "points_issued": 1_020,  # 120 + 300 + 270 + 200 + 130
        "points_redeemed": 300,
        "points_expired": 0,
        "points_reversed": 250,  # 1000 × 50/200
        "points_restored": 0,
        "points_adjusted_out": 0,
        "redemption_rate": Decimal("0.3896"),  # 300 / (1020 − 250) = 0.38961
        # Ann 1500 + 120 − 300 + 270 + 50 (A4 in S2: Ann's home is S1) = 1640,
        # Fay 1000 − 250 = 750, Cai 300 + 130 = 430
        "outstanding_points": 2_820,
        "outstanding_value_fen": 28_200,  # 100 points = 10 yuan
    },
    "S2": {
        "members_total": 3,  # Du, Bo, Eve
        "members_new": 0,
        "members_active": 1,  # Ann's A4
        "repurchase_rate": Decimal("0.0000"),
        "churn_rate": Decimal("1.0000"),  # February Bo and Eve bought here, not in March
        "receipts": 1,
        "sales_fen": 5_000,
        "refunds_fen": 0,
        "net_sales_fen": 5_000,
        "average_ticket_fen": 5_000,
        "points_issued": 50,
        "points_redeemed": 0,
        "points_expired": 500,  # Du's D1, a year old on 2026-03-10, expired on 03-12
        "points_reversed": 0,
        "redemption_rate": Decimal("0.0000"),
        "outstanding_points": 1_030,  # Du 0, Bo 580, Eve 250 + 200 (E2 moved to her)
        "outstanding_value_fen": 10_300,
    },
    None: {
        "members_total": 6,
        "members_new": 1,
        "members_active": 3,  # Ann (in both stores), Cai, Eve: each once
        "repurchase_rate": Decimal("0.6667"),  # Ann 3 receipts, Cai 2, Eve 1
        # February Ann, Fay, Bo, Eve; Fay and Bo did not buy in March (Eve did, at S1,
        # on the account merged into hers): 2/4
        "churn_rate": Decimal("0.5000"),
        "receipts": 6,
        "sales_fen": 67_000,
        "refunds_fen": 5_000,
        "net_sales_fen": 62_000,
        "average_ticket_fen": 11_167,  # 67,000 / 6 = 11,166.67
        "points_issued": 1_070,
        "points_redeemed": 300,
        "points_expired": 500,
        "points_reversed": 250,
        "redemption_rate": Decimal("0.3659"),  # 300 / (1070 − 250) = 0.36585
        "outstanding_points": 3_850,
        "outstanding_value_fen": 38_500,
    },
}

EXPECTED_FEBRUARY = {
    # S1: Ann, Fay by the end of February (Fay new); A1 + F1; issued 1500 + 1000.
    # Outstanding then: Ann 1500 + Fay 1000.
    "S1": {
        "members_total": 2,
        "members_new": 1,
        "members_active": 2,
        "repurchase_rate": Decimal("0.0000"),
        "receipts": 2,
        "sales_fen": 50_000,
        "average_ticket_fen": 25_000,
        "points_issued": 2_500,
        "outstanding_points": 2_500,
    },
    # S2: Du, Bo, Eve (Bo, Eve new); B1, E1, B2; issued 500 + 250 + 80; Bo bought twice.
    # Outstanding then: Du 500, Bo 580, Eve 250.
    "S2": {
        "members_total": 3,
        "members_new": 2,
        "members_active": 2,
        "repurchase_rate": Decimal("0.5000"),
        "receipts": 3,
        "sales_fen": 23_000,
        "average_ticket_fen": 7_667,  # 23,000 / 3 = 7,666.67
        "points_issued": 830,
        "outstanding_points": 1_330,
    },
    None: {
        "members_total": 5,
        "members_new": 3,
        "members_active": 4,
        "repurchase_rate": Decimal("0.2500"),  # Bo of Ann, Fay, Bo, Eve
        "receipts": 5,
        "sales_fen": 73_000,
        "average_ticket_fen": 14_600,
        "points_issued": 3_330,
        "outstanding_points": 3_830,
    },
}


@pytest.mark.parametrize("scope", ["S1", "S2", None])
def test_every_kpi_per_store_and_for_the_chain(
    built: tuple[Chain, Built], scope: str | None
) -> None:
    chain, _ = built
    report = march(chain)
    now, before = values(report, scope), values(report, scope, "previous")
    for key, expected in EXPECTED_MARCH[scope].items():
        if key in now:
            assert now[key] == expected, (scope, key)
    for key, expected in EXPECTED_FEBRUARY[scope].items():
        assert before[key] == expected, (scope, key)
    assert before["churn_rate"] is None  # the period before has nothing to compare with


def test_stores_add_up_to_the_chain_except_distinct_members(built: tuple[Chain, Built]) -> None:
    chain, _ = built
    report = march(chain)
    one, two, whole = values(report, "S1"), values(report, "S2"), values(report, None)
    for key in ("members_total", "receipts", "sales_fen", "points_issued", "outstanding_points"):
        assert whole[key] == one[key] + two[key]  # type: ignore[operator]
    # Ann bought in both stores: active in each, once in the chain.
    assert one["members_active"] + two["members_active"] == 4  # type: ignore[operator]
    assert whole["members_active"] == 3


# -- lifetime value per segment ------------------------------------------------------------------
# Each member's 12 months, net of refunds, whenever the window starts after March 2025 (Du's
# D1 of 2025-03-10 is out of it): Ann A1+A2+A3+A4 = 300+120+270+50 = 740.00 in 4 purchases,
# last 03-15 15:00; Bo B1+B2 = 180.00; Eve E1 + E2 (on Eve', folded into her) = 90.00; Fay
# F1 200.00 − the 50.00 refund = 150.00; Cai C1+C2 = 190.00; Du 0. Only Ann reaches a band
# (basic: ≥ 500.00 and ≥ 1 purchase); the rest are dormant (under 500.00, or Du: none).
# Home stores: S1 Ann, Fay, Cai; S2 Du, Bo, Eve.
# Five years at retention 1, discounted 10%: 740.00 × (1 + 1/1.1 + … + 1/1.1⁴)
# = 74000 × 61051/14641 = 308,570.04 fen → 308570.


def lifetime(
    chain: Chain, first: date, last: date, now: datetime
) -> dict[str | None, dict[str, tuple[object, ...]]]:
    report = chain_kpi_report(chain.db, report_period(first, last), now=now, tz=SHANGHAI)
    return {
        scope.store_id: {
            str(v.segment): (v.members, v.annual_value_fen, v.retention, v.lifetime_value_fen)
            for v in scope.segment_values
        }
        for scope in report.scopes
    }


NOBODY = (0, None, None, None)


def test_lifetime_value_in_march_has_no_retention_yet(built: tuple[Chain, Built]) -> None:
    chain, _ = built
    # As of 04-01 00:00; 90 days before is 01-01 00:00, when only Du (dormant) had joined:
    # no segment had members to keep, so no retention and no lifetime value.
    got = lifetime(chain, *MARCH, chain.clock())
    assert got["S1"] == {
        "core": NOBODY,
        "potential": NOBODY,
        "basic": (1, 74_000, None, None),
        "dormant": (2, 17_000, None, None),  # Fay 150.00 + Cai 190.00, over 2
    }
    assert got["S2"]["basic"] == NOBODY
    assert got["S2"]["dormant"] == (3, 9_000, None, None)  # Du 0 + Bo 180.00 + Eve 90.00
    assert got[None]["basic"] == (1, 74_000, None, None)
    assert got[None]["dormant"] == (5, 12_200, None, None)  # 610.00 over 5


def test_lifetime_value_of_a_kept_and_of_a_lost_segment(built: tuple[Chain, Built]) -> None:
    chain, _ = built
    # June, as of 07-01 00:00: Ann bought 107 days before (under 180): still basic; 90 days
    # before, 04-02 00:00, she was basic too (17 days). 1 of 1 kept: retention 1.
    june = lifetime(chain, date(2026, 6, 1), date(2026, 6, 30), local(2026, 7, 2))
    assert june["S1"]["basic"] == (1, 74_000, Decimal("1.0000"), 308_570)
    assert june[None]["basic"] == (1, 74_000, Decimal("1.0000"), 308_570)
    assert june["S2"]["basic"] == NOBODY
    assert june[None]["dormant"] == (5, 12_200, None, None)
    # September, as of 10-01 00:00: 199 days since Ann's last purchase, so dormant; on 07-03
    # she was basic. 0 of 1 kept: retention 0, and basic has no members left to value.
    september = lifetime(chain, date(2026, 9, 1), date(2026, 9, 30), local(2026, 10, 2))
    assert september["S1"]["basic"] == (0, None, Decimal("0.0000"), None)
    assert september["S1"]["dormant"] == (3, 36_000, None, None)  # 740 + 150 + 190, over 3
    assert september["S2"]["basic"] == NOBODY  # S2's home members had nobody in basic
    assert september[None]["dormant"] == (6, 22_500, None, None)  # 1,350.00 over 6


def test_liability_by_expiry_month_coupons_and_top_members(built: tuple[Chain, Built]) -> None:
    chain, data = built
    report = march(chain)
    # Open lots now (12 months after earning), by the store that issued the points:
    # 2027-02 — S1: Ann's A1 1500 less the 300 redeemed (oldest first) = 1200, Fay's F1 750;
    #           S2: Bo 500 + 80, Eve's E1 250;
    # 2027-03 — S1: Ann 120 + 270, Eve's E2 200 (earned on Eve' at S1), Cai 300 + 130;
    #           S2: Ann's A4 50.
    liability = {
        scope.store_id: [(f"{m.month:%Y-%m}", m.points, m.value_fen) for m in scope.liability]
        for scope in report.scopes
    }
    assert liability["S1"] == [("2027-02", 1_950, 19_500), ("2027-03", 1_020, 10_200)]
    assert liability["S2"] == [("2027-02", 830, 8_300), ("2027-03", 50, 500)]
    assert liability[None] == [("2027-02", 2_780, 27_800), ("2027-03", 1_070, 10_700)]
    # Nothing happened after March: the chain's open lots are its outstanding points.
    assert report.chain is not None
    assert sum(m.points for m in report.chain.liability) == report.chain.value("outstanding_points")
    for scope in report.scopes:
        assert scope.debt_points == 0
    # New-member coupons issued in March at S1: Eve' (03-01) and Cai (03-03); Cai used his
    # on C2 (20.00 off): issued 2, used 1, of March's used 1 → use rate 0.5.
    s1 = report.store("S1").coupons
    assert [(c.kind, c.issued, c.used, c.issued_used, c.use_rate, c.discount_fen) for c in s1] == [
        ("new_member", 2, 1, 1, Decimal("0.5000"), 2_000)
    ]
    assert report.store("S2").coupons == ()
    assert report.chain is not None and report.chain.coupons == s1
    # Spend in March: chain Ann 120 + 270 + 50, Cai 60 + 130, Eve 40; S1 without A4.
    codes = data.codes
    top = {
        scope.store_id: [(t.code, t.receipts, t.spend_fen) for t in scope.top_members]
        for scope in report.scopes
    }
    assert top[None] == [
        (codes["ann"], 3, 44_000),
        (codes["cai"], 2, 19_000),
        (codes["eve"], 1, 4_000),
    ]
    assert top["S1"] == [
        (codes["ann"], 2, 39_000),
        (codes["cai"], 2, 19_000),
        (codes["eve"], 1, 4_000),
    ]
    assert top["S2"] == [(codes["ann"], 1, 5_000)]
    ann = report.to_json()["chain"]["top_members"][0]
    assert ann["phone"] == "138****0001" and ann["home_store_id"] == "S1"
    assert ann["balance"] == 1_640


def test_the_server_agrees_with_the_till_on_its_own_store(built: tuple[Chain, Built]) -> None:
    """Same definitions, other data: the till's report of its own receipts and entries."""
    chain, data = built
    server = values(march(chain), "S1")
    till = unwrap(kpi_report(data.one, report_period(*MARCH)))
    shared = (
        "members_active",
        "repurchase_rate",
        "churn_rate",
        "receipts",
        "sales_fen",
        "refunds_fen",
        "average_ticket_fen",
        "points_issued",
        "points_redeemed",
        "points_reversed",
        "points_expired",
        "redemption_rate",
    )
    assert {k: till.line(k).current for k in shared} == {k: server[k] for k in shared}


def test_an_empty_period(built: tuple[Chain, Built]) -> None:
    chain, _ = built
    report = chain_kpi_report(
        chain.db,
        report_period(date(2025, 6, 1), date(2025, 6, 30)),
        now=chain.clock(),
        tz=SHANGHAI,
    )
    whole = values(report, None)
    # Only Du had joined (2025-03-10); nothing happened in June or May 2025.
    assert whole["members_total"] == 1 and whole["members_new"] == 0
    assert whole["receipts"] == 0 and whole["sales_fen"] == 0 and whole["members_active"] == 0
    assert whole["repurchase_rate"] is None and whole["churn_rate"] is None
    assert whole["average_ticket_fen"] is None and whole["redemption_rate"] is None
    assert whole["points_issued"] == 0
    assert whole["outstanding_points"] == 500  # D1's points, expired only in 2026
    assert report.store("S1").value("members_total") == 0
    assert all(t == () for t in (s.top_members for s in report.scopes))


def test_one_store_alone_and_refusals(built: tuple[Chain, Built]) -> None:
    from loyalty_desk.server.errors import ApiError

    chain, _ = built
    alone = march(chain, "S2")
    assert alone.chain is None and [s.store_id for s in alone.stores] == ["S2"]
    assert values(alone, "S2") == values(march(chain), "S2")
    with pytest.raises(ApiError) as unknown:
        march(chain, "S9")
    assert unknown.value.status == 404
    with pytest.raises(ApiError) as backwards:
        report_period(date(2026, 3, 31), date(2026, 3, 1))
    assert backwards.value.status == 400


# -- the command ----------------------------------------------------------------------------------


def run_cli(chain: Chain, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["server", "--database-url", chain.db.url, *args])
    return code, capsys.readouterr().out


def test_cli_json_csv_and_one_store(
    built: tuple[Chain, Built], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chain, data = built
    base = ["report", "kpi", "--from", "2026-03-01", "--to", "2026-03-31"]
    code, out = run_cli(chain, *base, "--format", "json", capsys=capsys)
    assert code == 0
    body = json.loads(out)
    assert body["period"]["kind"] == "month" and body["timezone"] == "Asia/Shanghai"
    chain_kpis = {k["key"]: k["current"] for k in body["chain"]["kpis"]}
    assert chain_kpis["receipts"] == 6 and chain_kpis["redemption_rate"] == 0.3659
    assert [s["store_id"] for s in body["stores"]] == ["S1", "S2"]
    basic = body["stores"][0]["lifetime_value_by_segment"][2]
    assert basic == {
        "segment": "basic",
        "label_zh": "基础",
        "members": 1,
        "annual_value_fen": 74_000,
        "retention": None,
        "lifetime_value_fen": None,
    }

    target = tmp_path / "chain.csv"
    code, _ = run_cli(chain, *base, "--format", "csv", "--out", str(target), capsys=capsys)
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese text as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    kpi = {(r[0], r[2]): r[5] for r in rows if len(r) == 8 and r[0] in ("CHAIN", "S1", "S2")}
    assert kpi[("CHAIN", "sales_fen")] == "670.00"
    assert kpi[("S1", "redemption_rate")] == "38.96%"
    assert kpi[("S2", "points_expired")] == "500"
    assert any(r[:4] == ["S1", "2027-03", "1020", "102.00"] for r in rows)
    assert ["CHAIN", "Dormant", "5", "122.00", "", ""] in rows
    assert rows[0] == ["Chain KPI report"] and ["KPIs"] in rows  # one language: English here
    assert not any("沉睡" in cell or "关键指标" in cell for row in rows for cell in row)
    phones = [r[4] for r in rows if len(r) == 9 and r[2] == data.codes["ann"]]
    assert phones and all(p == "138****0001" for p in phones)

    code, out = run_cli(chain, *base, "--store", "S1", capsys=capsys)
    assert code == 0
    assert "S1" in out and "CHAIN" not in out and "S2" not in out

    # --lang zh_CN: the same report in Chinese only (keys, ids and figures unchanged).
    target_zh = tmp_path / "chain-zh.csv"
    code, _ = run_cli(
        chain, *base, "--format", "csv", "--out", str(target_zh), "--lang", "zh_CN",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0
    rows_zh = list(csv.reader(io.StringIO(target_zh.read_text(encoding="utf-8-sig"))))
    assert rows_zh[0] == ["连锁关键指标报表"] and ["关键指标"] in rows_zh
    assert ["CHAIN", "沉睡", "5", "122.00", "", ""] in rows_zh
    kpi_zh = {(r[0], r[2]): r[5] for r in rows_zh if len(r) == 8 and r[0] == "CHAIN"}
    assert kpi_zh[("CHAIN", "sales_fen")] == "670.00"
    assert not any("Dormant" in cell or "KPIs" in cell for row in rows_zh for cell in row)
    code, out = run_cli(chain, *base, "--lang", "zh_CN", capsys=capsys)
    assert code == 0 and "连锁关键指标报表" in out and "Chain KPI" not in out

    code, out = run_cli(
        chain, "report", "kpi", "--from", "2026-03-31", "--to", "2026-03-01", capsys=capsys
    )
    assert code == 2


# -- over HTTP, with admin and store manager tokens ---------------------------------------------


@pytest.fixture(scope="module")
def http(built: tuple[Chain, Built]) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from loyalty_desk.server.app import create_app

    chain, _ = built
    with TestClient(create_app(chain.service, log_level="WARNING")) as client:
        yield client


pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

MARCH_QUERY = {"from": "2026-03-01", "to": "2026-03-31"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_an_admin_token_reads_the_chain(
    built: tuple[Chain, Built], http: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from fastapi.testclient import TestClient

    from loyalty_desk.server.models import AdminToken

    assert isinstance(http, TestClient)
    chain, _ = built
    code, out = run_cli(chain, "admin", "token", "--name", "Head office", capsys=capsys)
    assert code == 0
    token = next(w for w in out.split() if w.startswith("adm-"))
    reply = http.get("/v1/reports/kpi", params=MARCH_QUERY, headers=bearer(token))
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["chain"]["name"] and [s["store_id"] for s in body["stores"]] == ["S1", "S2"]
    assert body == json.loads(json.dumps(march(chain).to_json(), default=str)) | {
        "generated_at": body["generated_at"]
    }
    # Only the secret's hash is kept.
    with chain.db.read() as conn:
        stored = conn.execute(AdminToken.__table__.select()).mappings().all()
    secret = token.split(".", 1)[1]
    assert all(secret not in str(dict(row)) for row in stored)


def test_a_store_manager_reads_only_their_store(
    built: tuple[Chain, Built], http: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from fastapi.testclient import TestClient

    assert isinstance(http, TestClient)
    chain, _ = built
    code, out = run_cli(
        chain, "admin", "token", "--name", "S2 manager", "--store", "S2", capsys=capsys
    )
    assert code == 0
    token = next(w for w in out.split() if w.startswith("adm-"))
    own = http.get("/v1/reports/kpi", params=MARCH_QUERY, headers=bearer(token))
    assert own.status_code == 200
    assert own.json()["chain"] is None and [s["store_id"] for s in own.json()["stores"]] == ["S2"]
    other = http.get(
        "/v1/reports/kpi", params={**MARCH_QUERY, "store": "S1"}, headers=bearer(token)
    )
    assert other.status_code == 403 and other.json()["error"]["code"] == "NOT_YOUR_STORE"


def test_tills_and_bad_tokens_cannot_read_reports(
    built: tuple[Chain, Built], http: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from fastapi.testclient import TestClient

    from loyalty_desk.store.models import SyncState

    assert isinstance(http, TestClient)
    chain, data = built
    with data.one.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.device_token
        till_token = state.device_token
    for headers in (
        {},
        bearer(till_token),  # a till must not read other stores' numbers
        bearer("adm-0000000000000000.not-the-secret"),
        {"Authorization": "Basic abc"},
    ):
        reply = http.get("/v1/reports/kpi", params=MARCH_QUERY, headers=headers)
        assert reply.status_code == 401, (headers, reply.text)
    code, out = run_cli(chain, "admin", "token", "--name", "Leaver", capsys=capsys)
    token = next(w for w in out.split() if w.startswith("adm-"))
    ok = http.get("/v1/reports/kpi", params=MARCH_QUERY, headers=bearer(token))
    assert ok.status_code == 200
    wrong = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert http.get("/v1/reports/kpi", params=MARCH_QUERY, headers=bearer(wrong)).status_code == 401
    code, _ = run_cli(chain, "admin", "revoke", token.split(".")[0], capsys=capsys)
    assert code == 0
    gone = http.get("/v1/reports/kpi", params=MARCH_QUERY, headers=bearer(token))
    assert gone.status_code == 401
    bad = http.get(
        "/v1/reports/kpi", params={"from": "2026-03-31", "to": "2026-03-01"}, headers=bearer(token)
    )
    assert bad.status_code == 401  # refused before the dates are even looked at
