"""Plan metadata from the paragraphs before the table, on hand-made documents (no file)."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.layout import RUNNING, Cell, Document, Paragraph, Row, Table
from pipeline.frontmatter import read_front_matter


def _doc(*lines: str, running: tuple[str, ...] = ()) -> Document:
    blocks = [Paragraph(text=t, style=RUNNING) for t in running]
    blocks += [Paragraph(text=t) for t in lines]
    return Document(path="x.pdf", format="pdf", blocks=blocks)


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        (["Action Plan Submitted: 20th May 2020"], "submitted", dt.date(2020, 5, 20)),
        (["Submission date: 5 June 2021"], "submitted", dt.date(2021, 6, 5)),
        (["Date plan agreed: 3 May 2021"], "submitted", dt.date(2021, 5, 3)),
        (["Plan agreed by the management board on 14 October 2021"], "submitted",
         dt.date(2021, 10, 14)),
        (["Action plan submitted 5 November 2020; this version updated 15 January 2021."],
         "submitted", dt.date(2020, 11, 5)),
        (["Report Published: APRIL 2020"], "report_published", "2020-04"),
        (["Report published: 12 March 2019"], "report_published", "2019-03-12"),
        (["A Response to the HMI Probation Inspection: Durham Tees Valley CRC"],
         "inspectorate", "HMI Probation"),
        (["Report on an unannounced inspection of HMP Leeds by HM Chief Inspector of Prisons"],
         "inspectorate", "HMI Prisons"),
        (["Report on an unannounced inspection of HMP Leeds by HM Chief Inspector of Prisons"],
         "organisation", "HMP Leeds"),
        (["ACTION PLAN: Durham Tees Valley CRC"], "organisation", "Durham Tees Valley CRC"),
        (["Kingsmere Youth Justice Service"], "organisation", "Kingsmere Youth Justice Service"),
        (["Response to the HM Inspectorate of Probation inspection of youth offending services"
          " in Northvale"], "organisation", "Northvale"),
        (["SEVERN AND AVON CRC – ACTION PLAN", "Severn and Avon CRC should improve …"],
         "organisation", "Severn and Avon CRC"),
    ],
)
def test_front_matter_fields(lines: list[str], field: str, value: object) -> None:
    assert getattr(read_front_matter(_doc(*lines)), field) == value


def test_title_prefers_the_body_over_a_running_header() -> None:
    info = read_front_matter(_doc("Westvale YOS Inspection Action Plan",
                                  running=("Westvale YOS – action plan – page 1",)))
    assert info.title == "Westvale YOS Inspection Action Plan"


def test_nothing_known_gives_nothing() -> None:
    info = read_front_matter(_doc("Some unrelated prose."))
    assert (info.organisation, info.inspectorate, info.submitted) == (None, None, None)


# ---------------------------------------------------------------- templates as published
JOINT_INTRO = (
    "HM Inspectorate of Prisons (HMIP) and HM Inspectorate of Probation for England and Wales "
    "are independent inspectorates which provide scrutiny of the conditions for and treatment "
    "of those in prison and under probation supervision."
)


def _table(*rows: tuple[str, ...]) -> Table:
    return Table(
        rows=[Row(cells=[Cell(paragraphs=[Paragraph(text=t)], col=i) for i, t in enumerate(r)])
              for r in rows],
        n_cols=len(rows[0]),
    )


def test_hmpps_prison_template_answers_hmi_prisons_despite_the_joint_introduction() -> None:
    info = read_front_matter(_doc(
        "Action Plan: HMP Brackenfield",
        "Action Plan Submitted 22/05/2019",
        "A Response to the HMIP Inspection: 17, 18 December & 7-11 January 2019",
        "Report Published: 26 th March 2019",
        "INTRODUCTION",
        JOINT_INTRO,
    ))
    assert info.inspectorate == "HMI Prisons"
    assert info.organisation == "HMP Brackenfield"
    assert info.title == "Action Plan: HMP Brackenfield"
    assert info.submitted == dt.date(2019, 5, 22)
    assert info.report_published == "2019-03-26"


def test_yoi_title_alone_says_prisons() -> None:
    info = read_front_matter(_doc("Action Plan: HMYOI Ashgrove", "INTRODUCTION", JOINT_INTRO))
    assert (info.inspectorate, info.organisation) == ("HMI Prisons", "HMYOI Ashgrove")


def test_probation_thematic_with_the_joint_introduction_stays_probation() -> None:
    info = read_front_matter(_doc(
        "Action Plan Submitted: 3rd March 2020",
        "A Response to the HMI Probation Inspection:",
        "An Inspection of Central Functions supporting the National Probation Service",
        "Report Published: 14 January 2020",
        "INTRODUCTION",
        JOINT_INTRO,
    ))
    assert info.inspectorate == "HMI Probation"
    assert info.organisation == "Central Functions supporting the National Probation Service"
    assert info.title.startswith("A Response to the HMI Probation Inspection")


def test_a_body_name_wrapping_onto_the_next_paragraph_is_joined() -> None:
    info = read_front_matter(_doc(
        "Action Plan Submitted: 19th July 2019",
        "A Response to the HMI Probation Inspection: Warwickshire & West Mercia",
        "Community Rehabilitation Company.",
        "Report Published: JUNE 2019",
    ))
    assert info.organisation == "Warwickshire & West Mercia Community Rehabilitation Company"
    assert info.submitted == dt.date(2019, 7, 19)


def test_hmcip_2015_template_takes_the_establishment_not_the_report() -> None:
    blocks = [
        Paragraph(text="ACTION PLAN - HMCIP REPORT ESTABLISHMENT: HMP ORWELL POSITION AS AT: "
                  "December 2015", style=RUNNING),
        Paragraph(text="ACTION PLAN: HMCIP REPORT"),
        _table(("ESTABLISHMENT: HMP ORWELL", "TIMETABLE", "DATE", "STATUS OF THIS RETURN"),
               ("", "Full Unannounced inspection", "11-22 May", ""),
               ("", "Report published", "20 October 2015", ""),
               ("", "Action Plan Submitted", "18 January 2016", "Attached")),
    ]
    info = read_front_matter(Document(path="x.pdf", format="pdf", blocks=blocks))
    assert info.title == "ACTION PLAN: HMCIP REPORT"
    assert info.organisation == "HMP ORWELL"
    assert info.inspectorate == "HMI Prisons"
    assert info.report_published == "2015-10-20"
    assert info.submitted == dt.date(2016, 1, 18)


def test_youth_sqs_plan_is_probation_and_named_by_its_title() -> None:
    info = read_front_matter(_doc(
        "Wyvern Youth Offending Services - Improvement Action Plan",
        "In response to the Short Quality Screening (SQS) of youth offending work 12th-14th "
        "November 2012 by HM Inspectorate of Probation",
    ))
    assert info.organisation == "Wyvern Youth Offending Services"
    assert info.inspectorate == "HMI Probation"
    assert info.title == "Wyvern Youth Offending Services - Improvement Action Plan"


def test_title_is_never_a_date_line_or_a_bare_heading_when_a_better_one_exists() -> None:
    info = read_front_matter(_doc(
        "Tamar and Exe CRC: response to the HM Inspectorate of Probation inspection",
        "Action Plan Submitted 22/05/2019",
        "ACTION PLAN",
    ))
    assert info.title.startswith("Tamar and Exe CRC: response to")
    assert info.organisation == "Tamar and Exe CRC"


def test_a_body_type_without_its_name_takes_the_next_paragraph() -> None:
    info = read_front_matter(_doc(
        "A Response to the HMI Probation Inspection: National Probation Service",
        "Wessex Division",
        "Report Published: JUNE 2019",
    ))
    assert info.organisation == "National Probation Service Wessex Division"


def test_a_wrapped_line_of_an_introduction_sentence_is_never_the_title() -> None:
    # A PDF paragraph's visual lines are title candidates (a page header may be grouped with
    # the title), but a line the next one carries on in lower case is part of a sentence.
    from extractors.layout import Line

    intro = ("In response to the report, HMPPS is required to draft a timely action plan "
             "which confirms whether each recommendation is agreed, partly agreed or not "
             "agreed, with specific steps.")
    wrapped = Paragraph(text=intro, lines=[
        Line("In response to the report, HMPPS is required to draft a timely action plan"),
        Line("which confirms whether each recommendation is agreed, partly agreed or not"),
        Line("agreed, with specific steps."),
    ])
    document = Document(path="x.pdf", format="pdf", blocks=[
        Paragraph(text="Action Plan Submitted: 19th July 2019"),
        Paragraph(text="A Response to the HMI Probation Inspection: Tamar & Exe"),
        Paragraph(text="Community Rehabilitation Company."),
        Paragraph(text="INTRODUCTION"),
        wrapped,
    ])
    info = read_front_matter(document)
    assert info.title == ("A Response to the HMI Probation Inspection: Tamar & Exe "
                          "Community Rehabilitation Company.")


def _banner_plan(banner: list[str], span: int) -> Document:
    """A plan table whose first row is one cell ``span`` columns wide holding ``banner``."""
    header = ("Recommendation", "Action", "Owner", "Target date")
    first = Row(cells=[Cell(paragraphs=[Paragraph(text=t) for t in banner], col=0, span=span),
                       *[Cell(paragraphs=[], col=i) for i in range(span, 4)]])
    table = _table(header, ("1. Improve the work.", "Train staff.", "Head of Service",
                            "May 2021"))
    table.rows.insert(0, first)
    return Document(path="x.pdf", format="pdf", blocks=[table])


def test_a_title_block_drawn_as_the_first_row_of_the_plan_table_is_the_head() -> None:
    # A Word title row merged across the table, or the lines a rules-only reader took into
    # the table above its first rule: its paragraphs are the title block.
    info = read_front_matter(_banner_plan(
        ["Westvale Youth Justice Service", "Post-inspection improvement plan",
         "Plan agreed by the management board on 14 October 2021"], span=3))
    assert info.title == "Post-inspection improvement plan"
    assert info.organisation == "Westvale Youth Justice Service"
    assert info.submitted == dt.date(2021, 10, 14)


def test_a_first_row_of_one_narrow_cell_is_not_a_banner() -> None:
    info = read_front_matter(_banner_plan(["Post-inspection improvement plan"], span=1))
    assert info.title != "Post-inspection improvement plan"


@pytest.mark.parametrize(
    ("line", "pattern", "words"),
    [
        ("Action plan submitted: 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Date of submission - 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("SUBMISSION DATE 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Submitted on 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Date plan signed off: 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Plan was approved by the board on 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Date of agreement: 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Signed off by the Governor, on 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Agreed by J Smith 2 May 2021", "_SUBMITTED", "_SUBMITTED_WORDS"),
        ("Report published: March 2019", "_PUBLISHED", "_PUBLISHED_WORDS"),
        ("Publication date 12/03/2019", "_PUBLISHED", "_PUBLISHED_WORDS"),
        ("DATE OF PUBLICATION: 12 March 2019", "_PUBLISHED", "_PUBLISHED_WORDS"),
    ],
)
def test_date_lines_hold_a_word_the_search_looks_for_first(line, pattern, words):
    """A line is searched for a date pattern only when it holds one of the pattern's words:
    every alternative of the pattern spells one, so no date line is passed over."""
    import pipeline.frontmatter as fm

    assert getattr(fm, pattern).search(line)
    assert any(word in line.lower() for word in getattr(fm, words))


def test_a_date_line_outside_ascii_is_still_searched():
    """Non-ASCII text goes to the pattern itself (its case rules are not lower()'s)."""
    info = read_front_matter(_doc("Plan agreed: 3 May 2021 — Siân Jones"))
    assert info.submitted == dt.date(2021, 5, 3)
