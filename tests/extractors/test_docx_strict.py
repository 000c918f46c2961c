"""Strict OOXML .docx: read like the transitional document it was converted from."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from extractors.docx import read_docx
from extractors.docx_strict import transitional_copy, transitional_relationship
from extractors.guard import GuardLimits
from extractors.layout import Document, Table
from pipeline.errors import TooLarge
from scripts.samples.strict import to_strict


def _plan_docx() -> bytes:
    # "Plan" heading, then | No. | Recommendation | Action (Word-numbered list) |
    d = docx.Document()
    d.add_heading("Plan", level=1)
    table = d.add_table(rows=2, cols=3)
    for col, text in enumerate(["No.", "Recommendation", "Action"]):
        table.cell(0, col).text = text
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Improve risk assessment."
    action = table.cell(1, 2).paragraphs[0]
    action.text = "Train staff."
    action.style = d.styles["List Number"]
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _shape(document: Document) -> list:
    out = []
    for block in document.blocks:
        if isinstance(block, Table):
            out.append([[(c.text, c.paragraphs[0].label if c.paragraphs else None)
                         for c in r.cells] for r in block.rows])
        else:
            out.append((block.text, block.style))
    return out


def test_strict_package_reads_like_its_transitional_source(tmp_path: Path) -> None:
    transitional = tmp_path / "plan.docx"
    transitional.write_bytes(_plan_docx())
    strict = tmp_path / "strict.docx"
    strict.write_bytes(to_strict(transitional.read_bytes()))
    with zipfile.ZipFile(strict) as archive:
        assert b"http://purl.oclc.org/ooxml/wordprocessingml/main" in archive.read(
            "word/document.xml")
        assert b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in (
            archive.read("_rels/.rels"))
    expected = _shape(read_docx(transitional))
    assert expected[0] == ("Plan", "Heading 1")
    assert expected[1][1][2] == ("1. Train staff.", "1.")  # numbering and styles were found
    assert _shape(read_docx(strict)) == expected


def test_transitional_package_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_plan_docx())
    assert transitional_copy(path) is None


def test_strict_package_inflating_past_the_budget_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    path.write_bytes(to_strict(_plan_docx()))
    with pytest.raises(TooLarge):
        transitional_copy(path, GuardLimits(max_unzipped_bytes=4096))


@pytest.mark.parametrize(
    ("strict", "transitional"),
    [
        ("http://purl.oclc.org/ooxml/officeDocument/relationships/styles",
         "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"),
        ("http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
         "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "extended-properties"),
        ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
    ],
)
def test_relationship_types(strict: str, transitional: str) -> None:
    assert transitional_relationship(strict) == transitional
