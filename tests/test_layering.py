"""The dependency rule of DESIGN §1, checked on the source (imports, not conventions)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "loyalty_desk"

# What each layer must never import (project layers and third-party libraries).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (
        "loyalty_desk.store",
        "loyalty_desk.services",
        "loyalty_desk.gui",
        "loyalty_desk.cli",
        "loyalty_desk.server",
        "loyalty_desk.sync",
        "loyalty_desk.vouchers",
        "sqlalchemy",
        "alembic",
        "PySide6",
        "requests",
        "httpx",
        "fastapi",
        "reportlab",
        "escpos",
        "psycopg",
        "sqlite3",
    ),
    "store": (
        "loyalty_desk.services",
        "loyalty_desk.gui",
        "loyalty_desk.cli",
        "loyalty_desk.server",
        "loyalty_desk.sync",
        "PySide6",
    ),
    "vouchers": (
        "loyalty_desk.store",
        "loyalty_desk.services",
        "loyalty_desk.gui",
        "loyalty_desk.cli",
        "loyalty_desk.server",
        "PySide6",
    ),
    "services": ("loyalty_desk.gui", "loyalty_desk.cli", "loyalty_desk.server", "PySide6"),
    "gui": ("loyalty_desk.store", "loyalty_desk.server"),
    "server": ("loyalty_desk.gui", "loyalty_desk.services", "loyalty_desk.store", "PySide6"),
}
CLI_FORBIDDEN = ("loyalty_desk.store",)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in files:
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                where = path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE) else path
                out.append(f"{where} imports {name}")
    return out


def test_layers_import_only_what_they_may() -> None:
    problems: list[str] = []
    for layer, forbidden in FORBIDDEN.items():
        folder = PACKAGE / layer
        if folder.exists():
            problems += violations(sorted(folder.rglob("*.py")), forbidden)
    problems += violations([PACKAGE / "cli.py"], CLI_FORBIDDEN)
    assert problems == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from loyalty_desk.store.models import Member\nimport PySide6.QtCore\n")
    assert imports_of(bad) == {"loyalty_desk.store.models", "PySide6.QtCore"}
    assert len(violations([bad], ("loyalty_desk.store", "PySide6"))) == 2
    assert violations([bad], ("loyalty_desk.services",)) == []
