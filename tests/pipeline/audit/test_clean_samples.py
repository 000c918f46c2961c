"""The clean samples raise no error finding that a reader would not raise too: the audit of
each extracted sample document is compared with the audit of the plan its expected JSON (written
from reading the document) describes. Warnings and advice are not compared here: they follow
from the same fields and are held by the audit samples' expected findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.audit import audit_plan
from pipeline.evaluate import EXPECTED_SUFFIX
from pipeline.extract import extract_file
from pipeline.models import ActionPlan

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
# Every .docx, and the PDFs made by other producers (no .docx beside them); the PDFs
# LibreOffice renders from the .docx are held by the audit samples' PDFs.
DOCUMENTS = sorted(p for p in [*SAMPLES.glob("*.docx"), *SAMPLES.glob("*.pdf")]
                   if (SAMPLES / f"{p.stem}{EXPECTED_SUFFIX}").exists()
                   and (p.suffix == ".docx" or not p.with_suffix(".docx").exists()))


def _read_plan(expected: dict, file: str) -> ActionPlan:
    """The plan a reader recorded, in the output model (fields the expected file lacks empty)."""
    recs = []
    for rec in expected["recommendations"]:
        actions = [{**act, "owners": [{"raw": o["raw"], "role": o.get("role"),
                                       "person": o.get("person")} for o in act["owners"]]}
                   for act in rec["actions"]]
        recs.append({**rec, "actions": actions})
    return ActionPlan.model_validate({
        "source": {"file": file, "format": "pdf", "sha256": "0" * 64, "pages": None},
        "plan": expected["plan"], "recommendations": recs})


def _errors(plan: ActionPlan) -> list[tuple[str, str | None, str | None]]:
    return sorted((f.rule, f.recommendation, f.action) for f in audit_plan(plan).findings
                  if f.severity == "error")


def test_there_are_clean_samples() -> None:
    assert len(DOCUMENTS) >= 20


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_no_error_a_reader_would_not_raise(path: Path) -> None:
    expected = json.loads((SAMPLES / f"{path.stem}{EXPECTED_SUFFIX}").read_text("utf-8"))
    reader = _errors(_read_plan(expected, path.name))
    found = _errors(extract_file(path))
    assert set(found) <= set(reader), set(found) - set(reader)
