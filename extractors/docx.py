"""Read a Word .docx into the intermediate layout form: body paragraphs and tables in order.

python-docx opens the package (with its non-resolving XML parser); the body is walked on
the lxml tree because python-docx hides what plans depend on: it repeats merged cells per
grid position, drops ``w:gridBefore``, skips content controls and tracked insertions, and
does not render Word's auto-numbering.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.opc.part import Part
from docx.styles import BabelFish
from lxml import etree

from extractors.docx_numbering import Numbering, w, wint, wval
from extractors.docx_strict import transitional_copy
from extractors.errors import DamagedDocument, failure_reading
from extractors.layout import Block, Cell, CellRef, Document, Paragraph, Row, Table

_P, _TBL, _TR, _TC = w("p"), w("tbl"), w("tr"), w("tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
_R, _T, _TAB, _PTAB, _BR, _CR = w("r"), w("t"), w("tab"), w("ptab"), w("br"), w("cr")
_RENDERED_BREAK = w("lastRenderedPageBreak")
# Names the walk looks up for every table, row, cell, paragraph and run, spelt once.
_TBL_GRID, _GRID_COL, _TR_PR, _GRID_AFTER, _GRID_BEFORE = (
    w("tblGrid"), w("gridCol"), w("trPr"), w("gridAfter"), w("gridBefore"))
_TC_PR, _GRID_SPAN, _V_MERGE, _DEL = w("tcPr"), w("gridSpan"), w("vMerge"), w("del")
_P_PR, _P_STYLE, _PAGE_BREAK_BEFORE = w("pPr"), w("pStyle"), w("pageBreakBefore")
_RPR_VANISH, _NO_BREAK_HYPHEN = f"{w('rPr')}/{w('vanish')}", w("noBreakHyphen")
_TXBX_CONTENT, _ALT_CHUNK, _OBJECT = w("txbxContent"), w("altChunk"), w("object")
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MC_CHOICE, _MC_FALLBACK = f"{_MC}Choice", f"{_MC}Fallback"
_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
# Drawings whose text lives in parts the reader does not open: said on the plan, not dropped
# in silence (keyed by the last word of a:graphicData's uri).
_UNREAD_GRAPHICS = {"diagram": "a SmartArt diagram", "chart": "a chart"}
# An entity declared in a part's own DTD is shown when it is plain text of at most this many
# characters; anything else (external, nested, markup) is left out with a warning.
MAX_ENTITY_TEXT = 200
# Inline wrappers whose runs are shown: links, tracked insertions and moves-to, smart tags,
# simple fields (their runs are the field result), bidi wrappers.
_INLINE_CONTAINERS = {
    w("hyperlink"),
    w("ins"),
    w("moveTo"),
    w("smartTag"),
    w("customXml"),
    w("fldSimple"),
    w("dir"),
    w("bdo"),
}
_OFF = {"0", "false", "off"}
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
# Errors python-docx, zipfile and lxml raise on a damaged or truncated package.
_DAMAGE = (
    OpcError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    etree.LxmlError,
    KeyError,
    ValueError,
    IndexError,
    AttributeError,
    TypeError,
)


def read_docx(path: Path) -> Document:
    """Read ``path`` as a Word document; raise DamagedDocument when it cannot be opened."""
    try:
        # A Strict package is read through a transitional copy (python-docx knows only those).
        source = transitional_copy(path) or str(path)
        # python-docx reads and parses every part here; later steps only walk the trees.
        wdoc = docx.Document(source)
    except _DAMAGE as exc:
        raise failure_reading("Word document", exc, path) from exc
    styles_el = _related_xml(wdoc.part, RT.STYLES)
    numbering = Numbering(_related_xml(wdoc.part, RT.NUMBERING), styles_el)
    style_names, default_style = _paragraph_style_names(styles_el)
    app_pages = _app_pages(wdoc.part)
    body = wdoc.element.body
    walker = _Walker(numbering, style_names, default_style, _page_mode(body),
                     _plain_entities(wdoc.element), _numbered(body, _TBL), _numbered(body, _P))
    try:
        blocks = walker.blocks(body)
    except RecursionError as exc:
        raise DamagedDocument(
            "damaged or truncated Word document (tables nested too deeply)", path=str(path)
        ) from exc
    return Document(
        path=str(path),
        format="docx",
        blocks=blocks,
        pages=_pages(app_pages, walker.page),
        notes=sorted(set(walker.notes)),
    )


def _related_xml(part: Part, reltype: str) -> etree._Element | None:
    """Root element of the part related by ``reltype``, or None when absent or not XML."""
    try:
        related = part.part_related_by(reltype)
    except KeyError:
        return None
    return getattr(related, "element", None)


def _paragraph_style_names(styles: etree._Element | None) -> tuple[dict[str, str], str | None]:
    """styleId -> UI name ("Heading 1") of paragraph styles, and the default style's name."""
    names: dict[str, str] = {}
    default: str | None = None
    if styles is None:
        return names, default
    for style in styles.iter(w("style")):
        style_id, name = wval(style, "styleId"), wval(style.find(w("name")))
        if wval(style, "type") not in (None, "paragraph") or style_id is None or not name:
            continue
        names.setdefault(style_id, BabelFish.internal2ui(name))
        if default is None and (wval(style, "default") or "").lower() in ("1", "true", "on"):
            default = names[style_id]
    return names, default


