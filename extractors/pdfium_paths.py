"""One page's painted paths from pdfium, as pdfplumber's line, rect and curve dicts.

pdfminer's rules decide which path is a line, a rectangle or a curve (``_shapes``). pdfium
is asked for what a path holds a page at a time: every path object's segments are listed
first, then each segment's point, type and close flag through C loops (``map`` over ctypes
functions on plain addresses), so the Python work per segment is the arithmetic only.
"""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

import numpy as np
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from extractors.pdfium_chars import Matrix, PageTransform, c_function, consume, multiply

# pdfium keeps points as 32-bit floats; rounded to the 4 decimals producers write, they are
# the numbers of the content stream again, as pdfminer reads them (a gap of exactly the snap
# tolerance must not become 2.99998 pt).
POINT_DECIMALS = 4
_SEGMENT_OPS = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l",
                pdfium_c.FPDF_SEGMENT_BEZIERTO: "c"}
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_Op = tuple[str, list[tuple[float, float]]]  # a pdfminer path operator and its points

_VOID, _INT = ctypes.c_void_p, ctypes.c_int
_ADDRESS = ctypes.c_size_t  # a handle as a plain int (0 for NULL)
_count_objects = c_function("FPDFPage_CountObjects", _INT, _VOID)
_page_object = c_function("FPDFPage_GetObject", _ADDRESS, _VOID, _INT)
_object_type = c_function("FPDFPageObj_GetType", _INT, _VOID)
_form_count = c_function("FPDFFormObj_CountObjects", _INT, _VOID)
_form_object = c_function("FPDFFormObj_GetObject", _ADDRESS, _VOID, ctypes.c_ulong)
_object_matrix = c_function("FPDFPageObj_GetMatrix", _INT, _VOID, _VOID)
_draw_mode = c_function("FPDFPath_GetDrawMode", _INT, _VOID, _VOID, _VOID)
_stroke_width = c_function("FPDFPageObj_GetStrokeWidth", _INT, _VOID, _VOID)
_stroke_colour = c_function("FPDFPageObj_GetStrokeColor", _INT, _VOID, _VOID, _VOID, _VOID,
                            _VOID)
_fill_colour = c_function("FPDFPageObj_GetFillColor", _INT, _VOID, _VOID, _VOID, _VOID, _VOID)
_count_segments = c_function("FPDFPath_CountSegments", _INT, _VOID)
_segment = c_function("FPDFPath_GetPathSegment", _ADDRESS, _VOID, _INT)
_segment_point = c_function("FPDFPathSegment_GetPoint", _INT, _VOID, _VOID, _VOID)
_segment_type = c_function("FPDFPathSegment_GetType", _INT, _VOID)
_segment_close = c_function("FPDFPathSegment_GetClose", _INT, _VOID)


def read_paths(page: Any, transform: PageTransform, number: int) -> dict[str, list[dict[str, Any]]]:
    """The page's painted paths (``page``: a pypdfium2 page) as pdfplumber's lines, rects and
    curves, in content order."""
    found: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    reader = _AttrReader(number)
    painted: list[tuple[int, Matrix, dict[str, Any]]] = []
    for obj, outer in _path_objects(ctypes.cast(page.raw, ctypes.c_void_p).value or 0):
        attrs = reader.attrs(obj)
        if attrs is not None:
            painted.append((obj, outer, attrs))
    if not painted:
        return found
    objects = [obj for obj, _, _ in painted]
    counts = list(map(_count_segments, objects))
    owners = list(itertools.chain.from_iterable(
        itertools.repeat(obj, max(n, 0)) for obj, n in zip(objects, counts, strict=True)))
    indices = list(itertools.chain.from_iterable(range(n) for n in counts))
    segments = list(map(_segment, owners, indices))
    total = len(segments)
    # A segment pdfium cannot give is NULL: its type is then unknown and it is skipped.
    xy = np.zeros(2 * total, dtype=np.float32)
    start = xy.ctypes.data
    consume(map(_segment_point, segments, range(start, start + 8 * total, 8),
                          range(start + 4, start + 8 * total + 4, 8)))
    points = xy.tolist()
    ops = [_SEGMENT_OPS.get(kind) for kind in map(_segment_type, segments)]
    closes = list(map(_segment_close, segments))
    matrix = (ctypes.c_float * 6)()
    at = 0
    for (obj, outer, attrs), n in zip(painted, counts, strict=True):
        ctypes.memset(matrix, 0, ctypes.sizeof(matrix))  # a matrix pdfium cannot give is 0
        _object_matrix(obj, ctypes.addressof(matrix))
        to_page = multiply(tuple(matrix), outer)
        end = at + max(n, 0)
        path = _path_ops(to_page, points, ops, closes, at, end)
        at = end
        subpath: list[_Op] = []
        for op in path:
            if op[0] == "m" and subpath:
                _shape(subpath, attrs, transform, found)
                subpath = []
            subpath.append(op)
        if subpath:
            _shape(subpath, attrs, transform, found)
    return found


