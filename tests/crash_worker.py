"""A till process that awards points as fast as it can, reporting each committed receipt.

Run by test_crash.py and killed with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
from pathlib import Path

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.services import checkout, members
from loyalty_desk.services.desk import Desk


def main() -> None:
    data_dir, prefix = Path(sys.argv[1]), sys.argv[2]
    desk = Desk.open(data_dir)
    assert not isinstance(desk, Refusal)
    found = members.find(desk, "13812345678")
    assert not isinstance(found, Refusal)
    code = found.members[0].code
    i = 0
    while True:
        receipt = f"{prefix}-{i}"
        result = checkout.earn(desk, code, receipt, 1_000 + i)
        if isinstance(result, Refusal):
            print(f"REFUSED {receipt} {result.code}", flush=True)
        else:
            # Printed only after the commit returned: the POS would now consider it done.
            print(f"COMMITTED {receipt}", flush=True)
        i += 1


if __name__ == "__main__":
    main()
