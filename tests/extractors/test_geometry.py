"""The page box type the PDF readers share: construction, measures and containment."""

from __future__ import annotations

from extractors.geometry import TOUCH_PT, Box
from extractors.pdf_text import Word


def test_box_reads_by_name_and_unpacks_in_pdfplumber_order() -> None:
    box = Box(10.0, 20.0, 110.0, 50.0)
    x0, top, x1, bottom = box
    assert (x0, top, x1, bottom) == (10.0, 20.0, 110.0, 50.0)
    assert (box.width, box.height, box.area) == (100.0, 30.0, 3000.0)


def test_box_of_a_word_and_of_a_pdfplumber_dict() -> None:
    word = Word("Agreed", 72.0, 104.5, 100.0, 110.0)
    assert Box.of(word) == Box(72.0, 100.0, 104.5, 110.0)
    rect = {"x0": 1, "top": 2, "x1": 3, "bottom": 4, "width": 2}
    assert Box.from_dict(rect) == Box(1.0, 2.0, 3.0, 4.0)


def test_box_around_several_boxes() -> None:
    cells = [Box(50, 100, 100, 130), Box(100, 100, 250, 130), Box(50, 130, 250, 300)]
    assert Box.around(cells) == Box(50, 100, 250, 300)


def test_holds_centre_counts_a_word_by_its_middle() -> None:
    cell = Box(100, 100, 200, 130)
    assert cell.holds_centre(Word("reaching", 180, 215, 110, 120))  # centre 197.5: inside
    assert not cell.holds_centre(Word("over", 190, 230, 110, 120))  # centre 210: outside
    assert cell.holds_centre(Word("edge", 90, 110, 95, 105))  # centre on the corner


def test_contains_allows_slack_on_every_side() -> None:
    outer = Box(50, 100, 550, 300)
    assert outer.contains(Box(60, 110, 540, 290))
    assert not outer.contains(Box(49.5, 110, 540, 290))
    assert outer.contains(Box(49.5, 99.5, 550.5, 300.5), slack=TOUCH_PT)
    assert not outer.contains(Box(48, 110, 540, 290), slack=TOUCH_PT)


def test_shared_width_is_the_overlap_or_minus_the_gap() -> None:
    assert Box(0, 0, 100, 10).shared_width(Box(60, 50, 200, 60)) == 40
    assert Box(0, 0, 100, 10).shared_width(Box(120, 0, 200, 10)) == -20
