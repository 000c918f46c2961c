"""What a sample document prints, as data: the pydantic models of the ``*.spec.json`` files.

A spec file sits beside the documents drawn from it (``samples/<name>.spec.json`` beside
``<name>.docx`` / ``<name>.pdf``; ``samples/audit/``, ``reports/``, ``tests/data/`` likewise) and
holds only what the document shows and how it is laid out: the text as printed, numbers as
printed (``null``: not printed), the owner and target cells, the columns and the renderer's
switches. What a reader *records* from the document (owners split, ISO dates, statuses,
inferred numbers, the response category) lives only in ``<name>.expected.json``, typed by
reading the document; tests check the two agree where they overlap.

These models are the single source of the spec schema; ``load_spec`` validates a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, TypeAdapter
from typing_extensions import TypedDict  # pydantic validates only this one before 3.12

# Templates pick the renderer (scripts/samples/renderers.py).
WordTemplate = Literal["hmpps_probation", "generic", "per_rec_tables", "form", "nested_actions"]
PdfTemplate = Literal["reportlab", "reportlab_form", "wordlike", "html_table", "html_form"]
# Documents written without any document library (WordprocessingML, PDF, ODF by hand).
RawTemplate = Literal["wordml", "rawpdf", "odt"]

Orientation = Literal["landscape", "portrait"]
Borders = Literal["grid", "horizontal", "none"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TableOption(TypedDict, total=False):
    """A table drawn where front matter says ``{table:KEY}``."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    rows: list[list[str]]
    widths: list[float]
    fill: str


class PlanOptions(TypedDict, total=False):
    """The renderers' switches (each renderer's module docstring says what they do).

    A TypedDict, so the renderers keep reading a plain dict while a misspelt key fails
    validation.
    """

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    # page and type
    orientation: Orientation
    margins_cm: float
    font: str
    font_size: int | float
    author: str
    page_header: str
    page_footer: str
    back_matter: list[str]
    # the plan table
    columns: list[str]
    widths: list[int | float]
    header_spans: dict[int, int]
    header_rows: list[list[str]]
    header_fill: str | None
    header_color: str
    section_fill: str
    label_fill: str
    center_headings: bool
    layout: Literal["per_action", "per_rec"]
    rec_cells: Literal["merge", "empty"]
    action_numbers: Literal["column", "prefix", "auto", "bullet", "none"]
    action_no_fmt: str
    action_prefix_fmt: str
    action_prefix: str
    rec_no_fmt: str
    rec_no_in_text: str
    reason_in: Literal["first_cell", "row"]
    borders: Borders
    repeat_header: bool
    frame: bool
    frame_heading: str
    tables: dict[str, TableOption]
    # nested action tables (render_nested)
    outer: list[str]
    inner: list[str]
    inner_headers: list[str]
    inner_widths: list[float]
    inner_header: Literal["every", "first", "outer"]
    inner_borders: Literal["grid", "horizontal"]
    reason_above: bool
    # hand-built WordprocessingML (render_wordml)
    wrap_table: bool
    # hand-written PDF (render_rawpdf)
    word_spaces: Literal["offset", "glyph"]
    split_rows: bool
    # reportlab
    style: Literal["grid", "rules", "light"]
    span_recs: bool
    rec_label: str
    inline_label: str
    extra_values: list[str]


class RecOptions(TypedDict, total=False):
    """Per-recommendation switches."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    shared: bool  # one owner/target cell shared by all the row's actions
    text_paragraphs: list[str]  # the rec text printed over several paragraphs


class ActionSpec(_Strict):
    number: str | None  # as printed, no brackets/trailing dot ("1", "1.1", "1a"); None: unprinted
    text: str  # the action's words, without its number
    owners_raw: str = ""  # owner cell text for this action, "\n" between lines
    target_raw: str = ""  # target cell text, "\n" between lines
    # extra columns' text (RAG, progress...); "_paragraphs": the text over several paragraphs
    extras: dict[str, str] = Field(default_factory=dict)


class RecSpec(_Strict):
    number: str | None  # as printed, without brackets/trailing dot; None when not printed
    section: str | None = None  # the section row printed above it
    text: str
    response_raw: str | None = None  # the answer as printed ("Partly Agreed")
    reason: str | None = None  # explanation printed for partly/not agreed (not an action)
    extras: dict[str, str] = Field(default_factory=dict)  # rec-level extra columns' text
    options: RecOptions = Field(default_factory=lambda: RecOptions())
    actions: list[ActionSpec] = Field(default_factory=list)


class PlanSpec(_Strict):
    """An action plan drawn by one renderer."""

    name: str  # file stem of the documents
    template: WordTemplate | PdfTemplate | RawTemplate
    # the plan's title: the document's title property (wordlike: also printed above the front
    # matter; elsewhere a front matter line prints the heading)
    title: str | None = None
    front_matter: list[str] = Field(default_factory=list)  # paragraphs before the table
    headers: list[str] = Field(default_factory=list)  # column headers as printed
    options: PlanOptions = Field(default_factory=lambda: PlanOptions())
    recs: list[RecSpec] = Field(default_factory=list)


class VariantSpec(_Strict):
    """Another sample drawn with one layout change (``variant``), saying the same thing."""

    name: str
    base: str  # the sample whose spec is redrawn
    variant: str  # a layout variant (scripts/samples/variants.py) or "strict" (Strict OOXML)


class ProseSpec(_Strict):
    """A document with no plan: a title and paragraphs, drawn the Word-like way."""

    name: str
    template: Literal["wordlike_prose"]
    title: str
    front_matter: list[str]


ReportBlock = (
    tuple[Literal["title", "h1", "h2", "p", "list", "cont", "bullet", "numbered_narrative"], str]
    | tuple[Literal["pagebreak"]]
)


class ReportSpec(_Strict):
    """An inspection report, block by block (kinds: see scripts/samples/render_report.py)."""

    name: str
    template: Literal["report"]
    organisation: str  # printed in the page footer
    pdf: bool = True  # False: the report exists only as .docx
    blocks: list[ReportBlock]


def _kind(data: Any) -> str:
    """Which model a spec file is, so a mistake is reported against that model alone."""
    if not isinstance(data, dict):  # a model instance
        data = data.model_dump()
    if "base" in data:
        return "variant"
    return {"report": "report", "wordlike_prose": "prose"}.get(data.get("template"), "plan")


Spec = Annotated[
    Annotated[PlanSpec, Tag("plan")]
    | Annotated[VariantSpec, Tag("variant")]
    | Annotated[ProseSpec, Tag("prose")]
    | Annotated[ReportSpec, Tag("report")],
    Discriminator(_kind),
]
SPEC_SUFFIX = ".spec.json"
_ADAPTER: TypeAdapter[PlanSpec | VariantSpec | ProseSpec | ReportSpec] = TypeAdapter(Spec)


def load_spec(path: Path) -> PlanSpec | VariantSpec | ProseSpec | ReportSpec:
    """Read and validate one ``*.spec.json``; its name must be its file name."""
    spec = _ADAPTER.validate_json(path.read_bytes())
    if path.name != spec.name + SPEC_SUFFIX:
        raise ValueError(f"{path}: names sample {spec.name!r}")
    return spec


def spec_schema() -> dict[str, Any]:
    """The JSON Schema of a spec file, generated from these models."""
    return _ADAPTER.json_schema()
