"""Telling a barcode scanner from a person by the timing of key presses.

A keyboard-wedge scanner "types" the code in a burst — a few milliseconds between keys —
and ends it with Enter. People leave 80 ms or more between keys even when fast. A run of
at least `min_length` keys with every gap under `max_gap` seconds, closed by Enter within
the same gap, is a scan.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from itertools import pairwise


class KeyTiming:
    def __init__(
        self,
        *,
        max_gap: float = 0.035,
        min_length: int = 6,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_gap = max_gap
        self.min_length = min_length
        self._clock = clock
        self._times: deque[float] = deque(maxlen=64)

    def key(self) -> None:
        """A character key arrived."""
        self._times.append(self._clock())

    def reset(self) -> None:
        self._times.clear()

    def in_burst(self) -> bool:
        """The last key came hard on the heels of the one before (a scan may be running)."""
        if len(self._times) < 2:
            return False
        return self._times[-1] - self._times[-2] <= self.max_gap

    def enter_is_scan(self) -> bool:
        """Enter arrived now: did the keys before it come as one scanner burst?"""
        now = self._clock()
        times = list(self._times)
        if len(times) < self.min_length or now - times[-1] > self.max_gap:
            return False
        tail = times[-self.min_length :]
        return all(b - a <= self.max_gap for a, b in pairwise(tail))
