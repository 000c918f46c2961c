"""Safety checks run before a reader opens a file.

Each check looks only at structure (PDF trailer and page tree, ZIP central directory) so that
a hostile file is refused before any expensive or unbounded work starts.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extractors.errors import (
    NEEDS_PASSWORD,
    DamagedDocument,
    EncryptedDocument,
    TooLarge,
    UnsupportedFormat,
    failure_reading,
    unreadable_zip,
)

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class GuardLimits:
    """Structural caps; generous for real plans, small next to the worker's memory limit."""

    max_pages: int = 2000
    max_unzipped_bytes: int = 512 * MB  # all entries of a DOCX together, as inflated
    max_member_bytes: int = 256 * MB  # one entry, as inflated (document.xml of a huge plan)


DEFAULT_LIMITS = GuardLimits()
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # ZIP local file header, 30 bytes
_CHUNK = 1 << 16
# General-purpose flag bits 5 (compressed patched data) and 6 (strong encryption): Python's
# zipfile refuses to open such an entry, so the reader would fail on it after this check.
_FLAGS_ZIPFILE_REFUSES = 0x20 | 0x40


def check_pdf(path: Path, limits: GuardLimits = DEFAULT_LIMITS) -> int | None:
    """Refuse truncated, password-protected, page-less or over-long PDFs; return the number of
    pages the page tree holds (None when it cannot be walked)."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise DamagedDocument(
            "damaged or truncated PDF: no end-of-file marker (download cut short?)", path=str(path)
        )
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as fh:
        try:
            document = PDFDocument(PDFParser(fh), password="")
        except Exception as exc:
            # Only pdfminer's parse of the file's own structure runs here, so whatever it
            # raises (an assertion on a damaged trailer keyword, too) says the PDF is damaged.
            raise failure_reading("PDF", exc, path) from exc
        pages = _count_pages(document, limits, path)
    if pages == 0:
        raise DamagedDocument("no pages: the PDF holds no page", path=str(path))
    return pages


def _count_pages(document: object, limits: GuardLimits, path: Path) -> int | None:
    """Pages found by walking the page tree (its declared /Count is not trusted), stopping
    as soon as the cap is passed; None when the tree is too broken to walk."""
    found = 0
    try:
        for _ in _page_leaves(document):
            found += 1
            if found > limits.max_pages:
                raise TooLarge(f"too large: over {limits.max_pages} pages "
                               f"(limit {limits.max_pages}); split the PDF", path=str(path))
    except TooLarge:
        raise
    except Exception:
        return None  # a broken page tree is the reader's to report, with more context
    return found


def _page_leaves(document: Any) -> Iterator[int]:
    """Object ids of the page tree's /Page leaves, in order: the objects and the order
    pdfminer's ``PDFPage.create_pages`` finds, including its fallback to every /Page object
    the cross-reference tables hold when the tree yields none.

    Only the tree is read: create_pages also builds a PDFPage per leaf (resolving its
    resources, boxes and content streams, and the page labels), which counting does not
    need and which cost about half of the walk.
    """
    from pdfminer import settings
    from pdfminer.pdfpage import LITERAL_PAGE
    from pdfminer.pdftypes import PDFObjectNotFound

    catalog = document.catalog
    leaves = False
    if "Pages" in catalog:
        for objid in _tree_leaves(document, catalog["Pages"], set(), strict=settings.STRICT):
            leaves = True
            yield objid
    if leaves:
        return
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                obj = document.getobj(objid)
            except PDFObjectNotFound:
                continue
            if isinstance(obj, dict) and obj.get("Type") is LITERAL_PAGE:
                yield objid


def _tree_leaves(document: Any, node: Any, visited: set[Any], *, strict: bool) -> Iterator[int]:
    # The same steps as create_pages' depth_first_search (same lookups, same recursion, so
    # the same trees fail), minus copying inherited attributes, which counting never reads.
    from pdfminer.pdfpage import LITERAL_PAGE, LITERAL_PAGES
    from pdfminer.pdftypes import dict_value, list_value

    if isinstance(node, int):
        objid = node
        props = dict_value(document.getobj(objid))
    else:
        objid = node.objid
        props = dict_value(node)
    if objid in visited:
        return
    visited.add(objid)
    kind = props.get("Type")
    if kind is None and not strict:
        kind = props.get("type")
    if kind is LITERAL_PAGES and "Kids" in props:
        for child in list_value(props["Kids"]):
            yield from _tree_leaves(document, child, visited, strict=strict)
    elif kind is LITERAL_PAGE:
        yield objid


def check_zip(path: Path, limits: GuardLimits = DEFAULT_LIMITS) -> None:
    """Refuse ZIP bombs by inflating every member with a running byte budget, keeping nothing.

    Declared sizes are not trusted: a member that inflates past its declared size, past
    the per-member cap or past the total cap is refused as soon as the budget runs out, so
    a reader that later inflates the same members can never allocate more than was seen.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _refuse_declared_bomb(infos, limits, path)
            budget = [limits.max_unzipped_bytes]
            for info in infos:
                for _ in stream_member(zf, info, limits, budget, path=path):
                    pass
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise DamagedDocument("damaged or truncated ZIP container", path=str(path)) from exc
    except NotImplementedError as exc:
        raise unreadable_zip(exc, path) from exc


