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

import contextlib
import ctypes
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import utils as plumber_utils
from pdfplumber.container import Container
from pdfplumber.table import Table as PlumberTable
from pdfplumber.table import TableFinder, TableSettings

from extractors.errors import failure_reading
from extractors.geometry import TOUCH_PT

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
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _pdf_error(exc, path) from exc
    try:
        yield PdfiumDocument(document, keep_clipped)
    except pdfium.PdfiumError as exc:  # a page that cannot be loaded
        raise _pdf_error(exc, path) from exc
    finally:
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


class PdfiumDocument:
    """A pdfium document whose ``pages`` are built one at a time, on access."""

    def __init__(self, document: pdfium.PdfDocument, keep_clipped: bool = False):
        self._document = document
        self.pages = _PageList(document, keep_clipped)


class _PageList(Sequence):
    def __init__(self, document: pdfium.PdfDocument, keep_clipped: bool):
        self._document = document
        self._count = len(document)
        self._keep_clipped = keep_clipped

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        index %= self._count
        page = self._document[index]
        try:
            return PdfiumPage(page, index + 1, self._keep_clipped)
        finally:
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
    """One page's characters and paths read with pdfium, shaped as pdfplumber's objects."""

    def __init__(self, page: pdfium.PdfPage, number: int, keep_clipped: bool = False):
        self.page_number = number
        self.rotation = page.get_rotation() % 360
        self._transform = _PageTransform(page)
        self.width, self.height = self._transform.width, self._transform.height
        self.bbox = (0.0, 0.0, self.width, self.height)
        self._objects = {"char": _chars(page, self._transform, number, keep_clipped),
                         **_paths(page, self._transform, number)}

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self._objects

    def extract_words(self, **kwargs: Any) -> list[dict]:
        """pdfplumber's word grouping over this page's characters."""
        return plumber_utils.extract_words(self.chars, **kwargs)

    def find_tables(self, table_settings: dict | None = None) -> list[PlumberTable]:
        """pdfplumber's table finder over this page's edges."""
        return TableFinder(self, TableSettings.resolve(table_settings)).tables

    def close(self) -> None:
        self.flush_cache()


Matrix = tuple[float, float, float, float, float, float]


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n, in PDF's row-vector convention."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


class _PageTransform:
    """PDF user space → pdfplumber's page space (x, top), page rotation included.

    The same steps pdfminer and pdfplumber take: pdfminer's rotation matrix for /Rotate,
    then the y axis flipped against the (rotated) media box height.
    """

    def __init__(self, page: pdfium.PdfPage):
        left, bottom, right, top = page.get_mediabox()
        x0, x1 = sorted((left, right))
        y0, y1 = sorted((bottom, top))
        rotation = page.get_rotation() % 360
        self.matrix: Matrix = {
            90: (0, -1, 1, 0, -y0, x1),
            180: (-1, 0, 0, -1, x1, y1),
            270: (0, 1, -1, 0, y1, -x0),
        }.get(rotation, (1, 0, 0, 1, -x0, -y0))
        if rotation in (90, 270):
            x0, y0, x1, y1 = y0, x0, y1, x1
        self.width = x1 - x0
        self.height = y1 - y0
        # pdfplumber adds the media box's own offset back (its "mb_x0" and "mb_top").
        self.dx = x0
        self.dtop = self.height - y1

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.matrix
        px, py = a * x + c * y + e, b * x + d * y + f
        return px + self.dx, self.height - py + self.dtop

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float,
                                                                       float]:
        """A PDF-space rectangle → (x0, top, x1, bottom): ``point`` of two corners, ordered
        (written out: it runs for every character)."""
        a, b, c, d, e, f = self.matrix
        height, dx, dtop = self.height, self.dx, self.dtop
        left = (a * x0 + c * y0 + e) + dx
        right = (a * x1 + c * y1 + e) + dx
        top = height - (b * x0 + d * y0 + f) + dtop
        bottom = height - (b * x1 + d * y1 + f) + dtop
        if left > right:
            left, right = right, left
        if top > bottom:
            top, bottom = bottom, top
        return left, top, right, bottom


