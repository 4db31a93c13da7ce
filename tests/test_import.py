"""Bulk member import from CSV."""

from __future__ import annotations

from pathlib import Path

from loyalty_desk.domain.errors import Code, Refusal
from loyalty_desk.services import members
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.importing import import_members
from loyalty_desk.services.usecase import unwrap
from tests.helpers import check_invariants, db_fingerprint


def write(tmp_path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / "members.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_good_rows_in_bad_rows_reported(desk: Desk, tmp_path: Path) -> None:
    unwrap(members.enroll(desk, "13800000009", "Existing"))
    path = write(
        tmp_path,
        "phone,name,birthday,opening_points\n"
        "13800000001,张三,1990-05-01,1200\n"
        "13800000002,李四,,0\n"
        "12345,Bad Phone,,10\n"
        "13800000003,,1990-01-01,10\n"
        "13800000004,Bad Date,1990-02-30,10\n"
        "13800000005,Bad Points,,-5\n"
        "13800000001,Duplicate,,10\n"
        "13800000009,Already member,,10\n"
        "13800000006,王五,2000-02-29,300\n",
    )
    report = unwrap(import_members(desk, path))
    assert (report.rows, report.imported, report.opening_points) == (9, 3, 1500)
    assert [(r.line, r.code) for r in report.rejected] == [
        (4, Code.INVALID_PHONE),
        (5, Code.INVALID_NAME),
        (6, Code.INVALID_DATE),
        (7, Code.INVALID_POINTS),
        (8, Code.PHONE_ALREADY_ENROLLED),
        (9, Code.PHONE_ALREADY_ENROLLED),
    ]
    zhang = unwrap(members.show(desk, "13800000001"))
    assert zhang.name == "张三" and zhang.balance == 1200
    check_invariants(desk)


def test_gb18030_file_and_chinese_headers(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path, "手机,姓名,生日,积分\n13800000001,张三,,88\n", encoding="gb18030")
    report = unwrap(import_members(desk, path))
    assert report.imported == 1 and report.opening_points == 88


def test_file_without_needed_columns_is_refused_whole(desk: Desk, tmp_path: Path) -> None:
    before = db_fingerprint(desk)
    path = write(tmp_path, "mobile_number,fullname\n13800000001,X\n")
    r = import_members(desk, path)
    assert isinstance(r, Refusal) and r.code is Code.INVALID_FILE
    missing = import_members(desk, tmp_path / "nope.csv")
    assert isinstance(missing, Refusal) and missing.code is Code.INVALID_FILE
    binary = tmp_path / "b.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    r2 = import_members(desk, binary)
    assert isinstance(r2, Refusal)
    assert db_fingerprint(desk) == before


def test_hundred_thousand_rows(desk: Desk, tmp_path: Path) -> None:
    rows = "\n".join(f"13{(i % 7) + 3}{i:08d},会员{i},,{i % 500}" for i in range(100_000))
    path = write(tmp_path, "phone,name,birthday,opening_points\n" + rows + "\n")
    seen: list[int] = []
    report = unwrap(import_members(desk, path, lambda done, total: seen.append(done)))
    assert report.imported == 100_000 and not report.rejected
    assert seen[-1] == 100_000 and len(seen) >= 10
    found = unwrap(members.find(desk, "0042"))
    assert len(found.members) == 10
    check_invariants(desk)
