"""Recommendation and action numbers from their own cells, text prefixes and list labels."""

from __future__ import annotations

import pytest

from pipeline.numbering import (
    announces_recommendation,
    cell_number,
    cut_cell_number,
    find_number,
    is_list_label,
    is_number_label,
    label_number,
    opens_list_item,
    split_prefix,
    step_number,
    strip_header_numbering,
    strip_list_label,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1", "1"),
        ("2.", "2"),
        ("1.", "1"),
        ("5.01", "5.01"),
        ("5.1", "5.1"),
        ("1.12", "1.12"),
        ("1.1.", "1.1"),
        ("S3", "S3"),
        ("(5)", "5"),
        ("(S40)", "S40"),
        ("(1.46)", "1.46"),
        ("1a", "1a"),
        ("(1b)", "1b"),
        ("1)", "1"),
        ("2:", "2"),
        (" 3 ", "3"),
        ("3.\n", "3"),
        ("10", "10"),
        ("PC1", "PC1"),
        # A number cell may name what it numbers.
        ("Recommendation 1", "1"),
        ("Rec 2", "2"),
        ("No. 3", "3"),
        ("Action 1.2", "1.2"),
    ],
)
def test_cell_number(text: str, number: str) -> None:
    assert cell_number(text) == number


@pytest.mark.parametrize(
    "text", ["", "Agreed", "2020", "1000", "1 2", "Head of Area", "May 2020", "Recommendation"]
)
def test_cell_without_a_number(text: str) -> None:
    assert cell_number(text) is None


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("1. Audit cases", "1", "Audit cases"),
        ("1.1 Audit cases", "1.1", "Audit cases"),
        ("1.2.3 Deep item", "1.2.3", "Deep item"),
        ("5.01 Leaders should", "5.01", "Leaders should"),
        ("(1a) Train staff", "1a", "Train staff"),
        ("1a) Train staff", "1a", "Train staff"),
        ("2) Do it", "2", "Do it"),
        ("(5) The prison should", "5", "The prison should"),
        ("(S40) Improve", "S40", "Improve"),
        ("(1.46) Improve", "1.46", "Improve"),
        ("S3 Improve", "S3", "Improve"),
        ("1 Audit cases", "1", "Audit cases"),
        ("Recommendation 3: Improve", "3", "Improve"),
        ("Rec 3. Improve", "3", "Improve"),
        ("Action 2: Do", "2", "Do"),
    ],
)
def test_split_prefix_number(text: str, number: str, rest: str) -> None:
    assert split_prefix(text) == (number, rest)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("• Bullet item", "Bullet item"),
        ("- Dash item", "Dash item"),
        ("– En dash item", "En dash item"),
        ("● Round", "Round"),
        ("▪ Square", "Square"),
        ("➢ Arrow", "Arrow"),
    ],
)
def test_split_prefix_bullet(text: str, rest: str) -> None:
    assert split_prefix(text) == (None, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Audit cases",
        "2020 saw more cases",
        "100 Staff trained",
        "1.",  # a number alone has nothing to prefix
        "1.1Audit",
        "Ongoing 2020",
        "Head of Area",
    ],
)
def test_split_prefix_leaves_plain_text(text: str) -> None:
    assert split_prefix(text) == (None, text)


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("1.", "1"),
        ("2)", "2"),
        ("3", "3"),
        ("(1a)", "1a"),
        ("1a)", "1a"),
        ("1.1.", "1.1"),
        ("1.1", "1.1"),
        ("a)", "a"),
        ("a.", "a"),
        ("(a)", "a"),
        ("i.", "i"),
        (" 4. ", "4"),
    ],
)
def test_label_number(label: str, number: str) -> None:
    assert label_number(label) == number


@pytest.mark.parametrize("label", [None, "", "•"])
def test_label_without_a_number(label: str | None) -> None:
    assert label_number(label) is None


@pytest.mark.parametrize(
    "label", ["1.", "2)", "1.1", "1.1.", "(1a)", "(1.2)", "(ii)", "(iv)", "a)", "b.", "•", "-", "–"]
)
def test_the_readers_label_cue_accepts_only_labels_of_the_grammar(label: str) -> None:
    # The PDF reader keeps its own cue for a paragraph-opening label; it must not drift from
    # the grammar the pipeline reads numbers with.
    from extractors.pdf_text import LABEL_RE

    assert LABEL_RE.match(f"{label} text")
    assert is_list_label(label)


@pytest.mark.parametrize("text", ["2020", "May", "1st", "Head", "ok"])
def test_words_are_not_list_labels(text: str) -> None:
    assert not is_list_label(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Audit cases", True),
        ("(3) Train staff", True),
        ("b) Review", True),
        ("• Bullet", True),
        ("- Dash", True),
        ("1.1 Audit", False),  # no closing mark: a section number, not a list item
        ("2020 saw", False),
        ("Audit cases", False),
    ],
)
def test_opens_list_item(text: str, expected: bool) -> None:
    assert opens_list_item(text) is expected


def test_strip_list_label() -> None:
    assert strip_list_label("• Head of Area") == "Head of Area"
    assert strip_list_label("2) Governor") == "Governor"
    assert strip_list_label("Governor") == "Governor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1. 46", "1.46"), ("1 .2", "1.2"), ("Area", None), ("", None), ("1 2 3 4", None)],
)
def test_cut_cell_number(text: str, expected: str | None) -> None:
    assert cut_cell_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recommendation 3: The prison should", True),
        ("Rec 2. Leaders", True),
        ("1. The prison should review", True),
        ("1. Review all cases", False),  # an action, not a recommendation
        ("The prison should review", False),
    ],
)
def test_announces_recommendation(text: str, expected: bool) -> None:
    assert announces_recommendation(text) is expected


def test_numbers_and_header_numbering() -> None:
    assert is_number_label("1.2.") and is_number_label("(3)") and is_number_label("S4")
    assert not is_number_label("1 May")
    assert find_number("Recommendation 3 (S2)") == "3"
    assert find_number("Recommendation") is None
    assert strip_header_numbering("1. Recommendation") == "Recommendation"
    assert strip_header_numbering("b) Owner") == "Owner"


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [("1.Produce a monthly analysis.", "1", "Produce a monthly analysis."),
     ("••Commission a needs analysis.", None, "Commission a needs analysis."),
     ("\u2022Refresh the terms of reference.", None, "Refresh the terms of reference.")],
)
def test_a_label_set_flush_against_its_text_is_still_a_label(text, number, rest) -> None:
    # Browsers print list labels with no gap ("1.Produce", "••Commission").
    assert opens_list_item(text)
    assert split_prefix(text) == (number, rest)


@pytest.mark.parametrize("text", ["1.5 million hours", "-based practice", "2020.Next"])
def test_figures_and_hyphens_glued_to_words_are_no_labels(text) -> None:
    assert split_prefix(text) == (None, text)


@pytest.mark.parametrize(
    ("number", "offset", "stepped"),
    [
        ("1b", -1, "1a"),
        ("1.2", -1, "1.1"),
        ("1.2b", 1, "1.2c"),
        ("S3", 1, "S4"),
        ("PC1", 2, "PC3"),
        ("5.01", 1, "5.02"),
        ("9", 1, "10"),
        ("b", -1, "a"),
        ("a", -1, None),
        ("1", -1, None),
        ("z", 1, None),
        ("ii", 1, None),
    ],
)
def test_step_number(number, offset, stepped):
    assert step_number(number, offset) == stepped
