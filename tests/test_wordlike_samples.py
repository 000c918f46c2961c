"""The Word-like samples: a prose report drawn the same way (white boxes behind every word)
holds no table and gives no plan, and the plans' tables are read with their columns. (That the
committed files are what their specs build is checked for every sample in
test_sample_specs.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.layout import Table
from extractors.pdf import read_pdf
from pipeline.errors import NoPlanFound
from pipeline.extract import extract_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REPORT = ROOT / "tests" / "data" / "wl_council_report.pdf"


def test_council_report_pages_hold_no_table() -> None:
    # Every word sits on a white filled box: none of them is a border, so no grid forms.
    document = read_pdf(REPORT)
    assert document.pages and document.pages >= 2
    assert not [b for b in document.blocks if isinstance(b, Table)]


def test_council_report_is_no_plan() -> None:
    with pytest.raises(NoPlanFound):
        extract_file(REPORT)


@pytest.mark.parametrize("name", ["wl_borderless_fenmoor_yjs_2024", "wl_grid_ashdown_yjs_2024"])
def test_plan_table_is_read_with_its_columns(name: str) -> None:
    document = read_pdf(SAMPLES / f"{name}.pdf")
    tables = [b for b in document.blocks if isinstance(b, Table)]
    # Six columns on every page: inset shading adds none, and without borders the columns
    # come from the header's labels (page 2 repeats no header: the columns carry over).
    assert tables and all(t.n_cols == 6 for t in tables)
    assert {t.page for t in tables} == {1, 2}
    expected = "none" if "borderless" in name else "grid"
    assert {t.ruled for t in tables} == {expected}


def test_report_page_written_as_raw_pdf_is_no_plan(tmp_path: Path) -> None:
    # Two columns of prose with the report's numbered recommendations among them, and a ruled
    # table of figures, written by the hand-written PDF renderer (no space glyphs): no plan.
    from scripts.samples.render_rawpdf import render_report

    out = tmp_path / "report.pdf"
    render_report(out, "Inspection of probation services: Northmoor PDU", [
        "HM Inspectorate of Probation inspected the Northmoor Probation Delivery Unit in "
        "January 2024. We looked at the quality of work with people on probation, the "
        "leadership of the unit and the services available to it.",
        "Recommendations",
        "The Northmoor PDU should:",
        "1. improve the quality of work to assess and manage risk of harm, making full use "
        "of information from the police and children's services",
        "2. make sure that there are enough staff to manage the caseload safely, and that "
        "workloads are monitored",
        "3. improve the range and availability of accredited programmes.",
        "HMPPS should:",
        "4. provide approved premises places in the Northmoor area.",
        "Leaders responsible for each area told us what they would do by when; the action "
        "plan published with this report sets out the owner and target date of each action.",
    ], [["Risk of serious harm", "Cases", "Share of caseload"],
        ["High or very high", "412", "18%"], ["Medium", "1,236", "54%"], ["Low", "640", "28%"]])
    with pytest.raises(NoPlanFound):
        extract_file(out)
