"""Word structures around a plan table that must not change what is read: a header row drawn
as a separate one-row table, empty spacer rows, content controls (``w:sdt``) around cells,
rows and paragraphs, and content the reader cannot place (warned, never dropped in silence).

Each test builds a small DOCX with python-docx (raw WordprocessingML where python-docx has no
API) and reads it end to end.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from pipeline.extract import extract_file

HEADER = ["No.", "Recommendation", "Agreed / Not agreed", "Action", "Owner", "Target date"]
REC_1 = "Improve the quality of risk assessments for all cases."
REC_2 = "Ensure that home visits are carried out where there are safeguarding concerns."
ROW_1 = ["1", REC_1, "Agreed", "Train all staff in risk assessment.", "Head of Service",
         "May 2023"]
ROW_2 = ["2", REC_2, "Agreed", "Issue guidance on home visits.", "Quality Manager",
         "June 2023"]


def _table(doc, rows: list[list[str]]):
    table = doc.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return table


def _plan(doc, tmp_path: Path):
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    return extract_file(path)


def _sdt(element) -> None:
    """Wrap ``element`` (a w:tc, w:tr or w:p) in a block content control, where it stands."""
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    element.addprevious(sdt)
    sdt[1].append(element)


def _summary(plan) -> list[tuple]:
    return [(r.number, r.text, r.response, [(a.text, [o.raw for o in a.owners], a.target.raw)
                                            for a in r.actions]) for r in plan.recommendations]


EXPECTED = [
    ("1", REC_1, "agreed", [("Train all staff in risk assessment.", ["Head of Service"],
                             "May 2023")]),
    ("2", REC_2, "agreed", [("Issue guidance on home visits.", ["Quality Manager"],
                             "June 2023")]),
]


def test_header_row_drawn_as_a_separate_one_row_table_above_the_body(tmp_path: Path) -> None:
    # | No. | Recommendation | Agreed / Not agreed | Action | Owner | Target date |   table 1
    # (no paragraph between)
    # | 1   | REC_1          | Agreed              | Train  | Head  | May 2023    |   table 2
    # | 2   | REC_2          | Agreed              | Issue  | QM    | June 2023   |
    doc = Document()
    _table(doc, [HEADER])
    _table(doc, [ROW_1, ROW_2])
    assert _summary(_plan(doc, tmp_path)) == EXPECTED


def test_empty_spacer_rows_between_recommendations_are_not_rows(tmp_path: Path) -> None:
    # | header | / | ROW_1 | / |  (empty row)  | / | ROW_2 | / |  (empty row)  |
    doc = Document()
    _table(doc, [HEADER, ROW_1, [""] * 6, ROW_2, [""] * 6])
    plan = _plan(doc, tmp_path)
    assert _summary(plan) == EXPECTED
    assert not any("inferred" in w.message for w in plan.warnings)


def test_content_controls_around_cells_rows_and_paragraphs(tmp_path: Path) -> None:
    # | header |  / row 1 with its action cell's paragraph and its owner cell in w:sdt
    # / row 2 wrapped whole in a w:sdt; the table itself after a w:sdt paragraph
    doc = Document()
    _sdt(doc.add_paragraph("Action plan for the inspection.")._p)
    table = _table(doc, [HEADER, ROW_1, ROW_2])
    _sdt(table.rows[1].cells[3].paragraphs[0]._p)
    _sdt(table.rows[1].cells[4]._tc)
    _sdt(table.rows[2]._tr)
    assert _summary(_plan(doc, tmp_path)) == EXPECTED


def test_text_after_an_entity_reference_is_kept(tmp_path: Path) -> None:
    # The action cell's text "Train all staff &amp; managers &org; in risk assessment." where
    # &org; is declared in the part's own DTD (Word writes none, other tools may).
    doc = Document()
    _table(doc, [HEADER, ROW_1, ROW_2])
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    _rewrite_document_xml(path, lambda xml: xml.replace(
        b"Train all staff in risk assessment.",
        b"Train all staff &amp; managers &org; in risk assessment.").replace(
        b"<w:document ", b'<!DOCTYPE w:document [<!ENTITY org "at Eastbrook">]><w:document ', 1))
    plan = extract_file(path)
    assert plan.recommendations[0].actions[0].text == (
        "Train all staff & managers at Eastbrook in risk assessment.")
    assert plan.recommendations[0].actions[0].owners[0].raw == "Head of Service"


def test_an_entity_that_is_not_plain_text_is_left_out_with_a_warning(tmp_path: Path) -> None:
    doc = Document()
    _table(doc, [HEADER, ROW_1, ROW_2])
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    _rewrite_document_xml(path, lambda xml: xml.replace(
        b"Train all staff in risk assessment.",
        b"Train all staff &ext; in risk assessment.").replace(
        b"<w:document ",
        b'<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file:///etc/hostname">]><w:document ', 1))
    plan = extract_file(path)
    assert plan.recommendations[0].actions[0].text == "Train all staff in risk assessment."
    assert any("&ext;" in w.message for w in plan.warnings)


def test_embedded_document_is_warned_on_the_plan(tmp_path: Path) -> None:
    doc = Document()
    _table(doc, [HEADER, ROW_1, ROW_2])
    chunk = parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="rId99"/>')
    doc.element.body.sectPr.addprevious(chunk)
    plan = _plan(doc, tmp_path)
    assert _summary(plan) == EXPECTED
    assert any("altChunk" in w.message for w in plan.warnings)


def _rewrite_document_xml(path: Path, change) -> None:
    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            dst.writestr(info, change(data) if info.filename == "word/document.xml" else data)