def _app_pages(part: Part) -> int | None:
    """Page count Word stored in docProps/app.xml, when present and a positive number."""
    for candidate in part.package.iter_parts():
        if str(candidate.partname) != "/docProps/app.xml":
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(candidate.blob, parser)
        except etree.LxmlError:
            return None  # metadata only: a broken app.xml must not sink the document
        pages = root.find(f"{{{_APP_NS}}}Pages")
        if pages is None or pages.text is None or not pages.text.strip().isdigit():
            return None
        return int(pages.text.strip()) or None
    return None


def _pages(app_pages: int | None, counted: int | None) -> int | None:
    # app.xml can be stale (templates say 1); never report fewer pages than blocks carry.
    if app_pages is not None and counted is not None:
        return max(app_pages, counted)
    return app_pages if app_pages is not None else counted


def _page_mode(body: etree._Element) -> str | None:
    """Which page marks to count: Word's rendered breaks, else hard page breaks, else none.

    Word writes a rendered break after each hard break too, so counting both would double.
    """
    if next(body.iter(_RENDERED_BREAK), None) is not None:
        return "rendered"
    if any(wval(br, "type") == "page" for br in body.iter(_BR)):
        return "hard"
    return None


def _is_on(el: etree._Element | None) -> bool:
    return el is not None and (wval(el) or "").lower() not in _OFF


