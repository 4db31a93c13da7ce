"""`loyalty-desk coupon ...` and `voucher ...`: one JSON object with --json, exit 0/2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from loyalty_desk import cli
from tests.pdf_check import decode_qr, page_count, rasterise
from tests.test_layering import PACKAGE, violations


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    data_dir = str(tmp_path / "store")

    def invoke(*args: str) -> tuple[int, dict[str, Any]]:
        code = cli.main(["--data-dir", data_dir, "--json", *args])
        out = capsys.readouterr().out.strip().splitlines()
        assert len(out) == 1, out  # exactly one JSON object
        return code, json.loads(out[0])

    assert invoke("init", "--store-id", "S001", "--store-name", "旗舰店")[0] == 0
    assert invoke("staff", "add", "--name", "Boss", "--role", "manager", "--pin", "2468")[0] == 0
    assert invoke("member", "enroll", "--phone", "13812345678", "--name", "李雷")[0] == 0
    return invoke


def test_coupon_commands(run: Any, tmp_path: Path) -> None:
    code, listed = run("coupon", "list", "13812345678")
    assert code == 0 and [c["kind"] for c in listed["coupons"]] == ["new_member"]
    welcome = listed["coupons"][0]["code"]
    code, refused = run(
        "coupon",
        "redeem",
        welcome,
        "--receipt",
        "R1",
        "--amount",
        "99.99",
        "--member",
        "13812345678",
    )
    assert code == 2 and refused["error"]["code"] == "BELOW_MIN_SPEND"
    code, used = run(
        "coupon", "redeem", welcome, "--receipt", "R1", "--amount", "120", "--member", "13812345678"
    )
    assert code == 0 and (used["discount_fen"], used["to_pay_fen"]) == (2_000, 10_000)
    code, again = run("coupon", "redeem", welcome, "--receipt", "R2", "--amount", "120")
    assert code == 2 and again["error"]["code"] == "COUPON_ALREADY_USED"
    code, shown = run("coupon", "show", welcome)
    assert code == 0 and shown["status"] == "redeemed" and shown["redeemed_receipt"] == "R1"

    code, issued = run("coupon", "issue", "--bearer", "--kind", "winback", "--manager-pin", "2468")
    assert code == 0 and issued["member_code"] is None and issued["value_fen"] == 10_000
    code, refused = run("coupon", "issue", "13812345678", "--kind", "winback")
    assert code == 2 and refused["error"]["code"] == "MANAGER_PIN_REQUIRED"
    code, voided = run(
        "coupon", "void", issued["code"], "--reason", "misprint", "--manager-pin", "2468"
    )
    assert code == 0 and voided["status"] == "void"

    assert run("earn", "13812345678", "--receipt", "R1", "--amount", "100")[0] == 0
    code, exchanged = run("coupon", "issue", "13812345678", "--kind", "points", "--points", "200")
    assert code == 0 and exchanged["coupon"]["value_fen"] == 2_000
    assert exchanged["member"]["balance"] == 300
    code, bad = run("coupon", "redeem", "1234", "--receipt", "R3", "--amount", "5")
    assert code == 2 and bad["error"]["code"] == "INVALID_CODE"


def test_voucher_render_and_batch(run: Any, tmp_path: Path) -> None:
    _, listed = run("coupon", "list", "13812345678")
    welcome = listed["coupons"][0]["code"]
    pdf_path = tmp_path / "v.pdf"
    code, out = run("voucher", "render", welcome, "--page", "a6", "--out", str(pdf_path))
    assert code == 0 and out["out"] == str(pdf_path) and out["bytes"] == pdf_path.stat().st_size
    assert decode_qr(rasterise(pdf_path.read_bytes(), dpi=120)[0]) == [welcome]
    bin_path = tmp_path / "v.bin"
    code, out = run(
        "voucher", "render", welcome, "--format", "escpos", "--width", "58", "--out", str(bin_path)
    )
    assert code == 0 and bin_path.read_bytes().startswith(b"\x1b@\x1c&")
    code, refused = run("voucher", "render", welcome)
    assert code == 2 and refused["error"]["code"] == "INVALID_FILE"
    code, refused = run("voucher", "render", welcome, "--send", "net:127.0.0.1:1")
    assert code == 2 and refused["error"]["code"] == "INVALID_FORMAT"
    printer = tmp_path / "lp0"
    code, sent = run(
        "voucher", "card", "13812345678", "--format", "escpos", "--send", f"file:{printer}"
    )
    assert code == 0 and sent["sent_to"] == f"file:{printer}" and printer.stat().st_size > 0
    code, refused = run("voucher", "slip", "NOPE", "--out", str(tmp_path / "s.pdf"))
    assert code == 2 and refused["error"]["code"] == "UNKNOWN_RECEIPT"

    assert run("earn", "13812345678", "--receipt", "R1", "--amount", "100")[0] == 0
    batch_path = tmp_path / "batch.pdf"
    code, batch = run(
        "coupon", "batch", "--segment", "dormant", "--kind", "winback",
        "--out", str(batch_path), "--manager-pin", "2468",
    )  # fmt: skip
    assert code == 0 and batch["issued"] == 1 and page_count(batch_path.read_bytes()) == 1
    code, empty = run(
        "coupon", "batch", "--segment", "core", "--kind", "upsell",
        "--out", str(tmp_path / "none.pdf"), "--manager-pin", "2468",
    )  # fmt: skip
    assert code == 2 and empty["error"]["code"] == "EMPTY_SEGMENT"
    assert not (tmp_path / "none.pdf").exists()


def test_the_cli_extension_reaches_the_store_only_through_services() -> None:
    assert violations([PACKAGE / "coupon_cli.py"], ("loyalty_desk.store",)) == []
