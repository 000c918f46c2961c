"""Words → lines → paragraphs, using geometry to tell a wrapped line from a hard break.

Plain data in, plain data out, so each step is testable without a PDF.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from types import MappingProxyType

from extractors.layout import BULLET_CHARS, Line, Paragraph

# A printed list label at the start of a line: "1.", "1.1", "2)", "(1a)", "a)", bullets.
# The reader's own cue for where a paragraph starts (readers never import the pipeline);
# what a label means is pipeline/numbering.py's grammar, and a test holds this cue to it.
LABEL_RE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})+|\(?\d{1,2}(?:\.\d{1,2})*[a-z]?[.)]|\(\d{1,2}[a-z]?\)|\([a-z]{1,3}\)"
    rf"|[a-z][.)]|[{re.escape(BULLET_CHARS)}\-–])(?=\s|$)"
)


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
    lines: list[tuple[Line, list[Word]]] = []
    for word in sorted(words, key=lambda w: (round((w.top + w.bottom) / 2, 1), w.x0)):
        height = word.bottom - word.top
        middle = (word.top + word.bottom) / 2
        for line, members in reversed(lines[-3:]):
            # By vertical centres, so a raised ordinal ("20th") stays on its line.
            line_middle = (line.top + line.bottom) / 2
            tall, short = sorted((height, line.bottom - line.top), reverse=True)
            # Smaller type (a superscript) may sit higher; same-size text must align closely.
            tolerance = max(1.5, (0.5 if short < 0.8 * tall else 0.35) * tall)
            if abs(line_middle - middle) <= tolerance:
                members.append(word)
                line.x0 = min(line.x0, word.x0)
                line.x1 = max(line.x1, word.x1)
                line.bottom = max(line.bottom, word.bottom)
                break
        else:
            lines.append((Line("", page, word.x0, word.top, word.x1, word.bottom), [word]))
    for line, members in lines:
        members.sort(key=lambda w: w.x0)
        line.text = " ".join(w.text for w in members)
    lines.sort(key=lambda item: item[0].top)
    return lines


def lines_to_paragraphs(
    lines: list[tuple[Line, list[Word]]], left: float, right: float, page: int | None
) -> list[Paragraph]:
    """Group lines of one text box (a cell, or the page body) into paragraphs.

    A new paragraph starts after a clear vertical gap, at a printed list label, or after a
    line that ended although the next line's first word would have fitted on it.
    """
    if not lines:
        return []
    heights = [ln.bottom - ln.top for ln, _ in lines]
    typical = statistics.median(heights) if heights else 10.0
    pad = max(0.5, min(ln.x0 for ln, _ in lines) - left)
    limit = right - pad
    paragraphs: list[Paragraph] = []
    current: list[tuple[Line, list[Word]]] = []
    for item in lines:
        line, words = item
        if current and _starts_paragraph(current[-1], item, typical, limit):
            paragraphs.append(_paragraph(current, page, limit))
            current = []
        current.append(item)
    if current:
        paragraphs.append(_paragraph(current, page, limit))
    return paragraphs


def _starts_paragraph(
    prev: tuple[Line, list[Word]], item: tuple[Line, list[Word]], typical: float, limit: float
) -> bool:
    prev_line, prev_words = prev
    line, words = item
    if line.top - prev_line.bottom > typical * 0.6:
        return True
    label = LABEL_RE.match(line.text)
    if label:
        # A dash opening a line after an unfinished one continues it ("January" / "– March").
        dash = label.group(0) in ("-", "–")
        return not dash or bool(re.search(r"[.;:!?]\s*$", prev_line.text))
    if prev_line.text.endswith("-") and not prev_line.text.endswith(" -"):
        return False  # broken at a hyphen: the rest of the compound follows
    first = words[0]
    space = max(1.5, (first.bottom - first.top) * 0.25)
    return prev_line.x1 + space + (first.x1 - first.x0) < limit - 1.0


def _paragraph(items: list[tuple[Line, list[Word]]], page: int | None, limit: float) -> Paragraph:
    text = ""
    for i, (line, _words) in enumerate(items):
        if i == 0:
            text = line.text
            continue
        prev_line, prev_words = items[i - 1]
        line.joiner = _joiner(prev_line, prev_words, line, limit)
        text += line.joiner + line.text
    return Paragraph(text=text, lines=[ln for ln, _ in items], page=page)


# How often each word occurs in the document being read: a word cut by a narrow column is
# recognised because the whole word occurs elsewhere and its pieces do not.
VOCABULARY: ContextVar[Mapping[str, int]] = ContextVar("VOCABULARY")
_NO_VOCABULARY: Mapping[str, int] = MappingProxyType({})


def vocabulary_key(text: str) -> str:
    """A word as the vocabulary counts it: lower case, without surrounding punctuation."""
    return text.strip(".,;:()[]/\"'“”‘’!?").lower()


def _joiner(prev_line: Line, prev_words: list[Word], line: Line, limit: float) -> str:
    """How to join two wrapped lines: a space, or nothing inside a word broken by the column."""
    prev_text = prev_line.text
    if prev_text.endswith("-") and not prev_text.endswith(" -") and len(prev_text) > 1:
        return ""  # a real hyphen at the wrap point: "stand-" + "alone"
    if prev_words[-1].space_after:
        return " "  # the line ended at a space the page itself holds: "Sometime " + "next"
    first = line.text.split(" ", 1)[0]
    last = prev_words[-1].text
    vocabulary = VOCABULARY.get(_NO_VOCABULARY)

    def is_word(piece: str) -> bool:
        key = vocabulary_key(piece)
        return key.isalpha() and len(key) > 2 and vocabulary.get(key, 0) > 1

    head, tail, whole = vocabulary_key(last), vocabulary_key(first), vocabulary_key(last + first)
    cut = bool(head) and bool(tail) and whole not in (head, tail)
    if cut and vocabulary.get(whole, 0) and not (is_word(last) and is_word(first)):
        return ""  # "Recommenda" + "tions": the whole word is the document's own
    # Word processors only break inside a word that alone is wider than the column.
    char = (prev_line.bottom - prev_line.top) * 0.8
    common = is_word(first)
    if (
        len(prev_words) == 1
        and prev_line.x1 >= limit - char
        and (first[:1].islower() or _cut_figure(last, first) or _cut_after_letter(last, first))
        and first.strip(",.;:") not in _SHORT_WORDS
        and not common  # "Target" + "date" is a wrap: "date" is a word of the document
    ):
        return ""
    return " "


def _cut_after_letter(last: str, first: str) -> bool:
    """A line ending in one letter after a slash or hyphen ("Performance/P") that the next
    line's capital continues ("H Consultant"): a word broken after its first letter. A lone
    'a', 'A' or 'I' is a word of its own."""
    tail = re.split(r"[/\-]", last)[-1]
    return (len(tail) == 1 and tail.isalpha() and tail not in "aAI" and tail.isupper()
            and first[:1].isupper() and last != tail)


# A date or figure cut by a narrow column: "31/03/" + "2024", "01/0" + "4/2023".
_FIGURE = re.compile(r"^\d{1,4}(?:[/.]\d{1,4}){1,2}[.,;]?$")


def _cut_figure(last: str, first: str) -> bool:
    """Digits after a full-width figure continue it only when the two make one date or
    number ("2023-24" then "31 May" are two targets, not "2023-2431")."""
    if not first[:1].isdigit():
        return False
    if last.endswith(("/", ".")):
        return True
    return bool(_FIGURE.match(last + first.split(" ", 1)[0])) and last[-1:].isdigit()


# A full-width single word followed by one of these wrapped normally; it was not cut.
_SHORT_WORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
        "it", "of", "on", "or", "the", "to", "with", "will", "was",
    }
)


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
