"""Characters → words, pdfplumber's ``WordExtractor`` rules run on a page's char columns.

pdfplumber groups a page's char dicts one character at a time in Python; the same rules,
computed for all characters at once on ``CharTable``'s arrays, give the same words at a small
part of the cost. The rules, as pdfplumber 0.11 has them (``extract_words`` with
``use_text_flow=False``, ``keep_blank_chars=False``, no punctuation split, ligatures
expanded):

- characters are taken in runs of the same uprightness, in content order;
- a run's characters are clustered into lines by ``top`` (upright) or ``x0`` (sideways):
  sorted distinct values chained while each is within the tolerance of the one before;
- lines in cluster order, characters in a line by ``x0`` (upright) or ``top`` (sideways),
  ties in content order;
- a blank character ends a word and is dropped; a character starts a new word when it lies
  before the previous one's start, further than the gap tolerance past its end, or off its
  line (``top`` or ``x0`` further apart than the line tolerance).

``tests/extractors/test_pdf_words.py`` holds these words to pdfplumber's on every sample PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extractors.pdfium_chars import CharTable, text_codes

# pdfplumber's defaults.
DEFAULT_X_TOLERANCE = 3.0
DEFAULT_Y_TOLERANCE = 3.0
# pdfplumber expands these ligature glyphs in a word's text.
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_LIGATURE_TABLE = str.maketrans(LIGATURES)
_LIGATURE_CODES = np.array([ord(glyph) for glyph in LIGATURES])
# The code points whose one-char str.isspace() is true (all of them are below U+3001;
# tests/extractors/test_pdf_words.py checks the list against every code point).
WHITESPACE_CODES = np.array([c for c in range(0x3001) if chr(c).isspace()])
# Whether a code is whitespace, looked up by code (what np.isin with WHITESPACE_CODES
# answers, without its sort): every code from 0x3001 up reads the last, False, entry.
_IS_WHITESPACE = np.zeros(0x3002, dtype=bool)
_IS_WHITESPACE[WHITESPACE_CODES] = True
# The span of the ligature codes: a word holds a ligature only if some code falls in it.
_LIGATURE_SPAN = (int(_LIGATURE_CODES.min()), int(_LIGATURE_CODES.max()))


@dataclass(frozen=True, slots=True)
class WordRules:
    """The grouping settings pdfplumber's ``extract_words`` takes that this module follows."""

    x_tolerance: float = DEFAULT_X_TOLERANCE
    y_tolerance: float = DEFAULT_Y_TOLERANCE
    x_tolerance_ratio: float | None = None
    y_tolerance_ratio: float | None = None

    @classmethod
    def of(cls, settings: dict) -> WordRules | None:
        """The rules for pdfplumber-style keyword settings, or None for settings this module
        does not follow (the caller then runs pdfplumber's own grouping)."""
        known = {"x_tolerance", "y_tolerance", "x_tolerance_ratio", "y_tolerance_ratio"}
        if settings.get("keep_blank_chars", False) or set(settings) - known - {
                "keep_blank_chars"}:
            return None
        return cls(**{k: v for k, v in settings.items() if k in known})


@dataclass(slots=True)
class WordColumns:
    """Words as columns: text, box, uprightness, in pdfplumber's order."""

    text: list[str]
    x0: list[float]
    top: list[float]
    x1: list[float]
    bottom: list[float]
    upright: list[bool]

    def dicts(self) -> list[dict]:
        """pdfplumber's word dicts."""
        return [
            {"text": text, "x0": x0, "x1": x1, "top": top, "doctop": top, "bottom": bottom,
             "upright": upright, "height": bottom - top, "width": x1 - x0,
             "direction": "ltr" if upright else "ttb"}
            for text, x0, top, x1, bottom, upright in zip(
                self.text, self.x0, self.top, self.x1, self.bottom, self.upright, strict=True)
        ]


