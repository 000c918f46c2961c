"""Ruled grids drawn inside a cell of another grid (PDF): nested, not dropped, not a frame.

Grids are given as pdfplumber gives them (cell boxes x0, top, x1, bottom in points); words
are placed by hand, so each case shows exactly which word sits where.
"""

from __future__ import annotations

from pathlib import Path

from extractors.pdf import _grid_tables, read_pdf
from extractors.pdf_text import Word

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAGE_HEIGHT = 842.0


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 6.0 * len(text), top, top + 10.0)


def _grid(xs: list[float], tops: list[float]) -> list[tuple]:
    rows = zip(tops, tops[1:], strict=False)
    return [(x0, t0, x1, t1) for t0, t1 in rows for x0, x1 in zip(xs, xs[1:], strict=False)]


# outer grid, x 50..550, rows 100..130..300, columns at 50 | 100 | 250 | 550
#   row 0: "No." | "Recommendation" | "Actions"
#   row 1: "1"   | "Improve"        | "Agreed" (own line, top 135), then inner grid:
#          inner grid x 260..540, rows 160..180..200, columns 260 | 400 | 540
#            "Action" | "Owner"
#            "Train"  | "Head"
OUTER = _grid([50, 100, 250, 550], [100, 130, 300])
INNER = _grid([260, 400, 540], [160, 180, 200])
WORDS = [
    _word("No.", 55, 110), _word("Recommendation", 105, 110), _word("Actions", 255, 110),
    _word("1", 55, 135), _word("Improve", 105, 135), _word("Agreed", 255, 135),
    _word("Action", 265, 165), _word("Owner", 405, 165),
    _word("Train", 265, 185), _word("Head", 405, 185),
]


def test_grid_inside_a_cell_is_nested_in_that_cell_and_the_outer_grid_is_kept() -> None:
    (table,) = _grid_tables([INNER, OUTER], WORDS, 1, PAGE_HEIGHT, [])
    assert table.n_cols == 3
    host = table.rows[1].cells[2]
    (inner,) = host.nested
    assert [[c.text for c in r.cells] for r in inner.rows] == [["Action", "Owner"],
                                                               ["Train", "Head"]]
    # The cell reads top to bottom: its own line, then the inner table row by row.
    assert [p.text for p in host.paragraphs] == ["Agreed", "Action", "Owner", "Train", "Head"]
    assert host.own_text == "Agreed"
    assert [c.text for c in table.rows[1].cells[:2]] == ["1", "Improve"]


def test_one_cell_frame_around_a_table_is_layout_not_a_table() -> None:
    frame = [(40.0, 90.0, 560.0, 310.0)]
    tables = _grid_tables([frame, OUTER, INNER], WORDS, 1, PAGE_HEIGHT, [])
    assert [t.n_cols for t in tables] == [3]
    assert len(tables[0].rows[1].cells[2].nested) == 1


def test_frame_sharing_the_tables_top_border_adds_no_columns() -> None:
    # A page-wide frame (x 45..561) continued from the previous page: its top border and the
    # table's repeated header meet at y 100, so pdfplumber gives one grid with a one-cell
    # sliver at either end (45..50 and 550..561), the height of the whole table.
    joined = OUTER + [(45.0, 100.0, 50.0, 300.0), (550.0, 100.0, 561.0, 300.0)]
    (table,) = _grid_tables([joined, INNER], WORDS, 1, PAGE_HEIGHT, [])
    assert table.n_cols == 3
    assert table.col_edges == [50, 100, 250, 550]
    assert [c.text for c in table.rows[0].cells] == ["No.", "Recommendation", "Actions"]


def test_empty_end_column_cut_by_the_row_rules_is_a_column() -> None:
    # An empty last column crossed by the table's row rules is a column left blank (a
    # "Progress" column not yet filled in), not the gap inside a frame: it stays.
    blank = OUTER + [(550.0, 100.0, 600.0, 130.0), (550.0, 130.0, 600.0, 300.0)]
    (table,) = _grid_tables([blank, INNER], WORDS, 1, PAGE_HEIGHT, [])
    assert table.n_cols == 4


def test_merged_number_column_left_empty_on_a_continuation_page_stays() -> None:
    # A continuation page with no repeated header: the first column (50 pt wide) is one
    # merged cell the height of the table whose number was shown on the page before.
    continued = [(0.0, 100.0, 50.0, 300.0)] + OUTER
    (table,) = _grid_tables([continued, INNER], WORDS, 1, PAGE_HEIGHT, [])
    assert table.n_cols == 4