_BLACK = (0.0,)
_NO_WIDTH_LOOKUP = frozenset({2, *range(0xFB00, 0xFB07)})


def _chars(page: pdfium.PdfPage, transform: _PageTransform, number: int,
           keep_clipped: bool = False) -> list[dict]:
    """The page's characters as pdfplumber char dicts; pdfium's generated spaces and line
    breaks are left out, as pdfminer has none, and so is text a clip path hides."""
    textpage = page.get_textpage()
    try:
        return _CharReader(textpage.raw, transform, number, keep_clipped).chars()
    finally:
        textpage.close()


@dataclass(frozen=True, slots=True)
class _Run:
    """What every character of one text object shares: pdfium gives each the object's font,
    size, text matrix and fill colour, so they are asked for once per object, not per char."""

    fontname: str
    descent: float  # per unit of font size
    font: Any  # pdfium font handle, or None
    size: float
    a: float  # the text matrix's scale and skew (PDF space)
    b: float
    c: float
    d: float
    char_matrix: Matrix  # in page space, as pdfplumber's "matrix"
    upright: bool
    fill: tuple[float, ...]
    clip: tuple[float, float, float, float] | None  # what of the object shows, PDF space

    def hides(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """True when the clip path leaves the centre of this glyph box (PDF space) unpainted:
        the page does not show it (a header row clipped at its fixed height)."""
        if self.clip is None:
            return False
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        left, bottom, right, top = self.clip
        return not (left - TOUCH_PT <= cx <= right + TOUCH_PT
                    and bottom - TOUCH_PT <= cy <= top + TOUCH_PT)

    @property
    def axis_aligned(self) -> bool:
        return self.a > 0 and self.d > 0 and self.b == 0 and self.c == 0


class _CharReader:
    """One text page's characters through pdfium's C API, its ctypes buffers made once."""

    def __init__(self, raw, transform: _PageTransform, number: int, keep_clipped: bool):
        c = pdfium_c
        self.raw, self.transform, self.number = raw, transform, number
        self.keep_clipped = keep_clipped
        self.loose = c.FS_RECTF()
        self.matrix = c.FS_MATRIX()
        self.ox, self.oy = ctypes.c_double(), ctypes.c_double()
        self.advance = ctypes.c_float()
        self.ink = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        self.colour = [ctypes.c_uint() for _ in range(4)]
        self.runs: dict[int, _Run] = {}  # by text object address
        self.widths: dict[tuple[int, int], float | None] = {}  # (object, code): advance
        self.name_buffer = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()

    def chars(self) -> list[dict]:
        found = (self.char(i) for i in range(pdfium_c.FPDFText_CountChars(self.raw)))
        return join_ligatures([char for char in found if char is not None])

    def _text(self, index: int, code: int) -> str | None:
        """The character's text, None for what pdfminer would not list."""
        if code in (0xFFFE, 0xFFFF) or code > 0x10FFFF:
            return None
        text = chr(code)
        if text in "\r\n":
            return None
        # pdfium generates only spaces and line breaks (its word and line gaps; so on all
        # 844,000 characters of the samples and the real-world PDFs), so only a space is
        # asked whether it is one.
        if code == _SPACE and pdfium_c.FPDFText_IsGenerated(self.raw, index) == 1:
            return None
        if code == 2 and pdfium_c.FPDFText_IsHyphen(self.raw, index) == 1:
            return "-"  # pdfium's mark for a hyphen ending a line; the page shows "-"
        return text

    def _run(self, index: int) -> tuple[int, _Run]:
        """The character's text object (its address) and what its characters share."""
        key = _text_object_address(self.raw, index) or 0
        run = self.runs.get(key)
        if run is None:
            obj = pdfium_c.FPDFText_GetTextObject(self.raw, index)
            run = self.runs[key] = self._new_run(index, obj)
        return key, run

    def _new_run(self, index: int, obj: Any) -> _Run:
        c, raw, matrix = pdfium_c, self.raw, self.matrix
        fontname, descent, font = _font(raw, index, obj, self.name_buffer, self.flags)
        c.FPDFText_GetMatrix(raw, index, matrix)
        char_matrix = _multiply((matrix.a, matrix.b, matrix.c, matrix.d, 0.0, 0.0),
                                self.transform.matrix)
        a, b, cc, d = char_matrix[:4]
        fill = _BLACK
        if c.FPDFText_GetFillColor(raw, index, *self.colour):
            fill = tuple(v.value / 255 for v in self.colour[:3])
        return _Run(fontname, descent, font, c.FPDFText_GetFontSize(raw, index), matrix.a,
                    matrix.b, matrix.c, matrix.d, char_matrix,
                    bool(a * d > 0 and b * cc <= 0), fill, _clip_box(obj))

    def char(self, index: int) -> dict | None:
        """Character ``index`` as a pdfplumber char dict, or None when it is not listed."""
        code = pdfium_c.FPDFText_GetUnicode(self.raw, index)
        text = self._text(index, code)
        if text is None:
            return None
        key, run = self._run(index)
        transform = self.transform
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self.loose)
        if run.clip is not None and not self.keep_clipped and self._clipped(index, run):
            return None
        bx0, btop, bx1, bbottom = transform.box(*self._pdf_box(index, code, key, run))
        return {
            "object_type": "char", "page_number": self.number, "text": text,
            "fontname": run.fontname, "size": bbottom - btop if run.upright else bx1 - bx0,
            "x0": bx0, "x1": bx1, "top": btop, "bottom": bbottom, "doctop": btop,
            "y0": transform.height - bbottom, "y1": transform.height - btop,
            "width": bx1 - bx0, "height": bbottom - btop, "upright": run.upright,
            "matrix": run.char_matrix, "adv": bx1 - bx0,
            "non_stroking_color": run.fill, "stroking_color": None,
        }

    def _clipped(self, index: int, run: _Run) -> bool:
        """True when the clip path leaves the glyph's ink unpainted: judged on the ink box,
        as a font-size box reaches above a lower-case letter into the visible part."""
        ink = self.ink
        if not pdfium_c.FPDFText_GetCharBox(self.raw, index, *ink):
            return False
        left, right, bottom, top = (v.value for v in ink)
        return run.hides(left, bottom, right, top)

    def _pdf_box(self, index: int, code: int, key: int,
                 run: _Run) -> tuple[float, float, float, float]:
        """The character's box in PDF space (x0, y0, x1, y1), as pdfminer would draw it."""
        loose = self.loose
        if not run.axis_aligned:
            return loose.left, loose.bottom, loose.right, loose.top
        pdfium_c.FPDFText_GetCharOrigin(self.raw, index, self.ox, self.oy)
        # pdfminer's box: one font size high from the baseline plus the font's descent
        # (the font descriptor's for pdfminer, the font program's here: see
        # scripts/compare_pdf_sources.py), from the origin to the advance.
        height = run.size * run.d
        y0 = self.oy.value + run.descent * height
        x0, y1, x1 = self.ox.value, y0 + height, loose.right
        # The advance from the font's widths, as pdfminer's box has it; the loose box
        # can be the glyph's outline instead (an "f" reaching over the next letter).
        width = self._advance(key, code, run)
        if width is not None and 0.5 * (x1 - x0) <= width <= 1.5 * (x1 - x0):
            x1 = x0 + width
        return x0, y0, x1, y1

    def _advance(self, key: int, code: int, run: _Run) -> float | None:
        """The glyph's advance in PDF space from the font's widths (once per object and
        code). pdfium finds the width by the character's Unicode, which for a ligature or
        pdfium's hyphen mark names no single code of the font."""
        found = self.widths.get((key, code), _UNKNOWN)
        if found is _UNKNOWN:
            found = None
            if (run.font and code not in _NO_WIDTH_LOOKUP and pdfium_c.FPDFFont_GetGlyphWidth(
                    run.font, code, ctypes.c_float(run.size), self.advance)):
                found = self.advance.value * run.a
            self.widths[(key, code)] = found
        return found


