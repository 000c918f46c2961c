"""The sample builder: draw every sample's documents from its spec, or check the committed ones.

    python -m scripts.samples [NAME ...] [--out DIR]    build (default: into each spec's folder)
    python -m scripts.samples --check [NAME ...] [--jobs N]   rebuild in a temp folder, compare
    python -m scripts.samples --list                    name, renderer and documents of each
    python -m scripts.samples --schema                  the JSON Schema of a spec file

``--check`` exits 1 when a spec disagrees with its expected file, or a rebuilt document differs
from the committed one: same bytes, or else the same text (paragraph by paragraph for .docx,
page by page for PDF), since LibreOffice and Chromium may stamp bytes that do not matter.
Documents whose renderer needs a program that is not installed are reported as skipped.
``--no-convert`` builds and checks only what needs no outside program. The build is
deterministic: rebuilding unchanged specs rewrites the committed files byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from itertools import repeat
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from scripts.samples import catalogue, renderers
from scripts.samples.catalogue import Sample
from scripts.samples.office import find_program
from scripts.samples.spec import VariantSpec, spec_schema


class Match(StrEnum):
    SAME_BYTES = "same bytes"
    SAME_TEXT = "same text"
    DIFFERS = "differs"
    MISSING = "not committed"


def docx_text(path: Path) -> list[str]:
    """Every paragraph's text in the main document part, in order (tables included)."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter("{*}t")) for p in root.iter("{*}p")]


def pdf_text(path: Path) -> list[str]:
    """Every page's text, as pdfium reads it."""
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def compare(built: Path, committed: Path) -> Match:
    """How a rebuilt document compares with the committed one."""
    if not committed.exists():
        return Match.MISSING
    if built.read_bytes() == committed.read_bytes():
        return Match.SAME_BYTES
    text = docx_text if built.suffix == ".docx" else pdf_text
    return Match.SAME_TEXT if text(built) == text(committed) else Match.DIFFERS


def _selected(samples: dict[str, Sample], names: list[str]) -> list[Sample]:
    unknown = sorted(set(names) - set(samples))
    if unknown:
        raise SystemExit(f"unknown sample(s): {', '.join(unknown)}")
    return [s for s in samples.values() if not names or s.name in names]


def _missing_program(sample: Sample, convert: bool) -> str | None:
    program = renderers.renderer(sample.spec).converter
    if convert and program and not find_program(program):
        return program
    return None


def build(selected: list[Sample], samples: dict[str, Sample], out: Path | None,
          convert: bool) -> int:
    """Draw each sample into ``out`` (or its own folder)."""
    specs = catalogue.specs(samples)
    for sample in selected:
        folder = out or sample.folder
        written = renderers.draw(sample.spec, renderers.Build(folder, specs, convert))
        print(f"built {sample.name}: {', '.join(p.name for p in written) or 'nothing'}")
    return 0


@dataclass(frozen=True)
class Checked:
    """One sample's check: lines to print, and how many of them are problems."""

    lines: list[str]
    problems: int
    skipped: bool = False


def check_one(sample: Sample, samples: dict[str, Sample], tmp: Path, convert: bool) -> Checked:
    """Check ``sample``'s spec against its expected file and its rebuilt documents (in ``tmp``)
    against the committed ones."""
    problems = catalogue.disagreements(sample, samples)
    program = _missing_program(sample, convert)
    if program:
        return Checked([f"{sample.name}: skipped ({program} not installed)", *problems],
                       len(problems), skipped=True)
    build = renderers.Build(tmp / sample.name, catalogue.specs(samples), convert)
    lines: list[str] = []
    for path in renderers.draw(sample.spec, build):
        match = compare(path, sample.folder / path.name)
        line = f"{sample.name}: {path.name} {match}"
        (problems if match in (Match.DIFFERS, Match.MISSING) else lines).append(line)
    return Checked(lines + problems, len(problems))


def check(selected: list[Sample], samples: dict[str, Sample], convert: bool,
          jobs: int = 1) -> int:
    """Rebuild into a temporary folder and compare; 1 on any disagreement or difference."""
    with tempfile.TemporaryDirectory(prefix="samples_check_") as tmp, \
            ProcessPoolExecutor(max_workers=jobs) as pool:
        each = pool.map if jobs > 1 else map
        results = each(check_one, selected, repeat(samples), repeat(Path(tmp)), repeat(convert))
        problems = skipped = 0
        for result in results:
            for line in result.lines:
                print(line, flush=True)
            problems += result.problems
            skipped += result.skipped
    print(f"{len(selected)} samples checked, {skipped} skipped, {problems} problems")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    """Command line entry (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m scripts.samples",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="samples (default: all)")
    parser.add_argument("--check", action="store_true", help="rebuild and compare, write nothing")
    parser.add_argument("--list", action="store_true", help="list the samples")
    parser.add_argument("--schema", action="store_true",
                        help="print the JSON Schema of a spec file (from scripts/samples/spec.py)")
    parser.add_argument("--out", type=Path, help="build into this folder instead")
    parser.add_argument("--no-convert", action="store_true",
                        help="skip steps that need LibreOffice or Chromium")
    parser.add_argument("--jobs", type=int, default=1,
                        help="check this many samples at once (each LibreOffice run has a "
                        "private profile)")
    args = parser.parse_args(argv)
    if args.schema:
        print(json.dumps(spec_schema(), indent=2))
        return 0
    samples = catalogue.load_samples()
    selected = _selected(samples, args.names)
    convert = not args.no_convert
    if args.list:
        for sample in selected:
            spec = sample.spec
            if isinstance(spec, VariantSpec):
                kind = f"variant {spec.variant} of {spec.base}"
            else:
                kind = spec.template
            docs = " ".join(str(p.relative_to(catalogue.ROOT)) for p in sample.documents())
            print(f"{sample.name:<40} {kind:<28} {docs}")
        return 0
    if args.check:
        return check(selected, samples, convert, max(1, args.jobs))
    return build(selected, samples, args.out, convert)


if __name__ == "__main__":
    sys.exit(main())
