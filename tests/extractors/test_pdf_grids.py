"""The grid finder finds exactly the cells pdfplumber's own table finder finds."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from pdfplumber.table import (
    TableFinder,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
)

import extractors.pdf as pdf_reader
from extractors.pdf import GRID_SETTINGS, read_pdf
from extractors.pdf_grids import crossings, grid_cells, intersections_cells, tables_of_cells

SAMPLES = sorted(Path("samples").glob("*.pdf"))


def _plumber(vertical: list[dict], horizontal: list[dict]) -> list[list[tuple]]:
    settings = TableSettings.resolve({
        **GRID_SETTINGS,
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
    })
    # With explicit edge dicts the finder never consults its page.
    return [table.cells for table in TableFinder(None, settings).tables]  # type: ignore[arg-type]


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "orientation": "h" if top == bottom else "v",
            "object_type": "rule_edge"}


def test_every_sample_page_gives_pdfplumbers_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[list[dict], list[dict], list[list[tuple]]]] = []

    def spy(vertical: list[dict], horizontal: list[dict], settings: dict) -> list[list[tuple]]:
        found = grid_cells(vertical, horizontal, settings)
        seen.append((vertical, horizontal, found))
        return found

    monkeypatch.setattr(pdf_reader, "grid_cells", spy)
    for path in SAMPLES:
        read_pdf(path)
    assert sum(1 for *_, found in seen if found) >= 20  # the samples draw many grids
    for vertical, horizontal, found in seen:
        assert found == _plumber(vertical, horizontal)


def _random_rules(rng: random.Random) -> tuple[list[dict], list[dict]]:
    """A grid with merged cells, rules drawn in pieces, doubled a hair apart, or missing."""
    xs = sorted(rng.sample(range(20, 580, 20), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(20, 800, 15), rng.randint(2, 9)))
    vertical, horizontal = [], []
    for x in xs:
        for a, b in zip(ys, ys[1:], strict=False):
            if rng.random() < 0.85:
                shift = rng.choice([0, 0, 0, 0.4, -1.5, 2.9])
                vertical.append(_edge(x + shift, a + rng.choice([0, 0, 1, -2]), x + shift, b))
    for y in ys:
        for a, b in zip(xs, xs[1:], strict=False):
            if rng.random() < 0.85:
                shift = rng.choice([0, 0, 0, 0.3, 1.2, -3.5])
                horizontal.append(_edge(a, y + shift, b + rng.choice([0, 0, 2, -1]), y + shift))
    return vertical, horizontal


@pytest.mark.parametrize("seed", range(300))
def test_random_grids_give_pdfplumbers_cells(seed: int) -> None:
    vertical, horizontal = _random_rules(random.Random(seed))
    if len(vertical) < 2 or len(horizontal) < 2:
        return
    assert grid_cells(vertical, horizontal, GRID_SETTINGS) == _plumber(vertical, horizontal)


def test_a_plain_grid_has_one_cell_per_box() -> None:
    vertical = [_edge(x, 0, x, 60) for x in (0, 100, 200)]
    horizontal = [_edge(0, y, 200, y) for y in (0, 30, 60)]
    assert grid_cells(vertical, horizontal, GRID_SETTINGS) == [
        [(0, 0, 100, 30), (0, 30, 100, 60), (100, 0, 200, 30), (100, 30, 200, 60)]]


def test_crossings_at_nan_are_left_to_pdfplumber() -> None:
    nan = float("nan")
    crossings = {(0.0, 0.0): {"v": [_edge(0, 0, 0, 10)], "h": [_edge(0, 0, 10, 0)]},
                 (nan, 0.0): {"v": [], "h": []}}
    assert intersections_cells(crossings) == []


@pytest.mark.parametrize("seed", range(100))
def test_crossings_and_tables_as_pdfplumber_finds_them(seed: int) -> None:
    rng = random.Random(seed)
    vertical, horizontal = _random_rules(rng)
    if rng.random() < 0.5:  # a second grid beside the first, and the edges in any order
        more_v, more_h = _random_rules(rng)
        vertical += [{**e, "x0": e["x0"] + 600, "x1": e["x1"] + 600} for e in more_v]
        horizontal += [{**e, "x0": e["x0"] + 600, "x1": e["x1"] + 600} for e in more_h]
    edges = vertical + horizontal
    rng.shuffle(edges)
    found = crossings(edges, 3, 3)
    expected = edges_to_intersections(edges, 3, 3)
    assert list(found.items()) == list(expected.items())  # the same order too
    cells = intersections_cells(found)
    rng.shuffle(cells)
    assert tables_of_cells(cells) == cells_to_tables(cells)
