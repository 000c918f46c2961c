"""The orchestrator: stages in order, models built once and never changed afterwards."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractors.layout import Document, Paragraph
from pipeline.extract import extract_file, read_file, reader_warnings
from pipeline.frontmatter import read_front_matter

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_the_plan_is_validated_once_and_frozen() -> None:
    plan = extract_file(SAMPLES / "dtv_crc_2020.docx")
    assert plan.plan.organisation == "Durham Tees Valley CRC"
    with pytest.raises(ValidationError):
        plan.plan.organisation = "elsewhere"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        plan.recommendations[0].response = "agreed"  # type: ignore[misc]


def test_what_the_reader_could_not_read_is_a_warning_on_the_plan() -> None:
    document = Document(path="x.docx", format="docx", blocks=[],
                        notes=["an embedded document (altChunk) is not read"])
    (warning,) = reader_warnings(document)
    assert warning.message == "an embedded document (altChunk) is not read"
    assert warning.page is None


def test_front_matter_takes_the_first_date_it_understands() -> None:
    # The first "submitted" line names no date; the plan's date is on the next one.
    document = Document(path="x.pdf", format="pdf", blocks=[
        Paragraph(text="Date submitted: to follow"),
        Paragraph(text="Action plan submitted: 5 June 2021"),
    ])
    info = read_front_matter(document)
    assert info.submitted == dt.date(2021, 6, 5)


@pytest.mark.parametrize("name", ["eastbrook_yot_2022.pdf", "dtv_crc_2020.pdf"])
def test_a_plan_finished_from_a_pickled_read_is_the_plan_read_in_place(name: str) -> None:
    # extract_file(read=...) takes what read_file made of the file in another process.
    path = SAMPLES / name
    handed = pickle.loads(pickle.dumps(read_file(path), pickle.HIGHEST_PROTOCOL))
    assert extract_file(path, read=handed) == extract_file(path)
