"""Text rules every stage shares: whitespace, sentence ends, a cell's lines, short quotes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from extractors.layout import Document, Line, Paragraph, Table


@dataclass(frozen=True, slots=True)
class CellLine:
    """One line of a cell as the reader saw it.

    ``wrapped`` says the break before it was made by the layout (a full line wrapped, or a
    page cut the cell) rather than by the author (a paragraph or typed line break).
    """

    text: str
    wrapped: bool = False


# A sentence (or clause) is finished: a full stop, ?, !, colon, semicolon, or a closing
# bracket or quote after one. Unfinished text at a page cut or a cell's end runs on.
SENTENCE_END = re.compile(r"[.!?:;)\"'”’]\s*$")


def clean(text: str | None) -> str:
    """Collapse whitespace runs (line breaks included) to single spaces and strip."""
    return " ".join(text.split()) if text else ""


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence or clause (see ``SENTENCE_END``)."""
    return bool(SENTENCE_END.search(text))


def shorten(text: str, words: int) -> str:
    """The first ``words`` words of text, with an ellipsis when some were left out."""
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def joined_lines(paragraphs: list[Paragraph]) -> str:
    """Paragraphs one per line, wrapping undone: owners and dates split at hard breaks only."""
    return "\n".join([text for p in paragraphs if (text := p.labelled_text.strip())])


def visual_lines(paragraphs: list[Paragraph]) -> str:
    """Paragraphs as the lines the page shows, one per line."""
    out = [ln.text for p in paragraphs for ln in p.lines] if all(
        p.lines for p in paragraphs
    ) else [p.labelled_text for p in paragraphs]
    return "\n".join([line for t in out if (line := t.strip())])


def cell_lines(paragraphs: list[Paragraph]) -> list[CellLine]:
    """A cell's lines with the evidence for each break: the author's, or the layout's."""
    out: list[CellLine] = []
    previous_page: int | None = None
    for para in paragraphs:
        if not para.labelled_text.strip():
            continue
        if not (para.lines and _lines_make(para)):
            # DOCX (or a PDF paragraph edited since it was read): the paragraph break and
            # any line break typed inside the paragraph are the author's.
            out.extend(CellLine(t) for t in para.labelled_text.split("\n") if t.strip())
            previous_page = para.page
            continue
        # The first paragraph on a new page may carry on the last one: the page, not the
        # author, may have broken it.
        cut = bool(out) and None not in (para.page, previous_page) and para.page != previous_page
        label = f"{para.label} " if para.label else ""
        text, wrapped = label + para.lines[0].text, cut
        for line in para.lines[1:]:
            if line.joiner == "":
                text += line.text  # a word the column broke is one word
                continue
            out.append(CellLine(text, wrapped))
            text, wrapped = line.text, True
        out.append(CellLine(text, wrapped))
        last = para.lines[-1].page
        previous_page = last if last is not None else para.page
    return out


def _lines_make(para: Paragraph) -> bool:
    """True when the paragraph's text is its lines put together (nothing edited since)."""
    rebuilt = _rebuilt(para.lines)
    # The same text, as the reader made it, is the usual answer; the words are compared
    # only when it differs.
    return rebuilt == para.text or rebuilt.split() == para.text.split()


# --- words a narrow column cut ------------------------------------------------------------
# The one place a word cut by a narrow PDF column is mended. The reader joins a paragraph's
# lines with spaces and records, for each line, the page's evidence: a space glyph after its
# last word (it ends a word) and whether it fills its box's width. Here, with the document's
# own vocabulary, each break becomes a space or nothing.

# Words every plan may use in a narrow column (dates, answers, headers), known even when the
# document never prints them whole.
PLAN_WORDS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "agreed", "accepted", "rejected",
        "partially", "partly", "completed", "complete", "commenced", "ongoing",
        "recommendation", "recommendations", "responsible",
    }
)  # fmt: skip
# A full-width single word followed by one of these wrapped normally; it was not cut. They
# are function words (articles, prepositions, auxiliaries, modals, pronouns), which a
# column never leaves as the tail of a long word: "recommendation" / "cannot be" wrapped.
_SHORT_WORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
        "it", "of", "on", "or", "the", "to", "with", "will", "was",
        "been", "being", "but", "cannot", "could", "did", "does", "has", "have", "had",
        "its", "may", "might", "must", "not", "shall", "should", "than", "that", "their",
        "these", "they", "this", "those", "were", "which", "who", "would",
    }
)  # fmt: skip
# A date or figure cut by a narrow column: "31/03/" + "2024", "01/0" + "4/2023".
_FIGURE = re.compile(r"^\d{1,4}(?:[/.]\d{1,4}){1,2}[.,;]?$")
# A word the vocabulary counts as the document's own occurs at least this often whole.
_COMMON = 2


_KEY_PUNCTUATION = ".,;:()[]/\"'“”‘’!?"


def vocabulary_key(text: str) -> str:
    """A word as the vocabulary counts it: lower case, without surrounding punctuation."""
    return text.strip(_KEY_PUNCTUATION).lower()


def mend_cut_words(
    document: Document, vocabulary: Mapping[str, int] | None = None
) -> Document:
    """Decide every line break of the document's PDF paragraphs: a space, or nothing inside a
    word the column cut ("Recommenda" / "tions"); each paragraph's text follows (in place)."""
    if vocabulary is None:
        vocabulary = document_vocabulary(document)
    for para in _all_paragraphs(document):
        if len(para.lines) > 1 and _lines_make(para):
            mend_paragraph(para, vocabulary)
    return document


