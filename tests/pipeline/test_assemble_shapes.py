"""Plan assembly per table shape: small DOCX documents built here, run through ``extract_file``.

Each test draws the grid it builds in a comment. ``|`` separates cells, ``v`` marks a cell
vertically merged with the one above, ``<...>`` a cell spanning several grid columns, and
``¶`` separates paragraphs inside one cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.table import Table as DocxTable

from pipeline.errors import NoPlanFound
from pipeline.extract import extract_file
from pipeline.models import ActionPlan, Recommendation

Cell = str | Sequence[str]  # one string = one paragraph; a list = one paragraph each

HEADER_NUMBERED = [
    "1. Rec No",
    "2. Recommendation",
    "3. Agreed/ Partly Agreed/ Not Agreed",
    "4. Response",
    "5. Owner",
    "6. Target Date",
]
REC_1 = "Improve the quality of risk assessments for all cases."
REC_2 = "Ensure that home visits are carried out where there are safeguarding concerns."
REC_3 = "Review the training offered to responsible officers."


# -- builders ---------------------------------------------------------------------------


def _fill(cell, value: Cell) -> None:
    paragraphs = [value] if isinstance(value, str) else list(value)
    cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def _table(d: DocxDocument, rows: list[list[Cell]]) -> DocxTable:
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            _fill(table.cell(r, c), value)
    return table


def _save(d: DocxDocument, tmp_path: Path, name: str = "plan.docx") -> Path:
    path = tmp_path / name
    d.save(str(path))
    return path


def _extract(d: DocxDocument, tmp_path: Path) -> ActionPlan:
    return extract_file(_save(d, tmp_path))


def _recs(plan: ActionPlan) -> list[Recommendation]:
    return plan.recommendations


def _numbers(plan: ActionPlan) -> list[str | None]:
    return [r.number for r in plan.recommendations]


def _action_numbers(rec: Recommendation) -> list[str | None]:
    return [a.number for a in rec.actions]


def _action_texts(rec: Recommendation) -> list[str]:
    return [a.text for a in rec.actions]


def _owner_raws(rec: Recommendation) -> list[list[str]]:
    return [[o.raw for o in a.owners] for a in rec.actions]


def _target_raws(rec: Recommendation) -> list[str | None]:
    return [a.target.raw for a in rec.actions]


# -- (1) one row per action, rec cells merged down ----------------------------------------


def test_one_row_per_action_with_vertically_merged_rec_cells(tmp_path: Path) -> None:
    # | 1. Rec No | 2. Recommendation | 3. Agreed/...  | 4. Response   | 5. Owner | 6. Target Date |
    # | 1         | REC_1             | Agreed         | 1.1 Audit ... | Head A   | May 2020       |
    # | v         | v                 | v              | 1.2 Train ... | Head B   | June 2020      |
    # | 2         | REC_2             | Partly Agreed  | 2.1 Revise .. | QTM      | 31 March 2021  |
    d = docx.Document()
    t = _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "1.1 Audit a sample of cases each quarter.", "Head of Area",
         "May 2020"],
        ["", "", "", "1.2 Train all practitioners in risk assessment.", "Training Manager",
         "June 2020"],
        ["2", REC_2, "Agreed", "2.1 Revise the home visits policy.", "Quality Team Manager",
         "31 March 2021"],
    ])
    for col in range(3):
        t.cell(1, col).merge(t.cell(2, col))
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    r1, r2 = _recs(plan)
    assert r1.text == REC_1
    assert r1.response == "agreed" and r1.response_raw == "Agreed"
    assert _action_numbers(r1) == ["1.1", "1.2"]
    assert _action_texts(r1) == [
        "Audit a sample of cases each quarter.",
        "Train all practitioners in risk assessment.",
    ]
    assert _owner_raws(r1) == [["Head of Area"], ["Training Manager"]]
    assert _target_raws(r1) == ["May 2020", "June 2020"]
    assert r1.actions[0].target.end == dt.date(2020, 5, 31)
    assert r1.actions[1].target.end == dt.date(2020, 6, 30)
    assert r1.actions[0].target.status == "planned"
    assert r2.text == REC_2
    assert _action_numbers(r2) == ["2.1"]
    assert r2.actions[0].target.end == dt.date(2021, 3, 31)
    assert _owner_raws(r2) == [["Quality Team Manager"]]


def test_merged_rec_cell_is_not_repeated_or_split_into_extra_recs(tmp_path: Path) -> None:
    # python-docx repeats a merged cell per grid position; the reader must show it once.
    # | Rec No | Recommendation | Agreed | Response | Owner | Target Date |
    # | 1      | REC_1          | Agreed | A        | O1    | May 2020    |
    # | v      | v              | v      | B        | O2    | June 2020   |
    # | v      | v              | v      | C        | O3    | July 2020   |
    d = docx.Document()
    t = _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"],
        ["", "", "", "Train staff.", "Training Manager", "June 2020"],
        ["", "", "", "Report to the board.", "Director", "July 2020"],
    ])
    for col in range(3):
        t.cell(1, col).merge(t.cell(3, col))
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1"]
    rec = plan.recommendations[0]
    assert rec.text == REC_1
    assert _action_texts(rec) == ["Audit cases.", "Train staff.", "Report to the board."]
    assert _action_numbers(rec) == ["1", "2", "3"]
    assert all(a.number_inferred for a in rec.actions)
    assert _target_raws(rec) == ["May 2020", "June 2020", "July 2020"]


# -- (2) rec cells left empty below the first row ----------------------------------------


def test_one_row_per_action_with_rec_cells_left_empty(tmp_path: Path) -> None:
    # | 1. Rec No | 2. Recommendation | 3. Agreed... | 4. Response   | 5. Owner | 6. Target Date |
    # | 1         | REC_1             | Agreed       | 1.1 Audit ... | Head A   | May 2020       |
    # |           |                   |              | 1.2 Train ... | Head B   | June 2020      |
    # | 2         | REC_2             | Agreed       | 2.1 Revise .. | QTM      | Ongoing        |
    # |           |                   |              | 2.2 Check ... | QTM      | Completed      |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "1.1 Audit a sample of cases.", "Head of Area", "May 2020"],
        ["", "", "", "1.2 Train all practitioners.", "Training Manager", "June 2020"],
        ["2", REC_2, "Agreed", "2.1 Revise the policy.", "Quality Team Manager", "Ongoing"],
        ["", "", "", "2.2 Check compliance monthly.", "Quality Team Manager", "Completed"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    r1, r2 = _recs(plan)
    assert r1.text == REC_1 and r2.text == REC_2
    assert _action_numbers(r1) == ["1.1", "1.2"]
    assert _action_numbers(r2) == ["2.1", "2.2"]
    assert _action_texts(r2) == ["Revise the policy.", "Check compliance monthly."]
    assert [a.target.status for a in r2.actions] == ["ongoing", "completed"]
    assert all(not r.number_inferred for r in plan.recommendations)


# -- (3) one row per recommendation, actions as typed 1.1/1.2, stacked owners/dates -----


def test_one_row_per_rec_with_typed_numbers_and_stacked_owners_and_dates(
    tmp_path: Path,
) -> None:
    # | Rec No | Recommendation | Agreed | Response            | Owner         | Target Date    |
    # | 1      | REC_1          | Agreed | 1.1 A ¶ 1.2 B ¶ 1.3 C | O1 ¶ O2 ¶ O3 | D1 ¶ D2 ¶ D3   |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed",
         ["1.1 Audit a sample of cases.", "1.2 Train all practitioners.",
          "1.3 Report findings to the board."],
         ["Head of Area", "Training Manager", "Chief Executive"],
         ["May 2020", "June 2020", "31 July 2020"]],
        ["2", REC_2, "Agreed", ["2.1 Revise the policy.", "2.2 Check compliance."],
         ["Quality Team Manager", "Head of Area"], ["October 2020", "Ongoing"]],
    ])
    plan = _extract(d, tmp_path)

    r1, r2 = _recs(plan)
    assert _action_numbers(r1) == ["1.1", "1.2", "1.3"]
    assert _action_texts(r1) == [
        "Audit a sample of cases.",
        "Train all practitioners.",
        "Report findings to the board.",
    ]
    assert _owner_raws(r1) == [["Head of Area"], ["Training Manager"], ["Chief Executive"]]
    assert _target_raws(r1) == ["May 2020", "June 2020", "31 July 2020"]
    assert [a.target.end for a in r1.actions] == [
        dt.date(2020, 5, 31), dt.date(2020, 6, 30), dt.date(2020, 7, 31)]
    assert _action_numbers(r2) == ["2.1", "2.2"]
    assert _owner_raws(r2) == [["Quality Team Manager"], ["Head of Area"]]
    assert [a.target.status for a in r2.actions] == ["planned", "ongoing"]


def test_one_row_per_rec_with_unnumbered_paragraphs_split_by_stacked_dates(
    tmp_path: Path,
) -> None:
    # | Rec No | Recommendation | Agreed | Response      | Owner       | Target Date  |
    # | 1      | REC_1          | Agreed | A ¶ B         | O1 ¶ O2     | D1 ¶ D2      |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", ["Audit a sample of cases.", "Train all practitioners."],
         ["Head of Area", "Training Manager"], ["May 2020", "June 2020"]],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_texts(rec) == ["Audit a sample of cases.", "Train all practitioners."]
    assert _action_numbers(rec) == ["1", "2"]
    assert [a.number_inferred for a in rec.actions] == [True, True]
    assert _owner_raws(rec) == [["Head of Area"], ["Training Manager"]]
    assert _target_raws(rec) == ["May 2020", "June 2020"]


# -- (4) one row per recommendation, owner and date shared by the row -------------------


def test_one_row_per_rec_with_owner_and_date_shared_by_the_row(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | Response              | Owner        | Target Date |
    # | 1      | REC_1          | Agreed | 1.1 A ¶ 1.2 B ¶ 1.3 C | Head of Area | March 2021  |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed",
         ["1.1 Audit a sample of cases.", "1.2 Train all practitioners.",
          "1.3 Report findings to the board."],
         "Head of Area", "March 2021"],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_numbers(rec) == ["1.1", "1.2", "1.3"]
    assert _owner_raws(rec) == [["Head of Area"]] * 3
    assert _target_raws(rec) == ["March 2021"] * 3
    assert [a.target.end for a in rec.actions] == [dt.date(2021, 3, 31)] * 3


def test_word_auto_numbered_actions_take_their_numbers_from_the_numbering(
    tmp_path: Path,
) -> None:
    # | Rec No | Recommendation | Agreed | Response                    | Owner | Target Date |
    # | 1      | REC_1          | Agreed | [1.] A ¶ [2.] B ¶ [3.] C    | HoA   | March 2021  |
    # [n.] = Word "List Number" paragraphs: the number is drawn by Word, not in the text.
    d = docx.Document()
    t = _table(d, [HEADER_NUMBERED, ["1", REC_1, "Agreed", "", "Head of Area", "March 2021"]])
    cell = t.cell(1, 3)
    texts = ["Audit a sample of cases.", "Train all practitioners.", "Report to the board."]
    cell.paragraphs[0].text = texts[0]
    cell.paragraphs[0].style = "List Number"
    for text in texts[1:]:
        cell.add_paragraph(text, style="List Number")
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_texts(rec) == texts  # no number in the text
    assert _action_numbers(rec) == ["1", "2", "3"]
    assert [a.number_inferred for a in rec.actions] == [False, False, False]
    assert _owner_raws(rec) == [["Head of Area"]] * 3


def test_auto_numbered_text_that_starts_with_a_number_keeps_the_generated_number(
    tmp_path: Path,
) -> None:
    # | Rec No | Recommendation | Agreed | Response                              | Owner | Date |
    # | 1      | REC_1          | Agreed | [1.] 25 cases audited ¶ [2.] Staff... | HoA   | ...  |
    d = docx.Document()
    t = _table(d, [HEADER_NUMBERED, ["1", REC_1, "Agreed", "", "Head of Area", "March 2021"]])
    cell = t.cell(1, 3)
    cell.paragraphs[0].text = "2020 case audit to be repeated."
    cell.paragraphs[0].style = "List Number"
    cell.add_paragraph("Staff briefings held.", style="List Number")
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_numbers(rec) == ["1", "2"]
    assert _action_texts(rec) == ["2020 case audit to be repeated.", "Staff briefings held."]


# -- (5) header wording variants and extra columns -----------------------------------------


def test_header_variant_ref_accepted_actions_lead_timescale(tmp_path: Path) -> None:
    # | Ref | Recommendation | Accepted / Rejected | Actions to be taken | Lead | Timescale | RAG |
    # | 1   | REC_1          | Accepted            | 1.1 A ¶ 1.2 B       | L1¶L2| D1 ¶ D2   | Green|
    # | 2   | REC_2          | Rejected            | REASON              |      |           | Red  |
    d = docx.Document()
    _table(d, [
        ["Ref", "Recommendation", "Accepted / Rejected", "Actions to be taken", "Lead",
         "Timescale", "RAG"],
        ["1", REC_1, "Accepted", ["1.1 Audit cases.", "1.2 Train staff."],
         ["Head of Area", "Training Manager"], ["May 2020", "June 2020"], "Green"],
        ["2", REC_2, "Rejected", "This is a matter for national policy and cannot be changed "
         "locally.", "", "", "Red"],
    ])
    plan = _extract(d, tmp_path)

    r1, r2 = _recs(plan)
    assert r1.response == "agreed" and r1.response_raw == "Accepted"
    assert _action_texts(r1) == ["Audit cases.", "Train staff."]
    assert _owner_raws(r1) == [["Head of Area"], ["Training Manager"]]
    assert _target_raws(r1) == ["May 2020", "June 2020"]
    assert r2.response == "not_agreed"
    assert r2.actions == []
    everything = plan.model_dump_json()
    assert "Green" not in everything and "Red" not in everything.replace("Rejected", "")


def test_header_variant_area_requiring_improvement_with_progress_update(tmp_path: Path) -> None:
    # | No. | Area requiring improvement (Recommendations) | Action Required | Lead Officer / Agency
    #   | Deadline | Progress update |
    # | 1   | REC_1 | A | Head of Area | May 2020 | On track, audit started |
    # | 2   | REC_2 | B | YOS Manager  | 30/06/2020 | Not started |
    d = docx.Document()
    _table(d, [
        ["No.", "Area requiring improvement (Recommendations)", "Action Required",
         "Lead Officer / Agency", "Deadline", "Progress update"],
        ["1", REC_1, "Audit a sample of cases.", "Head of Area", "May 2020",
         "On track, audit started"],
        ["2", REC_2, "Revise the home visits policy.", "YOS Manager", "30/06/2020",
         "Not started"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    r1, r2 = _recs(plan)
    assert r1.text == REC_1 and r2.text == REC_2
    assert r1.response is None and r1.response_raw is None
    assert _action_texts(r1) == ["Audit a sample of cases."]
    assert _owner_raws(r1) == [["Head of Area"]]
    assert _owner_raws(r2) == [["YOS Manager"]]
    assert r2.actions[0].target.end == dt.date(2020, 6, 30)
    dumped = plan.model_dump_json()
    assert "On track" not in dumped and "Not started" not in dumped


# -- (6) header spanning an action-number column and the action text column ------------


def test_header_spanning_action_number_and_action_text_columns(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | <   Response   > | Owner | Target Date |
    # | 1      | REC_1          | Agreed | 1.    | A        | O1    | May 2020    |
    # | v      | v              | v      | 2.    | B        | O2    | June 2020   |
    # | 2      | REC_2          | Agreed | 1.    | C        | O3    | July 2020   |
    d = docx.Document()
    t = _table(d, [
        ["Rec No", "Recommendation", "Agreed/ Partly Agreed/ Not Agreed", "Response", "",
         "Owner", "Target Date"],
        ["1", REC_1, "Agreed", "1.", "Audit a sample of cases.", "Head of Area", "May 2020"],
        ["", "", "", "2.", "Train all practitioners.", "Training Manager", "June 2020"],
        ["2", REC_2, "Agreed", "1.", "Revise the policy.", "Quality Team Manager",
         "July 2020"],
    ])
    t.cell(0, 3).merge(t.cell(0, 4))
    t.cell(0, 3).text = "Response"
    for col in range(3):
        t.cell(1, col).merge(t.cell(2, col))
    plan = _extract(d, tmp_path)

    r1, r2 = _recs(plan)
    assert _action_numbers(r1) == ["1", "2"]
    assert [a.number_inferred for a in r1.actions] == [False, False]
    assert _action_texts(r1) == ["Audit a sample of cases.", "Train all practitioners."]
    assert _action_numbers(r2) == ["1"]
    assert _action_texts(r2) == ["Revise the policy."]
    assert _owner_raws(r2) == [["Quality Team Manager"]]


# -- (7) two-line header -----------------------------------------------------------------


def test_two_line_header(tmp_path: Path) -> None:
    # | 1. Rec No | 2. Recommendation | 3. Agreed/...| 4. Response          | 5. Owner | 6. Target |
    # | v         | v                 | v            | Action Taken/Planned | v        | v         |
    # | 1         | REC_1             | Agreed       | A                    | O1       | May 2020  |
    d = docx.Document()
    t = _table(d, [
        HEADER_NUMBERED,
        ["", "", "", "Action Taken/Planned", "", ""],
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"],
        ["2", REC_2, "Agreed", "Revise the policy.", "Quality Team Manager", "June 2020"],
    ])
    for col in (0, 1, 2, 4, 5):
        merged = t.cell(0, col).merge(t.cell(1, col))
        merged.text = HEADER_NUMBERED[col]
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    r1 = plan.recommendations[0]
    assert _action_texts(r1) == ["Audit a sample of cases."]
    assert "Action Taken" not in plan.model_dump_json()


def test_two_line_header_without_merged_cells(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed/ Partly Agreed/ Not Agreed | Response             | Owner |
    #   Target Date |
    # |        |                |                                   | Action Taken/Planned |       |
    #   |
    # | 1      | REC_1          | Agreed                            | A                    | O1    |
    #   May 2020 |
    d = docx.Document()
    _table(d, [
        ["Rec No", "Recommendation", "Agreed/ Partly Agreed/ Not Agreed", "Response", "Owner",
         "Target Date"],
        ["", "", "", "Action Taken/Planned", "", ""],
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1"]
    assert _action_texts(plan.recommendations[0]) == ["Audit a sample of cases."]


# -- (8) definitions and cover tables before the real one ------------------------------


def test_definitions_and_cover_tables_give_no_recommendations(tmp_path: Path) -> None:
    # | TIMETABLE | DATE        | STATUS OF THIS RETURN |
    # | Return 1  | 1 June 2020 | Submitted             |
    #
    # | Term   | Definition                  | Additional comment |
    # | Agreed | The recommendation is ...   | Action will follow |
    # | RAG    | Red Amber Green             |                    |
    #
    # | 1. Rec No | 2. Recommendation | ... (the plan) |
    d = docx.Document()
    _table(d, [["TIMETABLE", "DATE", "STATUS OF THIS RETURN"],
               ["Return 1", "1 June 2020", "Submitted"]])
    d.add_paragraph("")
    _table(d, [
        ["Term", "Definition", "Additional comment"],
        ["Agreed", "The recommendation is accepted in full.", "Action will follow."],
        ["Partly Agreed", "Only part of the recommendation is accepted.", "Say why."],
    ])
    d.add_paragraph("")
    _table(d, [HEADER_NUMBERED,
               ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"]])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1"]
    assert plan.recommendations[0].text == REC_1
    dumped = plan.model_dump_json()
    assert "Term" not in dumped and "Only part of" not in dumped and "Return 1" not in dumped


# -- (9) full-width section rows -----------------------------------------------------------


def test_full_width_section_rows_set_the_section_of_following_recs(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | Response | Owner | Target Date |
    # | <             Main Recommendations to the Governor              > |
    # | 1      | REC_1          | Agreed | A        | O1    | May 2020    |
    # | <                            Safety                             > |
    # | 2      | REC_2          | Agreed | B        | O2    | June 2020   |
    # | 3      | REC_3          | Agreed | C        | O3    | July 2020   |
    d = docx.Document()
    t = _table(d, [
        HEADER_NUMBERED,
        ["Main Recommendations to the Governor"] + [""] * 5,
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Safety", "May 2020"],
        ["Safety"] + [""] * 5,
        ["2", REC_2, "Agreed", "Revise the policy.", "Governor", "June 2020"],
        ["3", REC_3, "Agreed", "Train officers.", "Training Manager", "July 2020"],
    ])
    for row in (1, 3):
        merged = t.cell(row, 0).merge(t.cell(row, 5))
        merged.text = t.cell(row, 0).text.strip()
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2", "3"]
    assert [r.section for r in plan.recommendations] == [
        "Main Recommendations to the Governor", "Safety", "Safety"]
    assert all("Safety" not in r.text for r in plan.recommendations)


def test_recs_before_any_section_row_have_no_section(tmp_path: Path) -> None:
    # | Rec No | Recommendation | ... |
    # | 1      | REC_1          | ... |
    # | <            Respect          > |
    # | 2      | REC_2          | ... |
    d = docx.Document()
    t = _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Safety", "May 2020"],
        ["Respect"] + [""] * 5,
        ["2", REC_2, "Agreed", "Revise the policy.", "Governor", "June 2020"],
    ])
    merged = t.cell(2, 0).merge(t.cell(2, 5))
    merged.text = "Respect"
    plan = _extract(d, tmp_path)

    assert [r.section for r in plan.recommendations] == [None, "Respect"]


# -- (10) a 1x1 layout table around the plan ------------------------------------------------


def test_one_by_one_layout_table_wrapping_the_plan(tmp_path: Path) -> None:
    # +---------------------------------------------------------------+
    # | Action plan: Durham Tees Valley CRC                           |
    # | | 1. Rec No | 2. Recommendation | ... | 6. Target Date |      |
    # | | 1         | REC_1             | ... | May 2020       |      |
    # +---------------------------------------------------------------+
    d = docx.Document()
    frame = d.add_table(rows=1, cols=1)
    outer = frame.cell(0, 0)
    outer.paragraphs[0].text = "Action plan: Durham Tees Valley CRC"
    inner = outer.add_table(rows=3, cols=6)
    for r, values in enumerate([
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"],
        ["2", REC_2, "Not Agreed", "This is a matter for national policy.", "", ""],
    ]):
        for c, value in enumerate(values):
            inner.cell(r, c).text = value
    outer.add_paragraph("")
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    assert plan.recommendations[0].actions[0].text == "Audit a sample of cases."
    assert plan.plan.organisation == "Durham Tees Valley CRC"


# -- (11) prefixed action numbers and an unnumbered first action -----------------------


def test_bracketed_letter_prefixes_and_unnumbered_first_action(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | Response                          | Owner | Target Date |
    # | 1      | REC_1          | Agreed | A ¶ (1a) B ¶ (1b) C               | O     | March 2021  |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed",
         ["Audit a sample of cases.", "(1a) Train all practitioners.",
          "(1b) Report findings to the board."],
         "Head of Area", "March 2021"],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_texts(rec) == [
        "Audit a sample of cases.",
        "Train all practitioners.",
        "Report findings to the board.",
    ]
    assert _action_numbers(rec) == ["1", "1a", "1b"]
    assert [a.number_inferred for a in rec.actions] == [True, False, False]


def test_bracketed_prefixes_on_every_action(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | Response            | Owner   | Target Date |
    # | 1      | REC_1          | Agreed | (1a) A ¶ (1b) B     | O1 ¶ O2 | D1 ¶ D2     |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", ["(1a) Audit a sample of cases.", "(1b) Train staff."],
         ["Head of Area", "Training Manager"], ["May 2020", "June 2020"]],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_numbers(rec) == ["1a", "1b"]
    assert _action_texts(rec) == ["Audit a sample of cases.", "Train staff."]
    assert _target_raws(rec) == ["May 2020", "June 2020"]


def test_action_text_continuing_over_paragraphs_stays_one_action(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | Response                   | Owner | Target Date |
    # | 1      | REC_1          | Agreed | 1.1 A ¶ more of A ¶ 1.2 B  | O     | March 2021  |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed",
         ["1.1 Audit a sample of cases.", "The audit tool will be revised first.",
          "1.2 Train all practitioners."],
         "Head of Area", "March 2021"],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_numbers(rec) == ["1.1", "1.2"]
    assert _action_texts(rec) == [
        "Audit a sample of cases. The audit tool will be revised first.",
        "Train all practitioners.",
    ]


# -- (12) reasons for partly / not agreed ----------------------------------------------------


def test_partly_agreed_reason_before_actions_is_not_an_action(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed        | Response                       | Owner | Date |
    # | 1      | REC_1          | Partly Agreed | REASON ¶ 1.1 A ¶ 1.2 B         | O     | D    |
    reason = ("We cannot introduce a separate assessment tool due to national policy on "
              "the use of OASys.")
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Partly Agreed",
         [reason, "1.1 Audit a sample of cases.", "1.2 Train all practitioners."],
         "Head of Area", "March 2021"],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert rec.response == "partly_agreed"
    assert rec.reason == reason
    assert rec.response_reason == "policy"
    assert _action_numbers(rec) == ["1.1", "1.2"]
    assert all("national policy" not in a.text for a in rec.actions)


def test_partly_agreed_reason_then_unnumbered_action(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed        | Response        | Owner | Date |
    # | 1      | REC_1          | Partly Agreed | REASON ¶ A      | O     | D    |
    reason = "Partly agreed due to national policy: the tool is set nationally."
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Partly Agreed", [reason, "Audit a sample of cases locally."],
         "Head of Area", "March 2021"],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert rec.reason == reason
    assert rec.response_reason == "policy"
    assert _action_texts(rec) == ["Audit a sample of cases locally."]
    assert _owner_raws(rec) == [["Head of Area"]]


def test_not_agreed_rec_whose_action_cell_is_only_the_reason_has_no_actions(
    tmp_path: Path,
) -> None:
    # | Rec No | Recommendation | Agreed     | Response           | Owner | Target Date |
    # | 1      | REC_1          | Agreed     | A                  | O     | May 2020    |
    # | 2      | REC_2          | Not Agreed | REASON             |       |             |
    reason = "This cannot be funded from the current budget."
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"],
        ["2", REC_2, "Not Agreed", reason, "", ""],
    ])
    plan = _extract(d, tmp_path)

    r1, r2 = _recs(plan)
    assert len(r1.actions) == 1
    assert r2.response == "not_agreed"
    assert r2.actions == []
    assert r2.reason == reason
    assert r2.response_reason == "affordability"


# -- (13) a lost rec number -----------------------------------------------------------------


def test_missing_rec_number_is_inferred_from_order_with_a_warning(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | Response | Owner | Target Date |
    # | 1      | REC_1          | Agreed | A        | O1    | May 2020    |
    # | 2      | REC_2          | Agreed | B        | O2    | June 2020   |
    # |        | REC_3          | Agreed | C        | O3    | July 2020   |   <- number lost
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"],
        ["2", REC_2, "Agreed", "Revise the policy.", "Quality Team Manager", "June 2020"],
        ["", REC_3, "Agreed", "Train officers.", "Training Manager", "July 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2", "3"]
    assert [r.number_inferred for r in plan.recommendations] == [False, False, True]
    assert plan.recommendations[2].text == REC_3
    assert any("inferred 3" in w.message for w in plan.warnings)


def test_missing_rec_number_in_the_middle_is_inferred(tmp_path: Path) -> None:
    # | 1 | REC_1 | ... |
    # |   | REC_2 | ... |   <- number lost
    # | 3 | REC_3 | ... |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"],
        ["", REC_2, "Agreed", "Revise the policy.", "Quality Team Manager", "June 2020"],
        ["3", REC_3, "Agreed", "Train officers.", "Training Manager", "July 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2", "3"]
    assert [r.number_inferred for r in plan.recommendations] == [False, True, False]
    assert [r.text for r in plan.recommendations] == [REC_1, REC_2, REC_3]
    assert sum("inferred" in w.message for w in plan.warnings) == 1


# -- (14) no table ------------------------------------------------------------------------


def test_prose_only_document_raises_no_plan_found(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Response to the inspection", level=1)
    d.add_paragraph("We welcome the report and will improve the quality of our work.")
    d.add_paragraph("1. Improve risk assessments. Head of Area. May 2020.")
    path = _save(d, tmp_path)

    with pytest.raises(NoPlanFound) as caught:
        extract_file(path)
    assert caught.value.path == str(path)


def test_table_that_is_not_a_plan_raises_no_plan_found(tmp_path: Path) -> None:
    # | Term   | Definition | Additional comment |
    # | Agreed | ...        | ...                |
    d = docx.Document()
    _table(d, [["Term", "Definition", "Additional comment"],
               ["Agreed", "The recommendation is accepted.", "None."]])
    with pytest.raises(NoPlanFound):
        extract_file(_save(d, tmp_path))


def test_data_grid_under_plan_like_headings_is_no_plan(tmp_path: Path) -> None:
    # | No. | Recommendation | Target date |   headings that name plan columns,
    # | 1   | 42             | 02/04/15    |   rows of figures: no recommendation reads as one
    d = docx.Document()
    _table(d, [["No.", "Recommendation", "Target date"],
               ["1", "42", "02/04/15"], ["2", "17 cases", "03/04/15"],
               ["3", "Madan Nada", "04/04/15"]])
    with pytest.raises(NoPlanFound) as caught:
        extract_file(_save(d, tmp_path))
    assert "no action-plan table found" in caught.value.reason


# -- (15) front matter -----------------------------------------------------------------------


def _plan_with_front_matter(tmp_path: Path, lines: list[str]) -> ActionPlan:
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    _table(d, [HEADER_NUMBERED,
               ["1", REC_1, "Agreed", "Audit a sample of cases.", "Head of Area", "May 2020"]])
    return _extract(d, tmp_path)


def test_front_matter_probation_response(tmp_path: Path) -> None:
    plan = _plan_with_front_matter(tmp_path, [
        "A Response to the HMI Probation Inspection: Durham Tees Valley CRC",
        "Report Published: APRIL 2020",
        "Action Plan Submitted: 20th May 2020",
    ])

    assert plan.plan.organisation == "Durham Tees Valley CRC"
    assert plan.plan.inspectorate == "HMI Probation"
    assert plan.plan.report_published == "2020-04"
    assert plan.plan.submitted == dt.date(2020, 5, 20)


def test_front_matter_prison_report_and_board_agreement(tmp_path: Path) -> None:
    plan = _plan_with_front_matter(tmp_path, [
        "Report on an unannounced inspection of HMP Leeds by HM Chief Inspector of Prisons",
        "Plan agreed by the management board on 14 October 2021",
    ])

    assert plan.plan.organisation == "HMP Leeds"
    assert plan.plan.inspectorate == "HMI Prisons"
    assert plan.plan.submitted == dt.date(2021, 10, 14)
    assert plan.plan.report_published is None


def test_front_matter_absent_leaves_metadata_empty(tmp_path: Path) -> None:
    plan = _plan_with_front_matter(tmp_path, [])

    assert plan.plan.inspectorate is None
    assert plan.plan.submitted is None
    assert plan.plan.report_published is None


def test_source_records_the_docx(tmp_path: Path) -> None:
    plan = _plan_with_front_matter(tmp_path, [])

    assert plan.source.format == "docx"
    assert plan.source.file == "plan.docx"
    assert len(plan.source.sha256) == 64


# -- more shapes -------------------------------------------------------------------------


def test_section_title_alone_in_the_first_column(tmp_path: Path) -> None:
    # | Rec No  | Recommendation | ... |
    # | Safety  |                |     |   <- not merged: a title alone in the first column
    # | 1       | REC_1          | ... |
    # | Respect |                |     |
    # | 2       | REC_2          | ... |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["Safety", "", "", "", "", ""],
        ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"],
        ["Respect", "", "", "", "", ""],
        ["2", REC_2, "Agreed", "Revise the policy.", "Governor", "June 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    assert [r.section for r in plan.recommendations] == ["Safety", "Respect"]


def test_section_title_in_the_recommendation_column(tmp_path: Path) -> None:
    # | Rec No | Recommendation | ... |
    # |        | Safety         |     |
    # | 1      | REC_1          | ... |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["", "Safety", "", "", "", ""],
        ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1"]
    assert plan.recommendations[0].section == "Safety"
    assert plan.recommendations[0].text == REC_1


def test_section_row_in_a_table_with_an_extra_column(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed | Response | Owner | Target Date | RAG   |
    # | <                         Safety                                       > |
    # | 1      | REC_1          | Agreed | A        | O     | May 2020    | Green |
    d = docx.Document()
    t = _table(d, [
        [*HEADER_NUMBERED, "RAG"],
        ["Safety"] + [""] * 6,
        ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020", "Green"],
    ])
    t.cell(1, 0).merge(t.cell(1, 6)).text = "Safety"
    plan = _extract(d, tmp_path)

    assert plan.recommendations[0].section == "Safety"
    assert _action_texts(plan.recommendations[0]) == ["Audit cases."]


def test_header_row_repeated_inside_the_table_is_skipped(tmp_path: Path) -> None:
    # | 1. Rec No | 2. Recommendation | ... |
    # | 1         | REC_1             | ... |
    # | 1. Rec No | 2. Recommendation | ... |   <- repeated at a page top
    # | 2         | REC_2             | ... |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"],
        HEADER_NUMBERED,
        ["2", REC_2, "Agreed", "Revise the policy.", "Governor", "June 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    assert all("Rec No" not in r.text for r in plan.recommendations)
    assert [len(r.actions) for r in plan.recommendations] == [1, 1]


def test_plan_split_over_two_tables_with_the_same_header(tmp_path: Path) -> None:
    # | header | ¶ "Page 2" ¶ | header |
    # | 1 ...  |              | 2 ...  |
    d = docx.Document()
    _table(d, [HEADER_NUMBERED,
               ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"]])
    d.add_paragraph("Page 2")
    _table(d, [HEADER_NUMBERED,
               ["2", REC_2, "Agreed", "Revise the policy.", "Governor", "June 2020"]])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    assert plan.recommendations[1].actions[0].text == "Revise the policy."


def test_headerless_table_with_the_same_columns_continues_the_plan(tmp_path: Path) -> None:
    # | header | ¶ | 2 | REC_2 | Agreed | ... |   <- second table has no header row
    # | 1 ...  |
    d = docx.Document()
    _table(d, [HEADER_NUMBERED,
               ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"]])
    d.add_paragraph("")
    _table(d, [["2", REC_2, "Agreed", "Revise the policy.", "Governor", "June 2020"]])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    assert plan.recommendations[1].text == REC_2


def test_title_row_above_the_header(tmp_path: Path) -> None:
    # | <   ACTION PLAN: Durham Tees Valley CRC   > |
    # | 1. Rec No | 2. Recommendation | ...         |
    # | 1         | REC_1             | ...         |
    d = docx.Document()
    t = _table(d, [
        ["ACTION PLAN: Durham Tees Valley CRC"] + [""] * 5,
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"],
    ])
    t.cell(0, 0).merge(t.cell(0, 5)).text = "ACTION PLAN: Durham Tees Valley CRC"
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1"]
    assert plan.recommendations[0].section is None
    assert plan.recommendations[0].text == REC_1


def test_action_numbers_in_their_own_headed_column(tmp_path: Path) -> None:
    # | Rec No | Recommendation | Agreed... | No. | Action Taken/Planned | Owner | Target Date |
    # | 1      | REC_1          | Agreed    | 1.  | A                    | O1    | May 2020    |
    # |        |                |           | 2.  | B                    | O2    | June 2020   |
    # | 2      | REC_2          | Agreed    | 1.  | C                    | O3    | July 2020   |
    d = docx.Document()
    _table(d, [
        ["Rec No", "Recommendation", "Agreed / Partly Agreed / Not Agreed", "No.",
         "Action Taken/Planned", "Responsible Owner", "Target Date"],
        ["1", REC_1, "Agreed", "1.", "Audit cases.", "Head of Area", "May 2020"],
        ["", "", "", "2.", "Train staff.", "Training Manager", "June 2020"],
        ["2", REC_2, "Agreed", "1.", "Revise the policy.", "Governor", "July 2020"],
    ])
    plan = _extract(d, tmp_path)

    r1, r2 = _recs(plan)
    assert _action_numbers(r1) == ["1", "2"]
    assert [a.number_inferred for a in r1.actions] == [False, False]
    assert _action_texts(r1) == ["Audit cases.", "Train staff."]
    assert _owner_raws(r1) == [["Head of Area"], ["Training Manager"]]
    assert _action_numbers(r2) == ["1"]


def test_rec_numbers_as_printed(tmp_path: Path) -> None:
    # | 5.01   | REC_1 | ... |
    # | S3     | REC_2 | ... |
    # | (1.46) | REC_3 | ... |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["5.01", REC_1, "Agreed", "Audit cases.", "Head of Area", "May 2020"],
        ["S3", REC_2, "Accepted", "Revise the policy.", "Governor", "June 2020"],
        ["(1.46)", REC_3, "Agreed", "Train officers.", "Governor", "June 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["5.01", "S3", "1.46"]
    assert not any(r.number_inferred for r in plan.recommendations)
    assert not any("inferred" in w.message for w in plan.warnings)


def test_rec_text_over_several_paragraphs_is_one_text(tmp_path: Path) -> None:
    # | 1 | The CRC should: ¶ improve risk assessments; ¶ and review training. | ... |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", ["The CRC should:", "improve risk assessments;", "and review training."],
         "Agreed", "Audit cases.", "Head of Area", "May 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1"]
    assert plan.recommendations[0].text == (
        "The CRC should: improve risk assessments; and review training.")


def test_rec_number_printed_in_front_of_the_rec_text(tmp_path: Path) -> None:
    # | Recommendation   | Agreed | Response | Owner | Target Date |   <- no number column
    # | 1. REC_1         | Agreed | A        | O     | May 2020    |
    # | 2. REC_2         | Agreed | B        | O     | June 2020   |
    d = docx.Document()
    _table(d, [
        ["Recommendation", "Agreed / Partly Agreed / Not Agreed", "Action Taken/Planned",
         "Responsible Owner", "Target Date"],
        [f"1. {REC_1}", "Agreed", "Audit cases.", "Head of Area", "May 2020"],
        [f"2. {REC_2}", "Agreed", "Revise the policy.", "Governor", "June 2020"],
    ])
    plan = _extract(d, tmp_path)

    assert _numbers(plan) == ["1", "2"]
    assert [r.text for r in plan.recommendations] == [REC_1, REC_2]


def test_owners_joined_in_one_cell(tmp_path: Path) -> None:
    # | 1 | REC_1 | Agreed | A | Head of Area; Quality Team Manager | Completed – November 2020 |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Agreed", "Audit cases.", "Head of Area; Quality Team Manager",
         "Completed – November 2020"],
    ])
    plan = _extract(d, tmp_path)

    action = plan.recommendations[0].actions[0]
    assert [o.raw for o in action.owners] == ["Head of Area", "Quality Team Manager"]
    assert action.target.raw == "Completed – November 2020"
    assert action.target.status == "completed"
    assert action.target.end == dt.date(2020, 11, 30)


def test_auto_numbered_actions_with_stacked_owners_and_dates(tmp_path: Path) -> None:
    # | Ref | Recommendation | Accepted / Rejected | Actions to be taken | Lead    | Timescale |
    # | 1   | REC_1          | Accepted            | [1.] A ¶ [2.] B     | O1 ¶ O2 | D1 ¶ D2   |
    d = docx.Document()
    t = _table(d, [
        ["Ref", "Recommendation", "Accepted / Rejected", "Actions to be taken", "Lead",
         "Timescale"],
        ["1", REC_1, "Accepted", "", ["Head of Area", "Training Manager"],
         ["May 2020", "June 2020"]],
    ])
    cell = t.cell(1, 3)
    cell.paragraphs[0].text = "Audit cases."
    cell.paragraphs[0].style = "List Number"
    cell.add_paragraph("Train staff.", style="List Number")
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert _action_numbers(rec) == ["1", "2"]
    assert _action_texts(rec) == ["Audit cases.", "Train staff."]
    assert _owner_raws(rec) == [["Head of Area"], ["Training Manager"]]
    assert _target_raws(rec) == ["May 2020", "June 2020"]


def test_not_agreed_with_placeholder_owner_and_date_has_no_actions(tmp_path: Path) -> None:
    # | 1 | REC_1 | Not Agreed | REASON | N/A | N/A |
    reason = "This cannot be funded from the current budget."
    d = docx.Document()
    _table(d, [HEADER_NUMBERED, ["1", REC_1, "Not Agreed", reason, "N/A", "N/A"]])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert rec.actions == []
    assert rec.reason == reason
    assert rec.response_reason == "affordability"


def test_not_agreed_reason_then_a_numbered_action(tmp_path: Path) -> None:
    # | 1 | REC_1 | Not Agreed | REASON ¶ 1. A | O | May 2020 |
    d = docx.Document()
    _table(d, [
        HEADER_NUMBERED,
        ["1", REC_1, "Not Agreed",
         ["This is a matter for national policy.", "1. We will raise it with HMPPS."],
         "Head of Area", "May 2020"],
    ])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert rec.reason == "This is a matter for national policy."
    assert rec.response_reason == "policy"
    assert _action_numbers(rec) == ["1"]
    assert _action_texts(rec) == ["We will raise it with HMPPS."]


def test_partly_agreed_whose_action_cell_is_only_the_reason(tmp_path: Path) -> None:
    # | 1 | REC_1 | Partly Agreed | REASON | Head of Area | N/A |
    reason = "We are unable to recruit additional staff due to funding constraints."
    d = docx.Document()
    _table(d, [HEADER_NUMBERED, ["1", REC_1, "Partly Agreed", reason, "Head of Area", "N/A"]])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert rec.response == "partly_agreed"
    assert rec.reason == reason
    assert rec.response_reason == "affordability"
    assert rec.actions == []


def test_agreed_rec_keeps_reason_like_text_as_an_action(tmp_path: Path) -> None:
    # | 1 | REC_1 | Agreed | "Due to the pandemic, however, ..." | O | May 2020 |
    text = "Due to the pandemic, however, training will be delivered online."
    d = docx.Document()
    _table(d, [HEADER_NUMBERED, ["1", REC_1, "Agreed", text, "Head of Area", "May 2020"]])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert rec.reason is None and rec.response_reason is None
    assert _action_texts(rec) == [text]


def test_partly_agreed_without_a_reason_is_warned(tmp_path: Path) -> None:
    # | 1 | REC_1 | Partly Agreed | 1.1 A | O | May 2020 |
    d = docx.Document()
    _table(d, [HEADER_NUMBERED,
               ["1", REC_1, "Partly Agreed", "1.1 Audit cases.", "Head of Area", "May 2020"]])
    plan = _extract(d, tmp_path)

    rec = plan.recommendations[0]
    assert rec.reason is None
    assert _action_numbers(rec) == ["1.1"]
    assert any("gives no reason" in w.message for w in plan.warnings)
