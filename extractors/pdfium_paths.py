"""One page's painted paths from pdfium, as pdfplumber's line, rect and curve dicts.

pdfminer's rules decide which path is a line, a rectangle or a curve (``_shapes``). pdfium
is asked for what a path holds a page at a time: the page's objects, the paths' paint, and
every segment's point, type and close flag, each in a C loop of extractors/pdfium_loops.c
(built with the package; where it was not, ``map`` over ctypes functions on plain addresses
makes the same calls), so the Python work per segment is the arithmetic only.
"""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

import numpy as np
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from extractors.pdfium_chars import (
    Matrix,
    PageTransform,
    c_function,
    c_library,
    c_loop,
    consume,
    function_address,
    multiply,
)

# pdfium keeps points as 32-bit floats; rounded to the 4 decimals producers write, they are
# the numbers of the content stream again, as pdfminer reads them (a gap of exactly the snap
# tolerance must not become 2.99998 pt).
POINT_DECIMALS = 4
_SEGMENT_OPS = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l",
                pdfium_c.FPDF_SEGMENT_BEZIERTO: "c"}
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_Op = tuple[str, list[int]]  # a pdfminer path operator, the segments of its points

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


def _load_loops() -> Any:
    """The C library's path loops (setup.py builds extractors/pdfium_loops.c), each declared,
    or None where it was not built."""
    count, address = ctypes.c_int64, _VOID
    declared = {
        "page_objects": [address, count, *[address] * 4],
        "path_draw_modes": [address, count, address, address],
        "path_paint": [address, count, *[address] * 8],
        "object_matrices": [address, count, address, address],
        "path_segment_counts": [address, count, address, address],
        "path_segments": [address, address, count, *[address] * 7],
    }
    loops = [c_loop(name, argtypes) for name, argtypes in declared.items()]
    return c_library() if all(loop is not None for loop in loops) else None


_LOOPS = _load_loops()
# pdfium's functions as the C loops take them: their addresses.
_page_object_at = function_address("FPDFPage_GetObject")
_object_type_at = function_address("FPDFPageObj_GetType")
_draw_mode_at = function_address("FPDFPath_GetDrawMode")
_object_matrix_at = function_address("FPDFPageObj_GetMatrix")
_PAINT_AT = tuple(function_address(name) for name in (
    "FPDFPageObj_GetStrokeWidth", "FPDFPageObj_GetStrokeColor", "FPDFPageObj_GetFillColor"))
_count_segments_at = function_address("FPDFPath_CountSegments")
_SEGMENT_AT = tuple(function_address(name) for name in (
    "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType",
    "FPDFPathSegment_GetClose"))


def _addresses(objects: list[int]) -> Any:
    """The objects' handles as a C array of uint64 the loops read."""
    return (ctypes.c_uint64 * len(objects))(*objects)


def read_paths(page: Any, transform: PageTransform, number: int) -> dict[str, list[dict[str, Any]]]:
    """The page's painted paths (``page``: a pypdfium2 page) as pdfplumber's lines, rects and
    curves, in content order."""
    found: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    paths = _path_objects(ctypes.cast(page.raw, ctypes.c_void_p).value or 0)
    painted = [(obj, outer, attrs) for (obj, outer), attrs in zip(
        paths, _paint_attrs([obj for obj, _ in paths], number), strict=True)
        if attrs is not None]
    if not painted:
        return found
    objects = [obj for obj, _, _ in painted]
    counts, xy, kinds, closes = (segments_in_c if _LOOPS else segments_in_python)(objects)
    # A segment pdfium cannot give is NULL: its type is then unknown and it is skipped.
    ops = [_SEGMENT_OPS.get(kind) for kind in kinds]
    # Each coordinate rounded by Python's round (numpy's rounds differently in the last
    # bit), once per distinct float (by its bits, so -0.0 stays -0.0): a page's paths share
    # most of their coordinates.
    distinct, inverse = np.unique(xy.view(np.uint32), return_inverse=True)
    rounded = np.array([round(v, POINT_DECIMALS) for v in distinct.view(np.float32).tolist()],
                       dtype=np.float64)[inverse.reshape(-1)]
    matrices = np.zeros((len(painted), 6), dtype=np.float32)  # a matrix pdfium cannot give is 0
    at = matrices.ctypes.data
    if _LOOPS:
        _LOOPS.object_matrices(_addresses(objects), len(objects), _object_matrix_at, at)
    else:
        consume(map(_object_matrix, objects, range(at, at + 24 * len(painted), 24)))
    to_page = [multiply((ma, mb, mc, md, me, mf), outer)
               for (ma, mb, mc, md, me, mf), (_, outer, _) in zip(
                   matrices.tolist(), painted, strict=True)]
    # Every point through its path's matrix, then the page's transform: the same float
    # operations, in the same order, as per point before, so the same numbers.
    a, b, c, d, e, f = np.repeat(np.array(to_page, dtype=np.float64).reshape(-1, 6),
                                 [max(n, 0) for n in counts], axis=0).T
    px, py = rounded[0::2], rounded[1::2]
    x, y = a * px + c * py + e, b * px + d * py + f
    ma, mb, mc, md, me, mf = transform.matrix
    page_x = (ma * x + mc * y + me) + transform.dx
    page_top = transform.height - (mb * x + md * y + mf) + transform.dtop
    points = list(zip(x.tolist(), y.tolist(), strict=True))
    page_points = list(zip(page_x.tolist(), page_top.tolist(), strict=True))
    at = 0
    for (_, _, attrs), n in zip(painted, counts, strict=True):
        end = at + max(n, 0)
        path = _path_ops(ops, closes, at, end)
        at = end
        subpath: list[_Op] = []
        for op in path:
            if op[0] == "m" and subpath:
                _shape(subpath, points, page_points, attrs, transform.height, found)
                subpath = []
            subpath.append(op)
        if subpath:
            _shape(subpath, points, page_points, attrs, transform.height, found)
    return found


