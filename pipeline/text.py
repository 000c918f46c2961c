"""Small text helpers shared by assembly and front-matter reading."""

from __future__ import annotations

from extractors.layout import Paragraph


def clean(text: str | None) -> str:
    """Collapse whitespace runs (line breaks included) to single spaces and strip."""
    return " ".join(text.split()) if text else ""


def joined_lines(paragraphs: list[Paragraph]) -> str:
    """Paragraphs one per line, wrapping undone: owners and dates split at hard breaks only."""
    return "\n".join(p.labelled_text.strip() for p in paragraphs if p.labelled_text.strip())


def visual_lines(paragraphs: list[Paragraph]) -> str:
    """Paragraphs as the lines the page shows, one per line."""
    out = [ln.text for p in paragraphs for ln in p.lines] if all(
        p.lines for p in paragraphs
    ) else [p.labelled_text for p in paragraphs]
    return "\n".join(t.strip() for t in out if t.strip())
