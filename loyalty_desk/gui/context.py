"""What every screen shares: the database worker, the open till, who is signed in."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from loyalty_desk.gui.operations import Operations

if TYPE_CHECKING:  # the database layer is imported on the worker (see MainWindow)
    from loyalty_desk.gui.sync_control import SyncControl
    from loyalty_desk.services.desk import Clock, Desk
    from loyalty_desk.services.settings import StoreSettings
    from loyalty_desk.services.staff import StaffView


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Context(QObject):
    signed_in = Signal(object)  # StaffView, or None after signing out
    settings_changed = Signal(object)  # StoreSettings
    member_requested = Signal(str)  # another screen asks checkout to serve this member

    def __init__(self, ops: Operations, data_dir: Path, clock: Clock | None = None) -> None:
        super().__init__(ops)
        self.ops = ops
        self.data_dir = data_dir
        self.clock: Clock = clock or _utc_now
        self._desk: Desk | None = None
        self.staff: StaffView | None = None
        self.settings: StoreSettings | None = None
        self.sync: SyncControl | None = None  # the background sync (set by the window)

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            raise RuntimeError("no store is open yet")
        return self._desk

    @desk.setter
    def desk(self, value: Desk) -> None:
        self._desk = value

    @property
    def has_desk(self) -> bool:
        return self._desk is not None

    @property
    def tz(self) -> ZoneInfo:
        return self.desk.tz

    @property
    def is_manager(self) -> bool:
        return self.staff is not None and self.staff.is_manager

    @property
    def staff_id(self) -> str | None:
        return self.staff.id if self.staff else None
