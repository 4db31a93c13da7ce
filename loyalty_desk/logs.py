"""Log files of a till: `logs/` in the data directory, rotated, phones masked.

One writer per file, always. Each program writes its own file (`client.log` for the
desktop client, `cli.log` for commands), and a process first takes an OS lock on the
file's `.lock` companion: a second client or a command run while another one is still
running takes the next slot (`cli-2.log`, …) instead of sharing — two processes rotating
one file is what makes Windows fail with "the file is being used by another process".
Inside a process a QueueListener thread is the only writer; every thread just enqueues.

Phone numbers are masked before a line is written (138****5678), traceback included: a
log file is copied to support staff, and mobile numbers are personal data.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import time
from dataclasses import dataclass, field
from logging.handlers import QueueHandler, QueueListener, RotatingFileHandler
from pathlib import Path

MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
SLOTS = 8  # at most this many processes of one program writing logs at the same time
RETRY_ROLLOVER_S = 60.0
FORMAT = "%(asctime)s %(process)d %(threadName)s %(levelname)s %(name)s: %(message)s"
# Where our records and the libraries' we care about (Alembic says what it upgraded) go.
LOGGERS = ("loyalty_desk", "alembic")

# A mainland mobile (DESIGN §2), alone or with +86/86, optionally split by spaces or dashes.
_PHONE = re.compile(r"(?<![\d])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![\d])")


def mask_phones(text: str) -> str:
    """Every 11-digit mainland mobile in `text` as 138****5678."""
    return _PHONE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


class MaskPhones(logging.Filter):
    """Masks the message, the traceback and the stack of every record it passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_phones(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_phones(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_phones(record.stack_info)
        return True


class PatientRotatingFileHandler(RotatingFileHandler):
    """Rotation that never turns into an error storm: if a rename fails (a viewer holds a
    rotated file open on Windows), keep appending to the current file and try again later.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        self.retry_at = 0.0

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if time.monotonic() < self.retry_at:
            return False
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            self.retry_at = time.monotonic() + RETRY_ROLLOVER_S
            if self.stream is None:  # the rename failed after the file was closed
                self.stream = self._open()


def _lock(path: Path) -> int | None:
    """An exclusive OS lock held until the process ends (or `release`); None if taken."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _release(fd: int) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(fd)  # closing drops a flock on POSIX


def claim_log_file(folder: Path, program: str) -> tuple[Path, int | None]:
    """The first free slot of `program`'s log files, locked for this process."""
    folder.mkdir(parents=True, exist_ok=True)
    for slot in range(1, SLOTS + 1):
        name = f"{program}.log" if slot == 1 else f"{program}-{slot}.log"
        fd = _lock(folder / f"{name}.lock")
        if fd is not None:
            return folder / name, fd
    # More processes than slots: a file of this process's own, never rotated.
    return folder / f"{program}-pid{os.getpid()}.log", None


@dataclass
class LogSession:
    """Logging to one file for the life of a program run; `stop` flushes and lets go."""

    path: Path
    listener: QueueListener
    handler: QueueHandler
    lock_fd: int | None
    saved: dict[str, tuple[int, bool]] = field(default_factory=dict)

    def stop(self) -> None:
        for name, (level, propagate) in self.saved.items():
            logger = logging.getLogger(name)
            logger.removeHandler(self.handler)
            logger.setLevel(level)
            logger.propagate = propagate
        self.listener.stop()  # writes what is still queued
        for handler in self.listener.handlers:
            handler.close()
        if self.lock_fd is not None:
            _release(self.lock_fd)
            self.lock_fd = None


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def start_logging(data_dir: Path, program: str, level: int = logging.INFO) -> LogSession:
    """Send this process's log records to `logs/<program>.log` (or its next free slot)."""
    path, lock_fd = claim_log_file(logs_dir(data_dir), program)
    if lock_fd is None:
        target: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    else:
        target = PatientRotatingFileHandler(path)
    target.setFormatter(logging.Formatter(FORMAT))
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = QueueListener(records, target, respect_handler_level=True)
    handler = QueueHandler(records)
    handler.addFilter(MaskPhones())
    session = LogSession(path, listener, handler, lock_fd)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        session.saved[name] = (logger.level, logger.propagate)
        logger.addHandler(handler)
        logger.setLevel(level)
        # Not up to the root logger: a library's basicConfig() there would echo every
        # record on the console.
        logger.propagate = False
    listener.start()
    return session
