"""0002_chain_reports fills what the chain reports read from what a server already holds:
refunds from accepted receipt_refunded events, coupon kinds from the coupons' records."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from loyalty_desk.server import migrate
from loyalty_desk.server.db import ServerDatabase

AT = datetime(2026, 3, 5, 6, 0, tzinfo=UTC)


def _event(event_id: str, status: str, data: dict[str, object]) -> dict[str, object]:
    payload = {
        "event_id": event_id,
        "device_seq": 1,
        "device_id": "dev-1",
        "store_id": "S1",
        "kind": "receipt_refunded",
        "created_at": AT.isoformat(),
        "data": data,
        "entries": [],
    }
    return {
        "event_id": event_id,
        "device_id": "dev-1",
        "device_seq": int(event_id[-1]),
        "store_id": "S1",
        "kind": "receipt_refunded",
        "payload_hash": "x" * 64,
        "payload": json.dumps(payload),
        "status": status,
        "received_at": "2026-03-05 06:01:00",
    }


def test_refunds_and_coupon_kinds_are_filled_in(tmp_path: Path) -> None:
    db = ServerDatabase(f"sqlite:///{tmp_path / 'server.db'}")
    migrate.upgrade(db.engine, "0001_server")
    columns = "event_id, device_id, device_seq, store_id, kind, payload_hash, payload, status"
    with db.engine.begin() as conn:
        insert_event = text(
            f"INSERT INTO event ({columns}, received_at) VALUES (:event_id, :device_id, "
            ":device_seq, :store_id, :kind, :payload_hash, :payload, :status, :received_at)"
        )
        refund = {"receipt_no": "F1", "refund_fen": 5_000, "member_id": "m-fay"}
        conn.execute(insert_event, _event("ev-1", "accepted", refund))
        conn.execute(insert_event, _event("ev-2", "rejected", refund))  # never applied
        record = {"kind": "winback", "value_fen": 10_000, "issued_at": "2026-02-25T02:00:00Z"}
        conn.execute(
            text(
                "INSERT INTO coupon (code, member_id, record, status, issued_store_id, "
                "updated_at) VALUES ('C1', 'm-bo', :record, 'issued', 'S1', '2026-02-25')"
            ),
            {"record": json.dumps(record)},
        )
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        refunds = conn.execute(
            text("SELECT event_id, store_id, receipt_no, member_id, amount_fen FROM refund")
        ).all()
        coupon = conn.execute(text("SELECT kind, value_fen, issued_at FROM coupon")).one()
    assert [tuple(r) for r in refunds] == [("ev-1", "S1", "F1", "m-fay", 5_000)]
    assert coupon[0] == "winback" and coupon[1] == 10_000
    assert str(coupon[2]).startswith("2026-02-25 02:00:00")
    db.close()
