"""Provenance of every sample's values, checked against the document itself.

PDF: each box lies on its page, and the words pdfplumber finds inside the boxes (centres
inside, read line by line) spell the value, wrapping aside. DOCX: the cells and paragraphs
named, read straight from word/document.xml, spell the value. Both also hold the boxes to be
tight: the box may hold a printed number or the answer words around a value, not more,
except for the few values the reader could not separate (several owners on one line, an
answer and its reason in one paragraph).
"""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree
from sample_plans import sample_plan

from pipeline.models import ActionPlan, Provenance

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDFS = sorted(p for p in SAMPLES.glob("*.pdf") if p.with_name(f"{p.stem}.expected.json").exists())
DOCXS = sorted(
    p for p in SAMPLES.glob("*.docx") if p.with_name(f"{p.stem}.expected.json").exists()
)
# pdfplumber's word boxes run from the font's ascent to its descent, the reader's lines hug
# the glyphs: a word belongs to a box when its centre does, within this much.
CENTRE_SLACK = 1.0
# What a tight box may hold beyond its value: a number label ("Recommendation 12:").
TIGHT_EXTRA = 20
MIN_TIGHT_SHARE = 0.93
# Front-matter dates, checked by their year only: their boxes are whole lines, never tight.
DATE_KINDS = ("submitted", "report_published")


def _squeeze(text: str) -> str:
    """Text without spaces, hyphens or case: line-wrapping and cut words are not differences."""
    return "".join(ch for ch in text.casefold() if not ch.isspace() and ch not in "-\u00ad")


def _values(plan: ActionPlan) -> list[tuple[str, str, Provenance | None]]:
    out = []
    for rec in plan.recommendations:
        out.append(("recommendation", rec.text, rec.provenance))
        if rec.response_raw:
            out.append(("response", rec.response_raw, rec.response_provenance))
        for action in rec.actions:
            out.append(("action", action.text, action.provenance))
            out += [("owner", owner.raw, owner.provenance) for owner in action.owners]
            if action.target.raw:
                out.append(("target", action.target.raw, action.target.provenance))
    info, where = plan.plan, plan.plan.provenance
    if info.title:
        out.append(("title", info.title, where.title if where else None))
    if info.organisation:
        out.append(("organisation", info.organisation, where.organisation if where else None))
    # A date is normalised: the line it was read from holds at least its year.
    for name in DATE_KINDS:
        value = getattr(info, name)
        if value is not None:
            out.append((name, str(value)[:4], getattr(where, name) if where else None))
    return out


def _plan(path: Path) -> ActionPlan:
    return sample_plan(path)


def _spells(found: str, value: str) -> bool:
    """Whether the words found spell the value: as one run, or (text printed over text, a
    label between a cell's lines) as whole words taken in order with others skipped."""
    want = _squeeze(value)
    if want in _squeeze(found):
        return True
    i = 0
    for word in map(_squeeze, found.split()):
        if want.startswith(word, i):
            i += len(word)
        elif i and word.startswith(want[i:]):
            return True  # the last word runs on into punctuation
        if i == len(want):
            return True
    return False


def _assert_spelled(values: list[tuple[str, str, str]]) -> None:
    """Every value is spelled out by what its provenance names."""
    assert values
    for kind, value, found in values:
        assert _spells(found, value), f"{kind} {value!r} not in its box: {found!r}"


def _assert_tight(values: list[tuple[str, str, str]]) -> None:
    """Nearly every provenance names its value and at most a label around it."""
    values = [v for v in values if v[0] not in DATE_KINDS]
    loose = [(kind, value) for kind, value, found in values
             if len(_squeeze(found)) > len(_squeeze(value)) + TIGHT_EXTRA]
    assert len(loose) <= (1 - MIN_TIGHT_SHARE) * len(values), loose


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_pdf_boxes_hold_their_values(path: Path) -> None:
    _assert_spelled(_pdf_checked(path))


