"""Safety checks run before a reader opens a file, and translation of reader failures.

Each check looks only at structure (PDF trailer and page tree, ZIP central directory) so that
a hostile file is refused before any expensive or unbounded work starts.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import (
    ActionPlanError,
    DamagedDocument,
    EncryptedDocument,
    ResourceLimit,
    TooLarge,
)

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class GuardLimits:
    """Structural caps; generous for real plans, small next to the worker's memory limit."""

    max_pages: int = 2000
    max_unzipped_bytes: int = 512 * MB  # all entries of a DOCX together, as declared
    max_entry_ratio: float = 100.0  # uncompressed / compressed, per entry above ratio_floor
    ratio_floor_bytes: int = 1 * MB  # tiny entries may compress very well without harm


DEFAULT_LIMITS = GuardLimits()


def check_pdf(path: Path, limits: GuardLimits = DEFAULT_LIMITS) -> int | None:
    """Refuse truncated, password-protected or over-long PDFs; return the declared page count."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise DamagedDocument(
            "damaged or truncated PDF: no end-of-file marker (download cut short?)", path=str(path)
        )
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with path.open("rb") as fh:
        try:
            document = PDFDocument(PDFParser(fh), password="")
        except PDFPasswordIncorrect as exc:
            raise EncryptedDocument("encrypted: needs a password", path=str(path)) from exc
        except PDFEncryptionError as exc:
            raise EncryptedDocument(
                f"encrypted with an unsupported scheme ({exc}); save an unencrypted copy",
                path=str(path),
            ) from exc
        except Exception as exc:
            mapped = reader_error(exc, path)
            if mapped is None:
                raise
            raise mapped from exc
        try:
            pages = resolve1(resolve1(document.catalog["Pages"])["Count"])
        except Exception:
            return None  # a broken page tree is the reader's to report, with more context
    if isinstance(pages, int) and pages > limits.max_pages:
        raise TooLarge(
            f"too large: {pages} pages (limit {limits.max_pages}); split the PDF", path=str(path)
        )
    return pages if isinstance(pages, int) else None


def check_zip(path: Path, limits: GuardLimits = DEFAULT_LIMITS) -> None:
    """Refuse ZIP bombs from the central directory alone, before anything is decompressed.

    Python's zipfile never yields more than an entry's declared size, so capping declared
    sizes bounds what a reader can inflate.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DamagedDocument("damaged or truncated ZIP container", path=str(path)) from exc
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument("encrypted: needs a password", path=str(path))
        total += info.file_size
        if total > limits.max_unzipped_bytes:
            raise TooLarge(
                f"refused: unpacks to over {limits.max_unzipped_bytes // MB} MB "
                "(ZIP bomb or oversized document)",
                path=str(path),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_entry_ratio:
            raise TooLarge(
                f"refused: {info.filename} expands {ratio:.0f}x "
                f"(limit {limits.max_entry_ratio:.0f}x; ZIP bomb?)",
                path=str(path),
            )


def reader_error(exc: BaseException, path: Path) -> ActionPlanError | None:
    """Translate a reader library's exception into a one-line error; None if not recognised.

    Unrecognised exceptions are bugs of ours and stay internal errors. Judged by class and
    module name so that this module never imports pdfminer or python-docx for it.
    """
    if isinstance(exc, ActionPlanError):
        if exc.path is None:
            exc.path = str(path)
        return exc
    if isinstance(exc, MemoryError):
        return ResourceLimit("ran out of memory while reading", path=str(path))
    names = {cls.__name__ for cls in type(exc).__mro__}
    module = type(exc).__module__ or ""
    cause = exc.__cause__ or exc.__context__
    if cause is not None and type(cause).__name__ == "PDFPasswordIncorrect":
        names.add("PDFPasswordIncorrect")
    detail = _short(exc)
    if "PDFPasswordIncorrect" in names:
        return EncryptedDocument("encrypted: needs a password", path=str(path))
    if "PDFEncryptionError" in names:
        return EncryptedDocument(f"encrypted with an unsupported scheme ({detail})", path=str(path))
    if names & {"PdfminerException", "MalformedPDFException", "PDFSyntaxError", "PSEOF",
                "PDFNoValidXRef", "PdfiumError", "PSException", "PDFException"}:
        return DamagedDocument(f"damaged or truncated PDF ({detail})", path=str(path))
    if module.startswith(("docx", "lxml")) or names & {"BadZipFile", "XMLSyntaxError",
                                                       "PackageNotFoundError", "OpcError"}:
        return DamagedDocument(f"damaged or truncated DOCX ({detail})", path=str(path))
    if isinstance(exc, (zipfile.BadZipFile, EOFError)):
        return DamagedDocument(f"damaged or truncated file ({detail})", path=str(path))
    return None


def _short(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