def test_one_column_frame_of_stacked_cells_around_a_table_is_layout_not_a_table() -> None:
    # frame x 40..560: a title row 60..90 ("Plan") above a row 90..310 holding the plan grid
    frame = [(40.0, 60.0, 560.0, 90.0), (40.0, 90.0, 560.0, 310.0)]
    words = [_word("Plan", 45, 70), *WORDS]
    tables = _grid_tables([frame, OUTER, INNER], words, 1, PAGE_HEIGHT, [])
    assert [t.n_cols for t in tables] == [3]
    assert len(tables[0].rows[1].cells[2].nested) == 1


def test_a_two_column_grid_around_a_table_still_holds_it_nested() -> None:
    # a real table whose second column's cell holds a grid: not a frame
    holder = [(40.0, 90.0, 200.0, 310.0), (200.0, 90.0, 560.0, 310.0)]
    inner = _grid([260, 400, 540], [160, 180, 200])
    words = [_word("Ref", 45, 100), _word("Action", 265, 165), _word("Owner", 405, 165),
             _word("Train", 265, 185), _word("Head", 405, 185)]
    (table,) = _grid_tables([holder, inner], words, 1, PAGE_HEIGHT, [])
    assert table.n_cols == 2
    assert len(table.rows[0].cells[1].nested) == 1


def test_nested_sample_pdf_has_one_plan_grid_per_page_with_inner_action_tables() -> None:
    doc = read_pdf(SAMPLES / "nested_ashcombe_pdu_2023.pdf")
    plan_grids = [t for t in doc.tables() if t.n_cols == 4]
    assert [t.page for t in plan_grids] == [1, 2]
    inner = [t for t in plan_grids for r in t.rows for c in r.cells for t in c.nested]
    assert len(inner) == 4  # recommendations 1, 2, 3 and 5 (4 is not agreed: no actions)
    assert all([c.text for c in t.rows[0].cells] == ["Action", "Owner", "Target date"]
               for t in inner)


def _rule(y: float, x0: float, x1: float) -> dict:
    return {"x0": x0, "x1": x1, "top": y}


def test_table_ruled_by_horizontal_lines_inside_a_cell_is_nested_with_its_columns() -> None:
    # outer grid as above; in the actions cell, rules at 158, 178, 198, 218 across 260..540
    # (no vertical lines) over three rows whose words leave gutters at ~300 and ~420:
    #   "1" | "Train" | "Head"     /   "2" | "Audit" | "Lead"   /   "3" | "Visit" | "Chief"
    words = [w for w in WORDS if w.top < 160]
    for i, (action, owner) in enumerate([("Train", "Head"), ("Audit", "Lead"),
                                         ("Visit", "Chief")]):
        top = 163 + 20 * i
        words += [_word(str(i + 1), 265, top), _word(action, 310, top), _word(owner, 430, top)]
    rules = [_rule(y, 260, 540) for y in (158, 178, 198, 218)]
    rules += [_rule(y, 50, 550) for y in (100, 130, 300)]  # the outer grid's own borders
    (table,) = _grid_tables([OUTER], words, 1, PAGE_HEIGHT, rules)
    host = table.rows[1].cells[2]
    (inner,) = host.nested
    assert inner.ruled == "horizontal"
    assert [[c.text for c in r.cells] for r in inner.rows] == [
        ["1", "Train", "Head"], ["2", "Audit", "Lead"], ["3", "Visit", "Chief"]]
    assert host.own_text == "Agreed"


def test_one_row_between_two_rules_inside_a_cell_is_a_one_row_table() -> None:
    # In the actions cell, rules at 158 and 178 only (a lone action drawn with rules):
    #   "1" | "Train" | "Head"  whose words leave gutters at ~300 and ~420.
    words = [w for w in WORDS if w.top < 160]
    words += [_word("1", 265, 163), _word("Train", 310, 163), _word("Head", 430, 163)]
    rules = [_rule(y, 260, 540) for y in (158, 178)] + [_rule(y, 50, 550) for y in (100, 130, 300)]
    (table,) = _grid_tables([OUTER], words, 1, PAGE_HEIGHT, rules)
    (inner,) = table.rows[1].cells[2].nested
    assert [[c.text for c in r.cells] for r in inner.rows] == [["1", "Train", "Head"]]


def test_prose_between_two_rules_inside_a_cell_stays_prose() -> None:
    # One line of prose between two rules: word spaces are not gutters.
    words = [w for w in WORDS if w.top < 160]
    x = 265.0
    for text in ["The", "service", "will", "review", "the", "policy"]:
        words.append(_word(text, x, 163))
        x += 6.0 * len(text) + 2.5
    rules = [_rule(y, 260, 540) for y in (158, 178)] + [_rule(y, 50, 550) for y in (100, 130, 300)]
    (table,) = _grid_tables([OUTER], words, 1, PAGE_HEIGHT, rules)
    host = table.rows[1].cells[2]
    assert host.nested == []
    assert host.text == "Agreed\nThe service will review the policy"
