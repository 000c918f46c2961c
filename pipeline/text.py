"""Text rules every stage shares: whitespace, sentence ends, a cell's lines, short quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.layout import Paragraph


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
    return "\n".join(p.labelled_text.strip() for p in paragraphs if p.labelled_text.strip())


def visual_lines(paragraphs: list[Paragraph]) -> str:
    """Paragraphs as the lines the page shows, one per line."""
    out = [ln.text for p in paragraphs for ln in p.lines] if all(
        p.lines for p in paragraphs
    ) else [p.labelled_text for p in paragraphs]
    return "\n".join(t.strip() for t in out if t.strip())


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
    rebuilt = "".join((ln.joiner if i else "") + ln.text for i, ln in enumerate(para.lines))
    return rebuilt.split() == para.text.split()
