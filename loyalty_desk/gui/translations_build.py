"""Update the client's Qt Linguist files and compile them: `make translations`.

    resources/translations/loyalty_desk_zh_CN.ts   every string of the client, in Chinese
    resources/translations/loyalty_desk_en.ts      English is the source language: only
                                                   plural forms would need entries
    resources/translations/*.qm                    compiled by lrelease, committed (a
                                                   bundle and a plain install need no Qt
                                                   tools), checked fresh by a test

pyside6-lupdate reads the client's Python (self.tr, QCoreApplication.translate,
formatting.translate) and the Designer forms in ui/. Files carry no line numbers
(`-locations none`): several people add strings at once and line numbers would make
every merge a conflict.

    python -m loyalty_desk.gui.translations_build            # lupdate + lrelease
    python -m loyalty_desk.gui.translations_build --release  # lrelease only
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from loyalty_desk.gui.forms_build import ROOT, UI_DIR, _tool

GUI_DIR = Path(__file__).resolve().parent
TS_DIR = ROOT / "resources" / "translations"
NAME = "loyalty_desk"
LANGUAGES = {"zh_CN": [], "en": ["-pluralonly"]}  # extra lupdate options by language
_NOT_CLIENT = {"forms_build.py", "translations_build.py", "smoke.py", "__init__.py"}


def ts_path(language: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{NAME}_{language}.ts"


def qm_path(language: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{NAME}_{language}.qm"


def sources() -> list[Path]:
    python = [p for p in sorted(GUI_DIR.glob("*.py")) if p.name not in _NOT_CLIENT]
    return [*python, *sorted(UI_DIR.glob("*.ui"))]


def lupdate(ts: Path, language: str) -> str:
    """Bring `ts` up to date with the sources; returns lupdate's summary."""
    done = subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            language,
            *LANGUAGES[language],
            *map(str, sources()),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def main(argv: list[str]) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        if "--release" not in argv:
            print(lupdate(ts_path(language), language).strip())
        lrelease(ts_path(language), qm_path(language))
    print(f"compiled {', '.join(LANGUAGES)} into {TS_DIR}")
    return 0


def copy_ts(language: str, folder: Path) -> Path:
    target = ts_path(language, folder)
    shutil.copyfile(ts_path(language), target)
    return target


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
