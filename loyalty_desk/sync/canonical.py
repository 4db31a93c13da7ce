"""An event's canonical text and its hash: what the till seals and the server compares.

The push is idempotent by event id *and* payload hash, so both sides must spell an event
byte for byte alike. Both import these two functions from here rather than keep copies.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(payload: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text as is (not \\u escapes)."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
