"""The pdfium page source reads what pdfminer.six reads: words, grid cells, rules, errors.

Tolerances and the known, explained differences are in scripts/compare_pdf_sources.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from extractors.pdf_pages import SOURCE_ENV, default_source, open_pdf
from extractors.pdfium_chars import Run, join_ligatures
from pipeline.errors import DamagedDocument, EncryptedDocument
from scripts.compare_pdf_sources import compare, match_words

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_PDFS = sorted(SAMPLES.glob("*.pdf"))


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=[p.name for p in SAMPLE_PDFS])
def test_both_sources_give_the_same_words_grids_and_rules(path: Path) -> None:
    result = compare(path)
    shown = (result.only_pdfminer + result.only_pdfium)[:5]
    assert result.error == {}
    assert result.words > 100
    assert result.same, (f"words only pdfminer/pdfium: {len(result.only_pdfminer)}/"
                         f"{len(result.only_pdfium)} e.g. {shown}; grid pages "
                         f"{result.grid_pages}, rule pages {result.rule_pages}")


def _drawing(path: Path, *, rotate: int = 0) -> Path:
    """A page with a line, a stroked and a filled rectangle, a curve, a form XObject holding a
    rule, and text at 10 pt, 7 pt and scaled by the text matrix."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setPageRotation(rotate)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 760, "Recommendation agreed")
    pdf.setFont("Helvetica-Bold", 7)
    pdf.drawString(300, 760, "Target date")
    text = pdf.beginText(72, 700)
    text.setFont("Times-Roman", 12)
    text.setHorizScale(80)
    text.textLine("Scaled words here")
    pdf.drawText(text)
    pdf.setLineWidth(0.75)
    pdf.line(72, 740, 520, 740)
    pdf.rect(72, 600, 200, 60, stroke=1, fill=0)
    pdf.setFillColorRGB(0.8, 0.8, 0.8)
    pdf.rect(300, 600, 100, 30, stroke=0, fill=1)
    pdf.bezier(72, 500, 100, 550, 150, 550, 200, 500)
    pdf.beginForm("rule")
    pdf.line(72, 450, 400, 450)
    pdf.endForm()
    pdf.saveState()
    pdf.translate(10, -20)
    pdf.doForm("rule")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    return path


def _objects(path: Path, source: str) -> dict[str, list[tuple]]:
    with open_pdf(path, source) as pdf:
        page = pdf.pages[0]
        found = {
            kind: sorted(tuple(round(float(o[k]), 1) for k in ("x0", "top", "x1", "bottom"))
                         for o in page.objects.get(kind, []))
            for kind in ("line", "rect", "curve")
        }
        found["words"] = [(w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
                          for w in page.extract_words()]
        found["size"] = [(round(page.width), round(page.height))]
        found["upright"] = sorted({c["upright"] for c in page.chars})
        return found


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_paths_text_and_page_rotation_read_as_pdfminer_reads_them(
    tmp_path: Path, rotate: int
) -> None:
    path = _drawing(tmp_path / f"drawing_{rotate}.pdf", rotate=rotate)
    miner, pdfium = _objects(path, "pdfminer"), _objects(path, "pdfium")
    assert len(miner["line"]) == 2 and len(miner["rect"]) == 2 and len(miner["curve"]) == 1
    assert match_words(miner.pop("words"), pdfium.pop("words")) == ([], [])
    assert pdfium == miner


def test_the_form_xobject_rule_is_placed_by_its_matrix(tmp_path: Path) -> None:
    path = _drawing(tmp_path / "drawing.pdf")
    with open_pdf(path, "pdfium") as pdf:
        lines = pdf.pages[0].lines
    tops = sorted(round(line["top"]) for line in lines)
    # The form's rule at y=450, translated by (10, -20): 842 - 430 from the top.
    assert tops == [round(842 - 740), round(842 - 430)]


def test_an_encrypted_pdf_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("user", "owner"))
    pdf.drawString(72, 720, "secret plan")
    pdf.save()
    for source in ("pdfium", "pdfminer"):
        with pytest.raises(EncryptedDocument) as refused, open_pdf(path, source) as opened:
            opened.pages[0].extract_words()
        # Both page sources say it in the same words.
        assert refused.value.one_line() == f"{path}: encrypted: needs a password"


def test_a_truncated_pdf_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes((SAMPLES / "dtv_crc_2020.pdf").read_bytes()[:3000])
    with pytest.raises(DamagedDocument), open_pdf(path, "pdfium") as opened:
        for page in opened.pages:
            page.extract_words()


def test_pdfium_is_the_default_and_the_environment_can_choose_pdfminer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(SOURCE_ENV, raising=False)
    assert default_source() == "pdfium"
    monkeypatch.setenv(SOURCE_ENV, "pdfminer")
    assert default_source() == "pdfminer"
    monkeypatch.setenv(SOURCE_ENV, "nonsense")
    assert default_source() == "pdfium"


