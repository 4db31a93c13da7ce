"""The open till: its database, store settings, clock and rule book, shared by use cases."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from loyalty_desk.domain.errors import Code, Refusal, refusal
from loyalty_desk.domain.rules import DEFAULT_RULES, RuleSet, rules_from_mapping
from loyalty_desk.domain.timeutil import zone
from loyalty_desk.store import migrate
from loyalty_desk.store.db import DB_FILENAME, Database
from loyalty_desk.store.models import RuleSetRow, Setting

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class StoreInfo:
    store_id: str
    store_name: str
    timezone: str
    device_id: str


def read_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def write_setting(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


@dataclass(frozen=True, slots=True)
class SchemaUpgrade:
    """An older till database this version upgraded in place when it opened it."""

    from_revision: str
    to_revision: str
    backup: Path | None  # the copy made before the upgrade


class Desk:
    """One till's open database. Cheap to share across threads: sessions are per use case."""

    def __init__(self, data_dir: Path, db: Database, info: StoreInfo, clock: Clock) -> None:
        self.data_dir = data_dir
        self.db = db
        self.info = info
        self.clock = clock
        self.rng: random.Random = random.SystemRandom()
        self._tz = zone(info.timezone) or ZoneInfo("Asia/Shanghai")
        self._rules: list[tuple[datetime, RuleSet]] = []
        self.upgrade: SchemaUpgrade | None = None  # what `open` upgraded, to tell the user
        self.reload_rules()

    # -- opening ---------------------------------------------------------------------------

    @staticmethod
    def database_path(data_dir: Path) -> Path:
        return data_dir / DB_FILENAME

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock = system_clock) -> Desk | Refusal:
        """Open an initialised till, upgrading an older schema in place (after a backup)."""
        path = cls.database_path(data_dir)
        if not path.exists():
            return refusal(
                Code.NOT_INITIALISED,
                "No store database in {data_dir}; run `loyalty-desk init --store-id ID` first.",
                data_dir=data_dir,
            )
        db = Database(path)
        upgrade: SchemaUpgrade | None = None
        try:
            if migrate.needs_upgrade(db.engine):
                before = migrate.current_revision(db.engine)
                saved = migrate.upgrade(db.engine, path, data_dir / "backups")
                if before is not None:
                    upgrade = SchemaUpgrade(before, migrate.head_revision(), saved)
        except migrate.SchemaTooNew as exc:
            db.close()
            return refusal(
                Code.SCHEMA_TOO_NEW,
                "This database was written by a newer Loyalty Desk (schema {exc}); install that "
                "version or newer. The file was not touched.",
                exc=exc,
            )
        with db.read() as s:
            store_id = read_setting(s, "store_id")
            if store_id is None:
                db.close()
                return refusal(
                    Code.NOT_INITIALISED,
                    "The database in {data_dir} has no store; run `loyalty-desk init` first.",
                    data_dir=data_dir,
                )
            info = StoreInfo(
                store_id=store_id,
                store_name=read_setting(s, "store_name", store_id),
                timezone=read_setting(s, "timezone", "Asia/Shanghai"),
                device_id=read_setting(s, "device_id"),
            )
        desk = cls(data_dir, db, info, clock)
        desk.upgrade = upgrade
        return desk

    def close(self) -> None:
        self.db.close()

    def set_info(self, info: StoreInfo) -> None:
        """The store's name or time zone changed in settings: later use cases see them."""
        self.info = info
        self._tz = zone(info.timezone) or ZoneInfo("Asia/Shanghai")

    # -- time and rules --------------------------------------------------------------------

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def now(self) -> datetime:
        return self.clock()

    def reload_rules(self) -> None:
        with self.db.read() as s:
            rows = s.scalars(select(RuleSetRow).order_by(RuleSetRow.version)).all()
            book: list[tuple[datetime, RuleSet]] = []
            for row in rows:
                body = json.loads(row.body)
                body["version"] = row.version
                parsed = rules_from_mapping(body)
                if isinstance(parsed, RuleSet):
                    book.append((row.effective_from, parsed))
        self._rules = book

    def rules_at(self, moment: datetime) -> RuleSet:
        """The newest rule version in effect at `moment` (each entry records the one used)."""
        chosen = DEFAULT_RULES
        for effective_from, rules in self._rules:
            if effective_from <= moment and rules.version >= chosen.version:
                chosen = rules
        return chosen

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self.db.transaction() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session
