"""Agreement normalisation, reason categories and reason detection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.response import (
    looks_like_reason,
    opening_answer,
    parse_response,
    reason_category,
    split_answer,
    strip_answer_label,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Agreed", "agreed"),
        ("AGREED", "agreed"),
        ("Accepted", "agreed"),
        ("Accepted.", "agreed"),
        ("3. Agreed", "agreed"),
        ("Partly Agreed", "partly_agreed"),
        ("Partly\nAgreed", "partly_agreed"),
        ("Partially Agreed", "partly_agreed"),
        ("Partly accepted", "partly_agreed"),
        ("Partially Accepted", "partly_agreed"),
        ("Agreed in part", "partly_agreed"),
        ("Agreed in principle", "agreed"),
        ("Agreed (partially)", "partly_agreed"),
        ("Agreed*", "agreed"),
        ("Disagree", "not_agreed"),
        ("Not Agreed", "not_agreed"),
        ("Not\nAccepted", "not_agreed"),
        ("not  accepted ", "not_agreed"),
        ("Rejected", "not_agreed"),
        ("Partly Agreed\nThe CRC cannot commission this service.", "partly_agreed"),
        ("Agreed/ Partly Agreed/ Not Agreed", None),
        ("Agreed actions will be reviewed monthly", None),
        ("Yes", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_response(raw, expected):
    assert parse_response(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This service is commissioned nationally, so we cannot change it.", "commissioning"),
        ("National policy sets the frequency; the CRC cannot vary it.", "policy"),
        ("For operational reasons the team cannot take this on.", "operational"),
        ("There is no funding for an additional post.", "affordability"),
        ("Due to national policy and commissioning arrangements", "policy"),
        ("The Quality Team will review audits.", None),
        # The category the sentence names outright wins over cue words of another.
        ("The education contract provides places for 75%; more cannot be funded, so this is "
         "not agreed on grounds of affordability.", "affordability"),
        ("Removing the crowding would reduce capacity by 140 places, which is not affordable.",
         "affordability"),
        ("Additional places cannot be funded under the current contract.", "affordability"),
        ("Staffing shortfalls mean we cannot offer this; it is an operational constraint.",
         "operational"),
        ("Staffing baselines are set nationally by HMPPS workforce planning and cannot be "
         "changed locally.", "policy"),
        # "Set nationally" says who decides a thing, not why: the thing decides the category.
        ("Workload levels are set nationally and limit how often officers can see each case; "
         "contact will rise as workload allows.", "operational"),
        ("The frequency of reviews is set nationally.", "policy"),
        ("Budgets are set nationally, so an extra post cannot be afforded.", "affordability"),
        ("The service is commissioned by NHS England and sits outside our contract; funding "
         "is not ours to change.", "commissioning"),
        (None, None),
    ],
)
def test_reason_category(text, expected):
    assert reason_category(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The CRC cannot agree this part as the contract is outside our control.", True),
        ("Partly agreed: the element relating to courts is a matter for HMCTS.", True),
        ("This is not funded because the service is commissioned nationally.", True),
        ("The Quality Team will develop a written policy identifying a RAG response.", False),
        ("Due to COVID-19 the training will be delivered online.", False),
        ("Heads of Area will dip sample Middle Managers work.", False),
        ("", False),
    ],
)
def test_looks_like_reason(text, expected):
    assert looks_like_reason(text) is expected


@given(st.text(max_size=80))
def test_never_raises_and_is_stable(text):
    result = parse_response(text)
    assert result in (None, "agreed", "partly_agreed", "not_agreed")
    assert parse_response(text) == result
    categories = (None, "commissioning", "policy", "operational", "affordability")
    assert reason_category(text) in categories
    assert looks_like_reason(text) in (True, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agreed. The YOS will review", ("Agreed", "The YOS will review")),
        ("Partly agreed – the service cannot", ("Partly agreed", "the service cannot")),
        ("Response: Not agreed", ("Not agreed", "")),
        ("Agreed in principle, subject to funding", ("Agreed in principle", "subject to funding")),
        ("Agreedness is not a word", None),
        ("The YOS agreed to review", None),
    ],
)
def test_split_answer(text: str, expected: tuple[str, str] | None) -> None:
    assert split_answer(text) == expected


def test_opening_answer_reads_a_short_first_line_only() -> None:
    assert opening_answer("Partly agreed\nThe CRC cannot commission this") == "partly_agreed"
    assert opening_answer("Agreed") == "agreed"
    # A long first line is prose that happens to open with the word.
    assert opening_answer("Agreed with partners that the review will take place in May") is None
    assert opening_answer("Review cases") is None


def test_strip_answer_label() -> None:
    assert strip_answer_label("Response: Agreed") == (True, "Agreed")
    assert strip_answer_label("Agreement – Partly agreed") == (True, "Partly agreed")
    assert strip_answer_label("Agreed") == (False, "Agreed")
