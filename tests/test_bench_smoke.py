"""The benchmark code runs end to end on a tiny chain (the figures themselves live in bench/).

`make bench` is not part of `make test`; this keeps its core step and its table from rotting.
"""

from __future__ import annotations

from pathlib import Path

from bench import award_pages, core_bench, run_all
from bench.chain import ChainSpec
from bench.common import Row, table

SPEC = ChainSpec(members=300, chunk_size=150, seed=5)


def test_core_bench_measures_every_figure_on_a_small_chain(tmp_path: Path) -> None:
    rows = core_bench.run(SPEC.members, 20, spec=SPEC, data_dir=tmp_path / "chain")
    names = [r.what.split(" (p99)")[0].split(" (mean)")[0] for r in rows]
    assert names == [
        "lookup by full phone",
        "lookup by last 4 digits, first 20",
        "award: rules + ledger + lots + outbox, FULL commit",
        "  award: CPU per call",
        "redeem 100 points, oldest lots first, FULL commit",
        "  redeem: CPU per call",
    ]
    for r in rows:
        assert r.members == SPEC.members
        assert r.value > 0 and r.baseline is not None and r.baseline > 0
        if "CPU" not in r.what:
            assert r.median is not None and r.median <= r.value
    assert [r.within_budget is None for r in rows] == [False, False, False, True, True, True]
    # A second run on the same data set dates its sales a day later and still succeeds.
    again = core_bench.run(SPEC.members, 20, spec=SPEC, data_dir=tmp_path / "chain")
    assert len(again) == 6


def test_the_summary_tables_hold_every_row() -> None:
    rows = [
        Row("award (p99), 10,000 members", 2.5, "ms", "p99 ≤ 5 ms", 1.0, "raw", True, 10_000, 1.0),
        Row("award (p99), 1,000,000 members", 6.0, "ms", "p99 ≤ 5 ms", 2.0, "raw", False,
            1_000_000, 1.5),
        Row("push", 5200.0, "events/s", "≥ 5,000 events/s", 150_000.0, "COPY", True),
    ]  # fmt: skip
    text = table(rows)
    assert "| award (p99), 1,000,000 members | 6.000 ms | p99 ≤ 5 ms | **NO** |" in text
    assert "2.5×" in text and "3.0×" in text
    grown = run_all.growth(rows).splitlines()
    assert grown[0] == "| figure | 10,000 members | 1,000,000 members |"
    assert grown[2] == "| award (p99) | 2.50 ms (1.00) | 6.00 ms (1.50) |"
    assert len(grown) == 3


def test_award_pages_names_the_b_trees_an_award_writes(tmp_path: Path) -> None:
    data_dir = core_bench.chain(SPEC, tmp_path / "chain")
    pages = award_pages.measure(data_dir, SPEC, 10)
    assert pages.frames >= 10 * 5  # at least the entry, lot, receipt, outbox and member
    for tree in ("ledger_entry", "point_lot", "receipt", "outbox", "member"):
        assert pages.by_tree.get(tree, 0) >= 1, (tree, pages.by_tree)
    assert sum(pages.by_tree.values()) == pages.frames
    assert "WAL frames per award" in award_pages.report(pages)
