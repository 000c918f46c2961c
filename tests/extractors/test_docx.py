"""The DOCX reader on small documents built with python-docx, each shape drawn in a comment."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from extractors.docx import read_docx
from extractors.docx_numbering import Numbering, format_number
from extractors.layout import Document, Paragraph, Table
from pipeline.errors import DamagedDocument

W = nsdecls("w")


# -- builders ---------------------------------------------------------------------------


def _read(d: docx.document.Document, tmp_path: Path, name: str = "plan.docx") -> Document:
    path = tmp_path / name
    d.save(str(path))
    return read_docx(path)


def _xml(snippet: str):
    """Parse a WordprocessingML fragment whose root element carries the ``w`` namespace."""
    head, sep, rest = snippet.partition(">")
    if head.endswith("/"):
        return parse_xml(f"{head[:-1]} {W}/>{rest}")
    return parse_xml(f"{head} {W}{sep}{rest}")


def _append(parent, fragments: str) -> None:
    """Append every element of a WordprocessingML fragment (several roots allowed)."""
    for child in list(parse_xml(f"<w:frag {W}>{fragments}</w:frag>")):
        parent.append(child)


def _add_trpr(table: DocxTable, row: int, child: str) -> None:
    table.rows[row]._tr.get_or_add_trPr().append(_xml(child))


def _number(p: DocxParagraph, num_id: int, ilvl: int = 0) -> DocxParagraph:
    p._p.get_or_add_pPr()._insert_numPr(
        _xml(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return p


def _add_list(
    d: docx.document.Document, abstract_id: int, levels: str, num_id: int, overrides: str = ""
) -> None:
    """Define abstract list ``abstract_id`` with ``levels`` and list instance ``num_id``."""
    numbering = d.part.numbering_part.element
    abstract = _xml(f'<w:abstractNum w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>')
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    first_num.addprevious(abstract)
    _add_num(d, num_id, abstract_id, overrides)


def _add_num(d: docx.document.Document, num_id: int, abstract_id: int, overrides: str = "") -> None:
    d.part.numbering_part.element.append(
        _xml(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


# -- tables ---------------------------------------------------------------------------------


def test_vertical_merge_gives_restart_cell_then_empty_continuations(tmp_path: Path) -> None:
    # +-----+----------+
    # | 1   | action a |
    # |     +----------+   rec cell merged down over rows 0-2
    # |     | action b |
    # |     +----------+
    # |     | action c |
    # +-----+----------+
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    rec = t.cell(0, 0).merge(t.cell(2, 0))
    rec.text = "1"
    for i, text in enumerate(["action a", "action b", "action c"]):
        t.cell(i, 1).text = text
    (table,) = _read(d, tmp_path).tables()
    assert table.n_cols == 2
    assert [len(r.cells) for r in table.rows] == [2, 2, 2]
    first, *rest = [r.cells[0] for r in table.rows]
    assert (first.continued, _texts(first)) == (False, ["1"])
    assert all(c.continued and c.paragraphs == [] and c.col == 0 for c in rest)
    assert [r.cells[1].text for r in table.rows] == ["action a", "action b", "action c"]
    assert all(r.cells[1].col == 1 for r in table.rows)


def test_grid_span_header_over_two_data_columns(tmp_path: Path) -> None:
    # +-----+-------------------+
    # | Rec | Actions (span 2)  |
    # +-----+---------+---------+
    # | 1   | do this | Owner X |
    # +-----+---------+---------+
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    header = t.cell(0, 1).merge(t.cell(0, 2))
    t.cell(0, 0).text, header.text = "Rec", "Actions"
    for i, text in enumerate(["1", "do this", "Owner X"]):
        t.cell(1, i).text = text
    (table,) = _read(d, tmp_path).tables()
    assert table.n_cols == 3
    head, data = table.rows
    assert [(c.text, c.col, c.span) for c in head.cells] == [("Rec", 0, 1), ("Actions", 1, 2)]
    assert [(c.text, c.col) for c in data.cells] == [("1", 0), ("do this", 1), ("Owner X", 2)]


def test_grid_before_and_after_shift_and_skip_grid_columns(tmp_path: Path) -> None:
    # +-----+-------+-------+
    # | Ref | Text  | Date  |
    # +-----+-------+-------+
    #       | cont. | later |     row 1: gridBefore=1 (no tc for grid column 0)
    # +-----+-------+-------+
    # | 2   | short |           row 2: gridAfter=1 (no tc for grid column 2)
    # +-----+-------+
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for i, text in enumerate(["Ref", "Text", "Date"]):
        t.cell(0, i).text = text
    tr1, tr2 = t.rows[1]._tr, t.rows[2]._tr
    tr1.remove(tr1.tc_lst[0])
    tr2.remove(tr2.tc_lst[2])
    _add_trpr(t, 1, '<w:gridBefore w:val="1"/>')
    _add_trpr(t, 2, '<w:gridAfter w:val="1"/>')
    tr1.tc_lst[0].append(_xml("<w:p><w:r><w:t>cont.</w:t></w:r></w:p>"))
    tr1.tc_lst[1].append(_xml("<w:p><w:r><w:t>later</w:t></w:r></w:p>"))
    tr2.tc_lst[0].append(_xml("<w:p><w:r><w:t>2</w:t></w:r></w:p>"))
    (table,) = _read(d, tmp_path).tables()
    assert table.n_cols == 3
    assert [(c.text, c.col) for c in table.rows[1].cells] == [("cont.", 1), ("later", 2)]
    assert [c.col for c in table.rows[2].cells] == [0, 1]
    assert table.rows[2].cells[0].text == "2"


def test_one_by_one_layout_table_unwrapped_around_real_table(tmp_path: Path) -> None:
    # before
    # +---------------------------+
    # | Inside the frame          |   1x1 frame table
    # | +--------+--------+       |
    # | | Rec    | Action |       |   real 2x2 table inside it
    # | +--------+--------+       |
    # | | 1      | act    |       |
    # | +--------+--------+       |
    # +---------------------------+
    # after
    d = docx.Document()
    d.add_paragraph("before")
    frame = d.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "Inside the frame"
    inner = frame.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Rec", (0, 1): "Action", (1, 0): "1", (1, 1): "act"}.items():
        inner.cell(r, c).text = text
    d.add_paragraph("after")
    blocks = _read(d, tmp_path).blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "before",
        "Inside the frame",
        "after",
    ]
    table = blocks[2]
    assert isinstance(table, Table)
    assert [[c.text for c in r.cells] for r in table.rows] == [["Rec", "Action"], ["1", "act"]]


def test_nested_table_is_a_grid_of_its_own_and_its_text_stays_in_the_cell(tmp_path: Path) -> None:
    # +-----+--------------------------+
    # | 1   | Owners:                  |
    # |     | +---------+----------+   |
    # |     | | Head    | May 2020 |   |   nested 2x2 table in the cell
    # |     | +---------+----------+   |
    # |     | | Manager | June     |   |
    # |     | +---------+----------+   |
    # +-----+--------------------------+
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "1"
    host = t.cell(0, 1)
    host.paragraphs[0].text = "Owners:"
    nested = host.add_table(rows=2, cols=2)
    for (r, c), text in {
        (0, 0): "Head",
        (0, 1): "May 2020",
        (1, 0): "Manager",
        (1, 1): "June",
    }.items():
        nested.cell(r, c).text = text
    doc = _read(d, tmp_path)
    assert len(doc.tables()) == 1
    cell = doc.tables()[0].rows[0].cells[1]
    assert _texts(cell) == ["Owners:", "Head", "May 2020", "Manager", "June"]
    # The nested table is also its own grid, and its paragraphs are the cell's (same objects).
    (inner,) = cell.nested
    assert inner.n_cols == 2
    assert [[c.text for c in r.cells] for r in inner.rows] == [
        ["Head", "May 2020"], ["Manager", "June"]]
    assert [p.text for p in cell.paragraphs_outside(cell.nested)] == ["Owners:"]
    assert cell.own_text == "Owners:"


# -- numbering ----------------------------------------------------------------------------


def test_list_number_style_in_a_cell_gets_labels_outside_the_text(tmp_path: Path) -> None:
    # +---+----------------------+
    # | 1 | 1. First action      |   "List Number" style: numbering comes from the style
    # |   | 2. Second action     |
    # +---+----------------------+
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "1"
    cell = t.cell(0, 1)
    cell.paragraphs[0].text = "First action"
    cell.paragraphs[0].style = d.styles["List Number"]
    cell.add_paragraph("Second action", style="List Number")
    paras = _read(d, tmp_path).tables()[0].rows[0].cells[1].paragraphs
    assert [(p.label, p.text) for p in paras] == [("1.", "First action"), ("2.", "Second action")]
    assert paras[0].style == "List Number"
    assert paras[0].labelled_text == "1. First action"


def test_numbering_continues_across_cells_and_restarts_with_start_override(
    tmp_path: Path,
) -> None:
    # +------+-------------+
    # | 1    | (a) one     |   numId 20 -> abstract 20, lowerLetter "(%1)"
    # |      | (b) two     |
    # +------+-------------+
    # | 2    | (c) three   |   same numId 20: Word continues the list in the next cell
    # +------+-------------+
    # | 3    | (a) four    |   numId 21 -> abstract 20 with startOverride 1: restarts
    # |      | (b) five    |
    # +------+-------------+
    d = docx.Document()
    _add_list(d, 20, _lvl(0, "lowerLetter", "(%1)"), 20)
    _add_num(d, 21, 20, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    t = d.add_table(rows=3, cols=2)
    items = {0: (20, ["one", "two"]), 1: (20, ["three"]), 2: (21, ["four", "five"])}
    for row, (num_id, texts) in items.items():
        t.cell(row, 0).text = str(row + 1)
        cell = t.cell(row, 1)
        cell.paragraphs[0].text = texts[0]
        _number(cell.paragraphs[0], num_id)
        for text in texts[1:]:
            _number(cell.add_paragraph(text), num_id)
    (table,) = _read(d, tmp_path).tables()
    labels = [[p.labelled_text for p in r.cells[1].paragraphs] for r in table.rows]
    assert labels == [["(a) one", "(b) two"], ["(c) three"], ["(a) four", "(b) five"]]


def test_an_empty_numbered_paragraph_keeps_its_number_and_an_empty_bullet_is_dropped(
    tmp_path: Path,
) -> None:
    # +----+----------------+
    # | 1. | first action   |   the number column holds only an empty list paragraph:
    # +----+----------------+   Word draws "1.", "2." there, so they are the numbers
    # | 2. | second action  |
    # +----+----------------+
    # | •  | third action   |   an empty bullet paragraph shows nothing worth reading
    # +----+----------------+
    d = docx.Document()
    _add_list(d, 50, _lvl(0, "decimal", "%1."), 50)
    _add_list(d, 51, _lvl(0, "bullet", "\uf0b7"), 51)
    t = d.add_table(rows=3, cols=2)
    for row, (num_id, text) in enumerate([(50, "first action"), (50, "second action"),
                                          (51, "third action")]):
        _number(t.cell(row, 0).paragraphs[0], num_id)
        t.cell(row, 1).text = text
    (table,) = _read(d, tmp_path).tables()
    numbers = [[p.labelled_text.strip() for p in r.cells[0].paragraphs] for r in table.rows]
    assert numbers == [["1."], ["2."], []]


def test_multilevel_labels_restart_lower_levels_and_bullets(tmp_path: Path) -> None:
    # 1.      Rec one           level 0 "%1."
    # 1.1     action            level 1 "%1.%2" restarts under each level-0 item
    # 1.2     action
    # 2.      Rec two
    # 2.1     action
    # •       bullet            separate bullet list
    # iv)     roman from 4      upperRoman->lowerRoman start 4
    d = docx.Document()
    _add_list(d, 30, _lvl(0, "decimal", "%1.") + _lvl(1, "decimal", "%1.%2"), 30)
    _add_list(d, 31, _lvl(0, "bullet", "\uf0b7"), 31)
    _add_list(d, 32, _lvl(0, "lowerRoman", "%1)", start=4), 32)
    for text, ilvl in [("Rec one", 0), ("a1", 1), ("a2", 1), ("Rec two", 0), ("b1", 1)]:
        _number(d.add_paragraph(text), 30, ilvl)
    _number(d.add_paragraph("bullet"), 31)
    _number(d.add_paragraph("roman"), 32)
    d.add_paragraph("plain")
    labels = [p.label for p in _read(d, tmp_path).paragraphs()]
    assert labels == ["1.", "1.1", "1.2", "2.", "2.1", "•", "iv)", None]


def test_style_link_and_style_based_on_numbering(tmp_path: Path) -> None:
    # "ActionList" style (basedOn "ActionBase", which carries numPr numId 41) numbers
    # paragraphs; abstract 40 is only a numStyleLink to it and holds no levels itself.
    d = docx.Document()
    _add_list(d, 41, _lvl(0, "upperLetter", "%1."), 41)
    _add_list(d, 40, '<w:numStyleLink w:val="ActionBase"/>', 40)
    styles = d.styles.element
    styles.append(
        _xml(
            '<w:style w:type="paragraph" w:styleId="ActionBase"><w:name w:val="Action Base"/>'
            '<w:pPr><w:numPr><w:numId w:val="41"/></w:numPr></w:pPr></w:style>'
        )
    )
    styles.append(
        _xml(
            '<w:style w:type="paragraph" w:styleId="ActionList"><w:name w:val="Action List"/>'
            '<w:basedOn w:val="ActionBase"/></w:style>'
        )
    )
    d.add_paragraph("via style", style="Action List")
    _number(d.add_paragraph("via link"), 40)
    p = d.add_paragraph("switched off", style="Action List")
    _number(p, 0)
    paras = _read(d, tmp_path).paragraphs()
    assert [(p.label, p.style) for p in paras] == [
        ("A.", "Action List"),
        ("B.", "Normal"),
        (None, "Action List"),
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (2, "lowerLetter", "b"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (5, "none", ""),
        (4, "someFutureFormat", "4"),
    ],
)
def test_format_number(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


def test_level_restart_zero_keeps_counting_under_new_parents() -> None:
    # 1.  a  2.  b   level 1 has lvlRestart 0: it never restarts after a level-0 item
    numbering = _xml(
        '<w:numbering><w:abstractNum w:abstractNumId="1">'
        + _lvl(0, "decimal", "%1.")
        + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    counters = Numbering(numbering, None)
    paras = [
        _xml(
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i}"/><w:numId w:val="1"/></w:numPr>'
            "</w:pPr></w:p>"
        )
        for i in (0, 1, 0, 1)
    ]
    assert [counters.label(p) for p in paras] == ["1.", "a", "2.", "b"]


# -- paragraph text ---------------------------------------------------------------------------


def test_run_text_rules_tracked_changes_fields_and_breaks(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    for frag in [
        '<w:r><w:t xml:space="preserve">  Kept </w:t></w:r>',
        '<w:del w:id="1" w:author="x"><w:r><w:delText>GONE</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="x"><w:r><w:t>inserted</w:t></w:r></w:ins>',
        "<w:r><w:br/><w:t>line two</w:t><w:tab/><w:t>tabbed</w:t><w:cr/></w:r>",
        "<w:r><w:t>re</w:t><w:softHyphen/><w:t>view co</w:t><w:noBreakHyphen/>"
        '<w:t>op</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> 7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>",
        '<w:smartTag w:uri="u" w:element="place"><w:r><w:t> Durham</w:t></w:r></w:smartTag>',
        '<w:r><w:t xml:space="preserve">  </w:t></w:r>',
    ]:
        _append(p._p, frag)
    (para,) = _read(d, tmp_path).paragraphs()
    assert para.text == "Kept inserted\nline two\ttabbed\nreview co-op 7 Durham"


def test_hyperlink_and_content_control_text_in_body_order_headers_ignored(
    tmp_path: Path,
) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "POSITION AS AT MAY 2020"
    d.add_paragraph("first")
    d.element.body.sectPr.addprevious(
        _xml(
            "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>in control</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    d.add_paragraph("")  # empty paragraphs are not blocks
    link = d.add_paragraph("see ")
    link._p.append(_xml('<w:hyperlink w:anchor="x"><w:r><w:t>the report</w:t></w:r></w:hyperlink>'))
    texts = [p.text for p in _read(d, tmp_path).paragraphs()]
    assert texts == ["first", "in control", "see the report"]


# -- pages --------------------------------------------------------------------------------


def test_pages_counted_from_rendered_page_breaks(tmp_path: Path) -> None:
    # page 1: "intro", row 0 (its action cell runs onto page 2: a break in that cell only)
    # page 2: rest of row 0, row 1
    # page 3: row 2 (moved whole: a rendered break at the start of each of its cells), "end"
    d = docx.Document()
    d.add_paragraph("intro")
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text = "1"
    t.cell(0, 1).text = "long action "
    _append(
        t.cell(0, 1).paragraphs[0]._p, "<w:r><w:lastRenderedPageBreak/><w:t>goes on</w:t></w:r>"
    )
    t.cell(1, 0).text, t.cell(1, 1).text = "2", "short"
    for c, text in enumerate(["3", "moved"]):
        _append(
            t.cell(2, c).paragraphs[0]._p,
            f"<w:r><w:lastRenderedPageBreak/><w:t>{text}</w:t></w:r>",
        )
    d.add_paragraph("end")
    doc = _read(d, tmp_path)
    intro, table, last = doc.blocks
    assert isinstance(table, Table)
    assert (intro.page, table.page, last.page) == (1, 1, 3)
    assert [r.page for r in table.rows] == [1, 2, 3]
    assert [[c.page for c in r.cells] for r in table.rows] == [[1, 1], [2, 2], [3, 3]]
    assert table.rows[0].cells[1].text == "long action goes on"
    assert doc.pages == 3  # more than the template's stale app.xml "1"


def test_hard_page_breaks_count_when_no_rendered_breaks(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("one")
    d.add_page_break()
    d.add_paragraph("two")
    doc = _read(d, tmp_path)
    assert [(p.text, p.page) for p in doc.paragraphs()] == [("one", 1), ("two", 2)]
    assert doc.pages == 2


def test_no_page_information_leaves_pages_unset(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("only")
    d.add_table(rows=2, cols=2).cell(0, 0).text = "x"
    doc = _read(d, tmp_path)
    (table,) = doc.tables()
    assert doc.paragraphs()[0].page is None
    assert table.page is None
    assert all(r.page is None and all(c.page is None for c in r.cells) for r in table.rows)


# -- damage -------------------------------------------------------------------------------


def test_truncated_docx_raises_damaged_document(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("text")
    whole = tmp_path / "whole.docx"
    d.save(str(whole))
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(DamagedDocument) as info:
        read_docx(cut)
    assert info.value.reason.startswith("damaged or truncated Word document (")
    assert info.value.path == str(cut)
    assert "\n" not in info.value.one_line()


def test_broken_document_xml_raises_damaged_document(tmp_path: Path) -> None:
    d = docx.Document()
    whole = tmp_path / "whole.docx"
    d.save(str(whole))
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(DamagedDocument, match="damaged or truncated Word document"):
        read_docx(broken)


def test_text_box_read_once_after_its_anchor_paragraph(tmp_path: Path) -> None:
    # A Word text box is stored twice: DrawingML (mc:Choice) and a VML copy (mc:Fallback).
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    wps = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    box = (
        "<w:txbxContent><w:p><w:r><w:t>Report Published: APRIL 2020</w:t></w:r></w:p>"
        "</w:txbxContent>"
    )
    d = docx.Document()
    anchor = d.add_paragraph("Cover")
    _append(
        anchor._p,
        f"<w:r><mc:AlternateContent {mc} {wps} {vml}>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>",
    )
    d.add_paragraph("After")
    texts = [p.text for p in _read(d, tmp_path).paragraphs()]
    assert texts == ["Cover", "Report Published: APRIL 2020", "After"]


def test_text_box_only_in_the_fallback_copy_is_read(tmp_path: Path) -> None:
    # The DrawingML choice draws a shape with no text box of its own (a linked box, a group):
    # the VML fallback then holds the only copy of the text, which must not be skipped.
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    box = "<w:txbxContent><w:p><w:r><w:t>Owner: Head of Service</w:t></w:r></w:p></w:txbxContent>"
    d = docx.Document()
    anchor = d.add_paragraph("Cover")
    _append(
        anchor._p,
        f"<w:r><mc:AlternateContent {mc} {vml}>"
        "<mc:Choice Requires='wpg'><w:drawing/></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>",
    )
    texts = [p.text for p in _read(d, tmp_path).paragraphs()]
    assert texts == ["Cover", "Owner: Head of Service"]


def test_charts_diagrams_and_embedded_objects_are_noted_not_dropped_in_silence(
    tmp_path: Path,
) -> None:
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    d = docx.Document()
    for kind in ("diagram", "chart"):
        p = d.add_paragraph(f"A {kind}:")
        uri = f"http://schemas.openxmlformats.org/drawingml/2006/{kind}"
        _append(p._p, f'<w:r><w:drawing><a:graphic {a}><a:graphicData uri="{uri}"/>'
                      "</a:graphic></w:drawing></w:r>")
    p = d.add_paragraph("An object:")
    _append(p._p, "<w:r><w:object/></w:r>")
    doc = _read(d, tmp_path)
    assert [p.text for p in doc.paragraphs()] == ["A diagram:", "A chart:", "An object:"]
    assert any(n.startswith("a SmartArt diagram was not read") for n in doc.notes)
    assert any(n.startswith("a chart was not read") for n in doc.notes)
    assert any(n.startswith("an embedded object (OLE) was not read") for n in doc.notes)
