"""Words a narrow PDF column cut, mended in one place (pipeline.text.mend_cut_words).

Paragraphs are built by the PDF reader's own helpers from hand-placed words (as in
tests/extractors/test_pdf_text.py), then mended with the document's vocabulary.
"""

from __future__ import annotations

from line_geometry import CHAR, FULL, HEIGHT, INDENT, LEFT, RIGHT, SPACE
from line_geometry import line_top as _top
from line_geometry import line_words as _line

from extractors.layout import Document, Paragraph, Table
from extractors.pdf_text import Word, lines_to_paragraphs, words_to_lines
from pipeline.text import document_vocabulary, mend_cut_words, mend_paragraph


def _mended(paragraphs: list[Paragraph]) -> list[Paragraph]:
    vocabulary = document_vocabulary(paragraphs)
    for para in paragraphs:
        mend_paragraph(para, vocabulary)
    return paragraphs


def _paragraphs(*lines: list[Word]) -> list[Paragraph]:
    words = [w for line in lines for w in line]
    return _mended(lines_to_paragraphs(words_to_lines(words, 1), LEFT, RIGHT, 1))


def _texts(paragraphs: list[Paragraph]) -> list[str]:
    return [p.text for p in _mended(paragraphs)]


def _right(words: list[Word]) -> float:
    return words[-1].x1

