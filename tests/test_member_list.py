"""Keyset pages of the members table agree with a plain sort, in every order and search."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.member_db import build
from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.services import member_list
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.member_list import SearchMode, Sort
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.services.views import MemberSummary

NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
COUNT = 2_000


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    data_dir: Path = tmp_path_factory.mktemp("list") / "store"
    build(data_dir, COUNT, now=NOW)
    return unwrap(Desk.open(data_dir, clock=lambda: NOW))


def walk(desk: Desk, *, limit: int = 37, **kw: object) -> list[MemberSummary]:
    rows: list[MemberSummary] = []
    page = unwrap(member_list.page(desk, limit=limit, **kw))  # type: ignore[arg-type]
    rows += page.rows
    while page.next is not None:
        page = unwrap(member_list.page(desk, after=page.next, limit=limit, **kw))  # type: ignore[arg-type]
        rows += page.rows
    return rows


def visit_key(m: MemberSummary) -> tuple[bool, datetime, str]:
    # Visited members newest first; never-visited last (by id, also descending).
    return (m.last_visit_at is not None, m.last_visit_at or NOW, m.id)


@pytest.mark.parametrize("descending", [True, False])
def test_every_order_walks_every_member_once_in_order(big: Desk, descending: bool) -> None:
    everyone = walk(big, sort=Sort.NAME, limit=500)
    assert len(everyone) == COUNT and len({m.id for m in everyone}) == COUNT
    expected = {
        Sort.LAST_VISIT: sorted(everyone, key=visit_key, reverse=True),
        Sort.BALANCE: sorted(everyone, key=lambda m: (m.balance, m.id), reverse=True),
        Sort.NAME: sorted(everyone, key=lambda m: (m.name.encode(), m.id), reverse=True),
        Sort.TIER: sorted(
            everyone,
            key=lambda m: (Tier(m.tier).rank, *visit_key(m)),
            reverse=True,
        ),
    }
    for sort, rows in expected.items():
        got = walk(big, sort=sort, descending=descending)
        if not descending:
            if sort is Sort.LAST_VISIT:
                # Oldest visit first; never-visited first of all.
                rows = sorted(everyone, key=visit_key)
            elif sort is Sort.TIER:
                # Regular first; inside a tier still the most recent visitors first.
                rows = [
                    m
                    for tier in sorted(Tier, key=lambda t: t.rank)
                    for m in sorted(
                        (x for x in everyone if x.tier == tier), key=visit_key, reverse=True
                    )
                ]
            else:
                rows = list(reversed(rows))
        assert [m.id for m in got] == [m.id for m in rows], sort


def test_searches_page_their_own_way(big: Desk) -> None:
    last4 = walk(big, sort=Sort.NAME, limit=1)[0].phone[-4:]
    suffix = walk(big, search=last4)
    assert suffix and all(m.phone.endswith(last4) for m in suffix)
    assert unwrap(member_list.page(big, search=last4)).mode is SearchMode.SUFFIX
    start = walk(big, sort=Sort.NAME, limit=1)[0].phone[:5]
    prefix = walk(big, search=start)
    assert prefix and all(m.phone.startswith(start) for m in prefix)
    assert unwrap(member_list.page(big, search=start)).mode is SearchMode.PHONE_PREFIX
    assert [m.phone for m in prefix] == sorted(m.phone for m in prefix)
    code = prefix[0].code
    exact = unwrap(member_list.page(big, search=code))
    assert exact.mode is SearchMode.CODE and [m.code for m in exact.rows] == [code]
    names = walk(big, search="王")
    assert names and all(m.name.startswith("王") for m in names)
    assert unwrap(member_list.count(big, "王")) == len(names)
    assert unwrap(member_list.count(big)) == COUNT
    assert unwrap(member_list.count(big, last4)) == len(suffix)


def test_nonsense_searches_are_refused(big: Desk) -> None:
    for text in ("2", "99999", "7123456"):
        refused = member_list.page(big, search=text)
        assert isinstance(refused, Refusal) and refused.code is Code.INVALID_QUERY
    bad_limit = member_list.page(big, limit=0)
    assert isinstance(bad_limit, Refusal)
