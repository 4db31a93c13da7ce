"""The first pull's bulk writer: None is stored as NULL (bound through the till's None
adapter), rows keep their order and values whatever mix of NULLs they have, and a column's
default never replaces a NULL."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_apply import raw_insert

COLUMNS = ("n", "a", "b", "c")
value = st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1), st.text(max_size=5))


def _write(desk: Desk, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    with desk.write() as s:
        dbapi = s.connection().connection.dbapi_connection
        assert dbapi is not None
        dbapi.execute("DROP TABLE IF EXISTS temp.bulk")
        dbapi.execute("CREATE TEMP TABLE bulk (n INTEGER, a, b, c DEFAULT 'default')")
        raw_insert(s, "bulk", COLUMNS, rows)
        return [tuple(r) for r in dbapi.execute("SELECT n, a, b, c FROM temp.bulk ORDER BY n")]


def test_nulls_stay_nulls_and_values_stay_in_their_columns(desk: Desk) -> None:
    rows = [
        (1, "x", None, None),
        (2, None, 5, "y"),
        (3, "x", None, None),
        (4, None, None, None),
        (5, "z", 7, "w"),
    ]
    assert _write(desk, rows) == rows


# The table is dropped and made again for every example: the fixture's till can be shared.
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(value, value, value), max_size=30))
def test_any_mix_of_nulls(desk: Desk, cells: list[tuple[Any, Any, Any]]) -> None:
    rows = [(i, *row) for i, row in enumerate(cells)]
    assert _write(desk, rows) == rows


def test_none_is_bound_through_the_registered_adapter() -> None:
    """The adapter is what keeps a NULL cheap; it must hand SQLite a NULL, nothing else."""
    import sqlite3

    import loyalty_desk.store.db  # noqa: F401  (registers it)

    assert (type(None), sqlite3.PrepareProtocol) in sqlite3.adapters
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT ? IS NULL, typeof(?)", (None, None)).fetchone() == (1, "null")
