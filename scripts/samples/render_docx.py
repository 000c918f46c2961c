"""Draw a ``PlanSpec`` as a Word document with python-docx, the way plan authors build them.

The renderer is one table writer driven by ``spec.options`` (the template name only picks
defaults), so each sample can take the shape real plans take. Options:

- ``orientation`` ("landscape" | "portrait"), ``margins_cm``, ``font``, ``font_size`` (pt).
- ``columns``: the kind of every grid column, in order: ``rec_no``, ``rec_text``, ``response``,
  ``action_no``, ``action``, ``owner``, ``target``, ``extra:KEY`` (``ActionSpec.extras[KEY]``),
  ``rec_extra:KEY`` (``RecSpec.extras[KEY]``). ``widths`` gives their widths in cm.
- ``header_spans``: {header index: grid columns it spans}; ``header_rows``: extra header rows
  below ``spec.headers`` (same cell count; an empty cell is merged into the one above).
- ``layout``: "per_action" (one row per action) or "per_rec" (one row per recommendation, the
  actions listed in one cell; owners/targets stacked one paragraph per action, or shared when
  ``rec.options["shared"]``).
- ``rec_cells``: "merge" (vertical merge over the action rows) or "empty" (blank below the first).
- ``action_numbers``: "column" (``action_no`` column, ``action_no_fmt``), "prefix" (typed before
  the text, ``action_prefix_fmt``), "auto" (Word decimal numbering restarted per cell),
  "bullet" (Word bullet numbering) or "none".
- ``rec_no_fmt`` (rec number cell), ``rec_no_in_text`` (format typed before the rec text).
- ``reason_in``: "first_cell" (reason paragraphs open the first action cell) or "row" (own row).
- ``borders``: "grid" | "horizontal" (rules between rows only); ``header_fill``,
  ``header_color``, ``section_fill``; ``repeat_header`` (default True).
- ``frame``: put the plan table inside a bordered 1x1 layout table.
- ``page_header``, ``page_footer`` (text; "{PAGE}" becomes a page field).
- ``tables``: {key: {"rows": [[...]], "widths": [...]}} drawn where front matter says
  ``{table:key}``. Front matter lines starting "# " / "## " are headings; ``{pagebreak}`` breaks;
  ``^{th}`` in a front matter line is drawn as superscript ("26^{th} August" prints "26th",
  the ordinal raised as Word's autoformat draws it).
- ``back_matter``: paragraphs after the table.

``ActionSpec.extras["_paragraphs"]`` prints an action over several paragraphs ("\n" between
them); joined by single spaces they must equal the action's text.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import deepcopy
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from scripts.samples.spec import ActionSpec, PlanSpec, RecSpec

FIXED_DATE = dt.datetime(2020, 1, 1, 9, 0, 0)

TEMPLATE_DEFAULTS: dict[str, dict[str, Any]] = {
    "hmpps_probation": {
        "font": "Arial",
        "font_size": 10,
        "layout": "per_action",
        "rec_cells": "merge",
        "action_numbers": "column",
        "header_fill": "D9D9D9",
    },
    "generic": {"font": "Arial", "font_size": 10, "layout": "per_action", "rec_cells": "merge"},
}


class Numbering:
    """Adds numbering definitions (abstractNum + one num per list) to the document."""

    def __init__(self, doc: DocumentObject) -> None:
        self.root = doc.part.numbering_part.element
        self.next_abstract = 90
        self.next_num = 90
        self.abstract: dict[str, int] = {}

    def _abstract_id(self, kind: str, font: str) -> int:
        if kind in self.abstract:
            return self.abstract[kind]
        aid = self.next_abstract
        self.next_abstract += 1
        absn = OxmlElement("w:abstractNum")
        absn.set(qn("w:abstractNumId"), str(aid))
        mlt = OxmlElement("w:multiLevelType")
        mlt.set(qn("w:val"), "singleLevel")
        absn.append(mlt)
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (
            ("w:start", "1"),
            ("w:numFmt", "decimal" if kind == "auto" else "bullet"),
            ("w:lvlText", "%1." if kind == "auto" else "\u2022"),
            ("w:lvlJc", "left"),
        ):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), "360")
        ind.set(qn("w:hanging"), "360")
        ppr.append(ind)
        lvl.append(ppr)
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), font)
        fonts.set(qn("w:hAnsi"), font)
        rpr.append(fonts)
        lvl.append(rpr)
        absn.append(lvl)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            self.root.append(absn)
        self.abstract[kind] = aid
        return aid

    def new_list(self, kind: str, font: str) -> int:
        """A fresh w:num (numbering restarted at 1) for one cell's list."""
        aid = self._abstract_id(kind, font)
        nid = self.next_num
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(nid))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(aid))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.root.append(num)
        return nid


