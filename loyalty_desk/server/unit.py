"""One server transaction's working set: the rows it read (locked) and the rows it will write.

A push batch touches the same few members over and over; reading them once, changing them
in memory and writing everything back in a handful of bulk statements is what lets one
2-core machine apply thousands of events a second. Every member read here is locked
(`FOR UPDATE` on PostgreSQL; SQLite has one writer anyway), in id order to avoid deadlocks.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    any_,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from loyalty_desk.server import models as m

MEMBER_COLUMNS = (
    "id",
    "code",
    "phone",
    "name",
    "birthday",
    "referral_code",
    "referrer_id",
    "referral_rewarded",
    "home_store_id",
    "created_at",
    "first_purchase_at",
    "last_visit_at",
    "merged_into",
    "points",
    "debt",
    "online_only",
    "overdraft",
    "updated_at",
)
LOT_COLUMNS = ("id", "member_id", "store_id", "earned_at", "expires_at", "points", "remaining")
CHUNK = 5000


@dataclass(eq=False)
class MemberState:
    id: str
    code: str
    phone: str
    name: str
    birthday: date | None
    referral_code: str
    referrer_id: str | None
    referral_rewarded: bool
    home_store_id: str
    created_at: datetime
    first_purchase_at: datetime | None
    last_visit_at: datetime | None
    merged_into: str | None
    points: int
    debt: int
    online_only: bool
    overdraft: bool
    updated_at: datetime
    new: bool = False
    dirty: bool = False
    loaded: tuple[Any, ...] = ()  # the row as read, to write back only what changed

    @property
    def balance(self) -> int:
        return self.points - self.debt

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in MEMBER_COLUMNS}


@dataclass(eq=False)
class LotState:
    id: str
    member_id: str
    store_id: str
    earned_at: datetime
    expires_at: datetime
    points: int
    remaining: int
    new: bool = False
    dirty: bool = False

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in LOT_COLUMNS}


def changed_columns(states: list[MemberState]) -> list[str]:
    """The member columns any of `states` changed since it was read (all for one never read):
    a push mostly moves points and visit times, and writes back just those."""
    changed: set[str] = set()
    for state in states:
        if len(state.loaded) != len(MEMBER_COLUMNS):
            return list(MEMBER_COLUMNS[1:])
        for name, before in zip(MEMBER_COLUMNS, state.loaded, strict=True):
            if name not in changed and getattr(state, name) != before:
                changed.add(name)
    return [c for c in MEMBER_COLUMNS if c in changed and c != "id"]


def chunks(items: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def among(column: Any, postgres: bool) -> ColumnElement[bool]:
    """`column` is one of the bound list `ids`. On PostgreSQL one array parameter
    (`= ANY(:ids)`): the SQL text is the same for any number of ids, so it is compiled once
    and psycopg prepares it, where an IN list is rendered and parsed anew for every batch."""
    condition: ColumnElement[bool]
    if postgres:
        condition = column == any_(bindparam("ids", type_=postgresql.ARRAY(column.type)))
    else:
        condition = column.in_(bindparam("ids", expanding=True))
    return condition


@cache
def members_query(postgres: bool) -> Select[Any]:
    query = select(m.Member).where(among(m.Member.id, postgres)).order_by(m.Member.id)
    return query.with_for_update() if postgres else query


@cache
def lots_query(postgres: bool) -> Select[Any]:
    columns = [getattr(m.Lot, c) for c in LOT_COLUMNS]
    return select(*columns).where(among(m.Lot.member_id, postgres), m.Lot.remaining > 0)


@dataclass
class Unit:
    conn: Connection
    now: datetime
    members: dict[str, MemberState] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    lots: dict[str, LotState] = field(default_factory=dict)
    lots_loaded: set[str] = field(default_factory=set)  # members whose open lots are here
    inserts: dict[Table, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    changes: set[tuple[str, str]] = field(default_factory=set)
    entry_ids: set[str] = field(default_factory=set)

    @property
    def postgres(self) -> bool:
        return self.conn.dialect.name == "postgresql"

    # -- members -------------------------------------------------------------------------

    def load_members(self, ids: Iterable[str]) -> None:
        wanted = sorted({i for i in ids if i and i not in self.members and i not in self.missing})
        query = members_query(self.postgres)
        for part in chunks(wanted):
            for row in self.conn.execute(query, {"ids": part}).mappings():
                self._keep(row)
            self.missing.update(i for i in part if i not in self.members)

    def _keep(self, row: Any) -> MemberState:
        values = tuple(row[name] for name in MEMBER_COLUMNS)
        state = MemberState(*values)
        state.loaded = values
        self.members[state.id] = state
        return state

    def member(self, member_id: str) -> MemberState | None:
        if member_id not in self.members and member_id not in self.missing:
            self.load_members([member_id])
        return self.members.get(member_id)

    def resolve(self, member_id: str) -> MemberState | None:
        """The member that `member_id` lives on as: merged members lead to the survivor."""
        state = self.member(member_id)
        hops = 0
        while state is not None and state.merged_into and hops < 10:
            state = self.member(state.merged_into)
            hops += 1
        return state

    def active_by_phone(self, phone: str) -> MemberState | None:
        for state in self.members.values():
            if state.phone == phone and state.merged_into is None:
                return state
        query = select(m.Member.id).where(m.Member.phone == phone, m.Member.merged_into.is_(None))
        found = self.conn.execute(query).scalar()
        return self.member(found) if found else None

    def add_member(self, state: MemberState) -> None:
        state.new = True
        self.members[state.id] = state
        self.missing.discard(state.id)
        self.changes.add(("member", state.id))

    def changed(self, state: MemberState) -> None:
        state.dirty = True
        state.updated_at = self.now
        self.changes.add(("member", state.id))

    # -- lots ----------------------------------------------------------------------------

    def load_lots(self, member_ids: Iterable[str]) -> None:
        wanted = sorted({i for i in member_ids if i not in self.lots_loaded})
        query = lots_query(self.postgres)
        for part in chunks(wanted):
            for row in self.conn.execute(query, {"ids": part}):
                if row[0] not in self.lots:
                    self.lots[row[0]] = LotState(*row)
            self.lots_loaded.update(part)

    def open_lots(self, member_id: str) -> list[LotState]:
        self.load_lots([member_id])
        mine = [
            lot for lot in self.lots.values() if lot.member_id == member_id and lot.remaining > 0
        ]
        return sorted(mine, key=lambda lot: (lot.expires_at, lot.id))

    def lot(self, lot_id: str) -> LotState | None:
        if lot_id not in self.lots:
            row = self.conn.execute(select(m.Lot).where(m.Lot.id == lot_id)).mappings().first()
            if row is None:
                return None
            self.lots[lot_id] = LotState(**dict(row))
        return self.lots[lot_id]

    def add_lot(self, lot: LotState) -> None:
        lot.new = True
        self.lots[lot.id] = lot

    def takes_of(self, entry_id: str) -> list[tuple[str, int]]:
        pending = [
            (row["lot_id"], row["points"])
            for row in self.inserts[m.LotTake.__table__]
            if row["entry_id"] == entry_id
        ]
        stored = self.conn.execute(
            select(m.LotTake.lot_id, m.LotTake.points)
            .where(m.LotTake.entry_id == entry_id)
            .order_by(m.LotTake.id)
        ).all()
        return [(lot_id, points) for lot_id, points in stored] + pending

    # -- writing -------------------------------------------------------------------------

    def add(self, model: type[m.Base], **row: Any) -> None:
        self.inserts[model.__table__].append(row)  # type: ignore[index]

    def transfer(
        self, event_id: str, entry_id: str | None, source: str, target: str, points: int
    ) -> None:
        if points > 0:
            self.add(
                m.Transfer,
                event_id=event_id,
                entry_id=entry_id,
                source=source,
                target=target,
                points=points,
                at=self.now,
            )

    def final_member_id(self, member_id: str) -> str:
        state = self.resolve(member_id)
        return state.id if state is not None else member_id

    def flush(self) -> None:
        """Write everything back: updates first (a merge frees a phone before the winner's
        row is inserted), then inserts, then the pull feed."""
        dirty = [s for s in self.members.values() if s.dirty and not s.new]
        if dirty and self.postgres:
            cols = changed_columns(dirty)
            if cols:
                rows = [{"id": s.id, **{c: getattr(s, c) for c in cols}} for s in dirty]
                bulk_update(self.conn, "member", "id", rows, cols)
        elif dirty:
            cols = [c for c in MEMBER_COLUMNS if c != "id"]
            stmt = (
                update(m.Member)
                .where(m.Member.id == bindparam("_id"))
                .values({c: bindparam(c) for c in cols})
            )
            rows = [{"_id": s.id, **{c: getattr(s, c) for c in cols}} for s in dirty]
            self.conn.execute(stmt, rows)
        lots = [lot for lot in self.lots.values() if lot.dirty and not lot.new]
        if lots and self.postgres:
            rows = [{"id": x.id, "remaining": x.remaining, "member_id": x.member_id} for x in lots]
            bulk_update(self.conn, "lot", "id", rows, ["remaining", "member_id"])
        elif lots:
            stmt = (
                update(m.Lot)
                .where(m.Lot.id == bindparam("_id"))
                .values(remaining=bindparam("remaining"), member_id=bindparam("member_id"))
            )
            self.conn.execute(
                stmt,
                [{"_id": x.id, "remaining": x.remaining, "member_id": x.member_id} for x in lots],
            )
        new_members = [s.row() for s in self.members.values() if s.new]
        self._insert(m.Member.__table__, new_members)  # type: ignore[arg-type]
        new_lots = [lot.row() for lot in self.lots.values() if lot.new]
        for row in new_lots:
            row["member_id"] = self.final_member_id(row["member_id"])
        self._insert(m.Lot.__table__, new_lots)  # type: ignore[arg-type]
        entries = self.inserts.get(m.Entry.__table__, [])  # type: ignore[call-overload]
        for row in entries:
            row["member_id"] = self.final_member_id(row["member_id"])
        for table, rows in self.inserts.items():
            self._insert(table, rows)
        self._feed()

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """One statement for all rows on PostgreSQL, executemany elsewhere."""
        if not rows:
            return
        if not self.postgres:
            for part in chunks(rows):
                self.conn.execute(insert(table), part)
            return
        insert_rows(self.conn, table.name, list(rows[0]), rows)

    def _feed(self) -> None:
        if not self.changes:
            return
        n = len(self.changes)
        top = self.conn.execute(
            update(m.FeedCounter)
            .where(m.FeedCounter.id == 1)
            .values(value=m.FeedCounter.value + n)
            .returning(m.FeedCounter.value)
        ).scalar_one()
        ordered = sorted(self.changes)
        rows = [
            {"kind": kind, "entity_id": entity, "seq": top - n + 1 + i}
            for i, (kind, entity) in enumerate(ordered)
        ]
        upsert_changes(self.conn, rows)
        self.changes.clear()


def _json_value(value: Any) -> str:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a column value")


def rows_json(rows: list[dict[str, Any]]) -> str:
    """A batch's rows as one JSON array for `json_populate_recordset`: encoded in C in one
    call, where COPY formats every value in Python and costs three round trips. Keys that
    name no selected column are ignored by the statement."""
    # ASCII output (the default) is the encoder's fast path; PostgreSQL reads the escapes.
    return json.dumps(rows, default=_json_value, separators=(",", ":"))


def insert_rows(
    conn: Connection, table: str, columns: list[str], rows: list[dict[str, Any]]
) -> None:
    """One INSERT … SELECT for all of a batch's rows of `table` (PostgreSQL). Values are
    read as by COPY: each column's text input, NULL where the JSON says null."""
    names = ", ".join(f'"{c}"' for c in columns)
    conn.exec_driver_sql(
        f'INSERT INTO "{table}" ({names}) SELECT {names} '
        f'FROM json_populate_recordset(NULL::"{table}", %s::json)',
        (rows_json(rows),),
    )


