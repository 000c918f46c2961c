"""Every renderer behind one interface: a spec in, its documents written into a folder.

``RENDERERS`` maps a spec's ``template`` to a ``Renderer``; ``draw`` writes the documents and
returns their paths. ``converter`` names the outside program a renderer needs for its PDF
(LibreOffice, Chromium; None: pure Python). With ``Build.convert`` off, a renderer writes only
what needs no outside program (a Word sample's .docx), so tests can rebuild quickly.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject

from scripts.samples import (
    render_docx,
    render_html_form,
    render_nested,
    render_odt,
    render_rawpdf,
    render_report,
    render_reportlab,
    render_reportlab_form,
    render_shapes,
    render_wordlike,
    render_wordml,
    strict,
    variants,
)
from scripts.samples.office import save_docx, to_pdf
from scripts.samples.spec import PlanSpec, ProseSpec, ReportSpec, VariantSpec

LIBREOFFICE = "soffice"  # keys of office.PROGRAMS
CHROMIUM = "chromium"
STRICT = "strict"  # the VariantSpec.variant that saves the base .docx as Strict OOXML


@dataclass(frozen=True)
class Build:
    """Where and how far to build: ``specs`` resolves a variant's base by name."""

    out_dir: Path
    specs: Mapping[str, Any]
    convert: bool = True  # False: skip every step that needs ``converter``


@dataclass(frozen=True)
class Renderer:
    draw: Callable[[Any, Build], list[Path]]
    converter: str | None  # the outside program the PDF needs, if any
    suffixes: Callable[[Any], tuple[str, ...]]  # the documents a spec gives, by file suffix
    docx_converted: bool = False  # its .docx, too, is written by ``converter``


def word_document(spec: PlanSpec) -> DocumentObject:
    """The python-docx document of a Word-template spec."""
    if spec.template in render_shapes.WORD_TEMPLATES:
        return render_shapes.render(spec)
    if spec.template == render_nested.TEMPLATE:
        return render_nested.render(spec)
    return render_docx.render(spec)


def _word(spec: PlanSpec, build: Build) -> list[Path]:
    docx = save_docx(word_document(spec), build.out_dir / f"{spec.name}.docx")
    return [docx, to_pdf(docx, build.out_dir)] if build.convert else [docx]


def _wordml(spec: PlanSpec, build: Build) -> list[Path]:
    docx = build.out_dir / f"{spec.name}.docx"
    docx.write_bytes(render_wordml.render(spec))
    return [docx, to_pdf(docx, build.out_dir)] if build.convert else [docx]


def _report(spec: ReportSpec, build: Build) -> list[Path]:
    docx = save_docx(render_report.render(spec), build.out_dir / f"{spec.name}.docx")
    if spec.pdf and build.convert:
        return [docx, to_pdf(docx, build.out_dir)]
    return [docx]


def _reportlab(spec: PlanSpec, build: Build) -> list[Path]:
    pdf = build.out_dir / f"{spec.name}.pdf"
    render_reportlab.render(spec, pdf)
    return [pdf]


def _reportlab_form(spec: PlanSpec, build: Build) -> list[Path]:
    pdf = build.out_dir / f"{spec.name}.pdf"
    render_reportlab_form.render(spec, pdf)
    return [pdf]


def _wordlike(spec: PlanSpec, build: Build) -> list[Path]:
    pdf = build.out_dir / f"{spec.name}.pdf"
    render_wordlike.render(spec, pdf)
    return [pdf]


def _odt(spec: PlanSpec, build: Build) -> list[Path]:
    return render_odt.render(spec, build.out_dir) if build.convert else []


def _rawpdf(spec: PlanSpec, build: Build) -> list[Path]:
    pdf = build.out_dir / f"{spec.name}.pdf"
    render_rawpdf.render(spec, pdf)
    return [pdf]


def _prose(spec: ProseSpec, build: Build) -> list[Path]:
    pdf = build.out_dir / f"{spec.name}.pdf"
    render_wordlike.render_prose(spec.title, spec.front_matter, pdf)
    return [pdf]


def _printed(page_source: Callable[[PlanSpec], str]) -> Callable[[PlanSpec, Build], list[Path]]:
    """A renderer that writes the spec's HTML page and prints it to PDF with Chromium."""
    def draw(spec: PlanSpec, build: Build) -> list[Path]:
        if not build.convert:
            return []
        pdf = build.out_dir / f"{spec.name}.pdf"
        with tempfile.TemporaryDirectory(prefix="html_samples_") as tmp:
            page = Path(tmp) / f"{spec.name}.html"
            page.write_text(page_source(spec), encoding="utf-8")
            render_shapes.print_pdf(page, pdf)
        return [pdf]
    return draw


def _variant(spec: VariantSpec, build: Build) -> list[Path]:
    base = build.specs[spec.base]
    if spec.variant == STRICT:  # the base's .docx re-saved: no outside program
        target = build.out_dir / f"{spec.name}.docx"
        target.write_bytes(strict.to_strict(save_docx(word_document(base), target).read_bytes()))
        return [target]
    if not build.convert:
        return []
    built = variants.build_variant(base, spec.variant, build.out_dir)
    if built.name != f"{spec.name}.pdf":
        raise ValueError(f"{spec.name}: variant {spec.base}:{spec.variant} is {built.name}")
    return [built]


def _variant_suffixes(spec: VariantSpec) -> tuple[str, ...]:
    return (".docx",) if spec.variant == STRICT else (".pdf",)


def _word_suffixes(spec: Any) -> tuple[str, ...]:
    return (".docx", ".pdf") if getattr(spec, "pdf", True) else (".docx",)


def _pdf_only(spec: Any) -> tuple[str, ...]:
    return (".pdf",)


_WORD = Renderer(_word, LIBREOFFICE, _word_suffixes)
RENDERERS: dict[str, Renderer] = {
    "hmpps_probation": _WORD,
    "generic": _WORD,
    "per_rec_tables": _WORD,
    "form": _WORD,
    "nested_actions": _WORD,
    "odt": Renderer(_odt, LIBREOFFICE, _word_suffixes, docx_converted=True),
    "rawpdf": Renderer(_rawpdf, None, _pdf_only),
    "wordml": Renderer(_wordml, LIBREOFFICE, _word_suffixes),
    "report": Renderer(_report, LIBREOFFICE, _word_suffixes),
    "reportlab": Renderer(_reportlab, None, _pdf_only),
    "reportlab_form": Renderer(_reportlab_form, None, _pdf_only),
    "wordlike": Renderer(_wordlike, None, _pdf_only),
    "wordlike_prose": Renderer(_prose, None, _pdf_only),
    "html_table": Renderer(_printed(render_shapes.html_page), CHROMIUM, _pdf_only),
    "html_form": Renderer(_printed(render_html_form.html_page), CHROMIUM, _pdf_only),
}
VARIANT = Renderer(_variant, LIBREOFFICE, _variant_suffixes)


def renderer(spec: Any) -> Renderer:
    """The renderer that draws ``spec``."""
    if isinstance(spec, VariantSpec):
        return VARIANT
    return RENDERERS[spec.template]


def documents(spec: Any) -> list[str]:
    """File names of the documents ``spec`` gives."""
    return [spec.name + suffix for suffix in renderer(spec).suffixes(spec)]


def draw(spec: Any, build: Build) -> list[Path]:
    """Write ``spec``'s documents into ``build.out_dir`` (created); return their paths."""
    build.out_dir.mkdir(parents=True, exist_ok=True)
    return renderer(spec).draw(spec, build)
