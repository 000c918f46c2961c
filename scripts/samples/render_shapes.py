"""Renderers for two Word layouts (templates ``per_rec_tables``, ``form``) and an HTML table.

Word (python-docx, through ``render``; scripts/samples/renderers.py converts it to PDF):

- ``per_rec_tables``: for each recommendation a bold paragraph "Recommendation N: <text>", a
  paragraph "Response: <response>" (" – <reason>" appended when there is one), then its own
  table ``spec.headers`` (action, owner, target, ``extras["progress"]``), one row per action.
  Options: ``widths``, ``header_fill``, ``action_prefix_fmt`` (typed action numbers).
- ``form``: for each recommendation a two-column table, field names on the left
  (``spec.headers``: recommendation, response, actions, owner, target); the response cell
  carries the reason below the response word; actions (typed ``action_prefix_fmt``),
  owners and targets are stacked one paragraph per action. Options: ``widths``,
  ``label_fill``.

Page frame, fonts and front matter come from ``render_docx`` (same options).

HTML (``html_table``): ``html_page`` writes the page from the spec and ``print_pdf`` prints it
to PDF with headless Chromium (scripts/samples/renderers.py). One row per recommendation,
the actions an ``<ol>``, owners and dates ``<br>``-separated in the actions' order, the header
row repeated on each page, rows allowed to break across pages. Options: ``borders: "none"``
draws no line at all (CSS ``border: none``, the cells set apart by padding alone, none between
rows); ``layout: "per_action"`` gives each action a row of its own (its number typed before it,
``action_prefix_fmt``, with its owner and date), the recommendation's cells spanning them
(``rowspan``).
"""

from __future__ import annotations

import html
import re
from copy import deepcopy
from pathlib import Path

from docx.document import Document as DocumentObject

from scripts.samples.office import run_with_profile
from scripts.samples.render_docx import (
    WordRenderer,
    apply_borders,
    cell_width,
    fixed_layout,
    repeat_header_row,
    shade,
    split_lines,
    write_cell,
)
from scripts.samples.spec import PlanSpec, RecSpec

WORD_TEMPLATES = ("per_rec_tables", "form")


class _ShapesRenderer(WordRenderer):
    """``render_docx``'s page frame and front matter, with a different plan body."""

    def plan_table(self) -> None:
        for rec in self.spec.recs:
            if self.spec.template == "per_rec_tables":
                self.rec_block(rec)
            else:
                self.form_table(rec)
            self.doc.add_paragraph()

    def _prefixed(self, rec: RecSpec) -> list[str]:
        return [self._action_text(act) for act in rec.actions]

    def rec_block(self, rec: RecSpec) -> None:
        p = self.doc.add_paragraph()
        p.add_run(f"Recommendation {rec.number}: {rec.text}").bold = True
        p.paragraph_format.keep_with_next = True
        response = f"Response: {rec.response_raw}"
        if rec.reason:
            response += f" – {rec.reason}"
        p = self.doc.add_paragraph(response)
        p.paragraph_format.keep_with_next = True
        widths: list[float] = self.opt["widths"]
        table = self.doc.add_table(rows=0, cols=len(self.spec.headers))
        apply_borders(table, "grid")
        fixed_layout(table, widths)
        head = table.add_row()
        repeat_header_row(head)
        for cell, value in zip(head.cells, self.spec.headers, strict=True):
            write_cell(cell, [value], bold=True)
            if self.opt.get("header_fill"):
                shade(cell, self.opt["header_fill"])
        for act in rec.actions:
            cells = table.add_row().cells
            write_cell(cells[0], [self._action_text(act)])
            write_cell(cells[1], split_lines(act.owners_raw))
            write_cell(cells[2], split_lines(act.target_raw))
            write_cell(cells[3], split_lines(act.extras.get("progress", "")))
        cell_width(table, widths)

    def form_table(self, rec: RecSpec) -> None:
        labels = list(self.spec.headers)
        labels[0] = f"{labels[0]} {rec.number}"
        values = [
            [rec.text],
            [rec.response_raw or "", *split_lines(rec.reason or "")],
            self._prefixed(rec),
            [act.owners_raw for act in rec.actions],
            [act.target_raw for act in rec.actions],
        ]
        widths: list[float] = self.opt["widths"]
        table = self.doc.add_table(rows=0, cols=2)
        apply_borders(table, "grid")
        fixed_layout(table, widths)
        for label, paras in zip(labels, values, strict=True):
            cells = table.add_row().cells
            write_cell(cells[0], [label], bold=True)
            if self.opt.get("label_fill"):
                shade(cells[0], self.opt["label_fill"])
            write_cell(cells[1], paras, space_after=4)
        cell_width(table, widths)