def bulk_update(
    conn: Connection, table: str, key: str, rows: list[dict[str, Any]], columns: list[str]
) -> None:
    """One UPDATE … FROM for a batch's changed rows (PostgreSQL): far cheaper than a
    statement per row."""
    sets = ", ".join(f'"{c}" = s."{c}"' for c in columns)
    conn.exec_driver_sql(
        f'UPDATE "{table}" t SET {sets} '
        f'FROM json_populate_recordset(NULL::"{table}", %s::json) s WHERE t."{key}" = s."{key}"',
        (rows_json(rows),),
    )


def upsert_changes(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            'INSERT INTO "change" (kind, entity_id, seq) SELECT kind, entity_id, seq '
            'FROM json_populate_recordset(NULL::"change", %s::json) '
            "ON CONFLICT (kind, entity_id) DO UPDATE SET seq = excluded.seq",
            (rows_json(rows),),
        )
        return
    for part in chunks(rows):
        stmt = sqlite.insert(m.Change)
        stmt = stmt.on_conflict_do_update(
            index_elements=["kind", "entity_id"], set_={"seq": stmt.excluded.seq}
        )
        conn.execute(stmt, part)


def touch(conn: Connection, entities: list[tuple[str, str]]) -> None:
    """Move entities to the end of the pull feed (outside a push: admin commands)."""
    unique = sorted(set(entities))
    if not unique:
        return
    n = len(unique)
    top = conn.execute(
        update(m.FeedCounter)
        .where(m.FeedCounter.id == 1)
        .values(value=m.FeedCounter.value + n)
        .returning(m.FeedCounter.value)
    ).scalar_one()
    upsert_changes(
        conn,
        [{"kind": k, "entity_id": e, "seq": top - n + 1 + i} for i, (k, e) in enumerate(unique)],
    )


def feed_head(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(m.FeedCounter.value), 0))).scalar_one())
