"""Words → lines → paragraphs, using geometry to tell a wrapped line from a hard break.

Plain data in, plain data out, so each step is testable without a PDF.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Any

from extractors.layout import BULLET_CHARS, Line, Paragraph

# A printed list label at the start of a line: "1.", "1.1", "2)", "(1a)", "a)", bullets.
# The reader's own cue for where a paragraph starts (readers never import the pipeline);
# what a label means is pipeline/numbering.py's grammar, and a test holds this cue to it.
LABEL_RE = re.compile(
    r"^(?:(?:\d{1,2}(?:\.\d{1,2})+|\(?\d{1,2}(?:\.\d{1,2})*[a-z]?[.)]|\(\d{1,2}[a-z]?\)|\([a-z]{1,3}\)"
    rf"|[a-z][.)]|[{re.escape(BULLET_CHARS)}]{{1,3}}|[\-–])(?=\s|$)"
    # Set flush against the text ("1.Produce", "•Commission"): a number before a capital
    # and a lower-case letter, bullet glyphs before a letter.
    rf"|\d{{1,2}}\.(?=[A-Z][a-z])|[{re.escape(BULLET_CHARS)}]{{1,3}}(?=[A-Za-z(]))"
)


# A line that ends a sentence (the reader's own cue; the pipeline's rule is
# pipeline.text.SENTENCE_END).
ENDS_SENTENCE = re.compile(r"[.;:!?]\s*$")


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    # The producer wrote a space glyph right after the word (Word and LibreOffice end a line
    # wrapped at a space with one): a line ending so was wrapped, never cut inside a word.
    space_after: bool = False


def words_to_lines(words: list[Word], page: int | None) -> list[tuple[Line, list[Word]]]:
    """Group words into visual lines by vertical overlap, each line sorted left to right."""
    # Each open line as [top, bottom, x0, x1, members, centre, height], plain locals rather
    # than Line attributes: this runs for every cell of every table.
    open_lines: list[list[Any]] = []
    # Reading order for line grouping: by vertical centre to 0.1 pt, round(centre, 1), then
    # x. round with digits converts to decimal and back (most of this function's time):
    # away from a tie between two tenths, the nearest integer to ten times the centre over
    # ten is that same float (the division is correctly rounded, as round's result is).
    order = []
    for w in words:
        tenths = (w.top + w.bottom) * 5.0  # centre * 10, the same one rounding
        if 0.0 <= tenths < 1e9:
            near = int(tenths + 0.5)
            if 0.5 - abs(tenths - near) > 1e-6:
                order.append(((near / 10.0, w.x0), w))
                continue
        order.append(((round((w.top + w.bottom) / 2, 1), w.x0), w))
    order.sort(key=_first)
    for _, word in order:
        w_top, w_bottom = word.top, word.bottom
        height = w_bottom - w_top
        middle = (w_top + w_bottom) / 2
        # Only the last three lines can still take a word: they come in centre order.
        for line in open_lines[:-4:-1]:
            # By vertical centres, so a raised ordinal ("20th") stays on its line.
            line_height = line[6]
            if height >= line_height:
                tall, short = height, line_height
            else:
                tall, short = line_height, height
            # Smaller type (a superscript) may sit higher; same-size text must align closely.
            tolerance = (0.5 if short < 0.8 * tall else 0.35) * tall
            if abs(line[5] - middle) <= (tolerance if tolerance > 1.5 else 1.5):
                line[4].append(word)
                # min/max as comparisons: the same values, without the calls.
                if word.x0 < line[2]:
                    line[2] = word.x0
                if word.x1 > line[3]:
                    line[3] = word.x1
                if w_bottom > line[1]:
                    top = line[0]
                    line[1] = w_bottom
                    line[5] = (top + w_bottom) / 2
                    line[6] = w_bottom - top
                break
        else:
            open_lines.append([w_top, w_bottom, word.x0, word.x1, [word], middle, height])
    # By top, stably: as sorting the finished lines by their tops.
    open_lines.sort(key=_first)
    lines: list[tuple[Line, list[Word]]] = []
    for top, bottom, x0, x1, members, _, _ in open_lines:
        members.sort(key=_left)
        text = " ".join([w.text for w in members])
        lines.append((Line(text, page, x0, top, x1, bottom), members))
    return lines


def copy_lines(lines: list[tuple[Line, list[Word]]]) -> list[tuple[Line, list[Word]]]:
    """New lines equal to ``lines``: a second reader of words already grouped gets its own
    lines, as a second words_to_lines would give it, without grouping them again."""
    return [(Line(ln.text, ln.page, ln.x0, ln.top, ln.x1, ln.bottom, ln.joiner,
                  ln.ends_in_space, ln.fills_width), list(members))
            for ln, members in lines]


_left = operator.attrgetter("x0")
_first = operator.itemgetter(0)


def lines_to_paragraphs(
    lines: list[tuple[Line, list[Word]]], left: float, right: float, page: int | None
) -> list[Paragraph]:
    """Group lines of one text box (a cell, or the page body) into paragraphs.

    A new paragraph starts after a clear vertical gap, at a printed list label, or after a
    line that ended although the next line's first word would have fitted on it.
    """
    if not lines:
        return []
    # statistics.median, inlined (the same sort and middle): this runs for every cell.
    heights = sorted([ln.bottom - ln.top for ln, _ in lines])
    middle = len(heights) // 2
    typical = heights[middle] if len(heights) % 2 else (heights[middle - 1] + heights[middle]) / 2
    pad = max(0.5, min(ln.x0 for ln, _ in lines) - left)
    limit = right - pad
    paragraphs: list[Paragraph] = []
    current: list[tuple[Line, list[Word]]] = []
    for item in lines:
        line, words = item
        if current and starts_paragraph(current[-1], item, typical, limit):
            paragraphs.append(_paragraph(current, page, limit))
            current = []
        current.append(item)
    if current:
        paragraphs.append(_paragraph(current, page, limit))
    return paragraphs


def starts_paragraph(
    prev: tuple[Line, list[Word]], item: tuple[Line, list[Word]], typical: float, limit: float
) -> bool:
    """Whether ``item`` starts a paragraph under ``prev`` in a text box whose lines wrap at
    ``limit``: a clear gap, a list label, or a previous line that ended early."""
    prev_line, prev_words = prev
    line, words = item
    if line.top - prev_line.bottom > typical * 0.6:
        return True
    label = LABEL_RE.match(line.text)
    if label:
        # A dash opening a line after an unfinished one continues it ("January" / "– March").
        # The reader's own sentence-end cue; the pipeline's rule is pipeline.text.SENTENCE_END.
        dash = label.group(0) in ("-", "–")
        return not dash or bool(ENDS_SENTENCE.search(prev_line.text))
    if prev_line.text.endswith("-") and not prev_line.text.endswith(" -"):
        return False  # broken at a hyphen: the rest of the compound follows
    first = words[0]
    space = max(1.5, (first.bottom - first.top) * 0.25)
    return prev_line.x1 + space + (first.x1 - first.x0) < limit - 1.0


# A line "fills" its box when its text ends within this fraction of its height (about one
# character) of the box's right edge.
_FULL_LINE_CHARS = 0.8


def _paragraph(items: list[tuple[Line, list[Word]]], page: int | None, limit: float) -> Paragraph:
    """The lines joined by spaces, each with the evidence the pipeline mends cut words from."""
    for line, words in items:
        line.ends_in_space = words[-1].space_after
        line.fills_width = line.x1 is not None and line.bottom is not None and (
            line.x1 >= limit - (line.bottom - (line.top or 0.0)) * _FULL_LINE_CHARS
        )
    text = " ".join(line.text for line, _ in items)
    return Paragraph(text=text, lines=[ln for ln, _ in items], page=page)


def adjacent_edge(words: list[Word], rule_y: float, upward: bool) -> float | None:
    """Outer y of the block of lines packed against a rule, or None if none touches it."""
    lines = words_to_lines([w for w in words if (w.bottom <= rule_y + 1 if upward
                                                  else w.top >= rule_y - 1)], None)
    ordered = sorted((ln for ln, _ in lines), key=lambda ln: ln.top, reverse=upward)
    edge = rule_y
    found = None
    for line in ordered:
        height = line.bottom - line.top
        gap = edge - line.bottom if upward else line.top - edge
        if gap > height * (1.2 if found is None else 0.9):
            break
        edge = line.top if upward else line.bottom
        found = edge - 1 if upward else edge + 1
    return found
