"""Named places where a test can make the server fail: raise, or die like `kill -9`.

The fault tests need a server that crashes in the middle of a batch, after it committed
but before it replied, and so on. Production never arms any: `LOYALTY_SERVER_FAILPOINTS`
is unset and `hit` is a dictionary lookup.

Syntax of the variable: `name=action[@count]`, comma separated; action is `raise` or
`exit`; the point fires on its count-th hit (default 1) and then disarms.
"""

from __future__ import annotations

import os
import threading

ENV = "LOYALTY_SERVER_FAILPOINTS"
_armed: dict[str, list[object]] = {}
_lock = threading.Lock()


class FailpointError(RuntimeError):
    pass


def arm(name: str, action: str = "raise", count: int = 1) -> None:
    with _lock:
        _armed[name] = [action, count]


def disarm_all() -> None:
    with _lock:
        _armed.clear()


def load_from_env() -> None:
    for item in filter(None, (os.environ.get(ENV) or "").split(",")):
        name, _, rest = item.partition("=")
        action, _, count = rest.partition("@")
        arm(name.strip(), action.strip() or "raise", int(count or 1))


def hit(name: str) -> None:
    if not _armed:
        return
    with _lock:
        slot = _armed.get(name)
        if slot is None:
            return
        slot[1] = int(str(slot[1])) - 1
        if int(str(slot[1])) > 0:
            return
        del _armed[name]
        action = slot[0]
    if action == "exit":
        os._exit(137)
    raise FailpointError(f"failpoint {name}")
