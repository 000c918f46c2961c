"""`make producers`: the samples as other producers draw them, scored per producer.

Our samples come from a few builders (python-docx + LibreOffice, reportlab, Chromium); real
plans come from many more. This re-draws the samples through producers none of our builders
is, without changing what they say, and scores each set against the samples' expected JSON:

- ``chromium``: each Word sample exported by LibreOffice as XHTML and printed by Chromium
  (merged cells cut by pages without borders, list labels set flush against their text,
  borders as filled rectangles drawn per cell and row);
- ``cairo``: each sample PDF re-drawn by poppler's cairo backend (``pdftocairo -pdf``: new
  fonts subsets, ligature glyphs, paths for every rule).

Needs LibreOffice, Chromium and poppler-utils; not run by CI (minutes of rendering).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.evaluate import evaluate_samples
from scripts.samples.catalogue import SAMPLES
from scripts.samples.office import run_with_profile
from scripts.samples.render_shapes import print_pdf
from scripts.stress import word_samples

FIELDS = ("recs_found", "recs_spurious", "rec_text", "actions_found", "action_text", "owners",
          "target_raw", "title", "report_published")


def _chromium(out: Path) -> list[str]:
    """Word samples → LibreOffice XHTML → Chromium PDF."""
    html_dir = out / "html"
    html_dir.mkdir(exist_ok=True)
    docs = [SAMPLES / f"{name}.docx" for name in word_samples()]
    run_with_profile("soffice", lambda profile: [
        f"-env:UserInstallation=file://{profile}", "--headless",
        "--convert-to", "html:XHTML Writer File:UTF8", "--outdir", str(html_dir),
        *map(str, docs)], timeout=900)
    made = []
    for doc in docs:
        html = html_dir / f"{doc.stem}.html"
        if html.exists():
            print_pdf(html, out / f"{doc.stem}.pdf")
            made.append(doc.stem)
    return made


def _cairo(out: Path) -> list[str]:
    """Sample PDFs → pdftocairo -pdf."""
    program = shutil.which("pdftocairo")
    if program is None:
        raise SystemExit("pdftocairo (poppler-utils) is needed for the cairo producer")
    made = []
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        if (SAMPLES / f"{pdf.stem}.expected.json").exists():
            subprocess.run([program, "-pdf", str(pdf), str(out / pdf.name)], check=True,
                           capture_output=True, timeout=120)
            made.append(pdf.stem)
    return made


PRODUCERS: dict[str, Callable[[Path], list[str]]] = {"chromium": _chromium, "cairo": _cairo}


def _score(name: str, folder: Path, made: list[str]) -> None:
    for stem in made:  # a producer changes the drawing, never the content
        shutil.copy(SAMPLES / f"{stem}.expected.json", folder / f"{stem}.expected.json")
    report = evaluate_samples(folder)
    totals = report.totals("pdf")
    cells = []
    for field in FIELDS:
        tally = totals.get(field)
        cells.append("    -" if tally is None or tally.ratio is None else f"{tally.ratio:.3f}")
    docs = [d for d in report.docs if d.format == "pdf"]
    worst = min(docs, default=None, key=lambda d: d.scores["action_text"].ratio or 0.0)
    shown = f"  {worst.name}" if worst is not None else ""
    print(f"{name:<10}{len(docs):>5}" + "".join(f"{c:>18}" for c in cells) + shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("producers", nargs="*", default=list(PRODUCERS),
                        help=f"producers to run (default: {', '.join(PRODUCERS)})")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build into DIR and keep it")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="producers_") as scratch:
        root = args.keep or Path(scratch)
        header = f"{'producer':<10}{'docs':>5}" + "".join(f"{f:>18}" for f in FIELDS)
        print(header + "  worst (action text)")
        print("-" * (len(header) + 22))
        for name in args.producers:
            folder = root / name
            folder.mkdir(parents=True, exist_ok=True)
            _score(name, folder, PRODUCERS[name](folder))
    print(f"\n{time.perf_counter() - start:.0f} s; fractions of expected items "
          "(recs_spurious: of predicted, lower is better)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
