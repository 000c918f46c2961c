"""Layouts where the recommendation is not in a column of the actions' table.

Each test builds a small DOCX with python-docx and reads it end to end.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from pipeline.extract import extract_file


def _table(doc, rows: list[list[str]]):
    table = doc.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            paragraphs = value.split("\n")
            cell.text = paragraphs[0]
            for extra in paragraphs[1:]:
                cell.add_paragraph(extra)
    return table


def test_one_table_of_actions_per_recommendation_written_above_it(tmp_path: Path) -> None:
    # Recommendation 1: …          (body paragraph)
    # Response: Agreed             (body paragraph)
    # | Action | Lead | By when | Progress |
    # | …      | …    | …       | …        |
    doc = Document()
    doc.add_paragraph("Solent Youth Offending Service")
    doc.add_paragraph("Recommendation 1: The YOS should improve assessments of risk of harm.")
    doc.add_paragraph("Response: Agreed")
    _table(doc, [["Action", "Lead", "By when", "Progress"],
                 ["Deliver training to all case managers.", "Operations Manager", "May 2021",
                  "On track"],
                 ["Audit ten cases a month.", "Quality Lead", "Ongoing", ""]])
    doc.add_paragraph("Recommendation 2: The YOS should make sure children are seen promptly.")
    doc.add_paragraph("Response: Partly agreed – more places cannot be commissioned this year "
                      "because of affordability.")
    _table(doc, [["Action", "Lead", "By when", "Progress"],
                 ["Review appointment slots.", "Team Manager", "June 2021", ""]])
    path = tmp_path / "per_rec.docx"
    doc.save(path)

    plan = extract_file(path)

    recs = plan.recommendations
    assert [r.number for r in recs] == ["1", "2"]
    assert recs[0].text == "The YOS should improve assessments of risk of harm."
    assert [r.response for r in recs] == ["agreed", "partly_agreed"]
    assert recs[1].reason == (
        "more places cannot be commissioned this year because of affordability."
    )
    assert [a.text for a in recs[0].actions] == [
        "Deliver training to all case managers.", "Audit ten cases a month."]
    assert [a.owners[0].raw for a in recs[0].actions] == ["Operations Manager", "Quality Lead"]
    assert recs[0].actions[1].target.status == "ongoing"
    assert [a.text for a in recs[1].actions] == ["Review appointment slots."]


def test_recommendation_in_a_full_width_row_above_the_header(tmp_path: Path) -> None:
    # | Recommendation 4: Leaders should … (merged across)  |
    # | Action              | Owner          | Target date  |
    # | …                   | …              | …            |
    doc = Document()
    table = _table(doc, [["Recommendation 4: Leaders should reduce the supply of drugs.", "", ""],
                         ["Action", "Owner", "Target date"],
                         ["Extend body scanner use.", "Head of Security", "31 October 2021"]])
    top = table.rows[0].cells
    top[0].merge(top[2])
    path = tmp_path / "titled.docx"
    doc.save(path)

    plan = extract_file(path)

    [rec] = plan.recommendations
    assert (rec.number, rec.text) == ("4", "Leaders should reduce the supply of drugs.")
    [action] = rec.actions
    assert action.text == "Extend body scanner use."
    assert action.target.end.isoformat() == "2021-10-31"


def test_form_layout_one_table_per_recommendation(tmp_path: Path) -> None:
    # | Recommendation 3.12 | text                            |
    # | Response            | Agreed                          |
    # | Action(s)           | a) …  ¶ b) …                    |
    # | Owner               | Deputy Governor ¶ Head of Residence |
    # | Target date         | June 2022 ¶ Ongoing             |
    doc = Document()
    _table(doc, [["Recommendation 3.12", "Leaders should improve time out of cell."],
                 ["Response", "Agreed"],
                 ["Action(s)", "a) Publish a new core day.\nb) Monitor curtailments weekly."],
                 ["Owner", "Deputy Governor\nHead of Residence"],
                 ["Target date", "June 2022\nOngoing"]])
    doc.add_paragraph("")
    _table(doc, [["Recommendation 3.13", "Leaders should refurbish the showers."],
                 ["Response", "Not agreed"],
                 ["Action(s)", "The estate budget does not allow it this year (affordability)."],
                 ["Owner", ""],
                 ["Target date", ""]])
    path = tmp_path / "form.docx"
    doc.save(path)

    plan = extract_file(path)

    first, second = plan.recommendations
    assert (first.number, first.response) == ("3.12", "agreed")
    assert [(a.number, a.text) for a in first.actions] == [
        ("a", "Publish a new core day."), ("b", "Monitor curtailments weekly.")]
    assert [a.owners[0].raw for a in first.actions] == ["Deputy Governor", "Head of Residence"]
    assert [a.target.status for a in first.actions] == ["planned", "ongoing"]
    assert (second.number, second.response, second.actions) == ("3.13", "not_agreed", [])
    assert second.response_reason == "affordability"


def test_prose_response_column_beside_the_actions_column(tmp_path: Path) -> None:
    # | No. | Recommendation | Agreed? | Response | Action Taken/Planned | Owner | Date |
    # The "Response" prose explains the answer; only the action column holds actions.
    doc = Document()
    _table(doc, [
        ["No.", "Recommendation", "Agreed / Partly Agreed / Not Agreed", "Response",
         "Action Taken / Planned", "Responsible Owner", "Target Date"],
        ["1", "The prison should improve time out of cell.", "Agreed",
         "The Governor accepts the finding.", "Publish a new core day.", "Deputy Governor",
         "June 2022"],
        ["2", "The prison should open a second gym.", "Not Agreed",
         "There is no capital funding for a second gym, for affordability reasons.", "", "",
         ""],
    ])
    path = tmp_path / "narrative.docx"
    doc.save(path)

    first, second = extract_file(path).recommendations

    assert [a.text for a in first.actions] == ["Publish a new core day."]
    assert first.reason is None
    assert (second.response, second.actions) == ("not_agreed", [])
    assert second.reason == (
        "There is no capital funding for a second gym, for affordability reasons."
    )
    assert second.response_reason == "affordability"


def test_answer_opening_the_actions_cell_when_there_is_no_agreement_column(
    tmp_path: Path,
) -> None:
    # | Recommendation | Action Required              | Lead | Deadline |
    # | 1. …           | Agreed. ¶ Train all staff.   | …    | …        |
    # | 2. …           | Partly agreed – reason ¶ …   | …    | …        |
    doc = Document()
    _table(doc, [
        ["Recommendation", "Action Required", "Lead", "Deadline"],
        ["1. The YOS should train all staff.", "Agreed.\nTrain all staff in AssetPlus.",
         "Service Manager", "May 2022"],
        ["2. The YOS should open a new office.",
         "Partly agreed – a second office is not affordable this year.\n"
         "Offer evening appointments.", "Head of Service", "June 2022"],
    ])
    path = tmp_path / "answer_in_actions.docx"
    doc.save(path)

    first, second = extract_file(path).recommendations

    assert (first.response, [a.text for a in first.actions]) == (
        "agreed", ["Train all staff in AssetPlus."])
    assert second.response == "partly_agreed"
    assert second.reason == "a second office is not affordable this year."
    assert [a.text for a in second.actions] == ["Offer evening appointments."]


def test_bullets_and_letters_under_numbered_actions_belong_to_them(tmp_path: Path) -> None:
    # | Recommendation | Actions                                           | Owner | Date |
    # | 1. …           | 1. Train staff: ¶ • risk ¶ • safeguarding ¶ 2. Audit … ¶ a) … | … | … |
    doc = Document()
    _table(doc, [
        ["Recommendation", "Actions", "Owner", "Target date"],
        ["1. The service should improve risk work.",
         "1. Train all staff in:\n• risk assessment;\n• safeguarding.\n"
         "2. Audit ten cases a month:\na) report to the board;\nb) share learning.",
         "Head of Service", "May 2022"],
    ])
    path = tmp_path / "sub_points.docx"
    doc.save(path)

    [rec] = extract_file(path).recommendations

    assert [(a.number, a.text) for a in rec.actions] == [
        ("1", "Train all staff in: • risk assessment; • safeguarding."),
        ("2", "Audit ten cases a month: a) report to the board; b) share learning."),
    ]


def test_unnumbered_recommendations_without_full_stops_stay_apart(tmp_path: Path) -> None:
    # | Area requiring improvement | Action | Lead | Deadline |  (no numbers, no full stops)
    doc = Document()
    _table(doc, [
        ["Area requiring improvement", "Action", "Lead", "Deadline"],
        ["Improve the quality of assessment", "Audit ten cases a month", "Team Manager",
         "May 2022"],
        ["Strengthen management oversight", "Introduce a supervision template",
         "Service Manager", "June 2022"],
    ])
    path = tmp_path / "no_stops.docx"
    doc.save(path)

    recs = extract_file(path).recommendations

    assert [(r.number, r.number_inferred, r.text) for r in recs] == [
        ("1", True, "Improve the quality of assessment"),
        ("2", True, "Strengthen management oversight"),
    ]