class _Walker:
    """Walks the body once in document order, keeping list counters and the page number."""

    def __init__(
        self,
        numbering: Numbering,
        style_names: dict[str, str],
        default_style: str | None,
        page_mode: str | None,
        entities: dict[str, str] | None = None,
        tables: dict[etree._Element, int] | None = None,
        paragraphs: dict[etree._Element, int] | None = None,
    ) -> None:
        self._numbering = numbering
        # Provenance: each table's number, and the cells being walked, innermost last.
        self._tables = tables or {}
        self._paragraph_numbers = paragraphs or {}
        self._cell_stack: list[_CellPlace] = []
        self._entities = entities or {}
        self._style_names = style_names
        self._default_style = default_style
        self._page_mode = page_mode
        self.page: int | None = 1 if page_mode else None
        self._text_page: int | None = None  # page where the current paragraph's text starts
        self.notes: list[str] = []

    def blocks(self, container: etree._Element) -> list[Block]:
        """Paragraphs and tables of a body, cell or content control, in order."""
        out: list[Block] = []
        for child in container:
            if child.tag == _P:
                para = self._paragraph(child)
                if para is not None:
                    out.append(para)
                # One scan tells whether the paragraph holds a text box, a drawing or an
                # object at all; most hold none, and each of these looks is a scan of its own.
                if next(child.iter(_TXBX_CONTENT, _GRAPHIC_DATA, _OBJECT), None) is not None:
                    for box in _text_boxes(child):
                        out.extend(self.blocks(box))
                    self.notes.extend(_unread_content(child))
            elif child.tag == _TBL:
                out.extend(self._table_blocks(child))
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    out.extend(self.blocks(content))
            elif child.tag == _CUSTOM_XML:
                out.extend(self.blocks(child))
            elif child.tag == _ALT_CHUNK:
                self.notes.append("an embedded document (altChunk) was not read")
        return out

    # -- tables ---------------------------------------------------------------------------

    def _table_blocks(self, tbl: etree._Element) -> list[Block]:
        rows = _rows(tbl)
        if len(rows) == 1:
            cells = _cells(rows[0])
            if len(cells) == 1:
                # A 1x1 table is a frame around content, not data: show what it holds.
                return self.blocks(cells[0])
        table = self._table(tbl, rows)
        return [table] if table.rows else []

    def _table(self, tbl: etree._Element, rows: list[etree._Element]) -> Table:
        grid = tbl.find(_TBL_GRID)
        n_cols = len(grid.findall(_GRID_COL)) if grid is not None else 0
        table_page = self.page
        out: list[Row] = []
        row_numbers = {tr: i for i, tr in enumerate(_wrapped(tbl, _TR))}
        for tr in rows:
            row = self._row(tr, (self._tables.get(tbl), row_numbers[tr]))
            if row is None:
                continue
            out.append(row)
            last = row.cells[-1]
            trpr = tr.find(_TR_PR)
            after = max(wint(trpr.find(_GRID_AFTER), 0) or 0, 0) if trpr is not None else 0
            n_cols = max(n_cols, last.col + last.span + after)
        if out and out[0].page is not None:
            table_page = out[0].page
        return Table(rows=out, n_cols=n_cols, page=table_page)

    def _row(self, tr: etree._Element, where: tuple[int | None, int]) -> Row | None:
        trpr = tr.find(_TR_PR)
        col = 0
        if trpr is not None:
            col = max(wint(trpr.find(_GRID_BEFORE), 0) or 0, 0)
        row_start = self.page
        row_end = self.page
        cells: list[Cell] = []
        for index, tc in enumerate(_cells(tr)):
            # Cells of a row stand side by side: each one starts on the row's first page.
            self.page = row_start
            if where[0] is not None:
                self._cell_stack.append(_CellPlace(tc, where[0], where[1], index))
            try:
                cell = self._cell(tc, col)
            finally:
                if where[0] is not None:
                    self._cell_stack.pop()
            cells.append(cell)
            col += cell.span
            if self.page is not None and row_end is not None:
                row_end = max(row_end, self.page)
        self.page = row_end
        if not cells:
            return None
        pages = [c.page for c in cells if c.paragraphs and c.page is not None]
        return Row(cells=cells, page=min(pages) if pages else row_start)

    def _cell(self, tc: etree._Element, col: int) -> Cell:
        tcpr = tc.find(_TC_PR)
        span = 1
        continued = False
        if tcpr is not None:
            span = max(wint(tcpr.find(_GRID_SPAN), 1) or 1, 1)
            vmerge = tcpr.find(_V_MERGE)
            continued = vmerge is not None and wval(vmerge) != "restart"
        start = self.page
        # A merge continuation shows nothing of its own; Word hides anything left in it.
        blocks = [] if continued else self.blocks(tc)
        nested = [b for b in blocks if isinstance(b, Table)]
        # A nested table's text also stays in the cell, row by row, where the table stands.
        paragraphs = [
            p for b in blocks for p in ([b] if isinstance(b, Paragraph) else b.paragraphs())
        ]
        page = next((p.page for p in paragraphs if p.page is not None), start)
        return Cell(
            paragraphs=paragraphs,
            col=col,
            span=span,
            page=page,
            continued=continued,
            nested=nested,
        )

    # -- paragraphs -----------------------------------------------------------------------

    def _paragraph(self, p: etree._Element) -> Paragraph | None:
        # Every list paragraph advances its counter, shown or empty, as in Word.
        label = self._numbering.label(p)
        ppr = p.find(_P_PR)
        if self._page_mode == "hard" and ppr is not None and _is_on(ppr.find(_PAGE_BREAK_BEFORE)):
            self._new_page()
        self._text_page = None
        parts: list[str] = []
        self._inline(p, parts)
        text = "".join(parts).strip()
        # An empty list paragraph still shows its number ("1." alone in a number column);
        # a bullet alone numbers nothing.
        if not text and not (label and any(ch.isalnum() for ch in label)):
            return None
        style_id = wval(ppr.find(_P_STYLE)) if ppr is not None else None
        # Word draws a paragraph whose style is missing in the default style.
        style = self._style_names.get(style_id or "", self._default_style)
        return Paragraph(
            text=text,
            label=label,
            page=self._text_page if self._text_page is not None else self.page,
            style=style,
            ref=self._cell_stack[-1].ref(p) if self._cell_stack else None,
            number=self._paragraph_numbers.get(p),
        )

    def _inline(self, el: etree._Element, parts: list[str]) -> None:
        """Append the shown text of ``el``'s runs to ``parts``; no deletions or field codes."""
        for child in el:
            tag = child.tag
            if tag == _R:
                if not _is_on(child.find(_RPR_VANISH)):
                    self._run(child, parts)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, parts)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._inline(content, parts)
            # Anything else (w:del, w:moveFrom, properties, bookmarks, math) shows no text.

    def _run(self, r: etree._Element, parts: list[str]) -> None:
        for child in r:
            tag = child.tag
            if tag == _T:
                text = self._shown_text(child)
                if self._text_page is None and text.strip():
                    self._text_page = self.page
                parts.append(text)
            elif tag in (_TAB, _PTAB):
                parts.append("\t")
            elif tag == _BR:
                parts.append("\n")
                if self._page_mode == "hard" and wval(child, "type") == "page":
                    self._new_page()
            elif tag == _CR:
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == _RENDERED_BREAK and self._page_mode == "rendered":
                self._new_page()
            # w:softHyphen, w:sym, w:instrText, w:delText, drawings: nothing shown as text.

    def _shown_text(self, t: etree._Element) -> str:
        """A w:t's text; an entity reference in it (kept unresolved by the parser) shows its
        declared plain text, and the text after it is kept."""
        parts = [t.text or ""]
        for node in t:
            if isinstance(node, etree._Entity):
                name = node.name
                if name in self._entities:
                    parts.append(self._entities[name])
                else:
                    self.notes.append(f"the XML entity reference &{name}; was left out "
                                      "(not plain text declared in the document)")
            parts.append(node.tail or "")
        return "".join(parts)

    def _new_page(self) -> None:
        if self.page is not None:
            self.page += 1