def _refuse_declared_bomb(infos: list[zipfile.ZipInfo], limits: GuardLimits,
                          path: Path) -> None:
    # Inflating never yields more than declared (stream_member enforces it), so a declared
    # size over a cap is refused at once, without spending the time to inflate it.
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(NEEDS_PASSWORD, path=str(path))
        total += info.file_size
        if info.file_size > limits.max_member_bytes or total > limits.max_unzipped_bytes:
            _refuse_bomb(info, 0, info.file_size <= limits.max_member_bytes, path, limits)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: GuardLimits,
                budget: list[int], *, path: Path) -> bytes:
    """One member's bytes, inflated under ``budget`` (a one-item list, decremented)."""
    return b"".join(stream_member(zf, info, limits, budget, path=path))


def stream_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: GuardLimits,
                  budget: list[int], *, path: Path) -> Iterator[bytes]:
    """Yield a member's inflated bytes in chunks, counting what is actually produced.

    Reads the raw member after its local header (as zipfile does) and inflates at most
    one chunk at a time, so memory stays bounded whatever the member claims.
    """
    _check_readable(info, path)
    allowed = min(limits.max_member_bytes, budget[0])
    fp = _seek_member_data(zf, info)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type else None
    left = info.compress_size
    produced = 0
    crc = 0
    while True:
        raw = fp.read(min(_CHUNK, left)) if left > 0 else b""
        left -= len(raw)
        if not raw and left > 0:
            raise EOFError(f"{info.filename!r} is cut short")
        pieces = _inflate(inflater, raw, left <= 0) if inflater else [raw]
        for piece in pieces:
            produced += len(piece)
            if produced > allowed:
                _refuse_bomb(info, allowed, budget[0] < limits.max_member_bytes, path, limits)
            if produced > info.file_size:
                raise TooLarge(
                    f"refused: {info.filename!r} declares {info.file_size} bytes but inflates "
                    "to more (ZIP bomb?)",
                    path=str(path),
                )
            crc = zlib.crc32(piece, crc)
            yield piece
        if left <= 0:
            break
    budget[0] -= produced
    if produced != info.file_size or crc != info.CRC:
        raise DamagedDocument(
            f"damaged ZIP container: {info.filename!r} does not match its checksum",
            path=str(path),
        )


def _check_readable(info: zipfile.ZipInfo, path: Path) -> None:
    """Refuse a member we cannot inflate: encrypted, patched, or compressed by another method."""
    if info.flag_bits & 0x1:
        raise EncryptedDocument(NEEDS_PASSWORD, path=str(path))
    if info.flag_bits & _FLAGS_ZIPFILE_REFUSES:
        raise unreadable_zip(NotImplementedError(f"patched or strongly encrypted entry "
                                                 f"{info.filename!r}"), path)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UnsupportedFormat(
            f"unsupported ZIP compression (method {info.compress_type}) in {info.filename!r}; "
            "re-save the document",
            path=str(path),
        )


def _seek_member_data(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    """The archive's file positioned at the member's raw data, past its local header."""
    fp = zf.fp
    if fp is None:
        raise OSError("ZIP file is closed")
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename!r}")
    name_len, extra_len = _LOCAL_HEADER.unpack(header)[-2:]
    fp.seek(name_len + extra_len, 1)
    return fp


def _inflate(inflater: zlib._Decompress, raw: bytes, last: bool) -> Iterator[bytes]:
    # max_length keeps each step to one chunk of output, however well the input compresses.
    data = raw
    while True:
        piece = inflater.decompress(data, _CHUNK)
        if piece:
            yield piece
        data = inflater.unconsumed_tail
        if not data:
            break
    if last:
        while not inflater.eof:
            piece = inflater.decompress(b"", _CHUNK)
            if not piece:
                break
            yield piece


def _refuse_bomb(info: zipfile.ZipInfo, allowed: int, total: bool, path: Path,
                 limits: GuardLimits) -> None:
    cap = limits.max_unzipped_bytes if total else limits.max_member_bytes
    what = "all entries together unpack" if total else f"{info.filename!r} unpacks"
    raise TooLarge(
        f"refused: {what} to over {cap // MB} MB (ZIP bomb or oversized document)",
        path=str(path),
    )
