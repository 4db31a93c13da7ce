"""A server worker serves a few requests at once; the rest wait their turn (DEFAULT_THREADS).

With anyio's default of 40 threads, 200 tills pushing at once were slower in total and
slower per request than with a handful (bench/load_tills.py)."""

from __future__ import annotations

import json
from pathlib import Path

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

from loyalty_desk.cli import main
from loyalty_desk.server.app import create_app
from loyalty_desk.server.service import DEFAULT_THREADS, ENV_HOLD_TTL, ENV_THREADS
from tests.sync.chain import Chain


def _tokens(client: TestClient) -> float:
    assert client.portal is not None
    return client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)


def test_a_worker_serves_a_few_requests_at_once(chain: Chain) -> None:
    with TestClient(create_app(chain.service, log_level="WARNING")) as client:
        assert _tokens(client) == DEFAULT_THREADS
        assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize(("value", "expected"), [("12", 12), ("0", 1), ("", DEFAULT_THREADS)])
def test_the_operator_can_set_how_many(
    chain: Chain, monkeypatch: pytest.MonkeyPatch, value: str, expected: int
) -> None:
    monkeypatch.setenv(ENV_THREADS, value)
    with TestClient(create_app(chain.service, log_level="WARNING")) as client:
        assert _tokens(client) == expected


@pytest.mark.parametrize("name", [ENV_THREADS, ENV_HOLD_TTL])
def test_serve_refuses_a_setting_that_is_not_a_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # Refused before the server starts (and before any worker would fail on it).
    monkeypatch.setenv(name, "four")
    url = f"sqlite:///{tmp_path / 'server.db'}"
    code = main(["--json", "serve", "--database-url", url])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and out["error"]["code"] == "INVALID_SETTING"
    assert name in out["error"]["message"] and "four" in out["error"]["message"]
    assert not (tmp_path / "server.db").exists()
