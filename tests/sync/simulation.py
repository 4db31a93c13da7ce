"""A deterministic simulation of a chain: several tills, one server, a hostile network.

Everything random comes from one seed: which till does what, when the network drops a
request or its reply, delivers a batch twice or an old batch late, when the server dies in
the middle of a batch, when a till dies between two SQL statements or between the server's
commit and its own ack, when the server dies between two of its SQL statements, how far
each till's clock is off (minutes, or hours), which till stays offline for a week of
trading, and which till is restored from its last backup (losing what came after it,
then registered again by a manager). At the end the network heals,
every till syncs, and the invariants of DESIGN §7 must hold:

* each event is applied exactly once (or kept in quarantine), none is lost;
* every balance equals the sum of the accepted entries; tills show the server's balances;
* the ledgers balance (double entry on the server, lots and debt on every till);
* an overdraft stays within its bound: offline spending per member, till and day is capped.

Run one seed:  python -m tests.sync.simulation --seed 123
Soak:          python -m tests.sync.simulation --seeds 5000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.domain.timeutil import local_date
from loyalty_desk.server import admin, failpoints
from loyalty_desk.server import models as sm
from loyalty_desk.server.failpoints import FailpointError
from loyalty_desk.server.local import LocalTransport
from loyalty_desk.server.service import Service, open_database
from loyalty_desk.services import backup, checkout, maintenance, members, staff, sync
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_client import use_transport
from loyalty_desk.services.usecase import unwrap
from loyalty_desk.store.models import LedgerEntry, Member, Outbox
from loyalty_desk.sync.transport import Reply, Unreachable
from tests.conftest import START
from tests.helpers import check_invariants
from tests.sync.chain import TillTemplate, check_server_books

PIN = "2468"
PROGRESS_EVERY = 100
REGISTER_AGAIN = ("CLONE_DETECTED", "UNAUTHORISED", "TOKEN_EXPIRED")
PHONES = [f"1381234{i:04d}" for i in range(12)]  # few phones: the same one enrolled twice


class Crash(BaseException):
    """The till process dies here; it is opened again from its files."""


class Clock:
    def __init__(self, base: list[datetime], skew: timedelta) -> None:
        self.base = base
        self.skew = skew

    def __call__(self) -> datetime:
        return self.base[0] + self.skew


@dataclass
class Network:
    """One till's link to the server, with the faults the seed decides."""

    inner: LocalTransport
    rng: random.Random
    faults: bool = True
    partitioned: bool = False
    old_pushes: list[dict[str, Any]] = field(default_factory=list)
    crash_after_reply: bool = False
    stats: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        if self.partitioned:
            raise Unreachable("partitioned")
        chaos = self.faults
        if chaos and self.rng.random() < 0.05:
            self.stats["dropped"] += 1
            raise Unreachable("dropped before arrival")
        if chaos and path == "/v1/sync/push":
            if self.old_pushes and self.rng.random() < 0.1:  # an old batch arrives late
                self.stats["late"] += 1
                self._quiet(method, path, {**kwargs, "body": self.rng.choice(self.old_pushes)})
            self.old_pushes.append(kwargs.get("body") or {})
            if self.rng.random() < 0.05:
                self.stats["server_crash"] += 1
                failpoints.arm("push.after_event", count=self.rng.randint(1, 4))
        reply = self.inner.request(method, path, **kwargs)
        failpoints.disarm_all()
        if chaos and self.rng.random() < 0.05:  # delivered twice
            self.stats["duplicated"] += 1
            reply = self.inner.request(method, path, **kwargs)
        if chaos and self.rng.random() < 0.05:
            self.stats["reply_lost"] += 1
            raise Unreachable("reply lost")
        if self.crash_after_reply and path == "/v1/sync/push":
            self.crash_after_reply = False
            self.stats["till_crash_after_reply"] += 1
            raise Crash()
        return reply

    def _quiet(self, method: str, path: str, kwargs: dict[str, Any]) -> None:
        try:
            self.inner.request(method, path, **kwargs)
        except Unreachable:
            pass
        finally:
            failpoints.disarm_all()


@dataclass
class Till:
    name: str
    folder: Path
    clock: Clock
    network: Network
    desk: Desk
    crash_at: int | None = None  # die on this SQL statement (between statements)
    statements: int = 0
    snapshot: Path | None = None  # its last backup, for a restore


