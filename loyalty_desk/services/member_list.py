"""The members table: pages of members in a chosen order, fetched on demand.

Keyset pagination: a page is "the next `limit` rows after this key" in one of the orders
below, each backed by an index ending in `id` (revision 0002_member_list), so page 5,000
of a 1,000,000-member table costs what page 1 does. OFFSET would rescan everything before.

An order is a list of segments, each a plain index range. A nullable sort column (last
visit) becomes two segments — members with a visit, then those without — because NULLs
cannot take part in a row-value comparison; "by tier" is one segment per tier, highest
first. The cursor names the segment and the last key seen in it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute

from loyalty_desk.domain.codes import MEMBER_CODE_PREFIX, is_member_code
from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.people import normalise_phone, storable
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.members import summary
from loyalty_desk.services.views import MemberSummary
from loyalty_desk.store.models import Member

PAGE_SIZE = 200
MAX_PAGE = 1000
# Sorts after every real character in SQLite's binary (UTF-8 byte) order.
_TEXT_END = "\U0010ffff"


class Sort(StrEnum):
    LAST_VISIT = "last_visit"
    TIER = "tier"
    BALANCE = "balance"
    NAME = "name"


class SearchMode(StrEnum):
    ALL = "all"
    CODE = "code"
    CODE_PREFIX = "code_prefix"
    PHONE_PREFIX = "phone_prefix"
    SUFFIX = "suffix"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: a segment of the order and the last key read in it."""

    segment: int
    key: tuple[Any, ...] | None


@dataclass(frozen=True, slots=True)
class Page:
    rows: tuple[MemberSummary, ...]
    next: Cursor | None  # None: this was the last page
    mode: SearchMode
    sorted_by: Sort | None  # None when a search imposes its own order (phone, name)


@dataclass(frozen=True, slots=True)
class _Segment:
    where: tuple[ColumnElement[bool], ...]
    keys: tuple[InstrumentedAttribute[Any], ...]
    descending: bool


def _visit_segments(
    where: tuple[ColumnElement[bool], ...], descending: bool, *, narrow: bool = False
) -> list[_Segment]:
    """Last visit, newest first (or oldest first); members who never bought come last.

    `narrow`: `where` already picks a few rows through its own index (last 4 digits). The
    never-visited test is then written so that it cannot use the last-visit index: SQLite
    guesses "last_visit_at IS NULL" matches 2 rows and would walk every never-visited
    member instead of the ~100 with those digits.
    """
    never_visited = (
        func.typeof(Member.last_visit_at) == "null" if narrow else Member.last_visit_at.is_(None)
    )
    seen = _Segment(
        (*where, Member.last_visit_at.is_not(None)), (Member.last_visit_at, Member.id), descending
    )
    never = _Segment((*where, never_visited), (Member.id,), descending)
    return [seen, never]


def _tier_order(descending: bool) -> list[Tier]:
    tiers = sorted(Tier, key=lambda t: t.rank)
    return list(reversed(tiers)) if descending else tiers


def classify(search: str) -> tuple[SearchMode, str] | Refusal:
    """What a search box text means on the members screen."""
    text = unicodedata.normalize("NFC", search).strip()
    if not storable(text):
        return refusal(
            Code.INVALID_QUERY, "The search has characters that are not text; type it again."
        )
    if not text:
        return SearchMode.ALL, ""
    digits = normalise_phone(text)
    if digits.isascii() and digits.isdigit():
        if is_member_code(digits):
            return SearchMode.CODE, digits
        if len(digits) == 4:
            return SearchMode.SUFFIX, digits
        if digits.startswith("1") and len(digits) <= 11:
            return SearchMode.PHONE_PREFIX, digits
        if digits.startswith(MEMBER_CODE_PREFIX) and len(digits) <= 10:
            return SearchMode.CODE_PREFIX, digits
        return refusal(
            Code.INVALID_QUERY,
            "'{search}' is not the start of a phone (1…), a member code (8…) or the last 4 digits "
            "of a phone.",
            search=search,
        )
    return SearchMode.NAME, text


