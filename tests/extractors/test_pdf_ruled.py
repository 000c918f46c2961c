"""Tables drawn with horizontal rules only: columns from gutters, anchored on the header.

Words and rules are placed by hand (points, page-top origin), so each case shows exactly
which word sits where; words are 6 pt per letter wide and 10 pt high.
"""

from __future__ import annotations

from extractors.pdf_ruled import find_ruled_tables
from extractors.pdf_text import Word

PAGE_WIDTH = 600.0


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 6.0 * len(text), top, top + 10.0)


def _rules(*ys: float, x0: float = 50.0, x1: float = 550.0) -> list[dict]:
    return [{"x0": x0, "x1": x1, "top": y, "band": False} for y in ys]


def _texts(table) -> list[list[str]]:
    return [[c.text for c in row.cells if not c.continued] for row in table.rows]


def test_two_tables_stacked_with_a_gap_and_other_columns_are_two_tables() -> None:
    # A front-matter table (2 columns) over the plan (3 columns), an empty band between.
    words = [
        _word("Establishment", 55, 105), _word("Fenmoor", 300, 105),
        _word("Published", 55, 125), _word("May", 300, 125),
        _word("Submitted", 55, 145), _word("June", 300, 145),
        _word("No", 55, 185), _word("Recommendation", 90, 185), _word("Owner", 420, 185),
        _word("1", 55, 205), _word("Improve", 90, 205), _word("Governor", 420, 205),
        _word("2", 55, 225), _word("Review", 90, 225), _word("Head", 420, 225),
    ]
    rules = _rules(100, 120, 140, 160, 180, 200, 220, 240)
    tables = find_ruled_tables(rules, words, [], 1, PAGE_WIDTH)
    assert [t.n_cols for t in tables] == [2, 3]
    assert _texts(tables[1])[0] == ["No", "Recommendation", "Owner"]


def test_one_table_with_an_empty_spacer_row_stays_one_table() -> None:
    words = [
        _word("No", 55, 105), _word("Recommendation", 90, 105), _word("Owner", 420, 105),
        _word("1", 55, 125), _word("Improve", 90, 125), _word("Governor", 420, 125),
        _word("2", 55, 165), _word("Review", 90, 165), _word("Head", 420, 165),
        _word("3", 55, 185), _word("Audit", 90, 185), _word("Chief", 420, 185),
    ]
    rules = _rules(100, 120, 140, 160, 180, 200)
    (table,) = find_ruled_tables(rules, words, [], 1, PAGE_WIDTH)
    assert table.n_cols == 3
    assert [r[0] for r in _texts(table) if r and r[0]] == ["No", "1", "2", "3"]


# A header label over a narrow number column and the actions column: "4. Response" is one
# phrase (a word space apart), while the rows under it number their actions in a column of
# their own, one number per row.
HEADER = [_word("No", 55, 105), _word("4.", 200, 105), _word("Response", 215, 105),
          _word("Owner", 420, 105)]
ROWS = [
    _word("1", 55, 125), _word("1.", 200, 125), _word("Train", 230, 125),
    _word("Head", 420, 125),
    _word("2.", 200, 145), _word("Audit", 230, 145), _word("Lead", 420, 145),
]


def test_header_phrase_over_a_number_column_spans_it_and_the_rows_keep_it() -> None:
    (table,) = find_ruled_tables(_rules(100, 120, 140, 160), HEADER + ROWS, [], 1, PAGE_WIDTH)
    assert table.n_cols == 4
    header = table.rows[0].cells
    assert [(c.text, c.span) for c in header] == [("No", 1), ("4. Response", 2), ("Owner", 1)]
    assert _texts(table)[1] == ["1", "1.", "Train", "Head"]


def test_hanging_list_labels_in_one_row_are_no_column_of_their_own() -> None:
    # One row whose cell holds a numbered list ("1." "2." stacked, text indented): the
    # header word over it ("Action") keeps the labels and the text in one column.
    header = [_word("No", 55, 105), _word("Action", 200, 105), _word("Owner", 420, 105)]
    rows = [
        _word("1", 55, 125), _word("1.", 200, 125), _word("Train", 220, 125),
        _word("Head", 420, 125), _word("2.", 200, 137), _word("Audit", 220, 137),
        _word("2", 55, 165), _word("Visit", 200, 165), _word("Chief", 420, 165),
    ]
    (table,) = find_ruled_tables(_rules(100, 120, 160, 180), header + rows, [], 1, PAGE_WIDTH)
    assert table.n_cols == 3


def test_a_column_empty_on_this_page_is_kept_from_the_page_before() -> None:
    (first,) = find_ruled_tables(_rules(100, 120, 140, 160), HEADER + ROWS, [], 1, PAGE_WIDTH)
    # The next page: the same table, its rows without action numbers.
    rows = [_word("3", 55, 125), _word("Visit", 230, 125), _word("Chief", 420, 125),
            _word("4", 55, 145), _word("Check", 230, 145), _word("Head", 420, 145)]
    alone = find_ruled_tables(_rules(100, 120, 140, 160), HEADER + rows, [], 2, PAGE_WIDTH)
    assert alone[0].n_cols == 3
    (carried,) = find_ruled_tables(_rules(100, 120, 140, 160), HEADER + rows, [], 2,
                                   PAGE_WIDTH, first.col_edges)
    assert carried.n_cols == 4
    assert _texts(carried)[1] == ["3", "", "Visit", "Chief"]


def test_a_rule_drawn_one_cell_at_a_time_gives_its_columns_where_the_pieces_meet() -> None:
    from extractors.geometry import Box
    from extractors.pdf_ruled import joints, table_on_joints
    from extractors.pdf_text import Word

    def piece(x0, x1, y):
        return {"x0": x0, "x1": x1, "top": y, "bottom": y}

    rules = [[piece(10, 40, 100), piece(40, 200, 100), piece(200, 300, 100)],
             [piece(10, 40, 130), piece(40, 200, 130), piece(200, 300, 130)]]
    assert joints(rules[0]) == [40, 200]
    words = [Word("1", 12, 18, 110, 120), Word("Train", 45, 70, 110, 120),
             Word("staff.", 72, 95, 110, 120), Word("Lead", 205, 230, 110, 120)]
    table = table_on_joints(rules, words, 1, Box(0, 90, 310, 140))
    assert table is not None and table.col_edges == [10, 40, 200, 300]
    assert [c.text for c in table.rows[0].cells] == ["1", "Train staff.", "Lead"]
    # Rules drawn whole say nothing about columns.
    whole = [[piece(10, 300, 100)], [piece(10, 300, 130)]]
    assert table_on_joints(whole, words, 1, Box(0, 90, 310, 140)) is None