class Simulation:
    def __init__(self, seed: int, root: Path, templates: Templates, *, steps: int = 60) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.root = root
        self.steps = steps
        self.now = [START]
        self.service = Service(open_database(templates.server_copy(root)), clock=self._server_now)
        self.tills: list[Till] = []
        self.log: list[str] = []
        self.receipt_no = 0
        self.restarts = 0
        self.jumped = False
        self.stats: dict[str, int] = defaultdict(int)
        self.server_statements = 0
        self.server_crash_at: int | None = None
        event.listen(self.service.db.engine, "before_cursor_execute", self._server_statement)
        for i in range(self.rng.randint(2, 3)):
            self._add_till(i, templates.till)

    def _server_now(self) -> datetime:
        return self.now[0]

    def _server_statement(self, *_args: Any) -> None:
        """The server process dies between two SQL statements: its open transaction is
        never committed (raised as a failpoint, which the till sees as no reply)."""
        self.server_statements += 1
        if self.server_crash_at is not None and self.server_statements >= self.server_crash_at:
            self.server_crash_at = None
            self.stats["server_crash_between_statements"] += 1
            raise FailpointError("server died between statements")

    # -- set-up --------------------------------------------------------------------------

    def _add_till(self, i: int, template: TillTemplate) -> None:
        store = f"S{i:03d}"
        folder = self.root / f"till{i}"
        template.make(folder, store)
        if self.rng.random() < 0.3:  # a till whose clock is hours off (wrong time zone set)
            skew = timedelta(hours=self.rng.choice([-1, 1]) * self.rng.randint(1, 8))
            self.stats["clock_skew_hours"] += 1
        else:
            skew = timedelta(seconds=self.rng.randint(-600, 600))
        clock = Clock(self.now, skew)
        network = Network(LocalTransport(self.service), random.Random(self.rng.random()))
        desk = unwrap(Desk.open(folder, clock=clock))
        till = Till(f"t{i}", folder, clock, network, desk)
        self._wire(till)
        admin.add_store(self.service.db, store, store, self.now[0])
        code = admin.issue_code(self.service.db, store, self.now[0])["code"]
        unwrap(staff.add_staff(desk, "Boss", "manager", PIN))
        network.faults = False
        unwrap(sync.register(desk, "http://sim", str(code)))
        network.faults = True
        self.tills.append(till)

    def _wire(self, till: Till) -> None:
        use_transport(till.desk, till.network)

        def count(*_args: Any) -> None:
            till.statements += 1
            if till.crash_at is not None and till.statements >= till.crash_at:
                till.crash_at = None
                raise Crash()

        event.listen(till.desk.db.engine, "before_cursor_execute", count)

    def _reopen(self, till: Till) -> None:
        """The till died: open its database again, as the next start of the program does."""
        till.desk.close()
        till.desk = unwrap(Desk.open(till.folder, clock=till.clock))
        self._wire(till)
        self.log.append(f"{till.name} restarted")
        self.restarts += 1

    @contextmanager
    def _may_crash(self, till: Till, p: float) -> Iterator[None]:
        if self.rng.random() < p:
            till.crash_at = till.statements + self.rng.randint(1, 40)
        try:
            yield
        except Crash:
            self._reopen(till)
        finally:
            till.crash_at = None

    # -- the run -------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        for _ in range(self.steps):
            self.step()
        return self.finish()

    def step(self) -> None:
        rng = self.rng
        till = rng.choice(self.tills)
        roll = rng.random()
        if roll < 0.08:
            self.now[0] += timedelta(minutes=rng.choice([1, 5, 30, 90, 600]))
        elif roll < 0.09 and not self.jumped:
            self.jumped = True  # once a run: far enough for points to expire
            self.now[0] += timedelta(days=rng.randint(300, 340))
        elif roll < 0.15:
            till.network.partitioned = not till.network.partitioned
            self.log.append(f"{till.name} partitioned={till.network.partitioned}")
        elif roll < 0.18:
            self.split_brain()
        elif roll < 0.4:
            till.network.crash_after_reply = rng.random() < 0.1
            if rng.random() < 0.1:
                self.server_crash_at = self.server_statements + rng.randint(1, 30)
            result: Any = None
            with self._may_crash(till, 0.15):
                result = sync.sync_once(till.desk)
                self.log.append(f"{till.name} sync {_brief(result)}")
            self.server_crash_at = None
            self._register_again_if_needed(till, result)
        elif roll < 0.42:
            self.offline_week(till)
        elif roll < 0.45:
            self.backup(till)
        elif roll < 0.46:
            self.restore(till)
        else:
            with self._may_crash(till, 0.03):
                self.operate(till)

    def offline_week(self, till: Till) -> None:
        """The till's line is down for a week; it keeps trading, the others carry on."""
        self.stats["offline_week"] += 1
        self.log.append(f"{till.name} offline for a week")
        till.network.partitioned = True
        for _ in range(7):
            self.now[0] += timedelta(days=1)
            with self._may_crash(till, 0.03):
                self.operate(till)
            other = self.rng.choice(self.tills)
            if other is not till:
                with self._may_crash(other, 0.03):
                    self.operate(other)
                    sync.sync_once(other.desk)

    def backup(self, till: Till) -> None:
        result = unwrap(backup.backup_now(till.desk, self.root / f"{till.name}-backups"))
        till.snapshot = result.path
        self.log.append(f"{till.name} backed up")

    def restore(self, till: Till) -> None:
        """The till's disk died; the manager restores the last backup. What was recorded
        after it is gone from the till (what it pushed lives on at the server)."""
        if till.snapshot is None:
            return
        self.stats["restored_from_backup"] += 1
        till.desk.close()
        unwrap(backup.restore(till.folder, till.snapshot, now=self.now[0]))
        till.desk = unwrap(Desk.open(till.folder, clock=till.clock))
        self._wire(till)
        self.log.append(f"{till.name} restored from backup")

    def _register_again_if_needed(self, till: Till, result: Any) -> None:
        """A restored till meets its own later events at the server (a clone, as far as
        the server can tell), or holds a token the server has since renewed; a manager
        registers it again with a new code."""
        if not (isinstance(result, Refusal) and result.code in REGISTER_AGAIN):
            return
        self.stats["registered_again"] += 1
        code = admin.issue_code(self.service.db, till.desk.info.store_id, self.now[0])["code"]
        faults, till.network.faults = till.network.faults, False
        try:
            registered = sync.register(till.desk, "http://sim", str(code))
        finally:
            till.network.faults = faults
        if isinstance(registered, Refusal) and registered.code == Code.SERVER_UNREACHABLE:
            # Cut off from the server (a partition): the manager tries again on a later sync.
            self.log.append(f"{till.name} could not register again: unreachable")
            return
        unwrap(registered)
        self.log.append(f"{till.name} registered again")

    def split_brain(self) -> None:
        """Two stores lose the network and both spend the same member's points."""
        first, second = self.rng.sample(self.tills, 2)
        with first.desk.read() as s:
            rich = sorted(
                s.scalars(
                    select(Member.phone).where(Member.merged_into.is_(None), Member.balance >= 200)
                )
            )
        if not rich:
            return
        phone = self.rng.choice(rich)
        for till in (first, second):
            till.network.partitioned = True
            view = members.show(till.desk, phone)
            if isinstance(view, Refusal) or view.balance < 100:
                continue
            self.receipt_no += 1
            points = min(view.balance, 2_000)
            with self._may_crash(till, 0.03):
                result = checkout.redeem(
                    till.desk, phone, f"{till.name}-{self.receipt_no}", points, 1_000_000
                )
                self.log.append(f"{till.name} split-brain {phone[-2:]} {_brief(result)}")

    def _phone(self, till: Till) -> str:
        """Mostly a member this till knows; sometimes any phone (a new member, or one
        enrolled in another store that this till has not pulled yet)."""
        if self.rng.random() < 0.8:
            with till.desk.read() as s:
                known = sorted(s.scalars(select(Member.phone).where(Member.merged_into.is_(None))))
            if known:
                return self.rng.choice(known)
        return self.rng.choice(PHONES)

    def operate(self, till: Till) -> None:
        rng, desk = self.rng, till.desk
        kind = rng.random()
        phone = self._phone(till)
        self.receipt_no += 1
        receipt = f"{till.name}-{self.receipt_no}"
        if kind < 0.15:
            result: Any = members.enroll(desk, rng.choice(PHONES), f"M{phone[-2:]}")
        elif kind < 0.5:
            result = checkout.earn(desk, phone, receipt, rng.choice([5_000, 20_000, 120_000]))
        elif kind < 0.85:
            view = members.show(desk, phone)
            if isinstance(view, Refusal) or view.balance < 100:
                return
            points = rng.randint(100, max(100, min(view.balance, 1_500)))
            result = checkout.redeem(desk, phone, receipt, points, 1_000_000)
        elif kind < 0.97:
            with desk.read() as s:
                receipts = list(
                    s.scalars(
                        select(LedgerEntry.receipt_no).where(
                            LedgerEntry.kind.in_(["EARN", "REDEEM"]),
                            LedgerEntry.store_id == desk.info.store_id,
                        )
                    )
                )
            if not receipts:
                return
            target = rng.choice(receipts)
            assert target is not None
            result = checkout.refund(desk, target, manager_pin=PIN)
        else:
            result = maintenance.expire(desk)
        self.log.append(f"{till.name} {receipt} {phone[-2:]} {_brief(result)}")

    # -- the end: heal, converge, check ---------------------------------------------------

    def finish(self) -> dict[str, Any]:
        failpoints.disarm_all()
        for till in self.tills:
            till.network.faults = False
            till.network.partitioned = False
            till.network.crash_after_reply = False
        self.server_crash_at = None
        for _ in range(3):
            for till in self.tills:
                # A till with a stale token registers again first, and then may learn it
                # is a copy (restored from backup) and registers once more.
                for _attempt in range(3):
                    result = sync.sync_once(till.desk)
                    if not (isinstance(result, Refusal) and result.code in REGISTER_AGAIN):
                        break
                    self._register_again_if_needed(till, result)
                unwrap(result)
        self.check()
        stats: dict[str, int] = defaultdict(int, self.stats)
        for till in self.tills:
            for key, value in till.network.stats.items():
                stats[key] += value
        stats["till_crash_between_statements"] = self.restarts
        with self.service.db.read() as conn:
            for kind, count in conn.execute(
                select(sm.Case.kind, func.count()).group_by(sm.Case.kind)
            ):
                stats[f"case_{kind}"] += int(count)
            stats["merged"] = int(
                conn.execute(select(func.count()).select_from(sm.Merge)).scalar_one()
            )
            stats["offline_redeems"] = int(
                conn.execute(
                    select(func.count()).where(
                        sm.Entry.kind == "REDEEM", sm.Entry.offline.is_(True)
                    )
                ).scalar_one()
            )
            stats["events"] = int(
                conn.execute(select(func.count()).select_from(sm.Event)).scalar_one()
            )
        return dict(stats)

    def check(self) -> None:
        db = self.service.db
        check_server_books(self.service)
        with db.read() as conn:
            events = {e.event_id: e.status for e in conn.execute(select(sm.Event))}
            quarantined = set(conn.execute(select(sm.Quarantine.event_id)).scalars())
            entries = {
                e.id: e for e in conn.execute(select(sm.Entry)).mappings().all() for e in [e]
            }
            server_members = {
                m.id: m for m in conn.execute(select(sm.Member)).mappings().all() for m in [m]
            }
            applied: dict[str, int] = defaultdict(int)
            for e in entries.values():
                applied[e["member_id"]] += e["applied"]
        for mid, mem in server_members.items():
            if mem["merged_into"] is None:
                assert mem["points"] - mem["debt"] == applied.get(mid, 0), ("sum", mid)
        sources: dict[str, int] = defaultdict(int)
        for e in entries.values():
            if e["kind"] in ("REDEEM", "REVERSAL", "ADJUST") and e["points"] < 0:
                sources[e["member_id"]] -= e["points"]
        for mid, mem in server_members.items():
            assert mem["debt"] <= sources.get(mid, 0), ("overdraft bound", mid)
        offline_day: dict[tuple[str, str, Any], int] = defaultdict(int)
        for till in self.tills:
            desk = till.desk
            check_invariants(desk)
            with desk.read() as s:
                for row in s.scalars(select(Outbox)):
                    assert row.acked_at is not None, ("unacked", till.name, row.device_seq)
                    assert row.event_id in events or row.event_id in quarantined, (
                        "lost",
                        till.name,
                        row.event_id,
                    )
                ok = {
                    r.event_id
                    for r in s.scalars(select(Outbox))
                    if events.get(r.event_id) == "accepted"
                }
                for entry in s.scalars(select(LedgerEntry).where(LedgerEntry.kind != "SYNC")):
                    if entry.event_id in ok:
                        assert entry.id in entries, ("entry lost", till.name, entry.id)
                    if entry.kind == "REDEEM" and entry.offline:
                        day = local_date(entry.occurred_at, desk.tz)
                        offline_day[(till.name, entry.member_id, day)] += -entry.points
                for member in s.scalars(select(Member).where(Member.merged_into.is_(None))):
                    server = server_members.get(member.id)
                    if server is not None and server["merged_into"] is None:
                        assert member.balance == server["points"] - server["debt"], (
                            "balance",
                            till.name,
                            member.phone,
                            member.balance,
                            server["points"] - server["debt"],
                        )
            cap = desk.rules_at(desk.now()).offline.daily_cap_points
            for key, points in offline_day.items():
                assert points <= cap, ("offline cap", key, points)
        with db.read() as conn:
            dupes = conn.execute(
                select(func.count())
                .select_from(sm.Event)
                .group_by(sm.Event.device_id, sm.Event.device_seq)
                .having(func.count() > 1)
            ).all()
        assert not dupes

    def close(self) -> None:
        for till in self.tills:
            till.desk.close()
        self.service.db.close()


