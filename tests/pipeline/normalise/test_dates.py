"""Target-date normalisation: every form in issue 3, the DTV cells, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.models import PlanWarning, WarningCode
from pipeline.normalise import dates
from pipeline.normalise.dates import (
    combine_statuses,
    commonest_year,
    parse_target,
    split_stacked_targets,
    written_years,
)

D = dt.date

# (raw, start, end, status) — the first block are real Durham Tees Valley 2020 cells.
CASES = [
    ("May 2020", D(2020, 5, 1), D(2020, 5, 31), "planned"),
    ("Completed", None, None, "completed"),
    ("Commenced", None, None, "in_progress"),
    ("September 2020", D(2020, 9, 1), D(2020, 9, 30), "planned"),
    ("October – December 2020", D(2020, 10, 1), D(2020, 12, 31), "planned"),
    ("Completed and Ongoing", None, None, "ongoing"),
    ("July - October 2020", D(2020, 7, 1), D(2020, 10, 31), "planned"),
    ("January 2021", D(2021, 1, 1), D(2021, 1, 31), "planned"),
    ("March – June 2021", D(2021, 3, 1), D(2021, 6, 30), "planned"),
    ("Ongoing practice", None, None, "ongoing"),
    ("Commenced and ongoing", None, None, "ongoing"),
    ("July – September 2020", D(2020, 7, 1), D(2020, 9, 30), "planned"),
    # other forms from the issue and the formats reference
    ("OCTOBER 2015", D(2015, 10, 1), D(2015, 10, 31), "planned"),
    ("31 March 2021", D(2021, 3, 31), D(2021, 3, 31), "planned"),
    ("31/03/2021", D(2021, 3, 31), D(2021, 3, 31), "planned"),
    ("31/03/21", D(2021, 3, 31), D(2021, 3, 31), "planned"),
    ("26th August 2020", D(2020, 8, 26), D(2020, 8, 26), "planned"),
    ("26 th August 2020", D(2020, 8, 26), D(2020, 8, 26), "planned"),
    ("31 st March 2021", D(2021, 3, 31), D(2021, 3, 31), "planned"),
    ("December 2020 – March 2021", D(2020, 12, 1), D(2021, 3, 31), "planned"),
    ("November — February 2021", D(2020, 11, 1), D(2021, 2, 28), "planned"),
    ("April to July 2013", D(2013, 4, 1), D(2013, 7, 31), "planned"),
    ("Q3 2020/21", D(2020, 10, 1), D(2020, 12, 31), "planned"),
    ("Q4 2020/21", D(2021, 1, 1), D(2021, 3, 31), "planned"),
    ("2021/22", D(2021, 4, 1), D(2022, 3, 31), "planned"),
    ("Quarter 1 2021-22", D(2021, 4, 1), D(2021, 6, 30), "planned"),
    ("End of April 2021", None, D(2021, 4, 30), "planned"),
    ("By September 2021", None, D(2021, 9, 30), "planned"),
    ("by March 2019", None, D(2019, 3, 31), "planned"),
    ("by the end of March 2021", None, D(2021, 3, 31), "planned"),
    ("w/c 5 October 2020", D(2020, 10, 5), D(2020, 10, 11), "planned"),
    ("from June 2020", D(2020, 6, 1), None, "planned"),
    ("Complete", None, None, "completed"),
    ("Quarterly", None, None, "ongoing"),
    ("Annually from April 2021", D(2021, 4, 1), None, "ongoing"),
    ("On track", None, None, "in_progress"),
    ("In place", None, None, "completed"),
    ("Not started", None, None, "planned"),
    ("Achieved", None, None, "completed"),
    ("In progress", None, None, "in_progress"),
    ("Started", None, None, "in_progress"),
    ("Ongoing", None, None, "ongoing"),
    ("Business as usual", None, None, "ongoing"),
    ("Continuous", None, None, "ongoing"),
    ("Completed – November 2020", D(2020, 11, 1), D(2020, 11, 30), "completed"),
    ("On going", None, None, "ongoing"),  # a spelling; a word a column cut is mended upstream
    ("Completed and\nOngoing", None, None, "ongoing"),
    ("October –\nDecember 2020", D(2020, 10, 1), D(2020, 12, 31), "planned"),
    ("To be completed by May 2021", None, D(2021, 5, 31), "planned"),
    ("2021", D(2021, 1, 1), D(2021, 12, 31), "planned"),
    ("Mar-21", D(2021, 3, 1), D(2021, 3, 31), "planned"),
    ("31st of March 2021", D(2021, 3, 31), D(2021, 3, 31), "planned"),
    ("Q2 21/22", D(2021, 7, 1), D(2021, 9, 30), "planned"),
    ("Dec 20", D(2020, 12, 1), D(2020, 12, 31), "planned"),
]


@pytest.mark.parametrize(("raw", "start", "end", "status"), CASES)
def test_parse_target_forms(raw, start, end, status):
    target, _ = parse_target(raw)
    assert (target.start, target.end, target.status) == (start, end, status)
    assert target.raw == raw


@pytest.mark.parametrize("raw", ["Durham – completed Cleveland – May 2020",
                                 "Durham – completed\nCleveland – May 2020"])  # fmt: skip
def test_per_area_cell_keeps_parts(raw):
    target, warnings = parse_target(raw)
    assert [(p.label, p.status, p.end) for p in target.parts] == [
        ("Durham", "completed", None),
        ("Cleveland", "planned", D(2020, 5, 31)),
    ]
    assert target.end == D(2020, 5, 31)
    assert target.status == "in_progress"  # part done, part pending
    assert warnings == []


def test_year_from_plan_years_with_warning():
    target, warnings = parse_target("11-22 May", plan_years=[2020, 2021, 2020])
    assert (target.start, target.end) == (D(2020, 5, 11), D(2020, 5, 22))
    assert any(w.code == WarningCode.TARGET_YEAR_INFERRED and "2020" in w.message
               for w in warnings)


def test_tie_in_plan_years_takes_latest():
    target, _ = parse_target("May", plan_years=[2020, 2021])
    assert target.end == D(2021, 5, 31)


def test_no_year_without_plan_years_is_not_guessed():
    target, warnings = parse_target("11-22 May")
    assert (target.start, target.end) == (None, None)
    assert WarningCode.TARGET_NO_YEAR in {w.code for w in warnings}


@pytest.mark.parametrize(
    "raw", ["TBC", "Subject to funding", "31/02/2021", "May 2021 – March 2020"]
)
def test_not_understood_gives_no_dates_and_a_warning(raw):
    target, warnings = parse_target(raw)
    assert (target.start, target.end) == (None, None)
    assert target.raw == raw
    assert warnings


def test_calendar_quarter_warns():
    target, warnings = parse_target("Q3 2020")
    assert (target.start, target.end) == (D(2020, 7, 1), D(2020, 9, 30))
    assert [w.code for w in warnings] == [WarningCode.TARGET_SHORTHAND]


def test_stacked_dates_take_span_and_warn():
    target, warnings = parse_target("May 2020\nSeptember 2020")
    assert (target.start, target.end, target.status) == (D(2020, 5, 1), D(2020, 9, 30), "planned")
    assert len(target.parts) == 2
    assert any(w.code == WarningCode.TARGET_STACKED and "span" in w.message for w in warnings)


@pytest.mark.parametrize("raw", [None, "", "  \n "])
def test_blank_cell(raw):
    target, warnings = parse_target(raw)
    assert target.start is None and target.status is None and warnings == []


def test_split_stacked_targets():
    raw = "May 2020\nCompleted\nOctober –\nDecember 2020"
    assert split_stacked_targets(raw, 3) == ["May 2020", "Completed", "October –\nDecember 2020"]
    assert split_stacked_targets("Commenced\nMay 2020", 2) == ["Commenced", "May 2020"]
    assert split_stacked_targets(raw, 2) is None
    assert split_stacked_targets("Completed and\nOngoing", 2) is None
    assert split_stacked_targets("Durham – completed\nCleveland – May 2020", 2) is None


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["completed", "completed"], "completed"),
        (["completed", "ongoing"], "ongoing"),
        (["in_progress", "ongoing"], "ongoing"),
        (["completed", "planned"], "in_progress"),
        (["ongoing", "planned"], "in_progress"),
    ],
)
def test_combine_statuses(statuses, expected):
    assert combine_statuses(statuses) == expected


_WORDS = st.sampled_from(
    ["May", "2020", "2021/22", "Q3", "–", "-", "to", "by", "end", "of", "Completed", "ongoing",
     "31", "12/05/2021", "w/c", "\n", "Durham", "Cleveland", "and", "th", "d", "26", "from",
     "onwards", "December", "Quarter", "1", "2020-21", "Feb", "29", "before", "x"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=10).map(" ".join), st.lists(st.integers(1990, 2030), max_size=3))
def test_grammar_soup_is_consistent(raw, years):
    target, warnings = parse_target(raw, plan_years=years)
    if target.start and target.end:
        assert target.start <= target.end
    for part in target.parts:
        if part.start and part.end:
            assert part.start <= part.end
    assert all(isinstance(w, PlanWarning) and w.code is not None for w in warnings)
    assert parse_target(raw, plan_years=years) == (target, warnings)
    assert target.raw == raw


@given(st.lists(_WORDS, max_size=10).map(" ".join), st.lists(st.integers(1990, 2030), max_size=5))
def test_a_parse_depends_on_the_plan_years_only_through_the_commonest(raw, years):
    # finalise passes commonest_year(years) once per plan, and parse_target keeps a memo
    # keyed by that year: neither may change a parse.
    remembered = parse_target(raw, plan_years=years)
    dates._parse_target_memo.cache_clear()
    assert parse_target(raw, plan_years=years) == remembered
    dates._parse_target_memo.cache_clear()
    assert parse_target(raw, plan_years=commonest_year(years)) == remembered
    assert commonest_year([2020, 2021, 2020]) == (2020,)
    assert commonest_year([1850]) == ()


@given(st.text(max_size=60))
def test_arbitrary_text_never_raises(raw):
    target, _ = parse_target(raw, plan_years=[2020])
    assert target.raw == raw
    for d in (target.start, target.end):
        assert d is None or isinstance(d, dt.date)
    if target.start and target.end:
        assert target.start <= target.end


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31)))
def test_any_day_month_year_round_trips(day):
    target, warnings = parse_target(day.strftime("%d %B %Y"))
    assert (target.start, target.end, warnings) == (day, day, [])
    target, _ = parse_target(day.strftime("%d/%m/%Y"))
    assert target.end == day


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [
        ("Delayed due to COVID-19 – revised date March 2021", "2021-03-01", "2021-03-31"),
        ("December 2020 – now June 2021", "2021-06-01", "2021-06-30"),
        ("December 2020\nRevised: June 2021", "2021-06-01", "2021-06-30"),
        ("September 2020 (revised to January 2021)", "2021-01-01", "2021-01-31"),
        ("Original date: May 2020, revised date: 31/03/2021", "2021-03-31", "2021-03-31"),
        ("March 2021 – extended to end of June 2021", None, "2021-06-30"),
    ],
)
def test_a_revised_date_is_the_target_and_the_original_stays_in_raw(raw, start, end):
    target, warnings = parse_target(raw)
    as_date = dt.date.fromisoformat
    assert (target.start, target.end) == (start and as_date(start), as_date(end))
    assert target.raw == raw and target.status == "planned"
    assert WarningCode.TARGET_REVISED in {w.code for w in warnings}


@pytest.mark.parametrize("raw", ["Completed – now embedded", "Ongoing – now monthly"])
def test_now_without_a_date_is_no_revision(raw):
    target, warnings = parse_target(raw)
    assert target.status in ("completed", "ongoing")
    assert WarningCode.TARGET_REVISED not in {w.code for w in warnings}


@pytest.mark.parametrize(
    ("raw", "years"),
    [
        ("May 2021", [2021]),
        ("31/03/2021\nQ3 2020/21", [2021, 2020]),
        ("Mar-21", [2021]),
        ("2020-2022", [2020, 2022]),
        ("11-22 May", []),
        ("Completed", []),
    ],
)
def test_written_years_are_read_by_the_date_grammar(raw: str, years: list[int]) -> None:
    assert written_years(raw) == years
