"""Bulk import of an existing member list (CSV): phone, name, birthday, opening points.

Every row is checked before anything is written; a bad row is reported with its reason and
never half-imported. Good rows go in with Core bulk inserts, a few thousand per transaction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from loyalty_desk.domain.codes import new_member_code, new_referral_code
from loyalty_desk.domain.errors import Code, Refusal, refuse
from loyalty_desk.domain.ids import new_id
from loyalty_desk.domain.people import parse_date, validate_birthday, validate_name, validate_phone
from loyalty_desk.domain.tiers import Tier
from loyalty_desk.domain.timeutil import add_months_utc, local_date
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.events import iso, next_device_seq
from loyalty_desk.services.ledger import Kind
from loyalty_desk.services.usecase import use_case
from loyalty_desk.store.models import LedgerEntry, Member, Outbox, PointLot
from loyalty_desk.sync.canonical import canonical_json, payload_hash

BATCH = 2000
MAX_OPENING_POINTS = 10_000_000
COLUMNS = {
    "phone": ("phone", "mobile", "手机", "手机号", "电话"),
    "name": ("name", "姓名", "名字"),
    "birthday": ("birthday", "生日", "出生日期"),
    "opening_points": ("opening_points", "points", "积分", "期初积分"),
}
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int
    code: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class ImportReport:
    rows: int
    imported: int
    opening_points: int
    rejected: tuple[RejectedRow, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "opening_points": self.opening_points,
            "rejected": [r.to_json() for r in self.rejected],
        }


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    phone: str
    name: str
    birthday: date | None
    points: int


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise refuse(Code.INVALID_FILE, "The file is neither UTF-8 nor GB18030 text; save it as CSV.")


def _header_map(fieldnames: Sequence[str] | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in fieldnames or []:
        key = name.strip().lower()
        for column, aliases in COLUMNS.items():
            if key in aliases and column not in found:
                found[column] = name
    missing = [c for c in ("phone", "name") if c not in found]
    if missing:
        raise refuse(
            Code.INVALID_FILE,
            "The file has no {missing} column; the header must name phone, name, birthday, "
            "opening_points.",
            missing=" or ".join(missing),
        )
    return found


def _check_row(
    line: int, raw: dict[str, Any], cols: dict[str, str], today: date
) -> _Row | RejectedRow:
    def cell(column: str) -> str:
        value = raw.get(cols[column]) if column in cols else None
        return value.strip() if isinstance(value, str) else ""

    phone = validate_phone(cell("phone"))
    if isinstance(phone, Refusal):
        return RejectedRow(line, phone.code, phone.message)
    name = validate_name(cell("name"))
    if isinstance(name, Refusal):
        return RejectedRow(line, name.code, name.message)
    birthday: date | None = None
    if cell("birthday"):
        parsed = parse_date(cell("birthday"), field="birthday")
        checked = parsed if isinstance(parsed, Refusal) else validate_birthday(parsed, today)
        if isinstance(checked, Refusal):
            return RejectedRow(line, checked.code, checked.message)
        birthday = checked
    points_text = cell("opening_points") or "0"
    if (
        not (points_text.isascii() and points_text.isdigit())
        or int(points_text) > MAX_OPENING_POINTS
    ):
        return RejectedRow(
            line,
            Code.INVALID_POINTS,
            f"Opening points '{points_text}' must be 0–{MAX_OPENING_POINTS}.",
        )
    return _Row(line, phone, name, birthday, int(points_text))


def _rows(reader: csv.DictReader[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The data rows; a file csv cannot read (a field over its 128 KiB limit) is refused
    whole, naming the line, before anything is written."""
    try:
        yield from enumerate(reader)
    except csv.Error as exc:
        raise refuse(
            Code.INVALID_FILE,
            "Line {line_num} of the file cannot be read as CSV ({exc}); fix it and import again. "
            "Nothing was imported.",
            line_num=reader.line_num + 1,
            exc=exc,
        ) from exc


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@use_case
def import_members(desk: Desk, path: Path, progress: Progress | None = None) -> ImportReport:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise refuse(
            Code.INVALID_FILE, "Cannot read {path}: {strerror}.", path=path, strerror=exc.strerror
        ) from exc
    reader = csv.DictReader(io.StringIO(_decode(raw), newline=""))
    cols = _header_map(reader.fieldnames)
    today = local_date(desk.now(), desk.tz)
    good: list[_Row] = []
    rejected: list[RejectedRow] = []
    seen: dict[str, int] = {}
    total = 0
    for index, raw_row in _rows(reader):
        total += 1
        checked = _check_row(index + 2, raw_row, cols, today)
        if isinstance(checked, RejectedRow):
            rejected.append(checked)
        elif checked.phone in seen:
            rejected.append(
                RejectedRow(
                    checked.line,
                    Code.PHONE_ALREADY_ENROLLED,
                    f"Same phone as line {seen[checked.phone]} of this file.",
                )
            )
        else:
            seen[checked.phone] = checked.line
            good.append(checked)
    with desk.read() as s:
        enrolled: set[str] = set()
        for chunk in _chunks([r.phone for r in good], 900):
            enrolled.update(s.scalars(select(Member.phone).where(Member.phone.in_(chunk))))
    fresh = []
    for r in good:
        if r.phone in enrolled:
            rejected.append(
                RejectedRow(r.line, Code.PHONE_ALREADY_ENROLLED, "This phone is already a member.")
            )
        else:
            fresh.append(r)
    imported = points = 0
    for chunk in _chunks(fresh, BATCH):
        points += _insert_batch(desk, chunk)
        imported += len(chunk)
        if progress:
            progress(imported, len(fresh))
    rejected.sort(key=lambda r: r.line)
    return ImportReport(total, imported, points, tuple(rejected))


