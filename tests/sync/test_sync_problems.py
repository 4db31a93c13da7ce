"""The manager's list of what syncing left to look at: refused and quarantined events,
cases the server opened (overdraft, coupon used twice, merges), members merged away."""

from __future__ import annotations

import json

from sqlalchemy import select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import checkout, members, sync
from loyalty_desk.services.sync_problems import Category, sync_problems
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import Outbox
from loyalty_desk.sync.canonical import canonical_json, payload_hash
from tests.sync.chain import Chain


def test_an_offline_overdraft_is_listed_with_its_member_and_receipt(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    m = unwrap(members.enroll(a, "13812345678", "Chen"))
    unwrap(checkout.earn(a, m.code, "H-1", 20_000))  # first purchase: 1,000 points
    chain.sync_all()
    assert sync_problems(a) == sync_problems(b) == []
    chain.offline("a", "b")
    unwrap(checkout.redeem(a, m.code, "A-800", 800, 200_000))
    unwrap(checkout.redeem(b, m.code, "B-800", 800, 200_000))
    chain.online("a", "b")
    chain.sync("a")
    chain.sync("b")  # the second redemption overdrew: the server opened a case
    assert sync_problems(a) == []
    [problem] = sync_problems(b)
    assert problem.category is Category.CONFLICT and problem.code == "overdraft"
    assert problem.event_kind == "points_redeemed" and problem.receipt_no == "B-800"
    assert (problem.member_id, problem.member_name, problem.member_code) == (m.id, "Chen", m.code)
    assert problem.to_json()["category"] == "conflict"


def test_a_member_enrolled_in_two_stores_shows_as_merged(chain: Chain) -> None:
    a = chain.till("a", "S001")
    b = chain.till("b", "S002")
    first = unwrap(members.enroll(a, "13912345678", "Wang"))
    chain.clock.advance(minutes=5)
    second = unwrap(members.enroll(b, "13912345678", "Wang W."))
    chain.sync("b")
    chain.sync("a")
    chain.sync_all()
    for desk in (a, b):
        merged = [p for p in sync_problems(desk) if p.category is Category.MERGED]
        assert [(p.member_id, p.member_code, p.merged_into_code) for p in merged] == [
            (second.id, second.code, first.code)
        ]
    # The server told the till whose enrolment it merged (a's arrived second, and won).
    conflicts = [p for p in sync_problems(a) if p.category is Category.CONFLICT]
    assert [(p.code, p.event_kind, p.member_id) for p in conflicts] == [
        ("merged", "member_enrolled", first.id)
    ]


def test_quarantined_and_refused_events_are_listed_once(chain: Chain) -> None:
    a = chain.till("a", "S001")
    m = unwrap(members.enroll(a, "13812345678", "Customer"))
    unwrap(checkout.earn(a, m.code, "R-1", 10_000))
    chain.sync("a")
    with a.write() as s:  # an acked event altered and sent again: the server sets it aside
        row = s.scalars(select(Outbox).where(Outbox.kind == "points_earned")).one()
        body = json.loads(row.payload)
        body["entries"][0]["points"] += 1_000
        row.payload = canonical_json(body)
        row.payload_hash = payload_hash(row.payload)
        row.acked_at = None
    chain.sync("a")
    [problem] = sync_problems(a)
    assert problem.category is Category.QUARANTINED and problem.receipt_no == "R-1"
    assert problem.member_name == "Customer"
    # While the server cannot be reached, an event that keeps failing is listed as such.
    unwrap(checkout.earn(a, m.code, "R-2", 10_000))
    chain.offline("a")
    for _ in range(2):
        refused = sync.sync_once(a)
        assert isinstance(refused, Refusal) and refused.code is Code.SERVER_UNREACHABLE
    failing = [p for p in sync_problems(a) if p.category is Category.FAILING]
    assert [(p.receipt_no, p.attempts) for p in failing] == [("R-2", 2)]
    assert "cannot be reached" in (failing[0].message or "")
    assert len(sync_problems(a, limit=1)) == 1
