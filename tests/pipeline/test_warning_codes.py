"""Warning codes: one list, each one emitted somewhere, documented, and carried by every warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract import extract_file
from pipeline.models import PlanWarning, WarningCode, warning_codes_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_codes_are_unique_kebab_case_ids_with_a_meaning() -> None:
    values = [code.value for code in WarningCode]
    assert len(values) == len(set(values))
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)+", v) for v in values), values
    assert all(code.meaning for code in WarningCode)


def test_every_code_is_emitted_by_the_pipeline() -> None:
    # A code nobody emits is a promise to filter on something that never comes.
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "pipeline").rglob("*.py")
                      if p.name != "models.py")
    unused = [code.name for code in WarningCode if f"WarningCode.{code.name}" not in sources]
    assert not unused


def test_readme_table_is_generated_from_the_codes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- warning-codes:start -->\n", "<!-- warning-codes:end -->"
    documented = readme[readme.index(start) + len(start):readme.index(end)]
    assert documented == warning_codes_markdown()


def test_a_code_is_written_as_its_value_and_read_back() -> None:
    warning = PlanWarning(code=WarningCode.OWNER_MISSING, message="action 1.1 has no owner")
    assert warning.model_dump(mode="json")["code"] == "owner-missing"
    assert PlanWarning.model_validate_json(warning.model_dump_json()) == warning
    # A plan written before codes existed (schema 1.0) still reads.
    assert PlanWarning.model_validate({"message": "unsure", "page": 2}).code is None


@pytest.mark.parametrize(("sample", "code", "words"), [
    ("hmp_fenwick_2020.docx", WarningCode.TARGET_REVISED, "target revised"),
    ("nps_thames_chilterns_2020.docx", WarningCode.NUMBER_INFERRED, "inferred"),
])
def test_plans_say_what_each_warning_is(sample: str, code: WarningCode, words: str) -> None:
    plan = extract_file(ROOT / "samples" / sample)
    assert plan.warnings and all(w.code is not None for w in plan.warnings)
    assert any(w.code == code and words in w.message for w in plan.warnings)
