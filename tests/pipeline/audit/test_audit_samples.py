"""The audit samples end to end: every seeded defect and every known difference from the
paired report is found, and no finding appears that the expected-audit files do not list."""

from __future__ import annotations

from pathlib import Path

from pipeline.audit.evaluate import EXPECTED_AUDIT_SUFFIX, documents, evaluate

AUDIT_SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "audit"


def test_every_expected_audit_has_its_pdf_and_docx() -> None:
    files = sorted(AUDIT_SAMPLES.glob(f"*{EXPECTED_AUDIT_SUFFIX}"))
    assert len(files) >= 8
    for expected in files:
        assert sorted(p.suffix for p in documents(expected)) == [".docx", ".pdf"], expected


def test_audit_samples_match_their_expected_findings() -> None:
    tally = evaluate(AUDIT_SAMPLES)
    assert tally.misses == []
    families = {row[0] for row in tally.rows()}
    assert {"response", "actions", "reason", "owner", "target", "numbering", "report",
            "not-agreed", "repeated"} <= families
