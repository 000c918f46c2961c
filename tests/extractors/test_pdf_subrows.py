"""Sub-rows of a borderless table: rows set apart by nothing but where their cells start."""

from __future__ import annotations

from extractors.pdf_borderless import find_borderless_tables
from extractors.pdf_text import Word
from tests.line_geometry import cells_line as _line

LINE = 12.0  # line pitch of 10 pt type: 2 pt between lines, no more between rows




NO, REC, ACTION, OWNER, DATE = 40.0, 100.0, 240.0, 400.0, 500.0


def _header(y: float = 60.0) -> list[Word]:
    return _line(y, (NO, "No."), (REC, "Recommendation"), (ACTION, "Action"),
                 (OWNER, "Owner"), (DATE, "Target date"))


def _cells(table) -> list[list[str]]:
    return [[c.text.replace("\n", " / ") for c in row.cells] for row in table.rows]


def _two_recommendations(y: float) -> list[Word]:
    """Rec 1 has two actions, each a row with its own owner and date, beside one merged
    recommendation cell that runs on past the second row's start; rec 2 has one action."""
    words = _line(y, (NO, "1."), (REC, "Staff should be trained in"),
                  (ACTION, "Deliver training to all"), (OWNER, "Head of Area"),
                  (DATE, "May 2020"))
    words += _line(y + LINE, (REC, "risk assessment and"), (ACTION, "staff."))
    # The second action's cells start together: after white space in the owner and date
    # columns, as a new paragraph in the action column; the recommendation runs on.
    words += _line(y + 2 * LINE, (REC, "planning for every"), (ACTION, "Audit ten cases a month."),
                   (OWNER, "Quality Lead"), (DATE, "June 2020"))
    words += _line(y + 3 * LINE, (REC, "individual case."))
    words += _line(y + 4 * LINE, (NO, "2."), (REC, "Publish the results."),
                   (ACTION, "Report to the board."), (OWNER, "Governor"), (DATE, "July 2020"))
    return words


def test_sub_rows_with_nothing_between_them_are_rows_of_their_own() -> None:
    tables, _ = find_borderless_tables(_header() + _two_recommendations(84.0), [], 1, 842.0,
                                       None)
    assert _cells(tables[0])[1:] == [
        # The merged cell's text below the second row's start stays with the row above.
        ["1.", "Staff should be trained in risk assessment and planning for every individual "
         "case.", "Deliver training to all staff.", "Head of Area", "May 2020"],
        ["", "", "Audit ten cases a month.", "Quality Lead", "June 2020"],
        ["2.", "Publish the results.", "Report to the board.", "Governor", "July 2020"],
    ]


def test_a_sub_row_whose_action_starts_a_sentence_a_narrow_column_could_have_wrapped() -> None:
    # The second action's first word would not have fitted after "staff." (the line above
    # is as long as the column's lines get), so only the ended sentence, a capital after it
    # and the owner starting after white space beside it show the new row.
    y = 84.0
    words = _header()
    words += _line(y, (NO, "1."), (REC, "Staff should be trained in"),
                   (ACTION, "Deliver training to all"), (OWNER, "Head of Area"),
                   (DATE, "May 2020"))
    words += _line(y + LINE, (REC, "risk assessment and"), (ACTION, "officers on the staff."))
    words += _line(y + 2 * LINE, (REC, "planning for every"),
                   (ACTION, "Supervisors audit cases."), (OWNER, "Quality Lead"),
                   (DATE, "June 2020"))
    words += _line(y + 3 * LINE, (REC, "individual case."))
    words += _line(y + 4 * LINE, (NO, "2."), (REC, "Publish the results."),
                   (ACTION, "Report to the board."), (OWNER, "Governor"), (DATE, "July 2020"))
    tables, _ = find_borderless_tables(words, [], 1, 842.0, None)
    assert [row[2:] for row in _cells(tables[0])[1:]] == [
        ["Deliver training to all officers on the staff.", "Head of Area", "May 2020"],
        ["Supervisors audit cases.", "Quality Lead", "June 2020"],
        ["Report to the board.", "Governor", "July 2020"],
    ]
    # The recommendation's cell runs on, lower case, beside the second row: it stays above.
    assert _cells(tables[0])[1][1] == (
        "Staff should be trained in risk assessment and planning for every individual case.")


