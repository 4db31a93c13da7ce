"""Integration: the real server (uvicorn, on PostgreSQL when LOYALTY_TEST_DATABASE_URL is
set, SQLite otherwise) and three tills in their own data directories, over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from loyalty_desk import cli
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.server import models as sm
from loyalty_desk.server.db import ServerDatabase
from loyalty_desk.services import checkout, members, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_status import status
from loyalty_desk.services.usecase import unwrap
from tests.helpers import check_invariants
from tests.sync.chain import own_points
from tests.sync.live import LiveServer

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def live(tmp_path: Path, server_url: str) -> Iterator[LiveServer]:
    server = LiveServer(server_url, tmp_path / "server.log")
    server.start()
    yield server
    server.stop()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = cli.main(["--json", *argv])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1])


def admin(capsys: pytest.CaptureFixture[str], live: LiveServer, *argv: str) -> dict[str, object]:
    code, data = run(capsys, "server", "--database-url", live.database_url, *argv)
    assert code == 0, data
    return data


def make_till(
    capsys: pytest.CaptureFixture[str], live: LiveServer, folder: Path, store: str
) -> Desk:
    assert run(capsys, "--data-dir", str(folder), "init", "--store-id", store)[0] == 0
    stores = {s["store_id"] for s in admin(capsys, live, "store", "list")["stores"]}  # type: ignore[attr-defined]
    if store not in stores:
        admin(capsys, live, "store", "add", "--store-id", store, "--name", f"Store {store}")
    code = admin(capsys, live, "store", "code", store)["code"]
    status_code, data = run(
        capsys, "--data-dir", str(folder), "register", "--server", live.url, "--code", str(code)
    )
    assert status_code == 0, data
    return unwrap(Desk.open(folder))


def test_three_tills_over_http(
    tmp_path: Path, live: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert requests.get(live.url + "/healthz", timeout=5).json()["status"] == "ok"
    spec = requests.get(live.url + "/openapi.json", timeout=5).json()
    assert "/v1/sync/push" in spec["paths"]
    tills = {
        name: make_till(capsys, live, tmp_path / name, store)
        for name, store in (("a", "S001"), ("b", "S002"), ("c", "S002"))
    }
    a, b, c = tills["a"], tills["b"], tills["c"]
    try:
        m = unwrap(members.enroll(a, "13812345678", "Over HTTP"))
        unwrap(checkout.earn(a, m.code, "A-1", 20_000))  # 1000
        code, summary = run(capsys, "--data-dir", str(tmp_path / "a"), "sync")
        assert code == 0 and summary["acked"] == 4 and summary["consistent"] is True
        for name in ("b", "c"):
            assert run(capsys, "--data-dir", str(tmp_path / name), "sync")[0] == 0
        unwrap(checkout.redeem(b, m.code, "B-1", 400, 100_000))  # online: held on the server
        refused = checkout.redeem(c, m.code, "C-1", 700, 200_000)
        assert isinstance(refused, Refusal) and refused.code is Code.INSUFFICIENT_POINTS
        unwrap(checkout.redeem(c, m.code, "C-2", 600, 200_000))
        for _ in range(2):
            for name in ("a", "b", "c"):
                code, summary = run(capsys, "--data-dir", str(tmp_path / name), "sync")
                assert code == 0, summary
        for desk in tills.values():
            assert unwrap(members.show(desk, m.code)).balance == 0
            assert status(desk).pending == 0 and status(desk).online
            check_invariants(desk)
        code, cases = run(capsys, "server", "--database-url", live.database_url, "cases")
        assert code == 0 and cases["cases"] == []
    finally:
        for desk in tills.values():
            desk.close()


def test_server_killed_mid_batch_and_restarted(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    live = LiveServer(server_url, tmp_path / "server.log")
    live.start()
    till = make_till(capsys, live, tmp_path / "a", "S001")
    try:
        m = unwrap(members.enroll(till, "13812345678", "Crash"))
        for i in range(30):
            unwrap(checkout.earn(till, m.code, f"R-{i}", 10_000 + i))
        n = status(till).pending
        live.stop()
        live.start(failpoints="push.after_event=exit@10", workers=1)  # dies like kill -9
        failed = sync.sync_once(till)
        assert isinstance(failed, Refusal) and failed.code is Code.SERVER_UNREACHABLE
        assert live.wait_dead() != 0
        assert status(till).pending == n and status(till).online is False
        live.start()
        summary = unwrap(sync.sync_once(till))
        assert summary.acked == n and summary.consistent
        earned = own_points(till)  # every receipt once, whatever its multipliers
        assert unwrap(members.show(till, m.code)).balance == earned > 3000
        db = ServerDatabase(server_url)
        with db.read() as conn:
            points = conn.execute(select(sm.Member.points)).scalar_one()
            entries = conn.execute(select(func.count()).select_from(sm.Entry)).scalar_one()
        db.close()
        assert (points, entries) == (earned, 30)
        check_invariants(till)
    finally:
        till.close()
        live.stop()
