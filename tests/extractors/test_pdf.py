"""The PDF reader on committed samples: pages, tables, grid columns, rules, body paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.layout import Document, Table
from extractors.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DTV_HEADER = [
    "1. Rec No",
    "2. Recommendation",
    "3. Agreed/ Partly Agreed/ Not Agreed",
    "4. Response Action Taken/Planned",
    "5. Responsible Owner (including named individuals and their functional role or "
    "department)",
    "6. Target Date",
]
PRISON_HEADER = [
    "Recommendation",
    "Agreed / Partly Agreed / Not Agreed",
    "Action Taken/Planned",
    "Responsible Owner",
    "Target Date",
]


@pytest.fixture(scope="module")
def dtv() -> Document:
    # Durham Tees Valley CRC: a definitions table, then a ruled grid repeated on each page.
    return read_pdf(SAMPLES / "dtv_crc_2020.pdf")


@pytest.fixture(scope="module")
def prison() -> Document:
    # A prison plan whose table is drawn with horizontal rules only.
    return read_pdf(SAMPLES / "rl_rules_prison.pdf")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _header(table: Table) -> list[str]:
    return [_flat(c.text) for c in table.rows[0].cells if c.text.strip()]


def _body_texts(document: Document) -> list[str]:
    return [_flat(p.text) for p in document.paragraphs()]


# -- Durham Tees Valley: ruled grid ------------------------------------------------------


def test_dtv_pages_and_format(dtv: Document) -> None:
    assert dtv.format == "pdf"
    assert dtv.pages == 7


def test_dtv_definitions_table_comes_first_with_three_columns(dtv: Document) -> None:
    first = dtv.tables()[0]
    assert first.page == 1
    assert first.n_cols == 3
    assert first.ruled == "grid"
    assert _header(first) == ["Term", "Definition", "Additional comment"]


def test_dtv_plan_table_fragment_on_every_page_with_repeated_header(dtv: Document) -> None:
    plan_tables = dtv.tables()[1:]
    assert [t.page for t in plan_tables] == [2, 3, 4, 5, 6, 7]
    for table in plan_tables:
        # Six headings over seven grid columns: "4. Response" spans the action-number column.
        assert table.n_cols == 7
        assert table.ruled == "grid"
        assert _header(table) == DTV_HEADER
        assert table.col_edges is not None and len(table.col_edges) == 8


def test_dtv_response_header_spans_the_action_number_and_text_columns(dtv: Document) -> None:
    header = dtv.tables()[1].rows[0].cells
    response = next(c for c in header if c.text.startswith("4."))
    assert (response.col, response.span) == (3, 2)
    assert [(c.col, c.span) for c in header] == [(0, 1), (1, 1), (2, 1), (3, 2), (5, 1), (6, 1)]


def test_dtv_action_numbers_sit_in_their_own_narrow_column(dtv: Document) -> None:
    rows = dtv.tables()[1].rows
    numbers = [c.text for r in rows[1:] for c in r.cells if c.col == 3 and c.text.strip()]
    assert numbers[:2] == ["2.", "3."]
    first = {c.col: _flat(c.text) for c in rows[1].cells}
    assert first[0] == "1"
    assert first[2] == "Agreed"
    assert first[6] == "May 2020"
    assert first[1].startswith("Durham Tees Valley CRC should")


def test_dtv_cells_carry_page_and_position(dtv: Document) -> None:
    table = dtv.tables()[2]
    cell = table.rows[1].cells[0]
    assert cell.page == 3
    assert cell.x0 is not None and cell.x1 is not None and cell.x0 < cell.x1
    assert cell.top is not None and cell.bottom is not None and cell.top < cell.bottom
    assert all(line.page == 3 for p in cell.paragraphs for line in p.lines)


def test_dtv_body_paragraphs_hold_the_front_matter(dtv: Document) -> None:
    body = _body_texts(dtv)
    assert "Action Plan Submitted: 20th May 2020" in body
    assert "Report Published: APRIL 2020" in body
    assert ("A Response to the HMI Probation Inspection: Durham Tees Valley Community "
            "Rehabilitation Company") in body
    assert "ACTION PLAN: Durham Tees Valley CRC" in body


def test_dtv_table_text_is_not_repeated_as_body_text(dtv: Document) -> None:
    body = " ".join(_body_texts(dtv))
    assert "Quality Team Manager" not in body
    assert "2. Recommendation" not in body


def test_dtv_blocks_are_in_reading_order(dtv: Document) -> None:
    pages = [b.page for b in dtv.blocks]
    assert pages == sorted(pages)
    first_table = next(i for i, b in enumerate(dtv.blocks) if isinstance(b, Table))
    texts = [_flat(b.text) for b in dtv.blocks[:first_table] if not isinstance(b, Table)]
    assert texts[0] == "Action Plan Submitted: 20th May 2020"


# -- Prison plan: horizontal rules only -----------------------------------------------------


def test_prison_pages(prison: Document) -> None:
    assert prison.pages == 2


def test_prison_table_ruled_by_horizontal_lines_only(prison: Document) -> None:
    tables = prison.tables()
    assert [t.page for t in tables] == [1, 2]
    for table in tables:
        assert table.ruled == "horizontal"
        assert table.n_cols == 5
        assert _header(table) == PRISON_HEADER


def test_prison_section_row_and_stacked_cells(prison: Document) -> None:
    rows = prison.tables()[0].rows
    section = [c for c in rows[1].cells if c.text.strip()]
    assert [_flat(c.text) for c in section] == ["Key concerns and recommendations"]
    rec = {c.col: c for c in rows[2].cells}
    assert rec[0].text.startswith("Recommendation 1")
    assert _flat(rec[1].text) == "Agreed"
    # Owners and dates one per line stay separate paragraphs.
    targets = [p.text for p in rows[3].cells[4].paragraphs]
    assert targets == ["Completed", "31 October 2021", "Q3 2021/22"]


def test_prison_body_paragraphs_hold_the_front_matter(prison: Document) -> None:
    body = _body_texts(prison)
    assert "Action plan submitted: 25 August 2021" in body
    assert any(
        t.startswith("Report on an unannounced inspection of HMP Marlow Heath by HM Chief "
                     "Inspector of Prisons") for t in body
    )
    # Running footers are page furniture after the first page, which keeps its own.
    assert "Page 1" in body and "Page 2" not in body
