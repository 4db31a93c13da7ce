"""How a till talks to the server: one request at a time, explicit timeouts, no retries here.

Retrying belongs to the caller (the sync use case and the background runner), which knows
whether a request is safe to repeat. Everything here either returns the server's reply or
raises `Unreachable` (nothing came back: connection refused, timeout, reset).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

import orjson
import requests

from loyalty_desk.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

# A till at the checkout must never hang on the network: connect fast or give up.
CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 30.0


class Unreachable(Exception):
    """No reply: the request may or may not have reached the server."""


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: Any
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def error_code(self) -> str | None:
        if isinstance(self.body, dict) and isinstance(self.body.get("error"), dict):
            code = self.body["error"].get("code")
            return str(code) if code is not None else None
        return None

    @property
    def error_message(self) -> str:
        if isinstance(self.body, dict) and isinstance(self.body.get("error"), dict):
            return str(self.body["error"].get("message", ""))
        return f"HTTP {self.status}"


class Transport(Protocol):
    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: Any = None,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> Reply: ...


def check_server_url(url: str) -> str | None:
    """The URL without a trailing slash, or None if it is not an http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url.strip().rstrip("/")


class HttpTransport:
    """JSON over HTTP(S) with requests; the device token travels as a bearer token."""

    def __init__(
        self,
        base_url: str,
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.session = requests.Session()
        # A proxy configured for the desktop must not swallow the store's LAN server.
        self.session.trust_env = False

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: Any = None,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> Reply:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        read = timeout if timeout is not None else self.read_timeout
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                json=body,
                params=dict(params) if params else None,
                headers=headers,
                timeout=(min(self.connect_timeout, read), read),
            )
        except requests.RequestException as exc:
            raise Unreachable(f"{type(exc).__name__}: {exc}") from exc
        try:
            payload: Any = orjson.loads(response.content)
        except ValueError:  # orjson.JSONDecodeError included
            payload = {"error": {"code": "BAD_REPLY", "message": response.text[:200]}}
        return Reply(response.status_code, payload, dict(response.headers))

    def close(self) -> None:
        self.session.close()
