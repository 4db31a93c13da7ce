from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desk.server import failpoints
from loyalty_desk.services import sync
from tests.conftest import FakeClock
from tests.sync.chain import PG_ENV, Chain, TillTemplate, empty_server, make_service, reset_postgres


@pytest.fixture(scope="session")
def postgres_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if url:
        reset_postgres(url)
    return url


@pytest.fixture(scope="session")
def till_template(tmp_path_factory: pytest.TempPathFactory) -> TillTemplate:
    return TillTemplate(tmp_path_factory.mktemp("till-template"))


@pytest.fixture
def server_url(tmp_path: Path, postgres_url: str | None) -> str:
    if postgres_url:
        from loyalty_desk.server.service import open_database

        open_database(postgres_url).close()  # migrate once per session, then empty
        empty_server(postgres_url)
        return postgres_url
    return f"sqlite:///{tmp_path / 'server.db'}"


@pytest.fixture
def chain(tmp_path: Path, server_url: str, till_template: TillTemplate) -> Iterator[Chain]:
    clock = FakeClock()
    built = Chain(make_service(server_url, clock), clock, tmp_path, till_template)
    yield built
    failpoints.disarm_all()
    built.close()


@pytest.fixture
def bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every first pull counts as a big one (indexes set aside, references checked per page)."""
    monkeypatch.setattr(sync, "BULK_PULL_MIN", 1)
