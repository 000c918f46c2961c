"""``make bench``: throughput, latency and memory of the batch against raw pdfplumber.

Builds a benchmark set of at least 200 pages by repeating the sample PDFs (in .bench/), then
in one run measures: raw pdfplumber ``extract_tables()`` over the same pages; the pipeline
with --jobs 1 and --jobs 2; and cost against pages on single plans of growing length.
Numbers are printed, never asserted: timing belongs in a benchmark, not in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.batch import BatchOptions, BatchReport, run_batch
from pipeline.limits import Limits

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BENCH = ROOT / ".bench"

RAW_SCRIPT = """
import json, resource, sys, time
import pdfplumber
start = time.perf_counter()
pages = 0
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            pages += 1
            page.close()
print(json.dumps({"seconds": time.perf_counter() - start, "pages": pages,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def page_count(path: Path) -> int:
    """Pages of a PDF, read with pdfium."""
    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def build_set(min_pages: int) -> list[Path]:
    """Copies of the sample PDFs, round-robin, until ``min_pages`` pages are reached."""
    folder = BENCH / "set"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    samples = sorted(SAMPLES.glob("*.pdf"))
    if not samples:
        raise SystemExit("no sample PDFs in samples/")
    counts = {s: page_count(s) for s in samples}
    files, pages, i = [], 0, 0
    while pages < min_pages:
        sample = samples[i % len(samples)]
        target = folder / f"{i:03d}_{sample.name}"
        shutil.copyfile(sample, target)
        files.append(target)
        pages += counts[sample]
        i += 1
    return files


def build_long_plan(source: Path, pages: int) -> Path:
    """One PDF of ``pages`` pages made by appending ``source``'s pages again and again."""
    target = BENCH / "long" / f"{source.stem}_{pages}p.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    src = pdfium.PdfDocument(str(source))
    out = pdfium.PdfDocument.new()
    try:
        while len(out) < pages:
            take = min(len(src), pages - len(out))
            out.import_pages(src, list(range(take)), index=len(out))
        out.save(str(target))
    finally:
        out.close()
        src.close()
    return target


def raw_pdfplumber(files: list[Path]) -> dict:
    """Raw ``extract_tables()`` over every page, in a fresh process for a clean peak memory."""
    result = subprocess.run([sys.executable, "-c", RAW_SCRIPT, *map(str, files)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def pipeline_run(files: list[Path], jobs: int, label: str) -> tuple[BatchReport, float]:
    """Run the batch with ``jobs`` workers into a fresh folder; return report and wall time."""
    out = BENCH / f"out_{label}"
    shutil.rmtree(out, ignore_errors=True)
    options = BatchOptions(out, jobs=jobs, force=True,
                           limits=Limits(timeout_s=600, max_memory_mb=1500))
    with open(os.devnull, "w", encoding="utf-8") as quiet:
        start = time.perf_counter()
        report = run_batch(files, options, quiet, tty=False)
        wall = time.perf_counter() - start
    failed = [r for r in report.results if r.status not in ("ok", "unchanged")]
    if failed:
        print(f"  warning: {len(failed)} files failed, e.g. {failed[0].input.shown}: "
              f"{failed[0].reason}")
    return report, wall


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def describe(label: str, report: BatchReport, wall: float) -> dict:
    """Print one line for a pipeline run and return its figures."""
    pages = sum(r.pages or 0 for r in report.results if r.status == "ok")
    latencies = [r.seconds for r in report.results if r.status == "ok"]
    busy = sum(latencies)
    figures = {
        "pages": pages, "wall": wall, "pages_per_s": pages / wall,
        "pages_per_busy_s": pages / busy if busy else 0.0,
        "median": statistics.median(latencies), "p95": _pct(latencies, 0.95),
        "peak_mb": max(report.worker_peaks_mb, default=0.0),
    }
    print(f"{label:<24} {pages:>5} pages  {wall:6.1f} s  {figures['pages_per_s']:6.1f} pages/s "
          f"(in workers {figures['pages_per_busy_s']:5.1f})  latency median "
          f"{figures['median']:.2f} s p95 {figures['p95']:.2f} s  peak/worker "
          f"{figures['peak_mb']:.0f} MB")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Build the set, run every measurement, print a comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-pages", type=int, default=200)
    parser.add_argument("--long", type=int, nargs="+", default=[25, 50, 100],
                        help="page counts of the single long plans")
    args = parser.parse_args(argv)

    files = build_set(args.min_pages)
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"{os.uname().sysname} {os.uname().machine}")
    print(f"benchmark set: {len(files)} files, {sum(map(page_count, files))} pages "
          f"(samples repeated)\n")

    raw = raw_pdfplumber(files)
    raw_rate = raw["pages"] / raw["seconds"]
    print(f"{'raw pdfplumber (1 proc)':<24} {raw['pages']:>5} pages  {raw['seconds']:6.1f} s  "
          f"{raw_rate:6.1f} pages/s  peak {raw['peak_mb']:.0f} MB")
    one = describe("pipeline --jobs 1", *pipeline_run(files, 1, "jobs1"))
    two = describe("pipeline --jobs 2", *pipeline_run(files, 2, "jobs2"))

    print("\ncost against pages (one plan per run, --jobs 1):")
    longest = max(SAMPLES.glob("*.pdf"), key=page_count)
    per_page, long_peak = [], 0.0
    for pages in args.long:
        plan = build_long_plan(longest, pages)
        report, _ = pipeline_run([plan], 1, f"long{pages}")
        result = report.results[0]
        per_page.append(result.seconds / pages)
        long_peak = max(report.worker_peaks_mb, default=0.0)
        print(f"  {pages:>4} pages: {result.status:<8} {result.seconds:6.2f} s  "
              f"{1000 * result.seconds / pages:6.1f} ms/page  worker peak "
              f"{max(report.worker_peaks_mb, default=0):.0f} MB")

    print("\ntargets:")
    print(f"  throughput vs raw pdfplumber (jobs 1, in workers): "
          f"{one['pages_per_busy_s'] / raw_rate:.2f}x (target >= 0.85)")
    print(f"  throughput vs raw pdfplumber (jobs 1, wall incl. start-up): "
          f"{one['pages_per_s'] / raw_rate:.2f}x")
    print(f"  --jobs 2 vs --jobs 1 (wall): {two['pages_per_s'] / one['pages_per_s']:.2f}x "
          f"(target >= 1.8 on two idle cores)")
    print(f"  peak memory of the worker on the {args.long[-1]}-page plan: {long_peak:.0f} MB "
          "(target <= 300 MB)")
    spread = max(per_page) / min(per_page) if per_page and min(per_page) > 0 else float("nan")
    print(f"  linearity: ms/page varies {spread:.2f}x from {args.long[0]} to {args.long[-1]} "
          f"pages (1.0 = perfectly linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