_UNKNOWN = object()
_SPACE = 0x20


def _clip_box(obj: Any) -> tuple[float, float, float, float] | None:
    """The box a page object's clip path leaves open, PDF space (the intersection of its
    paths' boxes), or None when nothing clips it."""
    c = pdfium_c
    clip = c.FPDFPageObj_GetClipPath(obj) if obj else None
    if not clip:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    box: list[float] | None = None
    for path in range(c.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for index in range(c.FPDFClipPath_CountPathSegments(clip, path)):
            segment = c.FPDFClipPath_GetPathSegment(clip, path, index)
            if segment and c.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(x.value)
                ys.append(y.value)
        if not xs:
            continue
        own = [min(xs), min(ys), max(xs), max(ys)]
        box = own if box is None else [max(box[0], own[0]), max(box[1], own[1]),
                                       min(box[2], own[2]), min(box[3], own[3])]
    return None if box is None else (box[0], box[1], box[2], box[3])


def join_ligatures(chars: list[dict]) -> list[dict]:
    """One char per glyph, as pdfminer lists them: pdfium gives each character a ligature
    glyph stands for ("ffi") the glyph's origin and the advance of a lone "f", which opens
    a gap before the next letter that splits the word ("Offi cer"). The glyph's characters
    become one char reaching to where the next glyph starts."""
    joined: list[dict] = []
    for char in chars:
        last = joined[-1] if joined else None
        if last is not None and char["x0"] == last["x0"] and char["top"] == last["top"] and (
                char["fontname"] == last["fontname"] and char["text"].strip()):
            last["text"] += char["text"]
            last["ligature"] = True
            continue
        if last is not None and last.pop("ligature", False):
            _reach(last, char)
        joined.append(char)
    if joined:
        joined[-1].pop("ligature", None)  # the page's last glyph: nothing after it to reach
    return joined


def _reach(glyph: dict, after: dict) -> None:
    """Widen a ligature to the start of the glyph after it on its line."""
    same_line = abs(after["top"] - glyph["top"]) < 0.5 * glyph["height"]
    if same_line and glyph["x1"] < after["x0"] < glyph["x0"] + len(glyph["text"]) * glyph["size"]:
        glyph["x1"] = after["x0"]
        glyph["width"] = glyph["adv"] = glyph["x1"] - glyph["x0"]
# FPDFText_GetTextObject answering the object's address as an int (the char's run key),
# without a ctypes.cast per character.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)


def _font(raw, index: int, obj, buffer, flags) -> tuple[str, float, Any]:
    """(base font name, descent per unit of font size, pdfium font) of the character's text
    object."""
    length = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), flags)
    name = buffer.value.decode("utf-8", "replace") if length else ""
    descent = ctypes.c_float()
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    if not font:
        return name, 0.0, None
    if not pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), descent):
        return name, 0.0, font
    return name, min(0.0, descent.value / 1000), font


