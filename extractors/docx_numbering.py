"""Word auto-numbering: the list labels Word draws in front of paragraphs but never stores.

A paragraph's number comes from its ``w:numPr`` (own or inherited from its style), which
names a ``w:num``; that points at a ``w:abstractNum`` whose ``w:lvl`` elements define the
start value, format and label template of each level. Counters live per abstract list and
run through the whole document in reading order, so callers must ask for every paragraph,
empty ones included, in document order.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BULLET = "•"
_MAX_LEVELS = 9
_MAX_LINK_DEPTH = 10  # guards style/numbering link chains that loop


@functools.cache
def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag, e.g. ``w("p")``."""
    # Cached: the readers ask for the same few dozen names for every element they visit.
    return f"{{{W_NS}}}{tag}"


def wval(el: etree._Element | None, attr: str = "val") -> str | None:
    """The ``w:<attr>`` attribute of ``el``, or None when the element or attribute is absent."""
    return None if el is None else el.get(w(attr))


def wint(el: etree._Element | None, default: int | None = None, attr: str = "val") -> int | None:
    """The ``w:<attr>`` attribute as an int; ``default`` when absent or not a number."""
    raw = wval(el, attr)
    if raw is None:
        return default
    try:
        return int(raw.strip())
    except ValueError:
        return default


