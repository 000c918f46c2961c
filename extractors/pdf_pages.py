"""Where the PDF reader's page objects come from: pdfium (default) or pdfminer.six.

Both sources hand out pages with pdfplumber's page interface (``chars``, ``rects``,
``lines``, ``curves``, ``edges``, ``horizontal_edges``, ``extract_words``, ``find_tables``,
``width``, ``height``), so pdfplumber's own word grouping and table finder run unchanged on
either. pdfium parses the file in C (several times faster than pdfminer's interpreter); its
characters and paths are turned into the same dicts pdfminer's layout objects become, with
pdfminer's rules for which path is a line, a rectangle or a curve.

Only ``open_pdf`` is meant to be used by the reader; it raises the project's one-line
errors for encrypted and damaged files.
"""

from __future__ import annotations

import collections
import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from pdfplumber import utils as plumber_utils
from pdfplumber.container import Container
from pdfplumber.table import Table as PlumberTable
from pdfplumber.table import TableFinder, TableSettings

from extractors.errors import failure_reading
from extractors.pdf_screen import take_screened
from extractors.pdf_words import WordRules, group_words
from extractors.pdfium_chars import Matrix, PageTransform, read_chars, text_codes
from extractors.pdfium_paths import read_paths

SOURCES = ("pdfium", "pdfminer")
# ACTIONPLAN_PDF_SOURCE=pdfminer reads with pdfminer.six instead (for comparison and fallback).
SOURCE_ENV = "ACTIONPLAN_PDF_SOURCE"
DEFAULT_SOURCE = "pdfium"


def default_source() -> str:
    """The page source in force: the environment's choice when valid, else pdfium."""
    chosen = os.environ.get(SOURCE_ENV, DEFAULT_SOURCE).strip().lower()
    return chosen if chosen in SOURCES else DEFAULT_SOURCE


@contextlib.contextmanager
def open_pdf(path: Path, source: str | None = None, keep_clipped: bool = False
             ) -> Iterator[Any]:
    """Open ``path``; the object yielded has ``.pages`` (a sequence of page objects).

    pdfium leaves out text a clip path hides; ``keep_clipped`` keeps it, as pdfminer.six
    (which ignores clip paths) does, for comparing the two sources."""
    source = source or default_source()
    if source == "pdfminer":
        with _open_pdfminer(path) as pdf:
            yield pdf
        return
    # Inside pdf_screen.screened_pdf the screen's document and loaded pages are reused.
    screened = take_screened(path)
    loaded: dict[int, tuple[Any, Any]] = {}
    if screened is not None:
        document, loaded = screened
    else:
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise _pdf_error(exc, path) from exc
    try:
        yield PdfiumDocument(document, keep_clipped, loaded)
    except pdfium.PdfiumError as exc:  # a page that cannot be loaded
        raise _pdf_error(exc, path) from exc
    finally:
        for page, textpage in loaded.values():  # pages the reader skipped
            textpage.close()
            page.close()
        if screened is None:
            document.close()


@contextlib.contextmanager
def _open_pdfminer(path: Path) -> Iterator[Any]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            yield pdf
    except (PDFEncryptionError, PdfminerException, PDFSyntaxError, ValueError, KeyError,
            TypeError) as exc:
        raise _pdf_error(exc, path) from exc


def _pdf_error(exc: Exception, path: Path) -> Exception:
    # Anything a PDF library raises while opening or walking the file means the file is bad.
    return failure_reading("PDF", exc, path)


