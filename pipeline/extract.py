"""One file in, one validated plan out: read → assemble → normalise → validate."""

from __future__ import annotations

from pathlib import Path

from extractors import READERS
from extractors.convert import converted_to_docx
from extractors.guard import check_pdf, check_zip, reader_error
from extractors.layout import Document
from extractors.pdf_screen import quick_page_texts
from extractors.sniff import CONVERTIBLE, detect_format
from pipeline.assemble import build_plan
from pipeline.errors import NoPlanFound
from pipeline.hashing import file_sha256
from pipeline.models import ActionPlan, Source
from pipeline.names import printable
from pipeline.screen import could_hold_plan


def extract_file(path: Path) -> ActionPlan:
    """Extract the action plan of one PDF or DOCX; raises ``ActionPlanError`` on bad input."""
    fmt = detect_format(path)
    if fmt in CONVERTIBLE:
        with converted_to_docx(path, fmt) as docx_path:
            fmt, document = "docx", _read("docx", docx_path, shown=path)
    else:
        document = _read(fmt, path, shown=path)
    source = Source(file=printable(path.name), format=fmt, sha256=file_sha256(path),
                    pages=document.pages)
    plan = build_plan(document, source)
    return ActionPlan.model_validate(plan.model_dump())


def _read(fmt: str, path: Path, *, shown: Path) -> Document:
    """Run the safety checks and the reader, turning library failures into one-line errors."""
    try:
        if fmt == "pdf":
            check_pdf(path)
            _screen_pdf(path, shown)
        else:
            check_zip(path)
        return READERS[fmt](path)
    except Exception as exc:
        mapped = reader_error(exc, shown)
        if mapped is None:
            raise
        mapped.path = str(shown)
        raise mapped from exc


def _screen_pdf(path: Path, shown: Path) -> None:
    """Dismiss a PDF whose text names no plan columns on any page, before the slow read."""
    texts = quick_page_texts(path)
    if texts is not None and not could_hold_plan(texts):
        raise NoPlanFound(
            "no action-plan table found (no page has recommendation and action, owner or "
            "date column headings)",
            path=str(shown),
        )
