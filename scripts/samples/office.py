"""Saving documents so rebuilds are byte-identical, running the outside programs (LibreOffice,
Chromium) with a private profile, and LibreOffice's PDF conversion.

Shared by every renderer that writes .docx or converts to PDF (scripts/samples/renderers.py).
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The outside programs a renderer may need, by name, with the names they are installed under.
PROGRAMS = {"soffice": ("soffice", "libreoffice"), "chromium": ("chromium", "chromium-browser")}
ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # every .docx entry's date, so the zip bytes do not drift


def stable_docx(blob: bytes) -> bytes:
    """Rewrite the .docx zip with fixed entry dates and order, so rebuilds are byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def save_docx(document: Any, path: Path) -> Path:
    """Save a python-docx document to ``path`` with ``stable_docx``."""
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(stable_docx(buf.getvalue()))
    return path


def stable_pdf(blob: bytes) -> bytes:
    """Replace LibreOffice's creation date, file ID and checksum with values derived from the
    content, keeping every byte offset (the xref table stays valid)."""
    blob = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20200101090000", blob)
    hexes = re.compile(rb"(/ID \[ ?<|> ?\s*<|/DocChecksum /)([0-9A-F]{32})")
    blank = hexes.sub(lambda m: m.group(1) + b"0" * 32, blob)
    digest = hashlib.md5(blank).hexdigest().upper().encode()
    return hexes.sub(lambda m: m.group(1) + digest, blob)


def find_program(name: str) -> str | None:
    """The path of outside program ``name`` (a key of ``PROGRAMS``), or None if not installed."""
    return next((found for found in map(shutil.which, PROGRAMS[name]) if found), None)


def run_with_profile(name: str, args: Callable[[Path], list[str]], timeout: float) -> None:
    """Run program ``name`` with ``args(profile)``, ``profile`` a fresh private folder, so
    parallel runs never share state and none is left behind."""
    program = find_program(name)
    if program is None:
        raise SystemExit(f"{' or '.join(PROGRAMS[name])} is needed to build this sample")
    with tempfile.TemporaryDirectory(prefix=f"{name}_samples_") as tmp:
        subprocess.run([program, *args(Path(tmp) / "profile")],
                       check=True, capture_output=True, timeout=timeout)


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice; the PDF is written with ``stable_pdf``."""
    run_with_profile("soffice", lambda profile: [
        f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
        "--outdir", str(out_dir), str(docx_path)], timeout=300)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice wrote no PDF for {docx_path.name}")
    pdf.write_bytes(stable_pdf(pdf.read_bytes()))
    return pdf
