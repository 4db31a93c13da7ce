"""The HTTP face of the central server (FastAPI). OpenAPI at /openapi.json, docs at /docs.

`create_app()` reads its settings from the environment so that uvicorn workers started as
separate processes (`loyalty-desk serve` with PostgreSQL) all build the same app.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Any

import anyio.to_thread
from fastapi import FastAPI, Header, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from loyalty_desk import __version__
from loyalty_desk.server import failpoints, logs
from loyalty_desk.server.errors import ApiError
from loyalty_desk.server.report_api import ChainKpiReply
from loyalty_desk.server.service import Service, Settings, open_database, threads_from_env
from loyalty_desk.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    CheckReply,
    ErrorReply,
    Health,
    HoldReply,
    HoldRequest,
    PullReply,
    PushReply,
    PushRequest,
    RegisterReply,
    RegisterRequest,
)


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {
        400: "Bad request",
        401: "Missing, invalid, expired or revoked token",
        403: "Not allowed",
        404: "Not found",
        409: "Conflict with the server's state",
        426: "The till and the server speak different protocol versions",
        503: "Not ready",
    }
    return {c: {"model": ErrorReply, "description": text[c]} for c in codes}


Protocol = Annotated[
    str | None,
    Header(
        alias="X-Loyalty-Protocol",
        description="The sync protocol version the till speaks (currently 1).",
        max_length=10,
    ),
]
Authorization = Annotated[str | None, Header(description="`Bearer <device token>`", max_length=300)]
AdminAuthorization = Annotated[
    str | None,
    Header(
        alias="Authorization",
        description="`Bearer <admin token>` (loyalty-desk server admin token); "
        "a till's device token is refused",
        max_length=300,
    ),
]


def _printable(value: object) -> str | int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value).encode("utf-8", "replace").decode("utf-8")


def create_app(service: Service | None = None, *, log_level: str = "INFO") -> FastAPI:
    log = logs.setup(log_level)
    threads = threads_from_env()
    if service is None:
        settings = Settings.from_env()
        service = Service(open_database(settings.database_url), hold_ttl=settings.hold_ttl)
        failpoints.load_from_env()
    svc = service

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Loyalty Desk central server",
        version=__version__,
        description="Tills push their events and pull members, balances, rules and coupons "
        "(DESIGN §4). Every /v1/sync and /v1/holds call needs the device token; "
        "/v1/reports needs an admin or store manager token.",
    )
    app.state.service = svc

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content=exc.body())

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # A body that is not even text, an unknown path: the same error shape as the rest.
        body = {"error": {"code": f"HTTP_{exc.status_code}", "message": str(exc.detail)}}
        return JSONResponse(status_code=exc.status_code, content=body, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own reply echoes the input back: a whole batch (members' phones), and
        # text JSON cannot carry out again (a lone surrogate: a 500 instead of this 422).
        # Where and what is enough for the caller.
        detail = [
            {
                "loc": [_printable(part) for part in error.get("loc", ())],
                "msg": _printable(error.get("msg", "")),
                "type": _printable(error.get("type", "")),
            }
            for error in exc.errors()
        ]
        return JSONResponse(status_code=422, content={"detail": detail})

    @app.middleware("http")
    async def access_log(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        request_id = uuid.uuid4().hex[:12]
        try:
            response = await call_next(request)
        except Exception:
            log.exception(
                "request failed",
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.url.path,
                },
            )
            raise
        response.headers["X-Request-Id"] = request_id
        log.info(
            "request",
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.url.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 2),
            },
        )
        return response

    @app.get("/healthz", response_model=Health, tags=["ops"])
    def healthz() -> Health:
        """The process is up (liveness)."""
        return Health(status="ok")

    @app.get("/readyz", response_model=Health, responses=_errors(503), tags=["ops"])
    def readyz() -> Response:
        """The database answers and its schema is current (readiness)."""
        problem = svc.ready()
        if problem is not None:
            return JSONResponse(
                status_code=503,
                content={"error": {"code": "NOT_READY", "message": problem, "details": {}}},
            )
        return JSONResponse(content=Health(status="ready").model_dump())

    @app.post(
        "/v1/register",
        response_model=RegisterReply,
        responses=_errors(400, 403, 409, 426),
        tags=["sync"],
    )
    def register(body: RegisterRequest, protocol: Protocol = None) -> RegisterReply:
        """Register a till with a one-time code; returns its device token."""
        svc.check_protocol(protocol)
        return svc.register(body)

    @app.post(
        "/v1/sync/push",
        response_model=PushReply,
        responses=_errors(400, 401, 403, 426),
        tags=["sync"],
    )
    def push(
        body: PushRequest, protocol: Protocol = None, authorization: Authorization = None
    ) -> Response:
        """Push a batch of this till's events in device_seq order (at most 100)."""
        svc.check_protocol(protocol)
        # Serialised once here: the reply was built from the model, no second validation.
        reply = svc.push(authorization, body)
        return Response(content=reply.model_dump_json(), media_type="application/json")

    @app.get(
        "/v1/sync/pull",
        response_model=PullReply,
        responses=_errors(401, 426),
        tags=["sync"],
    )
    def pull(
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
        protocol: Protocol = None,
        authorization: Authorization = None,
    ) -> Response:
        """Changes since `cursor`: members with balances and lots, rules, coupons, keys."""
        svc.check_protocol(protocol)
        text = svc.pull(authorization, cursor, limit)
        return Response(content=text, media_type="application/json")

    @app.get(
        "/v1/sync/check",
        response_model=CheckReply,
        responses=_errors(401, 426),
        tags=["sync"],
    )
    def check(protocol: Protocol = None, authorization: Authorization = None) -> CheckReply:
        """This device's event count and points total, for the till's consistency check."""
        svc.check_protocol(protocol)
        return svc.check(authorization)

    @app.post(
        "/v1/holds",
        response_model=HoldReply,
        status_code=201,
        responses=_errors(400, 401, 409, 426),
        tags=["holds"],
    )
    def hold(
        body: HoldRequest, protocol: Protocol = None, authorization: Authorization = None
    ) -> HoldReply:
        """Set points aside for an online redemption (refused if they are not there)."""
        svc.check_protocol(protocol)
        return svc.hold(authorization, body)

    @app.delete(
        "/v1/holds/{hold_id}",
        response_model=HoldReply,
        responses=_errors(401, 404, 426),
        tags=["holds"],
    )
    def release(
        hold_id: Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,40}$")],
        protocol: Protocol = None,
        authorization: Authorization = None,
    ) -> HoldReply:
        """Give held points back (the sale was abandoned)."""
        svc.check_protocol(protocol)
        return svc.release(authorization, hold_id)

    @app.get(
        "/v1/reports/kpi",
        response_model=ChainKpiReply,
        responses=_errors(400, 401, 403, 404),
        tags=["reports"],
    )
    def kpi_report(
        first: Annotated[date, Query(alias="from", description="first day, YYYY-MM-DD")],
        last: Annotated[date, Query(alias="to", description="last day, YYYY-MM-DD")],
        store: Annotated[
            str | None,
            Query(
                description="one store; a store manager's token reads only its own",
                pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
            ),
        ] = None,
        top: Annotated[int, Query(ge=0, le=100, description="top members listed")] = 10,
        timezone: Annotated[
            str | None,
            Query(description="the days' time zone (default: the chain's)", max_length=64),
        ] = None,
        authorization: AdminAuthorization = None,
    ) -> Response:
        """The KPIs of a period next to the period before, per store and for the chain, from
        the central ledger (the till's definitions). Needs an admin or store manager token."""
        data = svc.kpi_report(authorization, first, last, store=store, top=top, timezone=timezone)
        return Response(content=json.dumps(data, ensure_ascii=False), media_type="application/json")

    return app