def _segments(mode: SearchMode, term: str, sort: Sort, descending: bool) -> list[_Segment]:
    if mode is SearchMode.CODE:
        return [_Segment((Member.code == term,), (Member.id,), False)]
    if mode is SearchMode.CODE_PREFIX:
        return [_Segment((Member.code >= term, Member.code < term + ":"), (Member.code,), False)]
    if mode is SearchMode.PHONE_PREFIX:
        # ":" follows "9" in ASCII: [term, term + ":") is every phone starting with term.
        return [_Segment((Member.phone >= term, Member.phone < term + ":"), (Member.phone,), False)]
    if mode is SearchMode.SUFFIX:
        return _visit_segments((Member.phone_suffix == term,), True, narrow=True)
    if mode is SearchMode.NAME:
        return [
            _Segment(
                (Member.name >= term, Member.name < term + _TEXT_END),
                (Member.name, Member.id),
                False,
            )
        ]
    if sort is Sort.LAST_VISIT:
        segments = _visit_segments((), True)
        return (
            segments
            if descending
            else [_Segment(s.where, s.keys, False) for s in reversed(segments)]
        )
    if sort is Sort.TIER:
        # Within a tier, the most recent visitors first either way: the useful reading.
        return [
            seg
            for tier in _tier_order(descending)
            for seg in _visit_segments((Member.tier == tier.value,), True)
        ]
    if sort is Sort.BALANCE:
        return [_Segment((), (Member.balance, Member.id), descending)]
    return [_Segment((), (Member.name, Member.id), descending)]


def _after(segment: _Segment, key: tuple[Any, ...]) -> ColumnElement[bool]:
    if len(segment.keys) == 1:
        column = segment.keys[0]
        single: ColumnElement[bool] = column < key[0] if segment.descending else column > key[0]
        return single
    left = tuple_(*segment.keys)
    right = tuple_(*(literal(v, k.type) for k, v in zip(segment.keys, key, strict=True)))
    return left < right if segment.descending else left > right


def page(
    desk: Desk,
    *,
    search: str = "",
    sort: Sort = Sort.LAST_VISIT,
    descending: bool = True,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> Page | Refusal:
    """One page of members: the first one (after=None), or the one after a cursor."""
    if not 1 <= limit <= MAX_PAGE:
        return refusal(
            Code.INVALID_QUERY,
            "A page holds 1 to {max_page} members, not {limit}.",
            max_page=MAX_PAGE,
            limit=limit,
        )
    classified = classify(search)
    if isinstance(classified, Refusal):
        return classified
    mode, term = classified
    segments = _segments(mode, term, sort, descending)
    index, key = (after.segment, after.key) if after is not None else (0, None)
    rows: list[Member] = []
    with desk.read() as s:
        while index < len(segments) and len(rows) < limit:
            seg = segments[index]
            wanted = limit - len(rows)
            query = select(Member).where(*seg.where, Member.merged_into.is_(None))
            if key is not None:
                query = query.where(_after(seg, key))
            order = [k.desc() if seg.descending else k.asc() for k in seg.keys]
            got = list(s.scalars(query.order_by(*order).limit(wanted)))
            rows += got
            if len(got) < wanted:
                index, key = index + 1, None
            else:
                key = tuple(getattr(got[-1], k.key) for k in seg.keys)
        out = tuple(summary(m) for m in rows)
    nxt = Cursor(index, key) if index < len(segments) else None
    return Page(out, nxt, mode, sort if mode is SearchMode.ALL else None)


def count(desk: Desk, search: str = "") -> int | Refusal:
    """How many members the list holds for this search (merged-away members excluded)."""
    classified = classify(search)
    if isinstance(classified, Refusal):
        return classified
    mode, term = classified
    with desk.read() as s:
        if mode is SearchMode.ALL:
            # count(*) walks the smallest index; merged members are few and partially indexed.
            total = s.scalar(select(func.count()).select_from(Member)) or 0
            merged = s.scalar(select(func.count()).where(Member.merged_into.is_not(None))) or 0
            return int(total) - int(merged)
        total = 0
        for seg in _segments(mode, term, Sort.LAST_VISIT, True):
            total += (
                s.scalar(select(func.count()).where(*seg.where, Member.merged_into.is_(None))) or 0
            )
        return int(total)
