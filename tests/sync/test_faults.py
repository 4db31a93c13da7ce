"""Fault tests: whatever goes wrong, every event ends up applied exactly once, none lost."""

from __future__ import annotations

import json
import shutil
from typing import Any

from sqlalchemy import func, select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.server import admin, failpoints
from loyalty_desk.server import models as sm
from loyalty_desk.server.local import LocalTransport
from loyalty_desk.services import checkout, members, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_client import use_transport
from loyalty_desk.services.sync_status import status
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Outbox, SyncState
from loyalty_desk.sync.canonical import canonical_json, payload_hash
from loyalty_desk.sync.transport import Reply
from tests.sync.chain import (
    Chain,
    Switch,
    assert_converged,
    restore_server,
    server_member,
    snapshot_server,
    till_balance,
)


def busy_day(desk: Desk, phone: str, sales: int = 5) -> str:
    m = unwrap(members.enroll(desk, phone, "Customer"))
    for i in range(sales):
        unwrap(checkout.earn(desk, m.code, f"{phone[-4:]}-{i}", 10_000 + i * 100))
    return m.code


def server_count(chain: Chain, model: Any) -> int:
    with chain.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_connection_drops_before_the_request_arrives(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678")
    n = status(a).pending
    chain.offline("a")
    failed = sync.sync_once(a)
    assert isinstance(failed, Refusal) and failed.code is Code.SERVER_UNREACHABLE
    st = status(a)
    assert st.online is False and st.pending == n and st.last_error
    assert server_count(chain, sm.Event) == 0
    chain.online("a")
    assert chain.sync("a").acked == n
    assert status(a).online and status(a).pending == 0
    assert_converged(chain)


def test_server_commits_then_the_reply_is_lost(chain: Chain) -> None:
    a = chain.till("a", "S001")
    code = busy_day(a, "13812345678")
    n = status(a).pending
    failpoints.arm("push.after_commit")
    failed = sync.sync_once(a)
    assert isinstance(failed, Refusal) and failed.code is Code.SERVER_UNREACHABLE
    assert status(a).pending == n  # the till never heard back
    again = chain.sync("a")
    assert again.acked == n  # the server answered with its stored results
    member = unwrap(members.show(a, code))
    assert server_member(chain.service, member.id)["points"] == member.balance
    assert_converged(chain)


def test_server_dies_in_the_middle_of_a_batch(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678", sales=8)
    n = status(a).pending
    failpoints.arm("push.after_event", count=4)  # four events applied, then the crash
    failed = sync.sync_once(a)
    assert isinstance(failed, Refusal)
    assert server_count(chain, sm.Entry) == 0  # the batch's transaction never committed
    with a.read() as s:
        attempts = s.scalar(select(func.max(Outbox.attempts)))
    assert attempts == 1
    assert chain.sync("a").acked == n
    assert_converged(chain)


class KilledTill(BaseException):
    """The till process dies: nothing after this point runs."""


class DieAfterReply:
    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.armed = True

    def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        reply = self.inner.request(method, path, **kwargs)
        if self.armed and path == "/v1/sync/push":
            self.armed = False
            raise KilledTill()
        return reply


def test_server_fails_just_before_its_commit(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678")
    n = status(a).pending
    failpoints.arm("push.before_commit")  # everything written, then the transaction dies
    assert isinstance(sync.sync_once(a), Refusal)
    assert server_count(chain, sm.Event) == 0
    assert chain.sync("a").acked == n
    assert_converged(chain)


def test_till_dies_between_the_servers_commit_and_its_own_ack(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678")
    n = status(a).pending
    use_transport(a, DieAfterReply(chain.transports["a"]))
    try:
        sync.sync_once(a)
        raise AssertionError("the till should have died")
    except KilledTill:
        pass
    folder = a.data_dir
    a.close()
    reopened = unwrap(Desk.open(folder, clock=chain.clock))
    use_transport(reopened, chain.transports["a"])
    chain.tills["a"] = reopened
    assert status(reopened).pending == n
    assert chain.sync("a").acked == n
    assert server_count(chain, sm.Event) == n
    assert_converged(chain)


def test_duplicate_and_reordered_batches(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678", sales=150)  # over 150 events: two batches
    with a.read() as s:
        rows = list(s.scalars(select(Outbox).order_by(Outbox.device_seq)))
    with a.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        token = state.device_token
    link = LocalTransport(chain.service)
    device = a.info.device_id

    def push(batch: list[Outbox]) -> dict[str, Any]:
        body = {"device_id": device, "events": [json.loads(r.payload) for r in batch]}
        return link.request("POST", "/v1/sync/push", token=token, body=body).body

    first, second = rows[:100], rows[100:]
    late = push(second)  # arrives before the first batch
    assert late["halt"]["code"] == "SEQUENCE_GAP" and late["results"] == []
    assert late["halt"]["expected_seq"] == 1
    assert push(first)["acked_through"] == 100
    assert push(first)["results"][0]["replayed"]  # delivered twice
    assert push(second)["acked_through"] == len(rows)
    assert server_count(chain, sm.Event) == len(rows)
    summary = chain.sync("a")  # the till never saw those replies: all come back as stored
    assert summary.acked == len(rows) and summary.conflicts == 0
    assert_converged(chain)


def test_a_batch_with_text_that_is_not_unicode_is_refused_whole(chain: Chain) -> None:
    """JSON can spell a lone surrogate ("\\ud800"): nothing can store or hash it. The batch
    is refused before anything is written, its good events included."""
    a = chain.till("a", "S001")
    busy_day(a, "13812345678", sales=2)
    with a.read() as s:
        rows = list(s.scalars(select(Outbox).order_by(Outbox.device_seq)))
        state = s.get(SyncState, 1)
        assert state is not None
        token = state.device_token
    events = [json.loads(r.payload) for r in rows]
    events[-1]["data"]["receipt_no"] = "R\ud800"
    link = LocalTransport(chain.service)
    body = {"device_id": a.info.device_id, "events": events}
    reply = link.request("POST", "/v1/sync/push", token=token, body=body)
    assert reply.status == 400
    assert reply.body["error"]["code"] == Code.INVALID_EVENT
    assert "lone surrogate" in reply.body["error"]["message"]
    assert server_count(chain, sm.Event) == 0
    assert chain.sync("a").acked == len(rows)  # the till's own copies go through


def test_a_sequence_gap_after_the_server_lost_events(chain: Chain) -> None:
    """The server is restored from a backup that lacks the till's last events: the push
    meets a sequence gap and the till sends them again; the pull starts over."""
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    code = busy_day(a, "13812345678", sales=3)
    chain.sync_all()
    backup = snapshot_server(chain)
    unwrap(checkout.earn(a, code, "LOST-1", 10_000))
    unwrap(checkout.earn(a, code, "LOST-2", 10_000))
    chain.sync_all()
    restore_server(chain, backup)
    admin.reset_feed(chain.db)  # what the operator does after restoring a backup
    unwrap(checkout.earn(a, code, "AFTER", 10_000))
    summary = chain.sync("a")
    assert any("re-sending" in n for n in summary.notes)
    assert summary.consistent
    assert_converged(chain)
    member = unwrap(members.show(b, code))
    assert member.balance == unwrap(members.show(a, code)).balance


def test_same_event_id_with_another_payload_is_quarantined(chain: Chain) -> None:
    a = chain.till("a", "S001")
    code = busy_day(a, "13812345678", sales=2)
    chain.sync("a")
    with a.write() as s:  # the till's copy of an acked event is altered and sent again
        row = s.scalars(select(Outbox).where(Outbox.kind == "points_earned")).first()
        assert row is not None
        body = json.loads(row.payload)
        body["entries"][0]["points"] += 1_000
        row.payload = canonical_json(body)
        row.payload_hash = payload_hash(row.payload)
        row.acked_at = None
    summary = chain.sync("a")
    assert summary.quarantined == 1
    problems = sync.problems(a)
    assert [p.status for p in problems] == ["quarantined"]
    assert server_count(chain, sm.Quarantine) == 1
    assert [c["kind"] for c in admin.list_cases(chain.db)] == ["quarantine"]
    member = unwrap(members.show(a, code))
    # Applied once, as first received: the altered copy moved nothing.
    assert server_member(chain.service, member.id)["points"] == 500 + 101


def test_a_cloned_till_database_registers_again_and_loses_nothing(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678", sales=2)
    chain.sync("a")
    unwrap(checkout.earn(a, "13812345678", "BOTH-1", 10_000))  # unsynced when copied
    shutil.copytree(a.data_dir, chain.root / "clone")
    clone = unwrap(Desk.open(chain.root / "clone", clock=chain.clock))
    use_transport(clone, Switch(LocalTransport(chain.service)))
    chain.tills["clone"] = clone
    unwrap(checkout.earn(a, "13812345678", "A-ONLY", 10_000))
    unwrap(checkout.earn(clone, "13812345678", "CLONE-ONLY", 20_000))
    chain.sync("a")
    failed = sync.sync_once(clone)
    assert isinstance(failed, Refusal) and failed.code is Code.CLONE_DETECTED
    assert sync.sync_once(clone).code is Code.CLONE_DETECTED  # type: ignore[union-attr]
    # BOTH-1 was sent by both: the server recognised the clone's copy before the clash.
    assert sync.problems(clone) == []
    result = unwrap(sync.register(clone, "http://server.test", chain.code("S001")))
    assert result.new_device and result.device_id != a.info.device_id
    summary = chain.sync("clone")
    assert summary.rejected == 0 and summary.quarantined == 0
    receipts = set()
    with chain.db.read() as conn:
        receipts = set(
            conn.execute(select(sm.Entry.receipt_no).where(sm.Entry.kind == "EARN")).scalars()
        )
    assert {"BOTH-1", "A-ONLY", "CLONE-ONLY"} <= receipts
    assert_converged(chain)
    assert till_balance(a, unwrap(members.show(a, "13812345678")).id) == till_balance(
        clone, unwrap(members.show(a, "13812345678")).id
    )


def test_revoked_or_expired_token_keeps_the_events(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678", sales=2)
    n = status(a).pending
    admin.expire_token(chain.db, a.info.device_id, chain.clock())
    failed = sync.sync_once(a)
    assert isinstance(failed, Refusal) and failed.code is Code.TOKEN_EXPIRED
    assert status(a).pending == n
    unwrap(sync.register(a, "http://server.test", chain.code("S001")))  # same device again
    assert chain.sync("a").acked == n + 1  # and the new registration
    unwrap(checkout.earn(a, "13812345678", "LATER", 10_000))
    admin.revoke_device(chain.db, a.info.device_id, chain.clock())
    old_device = a.info.device_id
    failed = sync.sync_once(a)
    assert isinstance(failed, Refusal) and failed.code is Code.DEVICE_REVOKED
    with a.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.status == "revoked"
    assert status(a).pending == 1
    result = unwrap(sync.register(a, "http://server.test", chain.code("S001")))
    assert result.new_device and a.info.device_id != old_device
    assert chain.sync("a").acked == 2  # LATER and the new registration
    assert_converged(chain)


def test_protocol_version_mismatch(chain: Chain) -> None:
    a = chain.till("a", "S001")
    busy_day(a, "13812345678", sales=1)
    n = status(a).pending
    use_transport(a, LocalTransport(chain.service, protocol=2))
    failed = sync.sync_once(a)
    assert isinstance(failed, Refusal) and failed.code is Code.PROTOCOL_MISMATCH
    assert status(a).pending == n and "protocol" in (status(a).last_error or "")
    use_transport(a, chain.transports["a"])
    assert chain.sync("a").acked == n
    assert_converged(chain)
