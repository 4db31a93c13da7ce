"""The use-case boundary: internal `Refused` raises become returned `Refusal` values."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from loyalty_desk.domain.errors import Refusal, Refused

P = ParamSpec("P")
T = TypeVar("T")


def use_case(fn: Callable[P, T]) -> Callable[P, T | Refusal]:
    """Run `fn`; a `Refused` raised anywhere inside (which rolls its transaction back)
    comes out as the returned Refusal."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T | Refusal:
        try:
            return fn(*args, **kwargs)
        except Refused as refused:
            return refused.refusal

    return wrapper


def unwrap(value: T | Refusal) -> T:
    """For callers that already know the value can't be a refusal (tests, internals)."""
    if isinstance(value, Refusal):
        raise Refused(value)
    return value
