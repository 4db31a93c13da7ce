"""A transport that calls the server in-process: for tests and the sync simulation.

It speaks the same JSON as HTTP (request bodies validated by the same models, replies
serialised to plain JSON), so a till cannot tell it from the network — except that it is
fast and deterministic. A failpoint firing inside the server comes out as `Unreachable`:
the till got no reply, exactly as when a real server dies mid-request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from loyalty_desk.server.errors import ApiError
from loyalty_desk.server.failpoints import FailpointError
from loyalty_desk.server.service import Service
from loyalty_desk.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    PROTOCOL_VERSION,
    HoldRequest,
    PushRequest,
    RegisterRequest,
)
from loyalty_desk.sync.transport import Reply, Unreachable

_HOLD = re.compile(r"^/v1/holds/([0-9A-Za-z_-]{1,40})$")


class LocalTransport:
    def __init__(self, service: Service, *, protocol: int = PROTOCOL_VERSION) -> None:
        self.service = service
        self.protocol = protocol
        self.calls = 0

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
        self.calls += 1
        auth = f"Bearer {token}" if token else None
        # What travels over the wire is JSON: no shared Python objects.
        body = json.loads(json.dumps(body)) if body is not None else None
        try:
            self.service.check_protocol(self.protocol)
            result = self._route(method, path, auth, body, dict(params or {}))
        except ApiError as exc:
            return Reply(exc.status, json.loads(json.dumps(exc.body())))
        except ValidationError as exc:
            return Reply(422, {"detail": json.loads(exc.json())})
        except FailpointError as exc:
            raise Unreachable(str(exc)) from exc
        if isinstance(result, str):
            return Reply(200, json.loads(result))
        return Reply(201 if path == "/v1/holds" else 200, result.model_dump(mode="json"))

    def _route(
        self, method: str, path: str, auth: str | None, body: Any, params: dict[str, Any]
    ) -> BaseModel | str:
        svc = self.service
        if (method, path) == ("POST", "/v1/register"):
            return svc.register(RegisterRequest.model_validate(body))
        if (method, path) == ("POST", "/v1/sync/push"):
            return svc.push(auth, PushRequest.model_validate(body))
        if (method, path) == ("GET", "/v1/sync/pull"):
            cursor = int(params.get("cursor", 0))
            limit = int(params.get("limit", DEFAULT_PULL_LIMIT))
            return svc.pull(auth, cursor, limit)
        if (method, path) == ("GET", "/v1/sync/check"):
            return svc.check(auth)
        if (method, path) == ("POST", "/v1/holds"):
            return svc.hold(auth, HoldRequest.model_validate(body))
        match = _HOLD.match(path)
        if method == "DELETE" and match:
            return svc.release(auth, match.group(1))
        raise ApiError(404, "NOT_FOUND", f"No route {method} {path}")
