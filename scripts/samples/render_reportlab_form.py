"""Renderer for template ``reportlab_form``: a form-style plan drawn by reportlab, no lines.

Each recommendation is a reportlab (platypus) table of two columns with no grid, rules or
fills: the field names (``spec.headers``: recommendation, response, actions, owner, target;
the first with the recommendation's number) in bold Helvetica on the left, the values in
Times on the right. The label column of each block is fitted to that block's widest label, as
Word's "fit to contents" does, so the values of different blocks start at different x. The
response carries the reason below the answer; actions (``action_prefix_fmt`` typed before
each), owners and targets are stacked one paragraph per action. Blocks split across pages
by row. Pure Python: ``make test`` rebuilds it byte for byte.

Options: ``font_size`` (pt, default 10), ``action_prefix_fmt``.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from scripts.samples.render_html_form import form_values
from scripts.samples.spec import PlanSpec, RecSpec

TEMPLATE = "reportlab_form"
MARGIN = 2.2 * cm
PAD = 6.0  # pt each side of a cell, as Word's 0.19 cm cell margin
LABEL_FONT = "Helvetica-Bold"


def _styles(size: float) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    value = ParagraphStyle("value", fontName="Times-Roman", fontSize=size, leading=size * 1.25,
                           spaceAfter=2)
    label = ParagraphStyle("label", parent=value, fontName=LABEL_FONT)
    front = ParagraphStyle("front", parent=value, fontSize=size + 1, leading=(size + 1) * 1.3,
                           spaceAfter=6)
    return value, label, front


def _block(spec: PlanSpec, rec: RecSpec, width: float, size: float) -> Table:
    value, label, _ = _styles(size)
    labels = list(spec.headers)
    labels[0] = f"{labels[0]} {rec.number}" if rec.number else labels[0]
    label_width = max(stringWidth(text, LABEL_FONT, size) for text in labels) + 2 * PAD + 1
    rows = [[Paragraph(escape(text), label),
             [Paragraph(escape(p), value) for p in paras if p] or ""]
            for text, paras in zip(labels, form_values(spec, rec), strict=True)]
    table = Table(rows, colWidths=[label_width, width - label_width], splitByRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def render(spec: PlanSpec, path: Path) -> None:
    """Write the PDF of a ``reportlab_form`` spec to ``path`` (the same bytes every time)."""
    if spec.template != TEMPLATE:
        raise ValueError(f"{spec.name}: render_reportlab_form draws {TEMPLATE}, "
                         f"not {spec.template}")
    size = float(spec.options.get("font_size", 10))
    _, _, front = _styles(size)
    heading = ParagraphStyle("heading", parent=front, fontName="Times-Bold",
                             fontSize=size + 5, leading=(size + 5) * 1.3)
    story: list = []
    for item in spec.front_matter:
        if item.startswith("# "):
            story.append(Paragraph(escape(item[2:]), heading))
        else:
            story.append(Paragraph(escape(item), front))
    width = A4[0] - 2 * MARGIN
    for rec in spec.recs:
        story += [Spacer(1, size * 1.5), _block(spec, rec, width, size)]
    rl_config.invariant = 1  # fixed document id and dates: the same bytes on every build
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=spec.title or "",
                            author="", creator="")
    doc.build(story)
