"""Format by bytes, structural refusals before reading, reader-error translation, conversion."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from extractors import convert
from extractors.errors import reader_error
from extractors.guard import GuardLimits, check_pdf, check_zip
from extractors.sniff import detect_format
from pipeline.errors import (
    DamagedDocument,
    EncryptedDocument,
    ResourceLimit,
    TooLarge,
    UnsupportedFormat,
)

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _ole(path: Path, stream_name: str) -> Path:
    # Enough of a compound file for a byte-level judgement: magic, then directory names.
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream_name.encode("utf-16-le")
    path.write_bytes(body + bytes(1024))
    return path


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.pdf", MINIMAL_PDF, "pdf"),
        ("a.bin", b"junk before header\n" + MINIMAL_PDF, "pdf"),
        ("plan.docx", None, "docx"),
        ("plan.odt", None, "odt"),
    ],
)
def test_format_comes_from_bytes_not_name(tmp_path: Path, name: str, content: bytes | None,
                                          expected: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    elif expected == "docx":
        _zip(path, {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    else:
        _zip(path, {"mimetype": b"application/vnd.oasis.opendocument.text",
                    "content.xml": b"<office/>"})
    assert detect_format(path) == expected


def test_word_97_file_is_recognised_and_encrypted_word_is_refused(tmp_path: Path) -> None:
    assert detect_format(_ole(tmp_path / "old.doc", "WordDocument")) == "doc"
    with pytest.raises(EncryptedDocument, match="needs a password"):
        detect_format(_ole(tmp_path / "locked.docx", "EncryptedPackage"))
    with pytest.raises(UnsupportedFormat, match="not a Word document"):
        detect_format(_ole(tmp_path / "sheet.doc", "Workbook"))


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", DamagedDocument, "empty file"),
        (b"<!DOCTYPE html><html><body>plan</body></html>", UnsupportedFormat, "HTML page"),
        (b"\x00\x01binary noise" * 50, UnsupportedFormat, "not a PDF or DOCX"),
        (b"PK\x03\x04 cut short", DamagedDocument, "damaged or truncated ZIP"),
    ],
)
def test_bad_bytes_give_one_line_reasons(tmp_path: Path, content: bytes, error: type,
                                         words: str) -> None:
    path = tmp_path / "input.pdf"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        detect_format(path)
    assert words in caught.value.one_line()
    assert caught.value.one_line().startswith(f"{path}: ")
    assert "\n" not in caught.value.one_line()


def test_zip_that_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormat, match="not a Word .docx"):
        detect_format(_zip(tmp_path / "photos.docx", {"a.jpg": b"x"}))


def test_zip_bomb_caps_count_what_is_inflated(tmp_path: Path) -> None:
    limits = GuardLimits(max_unzipped_bytes=4 << 20, max_member_bytes=2 << 20)
    fine = _zip(tmp_path / "fine.docx", {"word/document.xml": b"<w:t>text</w:t>" * 1000})
    check_zip(fine, limits)
    big = _zip(tmp_path / "big.docx", {"word/document.xml": bytes(3 << 20)})
    with pytest.raises(TooLarge, match="'word/document.xml' unpacks to over 2 MB"):
        check_zip(big, limits)
    total = _zip(tmp_path / "total.docx", {f"word/media/{i}.bin": os.urandom(1 << 20)
                                           for i in range(5)})
    with pytest.raises(TooLarge, match="all entries together unpack to over 4 MB"):
        check_zip(total, limits)


def test_zip_member_that_inflates_past_its_declared_size_is_refused(tmp_path: Path) -> None:
    # The central directory says 2 KB; the deflate stream holds 64 MB of zeros.
    path = _zip(tmp_path / "liar.docx", {"word/document.xml": bytes(64 << 20)})
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (2048).to_bytes(4, "little")  # uncompressed size
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf:
        assert zf.infolist()[0].file_size == 2048
    with pytest.raises(TooLarge, match="declares 2048 bytes but inflates to more"):
        check_zip(path)


def test_zip_with_a_compression_method_we_do_not_read_gives_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "bz.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_BZIP2) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
    with pytest.raises(UnsupportedFormat, match="unsupported ZIP compression"):
        check_zip(path)


def test_damaged_zip_member_is_reported_as_damaged(tmp_path: Path) -> None:
    path = _zip(tmp_path / "crc.docx", {"word/document.xml": b"<w:t>text</w:t>" * 1000})
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 16] ^= 0xFF  # the CRC-32 the member must match
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDocument, match="checksum"):
        check_zip(path)


def test_password_protected_zip_entries_are_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "p.docx", {"word/document.xml": b"<w:document/>"})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit in the central directory entry.
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))
    with pytest.raises(EncryptedDocument):
        check_zip(path)


@pytest.mark.parametrize("offset, patch", [
    (6, (151).to_bytes(2, "little")),  # "version needed to extract" 15.1: zipfile refuses it
    (8, bytes([0x20])),  # flag bit 5, compressed patched data
    (8, bytes([0x40])),  # flag bit 6, strong encryption
])
def test_zip_entries_python_cannot_open_are_refused_with_a_reason(
        tmp_path: Path, offset: int, patch: bytes) -> None:
    path = _zip(tmp_path / "v.docx", {"word/document.xml": b"<w:document/>"})
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + offset:central + offset + len(patch)] = patch
    path.write_bytes(bytes(data))
    with pytest.raises(UnsupportedFormat, match="unsupported ZIP container .*re-save the doc"):
        # In the pipeline's order: the sniff reads the central directory (the version), the
        # guard every entry's header (the flags); neither may let zipfile's error through.
        assert detect_format(path) == "docx"
        check_zip(path)


def test_pdf_without_end_marker_is_truncated(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(MINIMAL_PDF[: len(MINIMAL_PDF) // 2])
    with pytest.raises(DamagedDocument, match="truncated"):
        check_pdf(path)


def _pdf_with_pages(found: int, declared: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(found))
    body = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [" + kids + b"] /Count %d >>\nendobj\n" % declared)
    for i in range(found):
        body += (b"%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\nendobj\n"
                 % (3 + i))
    return body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_pdf_whose_trailer_keyword_is_damaged_is_reported_as_damaged(tmp_path: Path) -> None:
    # Found by the fuzz: one flipped byte after "trailer" made pdfminer's xref reader fail an
    # assertion, which reached the user as an internal error.
    data = (Path(__file__).parents[2] / "samples" / "rl_youth_northvale.pdf").read_bytes()
    at = data.rfind(b"trailer\n")
    path = tmp_path / "trailer.pdf"
    path.write_bytes(data[:at] + b"trailer\xa9" + data[at + len(b"trailer\n"):])
    with pytest.raises(DamagedDocument, match="damaged or truncated PDF"):
        check_pdf(path)


def test_pdf_page_cap_counts_the_pages_the_tree_holds(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(_pdf_with_pages(found=11, declared=1))
    with pytest.raises(TooLarge, match="over 10 pages"):
        check_pdf(path, GuardLimits(max_pages=10))
    assert check_pdf(path, GuardLimits(max_pages=11)) == 11
    boast = tmp_path / "boast.pdf"
    boast.write_bytes(_pdf_with_pages(found=2, declared=5000))
    assert check_pdf(boast) == 2  # a declared count over the cap is not trusted either
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(MINIMAL_PDF.replace(b"/Count 0", b"/Count 5000"))
    with pytest.raises(DamagedDocument, match="no pages"):
        check_pdf(empty)


def test_reader_errors_are_translated_by_name() -> None:
    class PDFPasswordIncorrect(Exception):
        pass

    class PdfminerException(Exception):
        pass

    class PackageNotFoundError(Exception):
        pass

    where = Path("x.pdf")
    assert isinstance(reader_error(PDFPasswordIncorrect(), where), EncryptedDocument)
    damaged = reader_error(PdfminerException("Unexpected EOF"), where)
    assert isinstance(damaged, DamagedDocument)
    assert damaged.one_line() == "x.pdf: damaged or truncated PDF (Unexpected EOF)"
    assert "Word document" in reader_error(PackageNotFoundError("no package"), where).reason
    assert isinstance(reader_error(MemoryError(), where), ResourceLimit)
    assert reader_error(IndexError("our bug"), where) is None  # stays an internal error


def test_pdfplumber_wrapping_of_a_password_error_is_seen_through() -> None:
    class PDFPasswordIncorrect(Exception):
        pass

    class PdfminerException(Exception):
        pass

    try:
        try:
            raise PDFPasswordIncorrect()
        except PDFPasswordIncorrect as inner:
            raise PdfminerException(inner) from inner
    except PdfminerException as outer:
        assert isinstance(reader_error(outer, Path("x.pdf")), EncryptedDocument)


def test_legacy_format_without_libreoffice_says_what_to_do(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "soffice_path", lambda: None)
    path = _ole(tmp_path / "old.doc", "WordDocument")
    with pytest.raises(UnsupportedFormat) as caught, convert.converted_to_docx(path, "doc"):
        pass
    assert caught.value.one_line() == (
        f"{path}: .doc needs LibreOffice to convert; install libreoffice-writer or save as .docx"
    )


def _fake_soffice(folder: Path, script: str) -> str:
    exe = folder / "soffice"
    exe.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    return str(exe)


def test_conversion_runs_soffice_on_a_private_copy_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stand-in writes "<outdir>/<input stem>.docx" as LibreOffice does, and records its args.
    args_file = tmp_path / "args.txt"
    script = (f'echo "$@" > {args_file}\n'
              'while [ "$1" != "--outdir" ]; do shift; done; mkdir -p "$2"; '
              'echo converted > "$2/input.docx"\n')
    monkeypatch.setattr(convert, "soffice_path", lambda: _fake_soffice(tmp_path, script))
    source = _ole(tmp_path / "-rf odd name.doc", "WordDocument")
    with convert.converted_to_docx(source, "doc") as result:
        assert result.read_text(encoding="utf-8").strip() == "converted"
        made = result
    assert not made.exists()
    args = args_file.read_text(encoding="utf-8")
    assert "--convert-to docx" in args and "odd name" not in args


def test_conversion_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "soffice_path",
                        lambda: _fake_soffice(tmp_path, "exec sleep 60\n"))
    source = _ole(tmp_path / "old.doc", "WordDocument")
    with pytest.raises(ResourceLimit, match="took longer than 1 s"), \
            convert.converted_to_docx(source, "doc", timeout=1):
        pass


def test_conversion_that_produces_nothing_is_reported(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "soffice_path", lambda: _fake_soffice(tmp_path, "exit 0\n"))
    source = _ole(tmp_path / "old.doc", "WordDocument")
    with pytest.raises(DamagedDocument, match="could not convert"), \
            convert.converted_to_docx(source, "doc"):
        pass

