"""Draw a ``PlanSpec`` as an OpenDocument text file written by hand (content.xml, styles.xml),
which LibreOffice then saves as .docx and prints as .pdf (template ``odt``).

The .docx is LibreOffice's own Word writer's, unlike every other .docx here (python-docx or
our hand-built WordprocessingML), and the .odt shapes are the ones ODF authors use:
  - ``table:table-header-rows`` (the header repeated on each page), columns declared by
    ``table:table-column`` with ``table:number-columns-repeated``;
  - one row per recommendation: the actions an ODF numbered list (``text:list``, "1." labels
    drawn from the list style, no digits in the text), owners and dates stacked one paragraph
    per action in the actions' order;
  - a partly agreed reason as the actions cell's first paragraph, above the list; a not
    agreed reason as the cell's only text;
  - words split over ``text:span`` runs mid-word, ``text:s`` for the space after a full stop,
    ``text:bookmark`` marks, soft hyphens (U+00AD) inside long owner words;
  - a definitions table (Term / Definition / Additional comment) before the plan.

Options (``spec.options``):
  columns         rec_no, rec_text, response, action, owner, target
  widths          column widths in cm
  font, font_size, header_fill
  tables          {"definitions": {"rows": [[...], ...], "widths": [...]}} drawn where front
                  matter says ``{table:definitions}``
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from scripts.samples.office import ZIP_DATE, run_with_profile, stable_docx, to_pdf
from scripts.samples.spec import PlanSpec, RecSpec

NS = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "officeooo": "http://openoffice.org/2009/office",
}.items())
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
SPAN_EVERY = 19  # characters per text:span before the style changes (mid-word)
SOFT_HYPHEN_AFTER = "Inter"  # a soft hyphen is typed after this in long owner words


def _text(text: str) -> str:
    """Escaped text, the second of two spaces as ``text:s`` (ODF collapses runs of spaces)."""
    return escape(text).replace("  ", ' <text:s/>')


def _spans(text: str) -> str:
    """Text cut into ``text:span`` runs every ``SPAN_EVERY`` characters, alternating two
    character styles that look the same, as editing leaves them."""
    out = []
    for n, start in enumerate(range(0, len(text), SPAN_EVERY)):
        piece = _text(text[start:start + SPAN_EVERY])
        out.append(f'<text:span text:style-name="T{n % 2 + 1}">{piece}</text:span>')
    return "".join(out)


def _p(text: str, style: str = "Cell") -> str:
    return f'<text:p text:style-name="{style}">{_spans(text)}</text:p>'


class _Writer:
    def __init__(self, spec: PlanSpec):
        self.spec = spec
        self.opts: dict[str, Any] = spec.options
        self.columns: list[str] = self.opts["columns"]
        self.bookmarks = 0

    def cell(self, paragraphs: list[str], style: str = "Body") -> str:
        inner = "".join(paragraphs) or '<text:p text:style-name="Cell"/>'
        return (f'<table:table-cell table:style-name="C{style}" office:value-type="string">'
                f"{inner}</table:table-cell>")

    def stacked(self, texts: list[str]) -> list[str]:
        return [_p(t) for t in texts]

    def owner(self, text: str) -> str:
        return text.replace(SOFT_HYPHEN_AFTER, SOFT_HYPHEN_AFTER + "\u00ad")

    def rec_row(self, rec: RecSpec) -> str:
        cells = []
        for role in self.columns:
            if role == "rec_no":
                cells.append(self.cell([_p(rec.number or "")]))
            elif role == "rec_text":
                self.bookmarks += 1
                mark = f'<text:bookmark text:name="_rec{self.bookmarks}"/>'
                cells.append(self.cell([f'<text:p text:style-name="Cell">{mark}'
                                        f"{_spans(rec.text)}</text:p>"]))
            elif role == "response":
                cells.append(self.cell([_p(rec.response_raw or "")]))
            elif role == "action":
                paragraphs = [_p(rec.reason)] if rec.reason else []
                if rec.actions:
                    items = "".join(f"<text:list-item>{_p(a.text)}</text:list-item>"
                                    for a in rec.actions)
                    paragraphs.append(f'<text:list text:style-name="Actions">{items}</text:list>')
                cells.append(self.cell(paragraphs))
            elif role == "owner":
                cells.append(self.cell(self.stacked([self.owner(a.owners_raw)
                                                     for a in rec.actions])))
            else:
                cells.append(self.cell(self.stacked([a.target_raw for a in rec.actions])))
        return f"<table:table-row>{''.join(cells)}</table:table-row>"

    def plan_table(self) -> str:
        cols = "".join(f'<table:table-column table:style-name="Plan.{chr(65 + i)}"/>'
                       for i in range(len(self.columns)))
        header = "".join(self.cell([_p(h, "Head")], "Head") for h in self.spec.headers)
        rows = "".join(self.rec_row(rec) for rec in self.spec.recs)
        return (f'<table:table table:name="Plan" table:style-name="Plan">{cols}'
                f"<table:table-header-rows><table:table-row>{header}</table:table-row>"
                f"</table:table-header-rows>{rows}</table:table>")

    def small_table(self, key: str) -> str:
        table = self.opts["tables"][key]
        width = len(table["rows"][0])
        cols = (f'<table:table-column table:style-name="Defs.A"/>'
                f'<table:table-column table:style-name="Defs.B" '
                f'table:number-columns-repeated="{width - 1}"/>')
        rows = "".join("<table:table-row>" + "".join(
            self.cell([_p(c, "Head" if r == 0 else "Cell")], "Head" if r == 0 else "Body")
            for c in row) + "</table:table-row>" for r, row in enumerate(table["rows"]))
        return (f'<table:table table:name="Definitions" table:style-name="Defs">{cols}{rows}'
                "</table:table>")

    def front(self, line: str) -> str:
        if line.startswith("{table:") and line.endswith("}"):
            return self.small_table(line[7:-1])
        if line.startswith("# "):
            return (f'<text:h text:style-name="Heading_20_1" text:outline-level="1">'
                    f"{_spans(line[2:])}</text:h>")
        # a full stop followed by two spaces, as typists leave them
        typed = _spans(line.replace(". ", ".  "))
        return f'<text:p text:style-name="Text_20_body">{typed}</text:p>'

    def content(self) -> str:
        widths = self.opts["widths"]
        total = sum(widths)
        col_styles = "".join(
            f'<style:style style:name="Plan.{chr(65 + i)}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{w}cm"/></style:style>'
            for i, w in enumerate(widths))
        defs = self.opts.get("tables", {}).get("definitions", {}).get("widths", [4, 10, 12.7])
        fill = self.opts.get("header_fill", "D9D9D9")
        auto = (
            f'<style:style style:name="Plan" style:family="table"><style:table-properties '
            f'style:width="{total}cm" table:align="left"/></style:style>{col_styles}'
            f'<style:style style:name="Defs" style:family="table"><style:table-properties '
            f'style:width="{sum(defs)}cm" table:align="left" fo:margin-bottom="0.4cm"/>'
            f'</style:style><style:style style:name="Defs.A" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{defs[0]}cm"/></style:style>'
            f'<style:style style:name="Defs.B" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{defs[1]}cm"/></style:style>'
            '<style:style style:name="CBody" style:family="table-cell"><style:table-cell-'
            'properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>'
            f'<style:style style:name="CHead" style:family="table-cell"><style:table-cell-'
            f'properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" '
            f'fo:background-color="#{fill}"/></style:style>'
            '<style:style style:name="T1" style:family="text"><style:text-properties '
            'officeooo:rsid="0011a2b3"/>'
            '</style:style><style:style style:name="T2" style:family="text">'
            '<style:text-properties officeooo:rsid="0022c4d5"/></style:style>'
            '<text:list-style style:name="Actions"><text:list-level-style-number '
            'text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-'
            'properties text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="listtab" '
            'text:list-tab-stop-position="0.6cm" fo:text-indent="-0.6cm" '
            'fo:margin-left="0.6cm"/></style:list-level-properties>'
            '</text:list-level-style-number></text:list-style>')
        body = "".join(self.front(line) for line in self.spec.front_matter)
        body += self.plan_table()
        return (f'{HEAD}<office:document-content {NS} office:version="1.3">'
                f"<office:automatic-styles>{auto}</office:automatic-styles><office:body>"
                f"<office:text>{body}</office:text></office:body></office:document-content>")

    def styles(self) -> str:
        font = self.opts.get("font", "Arial")
        size = self.opts.get("font_size", 10)
        return (
            f'{HEAD}<office:document-styles {NS} office:version="1.3"><office:styles>'
            f'<style:default-style style:family="paragraph"><style:text-properties '
            f'style:font-name="{font}" fo:font-family="{font}" fo:font-size="{size}pt" '
            f'fo:language="en" fo:country="GB"/></style:default-style>'
            f'<style:style style:name="Standard" style:family="paragraph"/>'
            f'<style:style style:name="Text_20_body" style:display-name="Text body" '
            f'style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-'
            f'properties fo:margin-bottom="0.2cm"/></style:style>'
            f'<style:style style:name="Heading_20_1" style:display-name="Heading 1" '
            f'style:family="paragraph" style:parent-style-name="Standard" '
            f'style:default-outline-level="1"><style:paragraph-properties '
            f'fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/><style:text-properties '
            f'fo:font-size="15pt" fo:font-weight="bold"/></style:style>'
            f'<style:style style:name="Cell" style:family="paragraph" '
            f'style:parent-style-name="Standard"/>'
            f'<style:style style:name="Head" style:family="paragraph" '
            f'style:parent-style-name="Standard"><style:text-properties '
            f'fo:font-weight="bold"/></style:style></office:styles>'
            f'<office:automatic-styles><style:page-layout style:name="Landscape">'
            f'<style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" '
            f'style:print-orientation="landscape" fo:margin="1.5cm"/></style:page-layout>'
            f'</office:automatic-styles><office:master-styles><style:master-page '
            f'style:name="Standard" style:page-layout-name="Landscape"/>'
            f"</office:master-styles></office:document-styles>")

    def meta(self) -> str:
        title = escape(self.spec.title or self.spec.name)
        return (f'{HEAD}<office:document-meta {NS} office:version="1.3"><office:meta>'
                f"<dc:title>{title}</dc:title><meta:initial-creator>"
                f"{escape(self.opts.get('author', ''))}</meta:initial-creator>"
                f"<meta:creation-date>2024-04-29T10:00:00</meta:creation-date>"
                f"<dc:date>2024-05-03T16:20:00</dc:date></office:meta></office:document-meta>")


MANIFEST = (f'{HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            f'manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            + "".join(f'<manifest:file-entry manifest:full-path="{p}" '
                      f'manifest:media-type="text/xml"/>'
                      for p in ("content.xml", "styles.xml", "meta.xml"))
            + "</manifest:manifest>")


def odt_bytes(spec: PlanSpec) -> bytes:
    """The .odt package: ``mimetype`` first and stored, as ODF requires."""
    writer = _Writer(spec)
    parts = {"mimetype": "application/vnd.oasis.opendocument.text",
             "content.xml": writer.content(), "styles.xml": writer.styles(),
             "meta.xml": writer.meta(), "META-INF/manifest.xml": MANIFEST}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
    return out.getvalue()


def render(spec: PlanSpec, out_dir: Path) -> list[Path]:
    """Write the .odt in a temporary folder; LibreOffice saves it as ``out_dir``'s .docx and
    prints the .pdf from the .odt."""
    docx = out_dir / f"{spec.name}.docx"
    with tempfile.TemporaryDirectory(prefix="odt_samples_") as tmp:
        odt = Path(tmp) / f"{spec.name}.odt"
        odt.write_bytes(odt_bytes(spec))
        run_with_profile("soffice", lambda profile: [
            f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
            "docx:MS Word 2007 XML", "--outdir", tmp, str(odt)], timeout=300)
        docx.write_bytes(stable_docx((Path(tmp) / docx.name).read_bytes()))
        pdf = to_pdf(odt, out_dir)
    return [docx, pdf]
