"""Creating (or upgrading) a store's database: `loyalty-desk init`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from loyalty_desk.domain.errors import Code, Refusal, Refused, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.rules import DEFAULT_RULES
from loyalty_desk.domain.timeutil import DEFAULT_TIMEZONE, zone
from loyalty_desk.services import audit
from loyalty_desk.services.desk import Clock, Desk, read_setting, system_clock, write_setting
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store import migrate
from loyalty_desk.store.db import Database
from loyalty_desk.store.models import RuleSetRow
from loyalty_desk.sync.canonical import canonical_json

STORE_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class InitResult:
    data_dir: Path
    store_id: str
    store_name: str
    timezone: str
    device_id: str
    created: bool
    backup: Path | None

    def to_json(self) -> dict[str, Any]:
        return {
            "data_dir": str(self.data_dir),
            "store_id": self.store_id,
            "store_name": self.store_name,
            "timezone": self.timezone,
            "device_id": self.device_id,
            "created": self.created,
            "backup": str(self.backup) if self.backup else None,
        }


@use_case
def init_store(
    data_dir: Path,
    store_id: str,
    store_name: str | None = None,
    timezone: str | None = None,
    *,
    clock: Clock = system_clock,
) -> InitResult:
    if not STORE_ID_PATTERN.match(store_id):
        raise refuse(
            Code.INVALID_STORE,
            "'{store_id}' is not a store id (1–32 letters, digits, - or _).",
            store_id=store_id,
        )
    tz_name = timezone or DEFAULT_TIMEZONE
    if zone(tz_name) is None:
        raise refuse(
            Code.INVALID_TIMEZONE,
            "'{tz_name}' is not a time zone (e.g. Asia/Shanghai).",
            tz_name=tz_name,
        )
    name = (store_name or store_id).strip()[:80] or store_id
    data_dir.mkdir(parents=True, exist_ok=True)
    path = Desk.database_path(data_dir)
    created = not path.exists()
    db = Database(path)
    try:
        if not created:
            with db.engine.connect() as conn:
                has_schema = conn.dialect.has_table(conn, "setting")
            if has_schema and migrate.current_revision(db.engine) is not None:
                migrate.needs_upgrade(db.engine)  # refuses a newer schema before anything
                with db.read() as s:
                    existing = read_setting(s, "store_id")
                if existing is not None and existing != store_id:
                    raise refuse(
                        Code.ALREADY_INITIALISED,
                        "This till already belongs to store '{existing}'; its ledger cannot move "
                        "to '{store_id}'. Use another data directory.",
                        existing=existing,
                        store_id=store_id,
                    )
        backup = migrate.upgrade(db.engine, path, data_dir / "backups")
        now = clock()
        with db.transaction() as s:
            device_id = read_setting(s, "device_id") or new_id()
            write_setting(s, "store_id", store_id)
            write_setting(s, "store_name", name)
            write_setting(s, "timezone", tz_name)
            write_setting(s, "device_id", device_id)
            if s.scalars(select(RuleSetRow.version).limit(1)).first() is None:
                s.add(
                    RuleSetRow(
                        version=DEFAULT_RULES.version,
                        effective_from=EPOCH,
                        body=canonical_json(DEFAULT_RULES.to_mapping()),
                        created_at=now,
                        source="default",
                    )
                )
    except migrate.SchemaTooNew as exc:
        raise refuse(
            Code.SCHEMA_TOO_NEW,
            "This database was written by a newer Loyalty Desk (schema {exc}); not touched.",
            exc=exc,
        ) from exc
    finally:
        db.close()
    desk = Desk.open(data_dir, clock=clock)
    if isinstance(desk, Refusal):
        raise Refused(desk)
    try:
        with desk.write() as s:
            audit.record(
                s,
                desk,
                "store.init",
                actor=None,
                subject=store_id,
                detail={"store_name": name, "timezone": tz_name, "created": created},
            )
    finally:
        desk.close()
    return InitResult(data_dir, store_id, name, tz_name, device_id, created, backup)
