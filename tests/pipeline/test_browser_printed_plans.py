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
