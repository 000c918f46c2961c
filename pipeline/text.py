"""Small text helpers shared by assembly and front-matter reading."""

from __future__ import annotations

from extractors.layout import Paragraph


def clean(text: str | None) -> str:
    """Collapse whitespace runs (line breaks included) to single spaces and strip."""
    return " ".join(text.split()) if text else ""


def joined_lines(paragraphs: list[Paragraph]) -> str:
    """Paragraphs one per line, wrapping undone: owners and dates split at hard breaks only."""
    return "\n".join(p.labelled_text.strip() for p in paragraphs if p.labelled_text.strip())
