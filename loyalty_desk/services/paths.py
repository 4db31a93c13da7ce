"""Where the till keeps its files: platform data dir, overridable for tests and operators."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "LOYALTY_DESK_DATA_DIR"


def default_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("loyalty-desk", "LoyaltyDesk"))
