"""A till process that awards points and syncs with the live server, over and over.

Run by test_crash_processes.py and killed with SIGKILL at a random moment: while it
commits an award, while it pushes, or while it marks the server's acks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.services import checkout, sync
from loyalty_desk.services.desk import Desk

PHONE = "13812345678"


def main() -> None:
    data_dir, prefix = Path(sys.argv[1]), sys.argv[2]
    desk = Desk.open(data_dir)
    assert not isinstance(desk, Refusal)
    print("READY", flush=True)
    i = 0
    while True:
        receipt = f"{prefix}-{i}"
        result = checkout.earn(desk, PHONE, receipt, 1_000 + i)
        if isinstance(result, Refusal):
            print(f"REFUSED {receipt} {result.code}", flush=True)
        else:
            # Printed only after the commit returned: the POS would now consider it done.
            print(f"COMMITTED {receipt}", flush=True)
        i += 1
        if i % 7 == 0:
            summary = sync.sync_once(desk)
            acked = "refused" if isinstance(summary, Refusal) else summary.acked
            print(f"SYNC {acked}", flush=True)


if __name__ == "__main__":
    main()