def mend_paragraph(para: Paragraph, vocabulary: Mapping[str, int]) -> None:
    """Set the joiner of each of the paragraph's lines and rebuild its text from them."""
    for prev, line in zip(para.lines, para.lines[1:], strict=False):
        line.joiner = _joiner(prev, line, vocabulary)
    para.text = _rebuilt(para.lines)


def _rebuilt(lines: list[Line]) -> str:
    """The lines' texts, each after its joiner (the first line's joiner stands before nothing)."""
    return lines[0].text + "".join([ln.joiner + ln.text for ln in lines[1:]]) if lines else ""


def join_across(before: Paragraph, after: Paragraph, vocabulary: Mapping[str, int]) -> Paragraph:
    """One paragraph of two a page cut apart; the break between them is decided as any line
    break ("Complet" at a page's foot, "e" at the next page's head is one word)."""
    glue = " "
    if before.lines and after.lines:
        glue = after.lines[0].joiner = _joiner(before.lines[-1], after.lines[0], vocabulary)
    # The first paragraph's label, page, style and provenance stand for the whole.
    return replace(before, text=f"{before.text}{glue}{after.text}",
                   lines=[*before.lines, *after.lines])


def document_vocabulary(source: Document | Iterable[Paragraph]) -> Counter[str]:
    """How often each word occurs whole in the document (or paragraphs): a word cut by a
    narrow column is recognised because the whole word occurs elsewhere and its pieces do
    not."""
    paragraphs = _all_paragraphs(source) if isinstance(source, Document) else source
    # Words as printed first: most recur ("the", "will", "March"), so each distinct one is
    # keyed once below. The texts they are in are gathered and split once, at the end
    # (joined by a space, their words are the words of each).
    texts: list[str] = []
    for para in paragraphs:
        lines = para.lines
        if len(lines) < 2:  # no break inside it (a DOCX paragraph, or one PDF line)
            texts.append(lines[0].text if lines else para.text)
            continue
        if not _any_may_cut(lines):
            texts.extend([line.text for line in lines])  # most paragraphs: no break may cut
            continue
        # The two sides of a break that may cut a word are pieces, not words: a narrow
        # column that cuts "Completed" the same way in every row must not make "Comple" and
        # "ted" look like words of the document.
        cut_before = False
        last = len(lines) - 1
        for k, line in enumerate(lines):
            cut_after = k < last and _may_cut(line)
            line_words = line.text.split()
            start = 1 if cut_before else 0
            stop = len(line_words) - 1 if cut_after else len(line_words)
            texts.append(" ".join(line_words[start:stop]))
            cut_before = cut_after
    # Keyed in a plain dict (a Counter's += on a new key calls its __missing__ in Python),
    # each key in the order it is first met, as a Counter would have them.
    keyed: dict[str, int] = {}
    for word, n in Counter(" ".join(texts).split()).items():
        key = word.strip(_KEY_PUNCTUATION).lower()  # vocabulary_key, inline
        keyed[key] = keyed.get(key, 0) + n
    counts = Counter(keyed)
    counts.update(word for word in PLAN_WORDS if word not in counts)
    return counts


def _any_may_cut(lines: list[Line]) -> bool:
    """Whether the break after any of the lines but the last may cut a word."""
    for line in lines[:-1]:
        if line.fills_width and not line.ends_in_space and " " not in line.text.strip():
            return True  # _may_cut, inline: most paragraphs are asked of every line
    return False


def _may_cut(line: Line) -> bool:
    """True when the break after the line may fall inside a word: one word alone fills the
    box and the page holds no space glyph after it."""
    return line.fills_width and not line.ends_in_space and " " not in line.text.strip()


def _all_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the document once: body, table cells, nested tables."""
    for block in document.blocks:
        if isinstance(block, Table):
            yield from block.paragraphs()
        else:
            yield block


def _joiner(prev: Line, line: Line, vocabulary: Mapping[str, int]) -> str:
    """How to join two wrapped lines: a space, or nothing inside a word broken by the column."""
    prev_text = prev.text
    if prev_text.endswith("-") and not prev_text.endswith(" -") and len(prev_text) > 1:
        return ""  # a real hyphen at the wrap point: "stand-" + "alone"
    if prev.ends_in_space:
        return " "  # the line ended at a space the page itself holds: "Sometime " + "next"
    first = line.text.split(" ", 1)[0]
    last = prev_text.rsplit(" ", 1)[-1]

    def is_word(piece: str) -> bool:
        key = vocabulary_key(piece)
        return key.isalpha() and len(key) > 2 and vocabulary.get(key, 0) >= _COMMON

    head, tail, whole = vocabulary_key(last), vocabulary_key(first), vocabulary_key(last + first)
    cut = bool(head) and bool(tail) and whole not in (head, tail)
    if cut and vocabulary.get(whole, 0) and not (is_word(last) and is_word(first)):
        return ""  # "Recommenda" + "tions": the whole word is the document's own
    # Word processors only break inside a word that alone is wider than the column.
    if (
        " " not in prev_text
        and prev.fills_width
        and (first[:1].islower() or _cut_figure(last, first) or _cut_after_letter(last, first))
        and first.strip(",.;:") not in _SHORT_WORDS
        and not is_word(first)  # "Target" + "date" is a wrap: "date" is a word of the document
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


def _cut_figure(last: str, first: str) -> bool:
    """Digits after a full-width figure continue it only when the two make one date or
    number ("2023-24" then "31 May" are two targets, not "2023-2431")."""
    if not first[:1].isdigit():
        return False
    if last.endswith(("/", ".")):
        return True
    return bool(_FIGURE.match(last + first.split(" ", 1)[0])) and last[-1:].isdigit()
