"""The quick screen that dismisses documents whose text names no plan columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pdf_screen import quick_page_texts
from pipeline.columns import Role
from pipeline.screen import (
    could_hold_plan,
    label_roles,
    page_could_hold_plan,
    pages_to_read,
    screen_pages,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_header_labels_name_roles() -> None:
    line = "Ref Recommendation Action required Deadline Lead Officer / Agency Progress"
    assert {Role.RECOMMENDATION, Role.ACTION, Role.TARGET, Role.OWNER} <= label_roles(line)


def test_plain_english_header_phrases_name_roles() -> None:
    line = "Recommendation What we will do Led by By when How we will know it has"
    assert {Role.RECOMMENDATION, Role.ACTION, Role.TARGET, Role.OWNER} <= label_roles(line)


@pytest.mark.parametrize(
    "line",
    [
        "This is a time for action, not cultured debate.",  # prose naming a role word
        "Those who had been slaves were now free.",
        "Members are asked to note the recommendations and actions set out in this report, "
        "and the dates by which officers will report back.",  # too long for a header line
    ],
)
def test_prose_lines_name_no_roles(line: str) -> None:
    assert label_roles(line) == set()


def test_a_page_needs_plan_columns_together() -> None:
    assert page_could_hold_plan("Recommendation\r\nAgreed /\r\nAction Taken/Planned\r\nOwner")
    assert not page_could_hold_plan("Action\r\nThe action of the play unfolds slowly.")
    assert not page_could_hold_plan("Date\r\nStatus of this return")  # a cover table


def test_documents_without_text_are_left_to_the_reader() -> None:
    assert could_hold_plan([])
    assert could_hold_plan(["", "  "])
    assert not could_hold_plan(["A story.", "Another page of the story."])


def test_every_sample_pdf_passes_the_screen() -> None:
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        texts = quick_page_texts(pdf)
        assert texts, pdf.name
        assert could_hold_plan(texts), pdf.name


def test_unreadable_file_is_left_to_the_reader(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    assert quick_page_texts(broken) is None


def test_a_long_document_is_read_from_its_first_plan_page() -> None:
    header = "Recommendation\nAction\nOwner\nTarget date"
    texts = ["Cover", "Contents"] + ["A page of the report."] * 60 + [header, "more rows"]
    assert pages_to_read(texts) == {1, 2, 63, 64}
    assert pages_to_read([header] + ["rows"] * 10) is None  # short: read whole
    assert pages_to_read([header] + ["rows"] * 60) is None  # the plan starts at once


@pytest.mark.parametrize(
    "texts",
    [
        [],
        ["", "  "],
        ["A story.", "Another page of the story."],
        ["A page of the report."] * 70,  # long, and no plan
        ["Cover", "Contents"] + ["A page of the report."] * 60
        + ["Recommendation\nAction\nOwner\nTarget date", "more rows"],
        ["Recommendation\nAction\nOwner\nTarget date"] + ["rows"] * 60,
        ["Cover", "Recommendation\nAction\nOwner\nTarget date"] + ["rows"] * 5,
    ],
)
def test_one_pass_screens_as_the_two_questions_do(texts: list[str]) -> None:
    # extract screens a PDF once (screen_pages); the answers must be the two functions'.
    assert screen_pages(texts) == (could_hold_plan(texts), pages_to_read(texts))


HEADER_PHRASES = [
    "Recommendation What we will do Led by By when How we will know it has worked",
    "Areas for improvement To be done Delivered by Timeframe",
    "Recommendati on Respons e Actio n Responsibl e Targe t date",
    "Area requiring improvement Steps planned By whom Completion",
    "Rec No Action ref Person responsible Due",
    "the plan will be done by the lead and we will know how",
]


def _lines() -> list[str]:
    lines = list(HEADER_PHRASES)
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        for text in quick_page_texts(pdf) or []:
            lines += text.splitlines()
    return lines


def test_lines_that_no_phrase_can_name_are_labelled_as_with_every_phrase_tried(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The shortcut (pipeline.columns.phrase_may_name, asked of each run of words that name
    # no column alone, through a memo) must never change a line's labels.
    import pipeline.screen as screen

    lines = _lines()
    quick = [label_roles(line) for line in lines]
    monkeypatch.setattr(screen, "_run_may_name", lambda run: True)
    assert [label_roles(line) for line in lines] == quick
    assert sum(1 for roles in quick if roles) > 100  # the sample headers are among them