@functools.cache
def _pdf_checked(path: Path) -> list[tuple[str, str, str]]:
    """(kind, value, the words inside its boxes) for every value, boxes checked on pages."""
    checked = []
    with pdfplumber.open(path) as pdf:
        words = {}
        for kind, value, where in _values(_plan(path)):
            assert where is not None and where.boxes, f"{kind} {value!r} has no box"
            assert not where.cells and not where.paragraphs
            texts = []
            for box in where.boxes:
                assert 1 <= box.page <= len(pdf.pages)
                page = pdf.pages[box.page - 1]
                assert 0 <= box.x0 < box.x1 <= page.width + CENTRE_SLACK
                assert 0 <= box.top < box.bottom <= page.height + CENTRE_SLACK
                if box.page not in words:
                    words[box.page] = page.extract_words()
                texts.append(_words_inside(words[box.page], box))
            checked.append((kind, value, " ".join(texts)))
    return checked


def _words_inside(words: list[dict], box) -> str:
    inside = [
        w for w in words
        if box.x0 - CENTRE_SLACK <= (w["x0"] + w["x1"]) / 2 <= box.x1 + CENTRE_SLACK
        and box.top - CENTRE_SLACK <= (w["top"] + w["bottom"]) / 2 <= box.bottom + CENTRE_SLACK
    ]
    inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
    return " ".join(w["text"] for w in inside)


def test_pdf_boxes_are_tight_over_the_samples() -> None:
    """Across the PDF samples, at most a few boxes hold more than their value and a label."""
    _assert_tight([v for path in PDFS for v in _pdf_checked(path)])


def _docx_texts(path: Path):
    """(paragraph text of cell (table, row, cell, paragraph), of body paragraph n)."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    ns = root.tag.split("}")[0] + "}"  # transitional or Strict

    def text(p) -> str:
        return "".join(t.text or "" for t in p.iter(f"{ns}t"))

    tables = list(root.iter(f"{ns}tbl"))
    paragraphs = list(root.iter(f"{ns}p"))

    def cell(table: int, row: int, index: int, paragraph: int) -> str:
        rows = [el for el in tables[table].iter(f"{ns}tr") if _owner(el, ns) is tables[table]]
        cells = [el for el in rows[row].iter(f"{ns}tc") if _owner(el, ns, "tr") is rows[row]]
        return text(list(cells[index].iter(f"{ns}p"))[paragraph])

    return cell, lambda n: text(paragraphs[n])


def _owner(el, ns: str, tag: str = "tbl"):
    """The nearest enclosing ``tag`` of an element (its own table or row)."""
    node = el.getparent()
    while node is not None and node.tag != f"{ns}{tag}":
        node = node.getparent()
    return node


@pytest.mark.parametrize("path", DOCXS, ids=lambda p: p.name)
def test_docx_cells_hold_their_values(path: Path) -> None:
    _assert_spelled(_docx_checked(path))


def test_docx_cells_are_tight_over_the_samples() -> None:
    _assert_tight([v for path in DOCXS for v in _docx_checked(path)])


@functools.cache
def _docx_checked(path: Path) -> list[tuple[str, str, str]]:
    cell, body = _docx_texts(path)
    checked = []
    for kind, value, where in _values(_plan(path)):
        assert where is not None and (where.cells or where.paragraphs), f"{kind} {value!r}"
        assert not where.boxes
        texts = [cell(c.table, c.row, c.cell, p) for c in where.cells for p in c.paragraphs]
        texts += [body(n) for n in where.paragraphs]
        checked.append((kind, value, " ".join(texts)))
    return checked


def test_pdf_value_split_from_a_shared_cell_gets_its_own_lines() -> None:
    """Stacked dates in one cell (one per action): each target's box is its own line only."""
    path = SAMPLES / "html_eastvale_pdu_2022.pdf"
    targets = [a.target for r in _plan(path).recommendations for a in r.actions if a.target.raw]
    boxes = [(t.provenance.boxes[0].page, t.provenance.boxes[0].top) for t in targets]
    assert len(set(boxes)) == len(boxes)
