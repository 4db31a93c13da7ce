"""The built store bundle (dist/loyalty-desk, from `make dist`) runs: its version, and the
real client started offscreen, used and closed (`loyalty-desk-gui --smoke`).

Building takes a minute or two, so `make test` does not build; CI runs `make dist` first,
and there a missing bundle is a failure, not a skip.
"""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "loyalty-desk"
EXE = ".exe" if os.name == "nt" else ""

if not (BUNDLE / f"loyalty-desk{EXE}").exists():
    if os.environ.get("CI"):
        raise AssertionError(f"no bundle at {BUNDLE}: CI runs `make dist` before the tests")
    pytest.skip("no bundle: `make dist` builds it", allow_module_level=True)


def clean_env(tmp_path: Path) -> dict[str, str]:
    """What a store PC has: no virtualenv, no source tree on the path, its own HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["HOME"] = str(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("LOYALTY_DESK_DATA_DIR", None)
    return env


def test_the_bundle_says_its_version(tmp_path: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    out = subprocess.run(
        [str(BUNDLE / f"loyalty-desk{EXE}"), "--version"],
        capture_output=True,
        text=True,
        env=clean_env(tmp_path),
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == f"loyalty-desk {version}"


def test_the_bundled_client_starts_works_and_closes(tmp_path: Path) -> None:
    out = subprocess.run(
        [str(BUNDLE / f"loyalty-desk-gui{EXE}"), "--smoke"],
        capture_output=True,
        text=True,
        env=clean_env(tmp_path),
        cwd=tmp_path,  # nothing found through the source tree
        timeout=180,
    )
    assert out.returncode == 0, out.stdout + out.stderr[-3000:]
    lines = out.stdout.splitlines()
    assert lines[-1] == "smoke test passed"
    assert not [line for line in lines if line.startswith("FAIL")]
    assert "info running from the bundle" in out.stdout
    checks = ("store created (migrations)", "shipped CJK font", "Chinese translations")
    for check in (*checks, "window closed cleanly"):
        assert any(line.startswith(f"ok   {check}") for line in lines), check
    assert any(line.startswith("ok   server extra and test tools left out") for line in lines)


def test_the_bundled_command_line_uses_its_migrations(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    cli = str(BUNDLE / f"loyalty-desk{EXE}")
    till = str(tmp_path / "till")
    subprocess.run([cli, "--data-dir", till, "init", "--store-id", "S1"], env=env, check=True)
    backed = subprocess.run(
        [cli, "--data-dir", till, "--json", "backup"], env=env, capture_output=True, text=True
    )
    assert backed.returncode == 0, backed.stderr
    assert (tmp_path / "till" / "logs" / "cli.log").exists()


def test_the_linux_install_script_lays_out_programs_menu_entry_and_icons(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    env = clean_env(tmp_path)
    script = ROOT / "installer" / "install-linux.sh"
    args = [str(script), "--prefix", str(prefix), "--data-dir", str(tmp_path / "data")]
    for _ in range(2):  # the second run is an upgrade in place
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=300)
    version = subprocess.run(
        [str(prefix / "bin" / "loyalty-desk"), "--version"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.startswith("loyalty-desk ")
    entry = (prefix / "share" / "applications" / "loyalty-desk.desktop").read_text("utf-8")
    assert f"Exec={prefix}/bin/loyalty-desk-gui" in entry and "Icon=loyalty-desk" in entry
    assert (prefix / "share/icons/hicolor/48x48/apps/loyalty-desk.png").exists()
    assert (prefix / "share/icons/hicolor/scalable/apps/loyalty-desk.svg").exists()
    # The installed programs find the data folder the installer was given.
    till = tmp_path / "data"
    subprocess.run(
        [str(prefix / "bin" / "loyalty-desk"), "init", "--store-id", "S1"], env=env, check=True
    )
    assert (till / "loyalty.db").exists()
