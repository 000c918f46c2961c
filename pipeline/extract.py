"""One file in, one validated plan out. ``extract_file`` lists the stages in order; each takes
and returns plain data, and the plan's models are built once, by the last stage.

    read (extractors/)  →  mend words a narrow column cut (text)
    →  tables → columns → rows (plan_rows)  →  assemble (assemble)
    →  front matter (frontmatter)  →  normalise → validate (finalise)  →  export (the batch)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from extractors import READERS
from extractors.guard import DEFAULT_LIMITS as GUARD_DEFAULTS
from extractors.guard import GuardLimits, check_pdf, check_zip
from extractors.layout import Document
from extractors.pdf_screen import screened_pdf
from extractors.sniff import CONVERTIBLE, detect_format
from pipeline.assemble import assemble, reads_as_plan
from pipeline.errors import NoPlanFound, TooLarge, reader_error
from pipeline.finalise import finalise
from pipeline.frontmatter import read_front_matter
from pipeline.hashing import file_sha256
from pipeline.limits import DEFAULT_LIMITS, MB, Limits
from pipeline.models import ActionPlan, PlanWarning, Source, WarningCode
from pipeline.names import printable
from pipeline.plan_rows import plan_rows
from pipeline.screen import screen_pages
from pipeline.text import document_vocabulary, mend_cut_words

NO_TABLE = ("no action-plan table found (no table with recommendation and action, owner or "
            "date columns)")
NO_ROWS = ("no action-plan table found (a table has plan column headings but no rows that "
           "read as recommendations or actions)")


def extract_file(path: Path | str, limits: Limits = DEFAULT_LIMITS, *,
                 read: tuple[str, Document] | None = None) -> ActionPlan:
    """Extract the action plan of one PDF or DOCX; raises ``ActionPlanError`` on bad input.
    ``read``: what ``read_file`` made of it already (in another process), else it is read here.

    Size and page limits are checked here; time and memory limits are the worker's job."""
    path = Path(path)
    fmt, document = read if read is not None else read_file(path, limits)
    vocabulary = document_vocabulary(document)
    document = mend_cut_words(document, vocabulary)
    rows = plan_rows(document, vocabulary)
    if not rows:
        raise NoPlanFound(NO_TABLE, path=str(path))
    drafts = assemble(rows)
    info = read_front_matter(document)
    source = Source(file=printable(path.name), format=fmt, sha256=file_sha256(path),
                    pages=document.pages, rotations=document.rotations)
    plan = finalise(drafts, info, source, document, reader_warnings(document))
    if not plan.recommendations or not reads_as_plan(plan):
        raise NoPlanFound(NO_ROWS, path=str(path))
    return plan


def read_file(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, Document]:
    """The read stage alone (size check, safety checks, reader)."""
    path = Path(path)
    check_size(path, limits)
    return read_document(path, limits)


def read_document(path: Path, limits: Limits) -> tuple[str, Document]:
    """The format judged from the bytes and the intermediate form its reader makes of the file
    (a .doc or .odt is read through a LibreOffice .docx copy)."""
    guard = replace(GUARD_DEFAULTS, max_pages=limits.max_pages)
    fmt = detect_format(path)
    if fmt in CONVERTIBLE:
        # LibreOffice's conversion (and subprocess) only for the files that need it: a
        # worker reading PDF and .docx never imports them.
        from extractors.convert import converted_to_docx

        with converted_to_docx(path, fmt) as docx_path:
            return "docx", _read("docx", docx_path, shown=path, guard=guard)
    return fmt, _read(fmt, path, shown=path, guard=guard)


def reader_warnings(document: Document) -> list[PlanWarning]:
    """What the reader saw but could not read (an embedded document, a chart), said on the plan."""
    return [PlanWarning(code=WarningCode.READER_NOTE, message=note) for note in document.notes]


def warm_up() -> None:
    """Load now what a file may need later (spaCy, both readers), for callers that time the
    files in process; the batch's workers do not call it (they load each part on first need)."""
    import extractors.docx
    import extractors.pdf  # noqa: F401
    from pipeline.normalise.owners import load_tokenizer

    load_tokenizer()


def check_size(path: Path, limits: Limits) -> None:
    """Refuse a file over ``limits.max_size_mb`` before reading any of it."""
    size = path.stat().st_size
    if size > limits.max_size_mb * MB:
        raise TooLarge(f"too large: {size / MB:.0f} MB (limit {limits.max_size_mb:g} MB; "
                       "raise --max-size)", path=str(path))


def _read(fmt: str, path: Path, *, shown: Path, guard: GuardLimits) -> Document:
    """Run the safety checks and the reader, turning library failures into one-line errors."""
    try:
        if fmt == "pdf":
            found = check_pdf(path, guard)
            # The read reuses the document and pages the screen loaded (each page once).
            with screened_pdf(path) as texts:
                pages = _screen_pdf(texts, shown)
                document = READERS[fmt](path) if pages is None else READERS[fmt](path, pages)
            if found is not None and document.pages is not None and document.pages < found:
                document.notes.append(
                    f"the page tree holds {found} pages but declares {document.pages}; "
                    f"only {document.pages} were read")
            return document
        check_zip(path, guard)
        return READERS[fmt](path)
    except Exception as exc:
        mapped = reader_error(exc, shown)
        if mapped is None:
            raise
        mapped.path = str(shown)
        raise mapped from exc


def _screen_pdf(texts: list[str] | None, shown: Path) -> set[int] | None:
    """Dismiss a PDF whose pages' ``texts`` name no plan columns on any page, before the slow
    read; otherwise the pages worth reading (None: all)."""
    if texts is None:
        return None
    could_hold_plan, pages = screen_pages(texts)
    if not could_hold_plan:
        raise NoPlanFound(
            "no action-plan table found (no page has recommendation and action, owner or "
            "date column headings)",
            path=str(shown),
        )
    return pages
