"""Renderer for template ``html_form``: a form-style plan laid out with CSS grid, no lines.

Each recommendation is a two-column CSS grid (``display: grid``): the field names
(``spec.headers``: recommendation, response, actions, owner, target, each printed with a
colon; the first with the recommendation's number) in a narrow left track, the values in the
right one. Nothing is drawn: no borders, rules or fills, only white space between the tracks
and between the blocks. The response value carries the reason below the answer; actions
(``action_prefix_fmt`` typed before each), owners and targets are stacked one paragraph per
action, in the actions' order. Blocks may break across pages. Printed to PDF by headless
Chromium (``render_shapes.print_pdf``), so the PDF is Chromium's (Skia) drawing, not a
converted Word table.

Options: ``font`` (CSS font family), ``font_size`` (pt), ``widths`` ([label track, gap] in
cm), ``margins_cm``, ``action_prefix_fmt``.
"""

from __future__ import annotations

import html

from scripts.samples.render_docx import split_lines
from scripts.samples.spec import PlanSpec, RecSpec

TEMPLATE = "html_form"


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _css(spec: PlanSpec) -> str:
    opt = spec.options
    label_cm, gap_cm = opt.get("widths", [4.2, 0.8])
    return f"""
@page {{ size: A4 portrait; margin: {opt.get("margins_cm", 2.0)}cm; }}
body {{ font-family: "{opt.get("font", "Liberation Serif")}", serif;
        font-size: {opt.get("font_size", 11)}pt; color: #000; }}
h1 {{ font-size: 16pt; margin: 0 0 6pt 0; }}
body > p {{ margin: 0 0 5pt 0; }}
section.rec {{ display: grid; grid-template-columns: {label_cm}cm 1fr;
               column-gap: {gap_cm}cm; row-gap: 6pt; margin-top: 18pt; break-inside: auto; }}
section.rec > div.k {{ font-weight: bold; }}
section.rec > div.v p {{ margin: 0 0 2pt 0; }}
"""


def form_values(spec: PlanSpec, rec: RecSpec) -> list[list[str]]:
    """A recommendation's field values in the form's label order, a list of paragraphs each
    (the reportlab form renderer draws the same fields)."""
    fmt = spec.options.get("action_prefix_fmt", "")
    return [
        [rec.text],
        [rec.response_raw or "", *split_lines(rec.reason or "")],
        [(fmt.format(n=act.number) if fmt and act.number else "") + act.text
         for act in rec.actions],
        [act.owners_raw for act in rec.actions],
        [act.target_raw for act in rec.actions],
    ]


def html_page(spec: PlanSpec) -> str:
    """The HTML source of an ``html_form`` spec."""
    if spec.template != TEMPLATE:
        raise ValueError(f"{spec.name}: render_html_form draws {TEMPLATE}, not {spec.template}")
    out = ["<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
           f"<title>{_esc(spec.title or spec.name)}</title>", f"<style>{_css(spec)}</style>",
           "</head>", "<body>"]
    for item in spec.front_matter:
        if item.startswith("# "):
            out.append(f"<h1>{_esc(item[2:])}</h1>")
        else:
            out.append(f"<p>{_esc(item)}</p>")
    for rec in spec.recs:
        labels = list(spec.headers)
        labels[0] = f"{labels[0]} {rec.number}" if rec.number else labels[0]
        out.append('<section class="rec">')
        for label, paras in zip(labels, form_values(spec, rec), strict=True):
            out.append(f'<div class="k">{_esc(label)}:</div>')
            body = "".join(f"<p>{_esc(p)}</p>" for p in paras if p)
            out.append(f'<div class="v">{body}</div>')
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