def _fresh_codes(desk: Desk, column: Any, make: Any, count: int) -> list[str]:
    codes: set[str] = set()
    with desk.read() as s:
        while len(codes) < count:
            wanted = {make(desk.rng) for _ in range(count - len(codes))}
            taken = set(s.scalars(select(column).where(column.in_(list(wanted)))))
            codes |= wanted - taken
    return list(codes)


def _insert_batch(desk: Desk, rows: list[_Row]) -> int:
    now = desk.now()
    rules = desk.rules_at(now)
    expires = add_months_utc(now, rules.expiry.months, desk.tz)
    member_codes = _fresh_codes(desk, Member.code, new_member_code, len(rows))
    referral_codes = _fresh_codes(desk, Member.referral_code, new_referral_code, len(rows))
    members: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    lots: list[dict[str, Any]] = []
    points_total = 0
    with desk.write() as s:
        seq = next_device_seq(s)
        for row, code, referral in zip(rows, member_codes, referral_codes, strict=True):
            member_id, event_id = new_id(), new_id()
            member = {
                "id": member_id,
                "code": code,
                "phone": row.phone,
                "phone_suffix": row.phone[-4:],
                "name": row.name,
                "birthday": row.birthday,
                "tier": Tier.REGULAR.value,
                "tier_since": now,
                "tier_until": None,
                "tier_grace": False,
                "referral_code": referral,
                "referrer_id": None,
                "referral_rewarded": False,
                "balance": row.points,
                "debt": 0,
                "online_only": False,
                "overdraft": False,
                "home_store_id": desk.info.store_id,
                "created_at": now,
                "updated_at": now,
            }
            members.append(member)
            entry_payload: list[dict[str, Any]] = []
            if row.points > 0:
                entry_id = new_id()
                entry = {
                    "id": entry_id,
                    "member_id": member_id,
                    "store_id": desk.info.store_id,
                    "device_id": desk.info.device_id,
                    "device_seq": seq,
                    "event_id": event_id,
                    "kind": Kind.ADJUST.value,
                    "points": row.points,
                    "receipt_no": None,
                    "amount_fen": None,
                    "rule_version": rules.version,
                    "reverses_id": None,
                    "occurred_at": now,
                    "created_at": now,
                    "cashier_id": None,
                    "offline": True,
                    "known_balance": 0,
                    "sync_status": "pending",
                    "reason": "opening balance (import)",
                    "detail": None,
                }
                entries.append(entry)
                lots.append(
                    {
                        "id": entry_id,
                        "member_id": member_id,
                        "earned_at": now,
                        "expires_at": expires,
                        "points": row.points,
                        "remaining": row.points,
                    }
                )
                entry_payload.append(
                    {
                        **{
                            k: (iso(v) if isinstance(v, datetime) else v)
                            for k, v in entry.items()
                            if k
                            not in (
                                "store_id",
                                "device_id",
                                "device_seq",
                                "event_id",
                                "created_at",
                                "sync_status",
                            )
                        },
                        "expires_at": iso(expires),
                    }
                )
                points_total += row.points
            body = {
                "event_id": event_id,
                "device_seq": seq,
                "device_id": desk.info.device_id,
                "store_id": desk.info.store_id,
                "kind": "member_imported",
                "created_at": iso(now),
                "data": {
                    "member": {
                        "id": member_id,
                        "code": code,
                        "phone": row.phone,
                        "name": row.name,
                        "birthday": row.birthday.isoformat() if row.birthday else None,
                        "referral_code": referral,
                        "referrer_id": None,
                        "home_store_id": desk.info.store_id,
                        "created_at": iso(now),
                    }
                },
                "entries": entry_payload,
            }
            text = canonical_json(body)
            events.append(
                {
                    "event_id": event_id,
                    "device_seq": seq,
                    "kind": "member_imported",
                    "payload": text,
                    "payload_hash": payload_hash(text),
                    "created_at": now,
                    "attempts": 0,
                }
            )
            seq += 1
        # Core inserts (not ORM bulk): an import is plain rows, and the ORM layer triples the time.
        conn = s.connection()
        conn.execute(insert(Member), members)
        conn.execute(insert(Outbox), events)
        if entries:
            conn.execute(insert(LedgerEntry), entries)
            conn.execute(insert(PointLot), lots)
    return points_total
