"""PDF pages: read the right way up whatever /Rotate says; no pages and too many pages are
reported as such, judged by the pages actually found."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from hostile_files import pdf_bytes

from extractors.guard import GuardLimits, check_pdf
from extractors.pdf import read_pdf
from pipeline.errors import DamagedDocument, TooLarge
from pipeline.extract import extract_file

extract = importlib.import_module("pipeline.extract")  # the module, not the library function
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "dtv_crc_2020.pdf"


def _with_rotate(path: Path, degrees: int) -> Path:
    # Every page dictionary gets /Rotate; the xref goes stale and pdfminer re-scans the file.
    data = re.sub(rb"/Type\s*/Page(?!s)", b"/Type/Page/Rotate %d" % degrees, SAMPLE.read_bytes())
    path.write_bytes(data)
    return path


def _content(plan) -> list:
    return [(r.number, r.text, [(a.number, a.text, a.target.end) for a in r.actions])
            for r in plan.recommendations]


def test_a_plan_whose_pages_rotate_turns_sideways_is_read_the_right_way_up(
    tmp_path: Path,
) -> None:
    degrees = 90
    rotated = _with_rotate(tmp_path / f"rot{degrees}.pdf", degrees)
    assert _content(extract_file(rotated)) == _content(extract_file(SAMPLE))
    notes = read_pdf(rotated).notes
    assert notes and notes[0] == (f"page 1 is turned by its /Rotate {degrees}; read the right "
                                  "way up (as /Rotate 0)")


def _one_line_pdf(ops: bytes, page_extra: bytes = b"") -> bytes:
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + page_extra +
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream",
    ])


def test_sideways_content_that_rotate_straightens_is_left_alone(tmp_path: Path) -> None:
    # Drawn running up the page, displayed upright by /Rotate 90: the usual landscape page.
    ops = b"BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Recommendation agreed by the board) Tj ET"
    path = tmp_path / "landscape.pdf"
    path.write_bytes(_one_line_pdf(ops, b"/Rotate 90 "))
    document = read_pdf(path)
    assert document.notes == []
    assert "Recommendation agreed by the board" in " ".join(p.text for p in document.paragraphs())


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_upright_text_under_any_rotate_is_straightened(tmp_path: Path, degrees: int) -> None:
    ops = b"BT /F1 12 Tf 72 700 Td (Recommendation agreed by the board) Tj ET"
    path = tmp_path / "turned.pdf"
    path.write_bytes(_one_line_pdf(ops, b"/Rotate %d " % degrees))
    document = read_pdf(path)
    assert document.notes == [f"page 1 is turned by its /Rotate {degrees}; read the right way "
                              "up (as /Rotate 0)"]
    assert "Recommendation agreed by the board" in " ".join(p.text for p in document.paragraphs())


def test_a_pdf_without_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                                b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    with pytest.raises(DamagedDocument, match="no pages"):
        extract_file(path)


def _liar(tmp_path: Path) -> Path:
    ops = b"BT /F1 12 Tf 72 720 Td (Page text) Tj ET"
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
             b"/Resources << /Font << /F1 6 0 R >> >> /Contents 7 0 R >>"] * 3
    path = tmp_path / "liar.pdf"
    path.write_bytes(pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 1 >>",  # declares one page
        *pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream",
    ]))
    return path


def test_the_page_cap_counts_pages_found_not_declared(tmp_path: Path) -> None:
    path = _liar(tmp_path)
    with pytest.raises(TooLarge, match="too large: over 2 pages"):
        check_pdf(path, GuardLimits(max_pages=2))
    assert check_pdf(path) == 3

def test_the_page_cap_holds_when_a_page_s_content_is_damaged(tmp_path: Path) -> None:
    # Only the page tree is counted: a page's damaged content stream (an unreadable stream
    # dictionary) is the reader's to report and must not switch the cap or the count off.
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 6 0 R >>"
    path = tmp_path / "damaged-content.pdf"
    path.write_bytes(pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 1 >>",
        page, page, page,
        b"<< /Length /Filter /FlateDecode >>\nstream\nx\nendstream",
    ]))
    with pytest.raises(TooLarge, match="too large: over 2 pages"):
        check_pdf(path, GuardLimits(max_pages=2))
    assert check_pdf(path) == 3


def test_pages_the_reader_leaves_out_are_noted(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = _liar(tmp_path)
    monkeypatch.setattr(extract, "_screen_pdf", lambda *_: None)
    document = extract._read("pdf", path, shown=path, guard=GuardLimits())
    if document.pages == 3:
        assert document.notes == []
    else:  # pdfium trusts the declared /Count
        assert document.notes == ["the page tree holds 3 pages but declares 1; only 1 were read"]