@dataclass(slots=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # the lvlText template, e.g. "%1." or "(%1%2)"
    restart: int | None = None  # lvlRestart: 1-based level whose use restarts this one; 0 never
    legal: bool = False  # isLgl: show referenced levels as decimal
    style_id: str | None = None  # pStyle: the paragraph style bound to this level


def _parse_level(lvl: etree._Element) -> Level:
    return Level(
        start=wint(lvl.find(w("start")), 0) or 0,  # the spec's default start is 0
        fmt=wval(lvl.find(w("numFmt"))) or "decimal",
        text=wval(lvl.find(w("lvlText"))),
        restart=wint(lvl.find(w("lvlRestart"))),
        legal=lvl.find(w("isLgl")) is not None and wval(lvl.find(w("isLgl"))) not in ("0", "false"),
        style_id=wval(lvl.find(w("pStyle"))),
    )


@dataclass(slots=True)
class _Num:
    abstract_id: str | None
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _roman(n: int) -> str:
    parts = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = []
    for value, glyph in parts:
        count, n = divmod(n, value)
        out.append(glyph * count)
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter past z: 27 -> "aa", 28 -> "bb".
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in a Word ``w:numFmt`` (unknown formats fall back to decimal)."""
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n) if n > 0 else str(n)
    if fmt == "upperRoman":
        return _roman(n).upper() if n > 0 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Numbering definitions plus the running counters of one document."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        if styles is not None:
            for st in styles.iter(w("style")):
                sid = wval(st, "styleId")
                if sid is not None:
                    self._styles.setdefault(sid, st)
        self._abstracts: dict[str, etree._Element] = {}
        self._nums: dict[str, _Num] = {}
        if numbering is not None:
            for an in numbering.iter(w("abstractNum")):
                aid = wval(an, "abstractNumId")
                if aid is not None:
                    self._abstracts.setdefault(aid, an)
            for num in numbering.iter(w("num")):
                nid = wval(num, "numId")
                if nid is not None:
                    self._nums.setdefault(nid, _parse_num(num))
        self._counters: dict[str, list[int | None]] = {}
        self._seen_nums: set[str] = set()
        self._levels_cache: dict[str, list[Level]] = {}

    def label(self, p: etree._Element) -> str | None:
        """Advance the counters for paragraph ``p`` and return its rendered label, if any."""
        ref = self._num_ref(p)
        if ref is None:
            return None
        num_id, ilvl, style_id = ref
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = self._resolve_abstract(num.abstract_id)
        if abstract_id is None:
            return None
        levels = list(self._levels(abstract_id))
        for i, lvl in num.level_overrides.items():
            levels[i] = lvl
        if ilvl is None:
            # Numbering inherited from a style: the level is the one bound to that style.
            ilvl = next((i for i, lv in enumerate(levels) if lv.style_id == style_id), 0)
        ilvl = min(max(ilvl, 0), _MAX_LEVELS - 1)
        counters = self._counters.setdefault(abstract_id, [None] * _MAX_LEVELS)
        starts = [lv.start for lv in levels]
        for i, value in num.start_overrides.items():
            starts[i] = value
        if num_id not in self._seen_nums:
            # A list instance that overrides its start restarts the shared counters there.
            self._seen_nums.add(num_id)
            for i in num.start_overrides:
                counters[i] = None
        counters[ilvl] = starts[ilvl] if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            restart = levels[deeper].restart
            if restart is None or ilvl < restart:
                counters[deeper] = None
        return _render(levels, counters, starts, ilvl)

    def _num_ref(self, p: etree._Element) -> tuple[str, int | None, str | None] | None:
        """(numId, ilvl or None when it comes from the style, styleId) for paragraph ``p``."""
        ppr = p.find(w("pPr"))
        style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        num_id: str | None = None
        ilvl: int | None = None
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        if numpr is not None:
            num_id = wval(numpr.find(w("numId")))
            ilvl = wint(numpr.find(w("ilvl")))
        if num_id is None:
            style_num, style_ilvl = self._style_numpr(style_id)
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl
        if num_id is None or num_id.strip() == "0":
            return None
        return num_id.strip(), ilvl, style_id

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """numId and ilvl a paragraph style gives, following ``basedOn``."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < _MAX_LINK_DEPTH:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                return None, None
            numpr = style.find(f"{w('pPr')}/{w('numPr')}")
            if numpr is not None and numpr.find(w("numId")) is not None:
                return wval(numpr.find(w("numId"))), wint(numpr.find(w("ilvl")))
            style_id = wval(style.find(w("basedOn")))
        return None, None

    def _resolve_abstract(self, abstract_id: str | None) -> str | None:
        """Follow ``w:numStyleLink`` to the abstract list that holds the levels."""
        for _ in range(_MAX_LINK_DEPTH):
            an = self._abstracts.get(abstract_id) if abstract_id is not None else None
            if an is None:
                return None
            link = wval(an.find(w("numStyleLink")))
            if link is None:
                return abstract_id
            linked_num, _ = self._style_numpr(link)
            num = self._nums.get(linked_num) if linked_num is not None else None
            if num is None or num.abstract_id == abstract_id:
                return abstract_id
            abstract_id = num.abstract_id
        return None

    def _levels(self, abstract_id: str) -> list[Level]:
        cached = self._levels_cache.get(abstract_id)
        if cached is None:
            cached = [Level() for _ in range(_MAX_LEVELS)]
            for lvl in self._abstracts[abstract_id].iter(w("lvl")):
                i = wint(lvl, attr="ilvl")
                if i is not None and 0 <= i < _MAX_LEVELS:
                    cached[i] = _parse_level(lvl)
            self._levels_cache[abstract_id] = cached
        return cached


def _parse_num(num: etree._Element) -> _Num:
    parsed = _Num(abstract_id=wval(num.find(w("abstractNumId"))))
    for ov in num.iter(w("lvlOverride")):
        i = wint(ov, attr="ilvl")
        if i is None or not 0 <= i < _MAX_LEVELS:
            continue
        start = wint(ov.find(w("startOverride")))
        if start is not None:
            parsed.start_overrides[i] = start
        lvl = ov.find(w("lvl"))
        if lvl is not None:
            parsed.level_overrides[i] = _parse_level(lvl)
            if start is None and lvl.find(w("start")) is not None:
                parsed.start_overrides[i] = parsed.level_overrides[i].start
    return parsed


def _render(
    levels: list[Level], counters: list[int | None], starts: list[int], ilvl: int
) -> str | None:
    level = levels[ilvl]
    if level.fmt == "bullet":
        return BULLET
    template = level.text if level.text is not None else f"%{ilvl + 1}."
    out: list[str] = []
    i = 0
    while i < len(template):
        ch = template[i]
        nxt = template[i + 1] if i + 1 < len(template) else ""
        if ch == "%" and nxt.isdigit() and 1 <= int(nxt) <= _MAX_LEVELS:
            ref = int(nxt) - 1
            value = counters[ref]
            if value is None:
                value = starts[ref]
            fmt = "decimal" if level.legal and levels[ref].fmt != "none" else levels[ref].fmt
            out.append(format_number(value, fmt))
            i += 2
            continue
        out.append(ch)
        i += 1
    label = "".join(out).strip()
    return label or None
