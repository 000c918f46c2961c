"""Which drawn objects on a PDF page are table rules (borders), and which are decoration.

Producers draw borders in different ways: LibreOffice strokes lines, Word and Aspose fill
thin rectangles, browsers stroke boxes. They also draw things that are not borders: cell
shading as a filled rectangle (often inset inside the cell's borders), and on prose pages
a white rectangle behind every word. A rule is a stroke, or a filled rectangle thin in one
direction; a filled rectangle with text inside is shading; white (background) paint is
never a border. The rules come out as pdfplumber edge dicts, usable as explicit lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from extractors.geometry import SNAP_PT, HasBox

# Thickest border Word offers is 6 pt; a cell shaded only a few points high or wide is
# rare next to the 3 pt and thinner rules every producer draws.
MAX_RULE_THICKNESS = 3.0
# A rule is long against its thickness (a dot or a small square is a glyph or a bullet).
MIN_RULE_ASPECT = 3.0
# Paint this light is the page background: white boxes behind words, faint tints.
BACKGROUND_LUMINANCE = 0.93
# A vertical rule shorter than this is a tick or a stroke of a glyph, not a column rule
# whose open end needs closing: the shortest cell is one line of small type plus padding.
OPEN_END_PT = 6.0
# Lines of one cell's text follow each other this closely (leading), top to bottom.
LINE_GAP_PT = 3.0


def luminance(color: object) -> float | None:
    """Relative lightness 0..1 of a pdfplumber colour (gray, RGB or CMYK), None if unknown
    (a pattern or a colour space we cannot judge)."""
    if color is None:
        return 0.0  # PDF's default paint is black
    if isinstance(color, int | float):
        values: Sequence[float] = (float(color),)
    elif isinstance(color, Sequence) and not isinstance(color, str):
        try:
            values = [float(v) for v in color]
        except (TypeError, ValueError):
            return None
    else:
        return None
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        r, g, b = values
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    if len(values) == 4:
        c, m, y, k = values
        r, g, b = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    return None


_BACKGROUNDS: dict[object, bool] = {}  # colour -> _is_background: a page repeats a few
_BACKGROUNDS_KEPT = 4096


def _is_background(color: object) -> bool:
    try:
        return _BACKGROUNDS[color]
    except KeyError:
        pass
    except TypeError:  # an unhashable colour (a list): worked out each time
        light = luminance(color)
        return light is not None and light >= BACKGROUND_LUMINANCE
    light = luminance(color)
    found = light is not None and light >= BACKGROUND_LUMINANCE
    if len(_BACKGROUNDS) >= _BACKGROUNDS_KEPT:
        _BACKGROUNDS.clear()
    # Equal colours (1 and 1.0, (0, 0, 0) and (0.0, 0.0, 0.0)) have one luminance.
    _BACKGROUNDS[color] = found
    return found


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {
        "object_type": "rule_edge",
        "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "width": x1 - x0, "height": bottom - top, "orientation": orientation,
    }


def _box_edges(x0: float, top: float, x1: float, bottom: float) -> list[dict]:
    return [
        _edge(x0, top, x1, top, "h"), _edge(x0, bottom, x1, bottom, "h"),
        _edge(x0, top, x0, bottom, "v"), _edge(x1, top, x1, bottom, "v"),
    ]


class TextCentres:
    """The centres (x, y) of a page's words, ordered by height so that a box finds the few
    level with it by bisection (a page has hundreds of words and of filled boxes). They are
    taken from ``centres`` (which may be a generator) and ordered at the first test: most
    pages have no filled box thin enough to be a rule."""

    def __init__(self, centres: Iterable[tuple[float, float]]):
        self._centres: Iterable[tuple[float, float]] | None = centres
        self._ys: list[float] = []
        self._xs: list[float] = []

    def in_box(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Whether a centre lies in the box, edges included."""
        if self._centres is not None:
            # A NaN height is in no box: such a centre is left out.
            points = sorted(((cy, cx) for cx, cy in self._centres if cy == cy), key=_height)
            self._ys = [cy for cy, _ in points]
            self._xs = [cx for _, cx in points]
            self._centres = None
        ys, xs = self._ys, self._xs
        # The whole test again on the level centres: a NaN side holds nothing.
        return any(x0 <= xs[i] <= x1 and top <= ys[i] <= bottom
                   for i in range(bisect.bisect_left(ys, top), bisect.bisect_right(ys, bottom)))


def _height(point: tuple[float, float]) -> float:
    return point[0]


