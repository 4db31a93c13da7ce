"""The desktop client, killed by a native fault the moment an award is committed.

Run by test_crash_reporting.py: `python crash_client.py DATA_DIR PHONE RECEIPT`. The
award runs on the window's database worker like any cashier's; right after its commit
returns the process aborts (SIGABRT, as a crash in Qt's C++ would), before the screen
hears of it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from loyalty_desk.gui import app as client
    from loyalty_desk.gui.main_window import MainWindow
    from loyalty_desk.services import checkout, members

    data_dir, phone, receipt = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    qt = client.create_app()
    client.configure_logging(data_dir)
    client.install_fault_hook(data_dir)
    window = MainWindow(data_dir)
    window.show()
    window.start()
    deadline = time.monotonic() + 60
    while not window.ctx.has_desk:
        qt.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise SystemExit("the till did not open")
    desk = window.ctx.desk

    def award_then_die() -> None:
        code = members.find(desk, phone).members[0].code  # type: ignore[union-attr]
        result = checkout.earn(desk, code, receipt, 25_000)
        print(f"COMMITTED {result.receipt_no}", flush=True)  # type: ignore[union-attr]
        os.abort()

    window.ops.run(award_then_die, label="award")
    qt.exec()


if __name__ == "__main__":
    main()