def _path_objects(page: int) -> list[tuple[int, Matrix]]:
    """The page's path objects, form objects' included, each with the matrix of the forms
    around it, in content order."""
    count = _count_objects(page)
    if _LOOPS and count > 0:
        found_top = np.zeros(count, dtype=np.uint64)
        found_kinds = np.zeros(count, dtype=np.int32)
        _LOOPS.page_objects(page, count, _page_object_at, _object_type_at,
                            found_top.ctypes.data, found_kinds.ctypes.data)
        top, kinds = found_top.tolist(), found_kinds.tolist()
    else:
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


def _paint_attrs(objects: list[int], number: int) -> list[dict[str, Any] | None]:
    """What pdfplumber records of how each path is painted (None for a path painted not at
    all), asked of pdfium in C loops. What pdfium cannot give reads as 0 (no fill, no
    stroke, no width, no colour), never as another path's."""
    m = len(objects)
    modes = np.zeros((m, 2), dtype=np.int32)  # fill mode, stroke
    at = modes.ctypes.data
    if _LOOPS:
        _LOOPS.path_draw_modes(_addresses(objects), m, _draw_mode_at, at)
    else:
        consume(map(_draw_mode, objects, range(at, at + 8 * m, 8),
                    range(at + 4, at + 8 * m, 8)))
    out: list[dict[str, Any] | None] = [None] * m
    shown = [k for k, (fill_mode, stroke) in enumerate(modes.tolist())
             if fill_mode != pdfium_c.FPDF_FILLMODE_NONE or stroke]
    if not shown:
        return out
    painted = [objects[k] for k in shown]
    n = len(painted)
    widths = np.zeros(n, dtype=np.float32)
    if _LOOPS:
        strokes, fills = _paint_in_c(painted, widths)
    else:
        at = widths.ctypes.data
        consume(map(_stroke_width, painted, range(at, at + 4 * n, 4)))
        strokes, fills = _colours(_stroke_colour, painted), _colours(_fill_colour, painted)
    for k, (fill_mode, stroke), width, stroking, filling in zip(
            shown, modes[shown].tolist(), widths.tolist(), strokes, fills, strict=True):
        out[k] = {
            "page_number": number, "stroke": bool(stroke),
            "fill": fill_mode != pdfium_c.FPDF_FILLMODE_NONE,
            "evenodd": fill_mode == pdfium_c.FPDF_FILLMODE_ALTERNATE,
            "linewidth": width, "stroking_color": stroking, "non_stroking_color": filling,
            "dash": None,
        }
    return out


def _paint_in_c(paths: list[int], widths: np.ndarray
                ) -> tuple[list[tuple[float, ...] | None], list[tuple[float, ...] | None]]:
    """The paths' stroke widths (into ``widths``) and stroke and fill colours as
    ``_colours`` gives them, in one C loop."""
    n = len(paths)
    rgba = np.zeros((2, n, 4), dtype=np.uint32)
    given = np.zeros((2, n), dtype=np.int32)
    _LOOPS.path_paint(_addresses(paths), n, *_PAINT_AT, widths.ctypes.data,
                      rgba[0].ctypes.data, given[0].ctypes.data, rgba[1].ctypes.data,
                      given[1].ctypes.data)
    strokes, fills = (_as_colours(given[k].tolist(), rgba[k].tolist()) for k in range(2))
    return strokes, fills


