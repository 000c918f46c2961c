"""Words → lines → paragraphs on hand-made ``Word`` boxes: no PDF involved.

Geometry used throughout: a text box from x=0 to x=200, text starting at x=2 (so the
right limit is 198), lines 10 points high, 2 points of leading between wrapped lines.
Each character is 5 points wide and a space 2.5 points.
"""

from __future__ import annotations

from line_geometry import CHAR, FULL, HEIGHT, INDENT, LEFT, RIGHT, SPACE
from line_geometry import line_top as _top
from line_geometry import line_words as _line

from extractors.layout import Line, Paragraph
from extractors.pdf_text import LABEL_RE, Word, lines_to_paragraphs, words_to_lines


def _paragraphs(*lines: list[Word]) -> list[Paragraph]:
    words = [w for line in lines for w in line]
    return lines_to_paragraphs(words_to_lines(words, 1), LEFT, RIGHT, 1)


def _texts(paragraphs: list[Paragraph]) -> list[str]:
    return [p.text for p in paragraphs]


def _right(words: list[Word]) -> float:
    return words[-1].x1


# -- words → lines -----------------------------------------------------------------------


def test_words_group_into_lines_left_to_right() -> None:
    # Words given out of order, one slightly lower (a different font's baseline).
    words = [
        Word("world", 40, 65, 100.5, 110.5),
        Word("Hello", 2, 27, 100, 110),
        Word("Next", 2, 22, 112, 122),
    ]
    lines = words_to_lines(words, 3)
    assert [ln.text for ln, _ in lines] == ["Hello world", "Next"]
    first: Line = lines[0][0]
    assert (first.x0, first.x1, first.page) == (2, 65, 3)


def test_lines_sorted_top_to_bottom() -> None:
    words = _line("second line", _top(1)) + _line("first line", _top(0))
    assert [ln.text for ln, _ in words_to_lines(words, None)] == ["first line", "second line"]


# -- lines → paragraphs --------------------------------------------------------------------


def test_wrapped_line_joins_with_a_space() -> None:
    # FULL fills the box; "lazy" (20pt) would not have fitted after it.
    first = _line(FULL, _top(0))
    assert _right(first) > RIGHT - INDENT - 20 - SPACE - 1
    second = _line("lazy dog", _top(1))
    paragraphs = _paragraphs(first, second)
    assert _texts(paragraphs) == [f"{FULL} lazy dog"]
    assert len(paragraphs[0].lines) == 2
    assert paragraphs[0].page == 1


def test_short_line_followed_by_a_word_that_would_have_fitted_starts_a_paragraph() -> None:
    first = _line("Head of Area", _top(0))  # ends at x=67: "Quality" (35pt) fits after it
    second = _line("Quality Team Manager", _top(1))
    assert _texts(_paragraphs(first, second)) == ["Head of Area", "Quality Team Manager"]


def test_short_line_followed_by_a_word_too_long_to_fit_joins() -> None:
    # Ends at x=142; the next word is 45pt wide, so the line had to wrap before it.
    first = _line("Audit a sample of the cases and", _top(0), x0=INDENT)
    assert _right(first) < RIGHT - INDENT - 1
    second = _line("practitioners trained", _top(1))
    assert _right(first) + SPACE + CHAR * len("practitioners") > RIGHT - INDENT - 1
    assert _texts(_paragraphs(first, second)) == [
        "Audit a sample of the cases and practitioners trained"
    ]


def test_vertical_gap_starts_a_paragraph() -> None:
    first = _line(FULL, _top(0))
    gap_top = first[0].bottom + HEIGHT  # a blank line's worth of space
    second = _line("lazy dog", gap_top)
    assert _texts(_paragraphs(first, second)) == [
        FULL,
        "lazy dog",
    ]


def test_printed_label_starts_a_paragraph() -> None:
    # The first line is full (x=187 + "2." would not fit), so only the label can split.
    first = _line("1. The quick brown fox jumps over the dog", _top(0))
    assert _right(first) + SPACE + 2 * CHAR > RIGHT - INDENT - 1
    second = _line("2. Train staff", _top(1))
    third = _line("(3a) Report", _top(2))
    assert _texts(_paragraphs(first, second, third)) == [
        "1. The quick brown fox jumps over the dog",
        "2. Train staff",
        "(3a) Report",
    ]


def test_empty_input_gives_no_paragraphs() -> None:
    assert lines_to_paragraphs([], LEFT, RIGHT, 1) == []
    assert words_to_lines([], 1) == []


def test_paragraph_keeps_its_lines_with_geometry() -> None:
    first = _line(FULL, _top(0))
    second = _line("lazy dog", _top(1))
    (paragraph,) = _paragraphs(first, second)
    assert [ln.text for ln in paragraph.lines] == [
        FULL, "lazy dog"]
    assert paragraph.lines[1].top == _top(1)


def test_label_pattern() -> None:
    for label in ["1.", "2)", "1.1.", "(1a)", "(1.2)", "(ii)", "a)", "•", "-"]:
        assert LABEL_RE.match(f"{label} text"), label
    for text in ["2020 was", "Head of Area", "May 2020", "1st April"]:
        assert not LABEL_RE.match(text), text


def test_the_reader_records_the_evidence_of_each_line_end_and_joins_with_spaces() -> None:
    # Whether a break cuts a word is the pipeline's decision (pipeline.text.mend_cut_words):
    # the reader joins with spaces and records a space glyph and a line filling its box.
    right = 45.0
    words = [Word("Commence", INDENT, 42.0, _top(0), _top(0) + HEIGHT, space_after=True),
             Word("d", INDENT, INDENT + CHAR, _top(1), _top(1) + HEIGHT)]
    [para] = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert para.text == "Commence d"
    assert [(ln.ends_in_space, ln.fills_width) for ln in para.lines] == [
        (True, True), (False, False)]
    assert [ln.joiner for ln in para.lines] == [" ", " "]



def test_a_line_opening_with_a_label_flush_against_its_text_starts_a_paragraph() -> None:
    # Browsers print list labels with no gap after them.
    assert LABEL_RE.match("1.Produce a plan")
    assert LABEL_RE.match("\u2022\u2022Commission a review")
    assert not LABEL_RE.match("1.5million")


def _chars(text: str, x0: float, size: float, gap: float) -> list[dict]:
    """Glyphs of ``text`` each 0.55 em wide, abutting; a space is drawn as a gap only."""
    out, x = [], x0
    for ch in text:
        if ch == " ":
            x += gap
            continue
        width = 0.55 * size
        out.append({"text": ch, "x0": x, "x1": x + width, "top": 100.0,
                    "bottom": 100.0 + size, "size": size, "upright": True,
                    "doctop": 100.0, "height": size, "width": width})
        x += width
    return out


def test_the_word_gap_scales_with_the_type_size() -> None:
    # Chromium printed a 5.7 pt table with spaces 1.3 pt wide and no space glyphs: a fixed
    # 1.5 pt tolerance glued "26April"; in 10 pt type a 1.3 pt gap is still no space.
    from pdfplumber.utils import extract_words

    from extractors.pdf import WORD_SETTINGS

    small = extract_words(_chars("26 April", 10, 5.7, 1.3), **WORD_SETTINGS)
    assert [w["text"] for w in small] == ["26", "April"]
    large = extract_words(_chars("Com pleted", 10, 10.0, 1.3), **WORD_SETTINGS)
    assert [w["text"] for w in large] == ["Completed"]
