"""The form-style samples drawn without lines (CSS grid printed by Chromium, reportlab tables
with no grid) draw nothing but text: a reader that finds them cannot have leaned on a rule, a
border or a shaded band."""

from __future__ import annotations

import pdfplumber
import pytest

from scripts.samples.catalogue import SAMPLES, load_samples
from scripts.samples.render_html_form import html_page
from scripts.samples.spec import PlanSpec

LINELESS = ("html_form", "reportlab_form")
FORMS = [s.spec for s in load_samples().values()
         if isinstance(s.spec, PlanSpec) and s.spec.template in LINELESS]


def test_there_are_lineless_forms_from_two_producers() -> None:
    assert {spec.template for spec in FORMS} == set(LINELESS)


@pytest.mark.parametrize("spec", FORMS, ids=lambda s: s.name)
def test_the_pdf_draws_no_lines_or_boxes(spec: PlanSpec) -> None:
    with pdfplumber.open(SAMPLES / f"{spec.name}.pdf") as pdf:
        assert len(pdf.pages) >= 2  # a block runs over the page
        for page in pdf.pages:
            assert (page.lines, page.rects, page.curves) == ([], [], [])


@pytest.mark.parametrize("spec", [s for s in FORMS if s.template == "html_form"],
                         ids=lambda s: s.name)
def test_each_recommendation_is_a_grid_of_labels_and_values(spec: PlanSpec) -> None:
    page = html_page(spec)
    assert page.count('<section class="rec">') == len(spec.recs)
    assert "display: grid" in page and "border" not in page


def test_the_reportlab_forms_blocks_set_their_values_at_different_x() -> None:
    # Each block's label column is fitted to its widest label, as Word's fit to contents.
    [spec] = [s for s in FORMS if s.template == "reportlab_form"]
    with pdfplumber.open(SAMPLES / f"{spec.name}.pdf") as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
    starts = {round(w["x0"]) for w in words if w["text"] in ("Agreed", "Partly", "Not")}
    assert len(starts) >= 2
