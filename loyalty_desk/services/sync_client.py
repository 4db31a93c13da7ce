"""The till's connection to the central server: which transport, which token, what failed.

Replies are turned into values here: a good reply's body, or a `SyncFailure` with a stable
code the status bar and the background runner act on (retry later, or stop until a manager
registers the till again).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from loyalty_desk.domain.errors import Code
from loyalty_desk.services.desk import Desk
from loyalty_desk.store.models import SyncState
from loyalty_desk.sync.transport import HttpTransport, Reply, Transport, Unreachable

# Holds sit in the middle of a sale: a slow network must not keep the customer waiting.
HOLD_TIMEOUT = 3.0
SYNC_TIMEOUT = 30.0

# Why syncing stopped until someone acts; the runner stops retrying in these states.
STOPPED = {
    Code.DEVICE_REVOKED: "revoked",
    Code.TOKEN_EXPIRED: "token_expired",
    Code.UNAUTHORISED: "unauthorised",
    Code.CLONE_DETECTED: "clone",
    Code.PROTOCOL_MISMATCH: "protocol",
}


def as_code(text: str | None, default: Code = Code.SERVER_ERROR) -> Code:
    try:
        return Code(text) if text else default
    except ValueError:
        return default


class SyncFailure(Exception):
    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def stops(self) -> bool:
        """True when retrying cannot help (a manager has to register the till again)."""
        return self.code in STOPPED


_overrides: weakref.WeakKeyDictionary[Desk, Transport] = weakref.WeakKeyDictionary()
# When the server was last found unreachable, per open till: a redemption then goes
# straight to the offline rules instead of making the customer wait for a timeout.
_unreachable_since: weakref.WeakKeyDictionary[Desk, datetime] = weakref.WeakKeyDictionary()
OFFLINE_MEMORY = timedelta(seconds=30)


def mark_unreachable(desk: Desk) -> None:
    _unreachable_since[desk] = desk.now()


def mark_reachable(desk: Desk) -> None:
    _unreachable_since.pop(desk, None)


def recently_unreachable(desk: Desk) -> bool:
    since = _unreachable_since.get(desk)
    return since is not None and desk.now() - since < OFFLINE_MEMORY


def use_transport(desk: Desk, transport: Transport | None) -> None:
    """Talk to the server through `transport` (tests, the simulation); None: back to HTTP."""
    if transport is None:
        _overrides.pop(desk, None)
    else:
        _overrides[desk] = transport


def transport_for(desk: Desk, server_url: str | None, *, timeout: float) -> Transport:
    override = _overrides.get(desk)
    if override is not None:
        return override
    if not server_url:
        raise SyncFailure(Code.NOT_REGISTERED, "This till is not registered with a server.")
    return HttpTransport(server_url, read_timeout=timeout)


@dataclass
class Client:
    transport: Transport
    token: str | None
    timeout: float = SYNC_TIMEOUT

    def call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        accept: tuple[int, ...] = (),
    ) -> Reply:
        try:
            reply = self.transport.request(
                method, path, token=self.token, body=body, params=params, timeout=self.timeout
            )
        except Unreachable as exc:
            raise SyncFailure(
                Code.SERVER_UNREACHABLE, f"The server cannot be reached ({exc})."
            ) from exc
        if reply.ok or reply.status in accept:
            return reply
        code = as_code(reply.error_code)
        if reply.status == 401:
            raise SyncFailure(as_code(reply.error_code, Code.UNAUTHORISED), reply.error_message)
        if reply.status == 426:
            raise SyncFailure(Code.PROTOCOL_MISMATCH, reply.error_message)
        if code in (Code.INVALID_REGISTRATION_CODE, Code.STORE_MISMATCH, Code.DEVICE_REVOKED):
            raise SyncFailure(code, reply.error_message)
        raise SyncFailure(
            Code.SERVER_ERROR,
            f"The server answered {reply.status}: {reply.error_message}"[:300],
        )


def client_for(desk: Desk, state: SyncState | None, *, timeout: float = SYNC_TIMEOUT) -> Client:
    if state is None or not state.device_token:
        raise SyncFailure(
            Code.NOT_REGISTERED,
            "This till is not registered with a server; run "
            "`loyalty-desk register --server URL --code CODE`.",
        )
    transport = transport_for(desk, state.server_url, timeout=timeout)
    return Client(transport, state.device_token, timeout)