def _path_objects(page: int) -> list[tuple[int, Matrix]]:
    """The page's path objects, form objects' included, each with the matrix of the forms
    around it, in content order."""
    count = _count_objects(page)
    top = list(map(_page_object, itertools.repeat(page, count), range(count)))
    kinds = list(map(_object_type, top))
    if pdfium_c.FPDF_PAGEOBJ_FORM not in kinds:  # the common case: no form objects
        return [(obj, _IDENTITY) for obj, kind in zip(top, kinds, strict=True)
                if kind == pdfium_c.FPDF_PAGEOBJ_PATH]
    found: list[tuple[int, Matrix]] = []
    stack = [(obj, _IDENTITY) for obj in reversed(top)]
    matrix = (ctypes.c_float * 6)()
    while stack:
        obj, outer = stack.pop()
        kind = _object_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            _object_matrix(obj, ctypes.addressof(matrix))
            inner = multiply(tuple(matrix), outer)
            children = [(_form_object(obj, i), inner) for i in range(_form_count(obj))]
            stack.extend(reversed(children))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            found.append((obj, outer))
    return found


class _AttrReader:
    """What pdfplumber records of how a path is painted, through buffers made once a page."""

    def __init__(self, number: int):
        self.number = number
        self.modes = (ctypes.c_int * 2)()  # fill mode, stroke
        self.width = ctypes.c_float()
        self.rgba = (ctypes.c_uint * 4)()
        self.rgba_at = [ctypes.addressof(self.rgba) + 4 * k for k in range(4)]

    def attrs(self, obj: int) -> dict[str, Any] | None:
        """The path's paint attributes; None for a path painted not at all."""
        modes, width = self.modes, self.width
        # What pdfium cannot give reads as 0 (no fill, no stroke, no width), never as the
        # previous path's.
        modes[0] = modes[1] = 0
        width.value = 0.0
        _draw_mode(obj, ctypes.addressof(modes), ctypes.addressof(modes) + 4)
        fill_mode, stroke = modes[0], modes[1]
        fill = fill_mode != pdfium_c.FPDF_FILLMODE_NONE
        if not (fill or stroke):
            return None
        _stroke_width(obj, ctypes.addressof(width))
        return {
            "page_number": self.number, "stroke": bool(stroke), "fill": fill,
            "evenodd": fill_mode == pdfium_c.FPDF_FILLMODE_ALTERNATE,
            "linewidth": float(width.value),
            "stroking_color": self._colour(_stroke_colour, obj),
            "non_stroking_color": self._colour(_fill_colour, obj),
            "dash": None,
        }

    def _colour(self, getter: Any, obj: int) -> tuple[float, ...] | None:
        if not getter(obj, *self.rgba_at):
            return None
        rgba = self.rgba
        return (rgba[0] / 255, rgba[1] / 255, rgba[2] / 255)


def _path_ops(to_page: Matrix, points: list[float], ops: list[str | None], closes: list[int],
              start: int, end: int) -> list[_Op]:
    """One path's segments (``start:end`` of the page's) as pdfminer's operators ("m", "l",
    "c", "h") with their points, in the page space before the y flip."""
    path: list[_Op] = []
    pending: list[tuple[float, float]] = []
    a, b, cc, d, e, f = to_page
    for k in range(start, end):
        op = ops[k]
        if op is None:
            continue
        px = round(points[2 * k], POINT_DECIMALS)
        py = round(points[2 * k + 1], POINT_DECIMALS)
        point = (a * px + cc * py + e, b * px + d * py + f)
        if op == "c":
            pending.append(point)
            if len(pending) == 3:  # pdfium lists a Bézier as three points
                path.append(("c", pending))
                pending = []
        else:
            path.append((op, [point]))
        if closes[k]:
            path.append(("h", []))
    return path


def _shape(path: list[_Op], attrs: dict[str, Any], transform: PageTransform,
           found: dict[str, list[dict[str, Any]]]) -> None:
    """One subpath → a pdfplumber object (by pdfminer's converter.paint_path): one segment
    is a line; a closed axis-aligned four-sided subpath is a rect; anything else a curve."""
    shape = "".join([op for op, _ in path])
    if shape[:1] != "m" or len(path) < 2:
        return
    first = path[0][1][-1]
    pts = [pts[-1] if op != "h" else first for op, pts in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    # transform.point, written out: the same float operations, so the same numbers.
    ma, mb, mc, md, me, mf = transform.matrix
    dx, height, dtop = transform.dx, transform.height, transform.dtop
    page_pts = [((ma * x + mc * y + me) + dx, height - (mb * x + md * y + mf) + dtop)
                for x, y in pts]
    xs = [p[0] for p in page_pts]
    tops = [p[1] for p in page_pts]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    kind = "curve"
    if shape in ("mlh", "ml"):
        kind = "line"
    elif shape in ("mlllh", "mllll"):
        (px0, py0), (px1, py1), (px2, py2), (px3, py3), _ = pts
        square = ((px0 == px1 and py1 == py2 and px2 == px3 and py3 == py0)
                  or (py0 == py1 and px1 == px2 and py2 == py3 and px3 == px0))
        if pts[0] == pts[4] and square:
            kind = "rect"
            page_pts = page_pts[:4]  # pdfminer lists a rectangle's four corners
    found[kind].append({
        **attrs, "object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "doctop": top, "y0": height - bottom, "y1": height - top,
        "width": x1 - x0, "height": bottom - top,
        "pts": page_pts,
    })
