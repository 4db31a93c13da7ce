"""What the status bar shows about syncing: configured or not, pending events, last sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from loyalty_desk.services.desk import Desk
from loyalty_desk.services.sync_client import STOPPED
from loyalty_desk.store.models import Outbox, SyncState


@dataclass(frozen=True, slots=True)
class SyncStatus:
    configured: bool  # registered with a central server
    pending: int  # events not yet acknowledged by the server
    last_push_at: datetime | None
    last_pull_at: datetime | None
    last_error: str | None  # the last attempt's failure, None after a success
    error_code: str | None = None  # its stable code (domain.errors.Code)
    halted: str | None = None  # why syncing stopped until a manager acts: revoked, clone, …
    server_url: str | None = None
    device_id: str = ""

    @property
    def online(self) -> bool | None:
        """None when not configured; False while the last attempt failed."""
        if not self.configured:
            return None
        return self.last_error is None and self.last_pull_at is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "configured": self.configured,
            "online": self.online,
            "pending": self.pending,
            "last_push_at": self.last_push_at.isoformat() if self.last_push_at else None,
            "last_pull_at": self.last_pull_at.isoformat() if self.last_pull_at else None,
            "last_error": self.last_error,
            "error_code": self.error_code,
            "halted": self.halted,
            "server_url": self.server_url,
            "device_id": self.device_id,
        }


def status(desk: Desk) -> SyncStatus:
    with desk.read() as s:
        pending = s.scalar(select(func.count()).where(Outbox.acked_at.is_(None))) or 0
        state = s.get(SyncState, 1)
        return SyncStatus(
            configured=state is not None and bool(state.device_token),
            pending=int(pending),
            last_push_at=state.last_push_at if state else None,
            last_pull_at=state.last_pull_at if state else None,
            last_error=state.last_error if state else None,
            error_code=state.last_error_code if state else None,
            halted=state.status if state and state.status in STOPPED.values() else None,
            server_url=state.server_url if state else None,
            device_id=desk.info.device_id,
        )
