"""Layout variants of the Word samples: the same spec drawn with one layout change.

A variant changes how a sample is laid out (orientation, widths, font size, borders, repeated
header rows, cell padding), never what it says, so it expects its base sample's JSON. The
.docx is drawn with the spec's options changed and/or the python-docx document post-processed,
and converted by LibreOffice; only the PDF is kept. The committed ones are
``samples/var_<sample>_<variant>.spec.json`` (built by ``python -m scripts.samples``);
``make stress`` draws every Word sample in every variant.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from scripts.samples import render_shapes
from scripts.samples.office import save_docx, to_pdf
from scripts.samples.render_docx import render, table_borders
from scripts.samples.spec import PlanSpec


# ---------------------------------------------------------------- spec-level variants
def _usable(spec: PlanSpec, orientation: str) -> float:
    """Usable page width (cm) of A4 in that orientation, less the spec's margins."""
    m = spec.options.get("margins_cm", 1.8)
    return (29.7 if orientation == "landscape" else 21.0) - 2 * m


def _scale_widths(spec: PlanSpec, factor: float) -> None:
    o = spec.options
    if "widths" in o:
        o["widths"] = [round(w * factor, 3) for w in o["widths"]]
    if "tables" in o:
        o["tables"] = deepcopy(o["tables"])
        for t in o["tables"].values():
            t["widths"] = [round(w * factor, 3) for w in t["widths"]]


def flip_orientation(spec: PlanSpec) -> None:
    """Landscape <-> portrait, every table keeping its share of the usable width."""
    old = spec.options.get("orientation", "landscape")
    new = "portrait" if old == "landscape" else "landscape"
    factor = _usable(spec, new) / _usable(spec, old)
    spec.options["orientation"] = new
    _scale_widths(spec, factor)


def flatten_widths(spec: PlanSpec) -> None:
    """Half-way between the designed widths and equal widths (narrow columns widen, wide narrow)."""
    w = spec.options["widths"]
    mean = sum(w) / len(w)
    spec.options["widths"] = [round((x + mean) / 2, 3) for x in w]


def set_opt(**kw: Any) -> Callable[[PlanSpec], None]:
    def f(spec: PlanSpec) -> None:
        spec.options.update(kw)

    return f


def shaded_header(spec: PlanSpec) -> None:
    """Keep the spec's header fill; give a light grey one where it has none."""
    spec.options.setdefault("header_fill", "D9D9D9")


# ---------------------------------------------------------------- document post-processing
def _tables(doc: Any) -> Any:
    return doc.element.body.iter(qn("w:tbl"))


def cell_padding(doc: Any, lr_twips: int = 227, tb_twips: int = 85) -> None:
    """Default cell margins of every table: 0.4 cm left/right, 0.15 cm top/bottom."""
    for tbl in _tables(doc):
        tblpr = tbl.find(qn("w:tblPr"))
        for old in tblpr.findall(qn("w:tblCellMar")):
            tblpr.remove(old)
        mar = OxmlElement("w:tblCellMar")
        for edge, v in (
            ("top", tb_twips),
            ("left", lr_twips),
            ("bottom", tb_twips),
            ("right", lr_twips),
        ):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:w"), str(v))
            el.set(qn("w:type"), "dxa")
            mar.append(el)
        look = tblpr.find(qn("w:tblLook"))
        if look is not None:
            look.addprevious(mar)
        else:
            tblpr.append(mar)


def no_repeat_header(doc: Any) -> None:
    """No header row repeated at the top of each page."""
    for el in list(doc.element.body.iter(qn("w:tblHeader"))):
        el.getparent().remove(el)


def _set_borders(doc: Any, visible: tuple[str, ...]) -> None:
    for tbl in _tables(doc):
        tblpr = tbl.find(qn("w:tblPr"))
        for old in tblpr.findall(qn("w:tblBorders")):
            tblpr.remove(old)
        tblpr.append(table_borders(visible))


def hrules(doc: Any) -> None:
    """Every table ruled by horizontal lines only (top, bottom, between rows)."""
    _set_borders(doc, ("top", "bottom", "insideH"))


def no_borders(doc: Any) -> None:
    _set_borders(doc, ())


def strip_shading(doc: Any) -> None:
    """No cell fills and no coloured text (white-on-navy headers become black on white)."""
    for tag in ("w:shd", "w:color"):
        for el in list(doc.element.body.iter(qn(tag))):
            el.getparent().remove(el)


Mutator = Callable[[PlanSpec], None]
PostProcess = Callable[[Any], None]

# name -> (spec mutators, document post-processors, what it is)
VARIANTS: dict[str, tuple[list[Mutator], list[PostProcess], str]] = {
    "orient": ([flip_orientation], [], "orientation flipped, column widths scaled"),
    "fs8": ([set_opt(font_size=8)], [], "8pt text"),
    "fs12": ([set_opt(font_size=12)], [], "12pt text"),
    "serif": ([set_opt(font="Liberation Serif")], [], "serif font"),
    "pad": ([], [cell_padding], "cell padding 0.4 cm left/right, 0.15 cm top/bottom"),
    "flatw": ([flatten_widths], [], "column widths half-way to equal"),
    "nohdr": (
        [set_opt(repeat_header=False)],
        [no_repeat_header],
        "header row not repeated on later pages",
    ),
    "hrules": (
        [set_opt(borders="horizontal"), shaded_header],
        [hrules],
        "horizontal rules only, shaded header",
    ),
    "noborder": ([set_opt(borders="none")], [no_borders], "no borders"),
    "hrules_nofill": (
        [set_opt(borders="horizontal")],
        [hrules, strip_shading],
        "horizontal rules only, no fills or colours",
    ),
}


def variant_name(sample: str, variant: str) -> str:
    return f"var_{sample}_{variant}"


def variant_spec(spec: PlanSpec, variant: str) -> PlanSpec:
    """A copy of ``spec`` with the variant's spec-level changes and the variant's file name."""
    out = deepcopy(spec)
    for mutate in VARIANTS[variant][0]:
        mutate(out)
    out.name = variant_name(spec.name, variant)
    return out


def variant_document(spec: PlanSpec, variant: str) -> DocumentObject:
    """The Word document of ``spec`` drawn in ``variant`` (named ``variant_name``)."""
    changed = variant_spec(spec, variant)
    shaped = changed.template in render_shapes.WORD_TEMPLATES
    doc = render_shapes.render(changed) if shaped else render(changed)
    for post in VARIANTS[variant][1]:
        post(doc)
    return doc


def build_variant(spec: PlanSpec, variant: str, out_dir: Path) -> Path:
    """Write ``var_<sample>_<variant>.pdf`` into ``out_dir``: the .docx is drawn in a temporary
    folder and only LibreOffice's PDF is kept."""
    doc = variant_document(spec, variant)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="variants_") as tmp:
        docx_path = save_docx(doc, Path(tmp) / f"{variant_name(spec.name, variant)}.docx")
        pdf = to_pdf(docx_path, Path(tmp))
        target = out_dir / pdf.name
        target.write_bytes(pdf.read_bytes())
    return target