def _as_colours(given: list[int], rgba: list[list[int]]) -> list[tuple[float, ...] | None]:
    return [(r / 255, g / 255, b / 255) if ok else None
            for ok, (r, g, b, _) in zip(given, rgba, strict=True)]


def _colours(getter: Any, objects: list[int]) -> list[tuple[float, ...] | None]:
    """Each object's colour by ``getter`` as pdfplumber's (r, g, b) in 0-1; None where
    pdfium gives none."""
    n = len(objects)
    rgba = np.zeros((n, 4), dtype=np.uint32)
    at = rgba.ctypes.data
    given = list(map(getter, objects, *(range(at + 4 * k, at + 16 * n, 16) for k in range(4))))
    return _as_colours(given, rgba.tolist())


def segments_in_c(paths: list[int]) -> tuple[list[int], np.ndarray, list[int], list[int]]:
    """Each path's segment count (pdfium's -1 where it cannot tell), and every segment's
    point (x, y pairs, float32; 0 where pdfium gives none), type and close flag, paths in
    order, in C loops."""
    n = len(paths)
    addresses = _addresses(paths)
    counts = np.zeros(n, dtype=np.int32)
    _LOOPS.path_segment_counts(addresses, n, _count_segments_at, counts.ctypes.data)
    total = int(np.maximum(counts, 0).sum())
    xy = np.zeros(2 * total, dtype=np.float32)
    kinds = np.zeros(total, dtype=np.int32)
    closes = np.zeros(total, dtype=np.int32)
    _LOOPS.path_segments(addresses, counts.ctypes.data, n, *_SEGMENT_AT, xy.ctypes.data,
                         kinds.ctypes.data, closes.ctypes.data)
    return counts.tolist(), xy, kinds.tolist(), closes.tolist()


def segments_in_python(paths: list[int]) -> tuple[list[int], np.ndarray, list[int], list[int]]:
    """``segments_in_c`` through ctypes, where the C loops were not built."""
    counts = list(map(_count_segments, paths))
    owners = list(itertools.chain.from_iterable(
        itertools.repeat(obj, max(n, 0)) for obj, n in zip(paths, counts, strict=True)))
    indices = list(itertools.chain.from_iterable(range(n) for n in counts))
    segments = list(map(_segment, owners, indices))
    total = len(segments)
    xy = np.zeros(2 * total, dtype=np.float32)
    start = xy.ctypes.data
    consume(map(_segment_point, segments, range(start, start + 8 * total, 8),
                range(start + 4, start + 8 * total + 4, 8)))
    return counts, xy, list(map(_segment_type, segments)), list(map(_segment_close, segments))


def _path_ops(ops: list[str | None], closes: list[int], start: int, end: int) -> list[_Op]:
    """One path's segments (``start:end`` of the page's) as pdfminer's operators ("m", "l",
    "c", "h"), each with the page's segment numbers of its points."""
    path: list[_Op] = []
    pending: list[int] = []
    for k in range(start, end):
        op = ops[k]
        if op is None:
            continue
        if op == "c":
            pending.append(k)
            if len(pending) == 3:  # pdfium lists a Bézier as three points
                path.append(("c", pending))
                pending = []
        else:
            path.append((op, [k]))
        if closes[k]:
            path.append(("h", []))
    return path


def _shape(path: list[_Op], points: list[tuple[float, float]],
           page_points: list[tuple[float, float]], attrs: dict[str, Any], height: float,
           found: dict[str, list[dict[str, Any]]]) -> None:
    """One subpath → a pdfplumber object (by pdfminer's converter.paint_path): one segment
    is a line; a closed axis-aligned four-sided subpath is a rect; anything else a curve.
    ``points``: each of the page's segments' point in page space before the y flip,
    ``page_points`` after it (x, top); ``height``: the page's."""
    shape = "".join([op for op, _ in path])
    if shape[:1] != "m" or len(path) < 2:
        return
    first = path[0][1][-1]
    at = [ks[-1] if op != "h" else first for op, ks in path]
    pts = [points[k] for k in at]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
        at.pop()
    page_pts = [page_points[k] for k in at]
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