Centres = TextCentres | Sequence[tuple[float, float]]


def _holds_text(box: tuple[float, float, float, float], centres: TextCentres) -> bool:
    return centres.in_box(*box)


def _centres(text_centres: Centres) -> TextCentres:
    return text_centres if isinstance(text_centres, TextCentres) else TextCentres(text_centres)


def _thin_fill_edge(x0: float, top: float, x1: float, bottom: float) -> dict | None:
    """The centre line of a filled rectangle thin in one direction, or None if it is not."""
    width, height = x1 - x0, bottom - top
    if height <= MAX_RULE_THICKNESS and width >= MIN_RULE_ASPECT * max(height, 1.0):
        y = (top + bottom) / 2
        return _edge(x0, y, x1, y, "h")
    if width <= MAX_RULE_THICKNESS and height >= MIN_RULE_ASPECT * max(width, 1.0):
        x = (x0 + x1) / 2
        return _edge(x, top, x, bottom, "v")
    return None


def rule_edges(
    lines: Iterable[dict], rects: Iterable[dict], curves: Iterable[dict],
    text_centres: Centres,
) -> list[dict]:
    """The page's table rules as horizontal and vertical edges, in pdfplumber's edge form.

    ``text_centres`` are the centres of the page's words: a box with text in it is shading.
    """
    centres = _centres(text_centres)
    edges: list[dict] = []
    for line in lines:
        edges += _line_edges(line)
    for rect in rects:
        edges += _rect_edges(rect, centres)
    for curve in curves:
        edges += _curve_edges(curve)
    return edges


# A line or a curve's segment is horizontal (vertical) when its ends differ less than this
# in y (x): a stroke drawn straight, give or take the producer's rounding.
STRAIGHT_PT = 0.5


def _line_edges(line: dict) -> list[dict]:
    """A stroked line that is straight across or down; background paint is no rule."""
    if _is_background(line.get("stroking_color")):
        return []
    x0, x1 = float(line["x0"]), float(line["x1"])
    top, bottom = float(line["top"]), float(line["bottom"])
    if abs(bottom - top) < STRAIGHT_PT:
        return [_edge(x0, top, x1, top, "h")]
    if abs(x1 - x0) < STRAIGHT_PT:
        return [_edge(x0, top, x0, bottom, "v")]
    return []


def _rect_edges(rect: dict, text_centres: TextCentres) -> list[dict]:
    """A stroked box gives its four sides; a filled one is a rule only when thin and empty."""
    x0, x1 = float(rect["x0"]), float(rect["x1"])
    top, bottom = float(rect["top"]), float(rect["bottom"])
    if rect.get("stroke") and not _is_background(rect.get("stroking_color")):
        return _box_edges(x0, top, x1, bottom)
    if not rect.get("fill") or _is_background(rect.get("non_stroking_color")):
        return []
    edge = _thin_fill_edge(x0, top, x1, bottom)
    if edge is not None and not _holds_text((x0, top, x1, bottom), text_centres):
        return [edge]
    return []


def _curve_edges(curve: dict) -> list[dict]:
    """The straight, axis-aligned segments of a stroked curve (browsers stroke boxes so)."""
    if not curve.get("stroke") or _is_background(curve.get("stroking_color")):
        return []
    edges = []
    points = curve.get("pts") or []
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        if abs(ay - by) < STRAIGHT_PT and abs(ax - bx) >= 1:
            edges.append(_edge(min(ax, bx), ay, max(ax, bx), ay, "h"))
        elif abs(ax - bx) < STRAIGHT_PT and abs(ay - by) >= 1:
            edges.append(_edge(ax, min(ay, by), ax, max(ay, by), "v"))
    return edges


def band_edges(rects: Iterable[dict], text_centres: Centres) -> list[dict]:
    """Top and bottom of shaded bands (filled, coloured, not thin): row boundaries of a table
    drawn with horizontal rules, where a shaded row (a header, a section title) meets the
    next. They never make columns, so they never reach the grid finder."""
    centres = _centres(text_centres)
    edges = []
    for rect in rects:
        if not rect.get("fill") or _is_background(rect.get("non_stroking_color")):
            continue
        x0, x1 = float(rect["x0"]), float(rect["x1"])
        top, bottom = float(rect["top"]), float(rect["bottom"])
        if _thin_fill_edge(x0, top, x1, bottom) is not None and not _holds_text(
            (x0, top, x1, bottom), centres
        ):
            continue  # a rule, already counted
        edges += [_edge(x0, top, x1, top, "h"), _edge(x0, bottom, x1, bottom, "h")]
    return edges


