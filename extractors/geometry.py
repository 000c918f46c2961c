"""Page geometry for the PDF readers: one box type and the tolerances, each with its reason.

Coordinates are PDF points (1/72 inch) with the origin at the page's top-left, as
pdfplumber gives them: x grows to the right, ``top`` and ``bottom`` grow downwards.
Tolerances are in points where the drawing decides (rule thickness, rounding), or in
multiples of the line height where the page's own type size does (gaps, reach).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, Protocol


class HasBox(Protocol):
    """Anything placed on the page: a word, a line, a cell, a table, a rule."""

    @property
    def x0(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def bottom(self) -> float: ...


class Box(NamedTuple):
    """An axis-aligned rectangle on a page: left, top, right, bottom in points."""

    x0: float
    top: float
    x1: float
    bottom: float

    @classmethod
    def of(cls, thing: HasBox) -> Box:
        """The box of anything with ``x0``, ``top``, ``x1`` and ``bottom``."""
        return cls(float(thing.x0), float(thing.top), float(thing.x1), float(thing.bottom))

    @classmethod
    def from_dict(cls, obj: Mapping[str, Any]) -> Box:
        """The box of a pdfplumber object (a char, rect, line or edge dict)."""
        return cls(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))

    @classmethod
    def around(cls, boxes: Iterable[Box]) -> Box:
        """The smallest box holding all of ``boxes`` (at least one)."""
        items = list(boxes)
        return cls(min(b.x0 for b in items), min(b.top for b in items),
                   max(b.x1 for b in items), max(b.bottom for b in items))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def area(self) -> float:
        return self.width * self.height

    def holds_centre(self, thing: HasBox) -> bool:
        """Whether the centre of ``thing`` (a word, say) lies in this box, edges included."""
        cx = (thing.x0 + thing.x1) / 2
        cy = (thing.top + thing.bottom) / 2
        return self.x0 <= cx <= self.x1 and self.top <= cy <= self.bottom

    def contains(self, inner: Box, slack: float = 0.0) -> bool:
        """Whether ``inner`` lies inside this box, each side allowed ``slack`` points out."""
        return (
            self.x0 <= inner.x0 + slack
            and self.top <= inner.top + slack
            and self.x1 >= inner.x1 - slack
            and self.bottom >= inner.bottom - slack
        )

    def shared_width(self, other: Box) -> float:
        """How far the two boxes overlap horizontally (negative: the gap between them)."""
        return min(self.x1, other.x1) - max(self.x0, other.x0)


# -- Tolerances in points: what drawing and rounding leave -------------------------------

# Glyph boxes, rules and cell edges that touch may overlap by up to a point: fonts' boxes
# reach below the baseline and producers round positions to a tenth of a point or so.
TOUCH_PT = 1.0
# "Clearly past" an edge: more than the thickest common border (1.5 pt) plus rounding, so
# a table's own border is never read as something beyond it.
CLEAR_PT = 2.0
# Lines (or cell edges) this close are one: borders drawn twice, a hair apart, or two
# producers' rounding of the same position. pdfplumber's snap/join tolerances too.
SNAP_PT = 3.0
# A rule's ends lie within the cell padding (Word: 0.19 cm ≈ 5 pt) of the text they hold.
RULE_END_SLACK_PT = 3.0
# Two horizontal rule pieces within this vertical distance are one rule (a double border,
# or a border drawn as a thin filled rectangle whose centre line is half its height down).
SAME_RULE_PT = 1.5

# -- Tolerances in multiples of the line height: what the type size decides ---------------

# Lines set closer than this many line heights (single spacing leaves about 0.2) are one
# block of text.
PACKED_LINES = 0.9
# A rule within this many line heights under (or over) a block of lines belongs to it: the
# cell padding plus a line's leading.
RULE_REACH_LINES = 1.5

# -- Shares of an extent: what makes a rule the table's rather than an underline ----------

# A rule under most of a table's (or a cell's) width belongs to the table; text
# underlines and short separators do not reach this far.
SPANNING_SHARE = 0.6
# Two boxes are "the same column" when they share at least half of the narrower width.
OVERLAP_SHARE = 0.5
