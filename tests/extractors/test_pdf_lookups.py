"""The reader's bisected look-ups answer as the plain scans they replace."""

from __future__ import annotations

import math
import random

import pytest

from extractors.geometry import Box
from extractors.layout import Line
from extractors.pdf import (
    SPACE_REACH,
    _cluster,
    _index,
    _space_follows,
    _space_glyphs,
    _words_by_box,
)
from extractors.pdf_ruled import _coverage
from extractors.pdf_rules import TextCentres
from extractors.pdf_text import Word, words_to_lines


@pytest.mark.parametrize("seed", range(50))
def test_the_nearest_edge_is_the_first_nearest(seed: int) -> None:
    rng = random.Random(seed)
    edges = _cluster([rng.uniform(0, 600) for _ in range(rng.randint(1, 12))])
    for value in [rng.uniform(-20, 620) for _ in range(50)] + edges + [
            (a + b) / 2 for a, b in zip(edges, edges[1:], strict=False)]:
        assert _index(edges, value) == min(range(len(edges)), key=lambda i: abs(edges[i] - value))


@pytest.mark.parametrize("seed", range(50))
def test_a_space_follows_a_word_as_a_scan_of_its_rows_finds(seed: int) -> None:
    rng = random.Random(seed)
    glyphs = [(rng.choice([100.2, 101.4, 102.6, 130.0]), rng.uniform(0, 300)) for _ in range(40)]
    spaces = _space_glyphs(glyphs)
    for _ in range(200):
        top, x1 = rng.choice([99.0, 100.0, 101.0, 103.0, 130.4]), rng.uniform(0, 300)
        row = round(top)
        expected = any(x1 - 0.5 <= x <= x1 + SPACE_REACH for t, x in glyphs
                       if round(t) in (row - 1, row, row + 1))
        assert _space_follows(top, x1, spaces) == expected


def test_each_word_goes_to_the_first_cell_holding_its_centre() -> None:
    boxes = [Box(0, 0, 100, 50), Box(100, 0, 200, 50), Box(0, 50, 200, 80), Box(0, 50, 100, 80)]
    xs = [0.0, 100.0, 200.0]
    words = [Word("a", 10, 20, 10, 20), Word("b", 150, 160, 10, 20), Word("c", 40, 60, 60, 70),
             Word("edge", 95, 105, 45, 55), Word("out", 10, 20, 90, 100)]
    found = _words_by_box(words, boxes, xs)
    # A centre on a column line is looked up in the column right of it; of two cells
    # holding a centre ("c": the spanning cell and the one under it) the first takes it.
    assert [[w.text for w in cell] for cell in found] == [["a"], ["b", "edge"], ["c"], []]


@pytest.mark.parametrize("seed", range(20))
def test_coverage_counts_the_bands_over_each_point(seed: int) -> None:
    rng = random.Random(seed)
    bands = [[Word("w", a, a + rng.uniform(-5, 60), 0, 10)
              for a in (rng.uniform(-30, 330) for _ in range(rng.randint(0, 8)))]
             for _ in range(rng.randint(0, 6))]
    x0, width = 10.0, 300
    expected = [sum(1 for band in bands if any(int(w.x0 - x0) <= x <= int(w.x1 - x0) for w in band))
                for x in range(width)]
    assert _coverage(bands, x0, width) == expected
    assert _coverage(bands, x0, -3) == []


def _plain_lines(words: list[Word], page: int | None) -> list[tuple[Line, list[Word]]]:
    """words_to_lines as first written: each word's key by round(centre, 1), every open
    line's centre and height worked out at each test."""
    open_lines: list[list] = []
    for word in sorted(words, key=lambda w: (round((w.top + w.bottom) / 2, 1), w.x0)):
        height, middle = word.bottom - word.top, (word.top + word.bottom) / 2
        for line in open_lines[:-4:-1]:
            top, bottom = line[0], line[1]
            tall, short = max(height, bottom - top), min(height, bottom - top)
            tolerance = (0.5 if short < 0.8 * tall else 0.35) * tall
            if abs((top + bottom) / 2 - middle) <= max(tolerance, 1.5):
                line[4].append(word)
                line[2], line[3] = min(line[2], word.x0), max(line[3], word.x1)
                line[1] = max(line[1], word.bottom)
                break
        else:
            open_lines.append([word.top, word.bottom, word.x0, word.x1, [word]])
    lines = []
    for top, bottom, x0, x1, members in open_lines:
        members.sort(key=lambda w: w.x0)
        lines.append((Line(" ".join(w.text for w in members), page, x0, top, x1, bottom),
                      members))
    return sorted(lines, key=lambda item: item[0].top or 0.0)


@pytest.mark.parametrize("seed", range(60))
def test_lines_are_grouped_as_the_plain_grouping_groups_them(seed: int) -> None:
    rng = random.Random(seed)
    words = []
    for i in range(rng.randint(0, 40)):
        # Centres on a tie between two tenths (x.x5 exactly, or a hair either side), on
        # negative heights (text above the page), and mixed type sizes.
        height = rng.choice([10.0, 6.0, 12.5, 0.5])
        centre = rng.choice([
            rng.uniform(-20, 800),
            rng.randint(-100, 8000) / 10 + 0.05,
            rng.randint(0, 8000) / 10 + rng.choice([0.25, 0.75, 0.05 + 1e-9, 0.05 - 1e-9]),
        ])
        x0 = rng.choice([rng.uniform(0, 500), 10.0])
        words.append(Word(f"w{i}", x0, x0 + rng.uniform(1, 60), centre - height / 2,
                          centre + height / 2))
    assert words_to_lines(words, 3) == _plain_lines(words, 3)


@pytest.mark.parametrize("seed", range(30))
def test_text_centres_in_a_box_as_a_scan_of_them_finds(seed: int) -> None:
    rng = random.Random(seed)
    centres = [(rng.uniform(0, 300), rng.choice([rng.uniform(0, 300), 50.0, math.nan]))
               for _ in range(rng.randint(0, 60))]
    found = TextCentres(centres)
    for _ in range(100):
        x0, top = rng.uniform(-10, 300), rng.choice([rng.uniform(-10, 300), 50.0, math.nan])
        x1, bottom = x0 + rng.uniform(-5, 80), top + rng.choice([rng.uniform(-5, 80), 0.0])
        expected = any(x0 <= cx <= x1 and top <= cy <= bottom for cx, cy in centres)
        assert found.in_box(x0, top, x1, bottom) == expected