def _ends_on_rule(x: float, y: float, horizontal: list[dict]) -> bool:
    return any(
        abs(float(h["top"]) - y) <= SNAP_PT
        and float(h["x0"]) - SNAP_PT <= x <= float(h["x1"]) + SNAP_PT
        for h in horizontal
    )


def _levels(ends: list[tuple[float, dict]]) -> list[list[dict]]:
    """Vertical rules grouped by the level (top or bottom) they end at."""
    groups: list[tuple[float, list[dict]]] = []
    for y, rule in sorted(ends, key=lambda end: end[0]):
        if groups and y - groups[-1][0] <= SNAP_PT:
            groups[-1][1].append(rule)
        else:
            groups.append((y, [rule]))
    return [rules for _, rules in groups]


def _text_reach(y: float, x0: float, x1: float, text_boxes: Sequence[HasBox]) -> float:
    """How far down the cut cells' text runs: browsers paint the line the page cuts below
    the end of the cell's side borders."""
    for box in sorted(text_boxes, key=lambda b: b.top):
        if x0 <= (box.x0 + box.x1) / 2 <= x1 and box.top <= y + LINE_GAP_PT:
            y = max(y, box.bottom)
    return y


def _close_level(rules: list[dict], is_open: list[bool], at_bottom: bool,
                 text_boxes: Sequence[HasBox]) -> list[dict]:
    """Rules along one level under (or over) each pair of neighbouring vertical rules
    ending there of which one ends open; the side rules are drawn on to meet them."""
    order = sorted(range(len(rules)), key=lambda k: float(rules[k]["x0"]))
    pairs = [(a, b) for a, b in zip(order, order[1:], strict=False) if is_open[a] or is_open[b]]
    if not pairs or sum(is_open) < 2:
        return []
    key = "bottom" if at_bottom else "top"
    level = (max if at_bottom else min)(float(r[key]) for r in rules)
    closing = []
    for a, b in pairs:
        x0, x1 = float(rules[a]["x0"]), float(rules[b]["x0"])
        y = _text_reach(level, x0, x1, text_boxes) if at_bottom else level
        closing.append(_edge(x0, y, x1, y, "h"))
        for side in (rules[a], rules[b]):
            side[key] = max(float(side[key]), y) if at_bottom else min(float(side[key]), y)
            side["height"] = float(side["bottom"]) - float(side["top"])
    return closing


def close_open_ends(edges: list[dict], text_boxes: Sequence[HasBox] = ()) -> list[dict]:
    """Add the border a producer left out where a table breaks across pages.

    Browsers (Chromium, and engines like it) draw no bottom border under a cell the page
    cut and no top border over its continuation, so the cut cells — merged recommendation
    cells above all — have three sides and a table finder drops them with their text. Where
    two or more vertical rules end at one level on no horizontal rule, the missing rule is
    drawn under (or over) the cells they bound, below the text the cells hold.
    """
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if not horizontal:
        return edges  # columns ruled without any row rule are not a grid to close
    vertical = [dict(e) for e in edges if e["orientation"] == "v"]
    rules = [v for v in vertical if float(v["bottom"]) - float(v["top"]) >= OPEN_END_PT]
    closing: list[dict] = []
    # The vertical rules by x, so each rule finds those in line with it by bisection (the
    # test itself is made on them again; a NaN x is in line with nothing).
    by_x = sorted(((float(w["x0"]), k) for k, w in enumerate(vertical)
                   if float(w["x0"]) == float(w["x0"])), key=_height)
    xs = [x for x, _ in by_x]
    for key, at_bottom in (("bottom", True), ("top", False)):
        far = "top" if at_bottom else "bottom"
        # Where a rule goes on as another piece in line with it, that is no end.
        ends = []
        for v in rules:
            x, end = float(v["x0"]), float(v[key])
            near = (vertical[k] for _, k in by_x[bisect.bisect_left(xs, x - SNAP_PT - 1.0):
                                                 bisect.bisect_right(xs, x + SNAP_PT + 1.0)])
            if not any(abs(float(w["x0"]) - x) <= SNAP_PT and abs(float(w[far]) - end) <= SNAP_PT
                       for w in near if w is not v):
                ends.append((end, v))
        for level in _levels(ends):
            is_open = [not _ends_on_rule(float(v["x0"]), float(v[key]), horizontal)
                       for v in level]
            closing += _close_level(level, is_open, at_bottom, text_boxes)
    return horizontal + vertical + closing