POINT_DECIMALS = 4
_SEGMENT_OPS = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l",
                pdfium_c.FPDF_SEGMENT_BEZIERTO: "c"}


def _paths(page: pdfium.PdfPage, transform: _PageTransform, number: int) -> dict[str, list]:
    """The page's painted paths as pdfplumber's lines, rects and curves."""
    found: dict[str, list] = {"line": [], "rect": [], "curve": []}
    c = pdfium_c
    identity: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = [(c.FPDFPage_GetObject(page.raw, i), identity)
             for i in range(c.FPDFPage_CountObjects(page.raw))]
    stack.reverse()
    m = c.FS_MATRIX()
    while stack:
        obj, outer = stack.pop()
        kind = c.FPDFPageObj_GetType(obj)
        if kind == c.FPDF_PAGEOBJ_FORM:
            c.FPDFPageObj_GetMatrix(obj, m)
            inner = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            children = [(c.FPDFFormObj_GetObject(obj, i), inner)
                        for i in range(c.FPDFFormObj_CountObjects(obj))]
            stack.extend(reversed(children))
        elif kind == c.FPDF_PAGEOBJ_PATH:
            for shape, item in _path_objects(obj, outer, transform, number):
                found[shape].append(item)
    return found


def _colour(getter, obj) -> tuple[float, ...] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _path_objects(obj, outer: Matrix, transform: _PageTransform, number: int):
    """One pdfium path object → pdfplumber objects, by pdfminer's rules (converter.paint_path):
    each subpath on its own; one segment is a line; a closed axis-aligned four-sided
    subpath is a rect; anything else a curve."""
    attrs = _path_attrs(obj, number)
    if attrs is None:
        return
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    to_page = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    subpath: list = []
    for op in _path_ops(obj, to_page):
        if op[0] == "m" and subpath:
            yield from _shape(subpath, attrs, transform)
            subpath = []
        subpath.append(op)
    if subpath:
        yield from _shape(subpath, attrs, transform)


