"""CPU seconds of processes, read from /proc: on a busy machine wall time alone says little.

A benchmark reads them before and after its timed part, for itself, for a server it started
(the server and its worker processes) and for the PostgreSQL backends serving it."""

from __future__ import annotations

import os
import resource
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def own() -> float:
    """This process: user + system seconds, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def process(pid: int) -> float:
    """User + system seconds of one live process (0.0 if it is gone or unreadable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return out
    for task in tasks:
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def tree(pid: int) -> float:
    """A process and all its live descendants."""
    total = process(pid)
    for child in children(pid):
        total += tree(child)
    return total


def postgres_backends(url: str) -> dict[int, float]:
    """CPU seconds of each backend connected to the database of `url` (an engine URL); 0.0
    where /proc cannot see them (PostgreSQL on another machine). `grown` subtracts two."""
    import psycopg

    server, db = url.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        pids = [
            int(row[0])
            for row in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", (db.split("?")[0],)
            )
        ]
    return {pid: process(pid) for pid in pids}


def grown(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU spent between two `postgres_backends` readings (a backend that started in
    between counts whole; one that ended in between is lost, so pools that keep their
    connections are measured best)."""
    return sum(max(0.0, cpu - before.get(pid, 0.0)) for pid, cpu in after.items())