def test_owners_and_dates_stacked_beside_a_running_action_stay_one_row() -> None:
    # One row: three numbered actions in one cell, an owner and a date for each stacked in
    # theirs with space between, set a little lower than the action lines. The second owner
    # starts while the first action's sentence runs on: entries stacked, not sub-rows.
    y = 84.0
    words = _header()
    words += _line(y, (NO, "1."), (REC, "Reduce violence."), (ACTION, "1. Produce a monthly"),
                   (OWNER, "Head of Safety"), (DATE, "May 2019"))
    words += _line(y + LINE, (ACTION, "analysis of violence and"))
    words += _line(y + 17, (OWNER, "Safety Manager"), (DATE, "June 2019"))
    words += _line(y + 2 * LINE, (ACTION, "discuss it every month."))
    words += _line(y + 3 * LINE, (ACTION, "2. Introduce case reviews."))
    words += _line(y + 3 * LINE + 4, (OWNER, "Training Manager"), (DATE, "December 2019"))
    words += _line(y + 5 * LINE, (NO, "2."), (REC, "Publish the results."),
                   (ACTION, "Report to the board."), (OWNER, "Governor"), (DATE, "July 2020"))
    tables, _ = find_borderless_tables(words, [], 1, 842.0, None)
    rows = _cells(tables[0])
    assert len(rows) == 3
    assert rows[1][3] == "Head of Safety / Safety Manager / Training Manager"
    assert rows[1][4] == "May 2019 / June 2019 / December 2019"


def test_a_second_owner_after_white_space_alone_is_no_new_row() -> None:
    y = 84.0
    words = _header()
    words += _line(y, (NO, "1."), (REC, "Share the list."), (ACTION, "Share the list with"),
                   (OWNER, "Senior Officers"), (DATE, "May 2020"))
    words += _line(y + LINE, (ACTION, "the police monthly."))
    words += _line(y + 2.5 * LINE, (OWNER, "Director"))
    words += _line(y + 4 * LINE, (NO, "2."), (REC, "Publish the results."),
                   (ACTION, "Report to the board."), (OWNER, "Governor"), (DATE, "July 2020"))
    words += _line(y + 6 * LINE, (NO, "3."), (REC, "Close the audit."),
                   (ACTION, "Close it."), (OWNER, "Chair"), (DATE, "2021"))
    tables, _ = find_borderless_tables(words, [], 1, 842.0, None)
    assert [row[3] for row in _cells(tables[0])] == [
        "Owner", "Senior Officers / Director", "Governor", "Chair"]


def test_a_repeated_header_carries_on_a_table_over_a_few_lines() -> None:
    # Page 1 ends inside a row; page 2 repeats the two-line header, then only the last
    # lines of the cut action cell, right under the header with no gap: still the table.
    words = _line(700.0, (NO, "No."), (REC, "Recommendation"), (ACTION, "Action"),
                  (OWNER, "Owner"), (DATE, "Target"))
    words += _line(712.0, (DATE, "date"))
    words += _two_recommendations(736.0)
    _, carry = find_borderless_tables(words, [], 1, 842.0, None)
    assert carry is not None and carry.reached_foot
    page = _line(40.0, (NO, "No."), (REC, "Recommendation"), (ACTION, "Action"),
                 (OWNER, "Owner"), (DATE, "Target"))
    page += _line(52.0, (DATE, "date"))
    page += _line(64.0, (ACTION, "and to the council."))
    page += _line(76.0, (ACTION, "• Close the audit."))
    tables, _ = find_borderless_tables(page, [], 2, 842.0, carry)
    assert len(tables) == 1
    rows = _cells(tables[0])
    assert rows[0] == ["No.", "Recommendation", "Action", "Owner", "Target date"]
    assert rows[1][2] == "and to the council. / • Close the audit."


def test_a_chromium_plan_with_no_lines_reads_one_row_per_action() -> None:
    # samples/html_nolines_brookmere_yjs_2023.pdf: CSS border:none, one <tr> per action
    # beside rowspan recommendation cells, no padding above or below any cell.
    from pathlib import Path

    from extractors.pdf import read_pdf

    pdf = Path(__file__).parents[2] / "samples" / "html_nolines_brookmere_yjs_2023.pdf"
    tables = read_pdf(pdf).tables()
    assert tables and {t.ruled for t in tables} == {"none"}
    leads = [row.cells[4].text.replace("\n", " ") for t in tables for row in t.rows[1:]]
    # Rec 5's three actions, no white space between the last two, each its own row.
    assert leads[leads.index("Out of Court Disposal Coordinator"):][:3] == [
        "Out of Court Disposal Coordinator", "Quality Assurance Officer",
        "Victim Liaison Officer"]
