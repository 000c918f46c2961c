"""The one map from a reader library's exception to the reason a user reads."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF
from pdfplumber.utils.exceptions import PdfminerException

from extractors.errors import (
    DETAIL_LIMIT,
    NEEDS_PASSWORD,
    DamagedDocument,
    EncryptedDocument,
    ErrorKind,
    ResourceLimit,
    TooLarge,
    failure_reading,
    reader_error,
    short,
)
from pipeline.errors import NoPlanFound

WHERE = Path("in/x.pdf")


def _pdfium_error(code: int) -> pdfium.PdfiumError:
    error = pdfium.PdfiumError("Failed to load document")
    error.err_code = code
    return error


@pytest.mark.parametrize("exc", [
    PDFPasswordIncorrect(),
    PdfminerException(PDFPasswordIncorrect()),
    _pdfium_error(pdfium_c.FPDF_ERR_PASSWORD),
    _pdfium_error(pdfium_c.FPDF_ERR_SECURITY),
], ids=["pdfminer", "pdfplumber-wrapped", "pdfium-password", "pdfium-security"])
def test_every_password_error_reads_the_same(exc: Exception) -> None:
    mapped = reader_error(exc, WHERE)
    assert isinstance(mapped, EncryptedDocument)
    assert mapped.one_line() == f"in/x.pdf: {NEEDS_PASSWORD}"
    assert mapped.kind == "encrypted"


@pytest.mark.parametrize(("exc", "reason"), [
    (PSEOF("Unexpected EOF"), "damaged or truncated PDF (Unexpected EOF)"),
    (PdfminerException(PSEOF("Unexpected EOF")), "damaged or truncated PDF (Unexpected EOF)"),
    (_pdfium_error(pdfium_c.FPDF_ERR_FORMAT),
     "damaged or truncated PDF (Failed to load document)"),
    (PDFEncryptionError("Unknown algorithm: param=7"),
     "encrypted with an unsupported scheme (Unknown algorithm: param=7); "
     "save an unencrypted copy"),
    (MemoryError(), "ran out of memory while reading"),
])
def test_library_errors_become_one_line_reasons(exc: Exception, reason: str) -> None:
    assert reader_error(exc, WHERE).reason == reason


def test_python_docx_errors_are_a_damaged_word_document() -> None:
    from docx.opc.exceptions import PackageNotFoundError

    mapped = reader_error(PackageNotFoundError("Package not found at 'x'"), Path("x.docx"))
    assert isinstance(mapped, DamagedDocument)
    assert mapped.reason == "damaged or truncated Word document (Package not found at 'x')"


def test_an_unknown_exception_stays_internal_unless_the_reader_says_what_it_opened() -> None:
    assert reader_error(KeyError("ours"), WHERE) is None
    mapped = reader_error(KeyError("/Root"), WHERE, otherwise="PDF")
    assert isinstance(mapped, DamagedDocument)
    assert mapped.reason == "damaged or truncated PDF ('/Root')"
    # What the library names keeps its meaning, whatever the reader was opening.
    assert isinstance(failure_reading("PDF", PDFPasswordIncorrect(), WHERE), EncryptedDocument)
    assert failure_reading("Word document", ValueError("bad"), WHERE).reason == (
        "damaged or truncated Word document (bad)")


def test_our_own_errors_pass_through_and_learn_their_path() -> None:
    ours = TooLarge("too large: 3000 pages")
    assert reader_error(ours, WHERE) is ours
    assert ours.one_line() == "in/x.pdf: too large: 3000 pages"
    named = TooLarge("too large", path="elsewhere.pdf")
    assert reader_error(named, WHERE).path == "elsewhere.pdf"
    assert isinstance(reader_error(MemoryError(), WHERE), ResourceLimit)


def test_a_long_library_message_is_cut_to_one_line() -> None:
    text = short(ValueError("word\n" * 200))
    assert "\n" not in text
    assert len(text) == DETAIL_LIMIT and text.endswith("…")
    assert short(ValueError()) == "ValueError"


def test_every_error_class_names_a_stable_kind() -> None:
    assert {ErrorKind(e.kind) for e in (EncryptedDocument, DamagedDocument, NoPlanFound)} == {
        "encrypted", "damaged", "no_plan_found"}
    assert f"{ErrorKind.NO_PLAN_FOUND}" == "no_plan_found"  # written as its value
