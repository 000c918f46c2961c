"""Plan metadata from the paragraphs before the table, on hand-made documents (no file)."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.layout import RUNNING, Document, Paragraph
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
