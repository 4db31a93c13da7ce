"""Foreign keys of a bulk write, checked once per transaction instead of once per row.

A new till's first pull writes a million members, each with a ledger entry and a lot. With
`PRAGMA foreign_keys=ON` SQLite checks every row's references as it inserts it: a quarter
of the pull's CPU. The pages of that pull are written with the per-row checks off, and
before each page commits the rows it added are checked in one query per foreign key, read
from the schema (`PRAGMA foreign_key_list`). A row naming something that is not there
fails the page: it is rolled back whole, as a failed per-row check would have left it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine.interfaces import DBAPIConnection


class BrokenReference(Exception):
    """A row written in bulk names a parent row that does not exist."""


@dataclass(frozen=True, slots=True)
class Marks:
    """The highest rowid of each table when the bulk write began: rows above are new."""

    rowids: dict[str, int]


def mark(conn: DBAPIConnection, tables: tuple[str, ...]) -> Marks:
    return Marks(
        {
            t: int(conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{t}"').fetchone()[0])
            for t in tables
        }
    )


def check_since(conn: DBAPIConnection, marks: Marks) -> None:
    """Raise BrokenReference if a row added since `marks` names a missing parent row."""
    for table, since in marks.rowids.items():
        for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            _, part, parent, column, parent_column = fk[:5]
            # The schema's keys are single columns, each naming its parent column.
            assert part == 0 and parent_column is not None, fk
            broken = conn.execute(
                f'SELECT c.rowid, c."{column}" FROM "{table}" AS c WHERE c.rowid > ? '
                f'AND c."{column}" IS NOT NULL AND NOT EXISTS '
                f'(SELECT 1 FROM "{parent}" AS p WHERE p."{parent_column}" = c."{column}") '
                "LIMIT 1",
                (since,),
            ).fetchone()
            if broken is not None:
                raise BrokenReference(
                    f"{table}.{column} of row {broken[0]} names {parent} {broken[1]!r}, "
                    "which does not exist"
                )
