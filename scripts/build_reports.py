"""Build the inspection-report samples: reports/<name>.docx, the PDF LibreOffice renders from
it (unless the report is DOCX-only), and reports/<name>.expected-report.json from the spec.

Usage: ``.venv/bin/python -m scripts.build_reports [NAME ...]``. Needs LibreOffice; tests and
CI never run this: the documents are committed.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from scripts.build_samples import stable_docx, stable_pdf, to_pdf
from scripts.samples.render_docx import FIXED_DATE, _Numbering, _set_num
from scripts.samples.reports import REPORTS, ReportSpec

ROOT = Path(__file__).resolve().parent.parent
REPORTS_DIR = ROOT / "reports"
FONT = "Arial"


def render(spec: ReportSpec) -> Document:
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
    numbering = _Numbering(doc)
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
            _set_num(doc.add_paragraph(text), recs_list)
        elif kind == "cont":
            para = doc.add_paragraph(text)
            para.paragraph_format.left_indent = Cm(0.63)
        elif kind == "bullet":
            para = doc.add_paragraph(text)
            _set_num(para, numbering.new_list("bullet", FONT))
            para.paragraph_format.left_indent = Cm(1.27)
        elif kind == "numbered_narrative":
            if other_list is None:
                other_list = numbering.new_list("auto", FONT)
            _set_num(doc.add_paragraph(text), other_list)
        else:
            raise ValueError(f"unknown block {kind}")
    props = doc.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.author = props.last_modified_by = ""
    props.title = spec.blocks[0][1]
    props.revision = 1
    return doc


def build(spec: ReportSpec, out_dir: Path = REPORTS_DIR) -> None:
    """Write one report's .docx, .pdf (unless DOCX-only) and expected list."""
    out_dir.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    render(spec).save(buf)
    docx_path = out_dir / f"{spec.name}.docx"
    docx_path.write_bytes(stable_docx(buf.getvalue()))
    if not spec.docx_only:
        pdf = to_pdf(docx_path, out_dir)
        pdf.write_bytes(stable_pdf(pdf.read_bytes()))
    expected = {"organisation": spec.organisation, "published": spec.published,
                "recommendations": spec.expected}
    (out_dir / f"{spec.name}.expected-report.json").write_text(
        json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Build the named reports (or all)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    for spec in REPORTS:
        if not args.names or spec.name in args.names:
            build(spec)
            print(f"built {spec.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
