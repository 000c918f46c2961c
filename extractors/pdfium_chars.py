"""One page's characters from pdfium, as columns (numpy arrays), not one dict per character.

The reader needs of each character its text, box, size and whether it is upright; building a
pdfplumber char dict for each of a page's ~2,000 characters cost more than pdfium's parse.
Here pdfium is asked per character only for what differs per character (its text object,
origin and loose box), in one C loop per page (extractors/pdfium_loops.c, built with the
package; where it was not built, ``map`` over ctypes functions makes the same calls, several
times slower: ctypes costs more per call than pdfium's work in it); what a text object's
characters share (font, size, matrix, colour) is asked once per object, a glyph's advance
once per object and code, and the boxes are computed for the whole page at once.

The boxes are pdfminer's (see ``char_boxes``); ``CharTable.dicts`` gives pdfplumber's char
dicts for code that wants them (the pdfminer comparison, tests).
"""

from __future__ import annotations

import collections
import ctypes
import functools
import importlib.machinery
import itertools
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2.raw as pdfium_c

from extractors.geometry import TOUCH_PT

Matrix = tuple[float, float, float, float, float, float]


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n, in PDF's row-vector convention."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def function_address(name: str) -> int:
    """The address of pdfium's function ``name`` in the library pypdfium2 loaded."""
    return ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value or 0


def c_function(name: str, restype: Any, *argtypes: Any) -> Any:
    """pdfium's function ``name`` taking and giving plain ints and addresses."""
    # pdfium's functions re-declared on plain ints and addresses: ctypes then converts no
    # structure or pointer objects per call (the char loop makes ~10,000 calls a page).
    return ctypes.CFUNCTYPE(restype, *argtypes)(function_address(name))


def unconverted_function(name: str, restype: Any) -> Any:
    """pdfium's function ``name`` declared without argument types, for the ctypes fallback's
    loops: ctypes then converts nothing per call. Each argument must be an int that fits a
    C int (an index) or a ctypes argument object made beforehand (``pointer_argument``,
    ``ctypes.byref``), which ctypes passes as it is."""
    return ctypes.CFUNCTYPE(restype)(function_address(name))


def pointer_argument(address: int) -> Any:
    """A ctypes argument object holding ``address`` as a pointer, made once and passed to any
    number of ``unconverted_function`` calls (a c_void_p instance would be converted into
    such an object at every call)."""
    return ctypes.c_void_p.from_param(address)


_VOID, _INT, _UINT = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint
# Asked once per character (about 1,700 times a page each), so declared without argument
# types: with them ctypes builds an argument object per argument per call, which was half of
# each call's cost.
_text_object = unconverted_function("FPDFText_GetTextObject", ctypes.c_size_t)
_is_generated = unconverted_function("FPDFText_IsGenerated", _INT)
_origin = unconverted_function("FPDFText_GetCharOrigin", _INT)
_loose_box = unconverted_function("FPDFText_GetLooseCharBox", _INT)
_unicode = c_function("FPDFText_GetUnicode", _UINT, _VOID, _INT)
_is_hyphen = c_function("FPDFText_IsHyphen", _INT, _VOID, _INT)
_get_text = c_function("FPDFText_GetText", _INT, _VOID, _INT, _INT, _VOID)
# Asked once per text object (about 110 a page), each as the per-char calls above.
_text_font = unconverted_function("FPDFTextObj_GetFont", ctypes.c_size_t)
_char_matrix = unconverted_function("FPDFText_GetMatrix", _INT)
_fill_colour = unconverted_function("FPDFText_GetFillColor", _INT)
_font_size = unconverted_function("FPDFText_GetFontSize", ctypes.c_double)
_clip_path = unconverted_function("FPDFPageObj_GetClipPath", ctypes.c_size_t)
_font_info = c_function("FPDFText_GetFontInfo", ctypes.c_ulong, _VOID, _INT, _VOID,
                         ctypes.c_ulong, _VOID)
_font_descent = c_function("FPDFFont_GetDescent", _INT, _VOID, ctypes.c_float, _VOID)
_clip_count_paths = c_function("FPDFClipPath_CountPaths", _INT, _VOID)
_clip_count_segments = c_function("FPDFClipPath_CountPathSegments", _INT, _VOID, _INT)
_clip_segment = c_function("FPDFClipPath_GetPathSegment", ctypes.c_size_t, _VOID, _INT, _INT)
_segment_point = c_function("FPDFPathSegment_GetPoint", _INT, _VOID, _VOID, _VOID)
_glyph_width = c_function("FPDFFont_GetGlyphWidth", _INT, _VOID, _UINT, ctypes.c_float, _VOID)

