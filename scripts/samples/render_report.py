"""Draw a ``ReportSpec`` (an inspection report, block by block) as a Word document.

A4 portrait, Arial 11pt, the organisation in the page footer. Block kinds: ``title``, ``h1``,
``h2``, ``p`` (a paragraph), ``pagebreak``, ``list`` (an item of the Word-numbered
recommendations list), ``cont`` (the rest of the item above after a page break), ``bullet``
(a nested bullet), ``numbered_narrative`` (a Word-numbered list that is not recommendations).
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from scripts.samples.render_docx import FIXED_DATE, Numbering, set_num
from scripts.samples.spec import ReportSpec

FONT = "Arial"


def render(spec: ReportSpec) -> DocumentObject:
    """The report as a Word document: A4 portrait, headings, Word-numbered lists."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), FONT)
    rfonts.set(qn("w:cs"), FONT)
    normal.paragraph_format.space_after = Pt(8)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.2)
    footer = section.footer.paragraphs[0]
    footer.add_run(spec.organisation or "")
    numbering = Numbering(doc)
    recs_list = numbering.new_list("auto", FONT)
    other_list: int | None = None
    for kind, *rest in spec.blocks:
        text = rest[0] if rest else ""
        if kind == "title":
            doc.add_paragraph(text, style="Title")
        elif kind in ("h1", "h2"):
            doc.add_paragraph(text, style="Heading 1" if kind == "h1" else "Heading 2")
        elif kind == "p":
            doc.add_paragraph(text)
            other_list = None
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "list":
            set_num(doc.add_paragraph(text), recs_list)
        elif kind == "cont":
            para = doc.add_paragraph(text)
            para.paragraph_format.left_indent = Cm(0.63)
        elif kind == "bullet":
            para = doc.add_paragraph(text)
            set_num(para, numbering.new_list("bullet", FONT))
            para.paragraph_format.left_indent = Cm(1.27)
        elif kind == "numbered_narrative":
            if other_list is None:
                other_list = numbering.new_list("auto", FONT)
            set_num(doc.add_paragraph(text), other_list)
        else:
            raise ValueError(f"unknown block {kind}")
    props = doc.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.author = props.last_modified_by = ""
    props.title = spec.blocks[0][1]
    props.revision = 1
    return doc
