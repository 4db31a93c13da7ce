"""Where an award's commit goes: the pages it writes to the WAL, by table and index.

    .venv/bin/python -m bench.award_pages [--members 10000] [--awards 100]

Awards go through `services` on the cached chain of bench/core_bench.py, dated the day after
its last receipt as there (the day's jobs run first). The background checkpoint is stopped
for the run, so the WAL keeps every frame the awards write. The frame headers give each
frame's page number, and SQLite's `dbstat` table names the B-tree each page belongs to.
Every frame is a whole page written at commit; a page changed by two awards is written twice.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import struct
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.chain import ChainSpec
from bench.core_bench import business_moment, chain, sample_phones
from loyalty_desk.services import checkout, maintenance
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.checkpoint import stop_checkpointing

WAL_HEADER = 32
FRAME_HEADER = 24
WARMUP = 20


@dataclass(frozen=True, slots=True)
class Pages:
    awards: int
    frames: int
    by_tree: dict[str, int]  # B-tree name -> frames written

    def per_award(self, frames: int) -> float:
        return frames / self.awards


def frame_pages(wal: bytes, start: int) -> list[int]:
    """Page numbers of the frames after byte offset `start` of a WAL file."""
    (page_size,) = struct.unpack(">I", wal[8:12])
    frame = FRAME_HEADER + page_size
    offset = start if start >= WAL_HEADER and (start - WAL_HEADER) % frame == 0 else WAL_HEADER
    pages = []
    while offset + frame <= len(wal):
        pages.append(struct.unpack(">I", wal[offset : offset + 4])[0])
        offset += frame
    return pages


def measure(data_dir: Path, spec: ChainSpec, awards: int) -> Pages:
    path = data_dir / "loyalty.db"
    raw = sqlite3.connect(path)
    moment = business_moment(raw, spec)
    stamp = moment.strftime("%Y%m%d")
    desk = unwrap(Desk.open(data_dir, clock=lambda: moment))
    try:
        unwrap(maintenance.expire(desk))
        stop_checkpointing(desk.db)  # from here on the WAL keeps every frame
        earners = sample_phones(
            raw, awards + WARMUP, random.Random(spec.members), "online_only = 0"
        )
        for i in range(WARMUP):
            unwrap(checkout.earn(desk, earners[i], f"PAGES{stamp}-W{i}", 12_345))
        wal = path.with_name(path.name + "-wal")
        start = wal.stat().st_size
        for i in range(WARMUP, WARMUP + awards):
            unwrap(checkout.earn(desk, earners[i], f"PAGES{stamp}-E{i}", 12_345))
        pages = frame_pages(wal.read_bytes(), start)
        names = dict(raw.execute("SELECT pageno, name FROM dbstat").fetchall())
    finally:
        desk.close()
        raw.close()
    return Pages(awards, len(pages), dict(Counter(names.get(p, "?") for p in pages)))


def report(pages: Pages) -> str:
    lines = [
        f"{pages.per_award(pages.frames):.1f} WAL frames per award ({pages.awards} awards)",
        "",
        "| B-tree | frames per award |",
        "| --- | --- |",
    ]
    for name, frames in sorted(pages.by_tree.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {pages.per_award(frames):.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--awards", type=int, default=100)
    args = parser.parse_args(argv)
    spec = ChainSpec(members=args.members)
    print(report(measure(chain(spec), spec, args.awards)))


if __name__ == "__main__":
    main()