_SPACE = 0x20
_HYPHEN_MARK = 2  # pdfium's code for a hyphen ending a line; the page shows "-"
_NOT_LISTED = frozenset({0xFFFE, 0xFFFF, 0x0D, 0x0A})
# The advance is not looked up for these: pdfium finds a width by the character's Unicode,
# which for a ligature or the hyphen mark names no single code of the font.
_NO_WIDTH_LOOKUP = frozenset({_HYPHEN_MARK, *range(0xFB00, 0xFB07)})
_BLACK = (0.0,)


class PageTransform:
    """PDF user space → pdfplumber's page space (x, top), page rotation included.

    The same steps pdfminer and pdfplumber take: pdfminer's rotation matrix for /Rotate,
    then the y axis flipped against the (rotated) media box height.
    """

    def __init__(self, page: Any):
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

    def boxes(self, x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """PDF-space rectangles → (x0, top, x1, bottom) arrays: ``point`` of two corners,
        ordered (the same float operations as ``point``, so the same numbers)."""
        a, b, c, d, e, f = self.matrix
        left = (a * x0 + c * y0 + e) + self.dx
        right = (a * x1 + c * y1 + e) + self.dx
        top = self.height - (b * x0 + d * y0 + f) + self.dtop
        bottom = self.height - (b * x1 + d * y1 + f) + self.dtop
        return (np.minimum(left, right), np.minimum(top, bottom), np.maximum(left, right),
                np.maximum(top, bottom))


@dataclass(frozen=True, slots=True)
class Run:
    """What every character of one text object shares: pdfium gives each the object's font,
    size, text matrix and fill colour, so they are asked for once per object."""

    fontname: str
    descent: float  # per unit of font size
    font: int  # pdfium font handle (its address), 0 for none
    size: float
    a: float  # the text matrix's scale and skew (PDF space)
    b: float
    c: float
    d: float
    char_matrix: Matrix  # in page space, as pdfplumber's "matrix"
    upright: bool
    fill: tuple[float, ...]
    clip: tuple[float, float, float, float] | None = None  # what of the object shows (PDF)

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


@dataclass(slots=True)
class CharTable:
    """A page's characters as columns, in pdfium's order (content order)."""

    text: list[str]
    x0: np.ndarray
    top: np.ndarray
    x1: np.ndarray
    bottom: np.ndarray
    size: np.ndarray  # pdfplumber's "size": the box's height (upright) or width
    upright: np.ndarray  # bool
    run: np.ndarray  # index into ``runs``
    runs: list[Run]
    page_number: int
    page_height: float

    def __len__(self) -> int:
        return len(self.text)

    def dicts(self) -> list[dict]:
        """pdfplumber's char dicts of these characters."""
        height, number, runs = self.page_height, self.page_number, self.runs
        columns = zip(self.text, self.x0.tolist(), self.top.tolist(), self.x1.tolist(),
                      self.bottom.tolist(), self.size.tolist(), self.upright.tolist(),
                      self.run.tolist(), strict=True)
        out = []
        for text, x0, top, x1, bottom, size, upright, run_index in columns:
            run = runs[run_index]
            out.append({
                "object_type": "char", "page_number": number, "text": text,
                "fontname": run.fontname, "size": size, "x0": x0, "x1": x1, "top": top,
                "bottom": bottom, "doctop": top, "y0": height - bottom, "y1": height - top,
                "width": x1 - x0, "height": bottom - top, "upright": upright,
                "matrix": run.char_matrix, "adv": x1 - x0,
                "non_stroking_color": run.fill, "stroking_color": None,
            })
        return out


def consume(iterator: Any) -> None:
    """Run an iterator (a C loop of ctypes calls writing into arrays) for its effects."""
    collections.deque(iterator, maxlen=0)


def code_texts(codes: np.ndarray) -> list[str]:
    """``[chr(code) for code in codes]``, decoded in one call (a lone surrogate code, which
    pdfium can give, stays the lone surrogate ``chr`` makes)."""
    return list(codes.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass"))


def text_codes(texts: list[str]) -> np.ndarray | None:
    """Each text's code point when every text is one character (the usual page: only a
    ligature joined to one char makes a longer one), else None."""
    joined = "".join(texts)
    if len(joined) != len(texts):
        return None
    return np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def _codes(raw: int, count: int) -> np.ndarray:
    """Each character's Unicode code: the page's text in one call where it lines up with the
    characters one to one (it does but for control marks, asked one by one), else per char."""
    buffer = (ctypes.c_uint16 * (count + 1))()
    written = _get_text(raw, 0, count, ctypes.addressof(buffer))
    units = np.frombuffer(buffer, dtype=np.uint16)[:count].astype(np.int64)
    surrogates = (units >= 0xD800) & (units <= 0xDFFF)
    if written != count + 1 or surrogates.any():
        return np.fromiter(map(_unicode, itertools.repeat(raw, count), range(count)),
                           dtype=np.int64, count=count)
    special = np.flatnonzero((units < _SPACE) | (units >= 0xFFFE))
    if len(special):
        units[special] = list(map(_unicode, itertools.repeat(raw, len(special)),
                                  special.tolist()))
    return units


def read_chars(raw: Any, transform: PageTransform, number: int, keep_clipped: bool = False
               ) -> CharTable:
    """The characters of a pdfium text page (``raw``: its FPDF_TEXTPAGE); pdfium's generated
    spaces and line breaks are left out, as pdfminer has none, and so is text a clip path
    hides (unless ``keep_clipped``)."""
    page = ctypes.cast(raw, ctypes.c_void_p).value or 0
    text_page = pointer_argument(page)  # for the functions declared without argument types
    count = pdfium_c.FPDFText_CountChars(raw)
    codes = _codes(page, count) if count > 0 else np.zeros(0, dtype=np.int64)
    keep = codes <= 0x10FFFF
    for code in _NOT_LISTED:
        keep &= codes != code
    spaces = np.flatnonzero(codes == _SPACE)
    if len(spaces) and _GENERATED_LOOP is not None:
        generated = np.zeros(len(spaces), dtype=np.int32)
        indices = np.ascontiguousarray(spaces, dtype=np.int64)  # the loop reads int64_t
        _GENERATED_LOOP(page, indices.ctypes.data, len(indices), _is_generated_at,
                        generated.ctypes.data)
        keep[spaces[generated == 1]] = False
    elif len(spaces):
        generated = np.fromiter(map(_is_generated, itertools.repeat(text_page, len(spaces)),
                                    spaces.tolist()), dtype=np.int64, count=len(spaces))
        keep[spaces[generated == 1]] = False
    index = np.flatnonzero(keep)
    codes = codes[index]
    texts = code_texts(codes)
    for j in np.flatnonzero(codes == _HYPHEN_MARK).tolist():
        if _is_hyphen(page, int(index[j])) == 1:
            texts[j] = "-"
    positions = index.tolist()
    if _CHAR_LOOP is not None:
        keys, points, loose = char_calls_in_c(page, index)
    else:
        keys, points, loose = char_calls_in_python(text_page, positions)
    runs, run_of = _runs(raw, keys, positions, transform)
    boxes = loose.astype(np.float64)
    shown = None if keep_clipped else _shown(raw, positions, run_of, runs)
    if shown is not None:
        codes, points, boxes, run_of = codes[shown], points[shown], boxes[shown], run_of[shown]
        texts = [texts[j] for j in shown.tolist()]
    columns = char_boxes(codes, run_of, runs, points, boxes, transform)
    return join_ligatures(texts, *columns, run_of, runs, number, transform.height)


@functools.cache
def c_library() -> Any:
    """The C loops' library built with the package (setup.py builds
    extractors/pdfium_loops.c), or None where it was not built (no compiler)."""
    here = Path(__file__).parent
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = here / f"_pdfium_loops{suffix}"
        if path.is_file():
            try:
                return ctypes.CDLL(str(path))
            except OSError:
                return None
    return None


def c_loop(name: str, argtypes: list[Any]) -> Any:
    """The C library's function ``name`` declared with ``argtypes`` (returning nothing), or
    None where the library was not built."""
    library = c_library()
    function = getattr(library, name, None) if library is not None else None
    if function is not None:
        function.restype = None
        function.argtypes = argtypes
    return function


_CHAR_LOOP = c_loop("char_positions", [_VOID, _VOID, ctypes.c_int64, *[_VOID] * 6])
_OBJECT_LOOP = c_loop("text_object_properties",
                      [_VOID, _VOID, _VOID, ctypes.c_int64, *[_VOID] * 13])
_GENERATED_LOOP = c_loop("chars_generated", [_VOID, _VOID, ctypes.c_int64, _VOID, _VOID])
_WIDTH_LOOP = c_loop("glyph_widths", [_VOID, _VOID, _VOID, ctypes.c_int64, _VOID, _VOID, _VOID])
_is_generated_at = function_address("FPDFText_IsGenerated")
_glyph_width_at = function_address("FPDFFont_GetGlyphWidth")
# Asked once per text object by the C loop, as by the Python one.
_OBJECT_FUNCTIONS = tuple(function_address(name) for name in (
    "FPDFText_GetMatrix", "FPDFText_GetFillColor", "FPDFText_GetFontSize", "FPDFTextObj_GetFont",
    "FPDFPageObj_GetClipPath", "FPDFClipPath_CountPaths"))
# The per-character functions' addresses, handed to the C loop, which calls them for every
# character of a page (the same functions, with the same arguments, as the Python loops).
_CHAR_FUNCTIONS = tuple(function_address(name) for name in (
    "FPDFText_GetTextObject", "FPDFText_GetCharOrigin", "FPDFText_GetLooseCharBox"))


def char_calls_in_c(page: int, index: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each character's text object (uint64 handle), origin ((n, 2) float64, PDF space) and
    loose box ((n, 4) float32: left, top, right, bottom) for the characters at ``index`` of
    text page ``page`` (its address), in one C loop; a call pdfium refuses leaves 0."""
    assert _CHAR_LOOP is not None
    index = np.ascontiguousarray(index, dtype=np.int64)
    n = len(index)
    keys = np.zeros(n, dtype=np.uint64)
    origins = np.zeros((n, 2), dtype=np.float64)
    loose = np.zeros((n, 4), dtype=np.float32)
    _CHAR_LOOP(page, index.ctypes.data, n, *_CHAR_FUNCTIONS, keys.ctypes.data,
               origins.ctypes.data, loose.ctypes.data)
    return keys, origins, loose


def char_calls_in_python(text_page: Any, positions: list[int]
                         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``char_calls_in_c`` through ctypes, where the C loop was not built (``text_page``:
    the text page's ``pointer_argument``)."""
    n = len(positions)
    keys = np.fromiter(map(_text_object, itertools.repeat(text_page, n), positions),
                       dtype=np.uint64, count=n)
    origins, loose = _positions(text_page, positions)
    return keys, origins, loose


# Characters read per C loop of origin and loose-box calls: the calls' output pointers are
# made once per thread, for this many characters, and reused on every page.
POSITIONS_CHUNK = 4096


class _PositionBuffers(threading.local):
    """Where pdfium writes the characters' origins and loose boxes, with an argument object
    for each character's slot made once (making them per character cost as much as the
    calls themselves). One set per thread, so that two threads never share a slot."""

    def __init__(self) -> None:
        self.origins = np.zeros(2 * POSITIONS_CHUNK, dtype=np.float64)  # x, y per char
        self.loose = np.zeros(4 * POSITIONS_CHUNK, dtype=np.float32)  # FS_RECTF per char
        origins = (ctypes.c_double * len(self.origins)).from_buffer(self.origins)
        loose = (ctypes.c_float * len(self.loose)).from_buffer(self.loose)
        self.x = [ctypes.byref(origins, 16 * k) for k in range(POSITIONS_CHUNK)]
        self.y = [ctypes.byref(origins, 16 * k + 8) for k in range(POSITIONS_CHUNK)]
        self.box = [ctypes.byref(loose, 16 * k) for k in range(POSITIONS_CHUNK)]


_BUFFERS = _PositionBuffers()


def _positions(text_page: Any, positions: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The characters' origins ((n, 2) float64, PDF space) and loose boxes ((n, 4) float32:
    left, top, right, bottom); a call pdfium refuses leaves its slot 0."""
    n = len(positions)
    origins = np.empty((n, 2), dtype=np.float64)
    loose = np.empty((n, 4), dtype=np.float32)
    out = _BUFFERS
    for start in range(0, n, POSITIONS_CHUNK):
        part = positions[start:start + POSITIONS_CHUNK]
        k = len(part)
        out.origins[:2 * k] = 0
        out.loose[:4 * k] = 0
        consume(map(_origin, itertools.repeat(text_page, k), part, out.x[:k], out.y[:k]))
        consume(map(_loose_box, itertools.repeat(text_page, k), part, out.box[:k]))
        origins[start:start + k] = out.origins[:2 * k].reshape(-1, 2)
        loose[start:start + k] = out.loose[:4 * k].reshape(-1, 4)
    return origins, loose


def _runs(raw: Any, keys: np.ndarray, positions: list[int], transform: PageTransform
          ) -> tuple[list[Run], np.ndarray]:
    """The distinct runs of the page's text objects, and each character's run (index into
    them)."""
    if not len(keys):
        return [], np.zeros(0, dtype=np.int64)
    objects = keys
    # An object's characters come in stretches: the distinct objects are found among the
    # stretches' first characters (a value's first occurrence always starts a stretch).
    heads = np.flatnonzero(np.concatenate(([True], objects[1:] != objects[:-1])))
    unique, first, head_run = np.unique(objects[heads], return_index=True,
                                        return_inverse=True)
    run_of = np.repeat(head_run.reshape(-1), np.diff(np.append(heads, len(keys))))
    at = [positions[j] for j in heads[first].tolist()]
    of_object = _RunReader(raw, transform).runs(at, unique.tolist())
    # A page's ~100 text objects share a few runs (the same Run objects): each run listed
    # once, so what is worked out per run afterwards is worked out a few times a page.
    slot: dict[int, int] = {}
    slot_of_object = [slot.setdefault(id(run), len(slot)) for run in of_object]
    runs = list({id(run): run for run in of_object}.values())
    return runs, np.array(slot_of_object, dtype=np.int64)[run_of]


def _shown(raw: Any, positions: list[int], run_of: np.ndarray, runs: list[Run]
           ) -> np.ndarray | None:
    """Indices of the characters the page shows, or None when no clip path hides any: a
    character of a clipped text object whose ink box's centre the clip leaves out is hidden
    (judged on the ink box, as a font-size box reaches above a lower-case letter into the
    visible part)."""
    clipped = [i for i, run in enumerate(runs) if run.clip is not None]
    if not clipped:
        return None
    ink = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
    hidden = []
    for j in np.flatnonzero(np.isin(run_of, clipped)).tolist():
        if pdfium_c.FPDFText_GetCharBox(raw, positions[j], *ink):
            left, right, bottom, top = (v.value for v in ink)
            if runs[int(run_of[j])].hides(left, bottom, right, top):
                hidden.append(j)
    if not hidden:
        return None
    keep = np.ones(len(positions), dtype=bool)
    keep[hidden] = False
    return np.flatnonzero(keep)


def _clip_box(clip: int) -> tuple[float, float, float, float] | None:
    """The box a clip path (``clip``: its handle, 0 for none) leaves open, PDF space (the
    intersection of its paths' boxes), or None when nothing clips."""
    paths = _clip_count_paths(clip) if clip else 0
    if paths <= 0:  # most text objects' clip: a handle holding no path
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
    box: list[float] | None = None
    for path in range(paths):
        xs, ys = [], []
        for index in range(_clip_count_segments(clip, path)):
            segment = _clip_segment(clip, path, index)
            if segment and _segment_point(segment, at_x, at_y):
                xs.append(x.value)
                ys.append(y.value)
        if not xs:
            continue
        own = [min(xs), min(ys), max(xs), max(ys)]
        box = own if box is None else [max(box[0], own[0]), max(box[1], own[1]),
                                       min(box[2], own[2]), min(box[3], own[3])]
    return None if box is None else (box[0], box[1], box[2], box[3])


def object_properties_in_c(page: int, indices: list[int], objects: list[int]) -> tuple[
        np.ndarray, np.ndarray, list[int], list[float], list[int],
        list[tuple[float, float, float, float] | None]]:
    """What the text objects ``objects`` (addresses, 0 for none) share, each read at its
    char of ``indices`` on text page ``page`` (its address), in one C loop: the text
    matrices ((m, 6) float32), fill colours ((m, 4) uint32) and whether pdfium gave each,
    font sizes, font handles and the boxes their clip paths leave open. What pdfium cannot
    give reads as 0, never as another object's."""
    assert _OBJECT_LOOP is not None
    m = len(objects)
    at = np.array(indices, dtype=np.int64)
    handles = np.array(objects, dtype=np.uint64)
    matrices = np.zeros((m, 6), dtype=np.float32)  # FS_MATRIX: a, b, c, d, e, f
    colours = np.zeros((m, 4), dtype=np.uint32)  # r, g, b, a
    coloured = np.zeros(m, dtype=np.int32)
    sizes = np.zeros(m, dtype=np.float64)
    fonts = np.zeros(m, dtype=np.uint64)
    clip_handles = np.zeros(m, dtype=np.uint64)
    clip_paths = np.zeros(m, dtype=np.int32)
    _OBJECT_LOOP(page, at.ctypes.data, handles.ctypes.data, m, *_OBJECT_FUNCTIONS,
                 *(a.ctypes.data for a in (matrices, colours, coloured, sizes, fonts,
                                           clip_handles, clip_paths)))
    clips: list[tuple[float, float, float, float] | None] = [None] * m
    for i in np.flatnonzero(clip_paths > 0).tolist():  # most objects: a clip of no path
        clips[i] = _clip_box(int(clip_handles[i]))
    return matrices, colours, coloured.tolist(), sizes.tolist(), fonts.tolist(), clips


def object_properties_in_python(page: int, indices: list[int], objects: list[int]) -> tuple[
        np.ndarray, np.ndarray, list[int], list[float], list[int],
        list[tuple[float, float, float, float] | None]]:
    """``object_properties_in_c`` through ctypes, where the C loop was not built."""
    m = len(objects)
    text_page = pointer_argument(page)
    matrices = np.zeros((m, 6), dtype=np.float32)  # FS_MATRIX: a, b, c, d, e, f
    slots = (ctypes.c_float * (6 * m)).from_buffer(matrices)
    consume(map(_char_matrix, itertools.repeat(text_page, m), indices,
                map(ctypes.byref, itertools.repeat(slots, m), range(0, 24 * m, 24))))
    colours = np.zeros((m, 4), dtype=np.uint32)  # r, g, b, a
    rgba = (ctypes.c_uint * (4 * m)).from_buffer(colours)
    coloured = list(map(_fill_colour, itertools.repeat(text_page, m), indices, *(
        map(ctypes.byref, itertools.repeat(rgba, m), range(4 * k, 16 * m, 16))
        for k in range(4))))
    sizes = list(map(_font_size, itertools.repeat(text_page, m), indices))
    handles = [pointer_argument(obj) if obj else None for obj in objects]
    fonts = [_text_font(obj) if obj else 0 for obj in handles]
    clips = [_clip_box(_clip_path(obj)) if obj else None for obj in handles]
    return matrices, colours, coloured, sizes, fonts, clips


class _RunReader:
    """Reads the text objects' shared properties, each through a character of it, a page's
    objects at a time (C loops); a font's name and descent once per font, and one ``Run``
    per distinct set of properties (a page's ~100 text objects share a few fonts, sizes
    and colours)."""

    def __init__(self, raw: Any, transform: PageTransform):
        self.page = ctypes.cast(raw, ctypes.c_void_p).value or 0
        self.transform = transform
        self.fonts: dict[int, tuple[str, float]] = {}
        self.known: dict[tuple, Run] = {}

    def runs(self, indices: list[int], objects: list[int]) -> list[Run]:
        """The runs of text objects ``objects`` (their addresses; 0 for none), each read at
        its char of ``indices``."""
        properties = (object_properties_in_c if _OBJECT_LOOP is not None
                      else object_properties_in_python)
        matrices, colours, coloured, sizes, fonts, clips = properties(self.page, indices,
                                                                      objects)
        return [self._run(*row) for row in zip(
            indices, fonts, matrices[:, :4].tolist(), sizes, coloured,
            colours[:, :3].tolist(), clips, strict=True)]

    def _run(self, index: int, font: int, matrix: list[float], size: float, coloured: int,
             colour: list[int], clip: tuple[float, float, float, float] | None) -> Run:
        a, b, c, d = matrix
        # Everything the Run holds follows from these (the font's name from its handle),
        # so equal keys give equal Runs; without a font handle the name is the char's own.
        key = (font, a, b, c, d, size, tuple(colour) if coloured else None, clip)
        known = self.known.get(key) if font else None
        if known is not None:
            return known
        named = self.fonts.get(font) if font else None
        if named is None:
            named = _font(self.page, index, font)
            if font:
                self.fonts[font] = named
        fontname, descent = named
        char_matrix = multiply((a, b, c, d, 0.0, 0.0), self.transform.matrix)
        pa, pb, pc, pd = char_matrix[:4]
        fill = tuple(v / 255 for v in colour) if coloured else _BLACK
        made = Run(fontname, descent, font, size, a, b, c, d, char_matrix,
                   bool(pa * pd > 0 and pb * pc <= 0), fill, clip)
        if font:
            self.known[key] = made
        return made


def _font(page: int, index: int, font: int) -> tuple[str, float]:
    """(base font name, descent per unit of font size) of the character's font."""
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    length = _font_info(page, index, ctypes.addressof(buffer), len(buffer),
                        ctypes.addressof(flags))
    name = buffer.value.decode("utf-8", "replace") if length else ""
    descent = ctypes.c_float()
    if not font or not _font_descent(font, 1000.0, ctypes.addressof(descent)):
        return name, 0.0
    return name, min(0.0, descent.value / 1000)


def _widths_in_c(pairs: np.ndarray, groups: list[tuple], widths: np.ndarray) -> None:
    """``_advances``' lookups in one C loop: for each (group, code) pair (``group *
    0x110000 + code``; ``groups``: (font, size, scale) by number), the glyph's advance
    times the scale into ``widths`` where the font gives one, as the Python loop does."""
    fonts = np.array([font for font, _, _ in groups], dtype=np.uint64)
    with np.errstate(over="ignore", invalid="ignore"):  # as ctypes' c_float conversion
        sizes = np.array([size for _, size, _ in groups], dtype=np.float64).astype(np.float32)
    scales = np.array([scale for _, _, scale in groups], dtype=np.float64)
    group, code = np.divmod(pairs, 0x110000)
    # code not in _NO_WIDTH_LOOKUP, as a range test (np.isin sorts).
    no_lookup = (code == _HYPHEN_MARK) | ((code >= 0xFB00) & (code <= 0xFB06))
    at = np.flatnonzero((fonts[group] != 0) & ~no_lookup)
    if not len(at):
        return
    of = group[at]
    asked_fonts, asked_sizes = fonts[of], sizes[of]
    asked_codes = code[at].astype(np.uint32)
    advances = np.zeros(len(at), dtype=np.float32)
    given = np.zeros(len(at), dtype=np.int32)
    _WIDTH_LOOP(asked_fonts.ctypes.data, asked_codes.ctypes.data, asked_sizes.ctypes.data,
                len(at), _glyph_width_at, advances.ctypes.data, given.ctypes.data)
    found = given != 0
    widths[at[found]] = advances[found].astype(np.float64) * scales[of[found]]


def _advances(codes: np.ndarray, run_of: np.ndarray, runs: list[Run]) -> np.ndarray:
    """Each character's advance in PDF space from its font's widths (NaN where unknown),
    looked up once per font, size, scale and code (a page's text objects share a few
    fonts)."""
    groups: dict[tuple, int] = {}
    group_of_run = np.array([groups.setdefault((r.font, r.size, r.a), len(groups))
                             for r in runs], dtype=np.int64)
    font_of_group = {slot: key for key, slot in groups.items()}
    pairs = group_of_run[run_of] * 0x110000 + codes
    unique, inverse = np.unique(pairs, return_inverse=True)
    widths = np.full(len(unique), np.nan)
    if _WIDTH_LOOP is not None:
        _widths_in_c(unique, list(groups), widths)
        return widths[inverse.reshape(-1)]
    advance = ctypes.c_float()
    out = ctypes.addressof(advance)
    for slot, pair in enumerate(unique.tolist()):
        group, code = divmod(pair, 0x110000)
        font, size, scale = font_of_group[group]
        if font and code not in _NO_WIDTH_LOOKUP and _glyph_width(font, code, size, out):
            widths[slot] = advance.value * scale
    return widths[inverse.reshape(-1)]


def char_boxes(codes: np.ndarray, run_of: np.ndarray, runs: list[Run], origins: np.ndarray,
               loose: np.ndarray, transform: PageTransform) -> tuple[np.ndarray, ...]:
    """The characters' boxes in page space (x0, top, x1, bottom) and sizes, as pdfminer
    draws them.

    pdfminer's box of an upright character: one font size high from the baseline plus the
    font's descent (the font descriptor's for pdfminer, the font program's here: see
    scripts/compare_pdf_sources.py), from the origin to the advance — the font's width for
    the code, unless that is far from the loose box's (the loose box can be the glyph's
    outline, an "f" reaching over the next letter). Other characters take the loose box.
    """
    left, top, right, bottom = loose[:, 0], loose[:, 1], loose[:, 2], loose[:, 3]
    if not runs:
        empty = np.zeros(0)
        return empty, empty, empty, empty, empty, np.zeros(0, dtype=bool)
    # Each char's run's properties, gathered once for all of them.
    size, d, descent = np.array([(r.size, r.d, r.descent) for r in runs],
                                dtype=np.float64)[run_of].T
    aligned, upright = np.array([(r.axis_aligned, r.upright) for r in runs],
                                dtype=bool)[run_of].T
    ox, oy = origins[:, 0], origins[:, 1]
    height = size * d
    y0 = oy + descent * height
    y1 = y0 + height
    width = _advances(codes, run_of, runs)
    span = right - ox
    with np.errstate(invalid="ignore"):
        use_width = (0.5 * span <= width) & (width <= 1.5 * span)
    x1 = np.where(use_width, ox + width, right)
    px0 = np.where(aligned, ox, left)
    py0 = np.where(aligned, y0, bottom)
    px1 = np.where(aligned, x1, right)
    py1 = np.where(aligned, y1, top)
    bx0, btop, bx1, bbottom = transform.boxes(px0, py0, px1, py1)
    sizes = np.where(upright, bbottom - btop, bx1 - bx0)
    return bx0, btop, bx1, bbottom, sizes, upright


def join_ligatures(texts: list[str], x0: np.ndarray, top: np.ndarray, x1: np.ndarray,
                   bottom: np.ndarray, size: np.ndarray, upright: np.ndarray,
                   run_of: np.ndarray, runs: list[Run], number: int,
                   page_height: float) -> CharTable:
    """One char per glyph, as pdfminer lists them: pdfium gives each character a ligature
    glyph stands for ("ffi") the glyph's origin and the advance of a lone "f", which opens
    a gap before the next letter that splits the word ("Offi cer"). The glyph's characters
    become one char reaching to where the next glyph starts."""
    n = len(texts)
    if n < 2:
        return CharTable(texts, x0, top, x1, bottom, size, upright, run_of, runs, number,
                         page_height)
    # Each run's font name as a number (equal names, equal numbers), compared as ints.
    names: dict[str, int] = {}
    fonts = np.array([names.setdefault(r.fontname, len(names)) for r in runs],
                     dtype=np.int64)[run_of]
    same = np.zeros(n, dtype=bool)
    same[1:] = (x0[1:] == x0[:-1]) & (top[1:] == top[:-1]) & (fonts[1:] == fonts[:-1])
    joined = [j for j in np.flatnonzero(same).tolist() if texts[j].strip()]
    if not joined:
        return CharTable(texts, x0, top, x1, bottom, size, upright, run_of, runs, number,
                         page_height)
    x1 = x1.copy()
    texts = list(texts)
    drop = np.zeros(n, dtype=bool)
    head = -1
    for j in joined:
        if not drop[j - 1]:
            head = j - 1
        texts[head] += texts[j]
        drop[j] = True
    heads = sorted({j - 1 for j in joined if not drop[j - 1]})
    for glyph in heads:
        after = glyph + 1
        while after < n and drop[after]:
            after += 1
        if after < n:  # the page's last glyph has nothing after it to reach
            _reach(glyph, after, texts, x0, top, x1, bottom, size)
    keep = np.flatnonzero(~drop)
    return CharTable([texts[j] for j in keep.tolist()], x0[keep], top[keep], x1[keep],
                     bottom[keep], size[keep], upright[keep], run_of[keep], runs, number,
                     page_height)


def _reach(glyph: int, after: int, texts: list[str], x0: np.ndarray, top: np.ndarray,
           x1: np.ndarray, bottom: np.ndarray, size: np.ndarray) -> None:
    """Widen a ligature to the start of the glyph after it on its line."""
    height = float(bottom[glyph] - top[glyph])
    same_line = abs(float(top[after]) - float(top[glyph])) < 0.5 * height
    start, end = float(x0[after]), float(x0[glyph]) + len(texts[glyph]) * float(size[glyph])
    if same_line and float(x1[glyph]) < start < end:
        x1[glyph] = start
