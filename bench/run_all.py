"""`make bench`: every bench/bench_*.py module's main(), one after the other."""

from __future__ import annotations

import importlib
from pathlib import Path


def main() -> None:
    for path in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
        module = importlib.import_module(f"bench.{path.stem}")
        print(f"\n## {path.stem}\n", flush=True)
        module.main()


if __name__ == "__main__":
    main()
