"""Forms drawn without lines (labels down the left, values to their right) from word geometry."""

from __future__ import annotations

from extractors.pdf_form import FormColumns, find_form_tables, label_key
from extractors.pdf_text import Word
from tests.line_geometry import line_words

LABEL_X, VALUE_X = 50.0, 150.0
PITCH = 14.0  # line pitch inside a block: 10 pt lines, 4 pt leading and padding
BLOCK_GAP = 30.0


def pair(label: str, value: str, top: float, value_x: float = VALUE_X) -> list[Word]:
    words = line_words(label, top, LABEL_X) if label else []
    return words + (line_words(value, top, value_x) if value else [])


def block(fields: list[tuple[str, list[str]]], top: float,
          value_x: float = VALUE_X) -> tuple[list[Word], float]:
    """A form block: each field's label beside the first line of its value lines."""
    words: list[Word] = []
    for label, values in fields:
        for i, value in enumerate(values or [""]):
            words += pair(label if i == 0 else "", value, top, value_x)
            top += PITCH
    return words, top


def rec_fields(number: str) -> list[tuple[str, list[str]]]:
    return [
        (f"Recommendation {number}", ["Leaders should make sure that every prisoner",
                                      "receives a full induction within a day."]),
        ("Response", ["Agreed"]),
        ("Action(s)", ["a) Move first night interviews to a private room", "and record them."]),
        ("Owner", ["Head of Residence", "Safer Custody Manager"]),
        ("Target date", ["31 July 2022"]),
    ]


def two_blocks() -> list[Word]:
    first, top = block(rec_fields("3.12"), 100.0)
    second, _ = block(rec_fields("3.25"), top + BLOCK_GAP)
    return first + second


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_blocks_become_two_column_tables_one_row_per_field():
    tables, carry = find_form_tables(two_blocks(), 1, None)
    assert len(tables) == 2
    first = cells(tables[0])
    assert [r[0] for r in first] == ["Recommendation 3.12", "Response", "Action(s)", "Owner",
                                     "Target date"]
    assert first[0][1] == ("Leaders should make sure that every prisoner receives a full "
                           "induction within a day.")
    # Stacked owners stay one paragraph each, as the author broke them.
    owner = tables[0].rows[3].cells[1]
    assert [p.text for p in owner.paragraphs] == ["Head of Residence", "Safer Custody Manager"]
    assert all(t.n_cols == 2 and t.ruled == "none" for t in tables)
    assert carry is not None and carry.start_key == "recommendation"


def test_a_block_fitted_to_its_own_value_x_is_still_the_forms():
    # Word fits each block's table to its text: the third block's values start further left.
    words, top = block(rec_fields("1"), 100.0)
    more, top = block(rec_fields("2"), top + BLOCK_GAP)
    third, _ = block(rec_fields("3"), top + BLOCK_GAP, value_x=140.0)
    tables, _ = find_form_tables(words + more + third, 1, None)
    assert [cells(t)[0][0] for t in tables] == ["Recommendation 1", "Recommendation 2",
                                                "Recommendation 3"]
    assert cells(tables[2])[4] == ["Target date", "31 July 2022"]


def test_key_value_lines_at_another_x_with_other_labels_stay_text():
    words, top = block(rec_fields("1"), 100.0)
    more, top = block(rec_fields("2"), top + BLOCK_GAP)
    note = pair("Author", "Policy team", top + BLOCK_GAP, 130.0)
    note += pair("Version", "Final draft", top + BLOCK_GAP + PITCH, 130.0)
    tables, _ = find_form_tables(words + more + note, 1, None)
    assert len(tables) == 2


def test_an_empty_field_is_a_row_of_its_own():
    fields = rec_fields("1")
    fields[2:] = [("Action(s)", []), ("Owner", []), ("Target date", ["Ongoing"])]
    words, top = block(rec_fields("2"), 100.0)
    more, _ = block(fields, top + BLOCK_GAP)
    tables, _ = find_form_tables(words + more, 1, None)
    assert [r[0] for r in cells(tables[1])] == ["Recommendation 1", "Response", "Action(s)",
                                                "Owner", "Target date"]
    assert cells(tables[1])[2][1] == ""


def test_a_label_wrapped_over_two_lines_is_one_field():
    fields = rec_fields("1")
    fields[3] = ("Lead officer and", ["Head of Residence", "Safer Custody Manager"])
    words, top = block(fields, 100.0)
    words += line_words("partner", 100.0 + 6 * PITCH, LABEL_X)  # under "Lead officer and"
    more, _ = block(rec_fields("2"), top + BLOCK_GAP)
    tables, _ = find_form_tables(words + more, 1, None)
    rows = cells(tables[0])
    assert [r[0] for r in rows][3:] == ["Lead officer and partner", "Target date"]
    assert rows[3][1] == "Head of Residence\nSafer Custody Manager"


