"""Inspection-report recommendations: the committed report samples against the lists written
from reading them, and each published shape on a hand-built document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.layout import Document, Paragraph
from extractors.report import find_recommendations
from pipeline.audit.report import read_report

REPORTS = Path(__file__).resolve().parents[2] / "reports"
CASES = [
    (exp, REPORTS / f"{exp.name.removesuffix('.expected-report.json')}.{fmt}")
    for exp in sorted(REPORTS.glob("*.expected-report.json"))
    for fmt in ("pdf", "docx")
    if (REPORTS / f"{exp.name.removesuffix('.expected-report.json')}.{fmt}").exists()
]


def test_there_are_report_samples_in_both_formats_and_one_docx_only() -> None:
    stems = {exp.name for exp, _ in CASES}
    assert len(stems) >= 4
    docx_only = [s for s in stems if not any(p.suffix == ".pdf" and e.name == s
                                             for e, p in CASES)]
    assert docx_only


@pytest.mark.parametrize(("expected", "path"), CASES, ids=[p.name for _, p in CASES])
def test_report_sample(expected: Path, path: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    report = read_report(path)
    got = [{"number": r.number, "text": " ".join(r.text.split()), "addressee": r.addressee,
            "section": r.section, "reference": r.reference} for r in report.recommendations]
    assert got == want["recommendations"]
    assert (report.organisation, report.published) == (want["organisation"], want["published"])
    assert all(r.page for r in report.recommendations)


def _doc(*paras: str | tuple[str, str]) -> Document:
    """Paragraphs in order; a (label, text) pair is a Word-numbered one."""
    blocks = [Paragraph(text=p[1], label=p[0], page=1) if isinstance(p, tuple)
              else Paragraph(text=p, page=1) for p in paras]
    return Document(path="r.docx", format="docx", blocks=blocks)


def _found(*paras) -> list[tuple[str | None, str]]:
    return [(r.number, r.text) for r in find_recommendations(_doc(*paras))]


def test_narrative_with_should_and_numbers_is_not_a_recommendation() -> None:
    assert _found("Leaders should do more: 14 of 40 cases had no plan.",
                  "1.2 Staff should have challenged poor behaviour (1.46).",
                  "Overall findings", "2. The service should review its 3 policies.") == []


def test_probation_list_split_by_a_page_break_with_nested_bullets() -> None:
    found = find_recommendations(_doc(
        "Recommendations", "We have made three recommendations.",
        "The CRC should:", ("1.", "ensure that plans are reviewed, and that"),
        "reviews are recorded.", ("2.", "improve risk work, in particular that:"),
        ("•", "plans are specific;"), ("•", "contingency plans are set out."),
        "HMPPS should:", "3. make sure that caseloads are manageable.",
        "Case supervision", "4. This numbered narrative should not count."))
    assert [(r.number, r.text, r.addressee) for r in found] == [
        ("1", "ensure that plans are reviewed, and that reviews are recorded.", "The CRC"),
        ("2", "improve risk work, in particular that: plans are specific; contingency plans "
              "are set out.", "The CRC"),
        ("3", "make sure that caseloads are manageable.", "HMPPS"),
    ]


def test_prison_sections_references_and_a_repeated_summary() -> None:
    found = find_recommendations(_doc(
        "Main recommendations", "S40 The prison should reduce violence.",
        "Section 1. Safety", "1.1 Staff should have done more, 3 times over.",
        "Recommendations", "1.46 All staff should be trained in ACCT.",
        "Section 5. Summary of recommendations and good practice", "To the governor",
        "5.1 The prison should reduce violence. (S40)",
        "Safety", "5.2 All staff should be trained in ACCT. (1.46)",
        "5.3 Prisoners should have showers daily. (1.60)"))
    assert [(r.number, r.text, r.reference) for r in found] == [
        ("S40", "The prison should reduce violence.", None),
        ("1.46", "All staff should be trained in ACCT.", None),
        ("5.3", "Prisoners should have showers daily.", "1.60"),
    ]


def test_concerns_numbered_with_recommendation_lines_and_without() -> None:
    found = find_recommendations(_doc(
        "Priority concerns and recommendations", "Inspectors found these concerns.",
        "1. Drugs were easy to get.", "Recommendation: Leaders should reduce drug supply. (3.14)",
        "Key concerns", "2. Leaders should make sure that segregation is justified. (1.61)",
        "3. Education places were too few.", "Recommendation: Leaders should add places."))
    assert [(r.number, r.text, r.reference, r.section) for r in found] == [
        ("1", "Leaders should reduce drug supply.", "3.14",
         "Priority concerns and recommendations"),
        ("2", "Leaders should make sure that segregation is justified.", "1.61", "Key concerns"),
        ("3", "Leaders should add places.", None, "Key concerns"),
    ]


def test_numbered_recommendation_lines_and_a_we_recommend_lead_in() -> None:
    assert _found("Key concerns", "Recommendation 4: Leaders should publish the regime.",
                  "Recommendations", "We recommend that:",
                  ("1.", "the service reviews its caseloads."),
                  ("2.", "managers audit risk plans quarterly.")) == [
        ("4", "Leaders should publish the regime."),
        ("1", "the service reviews its caseloads."),
        ("2", "managers audit risk plans quarterly."),
    ]