def _glyphs(*glyphs: tuple) -> tuple:
    """join_ligatures' columns for glyphs (text, x0, x1[, top]), 10 pt Calibri."""
    texts = [g[0] for g in glyphs]
    x0 = np.array([g[1] for g in glyphs], dtype=float)
    x1 = np.array([g[2] for g in glyphs], dtype=float)
    top = np.array([g[3] if len(g) > 3 else 100.0 for g in glyphs])
    run = Run("Calibri", 0.0, None, 10.0, 1.0, 0.0, 0.0, 1.0, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
              True, (0.0,))
    return (texts, x0, top, x1, top + 10.0, np.full(len(texts), 10.0),
            np.ones(len(texts), dtype=bool), np.zeros(len(texts), dtype=np.int64), [run], 1,
            842.0)


def test_the_characters_of_a_ligature_glyph_are_one_char_reaching_to_the_next_glyph() -> None:
    # pdfium lists "ffi" of one ligature glyph as three chars at one origin, each as wide
    # as a lone "f": a gap opens before "c" and the word splits ("Offi cer").
    joined = join_ligatures(*_glyphs(("O", 10, 18), ("f", 18, 24), ("f", 18, 24),
                                     ("i", 18, 24), ("c", 30, 35), ("e", 35, 40)))
    assert joined.text == ["O", "ffi", "c", "e"]
    assert joined.x1[1] == 30
    assert joined.dicts()[1]["width"] == 12


def test_glyphs_at_different_origins_are_never_joined() -> None:
    joined = join_ligatures(*_glyphs(("a", 10, 15), ("b", 15, 20), ("b", 15, 20, 130.0)))
    assert joined.text == ["a", "b", "b"]


