"""The real server in a subprocess: `loyalty-desk serve` with uvicorn on a free port."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    def __init__(self, database_url: str, log: Path) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, failpoints: str | None = None, workers: int | None = None) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("LOYALTY_SERVER_FAILPOINTS", None)
        if failpoints:
            env["LOYALTY_SERVER_FAILPOINTS"] = failpoints
        cmd = [
            sys.executable,
            "-m",
            "loyalty_desk",
            "serve",
            "--database-url",
            self.database_url,
            "--port",
            str(self.port),
            "--log-level",
            "warning",
        ]
        if workers:
            cmd += ["--workers", str(workers)]
        with self.log.open("ab") as out:
            # A session of its own: with several workers (PostgreSQL) one signal to the
            # group reaches them all, so a kill leaves no orphaned worker on the port.
            self.proc = subprocess.Popen(
                cmd, env=env, stdout=out, stderr=out, cwd=ROOT, start_new_session=True
            )
        deadline = time.monotonic() + 120  # a loaded CI machine starts uvicorn slowly
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if requests.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not become ready")

    def signal_all(self, signum: int) -> None:
        """The server and its workers."""
        assert self.proc is not None
        with contextlib.suppress(ProcessLookupError):  # all of them are gone already
            os.killpg(self.proc.pid, signum)

    def kill(self) -> None:
        """Like a power cut: SIGKILL to the server and every worker."""
        self.signal_all(signal.SIGKILL)

    def wait_dead(self, timeout: float = 15) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
                self.proc.wait(5)
        if self.proc is not None:
            self.kill()  # a worker the server left behind (it was killed, or died)
        self.proc = None
