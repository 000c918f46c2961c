"""Errors for inputs the readers cannot read, and the one map from a reader library's exception
to the one-line reason a user sees.

This module imports nothing from the project, so readers and pipeline can both use it; the
pipeline's own errors (``NoPlanFound``) live in ``pipeline/errors.py``, which re-exports these.
"""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path


class ErrorKind(StrEnum):
    """Why a file did not become a plan, as written to errors.csv, the manifest and the API.

    The values are stable: trackers filter on them."""

    ERROR = "error"
    UNSUPPORTED_FORMAT = "unsupported_format"
    ENCRYPTED = "encrypted"
    DAMAGED = "damaged"
    NO_TEXT_LAYER = "no_text_layer"
    TOO_LARGE = "too_large"
    RESOURCE_LIMIT = "resource_limit"
    NO_PLAN_FOUND = "no_plan_found"
    # Failures the batch reports without an exception of ours behind them.
    TIMEOUT = "timeout"
    MEMORY = "memory"
    INTERNAL = "internal"
    UNREADABLE = "unreadable"
    MISSING = "missing"
    OUTPUT = "output"


class ActionPlanError(Exception):
    """Root of every error actionplan reports to a user instead of a traceback."""

    kind: ErrorKind = ErrorKind.ERROR

    def __init__(self, reason: str, *, path: str | None = None, page: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.page = page

    def one_line(self) -> str:
        """The error as a single line: '<file>: <reason>'."""
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.reason}".replace("\n", " ")


class UnsupportedFormat(ActionPlanError):
    kind = ErrorKind.UNSUPPORTED_FORMAT


class EncryptedDocument(ActionPlanError):
    kind = ErrorKind.ENCRYPTED


class DamagedDocument(ActionPlanError):
    kind = ErrorKind.DAMAGED


class NoTextLayer(ActionPlanError):
    kind = ErrorKind.NO_TEXT_LAYER


class TooLarge(ActionPlanError):
    kind = ErrorKind.TOO_LARGE


class ResourceLimit(ActionPlanError):
    kind = ErrorKind.RESOURCE_LIMIT


NEEDS_PASSWORD = "encrypted: needs a password"
DETAIL_LIMIT = 160  # characters of a library's message kept: one line, still readable
# pdfium's FPDF_GetLastError codes for a password or security handler it cannot open
# (FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY); named here so that this module imports no reader.
_PDFIUM_LOCKED = frozenset({4, 5})
_PDF_DAMAGE = frozenset({"PdfminerException", "MalformedPDFException", "PDFSyntaxError", "PSEOF",
                         "PDFNoValidXRef", "PdfiumError", "PSException", "PDFException"})
_DOCX_DAMAGE = frozenset({"BadZipFile", "XMLSyntaxError", "PackageNotFoundError", "OpcError"})


def damaged(what: str, exc: BaseException, path: Path | str) -> DamagedDocument:
    """'damaged or truncated <what> (<the library's message>)'."""
    return DamagedDocument(f"damaged or truncated {what} ({short(exc)})", path=str(path))


def unreadable_zip(exc: NotImplementedError, path: Path | str) -> UnsupportedFormat:
    """Python's zipfile raises NotImplementedError for ZIP features it cannot read (a newer
    "version needed to extract", patched data, strong encryption): a reason, not a bug."""
    return UnsupportedFormat(f"unsupported ZIP container ({short(exc)}); re-save the document",
                             path=str(path))


def reader_error(exc: BaseException, path: Path | str, *,
                 otherwise: str | None = None) -> ActionPlanError | None:
    """Translate a reader library's exception into a one-line error; None if not recognised.

    Unrecognised exceptions are bugs of ours and stay internal errors, unless ``otherwise``
    names what the reader was opening ('PDF'): then they mean that file is damaged. Judged by
    class and module name so that this module never imports pdfminer or python-docx for it."""
    if isinstance(exc, ActionPlanError):
        if exc.path is None:
            exc.path = str(path)
        return exc
    if isinstance(exc, MemoryError):
        return ResourceLimit("ran out of memory while reading", path=str(path))
    names = _class_names(exc)
    if "PDFPasswordIncorrect" in names or (
            "PdfiumError" in names and getattr(exc, "err_code", None) in _PDFIUM_LOCKED):
        return EncryptedDocument(NEEDS_PASSWORD, path=str(path))
    if "PDFEncryptionError" in names:
        return EncryptedDocument(f"encrypted with an unsupported scheme ({short(_inner(exc))}); "
                                 "save an unencrypted copy", path=str(path))
    if names & _PDF_DAMAGE:
        return damaged("PDF", _inner(exc), path)
    if (type(exc).__module__ or "").startswith(("docx", "lxml")) or names & _DOCX_DAMAGE:
        return damaged("Word document", exc, path)
    if otherwise is not None:
        return damaged(otherwise, exc, path)
    if isinstance(exc, (zipfile.BadZipFile, EOFError)):
        return damaged("file", exc, path)
    return None


def failure_reading(what: str, exc: BaseException, path: Path | str) -> ActionPlanError:
    """``reader_error`` for a reader that knows any failure of its library means a bad file:
    what it cannot name is 'damaged or truncated <what>'."""
    mapped = reader_error(exc, path, otherwise=what)
    assert mapped is not None  # ``otherwise`` maps every exception
    return mapped


def _class_names(exc: BaseException) -> set[str]:
    # pdfplumber wraps pdfminer's errors (PdfminerException(cause)); a password error keeps
    # its meaning whether it is the exception itself, its argument or its cause.
    names = {cls.__name__ for cls in type(exc).__mro__}
    inner = _inner(exc)
    for other in (inner, exc.__cause__ or exc.__context__):
        if other is not None and other is not exc:
            names |= {cls.__name__ for cls in type(other).__mro__} & {
                "PDFPasswordIncorrect", "PDFEncryptionError"}
    return names


def _inner(exc: BaseException) -> BaseException:
    """The pdfminer exception a pdfplumber ``PdfminerException`` carries, else ``exc``."""
    wrapped = type(exc).__name__ == "PdfminerException" and exc.args
    return exc.args[0] if wrapped and isinstance(exc.args[0], BaseException) else exc


def short(exc: BaseException) -> str:
    """A library's message as one short line (its class name when it has none)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= DETAIL_LIMIT else text[: DETAIL_LIMIT - 1] + "…"
