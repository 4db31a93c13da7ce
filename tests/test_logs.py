"""Log files: phones masked, one writer per file, rotation that never fails loudly."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from loyalty_desk import logs
from loyalty_desk.cli import main

log = logging.getLogger("loyalty_desk.test")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("member 13812345678 found", "member 138****5678 found"),
        ("+8613912345678", "139****5678"),
        ("86-159 1234 0000 paid", "159****0000 paid"),
        ("138-1234-5678", "138****5678"),
        ("a,13812345678,15000001111", "a,138****5678,150****1111"),
    ],
)
def test_mainland_mobiles_are_masked(text: str, masked: str) -> None:
    assert logs.mask_phones(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "receipt R-20260310-0001",
        "code 8000000006",  # a member code: 10 digits
        "amount 123456789012",  # 12 digits: not a phone
        "12812345678",  # no mobile starts with 12
        "2026-03-10 02:00:00,123",
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    assert logs.mask_phones(text) == text


def test_a_log_line_and_its_traceback_are_masked(tmp_path: Path) -> None:
    session = logs.start_logging(tmp_path, "client")
    try:
        log.info("looked up %s", "13812345678")
        try:
            raise ValueError("no member with phone 13912345678")
        except ValueError:
            log.exception("lookup of %s failed", "15000001111")
    finally:
        session.stop()
    text = (tmp_path / "logs" / "client.log").read_text(encoding="utf-8")
    assert "138****5678" in text and "139****5678" in text and "150****1111" in text
    assert "Traceback" in text and "ValueError" in text
    for phone in ("13812345678", "13912345678", "15000001111"):
        assert phone not in text


def test_each_process_gets_a_file_of_its_own(tmp_path: Path) -> None:
    first = logs.start_logging(tmp_path, "cli")
    second = logs.start_logging(tmp_path, "cli")  # another process would see the same lock
    client = logs.start_logging(tmp_path, "client")
    try:
        assert first.path.name == "cli.log"
        assert second.path.name == "cli-2.log"
        assert client.path.name == "client.log"
    finally:
        second.stop()
        first.stop()
        client.stop()
    again = logs.start_logging(tmp_path, "cli")  # released: the first slot is free again
    try:
        assert again.path.name == "cli.log"
    finally:
        again.stop()


def test_another_process_holding_the_file_gets_the_next_slot(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from pathlib import Path
                from loyalty_desk import logs
                session = logs.start_logging(Path({str(tmp_path)!r}), "client")
                print(session.path.name, flush=True)
                sys.stdin.readline()
                session.stop()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "client.log"
        mine = logs.start_logging(tmp_path, "client")
        try:
            assert mine.path.name == "client-2.log"
        finally:
            mine.stop()
    finally:
        holder.communicate("\n", timeout=30)
    assert holder.returncode == 0


def test_rotation_keeps_a_bounded_set_of_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    session = logs.start_logging(tmp_path, "client")
    try:
        for i in range(400):
            log.info("line %d %s", i, "x" * 60)
    finally:
        session.stop()
    names = sorted(p.name for p in (tmp_path / "logs").glob("client.log*") if p.suffix != ".lock")
    assert names[0] == "client.log" and len(names) == 1 + logs.BACKUP_COUNT
    assert all(p.stat().st_size <= 2_000 for p in (tmp_path / "logs").glob("client.log*"))


def test_a_failed_rollover_keeps_logging_and_tries_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What Windows does when another program holds the file: the rename fails."""
    monkeypatch.setattr(logs, "MAX_BYTES", 500)
    calls: list[str] = []

    def refuse(src: str, dst: str) -> None:
        calls.append(dst)
        raise PermissionError(32, "The process cannot access the file", src)

    handler = logs.PatientRotatingFileHandler(tmp_path / "held.log")
    handler.setFormatter(logging.Formatter("%(message)s"))
    monkeypatch.setattr(handler, "rotate", refuse)
    errors: list[logging.LogRecord] = []
    monkeypatch.setattr(handler, "handleError", errors.append)
    for i in range(100):
        handler.emit(logging.makeLogRecord({"msg": f"line {i} " + "y" * 40}))
    handler.close()
    text = (tmp_path / "held.log").read_text(encoding="utf-8")
    assert "line 0 " in text and "line 99 " in text  # nothing lost
    assert len(calls) == 1  # one try, then it waits RETRY_ROLLOVER_S before the next
    assert errors == []


def test_cli_commands_log_to_their_own_file_without_pins(tmp_path: Path) -> None:
    d = str(tmp_path / "till")
    assert main(["--data-dir", d, "init", "--store-id", "S1"]) == 0  # no till yet: no log
    assert main(["--data-dir", d, "staff", "add", "--name", "Boss", "--role", "manager",
                 "--pin", "9731"]) == 0  # fmt: skip
    enrol = ["member", "enroll", "--phone", "13812345678", "--name", "A"]
    assert main(["--data-dir", d, *enrol]) == 0
    assert main(["--data-dir", d, "--json", *enrol]) == 2
    text = (tmp_path / "till" / "logs" / "cli.log").read_text(encoding="utf-8")
    assert "staff add" in text and "member enroll" in text
    assert "member enroll refused: PHONE_ALREADY_ENROLLED" in text
    assert "9731" not in text and "13812345678" not in text
    assert not (tmp_path / "till" / "logs" / "client.log").exists()


def test_a_cli_fault_is_logged_with_its_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = str(tmp_path / "till")
    assert main(["--data-dir", d, "init", "--store-id", "S1"]) == 0
    from loyalty_desk.services import members

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full while looking up 13812345678")

    monkeypatch.setattr(members, "find", broken)
    capsys.readouterr()
    assert main(["--data-dir", d, "--json", "member", "find", "5678"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "FAULT"
    text = (tmp_path / "till" / "logs" / "cli.log").read_text(encoding="utf-8")
    assert "member find failed" in text and "Traceback" in text and "OSError" in text
    assert "138****5678" in text and "13812345678" not in text


def test_a_command_on_an_old_till_upgrades_it_and_says_so_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from loyalty_desk.store import migrate
    from tests.old_till import first_revision_till
    from tests.test_migrations import first_revision

    till = tmp_path / "old"
    first_revision_till(till)
    capsys.readouterr()
    assert main(["--data-dir", str(till), "--json", "member", "find", "5678"]) == 0
    out, err = capsys.readouterr()
    assert [m["name"] for m in json.loads(out)["members"]] == ["Old Member"]  # one object
    if first_revision() != migrate.head_revision():
        assert f"from schema {first_revision()} to {migrate.head_revision()}" in err
        assert "before-upgrade-" in err
        log_text = (till / "logs" / "cli.log").read_text(encoding="utf-8")
        assert "database upgraded from" in log_text
