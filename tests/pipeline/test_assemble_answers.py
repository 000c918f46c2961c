"""Answers inside the actions cell: reasons that run over paragraphs, bullets that belong to
the action above them, and plain-English headers — small DOCX plans read end to end."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from pipeline.extract import extract_file

HEADER = ["Rec No", "Recommendation", "Agreed/ Partly Agreed/ Not Agreed", "Actions", "Owner",
          "Target date"]


def _plan(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER):
    doc = Document()
    table = doc.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for values in [header, *rows]:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            paragraphs = value.split("\n")
            cell.text = paragraphs[0]
            for extra in paragraphs[1:]:
                cell.add_paragraph(extra)
    path = tmp_path / "plan.docx"
    doc.save(path)
    return extract_file(path)


def test_a_two_part_not_agreed_reason_is_no_action(tmp_path: Path) -> None:
    plan = _plan(tmp_path, [[
        "1", "The prison should end the use of shared cells.", "Not Agreed",
        "The estate is operating at capacity and places cannot be removed locally.\n"
        "In addition, the population is set by HMPPS nationally, so this is not agreed on "
        "policy grounds.",
        "N/A", "N/A",
    ]])
    [rec] = plan.recommendations
    assert rec.actions == []
    assert rec.reason is not None and rec.reason.endswith("on policy grounds.")
    assert rec.reason.startswith("The estate is operating")
    assert rec.response_reason == "policy"


def test_partly_agreed_reason_keeps_its_continuation_and_the_action_follows(tmp_path) -> None:
    plan = _plan(tmp_path, [[
        "2", "The CRC should offer evening appointments in every office.", "Partly Agreed",
        "A second evening office cannot be funded this year.\n"
        "This is because the estates budget is committed until April.\n"
        "The CRC will offer evening appointments in Durham from June.",
        "Head of Area", "June 2021",
    ]])
    [rec] = plan.recommendations
    assert rec.reason == ("A second evening office cannot be funded this year. This is because "
                          "the estates budget is committed until April.")
    assert rec.response_reason == "affordability"
    assert [a.text for a in rec.actions] == [
        "The CRC will offer evening appointments in Durham from June."
    ]


def test_bullets_under_an_action_are_its_points(tmp_path: Path) -> None:
    plan = _plan(tmp_path, [[
        "3", "The prison should review use of force.", "Agreed",
        "Review all use of force incidents each month, including:\n"
        "• all incidents where batons were drawn;\n• all planned removals.",
        "Head of Security", "Monthly",
    ]])
    [action] = plan.recommendations[0].actions
    assert action.text == ("Review all use of force incidents each month, including: • all "
                           "incidents where batons were drawn; • all planned removals.")


def test_bullets_after_a_lead_in_are_the_actions(tmp_path: Path) -> None:
    plan = _plan(tmp_path, [[
        "4", "The prison should improve induction.", "Agreed",
        "• Rewrite the induction booklet.\n• Train peer mentors to deliver induction.",
        "Head of Residence", "May 2021",
    ]])
    assert [a.text for a in plan.recommendations[0].actions] == [
        "Rewrite the induction booklet.", "Train peer mentors to deliver induction."
    ]


def test_plain_english_headers(tmp_path: Path) -> None:
    header = ["Recommendation", "What we will do", "Led by", "By when",
              "How we will know it has worked"]
    plan = _plan(tmp_path, [[
        "1. The YOS should improve the quality of assessments.",
        "Run monthly peer audits of assessments.",
        "Practice Manager\nQuality Assurance Lead",
        "Delayed due to COVID-19 – revised date March 2021",
        "Audit scores rise to 80% good or better.",
    ]], header)
    [action] = plan.recommendations[0].actions
    assert action.text == "Run monthly peer audits of assessments."
    assert [o.role for o in action.owners] == ["Practice Manager", "Quality Assurance Lead"]
    assert (str(action.target.start), str(action.target.end)) == ("2021-03-01", "2021-03-31")
    assert action.target.raw == "Delayed due to COVID-19 – revised date March 2021"
    assert any("revised" in w.message for w in plan.warnings)


def test_an_instruction_after_a_reason_in_one_paragraph_is_an_action(tmp_path: Path) -> None:
    # A PDF line that ended full hides the author's paragraph break between the two.
    plan = _plan(tmp_path, [[
        "5", "Prisoners should have evening association every day.", "Partly accepted",
        "Evening association cannot be funded on every wing. This is because the budget is "
        "fixed until April. Introduce evening association on two wings on a rota.",
        "Head of Residence", "January 2021",
    ]])
    [rec] = plan.recommendations
    assert rec.reason == ("Evening association cannot be funded on every wing. This is because "
                          "the budget is fixed until April.")
    assert [a.text for a in rec.actions] == ["Introduce evening association on two wings on a "
                                             "rota."]