def _brief(result: Any) -> str:
    if isinstance(result, Refusal):
        return f"refused {result.code}"
    return type(result).__name__


class Templates:
    """A migrated server database and an initialised till, copied for every seed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        server = root / "server-template.db"
        open_database(f"sqlite:///{server}").close()
        self.server = server
        self.till = TillTemplate(root / "till-template")

    def server_copy(self, target: Path) -> str:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.server, target / "server.db")
        return f"sqlite:///{target / 'server.db'}"


def run_seed(seed: int, templates: Templates, steps: int = 60) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix=f"sim{seed}-", dir=templates.root))
    sim = Simulation(seed, root, templates, steps=steps)
    try:
        return sim.run()
    except BaseException as exc:
        tail = "\n".join(sim.log[-25:])
        raise AssertionError(
            f"simulation seed {seed} failed: {exc!r}\n"
            f"rerun: python -m tests.sync.simulation --seed {seed}\nlast steps:\n{tail}"
        ) from exc
    finally:
        sim.close()
        failpoints.disarm_all()
        shutil.rmtree(root, ignore_errors=True)


def scratch() -> str | None:
    """Memory-backed scratch space when there is one: fsync there costs nothing, and the
    simulation is about ordering and faults, not about disks (tests/test_crash.py is)."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() else None


