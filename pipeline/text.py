"""Small text helpers shared by assembly and front-matter reading."""

from __future__ import annotations

from extractors.layout import Paragraph


def clean(text: str | None) -> str:
    """Collapse whitespace runs (line breaks included) to single spaces and strip."""
    return " ".join(text.split()) if text else ""


def joined_lines(paragraphs: list[Paragraph]) -> str:
    """Paragraphs as their visual lines, one per line: owners and dates are split by line."""
    out: list[str] = []
    for para in paragraphs:
        if para.lines and len(para.lines) > 1:
            out.extend(line.text for line in para.lines)
        else:
            out.append(para.labelled_text)
    return "\n".join(t.strip() for t in out if t.strip())