def _path_attrs(obj, number: int) -> dict | None:
    """What pdfplumber records of how a path is painted; None for a path painted not at all."""
    c = pdfium_c
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    c.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
    fill = fill_mode.value != c.FPDF_FILLMODE_NONE
    if not (fill or stroke.value):
        return None
    width = ctypes.c_float()
    c.FPDFPageObj_GetStrokeWidth(obj, width)
    return {
        "page_number": number, "stroke": bool(stroke.value), "fill": fill,
        "evenodd": fill_mode.value == c.FPDF_FILLMODE_ALTERNATE,
        "linewidth": float(width.value),
        "stroking_color": _colour(c.FPDFPageObj_GetStrokeColor, obj),
        "non_stroking_color": _colour(c.FPDFPageObj_GetFillColor, obj),
        "dash": None,
    }


def _path_ops(obj, to_page: Matrix) -> list[tuple[str, list[tuple[float, float]]]]:
    """The path's segments as pdfminer's operators ("m", "l", "c", "h") with their points,
    in the page space before the y flip."""
    c = pdfium_c
    x, y = ctypes.c_float(), ctypes.c_float()
    ops: list[tuple[str, list[tuple[float, float]]]] = []
    pending: list[tuple[float, float]] = []
    a, b, cc, d, e, f = to_page
    for index in range(c.FPDFPath_CountSegments(obj)):
        segment = c.FPDFPath_GetPathSegment(obj, index)
        c.FPDFPathSegment_GetPoint(segment, x, y)
        # pdfium keeps points as 32-bit floats; rounded to the 4 decimals producers write,
        # they are the numbers of the content stream again, as pdfminer reads them (a gap of
        # exactly the snap tolerance must not become 2.99998 pt).
        px, py = round(x.value, POINT_DECIMALS), round(y.value, POINT_DECIMALS)
        point = (a * px + cc * py + e, b * px + d * py + f)
        op = _SEGMENT_OPS.get(c.FPDFPathSegment_GetType(segment))
        if op is None:
            continue
        if op == "c":
            pending.append(point)
            if len(pending) == 3:  # pdfium lists a Bézier as three points
                ops.append(("c", pending))
                pending = []
        else:
            ops.append((op, [point]))
        if c.FPDFPathSegment_GetClose(segment):
            ops.append(("h", []))
    return ops


def _shape(path: list, attrs: dict, transform: _PageTransform):
    shape = "".join(op for op, _ in path)
    if shape[:1] != "m" or len(path) < 2:
        return
    pts = [pts[-1] if op != "h" else path[0][1][-1] for op, pts in path]
    if len(shape) > 3 and shape[-2:] == "lh" and _same(pts[-2], pts[0]):
        shape = shape[:-2] + "h"
        pts.pop()
    page_pts = [transform.point(*p) for p in pts]
    xs = [p[0] for p in page_pts]
    tops = [p[1] for p in page_pts]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    kind = "curve"
    if shape in ("mlh", "ml"):
        kind = "line"
    elif shape in ("mlllh", "mllll"):
        (px0, py0), (px1, py1), (px2, py2), (px3, py3), _ = pts
        closed = _same(pts[0], pts[4])
        square = ((px0 == px1 and py1 == py2 and px2 == px3 and py3 == py0)
                  or (py0 == py1 and px1 == px2 and py2 == py3 and px3 == px0))
        if closed and square:
            kind = "rect"
            page_pts = page_pts[:4]  # pdfminer lists a rectangle's four corners
    item = {
        **attrs, "object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "doctop": top, "y0": transform.height - bottom, "y1": transform.height - top,
        "width": x1 - x0, "height": bottom - top,
        "pts": page_pts,
    }
    yield kind, item


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return p == q
