"""Guards against defects of the Qt binding that would take a long-running till down."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    number = Signal(int)
    flag = Signal(bool)


def test_emitting_signals_keeps_pythons_true_alive() -> None:
    # PySide6 6.12.0 returned True from emit() without a reference: after a few thousand
    # emits (a day at a busy till) Python freed True itself and the client aborted.
    emitter = _Emitter()
    emitter.number.connect(lambda _n: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.number.emit(1)
        emitter.flag.emit(False)
    assert sys.getrefcount(True) > before - 50
