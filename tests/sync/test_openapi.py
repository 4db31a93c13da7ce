"""schemathesis against the server's own OpenAPI description: no 5xx, no reply that breaks
its schema, no undocumented status — with a random token and with a valid one."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from loyalty_desk.server import admin, admin_tokens
from loyalty_desk.server.app import create_app
from loyalty_desk.server.service import Service, open_database
from loyalty_desk.sync.protocol import RegisterRequest

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


def _app() -> tuple[Any, str, str]:
    """The app on its own SQLite file (schemathesis collects operations at import time,
    before any fixture could hand it a database)."""
    folder = Path(tempfile.mkdtemp(prefix="openapi-"))
    db = open_database(f"sqlite:///{folder / 'server.db'}")
    now = datetime.now(UTC)
    admin.add_store(db, "S001", "Flagship", now)
    code = admin.issue_code(db, "S001", now)["code"]
    service = Service(db)
    reply = service.register(RegisterRequest(code=code, device_id="dev-1", store_id="S001"))
    chief = admin_tokens.create_token(db, "Head office", None, now)["token"]
    return create_app(service, log_level="WARNING"), reply.device_token, chief


APP, TOKEN, ADMIN_TOKEN = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@FAST
def test_any_request_gets_a_documented_answer(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FAST
def test_an_authenticated_till_gets_a_documented_answer(case: Any) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "X-Loyalty-Protocol": "1"}
    case.call_and_validate(headers=headers, checks=CHECKS)


@schema.parametrize()
@FAST
def test_an_admin_gets_a_documented_answer(case: Any) -> None:
    """The chain reports with a valid admin token: dates, stores and time zones at random."""
    case.call_and_validate(headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, checks=CHECKS)
