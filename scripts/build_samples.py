"""Build the Word samples: samples/<name>.docx, the PDF LibreOffice renders from it, and
samples/<name>.expected.json from the hand-written spec.

Usage: ``.venv/bin/python -m scripts.build_samples [NAME ...]`` (all specs when no name given).
Needs LibreOffice (``soffice``); tests and CI never run this: the documents are committed.
Every ``scripts/samples/plans_*.py`` module lists its specs in ``SPECS``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts.samples import render_nested, render_shapes
from scripts.samples.render_docx import render
from scripts.samples.spec import PlanSpec, expected_json

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def all_specs() -> list[PlanSpec]:
    """Every spec from every ``plans_*`` module, in file-name order."""
    specs: list[PlanSpec] = []
    for path in sorted((ROOT / "scripts" / "samples").glob("plans_*.py")):
        module = importlib.import_module(f"scripts.samples.{path.stem}")
        specs.extend(getattr(module, "SPECS", []))
    names = [s.name for s in specs]
    if len(names) != len(set(names)):
        raise SystemExit(f"duplicate sample names: {names}")
    return specs


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


def stable_pdf(blob: bytes) -> bytes:
    """Replace LibreOffice's creation date, file ID and checksum with values derived from the
    content, keeping every byte offset (the xref table stays valid)."""
    blob = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20200101090000", blob)
    hexes = re.compile(rb"(/ID \[ ?<|> ?\s*<|/DocChecksum /)([0-9A-F]{32})")
    blank = hexes.sub(lambda m: m.group(1) + b"0" * 32, blob)
    digest = hashlib.md5(blank).hexdigest().upper().encode()
    return hexes.sub(lambda m: m.group(1) + digest, blob)


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice using a private profile (no clash with other soffice runs)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to build the PDFs")
    with tempfile.TemporaryDirectory(prefix="lo_samples_") as tmp:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice wrote no PDF for {docx_path.name}")
    return pdf


def build(spec: PlanSpec, out_dir: Path = SAMPLES, pdf: bool = True) -> None:
    """Write one sample's .docx, .pdf and .expected.json into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    if spec.template in render_shapes.WORD_TEMPLATES:
        document = render_shapes.render(spec)
    elif spec.template == render_nested.TEMPLATE:
        document = render_nested.render(spec)
    else:
        document = render(spec)
    document.save(buf)
    docx_path = out_dir / f"{spec.name}.docx"
    docx_path.write_bytes(stable_docx(buf.getvalue()))
    if pdf:
        pdf_path = to_pdf(docx_path, out_dir)
        pdf_path.write_bytes(stable_pdf(pdf_path.read_bytes()))
    expected = json.dumps(expected_json(spec), indent=2, ensure_ascii=False) + "\n"
    (out_dir / f"{spec.name}.expected.json").write_text(expected, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Build the named samples (or all), printing one line per sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="sample names to build (default: all)")
    parser.add_argument("--out", type=Path, default=SAMPLES, help="output folder")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice conversion")
    args = parser.parse_args(argv)
    specs = all_specs()
    if args.names:
        unknown = set(args.names) - {s.name for s in specs}
        if unknown:
            parser.error(f"unknown sample(s): {', '.join(sorted(unknown))}")
        specs = [s for s in specs if s.name in args.names]
    for spec in specs:
        build(spec, args.out, pdf=not args.no_pdf)
        print(f"built {spec.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