def _clipped_header(path: Path, *, rotate: int = 0) -> Path:
    """A header cell clipped at a fixed height, as LibreOffice draws a repeated header row:
    its first line shows, its second is drawn but falls below the clip."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setPageRotation(rotate)
    pdf.setFont("Helvetica", 10)
    pdf.saveState()
    clip = pdf.beginPath()
    clip.rect(70, 750, 150, 20)  # shows y 750..770
    pdf.clipPath(clip, stroke=0, fill=0)
    pdf.drawString(72, 756, "Shown heading")
    pdf.drawString(72, 742, "Hidden tail")  # ink at about 742..749, below the clip
    pdf.restoreState()
    pdf.drawString(72, 700, "Unclipped body")
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("rotate", [0, 90])
def test_text_a_clip_path_hides_is_not_read(tmp_path: Path, rotate: int) -> None:
    path = _clipped_header(tmp_path / f"clipped_{rotate}.pdf", rotate=rotate)

    def words(source: str, keep_clipped: bool = False) -> set[str]:
        with open_pdf(path, source, keep_clipped=keep_clipped) as pdf:
            return {w["text"] for w in pdf.pages[0].extract_words()}

    assert words("pdfium") == {"Shown", "heading", "Unclipped", "body"}
    # pdfminer.six ignores clip paths; the comparison of the sources keeps hidden text too.
    assert words("pdfium", keep_clipped=True) == words("pdfminer") == {
        "Shown", "heading", "Hidden", "tail", "Unclipped", "body"}


def test_a_repeated_header_row_clipped_by_libreoffice_keeps_only_what_shows() -> None:
    # samples/severn_avon_crc_2019.pdf, page 2: the repeated header row is cut at its fixed
    # height; the page shows "3. Accepted/" but not the "Rejected" drawn under it.
    with open_pdf(SAMPLES / "severn_avon_crc_2019.pdf", "pdfium") as pdf:
        head = [w["text"] for w in pdf.pages[1].extract_words() if w["top"] < 95]
    assert "Accepted/" in head
    assert "Rejected" not in head


def test_the_read_inside_the_screen_loads_each_page_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    from extractors.pdf import read_pdf
    from extractors.pdf_screen import screened_pdf

    loads: list[int] = []
    get_page = pdfium.PdfDocument.get_page

    def counted(self, index):  # type: ignore[no-untyped-def]
        loads.append(index)
        return get_page(self, index)

    monkeypatch.setattr(pdfium.PdfDocument, "get_page", counted)
    path = SAMPLES / "dtv_crc_2020.pdf"
    with screened_pdf(path) as texts:
        assert texts is not None
        document = read_pdf(path)
    pages = len(texts)
    assert pages > 1 and sorted(loads) == list(range(pages))
    assert document.blocks
    loads.clear()
    read_pdf(path)  # outside the screen the reader loads its own pages
    assert sorted(loads) == list(range(pages))


def test_the_reader_takes_every_page_the_screen_loaded_even_those_it_skips() -> None:
    from extractors.pdf import read_pdf
    from extractors.pdf_screen import screened_pdf, take_screened

    path = SAMPLES / "dtv_crc_2020.pdf"
    with screened_pdf(path) as texts:
        assert texts is not None and len(texts) > 1
        document = read_pdf(path, only_pages={1})
        left = take_screened(path)
        # The reader took them all (and closed the skipped ones itself).
        assert left is not None and left[1] == {}
    assert document.pages == len(texts)
    assert take_screened(path) is None


def _sample_pages() -> Iterator[tuple[int, Any]]:
    """(index, pdfium page) of every page of every sample PDF, each page closed after its
    turn and each document after its last page."""
    import pypdfium2 as pdfium

    for path in SAMPLE_PDFS:
        document = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(document)):
                page = document[index]
                try:
                    yield index, page
                finally:
                    page.close()
        finally:
            document.close()


def test_the_c_loops_are_built_and_make_the_same_calls_as_the_ctypes_loops() -> None:
    # setup.py builds extractors/pdfium_loops.c with the package; without it the reader is
    # slower, so a development or CI install that lost it should fail here, not go unnoticed.
    import ctypes

    import pypdfium2 as pdfium

    from extractors import pdfium_chars

    assert pdfium_chars._CHAR_LOOP is not None
    assert pdfium_chars._OBJECT_LOOP is not None
    checked = 0
    for _, page in _sample_pages():
        textpage = page.get_textpage()
        raw = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
        count = pdfium.raw.FPDFText_CountChars(textpage.raw)
        # Every index, and some pdfium refuses (past the end: their slots stay 0).
        at = np.arange(count + 3, dtype=np.int64)
        in_c = pdfium_chars.char_calls_in_c(raw, at)
        in_python = pdfium_chars.char_calls_in_python(
            pdfium_chars.pointer_argument(raw), at.tolist())
        for ours, theirs in zip(in_c, in_python, strict=True):
            assert ours.dtype == theirs.dtype
            assert np.array_equal(ours, theirs)
        assert not in_c[0][count:].any() and not in_c[1][count:].any()
        # Each character's object's shared properties (the reader asks once per
        # object; asking per character, objects 0 past the end included, is harder).
        indices, objects = at.tolist(), in_c[0].tolist()
        shared_c = pdfium_chars.object_properties_in_c(raw, indices, objects)
        shared_python = pdfium_chars.object_properties_in_python(raw, indices, objects)
        for ours, theirs in zip(shared_c, shared_python, strict=True):
            if isinstance(ours, np.ndarray):
                assert ours.dtype == theirs.dtype
                assert np.array_equal(ours, theirs)
            else:
                assert ours == theirs
        checked += count
        textpage.close()
    assert checked > 10_000


def test_the_path_c_loops_read_the_same_paths_as_the_ctypes_loops(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors import pdfium_paths
    from extractors.pdfium_chars import PageTransform

    assert pdfium_paths._LOOPS is not None
    loops = pdfium_paths._LOOPS
    shapes = 0
    for index, page in _sample_pages():
        transform = PageTransform(page)
        monkeypatch.setattr(pdfium_paths, "_LOOPS", loops)
        in_c = pdfium_paths.read_paths(page, transform, index + 1)
        monkeypatch.setattr(pdfium_paths, "_LOOPS", None)
        in_python = pdfium_paths.read_paths(page, transform, index + 1)
        # repr: -0.0 and 0.0, and NaN, told apart as well.
        assert repr(in_c) == repr(in_python)
        shapes += sum(len(v) for v in in_c.values())
    assert shapes > 1000


def test_a_page_s_characters_are_the_same_with_and_without_the_c_loops(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors import pdfium_chars

    loops = ("_CHAR_LOOP", "_OBJECT_LOOP", "_GENERATED_LOOP", "_WIDTH_LOOP")
    built = {name: getattr(pdfium_chars, name) for name in loops}
    assert all(loop is not None for loop in built.values())

    def columns(table: pdfium_chars.CharTable) -> str:
        # repr: -0.0 and 0.0, and NaN, told apart as well.
        return repr((table.text, table.x0.tolist(), table.top.tolist(), table.x1.tolist(),
                     table.bottom.tolist(), table.size.tolist(), table.upright.tolist(),
                     table.run.tolist(), table.runs))

    chars = 0
    for index, page in _sample_pages():
        textpage = page.get_textpage()
        transform = pdfium_chars.PageTransform(page)
        for keep_clipped in (False, True):
            for name, loop in built.items():
                monkeypatch.setattr(pdfium_chars, name, loop)
            in_c = pdfium_chars.read_chars(textpage.raw, transform, index + 1, keep_clipped)
            for name in loops:
                monkeypatch.setattr(pdfium_chars, name, None)
            in_python = pdfium_chars.read_chars(textpage.raw, transform, index + 1,
                                                keep_clipped)
            assert columns(in_c) == columns(in_python)
            chars += len(in_c)
        textpage.close()
    assert chars > 10_000