def test_word_filling_the_column_then_lowercase_fragment_joins_without_space() -> None:
    # A narrow column: "Commence" fills it, the renderer broke the word "Commenced".
    right = 45.0
    words = [Word("Commence", INDENT, 42.0, _top(0), _top(0) + HEIGHT),
             Word("d", INDENT, INDENT + CHAR, _top(1), _top(1) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["Commenced"]


def test_word_filling_the_column_then_a_function_word_keeps_the_space() -> None:
    # A producer that writes no space glyphs at all gives no space evidence at line ends:
    # "recommendation" fills the column and "cannot" follows in lower case, but a function
    # word is never the tail of a cut word.
    right = 45.0
    words = [Word("recommendation", INDENT, 42.0, _top(0), _top(0) + HEIGHT),
             Word("cannot", INDENT, INDENT + 6 * CHAR, _top(1), _top(1) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["recommendation cannot"]


def test_broken_word_with_a_dash_after_it() -> None:
    right = 45.0
    words = [Word("Complete", INDENT, 42.0, _top(0), _top(0) + HEIGHT),
             Word("d", INDENT, INDENT + CHAR, _top(1), _top(1) + HEIGHT),
             Word("–", INDENT + CHAR + SPACE, INDENT + 2 * CHAR + SPACE, _top(1),
                  _top(1) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["Completed –"]


def test_word_filling_the_column_then_and_keeps_the_space() -> None:
    right = 45.0
    words = [Word("Commence", INDENT, 42.0, _top(0), _top(0) + HEIGHT),
             Word("and", INDENT, INDENT + 3 * CHAR, _top(1), _top(1) + HEIGHT),
             Word("ongoing", INDENT, INDENT + 7 * CHAR, _top(2), _top(2) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["Commence and ongoing"]


def test_full_width_single_word_then_capitalised_word_keeps_the_space() -> None:
    right = 45.0
    words = [Word("Complete", INDENT, 42.0, _top(0), _top(0) + HEIGHT),
             Word("May", INDENT, INDENT + 3 * CHAR, _top(1), _top(1) + HEIGHT),
             Word("2020", INDENT + 3 * CHAR + SPACE, INDENT + 7 * CHAR + SPACE, _top(1),
                  _top(1) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["Complete May 2020"]


def test_several_words_filling_the_line_then_lowercase_keeps_the_space() -> None:
    # Only a single word wider than the column is ever cut; a line of words wraps normally.
    first = _line(FULL, _top(0))
    second = _line("d and more", _top(1))
    # "d" (5pt) would fit after the first line only if the line were short: it is not.
    assert _right(first) + SPACE + CHAR > RIGHT - INDENT - 1
    assert _texts(_paragraphs(first, second)) == [
        f"{FULL} d and more"
    ]


def test_line_ending_in_a_hyphen_joins_without_a_space() -> None:
    first = _line("A refreshed approach to risk and stand-", _top(0))
    second = _line("alone assessments is needed", _top(1))
    # "alone" (25pt) must not fit after the first line, or it would be a new paragraph.
    assert _right(first) + SPACE + 25 > RIGHT - INDENT - 1
    assert _texts(_paragraphs(first, second)) == [
        "A refreshed approach to risk and stand-alone assessments is needed"
    ]


def test_spaced_dash_at_line_end_keeps_the_space() -> None:
    first = _line("Durham completed this year and will then -", _top(0))
    second = _line("Cleveland next", _top(1))
    assert _right(first) + SPACE + CHAR * len("Cleveland") > RIGHT - INDENT - 1
    assert _texts(_paragraphs(first, second)) == [
        "Durham completed this year and will then - Cleveland next"
    ]


def test_each_line_records_how_it_joins_the_line_before() -> None:
    first = _line("A refreshed approach to risk and stand-", _top(0))
    second = _line(FULL, _top(1))
    third = _line("rest follows", _top(2))
    [para] = _paragraphs(first, second, third)
    assert [ln.joiner for ln in para.lines[1:]] == ["", " "]
    assert para.text == "".join(
        (ln.joiner if i else "") + ln.text for i, ln in enumerate(para.lines)
    )


# -- the page's own evidence at a line end ------------------------------------------------


def test_line_ending_at_a_space_glyph_is_a_wrap_never_a_cut() -> None:
    # "Sometime" fills the narrow column, "next year" follows in lower case: shaped like a
    # cut word, but the page holds a space after "Sometime", so the line wrapped there.
    right = 45.0
    words = [Word("Sometime", INDENT, 42.0, _top(0), _top(0) + HEIGHT, space_after=True),
             Word("next", INDENT, INDENT + 4 * CHAR, _top(1), _top(1) + HEIGHT),
             Word("year", INDENT + 4 * CHAR + SPACE, INDENT + 8 * CHAR + SPACE, _top(1),
                  _top(1) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["Sometime next year"]
    # Without that space glyph the same shape is a word the column broke.
    words[0].space_after = False
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["Sometimenext year"]


def test_word_broken_after_its_first_letter_is_mended() -> None:
    # "Performance/PH" is wider than the column: it broke after the P of "PH".
    right = 70.0
    words = [Word("Performance/P", INDENT, INDENT + 13 * CHAR, _top(0), _top(0) + HEIGHT),
             Word("H", INDENT, INDENT + CHAR, _top(1), _top(1) + HEIGHT),
             Word("Consultant", INDENT + CHAR + SPACE, INDENT + 11 * CHAR + SPACE, _top(1),
                  _top(1) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert _texts(paragraphs) == ["Performance/PH Consultant"]


def test_stacked_targets_are_not_glued_into_one_figure() -> None:
    right = 45.0
    words = [Word("2023-24", INDENT, 42.0, _top(0), _top(0) + HEIGHT),
             Word("31", INDENT, INDENT + 2 * CHAR, _top(1), _top(1) + HEIGHT),
             Word("May", INDENT + 2 * CHAR + SPACE, INDENT + 5 * CHAR + SPACE, _top(1),
                  _top(1) + HEIGHT)]
    paragraphs = lines_to_paragraphs(words_to_lines(words, 1), LEFT, right, 1)
    assert " ".join(_texts(paragraphs)) == "2023-24 31 May"


def _narrow_cell(*lines: tuple[str, ...], top: int = 0) -> Paragraph:
    """One paragraph of a 45pt-wide column, each line's words as given."""
    words = []
    for n, line in enumerate(lines):
        x = INDENT
        for token in line:
            # The first line is one word that fills the column; the rest are as long as they are.
            width = 42.0 - INDENT if n == 0 and len(line) == 1 else CHAR * len(token)
            words.append(Word(token, x, x + width, _top(top + n), _top(top + n) + HEIGHT))
            x += width + SPACE
    [para] = lines_to_paragraphs(words_to_lines(words, 1), LEFT, 45.0, 1)
    return para


def test_a_word_cut_the_same_way_in_every_row_is_still_mended() -> None:
    # "Completed" never appears whole, and its pieces "Comple" / "ted" appear in every row:
    # pieces at a break that may cut a word are not counted as words of the document.
    cells = [_narrow_cell(("Comple",), ("ted",)) for _ in range(3)]
    table = Table(rows=[], n_cols=1)
    document = Document(path="plan.pdf", format="pdf", blocks=[*cells, table])
    mend_cut_words(document)
    assert [p.text for p in cells] == ["Completed"] * 3
    assert [ln.joiner for ln in cells[0].lines] == [" ", ""]


def test_two_words_of_consecutive_lines_are_never_glued() -> None:
    # "Target" fills a narrow header cell and "date" follows: "date" is a word the document
    # uses whole elsewhere, so the break is a wrap.
    header = _narrow_cell(("Targets",), ("date",))
    elsewhere = [Paragraph(text="The date is set."), Paragraph(text="A new date.")]
    document = Document(path="plan.pdf", format="pdf", blocks=[header, *elsewhere])
    mend_cut_words(document)
    assert header.text == "Targets date"
