"""The `loyalty-desk` CLI contract: JSON shapes, exit codes, readable summaries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loyalty_desk.cli import main


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    data = str(tmp_path / "till")

    def run(*args: str, json_out: bool = True) -> tuple[int, dict | str]:  # type: ignore[type-arg]
        argv = ["--data-dir", data, *(["--json"] if json_out else []), *args]
        code = main(argv)
        out = capsys.readouterr()
        text = out.out.strip()
        if json_out:
            lines = text.splitlines()
            assert len(lines) == 1, text  # exactly one JSON object
            return code, json.loads(lines[0])
        return code, text + out.err

    assert run("init", "--store-id", "S001", "--store-name", "旗舰店")[0] == 0
    return run


def test_enrol_earn_redeem_show(cli) -> None:  # type: ignore[no-untyped-def]
    code, m = cli("member", "enroll", "--phone", "13812345678", "--name", "张三")
    assert code == 0
    assert {"code", "name", "phone_masked", "tier", "balance"} <= set(m)
    assert m["phone_masked"] == "138****5678" and m["tier"] == "regular" and m["balance"] == 0
    code, e = cli("earn", m["code"], "--receipt", "R1", "--amount", "100.00")
    assert code == 0 and e["points_awarded"] == 500 and e["breakdown"]["bonus"] == "first_purchase"
    assert e["balance"] == 500 and e["code"] == m["code"]
    code, e2 = cli("earn", "13812345678", "--receipt", "R2", "--amount", "100")
    assert e2["points_awarded"] == 100
    code, r = cli(
        "redeem", m["code"], "--receipt", "R3", "--points", "200", "--receipt-amount", "80"
    )
    assert code == 0 and r["points_redeemed"] == 200 and r["value_fen"] == 2000
    assert r["balance"] == 400
    code, shown = cli("member", "show", m["code"])
    assert code == 0 and shown["balance"] == 400
    code, found = cli("member", "find", "5678")
    assert found["mode"] == "suffix" and found["members"][0]["code"] == m["code"]
    code, hist = cli("member", "history", m["code"])
    assert [x["kind"] for x in hist["entries"]] == ["REDEEM", "EARN", "EARN"]


def test_refusals_are_json_with_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    code, m = cli("member", "enroll", "--phone", "13812345678", "--name", "张三")
    cases = [
        (("earn", m["code"], "--receipt", "R1", "--amount", "1.005"), "INVALID_AMOUNT"),
        (("earn", m["code"], "--receipt", "R1", "--amount", "-1"), "INVALID_AMOUNT"),
        (("earn", "13899999999", "--receipt", "R1", "--amount", "1"), "UNKNOWN_MEMBER"),
        (("member", "enroll", "--phone", "123", "--name", "x"), "INVALID_PHONE"),
        (("member", "enroll", "--phone", "13812345678", "--name", "x"), "PHONE_ALREADY_ENROLLED"),
        (
            ("redeem", m["code"], "--receipt", "R9", "--points", "100", "--receipt-amount", "100"),
            "INSUFFICIENT_POINTS",
        ),
        (
            ("redeem", m["code"], "--receipt", "R9", "--points", "1.5", "--receipt-amount", "100"),
            "INVALID_POINTS",
        ),
        (("refund", "--receipt", "NOPE"), "MANAGER_PIN_REQUIRED"),
        (
            ("earn", m["code"], "--receipt", "R1", "--amount", "1", "--at", "yesterday"),
            "INVALID_TIME",
        ),
        (
            ("adjust", m["code"], "--points", "10", "--reason", "why", "--manager-pin", "1"),
            "MANAGER_PIN_REQUIRED",
        ),
        (("frobnicate",), "USAGE"),
    ]
    for args, expected in cases:
        code, out = cli(*args)
        assert code == 2, (args, out)
        assert out["error"]["code"] == expected, (args, out)
        assert out["error"]["message"]


def test_receipt_retry_returns_original(cli) -> None:  # type: ignore[no-untyped-def]
    code, m = cli("member", "enroll", "--phone", "13812345678", "--name", "张三")
    first = cli("earn", m["code"], "--receipt", "R1", "--amount", "100")[1]
    code, again = cli("earn", m["code"], "--receipt", "R1", "--amount", "100")
    assert code == 0 and again["replayed"] and again["points_awarded"] == first["points_awarded"]
    assert again["balance"] == 500
    code, clash = cli("earn", m["code"], "--receipt", "R1", "--amount", "200")
    assert code == 2 and clash["error"]["code"] == "RECEIPT_ALREADY_EARNED"


def test_staff_refund_adjust_audit(cli) -> None:  # type: ignore[no-untyped-def]
    code, m = cli("member", "enroll", "--phone", "13812345678", "--name", "张三")
    cli("earn", m["code"], "--receipt", "R1", "--amount", "100")
    assert cli("staff", "add", "--name", "Boss", "--role", "manager", "--pin", "2468")[0] == 0
    code, refused = cli("staff", "add", "--name", "Li", "--role", "cashier", "--pin", "1111")
    assert refused["error"]["code"] == "MANAGER_PIN_REQUIRED"
    code, rf = cli("refund", "--receipt", "R1", "--amount", "50", "--manager-pin", "2468")
    assert code == 0 and rf["points_reversed"] == 250 and rf["balance"] == 250
    code, adj = cli(
        "adjust", m["code"], "--points", "-50", "--reason", "fix", "--manager-pin", "2468"
    )
    assert code == 0 and adj["balance"] == 200
    code, audit = cli("audit", "verify")
    assert code == 0 and audit["ok"] and audit["rows"] >= 3
    code, exp = cli("expire")
    assert code == 0 and exp["points_expired"] == 0


def test_human_output_is_readable(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    code, m = cli("member", "enroll", "--phone", "13812345678", "--name", "张三")
    code, text = cli("earn", m["code"], "--receipt", "R1", "--amount", "100", json_out=False)
    assert code == 0 and "Awarded 500" in text and "×5 first purchase" in text
    monkeypatch.setenv("LOYALTY_DESK_LANG", "zh_CN")
    code, text = cli("member", "show", m["code"], json_out=False)
    assert "积分 500" in text and "138****5678" in text
    code, text = cli("earn", m["code"], "--receipt", "R2", "--amount", "x", json_out=False)
    assert code == 2 and "INVALID_AMOUNT" in text


def test_uninitialised_dir_is_a_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", str(tmp_path / "none"), "--json", "member", "find", "1234"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and out["error"]["code"] == "NOT_INITIALISED"


def test_installed_command_runs(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("loyalty-desk")
    done = subprocess.run(
        [str(exe), "--data-dir", str(tmp_path / "x"), "--json", "init", "--store-id", "S9"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["store_id"] == "S9"
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("loyalty-desk ")
