"""Registering a till, and the server's administration commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from loyalty_desk import cli
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.server import admin
from loyalty_desk.server import models as sm
from loyalty_desk.services import members, sync
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Member, Outbox
from loyalty_desk.sync.canonical import canonical_json, payload_hash
from tests.helpers import db_fingerprint
from tests.sync.chain import Chain


def test_registration_refusals_change_nothing(chain: Chain) -> None:
    a = chain.till("a", "S001", register=False)
    chain.store("S002")
    before = db_fingerprint(a)
    used = chain.code("S001")
    unwrap(sync.register(chain.till("b", "S001", register=False), "http://s", used))
    cases = [
        (("ftp://server", chain.code("S001")), Code.INVALID_URL),
        (("http://server", "12-34"), Code.INVALID_REGISTRATION_CODE),
        (("http://server", "0000-0000-0000"), Code.INVALID_REGISTRATION_CODE),
        (("http://server", used), Code.INVALID_REGISTRATION_CODE),  # once only
        (("http://server", chain.code("S002")), Code.STORE_MISMATCH),
    ]
    for args, code in cases:
        result = sync.register(a, *args)
        assert isinstance(result, Refusal) and result.code is code, (args, result)
    chain.clock.advance(hours=25)
    expired = chain.code("S001")
    with chain.db.write() as conn:
        conn.execute(update(sm.RegistrationCode).values(expires_at=chain.clock()))
    result = sync.register(a, "http://server", expired)
    assert isinstance(result, Refusal) and result.code is Code.INVALID_REGISTRATION_CODE
    assert db_fingerprint(a) == before
    not_registered = sync.sync_once(a)
    assert isinstance(not_registered, Refusal) and not_registered.code is Code.NOT_REGISTERED


def test_the_same_code_drawn_in_two_stores_opens_a_case(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    first = unwrap(members.enroll(a, "13812345678", "First"))
    second = unwrap(members.enroll(b, "13912345678", "Second"))
    with b.write() as s:  # the random draw that collides, one in a hundred million
        s.execute(update(Member).where(Member.id == second.id).values(code=first.code))
        row = s.scalars(select(Outbox).where(Outbox.kind == "member_enrolled")).one()
        body = json.loads(row.payload)
        body["data"]["member"]["code"] = first.code
        row.payload = canonical_json(body)
        row.payload_hash = payload_hash(row.payload)
    chain.sync("a")
    summary = chain.sync("b")
    assert summary.conflicts == 1
    assert [c["kind"] for c in admin.list_cases(chain.db)] == ["duplicate_code"]
    chain.sync("a")
    # Each till keeps its own member under the code; the other is found by phone.
    assert unwrap(members.show(a, first.code)).id == first.id
    assert unwrap(members.show(a, "13912345678")).id == second.id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = cli.main(["--json", *argv])
    return code, json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_server_admin_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    base = ("server", "--database-url", url)
    assert run(capsys, *base, "store", "add", "--store-id", "S001", "--name", "Flagship")[0] == 0
    code, refused = run(capsys, *base, "store", "add", "--store-id", "S001", "--name", "Again")
    assert code == 2 and refused["error"]["code"] == "STORE_EXISTS"  # type: ignore[index]
    code, refused = run(capsys, *base, "store", "code", "S404")
    assert code == 2 and refused["error"]["code"] == "UNKNOWN_STORE"  # type: ignore[index]
    rules = tmp_path / "rules.toml"
    rules.write_text("[earning]\nfen_per_point = 50\n", encoding="utf-8")
    code, published = run(
        capsys, *base, "rules", "publish", str(rules), "--effective", "2026-06-01"
    )
    assert code == 0 and published["version"] == 2
    assert published["effective_from"] == "2026-05-31T16:00:00+00:00"  # midnight in Shanghai
    rules.write_text("[earning]\nfen_per_point = -1\n", encoding="utf-8")
    code, bad = run(capsys, *base, "rules", "publish", str(rules), "--effective", "2026-06-01")
    assert code == 2 and bad["error"]["code"] == "INVALID_RULES"  # type: ignore[index]
    rules.write_text("[earning\n", encoding="utf-8")
    code, bad = run(capsys, *base, "rules", "publish", str(rules), "--effective", "2026-06-01")
    assert code == 2 and bad["error"]["code"] == "INVALID_RULES"  # type: ignore[index]
    code, bad = run(capsys, *base, "device", "revoke", "nope")
    assert code == 2 and bad["error"]["code"] == "UNKNOWN_DEVICE"  # type: ignore[index]
    code, cases = run(capsys, *base, "cases", "--all")
    assert code == 0 and cases["cases"] == []
    code, bad = run(capsys, *base, "cases", "close", "7", "--note", "x")
    assert code == 2 and bad["error"]["code"] == "UNKNOWN_CASE"  # type: ignore[index]
    assert run(capsys, *base, "feed", "reset")[0] == 0
