"""The rule book: which business rules are in effect, and changing them on a standalone till.

A till registered with a central server receives rule versions from the chain (sync); a
standalone store's manager can publish a new version locally. Each ledger entry records the
version it used; a new version applies from its effective date, never retroactively.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from loyalty_desk.domain.errors import Code, Refusal, Refused, refuse
from loyalty_desk.domain.rules import RuleSet, rules_from_mapping
from loyalty_desk.domain.timeutil import local_date, local_midnight_utc
from loyalty_desk.services import audit
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.staff import verify_manager_pin
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import RuleSetRow, SyncState
from loyalty_desk.sync.canonical import canonical_json


@dataclass(frozen=True, slots=True)
class RuleVersion:
    version: int
    effective_from: datetime
    source: str
    rules: RuleSet

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "effective_from": self.effective_from.isoformat(),
            "source": self.source,
            "rules": self.rules.to_mapping(),
        }


def versions(desk: Desk) -> list[RuleVersion]:
    out: list[RuleVersion] = []
    with desk.read() as s:
        for row in s.scalars(select(RuleSetRow).order_by(RuleSetRow.version)):
            parsed = rules_from_mapping({**_body(row.body), "version": row.version})
            if isinstance(parsed, RuleSet):
                out.append(RuleVersion(row.version, row.effective_from, row.source, parsed))
    return out


def _body(text: str) -> dict[str, Any]:
    import json

    body: dict[str, Any] = json.loads(text)
    return body


def load_rule_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise refuse(
            Code.INVALID_FILE, "Cannot read {path}: {strerror}.", path=path, strerror=exc.strerror
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise refuse(
            Code.INVALID_RULES, "{name} is not valid TOML: {exc}.", name=path.name, exc=exc
        ) from exc
    except UnicodeDecodeError as exc:
        # A Windows editor's GBK: the server's loader (server/cli.py) says the same.
        raise refuse(
            Code.INVALID_RULES,
            "{name} is not UTF-8 text; save it as UTF-8 and try again.",
            name=path.name,
        ) from exc


@use_case
def publish_local(
    desk: Desk,
    path: Path,
    effective: date,
    *,
    manager_pin: str | None,
    manager_name: str | None = None,
) -> RuleVersion:
    """A standalone store's manager publishes a new rule version from a TOML file."""
    data = load_rule_file(path)
    data.pop("version", None)  # versions are numbered here, not by the file
    parsed = rules_from_mapping(data)
    if isinstance(parsed, list):
        raise refuse(
            Code.INVALID_RULES,
            "{problems}",
            {"problems": [p.message for p in parsed]},
            problems=parsed,
        )
    today = local_date(desk.now(), desk.tz)
    if effective < today:
        raise refuse(
            Code.INVALID_DATE,
            "Rules cannot take effect in the past ({effective}); the earliest is {today}.",
            effective=effective,
            today=today,
        )
    with desk.read() as s:
        state = s.get(SyncState, 1)
        if state is not None and state.device_token:
            raise refuse(
                Code.INVALID_RULES,
                "This till takes its rules from the chain's server; publish them there.",
            )
    verdict = verify_manager_pin(desk, manager_pin, manager_name)
    if isinstance(verdict, Refusal):
        raise Refused(verdict)
    with desk.write() as s:
        version = (s.scalar(select(func.max(RuleSetRow.version))) or 0) + 1
        rules = rules_from_mapping({**data, "version": version})
        assert isinstance(rules, RuleSet)
        row = RuleSetRow(
            version=version,
            effective_from=local_midnight_utc(effective, desk.tz),
            body=canonical_json(rules.to_mapping()),
            created_at=desk.now(),
            source="local",
        )
        s.add(row)
        audit.record(
            s,
            desk,
            "rules.publish",
            actor=verdict.name,
            subject=f"v{version}",
            detail={"effective": effective.isoformat(), "file": path.name, "changes": data},
        )
    desk.reload_rules()
    return RuleVersion(version, row.effective_from, "local", rules)
