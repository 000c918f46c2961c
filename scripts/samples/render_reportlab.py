"""Draw a ``PlanSpec`` as a PDF with reportlab: a producer unlike Word/LibreOffice.

Options (``spec.options``):
  columns        role of each header: rec_no, rec, response, action_no, action, owner,
                 target, extra (an extra column such as progress that is not an action)
  widths         relative column widths
  style          "grid" (full grid), "rules" (horizontal rules only), "light" (thin inner grid)
  span_recs      merge the rec cells down over their action rows (reportlab SPAN)
  rec_label      format of the rec number where printed, e.g. "{n}", "({n})"
  inline_label   print the rec number inside the rec text cell, e.g. "Recommendation {n}"
  action_prefix  format of an action number printed before its text, e.g. "({n})"
  extra_values   texts cycled through the extra column, one per action row
  page_header    running header line printed on every page
  font_size      cell font size in points (default 8)
"""

from __future__ import annotations

from itertools import cycle
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from scripts.samples.spec import ActionSpec, PlanSpec, RecSpec

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=8, leading=10)
HEAD = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold")
FRONT = ParagraphStyle("front", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
TITLE = ParagraphStyle("title", parent=FRONT, fontName="Helvetica-Bold", fontSize=13, leading=16)
MARGIN = 1.5 * cm
GREY = colors.Color(0.85, 0.85, 0.85)


def para(text: str | None, style: ParagraphStyle = BODY) -> Paragraph:
    """A wrapping cell paragraph; newlines in the spec become line breaks."""
    lines = (text or "").split("\n")
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def _rec_rows(rec: RecSpec, opts: dict[str, Any], extras: Any) -> list[dict[str, str | None]]:
    """Cell texts by column role for the rows of one recommendation."""
    label = opts.get("rec_label", "{n}")
    number = label.format(n=rec.number) if rec.number is not None else ""
    rec_text = rec.text
    if opts.get("inline_label") and rec.number is not None:
        rec_text = opts["inline_label"].format(n=rec.number) + "\n" + rec.text
        number = ""
    rows: list[dict[str, str | None]] = []
    if rec.reason:
        rows.append({"action": rec.reason})
    rows.extend(_action_row(act, opts, extras) for act in rec.actions)
    if not rows:
        rows.append({})
    rows[0].update({"rec_no": number, "rec": rec_text, "response": rec.response_raw})
    return rows


def _action_row(act: ActionSpec, opts: dict[str, Any], extras: Any) -> dict[str, str | None]:
    text = act.text
    prefix = opts.get("action_prefix")
    if prefix and act.number is not None:
        text = f"{prefix.format(n=act.number)} {text}"
    row: dict[str, str | None] = {
        "action": text,
        "owner": act.owners_raw,
        "target": act.target_raw,
        "extra": next(extras) if extras is not None else None,
    }
    if not prefix and act.number is not None:
        row["action_no"] = f"{act.number}."
    return row


def build_table(spec: PlanSpec) -> Table:
    """The plan's table with header row repeated on every page."""
    opts = spec.options
    roles: list[str] = opts["columns"]
    extras = cycle(opts["extra_values"]) if opts.get("extra_values") else None
    size = opts.get("font_size", 8)
    body = ParagraphStyle("cell", parent=BODY, fontSize=size, leading=size + 2)
    head = ParagraphStyle("cellhead", parent=HEAD, fontSize=size, leading=size + 2)
    data: list[list[Any]] = [[para(h, head) for h in spec.headers]]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    style = opts.get("style", "grid")
    section = None
    for rec in spec.recs:
        if rec.section and rec.section != section:
            section = rec.section
            row = len(data)
            data.append([para(section, head)] + [""] * (len(roles) - 1))
            commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GREY)]
        first = len(data)
        for cells in _rec_rows(rec, opts, extras):
            data.append([para(cells.get(role), body) for role in roles])
        last = len(data) - 1
        if opts.get("span_recs") and last > first:
            for col, role in enumerate(roles):
                if role in ("rec_no", "rec", "response"):
                    commands.append(("SPAN", (col, first), (col, last)))
        if style == "rules":
            commands.append(("LINEBELOW", (0, last), (-1, last), 0.5, colors.black))
    if style == "grid":
        commands += [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ]
    elif style == "light":
        commands += [
            ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ]
    else:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black))
    width = landscape(A4)[0] - 2 * MARGIN
    rel = opts["widths"]
    col_widths = [width * w / sum(rel) for w in rel]
    table = Table(data, colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def render(spec: PlanSpec, out: Path) -> None:
    """Write ``spec`` as a landscape A4 PDF at ``out``; same spec → same bytes."""
    rl_config.invariant = 1  # fixed creation date and document id: reproducible files
    header = spec.options.get("page_header")

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        page_w, page_h = landscape(A4)
        if header:
            canvas.drawString(MARGIN, page_h - 0.9 * cm, header)
        canvas.drawRightString(page_w - MARGIN, 0.8 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out),
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=spec.title or spec.name,
        author="",
        creator="actionplan samples (reportlab)",
    )
    story: list[Any] = []
    for i, text in enumerate(spec.front_matter):
        story.append(para(text, TITLE if i == 0 else FRONT))
    story += [Spacer(1, 0.3 * cm), build_table(spec)]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
