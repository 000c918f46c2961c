"""Borderless tables from word alignment: found under a header of labels, never in prose."""

from __future__ import annotations

from extractors.pdf_borderless import find_borderless_tables
from extractors.pdf_text import Word
from tests.line_geometry import cells_line as _line

LINE = 12.0  # line pitch of 10 pt type




COLS = (40.0, 140.0, 330.0, 440.0)


def _plan_page(top: float = 60.0) -> list[Word]:
    words = _line(top, (40, "No."), (140, "Action"), (330, "Owner"), (440, "Target date"))
    y = top + 2 * LINE
    for n, (action, owner, date) in enumerate(
        [("Audit ten cases each month", "Head of Area", "May 2020"),
         ("Train all staff in risk", "Training Manager", "June 2020"),
         ("Review the policy", "Governor", "July 2020")], start=1):
        words += _line(y, (40, f"{n}."), (140, action), (330, owner), (440, date))
        y += 2 * LINE
    return words


def _cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_columns_anchored_on_the_header_labels() -> None:
    tables, _ = find_borderless_tables(_plan_page(), [], 1, 842.0, None)
    assert len(tables) == 1
    assert _cells(tables[0]) == [
        ["No.", "Action", "Owner", "Target date"],
        ["1.", "Audit ten cases each month", "Head of Area", "May 2020"],
        ["2.", "Train all staff in risk", "Training Manager", "June 2020"],
        ["3.", "Review the policy", "Governor", "July 2020"],
    ]
    assert tables[0].ruled == "none"


def test_prose_two_column_text_and_lists_are_no_table() -> None:
    prose = [w for i in range(8) for w in _line(60 + i * LINE, (40, "the council will "
             "consider the recommendations of the report and the actions set out"))]
    two_columns = [w for i in range(8) for w in _line(
        60 + i * LINE, (40, "left column text runs on here"), (300, "right column text too"))]
    bullets = [w for i in range(8) for w in _line(60 + i * LINE, (40, "1."), (60, "an item"))]
    for words in (prose, two_columns, bullets):
        assert find_borderless_tables(words, [], 1, 842.0, None)[0] == []


def test_a_table_at_the_foot_carries_its_columns_over_the_page() -> None:
    first = _plan_page(top=700.0)
    tables, carry = find_borderless_tables(first, [], 1, 842.0, None)
    assert tables and carry is not None
    # The next page starts with rows and no header: the same columns read them.
    rest = _line(60, (40, "4."), (140, "Publish the results"), (330, "Head of Area"),
                 (440, "Ongoing"))
    rest += _line(60 + 2 * LINE, (40, "5."), (140, "Close the audit"), (330, "Governor"),
                  (440, "2021"))
    rest += _line(60 + 4 * LINE, (40, "6."), (140, "Report to the board"), (330, "Chair"),
                  (440, "2022"))
    tables, _ = find_borderless_tables(rest, [], 2, 842.0, carry)
    assert [row[1] for row in _cells(tables[0])] == [
        "Publish the results", "Close the audit", "Report to the board"]
    # The carried columns are the header labels' starts; each line sits in the gutter
    # this page's text leaves just before one of them.
    assert carry.edges[1:-1] == [140, 330, 440]
    assert [round(x, 1) for x in tables[0].col_edges[1:-1]] == [95.0, 280.5, 413.0]
    assert [row[3] for row in _cells(tables[0])] == ["Ongoing", "2021", "2022"]


def test_a_header_repeated_on_the_next_page_starts_the_table_there() -> None:
    tables, carry = find_borderless_tables(_plan_page(top=700.0), [], 1, 842.0, None)
    assert carry is not None and carry.header == "No. Action Owner Target date"
    # A running line above it ("Position at ...") is no row of the table.
    page = _line(40, (330, "Position at March")) + _plan_page(top=60.0)
    tables, _ = find_borderless_tables(page, [], 2, 842.0, carry)
    assert len(tables) == 1
    assert _cells(tables[0])[0] == ["No.", "Action", "Owner", "Target date"]


def test_a_gap_inside_one_cell_does_not_start_a_row() -> None:
    # One row per recommendation: its actions are bullets with space between them, owner
    # and date written once beside the first. The second bullet is not a row of its own.
    words = _line(60, (40, "No."), (140, "Action"), (330, "Owner"), (440, "Target date"))
    words += _line(84, (40, "1."), (140, "• Audit ten cases"), (330, "Head of Area"),
                   (440, "May 2020"))
    words += _line(108, (140, "• Train all staff"))
    words += _line(132, (40, "2."), (140, "• Review the policy"), (330, "Governor"),
                   (440, "July 2020"))
    words += _line(156, (40, "3."), (140, "• Close the audit"), (330, "Chair"), (440, "2021"))
    tables, _ = find_borderless_tables(words, [], 1, 842.0, None)
    assert [row[1] for row in _cells(tables[0])] == [
        "Action", "• Audit ten cases\n• Train all staff", "• Review the policy",
        "• Close the audit"]
