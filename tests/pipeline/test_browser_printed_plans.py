"""A plan printed by a browser (Chromium) from an HTML table with merged recommendation cells.

tests/data/chromium_cut_rowspan.html is the source; the PDF beside it is Chromium's print of
it (`chromium --headless --print-to-pdf`). Chromium draws no bottom border under a merged
cell the page cuts, so recommendation 3, whose merged cells run from page 1 into page 2,
was dropped whole. Expected values are read from the HTML.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_file

PDF = Path(__file__).resolve().parents[1] / "data" / "chromium_cut_rowspan.pdf"


@pytest.fixture(scope="module")
def plan():
    return extract_file(PDF)


def test_every_recommendation_and_action_survives_the_page_cut(plan) -> None:
    assert [(r.number, len(r.actions)) for r in plan.recommendations] == [
        ("1", 3), ("2", 3), ("3", 2), ("4", 2)]


def test_the_cut_recommendation_keeps_its_text_from_both_pages(plan) -> None:
    rec = plan.recommendations[2]
    assert rec.text == (
        "Wessex CRC should improve the delivery of unpaid work so that individuals start "
        "their hours promptly and complete them within twelve months.")
    assert rec.response == "agreed"
    assert [a.text for a in rec.actions] == [
        "Recruit four sessional supervisors and open two weekend work groups in the north "
        "of the county.",
        "Introduce same-day induction at the magistrates' courts for individuals given "
        "unpaid work.",
    ]
    assert [a.target.raw for a in rec.actions] == ["September 2021", "July 2021"]
    assert [[o.raw for o in a.owners] for a in rec.actions] == [
        ["Unpaid Work Manager"], ["Unpaid Work Manager"]]


NESTED = PDF.with_name("chromium_nested_rules.pdf")


def test_actions_in_a_table_drawn_with_row_rules_inside_the_cell_are_found() -> None:
    # chromium_nested_rules.html: each recommendation's actions are a table inside the
    # action cell with only top and bottom borders, which Chromium draws one cell at a time;
    # the pieces of a rule were each too short to count, so no inner table was seen.
    plan = extract_file(NESTED)
    assert [(r.number, [a.number for a in r.actions]) for r in plan.recommendations] == [
        ("1.4", ["1", "2"]), ("2.9", ["1"]), ("3.2", ["1", "2", "3"])]
    # The inner columns are where the pieces of each rule meet (Chromium draws them per
    # cell): owner and date come out of their own columns, not glued to the action.
    action = plan.recommendations[1].actions[0]
    assert action.text == (
        "Commission two extra dental sessions a week until the waiting list is below six "
        "weeks.")
    assert [o.raw for o in action.owners] == ["Head of Healthcare"]
    assert action.target.raw == "April 2024"
    assert [a.target.raw for a in plan.recommendations[2].actions] == [
        "December 2023", "February 2024", "By June 2024"]
