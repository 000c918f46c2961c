"""Our word grouping (extractors/pdf_words.py) makes pdfplumber's words of the same chars."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from pdfplumber import utils as plumber_utils

from extractors.pdf import WORD_SETTINGS
from extractors.pdf_pages import open_pdf
from extractors.pdf_words import WHITESPACE_CODES, WordRules, group_words
from extractors.pdfium_chars import CharTable, Run

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_PDFS = sorted(SAMPLES.glob("*.pdf"))


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=[p.name for p in SAMPLE_PDFS])
def test_the_words_are_pdfplumbers_on_every_sample_page(path: Path) -> None:
    with open_pdf(path, "pdfium") as pdf:
        for page in pdf.pages:
            for settings in (WORD_SETTINGS, {}):
                ours = group_words(page.char_table, WordRules.of(settings)).dicts()
                assert ours == plumber_utils.extract_words(page.chars, **settings), (
                    f"page {page.page_number}, settings {settings}")


def _table(chars: list[tuple]) -> CharTable:
    """Chars (text, x0, top, x1, upright), 10 pt high."""
    upright = np.array([c[4] for c in chars], dtype=bool)
    run = Run("Helvetica", 0.0, None, 10.0, 1.0, 0.0, 0.0, 1.0, (1, 0, 0, 1, 0, 0), True, (0.0,))
    top = np.array([c[2] for c in chars], dtype=float)
    x0 = np.array([c[1] for c in chars], dtype=float)
    x1 = np.array([c[3] for c in chars], dtype=float)
    return CharTable([c[0] for c in chars], x0, top, x1, top + 10, np.where(upright, 10, x1 - x0),
                     upright, np.zeros(len(chars), dtype=np.int64), [run], 1, 842.0)


def test_lines_gaps_blanks_order_and_sideways_text_as_pdfplumber_groups_them() -> None:
    chars = _table([
        ("b", 16, 100.4, 22, True), ("a", 10, 100, 16, True),  # drawn out of order
        (" ", 22, 100, 25, True), ("c", 25, 100, 31, True),  # a blank ends a word
        ("d", 33, 101, 39, True),  # 2 pt gap: over 0.15 em, a new word
        ("e", 10, 112, 16, True),  # the next line
        ("X", 300, 200, 310, False), ("Y", 300, 210, 310, False),  # sideways, one word
        ("Z", 300, 240, 310, False),
        ("f", 50, 100.9, 56, True),  # upright again: a run of its own
    ])
    ours = group_words(chars, WordRules.of(WORD_SETTINGS)).dicts()
    assert ours == plumber_utils.extract_words(chars.dicts(), **WORD_SETTINGS)
    assert [w["text"] for w in ours] == ["ab", "c", "d", "e", "XY", "Z", "f"]


def test_settings_it_does_not_follow_are_left_to_pdfplumber() -> None:
    assert WordRules.of({"keep_blank_chars": True}) is None
    assert WordRules.of({"use_text_flow": True}) is None
    assert WordRules.of({"x_tolerance": 1}) == WordRules(x_tolerance=1)


def test_the_reader_builds_no_char_dicts() -> None:
    # The char dicts cost more than pdfium's parse; the reader's page scan needs none.
    from extractors.pdf import scan_page
    from extractors.pdf_rotation import upright_share

    with open_pdf(SAMPLES / "dtv_crc_2020.pdf", "pdfium") as pdf:
        page = pdf.pages[0]
        assert upright_share(page) == 1.0
        assert scan_page(page, 1).words
        assert page._char_dicts is None
        assert page.chars and page._char_dicts is not None


def test_whitespace_codes_are_every_code_point_isspace_holds() -> None:
    # group_words judges a one-char text blank by its code point against this list.
    every = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert WHITESPACE_CODES.tolist() == every


@pytest.mark.parametrize("joined", ["", "ffi"], ids=["one-char texts", "a joined ligature"])
def test_ligature_glyphs_and_unicode_blanks_as_pdfplumber_groups_them(joined: str) -> None:
    # One-char texts go through code points, a page with a longer text char by char: both
    # expand ligature glyphs and split at any blank str.isspace knows, as pdfplumber does.
    chars = _table([
        ("ﬁ", 10, 100, 16, True), ("x", 16, 100, 22, True),
        ("\u00a0", 22, 100, 25, True), ("o", 25, 100, 31, True),
        ("\u3000", 31, 100, 37, True), ("ﬂ", 37, 100, 43, True),
        *([(joined, 43, 100, 55, True)] if joined else []),
    ])
    ours = group_words(chars, WordRules.of(WORD_SETTINGS)).dicts()
    assert ours == plumber_utils.extract_words(chars.dicts(), **WORD_SETTINGS)
    assert [w["text"] for w in ours] == ["fix", "o", "fl" + joined]