def _worker(args: tuple[list[int], int]) -> tuple[list[tuple[int, str]], dict[str, int]]:
    seeds, steps = args
    failed: list[tuple[int, str]] = []
    totals: dict[str, int] = defaultdict(int)
    with tempfile.TemporaryDirectory(dir=scratch()) as tmp:
        templates = Templates(Path(tmp))
        started = time.perf_counter()
        for done, seed in enumerate(seeds, 1):
            try:
                for key, value in run_seed(seed, templates, steps).items():
                    totals[key] += value
            except AssertionError as exc:
                traceback.print_exc()
                failed.append((seed, str(exc)))
            if done % PROGRESS_EVERY == 0:  # a long soak says how far it got
                elapsed = round(time.perf_counter() - started)
                print(
                    f"progress: {done}/{len(seeds)} seeds of this worker, "
                    f"{len(failed)} failed, {elapsed} s",
                    flush=True,
                )
    return failed, dict(totals)


def simulate(
    seeds: list[int], steps: int = 60, jobs: int = 1
) -> tuple[list[tuple[int, str]], dict[str, int]]:
    """Run the seeds (in `jobs` processes); returns the failures and the faults injected."""
    jobs = max(1, min(jobs, len(seeds)))
    parts = [(seeds[i::jobs], steps) for i in range(jobs)]
    if jobs == 1:
        results = [_worker(parts[0])]
    else:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            results = pool.map(_worker, parts)
    failed = sorted(f for part, _ in results for f in part)
    totals: dict[str, int] = defaultdict(int)
    for _, part_totals in results:
        for key, value in part_totals.items():
            totals[key] += value
    return failed, dict(totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seed", type=int, help="run just this seed")
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    if args.seed is not None:
        seeds = [args.seed]
    else:
        seeds = list(range(args.start, args.start + args.seeds))
    started = time.perf_counter()
    failed, totals = simulate(seeds, args.steps, args.jobs)
    summary = {
        "seeds": len(seeds),
        "steps": args.steps,
        "failed": [seed for seed, _ in failed],
        "faults_injected": totals,
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(summary))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