def turned_page(pdf: Any, index: int, rotation: int) -> Any:
    """Page ``index`` of an open PDF read as if its /Rotate were ``rotation`` (either source)."""
    if isinstance(pdf, PdfiumDocument):
        return pdf.pages.turned(index, rotation)
    from pdfplumber.page import Page

    page = pdf.pages[index]
    page_obj = page.page_obj
    page_obj.attrs["Rotate"] = page_obj.rotate = rotation  # pdfminer lays out by .rotate
    return Page(pdf, page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def char_matrix_counts(page: Any, limit: int) -> list[tuple[Matrix, int]]:
    """The text matrices (pdfplumber's char "matrix") of the page's first ``limit``
    characters, each with how many of them have it, either source."""
    if isinstance(page, PdfiumPage):
        table = page.char_table
        counts = np.bincount(table.run[:limit], minlength=len(table.runs)).tolist()
        return [(run.char_matrix, n) for run, n in zip(table.runs, counts, strict=True) if n]
    return list(collections.Counter(tuple(c["matrix"]) for c in page.chars[:limit]).items())


def page_words(page: Any, settings: dict) -> list[tuple[str, float, float, float, float]]:
    """The page's words (text, x0, x1, top, bottom) as pdfplumber's ``extract_words`` with
    ``settings`` groups them, either source (pdfium's without a dict per word)."""
    rules = WordRules.of(settings) if isinstance(page, PdfiumPage) else None
    if rules is not None:
        words = group_words(page.char_table, rules)
        return list(zip(words.text, words.x0, words.x1, words.top, words.bottom, strict=True))
    return [(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
            for w in page.extract_words(**settings)]


def space_glyphs(page: Any) -> list[tuple[float, float]]:
    """(top, x0) of the page's real space glyphs (pdfium's generated spaces are not
    characters), either source."""
    if isinstance(page, PdfiumPage):
        table = page.char_table
        codes = text_codes(table.text)
        where = ([i for i, text in enumerate(table.text) if text == " "] if codes is None
                 else np.flatnonzero(codes == ord(" ")))
        return list(zip(table.top[where].tolist(), table.x0[where].tolist(), strict=True))
    return [(float(c["top"]), float(c["x0"])) for c in page.chars if c.get("text") == " "]


class PdfiumDocument:
    """A pdfium document whose ``pages`` are built one at a time, on access."""

    def __init__(self, document: pdfium.PdfDocument, keep_clipped: bool = False,
                 loaded: dict[int, tuple[Any, Any]] | None = None):
        self._document = document
        self.pages = _PageList(document, keep_clipped, {} if loaded is None else loaded)


class _PageList(Sequence):
    def __init__(self, document: pdfium.PdfDocument, keep_clipped: bool,
                 loaded: dict[int, tuple[Any, Any]]):
        self._document = document
        self._count = len(document)
        self._keep_clipped = keep_clipped
        self._loaded = loaded  # index: (page, text page) the screen loaded, used once

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        index %= self._count
        page, textpage = self._loaded.pop(index, None) or (self._document[index], None)
        try:
            return PdfiumPage(page, index + 1, self._keep_clipped, textpage)
        finally:
            if textpage is not None:
                textpage.close()
            page.close()

    def turned(self, index: int, rotation: int) -> PdfiumPage:
        """Page ``index`` read as if its /Rotate were ``rotation``."""
        page = self._document[index]
        try:
            page.set_rotation(rotation)
            return PdfiumPage(page, index + 1, self._keep_clipped)
        finally:
            page.close()


class PdfiumPage(Container):
    """One page's characters and paths read with pdfium, shaped as pdfplumber's objects.

    The characters are kept as columns (``char_table``); their pdfplumber dicts are built
    only when ``chars`` is asked for, and words are grouped from the columns."""

    def __init__(self, page: pdfium.PdfPage, number: int, keep_clipped: bool = False,
                 textpage: Any = None):
        """``textpage``: the page's text page when already loaded (the caller closes it)."""
        self.page_number = number
        self.rotation = page.get_rotation() % 360
        self._transform = PageTransform(page)
        self.width, self.height = self._transform.width, self._transform.height
        self.bbox = (0.0, 0.0, self.width, self.height)
        own = textpage is None
        textpage = page.get_textpage() if own else textpage
        try:
            self.char_table = read_chars(textpage.raw, self._transform, number,
                                         keep_clipped)
        finally:
            if own:
                textpage.close()
        self._paths = read_paths(page, self._transform, number)
        self._char_dicts: list[dict] | None = None

    @property
    def chars(self) -> list[dict]:
        if self._char_dicts is None:
            self._char_dicts = self.char_table.dicts()
        return self._char_dicts

    @property
    def objects(self) -> dict[str, list[dict]]:
        return {"char": self.chars, **self._paths}

    # The paths without building the char dicts (pdfplumber's properties go through
    # ``objects``).
    @property
    def lines(self) -> list[dict]:
        return self._paths["line"]

    @property
    def rects(self) -> list[dict]:
        return self._paths["rect"]

    @property
    def curves(self) -> list[dict]:
        return self._paths["curve"]

    def extract_words(self, **kwargs: Any) -> list[dict]:
        """pdfplumber's word grouping over this page's characters (its rules run on the
        char columns, extractors/pdf_words.py, for the settings it follows)."""
        rules = WordRules.of(kwargs)
        if rules is None:
            return plumber_utils.extract_words(self.chars, **kwargs)
        return group_words(self.char_table, rules).dicts()

    def find_tables(self, table_settings: dict | None = None) -> list[PlumberTable]:
        """pdfplumber's table finder over this page's edges."""
        return TableFinder(self, TableSettings.resolve(table_settings)).tables

    def close(self) -> None:
        self.flush_cache()