def group_words(chars: CharTable, rules: WordRules = WordRules()) -> WordColumns:
    """The page's words, as pdfplumber's ``extract_words`` makes them of these chars."""
    n = len(chars)
    if n == 0:
        return WordColumns([], [], [], [], [], [])
    order, line = _reading_order(chars, rules)
    # One-char texts (the usual page) are handled as code points, all at once.
    codes = text_codes(chars.text)
    if codes is None:
        blank = np.fromiter((t.isspace() for t in chars.text), dtype=bool, count=n)[order]
    else:
        blank = _IS_WHITESPACE[np.minimum(codes, len(_IS_WHITESPACE) - 1)][order]
    x0, top = chars.x0[order], chars.top[order]
    x1, bottom = chars.x1[order], chars.bottom[order]
    upright, size = chars.upright[order], chars.size[order]
    starts = _word_starts(x0, top, x1, bottom, upright, size, line, blank, rules)
    # Words are the runs of non-blank characters between starts.
    kept = np.flatnonzero(~blank)
    first = starts[kept]
    bounds = kept[first]
    if len(bounds) == 0:
        return WordColumns([], [], [], [], [], [])
    edges = np.flatnonzero(first)
    ends = [*edges[1:].tolist(), len(kept)]
    spans = zip(edges.tolist(), ends, strict=True)
    if codes is None:
        texts = [LIGATURES.get(t, t) for t in chars.text]
        ordered_text = [texts[i] for i in order[kept].tolist()]
        words_text = ["".join(ordered_text[s:e]) for s, e in spans]
    else:
        ordered_codes = codes[order[kept]]
        ordered = ordered_codes.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
        words_text = [ordered[s:e] for s, e in spans]
        low, high = _LIGATURE_SPAN
        if ((ordered_codes >= low) & (ordered_codes <= high)).any():
            # Each one-char text expanded on its own, as LIGATURES.get does per char (a
            # word without a ligature is left as it is).
            words_text = [word.translate(_LIGATURE_TABLE) for word in words_text]
    return WordColumns(
        words_text,
        # A word's box: the box around its characters (they are contiguous runs).
        np.minimum.reduceat(x0[kept], edges).tolist(),
        np.minimum.reduceat(top[kept], edges).tolist(),
        np.maximum.reduceat(x1[kept], edges).tolist(),
        np.maximum.reduceat(bottom[kept], edges).tolist(),
        upright[bounds].tolist(),
    )


def _reading_order(chars: CharTable, rules: WordRules) -> tuple[np.ndarray, np.ndarray]:
    """Character indices in pdfplumber's reading order, and each position's line number
    (lines numbered across the whole page, so a line never spans two upright runs)."""
    n = len(chars)
    upright = chars.upright
    change = np.flatnonzero(upright[1:] != upright[:-1]) + 1
    bounds = [0, *change.tolist(), n]
    order_parts, line_parts = [], []
    lines_before = 0
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        keys: tuple[np.ndarray, ...]
        if bool(upright[start]):
            cluster = _clusters(chars.top[start:end], rules.y_tolerance)
            # Within a line by x0 alone: pdfplumber's key (x0, x0) repeats it.
            keys = (chars.x0[start:end], cluster)
        else:
            cluster = _clusters(chars.x0[start:end], rules.x_tolerance)
            keys = (chars.bottom[start:end], chars.top[start:end], cluster)
        # Stable: the last key sorts first; content order breaks the remaining ties.
        local = np.lexsort(keys)
        order_parts.append(local + start)
        line_parts.append(cluster[local] + lines_before)
        lines_before += int(cluster.max()) + 1
    return np.concatenate(order_parts), np.concatenate(line_parts)


def _clusters(values: np.ndarray, tolerance: float) -> np.ndarray:
    """pdfplumber's ``cluster_list`` over the distinct values: each value's cluster number."""
    distinct = np.unique(values)
    if tolerance == 0:
        breaks = np.ones(len(distinct) - 1, dtype=bool)
    else:
        breaks = ~(distinct[1:] <= distinct[:-1] + tolerance)
    numbers = np.concatenate(([0], np.cumsum(breaks)))
    return numbers[np.searchsorted(distinct, values)]


def _word_starts(x0: np.ndarray, top: np.ndarray, x1: np.ndarray, bottom: np.ndarray,
                 upright: np.ndarray, size: np.ndarray, line: np.ndarray, blank: np.ndarray,
                 rules: WordRules) -> np.ndarray:
    """Whether each character (in reading order) starts a new word."""
    n = len(x0)
    starts = np.ones(n, dtype=bool)
    if n < 2:
        return starts
    prev, curr = slice(0, n - 1), slice(1, n)
    size_prev = size[prev]
    x_tol = (rules.x_tolerance if rules.x_tolerance_ratio is None
             else rules.x_tolerance_ratio * size_prev)
    y_tol = (rules.y_tolerance if rules.y_tolerance_ratio is None
             else rules.y_tolerance_ratio * size_prev)
    up = upright[prev]
    if up.all():  # the usual page: every character upright, no choice to make per pair
        ax, bx, cx, ay, cy = x0[prev], x1[prev], x0[curr], top[prev], top[curr]
        gap, off_line = x_tol, y_tol
    else:
        # Upright text runs left to right; sideways text top to bottom, tolerances swapped.
        x_tol, y_tol = np.broadcast_to(x_tol, n - 1), np.broadcast_to(y_tol, n - 1)
        ax = np.where(up, x0[prev], top[prev])
        bx = np.where(up, x1[prev], bottom[prev])
        cx = np.where(up, x0[curr], top[curr])
        ay = np.where(up, top[prev], x0[prev])
        cy = np.where(up, top[curr], x0[curr])
        gap = np.where(up, x_tol, y_tol)
        off_line = np.where(up, y_tol, x_tol)
    apart = (cx < ax) | (cx > bx + gap) | (np.abs(cy - ay) > off_line)
    # A word continues only from the character before it on the same line, not blank.
    starts[1:] = apart | (line[curr] != line[prev]) | blank[prev]
    return starts
