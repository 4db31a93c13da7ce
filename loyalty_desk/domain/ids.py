"""Ids are UUIDv7 made where the fact is born, so they sort by time and never collide."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
