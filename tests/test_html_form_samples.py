"""The form-style samples printed from CSS grid draw nothing but text: a reader that finds
them cannot have leaned on a rule, a border or a shaded band."""

from __future__ import annotations

import pdfplumber
import pytest

from scripts.samples.catalogue import SAMPLES, load_samples
from scripts.samples.render_html_form import html_page
from scripts.samples.spec import PlanSpec

FORMS = [s.spec for s in load_samples().values()
         if isinstance(s.spec, PlanSpec) and s.spec.template == "html_form"]


def test_there_is_a_form_sample_printed_by_chromium() -> None:
    assert FORMS


@pytest.mark.parametrize("spec", FORMS, ids=lambda s: s.name)
def test_the_pdf_draws_no_lines_or_boxes(spec: PlanSpec) -> None:
    with pdfplumber.open(SAMPLES / f"{spec.name}.pdf") as pdf:
        assert len(pdf.pages) >= 2  # a block runs over the page
        for page in pdf.pages:
            assert (page.lines, page.rects, page.curves) == ([], [], [])


@pytest.mark.parametrize("spec", FORMS, ids=lambda s: s.name)
def test_each_recommendation_is_a_grid_of_labels_and_values(spec: PlanSpec) -> None:
    page = html_page(spec)
    assert page.count('<section class="rec">') == len(spec.recs)
    assert "display: grid" in page and "border" not in page