def test_a_label_wrapped_in_a_narrow_column_keeps_its_number():
    # "Recommendation 1:" wraps in a narrow label column: "1:" is the label's rest, beside
    # the second line of the recommendation's text, not a field of its own.
    words, top = block(rec_fields("2"), 100.0)
    fields = rec_fields("1")
    fields[0] = ("Recommendation", fields[0][1])
    more, _ = block(fields, top + BLOCK_GAP)
    more += line_words("1:", top + BLOCK_GAP + PITCH, LABEL_X)
    tables, _ = find_form_tables(words + more, 1, None)
    rows = cells(tables[1])
    assert rows[0] == ["Recommendation 1:", "Leaders should make sure that every prisoner "
                       "receives a full induction within a day."]
    assert [r[0] for r in rows[1:]] == ["Response", "Action(s)", "Owner", "Target date"]


def test_a_continuation_page_keeps_its_top_lines_with_the_form():
    carried = FormColumns(LABEL_X, VALUE_X, 1, "recommendation", {"recommendation", "owner"},
                          reached_foot=True)
    words = pair("", "the rest of a value the page cut", 60.0)
    words += pair("Owner", "Head of Security", 60.0 + PITCH)
    rest, _ = block(rec_fields("4.8"), 60.0 + 2 * PITCH + BLOCK_GAP)
    tables, _ = find_form_tables(words + rest, 2, carried)
    assert len(tables) == 2
    assert cells(tables[0])[0] == ["", "the rest of a value the page cut"]
    assert cells(tables[0])[1] == ["Owner", "Head of Security"]


def test_label_and_value_lines_above_the_first_block_stay_text():
    title = pair("Establishment", "HMP Northfield", 60.0) + pair("Published", "May 2022",
                                                                  60.0 + PITCH)
    tables, _ = find_form_tables(title + two_blocks(), 1, None)
    assert [cells(t)[0][0] for t in tables] == ["Recommendation 3.12", "Recommendation 3.25"]


def test_a_glossary_of_terms_is_no_form():
    words: list[Word] = []
    top = 100.0
    for term in ("Probation", "Custody", "Licence", "Parole", "Remand", "Sentence"):
        words += pair(term, "a word the document defines in a line or two", top)
        words += pair("", "of explanation.", top + PITCH)
        top += 2 * PITCH + 6
    tables, carry = find_form_tables(words, 1, None)
    assert tables == [] and carry is None


def test_a_lettered_list_is_no_form():
    words: list[Word] = []
    top = 100.0
    for _ in range(3):
        for letter in ("a.", "b.", "c."):
            words += pair(letter, "a step of the procedure to follow", top)
            top += PITCH
        top += BLOCK_GAP
    assert find_form_tables(words, 1, None)[0] == []


def test_a_wide_tables_wrapped_column_is_no_form():
    # A recommendation column wrapped beside an action column: short left lines, but each
    # continues the wrapped sentence above, not a label of its own.
    words: list[Word] = []
    top = 100.0
    for left, right in [("Leaders should", "develop a written policy and a"),
                        ("recommendations and", "quarterly report for Heads of Area"),
                        ("target dates and", "to scrutinise and track the actions"),
                        ("audits are acted", "identified by the quality team"),
                        ("upon by managers", "and by the heads of each area.")]:
        words += pair(left, right, top)
        top += PITCH
    assert find_form_tables(words, 1, None)[0] == []


def test_two_column_prose_is_no_form():
    words: list[Word] = []
    for n in range(12):
        top = 100.0 + n * 12
        words += line_words("Prose in the left column runs", top, 10.0)
        words += line_words("and the right column has more", top, 180.0)
    assert find_form_tables(words, 1, None)[0] == []


def test_a_line_with_a_third_column_is_no_form_line():
    words = two_blocks()
    # A third column beside every value: a wide table, not a form.
    extra = [w for line_top in {w.top for w in words if w.x0 >= VALUE_X}
             for w in line_words("May 2022", line_top, 450.0)]
    assert find_form_tables(words + extra, 1, None)[0] == []


def test_label_keys_ignore_numbers_and_marks():
    assert label_key("Recommendation 3.12:") == label_key("RECOMMENDATION (4)")
