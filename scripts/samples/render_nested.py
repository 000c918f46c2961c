"""Word plans whose actions are a table nested inside the outer row's actions cell.

A common Word habit: the outer table has one row per recommendation (number, text,
agreement, actions) and the actions cell holds its own small table (``Action | Owner |
Target date``), one row per action. python-docx draws the outer grid; the inner grids are
added with ``_Cell.add_table`` (a ``w:tbl`` inside the ``w:tc``), with their own borders.

Options (besides ``render_docx``'s page frame ones):

- ``outer``: kinds of the outer columns, in order: ``rec_no``, ``rec_text``, ``response``,
  ``actions`` (the cell that holds the inner table); ``widths`` their widths in cm.
- ``inner``: kinds of the inner columns: ``action_no``, ``action``, ``owner``, ``target``;
  ``inner_headers`` their header words; ``inner_widths`` in cm.
- ``inner_header``: "every" (each inner table starts with its header row), "first" (only the
  first recommendation's inner table has one), "outer" (the header is a nested table in the
  outer header row's actions cell, and the body's inner tables have none).
- ``inner_borders``: "grid" | "horizontal"; ``reason_above``: a partly/not agreed reason is a
  paragraph in the actions cell above the inner table (else in the response cell).
- ``header_fill``: shading of both header rows.
"""

from __future__ import annotations

from copy import deepcopy

from docx.document import Document as DocumentObject
from docx.table import _Cell

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
from scripts.samples.spec import ActionSpec, PlanSpec, RecSpec

TEMPLATE = "nested_actions"


class _NestedRenderer(WordRenderer):
    """``render_docx``'s page frame and front matter, with a nested-table plan body."""

    def plan_table(self) -> None:
        opt = self.opt
        outer_kinds: list[str] = opt["outer"]
        widths: list[float] = opt["widths"]
        table = self.doc.add_table(rows=0, cols=len(outer_kinds))
        apply_borders(table, "grid")
        fixed_layout(table, widths)
        head = table.add_row()
        if opt.get("repeat_header", True):
            repeat_header_row(head)
        for kind, cell, text in zip(outer_kinds, head.cells, self.spec.headers, strict=True):
            write_cell(cell, [text], bold=True)
            if opt.get("header_fill"):
                shade(cell, opt["header_fill"])
            if kind == "actions" and opt.get("inner_header") == "outer":
                self.inner_table(cell, [], header=True)
        for index, rec in enumerate(self.spec.recs):
            row = table.add_row()
            for kind, cell in zip(outer_kinds, row.cells, strict=True):
                self.outer_cell(kind, cell, rec, index)
        cell_width(table, widths)

    def outer_cell(self, kind: str, cell: _Cell, rec: RecSpec, index: int) -> None:
        if kind == "rec_no":
            write_cell(cell, [self.opt.get("rec_no_fmt", "{n}").format(n=rec.number)])
        elif kind == "rec_text":
            write_cell(cell, [rec.text])
        elif kind == "response":
            reason = [] if self.opt.get("reason_above") else split_lines(rec.reason or "")
            write_cell(cell, [rec.response_raw or "", *reason], space_after=4)
        elif kind == "actions":
            if rec.reason and self.opt.get("reason_above"):
                write_cell(cell, split_lines(rec.reason), space_after=4)
            if rec.actions:
                when = self.opt.get("inner_header", "every")
                header = when == "every" or (when == "first" and index == 0)
                self.inner_table(cell, rec.actions, header=header)
        else:
            raise ValueError(kind)

    def inner_table(self, host: _Cell, actions: list[ActionSpec], *, header: bool) -> None:
        opt = self.opt
        kinds: list[str] = opt["inner"]
        widths: list[float] = opt["inner_widths"]
        inner = host.add_table(rows=0, cols=len(kinds))
        apply_borders(inner, opt.get("inner_borders", "grid"))
        fixed_layout(inner, widths)
        if header:
            row = inner.add_row()
            for cell, text in zip(row.cells, opt["inner_headers"], strict=True):
                write_cell(cell, [text], bold=True)
                if opt.get("header_fill"):
                    shade(cell, opt["header_fill"])
        for act in actions:
            row = inner.add_row()
            for kind, cell in zip(kinds, row.cells, strict=True):
                write_cell(cell, self._inner_cell(kind, act))
        cell_width(inner, widths)
        # Word needs a paragraph after a table that ends a cell; python-docx's cell has one
        # before it (reused by write_cell or left empty).
        host.add_paragraph()

    def _inner_cell(self, kind: str, act: ActionSpec) -> list[str]:
        if kind == "action_no":
            return [self.opt.get("action_no_fmt", "{n}").format(n=act.number)] if act.number else []
        if kind == "action":
            return [self._action_text(act)]
        if kind == "owner":
            return split_lines(act.owners_raw)
        if kind == "target":
            return split_lines(act.target_raw)
        raise ValueError(kind)


def render(spec: PlanSpec) -> DocumentObject:
    """The Word document for a ``nested_actions`` spec."""
    if spec.template != TEMPLATE:
        raise ValueError(f"{spec.name}: render_nested draws {TEMPLATE}, not {spec.template}")
    return _NestedRenderer(deepcopy(spec)).render()
