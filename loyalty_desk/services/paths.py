"""Where the till keeps its files: platform data dir, overridable for tests and operators.

In order: the LOYALTY_DESK_DATA_DIR environment variable; the `loyalty-desk.ini` that an
installer writes beside the installed programs (the Windows installer points it at
ProgramData, so every Windows account of the shop's PC uses the same till database and an
upgrade, which replaces Program Files, never touches it); the user's data directory.

    [data]
    dir = C:\\ProgramData\\LoyaltyDesk
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "LOYALTY_DESK_DATA_DIR"
INSTALL_INI = "loyalty-desk.ini"


def program_dir() -> Path | None:
    """The folder of an installed (frozen) program; None when running from Python."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def installed_data_dir(folder: Path | None) -> Path | None:
    """The data directory named by the installer's ini file in `folder`, if there is one."""
    if folder is None:
        return None
    ini = folder / INSTALL_INI
    if not ini.is_file():
        return None
    raw = ini.read_bytes()
    # Windows' profile API writes ANSI, or UTF-16 when the file started as UTF-16.
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(raw.decode(encoding))
    except (configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get("data", "dir", fallback="").strip()
    return Path(os.path.expandvars(value)) if value else None


def default_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    installed = installed_data_dir(program_dir())
    if installed is not None:
        return installed
    return Path(platformdirs.user_data_dir("loyalty-desk", "LoyaltyDesk"))
