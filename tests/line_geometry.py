"""Words laid out as a PDF reader sees them, for tests of line and paragraph grouping: a
200 pt column, 5 pt characters, 2.5 pt spaces, 10 pt lines with 2 pt leading."""

from __future__ import annotations

from extractors.pdf_text import Word

LEFT, RIGHT = 0.0, 200.0
INDENT = 2.0
CHAR, SPACE, HEIGHT, LEADING = 5.0, 2.5, 10.0, 2.0
FULL = "The quick brown fox jumps over the red dogs"  # ends at x=197: the line is full


def line_words(text: str, top: float, x0: float = INDENT) -> list[Word]:
    """Words of one visual line starting at ``x0``."""
    words = []
    x = x0
    for token in text.split(" "):
        width = CHAR * len(token)
        words.append(Word(token, x, x + width, top, top + HEIGHT))
        x += width + SPACE
    return words


# Cells of a table line sit apart by more than a space: 3 pt between words of a cell.
CELL_SPACE = 3.0


def cells_line(top: float, *cells: tuple[float, str]) -> list[Word]:
    """Words of one visual line of a table: each cell's text starts at its x."""
    words = []
    for x, text in cells:
        for token in text.split():
            words.append(Word(token, x, x + CHAR * len(token), top, top + HEIGHT))
            x += CHAR * len(token) + CELL_SPACE
    return words


def line_top(n: int) -> float:
    """Top of the n-th wrapped line (0-based) with normal leading."""
    return 100.0 + n * (HEIGHT + LEADING)