class _CellPlace:
    """A cell being walked: its table, row and cell numbers, and its paragraphs' numbers."""

    def __init__(self, tc: etree._Element, table: int, row: int, cell: int) -> None:
        self._tc, self.table, self.row, self.cell = tc, table, row, cell
        self._paragraphs: dict[etree._Element, int] | None = None

    def ref(self, p: etree._Element) -> CellRef | None:
        if self._paragraphs is None:
            self._paragraphs = {el: i for i, el in enumerate(self._tc.iter(_P))}
        index = self._paragraphs.get(p)
        return None if index is None else CellRef(self.table, self.row, self.cell, index)


def _numbered(body: etree._Element, tag: str) -> dict[etree._Element, int]:
    """Every ``tag`` element of the body, nested ones included, numbered in document order."""
    return {el: i for i, el in enumerate(body.iter(tag))}


def _wrapped(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Children of ``parent`` with ``tag``, looking through content controls and custom XML."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                out.extend(_wrapped(content, tag))
        elif child.tag == _CUSTOM_XML:
            out.extend(_wrapped(child, tag))
    return out


def _rows(tbl: etree._Element) -> list[etree._Element]:
    """The table's rows, looking through content controls; tracked-deleted rows are gone."""
    return [
        tr for tr in _wrapped(tbl, _TR)
        if (trpr := tr.find(_TR_PR)) is None or trpr.find(_DEL) is None
    ]


def _cells(tr: etree._Element) -> list[etree._Element]:
    """Each ``w:tc`` of a row once, looking through content controls."""
    return _wrapped(tr, _TC)


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """Text box contents anchored in paragraph ``p``, each once.

    A drawing's text box comes twice (DrawingML choice and VML fallback): the fallback copy is
    left out when the choice holds a box of its own (else it is the only copy), and so are
    boxes nested in other boxes (read when their box is).
    """
    out: list[etree._Element] = []
    for box in p.iter(_TXBX_CONTENT):
        node = box.getparent()
        while node is not None and node is not p:
            if node.tag == _TXBX_CONTENT or (node.tag == _MC_FALLBACK and _choice_has_box(node)):
                break
            node = node.getparent()
        else:
            out.append(box)
    return out


def _choice_has_box(fallback: etree._Element) -> bool:
    alternate = fallback.getparent()
    return alternate is not None and any(
        next(choice.iter(_TXBX_CONTENT), None) is not None
        for choice in alternate
        if choice.tag == _MC_CHOICE
    )


def _unread_content(p: etree._Element) -> list[str]:
    """What paragraph ``p`` shows that the reader does not read: diagrams, charts, objects."""
    notes = []
    for data in p.iter(_GRAPHIC_DATA):
        kind = _UNREAD_GRAPHICS.get((data.get("uri") or "").rstrip("/").rsplit("/", 1)[-1])
        if kind:
            notes.append(f"{kind} was not read (its text, if any, is not in the plan)")
    if next(p.iter(_OBJECT), None) is not None:
        notes.append("an embedded object (OLE) was not read (its content is not in the plan)")
    return notes


def _plain_entities(root: etree._Element) -> dict[str, str]:
    """Plain-text entities a part declares in its own DTD (Word writes none). Nothing external
    is ever loaded, and no entity is expanded inside another."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is None:
        return {}
    return {
        entity.name: entity.content
        for entity in dtd.iterentities()
        if entity.system_url is None
        and entity.content is not None
        and len(entity.content) <= MAX_ENTITY_TEXT
        and not set(entity.content) & {"&", "<"}
    }
