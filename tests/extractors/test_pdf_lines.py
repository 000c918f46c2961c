"""Line grouping details of the PDF reader, on hand-made word boxes."""

from __future__ import annotations

from extractors.pdf_text import Word, words_to_lines


def test_raised_ordinal_stays_on_its_line() -> None:
    # "20" at 10pt on a baseline near y=110; "th" at 6pt raised by 3pt; then the next line.
    words = [
        Word("20", 10, 20, 100.0, 110.0),
        Word("th", 20.5, 25, 97.5, 103.5),
        Word("May", 27, 45, 100.0, 110.0),
        Word("2020", 47, 70, 100.0, 110.0),
        Word("Ongoing", 10, 50, 112.0, 122.0),
    ]
    lines = [line.text for line, _ in words_to_lines(words, page=1)]
    assert lines == ["20 th May 2020", "Ongoing"]


def test_lines_one_point_apart_are_not_merged() -> None:
    words = [Word("Head", 10, 30, 100.0, 108.0), Word("Manager", 10, 50, 109.5, 117.5)]
    assert len(words_to_lines(words, page=1)) == 2
