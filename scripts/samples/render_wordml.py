"""Draw a ``PlanSpec`` as a .docx whose WordprocessingML is written by hand, the way Word
itself writes a document, with no python-docx in between (template ``wordml``).

What Word writes and python-docx-made documents lack, all here:
  - ``w:tblGrid`` with one ``w:gridCol`` per grid column, cells sized by ``w:tcW``;
  - header cells merged across grid columns by ``w:gridSpan``, recommendation cells merged
    down by ``w:vMerge`` (restart / continue), full-width section rows (``gridSpan`` all);
  - the header row marked ``w:tblHeader`` (repeated on every page), ``w:cantSplit`` rows;
  - content controls: the answer cell wrapped in a cell-level ``w:sdt`` (a drop-down list),
    the published date in a run-level date picker, the whole table in a block-level ``w:sdt``
    when ``wrap_table`` is set;
  - bookmarks (``_Toc``/``_Hlk``) around headings and recommendation text, ``w:proofErr``
    marks, a complex ``DATE`` field whose cached result is the submitted date, a ``PAGE``
    field in the footer;
  - text split into several runs in mid-word, as Word's revision ids (``w:rsidR``) leave it;
    owner lines joined by ``w:br`` inside one paragraph;
  - action numbers drawn by ``numbering.xml`` (one ``w:num`` per recommendation restarting
    the list with ``w:startOverride``), so the digits are in no ``w:t``.

Options (``spec.options``):
  columns         role of each grid column: rec_no, rec, response, action_no, action, owner,
                  target
  widths          grid column widths in cm
  header_spans    {header index: grid columns it spans}
  action_numbers  "auto" (numbering.xml, in the action_no column or before the action) or
                  "column" (typed in the action_no column)
  orientation, font, font_size, header_fill, section_fill, page_header, author
  wrap_table      put the plan table inside a block-level content control
  layout          "per_action" (default: one row per action, rec cells merged down) or
                  "per_rec" (one row per recommendation, see ``rec_row``)
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.sax.saxutils import escape

from scripts.samples.office import ZIP_DATE
from scripts.samples.spec import ActionSpec, PlanSpec, RecSpec

TWIPS_PER_CM = 567
A4_SHORT, A4_LONG = 11906, 16838  # twips
MARGIN = 851  # 1.5 cm, Word's "moderate" margins
RUN_PIECE = 23  # characters per run before a revision id splits the text (mid-word)
RSIDS = ("00A41C2E", "00B7D4F1", "0062E9A8")
W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')

OOXML = "http://schemas.openxmlformats.org"
MAIN = f"{OOXML}/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PARTS = {  # part name → content type, as Word lists them
    "/word/document.xml": f"{WML}.document.main+xml",
    "/word/styles.xml": f"{WML}.styles+xml",
    "/word/numbering.xml": f"{WML}.numbering+xml",
    "/word/settings.xml": f"{WML}.settings+xml",
    "/word/header1.xml": f"{WML}.header+xml",
    "/word/footer1.xml": f"{WML}.footer+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml":
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
CONTENT_TYPES = (
    f'{XML_HEAD}<Types xmlns="{OOXML}/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>'
              for name, kind in PARTS.items())
    + "</Types>")


def _relationships(rels: list[tuple[str, str, str]]) -> str:
    """A relationships part: (id, type URI, target) each."""
    body = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                   for rid, kind, target in rels)
    return (f'{XML_HEAD}<Relationships xmlns="{OOXML}/package/2006/relationships">'
            f"{body}</Relationships>")


PACKAGE_RELS = _relationships([
    ("rId3", f"{MAIN}/extended-properties", "docProps/app.xml"),
    ("rId2", f"{OOXML}/package/2006/relationships/metadata/core-properties",
     "docProps/core.xml"),
    ("rId1", f"{MAIN}/officeDocument", "word/document.xml"),
])
DOCUMENT_RELS = _relationships([
    ("rId1", f"{MAIN}/styles", "styles.xml"),
    ("rId2", f"{MAIN}/numbering", "numbering.xml"),
    ("rId3", f"{MAIN}/settings", "settings.xml"),
    ("rId4", f"{MAIN}/header", "header1.xml"),
    ("rId5", f"{MAIN}/footer", "footer1.xml"),
])


def _styles(font: str, half_points: int) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>\
<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/><w:lang w:val="en-GB"/></w:rPr>\
</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>\
</w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>\
<w:qFormat/></w:style>\
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>\
<w:basedOn w:val="Normal"/>\
<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>\
<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>\
<w:basedOn w:val="Normal"/>\
<w:pPr><w:spacing w:after="120"/></w:pPr></w:style>\
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>\
<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>\
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">\
<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>\
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
</w:tblCellMar></w:tblPr></w:style>\
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>\
<w:basedOn w:val="TableNormal"/>\
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>\
</w:styles>"""


SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {W_NS}><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/>\
<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>\
<w:rsids>\
<w:rsidRoot w:val="{RSIDS[0]}"/>{''.join(f'<w:rsid w:val="{r}"/>' for r in RSIDS)}</w:rsids>\
<w:compat>\
<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" \
w:val="15"/></w:compat>\
</w:settings>"""


def _numbering(count: int) -> str:
    """One decimal list ("1.") and one ``w:num`` per recommendation, each restarting at 1."""
    nums = "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        f'<w:startOverride w:val="1"/></w:lvlOverride></w:num>' for n in range(1, count + 1))
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:nsid w:val="1C4B2A7E"/>\
<w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>\
<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>\
<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>{nums}</w:numbering>"""


def _core(title: str, author: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties \
xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>\
<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>4</cp:revision>\
<dcterms:created xsi:type="dcterms:W3CDTF">2023-08-21T09:14:00Z</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">2023-08-29T15:02:00Z</dcterms:modified>\
</cp:coreProperties>"""


APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application>\
<AppVersion>16.0000</AppVersion></Properties>"""


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return f"<w:t{space}>{escape(text)}</w:t>"


class _Writer:
    """Builds document.xml as Word lays it out; holds the running ids (bookmarks, runs)."""

    def __init__(self, spec: PlanSpec):
        self.spec = spec
        self.opts: dict[str, Any] = spec.options
        self.bookmark = 0
        self.piece = 0
        self.columns: list[str] = self.opts["columns"]
        self.grid = [round(cm * TWIPS_PER_CM) for cm in self.opts["widths"]]

    # -- runs and paragraphs --------------------------------------------------------------
    def runs(self, text: str, rpr: str = "") -> str:
        """``text`` as several runs cut every ``RUN_PIECE`` characters, mid-word if so falls,
        each with the revision id it was typed in."""
        out = []
        for start in range(0, len(text), RUN_PIECE):
            self.piece += 1
            rsid = RSIDS[self.piece % len(RSIDS)]
            piece = text[start:start + RUN_PIECE]
            out.append(f'<w:r w:rsidRPr="{rsid}">{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}'
                       f"{_t(piece)}</w:r>")
        return "".join(out)

    def marked(self, text: str, prefix: str, rpr: str = "") -> str:
        """Runs inside a bookmark, as Word leaves ``_Toc``/``_Hlk`` marks around text."""
        self.bookmark += 1
        name = f"{prefix}{140000000 + self.bookmark * 7919}"
        return (f'<w:bookmarkStart w:id="{self.bookmark}" w:name="{name}"/>{self.runs(text, rpr)}'
                f'<w:bookmarkEnd w:id="{self.bookmark}"/>')

    @staticmethod
    def para(inner: str, ppr: str = "") -> str:
        rsid = RSIDS[len(inner) % len(RSIDS)]
        return (f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{RSIDS[0]}">'
                f'{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{inner}</w:p>')

    def front(self, line: str) -> str:
        if line.startswith("# "):
            return self.para(self.marked(line[2:], "_Toc"), '<w:pStyle w:val="Heading1"/>')
        label, sep, value = line.partition(": ")
        if sep and label.lower().startswith("report published"):
            # A date picker content control holding the date as shown.
            date = (f'<w:sdt><w:sdtPr><w:alias w:val="Publication date"/><w:id w:val="-1702"/>'
                    f'<w:date w:fullDate="2000-01-01T00:00:00Z"><w:dateFormat w:val="d MMMM yyyy"/>'
                    f'<w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/>'
                    f'<w:calendar w:val="gregorian"/></w:date></w:sdtPr><w:sdtContent>'
                    f"{self.runs(value)}</w:sdtContent></w:sdt>")
            return self.para(self.runs(label + sep) + date, '<w:pStyle w:val="BodyText"/>')
        if sep and label.lower().startswith("action plan submitted"):
            # A locked DATE field as Word leaves it: instruction, separator, cached result,
            # end (locked, so printing keeps the date typed rather than today's).
            field = ('<w:r><w:fldChar w:fldCharType="begin" w:fldLock="1"/></w:r>'
                     '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText>'
                     '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                     f'{self.runs(value)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
            return self.para(self.runs(label + sep) + field, '<w:pStyle w:val="BodyText"/>')
        words = line.split(" ")
        if len(words) > 3:  # a spelling mark around one word, as Word saves them
            inner = (self.runs(" ".join(words[:2]) + " ") + '<w:proofErr w:type="spellStart"/>'
                     + self.runs(words[2]) + '<w:proofErr w:type="spellEnd"/>'
                     + self.runs(" " + " ".join(words[3:])))
        else:
            inner = self.runs(line)
        return self.para(inner, '<w:pStyle w:val="BodyText"/>')

    # -- cells ----------------------------------------------------------------------------
    def cell(self, width: int, paragraphs: list[str], *, span: int = 1, vmerge: str | None = None,
             fill: str | None = None) -> str:
        tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if span > 1:
            tcpr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == "restart":
            tcpr += '<w:vMerge w:val="restart"/>'
        elif vmerge == "continue":
            tcpr += "<w:vMerge/>"
        if fill:
            tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
        body = "".join(paragraphs) or self.para("")
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>"

    def lines(self, text: str, rpr: str = "") -> list[str]:
        """One paragraph per line."""
        return [self.para(self.runs(line, rpr)) for line in text.split("\n")] if text else []

    def broken(self, text: str) -> list[str]:
        """All lines in one paragraph, joined by ``w:br`` (Shift+Enter)."""
        if not text:
            return []
        parts = [self.runs(line) for line in text.split("\n")]
        return [self.para("<w:r><w:br/></w:r>".join(parts))]

    def header_row(self) -> str:
        spans = {int(k): v for k, v in self.opts.get("header_spans", {}).items()}
        fill = self.opts.get("header_fill", "BFBFBF")
        cells, col = [], 0
        for i, label in enumerate(self.spec.headers):
            span = spans.get(i, 1)
            width = sum(self.grid[col:col + span])
            cells.append(self.cell(width, self.lines(label, "<w:b/>"), span=span, fill=fill))
            col += span
        return ('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' + "".join(cells)
                + "</w:tr>")

    def section_row(self, title: str) -> str:
        fill = self.opts.get("section_fill", "D9D9D9")
        cell = self.cell(sum(self.grid), self.lines(title, "<w:b/>"), span=len(self.grid),
                         fill=fill)
        return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell}</w:tr>"

    def response_cell(self, width: int, rec: RecSpec, first: bool) -> str:
        """The answer in a cell-level drop-down content control, the reason below it."""
        merge = "restart" if first else "continue"
        paragraphs = self.lines(rec.response_raw or "") if first else []
        if first and rec.reason:
            paragraphs += self.lines(rec.reason)
        cell = self.cell(width, paragraphs, vmerge=merge)
        if not first:
            return cell
        items = "".join(f'<w:listItem w:displayText="{v}" w:value="{v}"/>'
                        for v in ("Agreed", "Partly Agreed", "Not Agreed"))
        return (f'<w:sdt><w:sdtPr><w:alias w:val="Response"/><w:id w:val="{-900 - self.piece}"/>'
                f"<w:dropDownList>{items}</w:dropDownList></w:sdtPr>"
                f"<w:sdtContent>{cell}</w:sdtContent></w:sdt>")

    def action_cells(self, role: str, width: int, action: ActionSpec | None,
                     num_id: int) -> str:
        if action is None:
            return self.cell(width, [])
        numbered = self.opts.get("action_numbers", "auto") == "auto" and action.number
        list_ppr = (f'<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/>'
                    f'<w:numId w:val="{num_id}"/></w:numPr><w:ind w:left="360" w:hanging="360"/>')
        if role == "action_no":
            if numbered:  # the list label is the cell's only content
                return self.cell(width, [self.para("", list_ppr)])
            return self.cell(width, self.lines(action.number or ""))
        if role == "action":
            texts = action.text.split("\n")
            if numbered and "action_no" not in self.columns:
                first = self.para(self.runs(texts[0]), list_ppr)
                return self.cell(width, [first, *self.lines("\n".join(texts[1:]))])
            return self.cell(width, self.lines(action.text))
        if role == "owner":
            return self.cell(width, self.broken(action.owners_raw))
        return self.cell(width, self.lines(action.target_raw))

    def rec_row(self, rec: RecSpec, num_id: int) -> str:
        """``layout`` "per_rec": one row, allowed to break across pages; the answer and its
        reason one paragraph (a ``w:br`` between them); the actions one list paragraph each,
        numbered by numbering.xml; owners and dates one paragraph per action, in order."""
        list_ppr = (f'<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/>'
                    f'<w:numId w:val="{num_id}"/></w:numPr><w:ind w:left="360" w:hanging="360"/>')
        cells = []
        for role, width in zip(self.columns, self.grid, strict=True):
            if role == "rec_no":
                cells.append(self.cell(width, self.lines(rec.number or "")))
            elif role == "rec":
                cells.append(self.cell(width, [self.para(self.marked(rec.text, "_Hlk"))]))
            elif role == "response":
                shown = "\n".join(t for t in (rec.response_raw, rec.reason) if t)
                cells.append(self.cell(width, self.broken(shown)))
            elif role == "action":
                cells.append(self.cell(width, [self.para(self.runs(a.text), list_ppr)
                                               for a in rec.actions]))
            elif role == "owner":
                cells.append(self.cell(width, [p for a in rec.actions
                                               for p in self.broken(a.owners_raw)]))
            else:
                cells.append(self.cell(width, [self.para(self.runs(a.target_raw))
                                               for a in rec.actions]))
        return f"<w:tr>{''.join(cells)}</w:tr>"

    def rec_rows(self, rec: RecSpec, num_id: int) -> list[str]:
        if self.opts.get("layout") == "per_rec":
            return [self.rec_row(rec, num_id)]
        rows = []
        actions: list[ActionSpec | None] = list(rec.actions) or [None]
        for i, action in enumerate(actions):
            first = i == 0
            merge = "restart" if first else "continue"
            cells = []
            for role, width in zip(self.columns, self.grid, strict=True):
                if role == "rec_no":
                    cells.append(self.cell(width, self.lines(rec.number or "") if first else [],
                                           vmerge=merge))
                elif role == "rec":
                    text = [self.para(self.marked(rec.text, "_Hlk"))] if first else []
                    cells.append(self.cell(width, text, vmerge=merge))
                elif role == "response":
                    cells.append(self.response_cell(width, rec, first))
                else:
                    cells.append(self.action_cells(role, width, action, num_id))
            rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
        return rows

    def table(self) -> str:
        grid = "".join(f'<w:gridCol w:w="{g}"/>' for g in self.grid)
        rows = [self.header_row()]
        section = None
        for n, rec in enumerate(self.spec.recs, start=1):
            if rec.section and rec.section != section:
                rows.append(self.section_row(rec.section))
            section = rec.section
            rows += self.rec_rows(rec, n)
        tbl = (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(self.grid)}" '
               f'w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" '
               f'w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
               f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
               f"{''.join(rows)}</w:tbl>")
        if self.opts.get("wrap_table"):
            tbl = (f'<w:sdt><w:sdtPr><w:alias w:val="Action plan"/><w:id w:val="-4711"/>'
                   f"</w:sdtPr><w:sdtContent>{tbl}</w:sdtContent></w:sdt>")
        return tbl

    def document(self) -> str:
        landscape = self.opts.get("orientation", "landscape") == "landscape"
        w, h = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
        orient = ' w:orient="landscape"' if landscape else ""
        body = "".join(self.front(line) for line in self.spec.front_matter)
        body += self.table() + self.para("")
        for line in self.opts.get("back_matter", []):
            body += self.front(line)
        sect = (f'<w:sectPr w:rsidR="{RSIDS[0]}"><w:headerReference w:type="default" r:id="rId4"/>'
                f'<w:footerReference w:type="default" r:id="rId5"/>'
                f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{MARGIN}" '
                f'w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" '
                f'w:footer="567" w:gutter="0"/><w:cols w:space="708"/><w:docGrid '
                f'w:linePitch="360"/></w:sectPr>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f"<w:document {W_NS}><w:body>{body}{sect}</w:body></w:document>")

    def header(self) -> str:
        text = self.opts.get("page_header", "OFFICIAL")
        centred = self.para(self.runs(text), '<w:jc w:val="center"/>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}>'
                f"{centred}</w:hdr>")

    def footer(self) -> str:
        page = ('<w:r><w:t xml:space="preserve">Page </w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        right = self.para(page, '<w:jc w:val="right"/>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}>'
                f"{right}</w:ftr>")


def render(spec: PlanSpec) -> bytes:
    """The .docx package of ``spec``, byte-identical on rebuild."""
    writer = _Writer(spec)
    size = float(spec.options.get("font_size", 10))
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": _core(spec.title or spec.name, spec.options.get("author", "")),
        "docProps/app.xml": APP,
        "word/document.xml": writer.document(),
        "word/styles.xml": _styles(spec.options.get("font", "Arial"), round(size * 2)),
        "word/numbering.xml": _numbering(len(spec.recs)),
        "word/settings.xml": SETTINGS,
        "word/header1.xml": writer.header(),
        "word/footer1.xml": writer.footer(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return out.getvalue()
