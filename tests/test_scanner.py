"""A scanner's burst versus a person typing, told apart by the gaps between keys."""

from __future__ import annotations

from loyalty_desk.gui.scanner import KeyTiming


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def type_keys(timing: KeyTiming, clock: Clock, count: int, gap: float) -> None:
    for _ in range(count):
        clock.now += gap
        timing.key()


def test_a_burst_ending_in_enter_is_a_scan() -> None:
    clock = Clock()
    timing = KeyTiming(clock=clock)
    type_keys(timing, clock, 10, 0.004)
    clock.now += 0.01
    assert timing.in_burst() and timing.enter_is_scan()


def test_a_person_typing_is_not_a_scan() -> None:
    clock = Clock()
    timing = KeyTiming(clock=clock)
    type_keys(timing, clock, 11, 0.12)
    clock.now += 0.2
    assert not timing.in_burst() and not timing.enter_is_scan()


def test_a_short_burst_or_a_late_enter_is_not_a_scan() -> None:
    clock = Clock()
    timing = KeyTiming(clock=clock)
    type_keys(timing, clock, 3, 0.004)  # two keys pressed together by a person
    clock.now += 0.01
    assert not timing.enter_is_scan()
    type_keys(timing, clock, 10, 0.004)
    clock.now += 0.5  # Enter half a second later: a person looked, then pressed Enter
    assert not timing.enter_is_scan()
    timing.reset()
    assert not timing.in_burst()
