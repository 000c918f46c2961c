"""Which drawn objects are table rules: strokes and thin fills, never shading or white boxes."""

from __future__ import annotations

from extractors.pdf_rules import band_edges, close_open_ends, luminance, rule_edges


def _rect(x0, top, x1, bottom, *, fill=True, stroke=False, color=(0, 0, 0), stroke_color=None):
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "fill": fill, "stroke": stroke,
            "non_stroking_color": color, "stroking_color": stroke_color}


def _line(x0, top, x1, bottom, color=(0, 0, 0)):
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "stroking_color": color}


def _shape(edges):
    return sorted((e["orientation"], round(e["x0"]), round(e["top"]), round(e["x1"]),
                   round(e["bottom"])) for e in edges)


def test_strokes_are_rules() -> None:
    edges = rule_edges([_line(10, 50, 300, 50), _line(10, 50, 10, 200)], [], [], [])
    assert _shape(edges) == [("h", 10, 50, 300, 50), ("v", 10, 50, 10, 200)]


def test_thin_filled_rectangles_are_rules_along_their_length() -> None:
    # Word draws a 0.5 pt border as a filled rectangle 0.5 pt high (or wide).
    edges = rule_edges([], [_rect(10, 49.75, 300, 50.25), _rect(99.75, 50, 100.25, 200)], [], [])
    assert _shape(edges) == [("h", 10, 50, 300, 50), ("v", 100, 50, 100, 200)]


def test_shading_is_no_rule_even_inset_in_a_cell() -> None:
    # A cell 10..100 shaded from 12..98: two phantom columns if its sides counted.
    shading = _rect(12, 52, 98, 80, color=(0.8, 0.8, 0.8))
    assert rule_edges([], [shading], [], [(50, 60)]) == []
    assert rule_edges([], [shading], [], []) == []


def test_a_thin_box_with_text_inside_is_shading() -> None:
    highlight = _rect(10, 50, 12.5, 62, color=(1, 1, 0))  # behind one narrow glyph
    assert rule_edges([], [highlight], [], [(11, 56)]) == []


def test_white_paint_is_never_a_border() -> None:
    # A prose page: a white box behind every word, some thin enough to look like rules.
    boxes = [_rect(10 + 40 * i, 100, 48 + 40 * i, 102.5, color=(1, 1, 1)) for i in range(10)]
    boxes += [_rect(10, 120, 200, 132, color=1.0), _rect(10, 140, 11, 300, color=(0, 0, 0, 0))]
    assert rule_edges([_line(10, 90, 400, 90, color=(1, 1, 1))], boxes, [], []) == []


def test_stroked_boxes_give_their_four_sides() -> None:
    box = _rect(10, 50, 100, 80, fill=False, stroke=True, stroke_color=(0, 0, 0))
    assert len(rule_edges([], [box], [], [])) == 4


def test_shaded_bands_bound_rows_but_never_make_columns() -> None:
    band = _rect(40, 185, 800, 203, color=(0.85, 0.85, 0.85))
    assert _shape(band_edges([band], [(100, 194)])) == [("h", 40, 185, 800, 185),
                                                        ("h", 40, 203, 800, 203)]
    assert band_edges([_rect(40, 185, 800, 203, color=(1, 1, 1))], []) == []


def test_luminance_of_each_colour_space() -> None:
    assert luminance(1.0) == 1.0
    assert luminance((1, 1, 1)) == 1.0
    assert luminance((0, 0, 0, 0)) == 1.0  # CMYK: no ink is white
    assert luminance((0, 0, 0, 1)) == 0.0
    assert luminance("P0") is None


def _v(x, top, bottom):
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def _h(x0, x1, y):
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def test_cells_a_browser_left_open_at_the_page_end_are_closed() -> None:
    # A merged cell 10..100 runs into the page foot with no bottom rule (Chromium); the
    # cells right of it (100..300) were closed at 700.
    edges = [_h(10, 300, 100), _h(100, 300, 700), _v(10, 100, 760), _v(100, 100, 760),
             _v(300, 100, 700)]
    assert _shape(close_open_ends(edges)) == _shape([*edges, _h(10, 100, 760)])


def test_a_closed_grid_and_a_lone_rule_get_nothing_added() -> None:
    closed = [_h(10, 300, 100), _h(10, 300, 700), _v(10, 100, 700), _v(300, 100, 700)]
    assert _shape(close_open_ends(closed)) == _shape(closed)
    # One vertical rule ending in the open is a margin bar, not a cut row.
    lone = [_h(10, 300, 100), _v(10, 100, 700)]
    assert _shape(close_open_ends(lone)) == _shape(lone)


def test_a_continuation_open_at_the_page_top_is_closed() -> None:
    edges = [_h(10, 300, 200), _v(10, 40, 200), _v(300, 40, 200)]
    assert _shape(close_open_ends(edges)) == _shape([*edges, _h(10, 300, 40)])


def test_the_closing_rule_runs_under_the_text_the_cut_cell_holds() -> None:
    # Chromium paints the last line of a cut cell below the end of its side borders.
    from extractors.geometry import Box
    edges = [_h(10, 300, 100), _v(10, 100, 760), _v(300, 100, 760)]
    closed = close_open_ends(edges, [Box(20, 758, 80, 768)])
    assert _shape(closed) == _shape([_h(10, 300, 100), _v(10, 100, 768), _v(300, 100, 768),
                                     _h(10, 300, 768)])


def test_a_rule_drawn_in_pieces_has_no_open_end_where_the_pieces_meet() -> None:
    # Chromium draws a merged cell's sides one row at a time; the joins are no cut.
    edges = [_h(10, 300, 100), _h(10, 300, 300), _v(10, 100, 150), _v(10, 150, 300),
             _v(100, 100, 150), _v(100, 150, 300), _v(300, 100, 300)]
    assert _shape(close_open_ends(edges)) == _shape(edges)
