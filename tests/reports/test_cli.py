"""`loyalty-desk report …`: the same numbers as the services, files written, refusals exit 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from loyalty_desk.cli import main
from loyalty_desk.domain.periods import PeriodKind, period_of
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.reports_kpi import kpi_report
from loyalty_desk.services.usecase import unwrap
from tests.conftest import FakeClock


@pytest.fixture
def store(desk: Desk, clock: FakeClock, manager: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    # The CLI opens its own Desk: give it the test clock.
    import loyalty_desk.services.desk as desk_module

    real_open = desk_module.Desk.open.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(
        desk_module.Desk,
        "open",
        classmethod(lambda cls, data_dir, clock=clock: real_open(cls, data_dir, clock=clock)),
    )
    return desk.data_dir


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


def test_kpi_json_is_the_services_report(
    store: Path, desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(
        capsys, store, "--json", "report", "kpi", "--from", "2026-03-01", "--to", "2026-03-31"
    )
    assert code == 0
    data = json.loads(out)
    expected = unwrap(kpi_report(desk, period_of(PeriodKind.MONTH, date(2026, 3, 1)))).to_json()
    assert data["kpis"] == expected["kpis"]
    assert data["period"]["kind"] == "month"
    sales = next(k for k in data["kpis"] if k["key"] == "sales_fen")
    assert (sales["current"], sales["previous"]) == (49_000, 73_000)


def test_kpi_text_and_files(
    store: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = run(capsys, store, "report", "kpi", "--month", "2026-03", "--lang", "zh_CN")
    assert code == 0
    assert "会员销售额" in out and "¥490.00" in out and "138****0001" in out
    assert "会员关键指标" in out and "对比" in out and "普通" in out
    assert "Member sales" not in out and "Regular" not in out  # one language, not both
    code, out = run(capsys, store, "report", "kpi", "--month", "2026-03", "--lang", "en")
    assert code == 0
    assert "Member sales" in out and "Member KPIs" in out and "Regular" in out
    assert "会员销售额" not in out and "普通" not in out
    for fmt in ("csv", "pdf"):
        target = tmp_path / f"k.{fmt}"
        code, out = run(
            capsys,
            store,
            "report",
            "kpi",
            "--month",
            "2026-03",
            "--format",
            fmt,
            "--out",
            str(target),
        )
        assert code == 0 and target.stat().st_size > 0


def test_other_reports(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, store, "--json", "report", "segments", "--month", "2026-03")
    assert code == 0 and {s["segment"] for s in json.loads(out)["segments"]} == {
        "core",
        "potential",
        "basic",
        "dormant",
    }
    code, out = run(
        capsys, store, "--json", "report", "segments", "--month", "2026-03", "--members", "basic"
    )
    assert code == 0 and [m["name"] for m in json.loads(out)["members"]] == ["Ann 安"]
    code, out = run(capsys, store, "report", "tiers", "--week", "2026-03-04")
    assert code == 0 and "Regular" in out
    code, out = run(capsys, store, "--json", "report", "winback", "--codes")
    assert code == 0 and len(json.loads(out)["codes"]) == 4  # Bo, Cai, Du, Fay: dormant buyers


@pytest.mark.parametrize(
    "args",
    [
        ("report", "kpi", "--month", "2026-13"),
        ("report", "kpi", "--from", "2026-03-10", "--to", "2026-03-01"),
        ("report", "kpi", "--day", "2026-03-01", "--month", "2026-03"),
        ("report", "kpi", "--store-sales", "12.345"),
        ("report", "kpi", "--format", "csv"),
        ("report", "segments", "--move", "core-dormant"),
        ("report", "winback", "--full-phones", "--format", "csv", "--out", "x.csv"),
    ],
)
def test_bad_input_is_refused(
    store: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    code, out = run(capsys, store, "--json", *args)
    assert code == 2
    assert json.loads(out)["error"]["code"] in {
        "INVALID_DATE",
        "INVALID_AMOUNT",
        "INVALID_FILE",
        "INVALID_QUERY",
        "MANAGER_PIN_REQUIRED",
    }


def test_full_phones_with_a_manager_pin(
    store: Path, capsys: pytest.CaptureFixture[str], manager: str, tmp_path: Path
) -> None:
    target = tmp_path / "w.csv"
    code, _ = run(
        capsys,
        store,
        "report",
        "winback",
        "--format",
        "csv",
        "--out",
        str(target),
        "--full-phones",
        "--manager-pin",
        manager,
    )
    assert code == 0
    assert "13900000002" in target.read_text(encoding="utf-8-sig")  # Bo
