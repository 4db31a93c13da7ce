"""Compile ui/*.ui and resources/loyalty.qrc into the generated `gui/forms` package.

`make forms` runs this. Next to the generated modules it writes `SOURCES`: the sha256 of
every input, so a test can tell that a form was edited without regenerating, whichever
Qt version is installed. Nobody edits `gui/forms/` by hand.

    python -m loyalty_desk.gui.forms_build          # regenerate
    python -m loyalty_desk.gui.forms_build --check  # exit 1 if anything is stale
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
QRC = ROOT / "resources" / "loyalty.qrc"
FORMS = Path(__file__).resolve().parent / "forms"
MANIFEST = "SOURCES"
# The tool's version line differs between Qt releases; it is not part of the code.
_VERSION_LINE = re.compile(r"^#+ *Created by: .*$", re.MULTILINE)
_INIT = '"""Generated from ui/*.ui and resources/loyalty.qrc by `make forms`; do not edit."""\n'


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 (make test installs it).")
    return found


def qrc_inputs() -> list[Path]:
    text = QRC.read_text(encoding="utf-8")
    return [QRC.parent / f for f in re.findall(r"<file[^>]*>([^<]+)</file>", text)]


def inputs() -> list[Path]:
    return [*sorted(UI_DIR.glob("*.ui")), QRC, *qrc_inputs()]


def manifest_text() -> str:
    lines = []
    for path in inputs():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(ROOT).as_posix()}")
    return "\n".join(lines) + "\n"


def module_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def compile_all(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    uic, rcc = _tool("pyside6-uic"), _tool("pyside6-rcc")
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        subprocess.run(
            [uic, "--from-imports", str(ui_file), "-o", str(target / module_name(ui_file))],
            check=True,
        )
    # Format 1 carries no file timestamps: the output depends on the content only.
    subprocess.run(
        [
            rcc,
            "--format-version",
            "1",
            "--compress-algo",
            "zlib",
            str(QRC),
            "-o",
            str(target / "loyalty_rc.py"),
        ],
        check=True,
    )
    (target / "__init__.py").write_text(_INIT, encoding="utf-8")
    (target / MANIFEST).write_text(manifest_text(), encoding="utf-8")


def tool_version(text: str) -> str | None:
    found = re.search(r"Created by: .*?version ([0-9.]+)", text)
    return found.group(1) if found else None


def normalised(text: str) -> str:
    return _VERSION_LINE.sub("", text)


def stale() -> list[str]:
    """What in gui/forms does not match its sources (empty when up to date)."""
    problems: list[str] = []
    recorded = (FORMS / MANIFEST).read_text(encoding="utf-8") if (FORMS / MANIFEST).exists() else ""
    if recorded != manifest_text():
        problems.append("ui/ or resources/ changed since gui/forms was generated")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        compile_all(fresh)
        for path in sorted(fresh.iterdir()):
            committed = FORMS / path.name
            if not committed.exists():
                problems.append(f"{path.name} is missing")
                continue
            old, new = committed.read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
            if tool_version(old) != tool_version(new):
                continue  # another Qt release writes other code; SOURCES still guards staleness
            if normalised(old) != normalised(new):
                problems.append(f"{path.name} differs from what its source compiles to")
        for path in sorted(FORMS.glob("*.py")):
            if not (fresh / path.name).exists():
                problems.append(f"{path.name} has no source any more")
    return problems


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = stale()
        for p in problems:
            print(p)
        return 1 if problems else 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        compile_all(fresh)  # a failing compiler leaves the package as it was
        for old in FORMS.glob("ui_*.py"):
            old.unlink()
        for path in fresh.iterdir():
            shutil.copyfile(path, FORMS / path.name)
    print(f"generated {len(list(FORMS.glob('ui_*.py')))} forms and loyalty_rc.py in {FORMS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
