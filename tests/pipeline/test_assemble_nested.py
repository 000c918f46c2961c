"""Tables nested in a cell: a table of actions is read as the actions of the outer row.

Each test builds a small DOCX with python-docx (inner tables with ``_Cell.add_table``, a
``w:tbl`` inside the ``w:tc``) and reads it end to end. ``[ … ]`` draws a nested table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document

from extractors.layout import Paragraph
from pipeline.columns import Role
from pipeline.extract import extract_file
from pipeline.plan_rows import PlanRow, _join_cut_rows

REC_1 = "Improve the quality of risk assessments for all cases."
REC_2 = "Ensure that home visits are carried out where there are safeguarding concerns."


def _fill(cell, value: str) -> None:
    paragraphs = value.split("\n")
    cell.text = paragraphs[0]
    for extra in paragraphs[1:]:
        cell.add_paragraph(extra)


def _table(container, rows: list[list[str]]):
    table = container.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            _fill(cell, value)
    return table


def _nested(cell, rows: list[list[str]], *, lead: str = "") -> None:
    """Put a table inside ``cell``, after its first paragraph (``lead`` or left empty)."""
    cell.text = lead
    inner = cell.add_table(rows=0, cols=len(rows[0]))
    inner.style = "Table Grid"
    for values in rows:
        for inner_cell, value in zip(inner.add_row().cells, values, strict=True):
            _fill(inner_cell, value)
    cell.add_paragraph("")


def _plan(doc, tmp_path: Path):
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    return extract_file(path)


def test_inner_table_with_action_owner_date_header_gives_the_rows_actions(
    tmp_path: Path,
) -> None:
    # | No. | Recommendation | Agreed / Not agreed | Actions                                   |
    # | 1   | REC_1          | Agreed              | [Action | Owner | Target date]       |
    # |     |                |                     | [Train staff | Head of Service | May]  |
    # |     |                |                     | [Audit cases | Quality Manager | Q2]   |
    # | 2   | REC_2          | Agreed              | [Action | Owner | Target date]       |
    # |     |                |                     | [Issue guidance | SPO | Completed]   |
    doc = Document()
    outer = _table(doc, [["No.", "Recommendation", "Agreed / Not agreed", "Actions"],
                         ["1", REC_1, "Agreed", ""], ["2", REC_2, "Agreed", ""]])
    _nested(outer.cell(1, 3), [["Action", "Owner", "Target date"],
                               ["Train staff in risk assessment.", "Head of Service", "May 2023"],
                               ["Audit ten cases a month.", "Quality Manager", "Q2 2023/24"]])
    _nested(outer.cell(2, 3), [["Action", "Owner", "Target date"],
                               ["Issue guidance on home visits.", "Senior Probation Officer",
                                "Completed"]])
    plan = _plan(doc, tmp_path)
    rec1, rec2 = plan.recommendations
    assert (rec1.number, rec1.text, rec1.response) == ("1", REC_1, "agreed")
    assert [a.text for a in rec1.actions] == [
        "Train staff in risk assessment.", "Audit ten cases a month."]
    assert [[o.raw for o in a.owners] for a in rec1.actions] == [
        ["Head of Service"], ["Quality Manager"]]
    assert [(a.target.start, a.target.end) for a in rec1.actions] == [
        (dt.date(2023, 5, 1), dt.date(2023, 5, 31)), (dt.date(2023, 7, 1), dt.date(2023, 9, 30))]
    assert [a.text for a in rec2.actions] == ["Issue guidance on home visits."]
    assert rec2.actions[0].target.status == "completed"
    assert rec2.actions[0].owners[0].raw == "Senior Probation Officer"


def test_inner_columns_named_once_in_the_outer_header_number_the_actions(
    tmp_path: Path,
) -> None:
    # | Ref | Recommendation | Response    | Action plan                                  |
    # |     |                |             | [No. | Actions to be taken | Lead | Timescale] |
    # | 1.1 | REC_1          | Partly      | [1 | Train staff | Head of Service | May]      |
    # |     |                | ¶ reason    | [2 | Audit cases | Quality Manager | June]     |
    # | 1.2 | REC_2          | Agreed      | [1 | Issue guidance | SPO | Ongoing]           |
    doc = Document()
    outer = _table(doc, [["Ref", "Recommendation", "Response", "Action plan"],
                         ["1.1", REC_1, "Partly agreed\nNational policy sets the assessment "
                          "tool; local training will be improved.", ""],
                         ["1.2", REC_2, "Agreed", ""]])
    _nested(outer.cell(0, 3), [["No.", "Actions to be taken", "Lead officer", "Timescale"]],
            lead="Action plan")
    _nested(outer.cell(1, 3), [["1", "Train staff in risk assessment.", "Head of Service",
                                "May 2023"],
                               ["2", "Audit ten cases a month.", "Quality Manager",
                                "June 2023"]])
    _nested(outer.cell(2, 3), [["1", "Issue guidance on home visits.",
                                "Senior Probation Officer", "Ongoing"]])
    plan = _plan(doc, tmp_path)
    assert [r.number for r in plan.recommendations] == ["1.1", "1.2"]
    rec1, rec2 = plan.recommendations
    assert rec1.response == "partly_agreed"
    assert rec1.reason and rec1.reason.startswith("National policy")
    assert [(a.number, a.number_inferred, a.text) for a in rec1.actions] == [
        ("1", False, "Train staff in risk assessment."), ("2", False, "Audit ten cases a month.")]
    assert [a.target.raw for a in rec1.actions] == ["May 2023", "June 2023"]
    assert [a.text for a in rec2.actions] == ["Issue guidance on home visits."]
    assert rec2.actions[0].target.status == "ongoing"


def test_prose_above_the_inner_table_is_the_reason_not_an_action(tmp_path: Path) -> None:
    # | No. | Recommendation | Agreed / Partly agreed | Actions                         |
    # | 1   | REC_1          | Partly agreed | reason ¶ [Action | Owner | Target date] |
    # |     |                |               |          [Train staff | Head | May 2023] |
    doc = Document()
    outer = _table(doc, [["No.", "Recommendation", "Agreed / Partly agreed", "Actions"],
                         ["1", REC_1, "Partly agreed", ""]])
    reason = "The assessment tool is set by national policy, so only local training will change."
    _nested(outer.cell(1, 3), [["Action", "Owner", "Target date"],
                               ["Train staff in risk assessment.", "Head of Service",
                                "May 2023"]], lead=reason)
    (rec,) = _plan(doc, tmp_path).recommendations
    assert rec.reason == reason
    assert [a.text for a in rec.actions] == ["Train staff in risk assessment."]


def test_inner_table_without_action_header_stays_text_of_its_cell_in_order(
    tmp_path: Path,
) -> None:
    # | No. | Recommendation                 | Agreed | Action       | Owner | Target   |
    # | 1   | REC_1 ¶ [Area | Cases]         | Agreed | Train staff. | Head  | May 2023 |
    # |     |         [North | 12] ¶ tail    |        |              |       |          |
    doc = Document()
    outer = _table(doc, [["No.", "Recommendation", "Agreed", "Action", "Owner", "Target date"],
                         ["1", "", "Agreed", "Train staff in risk assessment.",
                          "Head of Service", "May 2023"]])
    host = outer.cell(1, 1)
    _nested(host, [["Area", "Cases"], ["North", "12"]], lead=REC_1)
    host.paragraphs[-1].text = "Starting with the northern teams."
    (rec,) = _plan(doc, tmp_path).recommendations
    assert rec.text == f"{REC_1} Area Cases North 12 Starting with the northern teams."
    assert [a.text for a in rec.actions] == ["Train staff in risk assessment."]
    assert [o.raw for o in rec.actions[0].owners] == ["Head of Service"]


def test_inner_table_under_outer_action_owner_date_columns_its_cell_spans(
    tmp_path: Path,
) -> None:
    # | No. | Recommendation | Agreed | Action | Owner | Target date |
    # | 1   | REC_1          | Agreed | <[Train staff | Head of Service | May 2023]   > |
    # |     |                |        | <[Audit cases | Quality Manager | June 2023]  > |
    #   (one cell spanning the last three columns holds a headerless 3-column table)
    doc = Document()
    outer = _table(doc, [["No.", "Recommendation", "Agreed", "Action", "Owner", "Target date"],
                         ["1", REC_1, "Agreed", "", "", ""]])
    host = outer.cell(1, 3).merge(outer.cell(1, 5))
    _nested(host, [["Train staff in risk assessment.", "Head of Service", "May 2023"],
                   ["Audit ten cases a month.", "Quality Manager", "June 2023"]])
    (rec,) = _plan(doc, tmp_path).recommendations
    assert [a.text for a in rec.actions] == [
        "Train staff in risk assessment.", "Audit ten cases a month."]
    assert [[o.raw for o in a.owners] for a in rec.actions] == [
        ["Head of Service"], ["Quality Manager"]]
    assert [a.target.raw for a in rec.actions] == ["May 2023", "June 2023"]



def test_first_inner_row_with_owner_words_is_data_not_a_header(tmp_path: Path) -> None:
    # | No. | Recommendation | Agreed | Actions                                             |
    # | 1   | REC_1          | Agreed | [Action | Owner | Target date] [Train | Head | May]   |
    # | 2   | REC_2          | Agreed | [Map the waiting list … | Performance Manager | By July] |
    #   (rec 2's inner table has no header; its first row names a "Manager": still an action)
    doc = Document()
    outer = _table(doc, [["No.", "Recommendation", "Agreed", "Actions"],
                         ["1", REC_1, "Agreed", ""], ["2", REC_2, "Agreed", ""]])
    _nested(outer.cell(1, 3), [["Action", "Owner", "Target date"],
                               ["Train staff in risk assessment.", "Head of Service",
                                "May 2023"]])
    _nested(outer.cell(2, 3), [["Map the waiting list for each intervention and share it.",
                                "Performance Manager", "By July 2023"],
                               ["Check the standard is met.", "Quality Manager", "Ongoing"]])
    _, rec2 = _plan(doc, tmp_path).recommendations
    assert [a.text for a in rec2.actions] == [
        "Map the waiting list for each intervention and share it.",
        "Check the standard is met."]
    assert [a.target.raw for a in rec2.actions] == ["By July 2023", "Ongoing"]


def test_prose_cut_by_a_page_above_a_nested_table_stays_prose() -> None:
    # Page 1 ends inside the actions cell, before its nested table: the lines above the cut
    # read as actions; on page 2 the rest of the paragraph sits beside the table (prose).
    prev = PlanRow({Role.RECOMMENDATION: [Paragraph("The service should provide")],
                    Role.ACTION: [Paragraph("Programmes are commissioned nationally; the unit "
                                            "will act on the")]}, 1)
    row = PlanRow({Role.RECOMMENDATION: [Paragraph("enough programmes.")],
                   Role.NARRATIVE: [Paragraph("interventions it can deliver locally.")]}, 2,
                  after_page_break=True)
    (joined,) = _join_cut_rows([prev, row])
    assert joined.paragraphs(Role.ACTION) == []
    assert joined.text(Role.NARRATIVE) == (
        "Programmes are commissioned nationally; the unit will act on the interventions it "
        "can deliver locally.")
    assert joined.text(Role.RECOMMENDATION) == "The service should provide enough programmes."