def set_num(paragraph: Any, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.insert(0, numpr)


def shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


BORDER_STYLES = {
    "grid": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "horizontal": ("top", "bottom", "insideH"),
    "none": (),
}


def table_borders(visible: tuple[str, ...]) -> Any:
    """A ``w:tblBorders`` element drawing only the ``visible`` edges."""
    borders = OxmlElement("w:tblBorders")
    for edge in BORDER_STYLES["grid"]:
        el = OxmlElement(f"w:{edge}")
        if edge in visible:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    return borders


def apply_borders(table: Table, style: str) -> None:
    """Table-level borders: a full grid, or horizontal rules only."""
    table._tbl.tblPr.append(table_borders(BORDER_STYLES[style]))


def fixed_layout(table: Table, widths: list[float]) -> None:
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Cm(w)


def cell_width(table: Table, widths: list[float]) -> None:
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            if i < len(widths):
                cell.width = Cm(widths[i])


def write_cell(
    cell: _Cell,
    paras: list[str],
    *,
    bold: bool = False,
    color: str | None = None,
    num_id: int | None = None,
    space_after: float = 2,
) -> None:
    """Fill a cell with paragraphs (its first, empty paragraph is reused)."""
    first = True
    for text in paras:
        p = cell.paragraphs[0] if first and not cell.paragraphs[0].text else cell.add_paragraph()
        first = False
        run = p.add_run(text)
        run.bold = bold
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        p.paragraph_format.space_after = Pt(space_after)
        p.paragraph_format.space_before = Pt(0)
        if num_id is not None:
            set_num(p, num_id)


SUPERSCRIPT = re.compile(r"\^\{([^}]*)\}")


def _add_runs(paragraph: Any, text: str, bold: bool | None, size: Any) -> None:
    """The text as runs, ``^{…}`` pieces superscript; every run bold/sized alike."""
    pieces = SUPERSCRIPT.split(text)
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        run = paragraph.add_run(piece)
        run.bold = bold
        if size is not None:
            run.font.size = size
        if i % 2:
            run.font.superscript = True


def repeat_header_row(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def split_lines(text: str) -> list[str]:
    return text.split("\n") if text else []


class WordRenderer:
    def __init__(self, spec: PlanSpec) -> None:
        self.spec = spec
        self.opt: dict[str, Any] = {**TEMPLATE_DEFAULTS.get(spec.template, {}), **spec.options}
        self.doc = Document()
        self.numbering = Numbering(self.doc)
        self.font = self.opt.get("font", "Arial")

    # -- document frame ------------------------------------------------------------------
    def setup(self) -> None:
        doc, opt = self.doc, self.opt
        normal = doc.styles["Normal"]
        normal.font.name = self.font
        normal.font.size = Pt(opt.get("font_size", 10))
        rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        rfonts.set(qn("w:eastAsia"), self.font)
        rfonts.set(qn("w:cs"), self.font)
        normal.paragraph_format.space_after = Pt(6)
        sec = doc.sections[0]
        if opt.get("orientation", "landscape") == "landscape":
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        else:
            sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        m = opt.get("margins_cm", 1.8)
        sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Cm(m)
        if opt.get("page_header"):
            hp = sec.header.paragraphs[0]
            run = hp.add_run(opt["page_header"])
            run.bold = True
            hp.alignment = 2
        if opt.get("page_footer"):
            fp = sec.footer.paragraphs[0]
            fp.alignment = 1
            before, _, after = opt["page_footer"].partition("{PAGE}")
            fp.add_run(before)
            if _:
                self._page_field(fp)
                fp.add_run(after)
        cp = doc.core_properties
        cp.author = opt.get("author", "")
        cp.last_modified_by = opt.get("author", "")
        cp.title = self.spec.title or ""
        cp.created = cp.modified = FIXED_DATE
        cp.last_printed = FIXED_DATE
        cp.revision = 1
        cp.comments = ""

    @staticmethod
    def _page_field(paragraph: Any) -> None:
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
            if kind:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), kind)
                run._r.append(fc)
            else:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = text
                run._r.append(it)

    def front_matter(self) -> None:
        for item in self.spec.front_matter:
            if item == "{pagebreak}":
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif item.startswith("{table:"):
                self.pre_table(self.opt["tables"][item[7:-1]])
            elif item.startswith("## "):
                _add_runs(self.doc.add_paragraph(), item[3:], True,
                          Pt(self.opt.get("font_size", 10) + 1))
            elif item.startswith("# "):
                p = self.doc.add_paragraph()
                _add_runs(p, item[2:], True, Pt(self.opt.get("font_size", 10) + 4))
                if self.opt.get("center_headings"):
                    p.alignment = 1
            elif SUPERSCRIPT.search(item):
                _add_runs(self.doc.add_paragraph(), item, None, None)
            else:
                self.doc.add_paragraph(item)

    def pre_table(self, tdef: dict[str, Any]) -> None:
        rows: list[list[str]] = tdef["rows"]
        table = self.doc.add_table(rows=0, cols=len(rows[0]))
        apply_borders(table, "grid")
        fixed_layout(table, tdef["widths"])
        for i, values in enumerate(rows):
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                write_cell(cell, split_lines(value), bold=(i == 0))
                if i == 0 and tdef.get("fill"):
                    shade(cell, tdef["fill"])
        cell_width(table, tdef["widths"])
        self.doc.add_paragraph()

    # -- the plan table ------------------------------------------------------------------
    def plan_table(self) -> None:
        opt = self.opt
        cols: list[str] = opt["columns"]
        widths: list[float] = opt["widths"]
        container: Any = self.doc
        if opt.get("frame"):
            outer = self.doc.add_table(rows=1, cols=1)
            apply_borders(outer, "grid")
            fixed_layout(outer, [sum(widths) + 0.6])
            cell_width(outer, [sum(widths) + 0.6])
            container = outer.cell(0, 0)
            if opt.get("frame_heading"):
                write_cell(container, [opt["frame_heading"]], bold=True, space_after=6)
        table = container.add_table(rows=0, cols=len(cols))
        apply_borders(table, opt.get("borders", "grid"))
        fixed_layout(table, widths)
        self.table = table
        self.cols = cols
        self.header()
        section = None
        for rec in self.spec.recs:
            if rec.section and rec.section != section:
                section = rec.section
                self.section_row(section)
            if opt.get("layout", "per_action") == "per_rec":
                self.rec_row(rec)
            else:
                self.action_rows(rec)
        cell_width(table, widths)
        if opt.get("frame"):
            container.add_paragraph()
        for para in opt.get("back_matter", []):
            self.doc.add_paragraph(para)

    def header(self) -> None:
        rows = [list(self.spec.headers)] + [list(r) for r in self.opt.get("header_rows", [])]
        self._write_header([self._header_row(values) for values in rows])

    def _header_row(self, values: list[str]) -> list[tuple[_Cell, str]]:
        """One header row's cells; a header spanning ``header_spans`` grid columns is merged."""
        spans = {int(k): v for k, v in self.opt.get("header_spans", {}).items()}
        row = self.table.add_row()
        if self.opt.get("repeat_header", True):
            repeat_header_row(row)
        col = 0
        placed = []
        for i, value in enumerate(values):
            span = spans.get(i, 1)
            cell = row.cells[col]
            if span > 1:
                cell = cell.merge(row.cells[col + span - 1])
            placed.append((cell, value))
            col += span
        return placed

    def _write_header(self, grid_rows: list[list[tuple[_Cell, str]]]) -> None:
        opt = self.opt
        for r, placed in enumerate(grid_rows):
            for cell, value in placed:
                if r == 0 or value:
                    write_cell(cell, split_lines(value), bold=True, color=opt.get("header_color"))
        # An empty cell in a lower header row is merged into the one above.
        for placed in grid_rows[1:]:
            for i, (cell, value) in enumerate(placed):
                if not value:
                    grid_rows[0][i][0].merge(cell)
        if opt.get("header_fill"):
            for placed in grid_rows:
                for cell, _ in placed:
                    shade(cell, opt["header_fill"])

    def section_row(self, text: str) -> None:
        row = self.table.add_row()
        cell = row.cells[0].merge(row.cells[-1])
        write_cell(cell, [text], bold=True)
        shade(cell, self.opt.get("section_fill", "BFBFBF"))

    def _rec_cell_text(self, rec: RecSpec, kind: str) -> list[str]:
        opt = self.opt
        if kind == "rec_no":
            return [opt.get("rec_no_fmt", "{n}").format(n=rec.number)] if rec.number else []
        if kind == "rec_text":
            prefix = ""
            if opt.get("rec_no_in_text") and rec.number:
                prefix = opt["rec_no_in_text"].format(n=rec.number)
            paras = rec.options.get("text_paragraphs") or [rec.text]
            return [prefix + paras[0], *paras[1:]]
        if kind == "response":
            return split_lines(rec.response_raw or "")
        if kind.startswith("rec_extra:"):
            return split_lines(rec.extras.get(kind[10:], ""))
        raise ValueError(kind)

    def _action_text(self, act: ActionSpec) -> str:
        if self.opt.get("action_numbers") == "prefix" and act.number:
            return self.opt.get("action_prefix_fmt", "{n}. ").format(n=act.number) + act.text
        return act.text

    def _action_cell(self, kind: str, act: ActionSpec) -> list[str]:
        if kind == "action_no":
            if act.number is None:
                return []
            return [self.opt.get("action_no_fmt", "{n}.").format(n=act.number)]
        if kind == "action":
            printed = act.extras.get("_paragraphs")
            if not printed:
                return [self._action_text(act)]
            if " ".join(printed.split("\n")) != act.text:
                raise ValueError(f"_paragraphs of action {act.number} differ from its text")
            return split_lines(self._action_text(act.model_copy(update={"text": printed})))
        if kind == "owner":
            return split_lines(act.owners_raw)
        if kind == "target":
            return split_lines(act.target_raw)
        if kind.startswith("extra:"):
            return split_lines(act.extras.get(kind[6:], ""))
        raise ValueError(kind)

    @staticmethod
    def _is_rec_kind(kind: str) -> bool:
        return kind in ("rec_no", "rec_text", "response") or kind.startswith("rec_extra:")

    def action_rows(self, rec: RecSpec) -> None:
        opt = self.opt
        rows: list[Any] = []
        reason = split_lines(rec.reason or "")
        items: list[ActionSpec | None] = list(rec.actions)
        if reason and (opt.get("reason_in", "first_cell") == "row" or not rec.actions):
            items.insert(0, None)  # the reason in a row of its own
        for idx, act in enumerate(items):
            row = self.table.add_row()
            rows.append(row)
            for kind, cell in zip(self.cols, row.cells, strict=True):
                if self._is_rec_kind(kind):
                    if idx == 0:
                        write_cell(cell, self._rec_cell_text(rec, kind))
                elif act is None:
                    if kind == "action":
                        write_cell(cell, reason, space_after=4)
                else:
                    self._action_row_cell(cell, kind, act, reason if idx == 0 else [])
        if opt.get("rec_cells", "merge") == "merge" and len(rows) > 1:
            for i, kind in enumerate(self.cols):
                if self._is_rec_kind(kind):
                    rows[0].cells[i].merge(rows[-1].cells[i])

    def _action_row_cell(self, cell: _Cell, kind: str, act: ActionSpec, reason: list[str]) -> None:
        """One cell of an action's row; ``reason`` (first row only) opens the action cell."""
        opt = self.opt
        paras = self._action_cell(kind, act)
        if kind == "action" and reason:
            paras = reason + paras
        auto = opt.get("action_numbers") in ("auto", "bullet") and kind == "action"
        num = None
        if auto and (act.number or opt["action_numbers"] == "bullet"):
            num = self.numbering.new_list(opt["action_numbers"], self.font)
        if num is not None and reason and kind == "action":
            write_cell(cell, reason, space_after=4)
            write_cell(cell, paras[len(reason):], num_id=num)
        else:
            write_cell(cell, paras, num_id=num)

    def rec_row(self, rec: RecSpec) -> None:
        opt = self.opt
        row = self.table.add_row()
        shared = rec.options.get("shared", False)
        listing = opt.get("action_numbers", "auto")
        for kind, cell in zip(self.cols, row.cells, strict=True):
            if self._is_rec_kind(kind):
                write_cell(cell, self._rec_cell_text(rec, kind))
            elif kind == "action":
                if rec.reason:
                    write_cell(cell, split_lines(rec.reason), space_after=4)
                if listing in ("auto", "bullet"):
                    num = self.numbering.new_list(listing, self.font)
                    write_cell(cell, [a.text for a in rec.actions], num_id=num, space_after=4)
                else:
                    write_cell(cell, [self._action_text(a) for a in rec.actions], space_after=4)
            elif shared:
                if rec.actions:
                    write_cell(cell, self._action_cell(kind, rec.actions[0]))
            else:
                for act in rec.actions:
                    write_cell(cell, self._action_cell(kind, act), space_after=4)

    def render(self) -> DocumentObject:
        self.setup()
        self.front_matter()
        self.plan_table()
        return self.doc


def render(spec: PlanSpec) -> DocumentObject:
    """The Word document for ``spec`` (call ``.save(path)`` on it)."""
    return WordRenderer(deepcopy(spec)).render()
