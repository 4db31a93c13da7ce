"""A till with N synthetic members, built in seconds with one recursive INSERT.

Used by the members-screen test (1,000,000 rows) and the GUI benchmarks. The store itself
is created by `init_store` (schema, settings, rules), then the member table is filled on a
raw sqlite3 connection: going through `enroll` would take hours for a million members.
Member codes carry valid Luhn check digits (referral codes are unique but not
check-digited: nothing looks them up here), phones are unique, dates are stored the way
the ORM stores them (naive UTC with microseconds) so keyset comparisons see the same
strings.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from loyalty_desk.domain.codes import luhn_check_digit
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢"
    "宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞鑫宇浩然子轩欣怡梓涵思雨晨阳佳琪"
)


def fill_members(db_path: Path, count: int, store_id: str, now: datetime) -> None:
    base = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.create_function("luhn", 1, luhn_check_digit, deterministic=True)
        # A throwaway build: no journal, no fsync; the file goes back to WAL at the end.
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-400000")
        # Indexes are rebuilt once after the insert: sorting a million keys beats a million
        # random B-tree inserts into each of them.
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='member'"
            " AND sql IS NOT NULL"
        ).fetchall()
        conn.execute("BEGIN")
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        # Codes and phones grow with n: the unique indexes then fill by appending. Phones
        # spread evenly over 13…–19… and over all 9 following digits; the step is coprime
        # to 10, so the last 4 digits take every value.
        block = -(-count // 7)
        step = max(1, 999_999_999 // block)
        step -= 1 - step % 2  # odd
        step -= 2 if step % 5 == 0 else 0
        conn.execute(
            f"""
            WITH RECURSIVE seq(n) AS (
                SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {count - 1}
            ),
            base AS (
                SELECT n,
                       '1' || (3 + n / {block}) || printf('%09d', (n % {block}) * {step})
                           AS phone,
                       '8' || printf('%08d', n * 97 + 13) AS code_body,
                       strftime('%Y-%m-%d %H:%M:%S',
                                julianday('{base}') - 400 - (n * 11) % 1500) || '.000000'
                           AS joined,
                       strftime('%Y-%m-%d %H:%M:%S',
                                julianday('{base}') - ((n * 13) % 365)
                                - ((n * 7) % 86400) / 86400.0) || '.000000' AS visit
                FROM seq
            )
            INSERT INTO member (
                id, code, phone, phone_suffix, name, birthday, tier, tier_since, tier_until,
                tier_grace, referral_code, referrer_id, referral_rewarded, balance, debt,
                online_only, overdraft, first_purchase_at, last_visit_at, home_store_id,
                merged_into, created_at, updated_at, server_seq)
            SELECT
                printf('%08x-0000-7000-8000-%012x', n, n),
                code_body || luhn(code_body),
                phone,
                substr(phone, 8, 4),
                substr('{SURNAMES}', 1 + n % {len(SURNAMES)}, 1)
                    || substr('{GIVEN}', 1 + (n / 7) % {len(GIVEN)}, 1)
                    || CASE WHEN n % 3 = 0 THEN ''
                       ELSE substr('{GIVEN}', 1 + (n / 13) % {len(GIVEN)}, 1) END,
                CASE WHEN n % 4 = 0 THEN NULL
                     ELSE date(julianday('1960-01-01') + (n * 37) % 16000) END,
                CASE WHEN n % 100 < 2 THEN 'diamond' WHEN n % 100 < 10 THEN 'gold'
                     WHEN n % 100 < 30 THEN 'silver' ELSE 'regular' END,
                joined, NULL, 0,
                '6' || printf('%07d', n),
                NULL, 0,
                (n * 37) % 5000, 0, 0, 0,
                CASE WHEN n % 10 = 0 THEN NULL ELSE joined END,
                CASE WHEN n % 10 = 0 THEN NULL ELSE visit END,
                '{store_id}', NULL, joined, joined, NULL
            FROM base
            """
        )
        for _name, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("ANALYZE member")
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


def build(
    data_dir: Path, count: int, *, store_id: str = "BENCH", now: datetime | None = None
) -> Path:
    """Create a till in `data_dir` holding `count` members; returns its database file."""
    moment = now or datetime.now(UTC)
    unwrap(init_store(data_dir, store_id, "Bench 测试店", clock=lambda: moment))
    path = Desk.database_path(data_dir)
    fill_members(path, count, store_id, moment)
    return path