def render(spec: PlanSpec) -> DocumentObject:
    """The Word document for a ``per_rec_tables`` or ``form`` spec."""
    if spec.template not in WORD_TEMPLATES:
        raise ValueError(f"{spec.name}: render_shapes draws {WORD_TEMPLATES}, not {spec.template}")
    return _ShapesRenderer(deepcopy(spec)).render()


# --- HTML table printed by headless Chromium ------------------------------------------------

CSS = """
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #000; }
h1 { font-size: 15pt; margin: 0 0 4pt 0; }
p { margin: 0 0 4pt 0; }
table { border-collapse: collapse; width: 100%; margin-top: 8pt; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: auto; page-break-inside: auto; }
th, td { border: 1px solid #444; padding: 4pt 5pt; vertical-align: top; text-align: left; }
th { background: #1f3864; color: #fff; font-weight: bold; }
td ol { margin: 0; padding-left: 16pt; }
td ol li { margin-bottom: 4pt; }
td p.reason { margin-bottom: 6pt; }
col.no { width: 5%; } col.rec { width: 24%; } col.resp { width: 9%; }
col.act { width: 35%; } col.own { width: 15%; } col.date { width: 12%; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


# A table drawn with no lines: cells apart by side padding only, none above or below, so
# nothing but the text shows where one row ends and the next begins.
CSS_BORDERLESS = """
th, td { border: none; padding: 0 6pt; }
th { background: none; color: #000; padding-bottom: 6pt; }
"""


def _action_rows(spec: PlanSpec, rec, cells: list[str]) -> list[str]:
    """One ``<tr>`` per action, the recommendation's cells spanning them all."""
    fmt = spec.options.get("action_prefix_fmt", "{n}.")
    actions = rec.actions or [None]
    span = f' rowspan="{len(actions)}"' if len(actions) > 1 else ""
    reason = "".join(f'<p class="reason">{_esc(r)}</p>' for r in split_lines(rec.reason or ""))
    rows = []
    for i, act in enumerate(actions):
        lead = "".join(f"<td{span}>{c}</td>" for c in cells) if i == 0 else ""
        if act is None:
            rows.append(f"<tr>{lead}<td>{reason}</td><td></td><td></td></tr>")
            continue
        number = _esc(fmt.format(n=act.number)) + " " if act.number else ""
        text = (reason if i == 0 else "") + number + _esc(act.text)
        owner = "<br>".join(_esc(x) for x in split_lines(act.owners_raw))
        target = "<br>".join(_esc(x) for x in split_lines(act.target_raw))
        rows.append(f"<tr>{lead}<td>{text}</td><td>{owner}</td><td>{target}</td></tr>")
    return rows


def html_page(spec: PlanSpec) -> str:
    """The HTML source of an ``html_table`` spec."""
    css = CSS + (CSS_BORDERLESS if spec.options.get("borders") == "none" else "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_esc(spec.title or spec.name)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]
    for item in spec.front_matter:
        if item.startswith("# "):
            out.append(f"<h1>{_esc(item[2:])}</h1>")
        else:
            out.append(f"<p>{_esc(item)}</p>")
    out.append("<table>")
    out.append(
        '<colgroup><col class="no"><col class="rec"><col class="resp"><col class="act">'
        '<col class="own"><col class="date"></colgroup>'
    )
    out.append("<thead><tr>" + "".join(f"<th>{_esc(h)}</th>" for h in spec.headers))
    out.append("</tr></thead>")
    out.append("<tbody>")
    fmt = spec.options.get("rec_no_fmt", "{n}")
    for rec in spec.recs:
        cells = [
            _esc(fmt.format(n=rec.number)) if rec.number else "",
            _esc(rec.text),
            _esc(rec.response_raw or ""),
        ]
        if spec.options.get("layout") == "per_action":
            out += _action_rows(spec, rec, cells)
            continue
        act_cell = ""
        if rec.reason:
            act_cell += "".join(f'<p class="reason">{_esc(r)}</p>' for r in split_lines(rec.reason))
        if rec.actions:
            items = "".join(f"<li>{_esc(act.text)}</li>" for act in rec.actions)
            act_cell += f"<ol>{items}</ol>"
        cells.append(act_cell)
        cells.append("<br>".join(_esc(act.owners_raw) for act in rec.actions))
        cells.append("<br>".join(_esc(act.target_raw) for act in rec.actions))
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>", "</body>", "</html>", ""]
    return "\n".join(out)


def stable_chromium_pdf(blob: bytes) -> bytes:
    """Fix Chromium's creation and modification dates (same length, offsets kept)."""
    return re.sub(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)",
                  lambda m: b"/" + m.group(1) + b" (D:20200101090000+00'00')", blob)


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium (private profile)."""
    run_with_profile("chromium", lambda profile: [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer",
        html_path.as_uri()], timeout=120)
    pdf_path.write_bytes(stable_chromium_pdf(pdf_path.read_bytes()))
