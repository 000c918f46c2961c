"""``make bench``: actionplan against its peers, in one run, on the same pages.

Builds a set of at least 200 pages by repeating the sample PDFs (in .bench/), then measures,
each in a fresh process and several times (median and min are printed):
- CPU-time pages/s (user + system of the whole process tree) and peak RSS of actionplan
  ``--jobs 1`` and ``--jobs 2`` (the command line, as a user runs it; wall time too), raw
  pdfplumber ``extract_tables()``, raw pypdfium2 characters + path objects (the parse limit),
  and Camelot lattice and PyMuPDF ``find_tables()`` from a separate venv the bench creates
  (.bench/peers: never a project dependency; PyMuPDF is AGPL, used here only to compare;
  ``pymupdf.layout`` is not imported, so its layout model stays off);
- start-up: wall time of ``actionplan --version`` and of one 2-page PDF end to end, and how
  long a 619-page non-plan (a manual in ../shared/realworld, read there) takes to dismiss;
- cost against pages: ms/page of single plans of 25/50/100/200 pages (--jobs 1);
- DOCX: files/s (CPU) over the sample .docx files repeated.
Ratios are printed beside each row. The four fast rows (actionplan --jobs 1 and 2, raw
pdfplumber, raw pypdfium2) run in rounds, one run of each per round, and each round's runs are
also compared with each other ("paired"): the shared machine's speed drifts by tens of per cent
over minutes, and one row measured after another would carry that drift into its ratio.
Numbers are printed, never asserted: the machine is shared, so the load average is printed
before and after.

The project's modules are byte-compiled first (``compile_project``), as ``pip install`` does
for an installed copy: the editable install of the development venv runs them from source, and
where PYTHONDONTWRITEBYTECODE is set (this machine's shells) every process compiled every
module at every start — about 0.1 s of CPU in the batch process and 0.15 s in each worker
that a user's installed copy never pays, while the peers' site-packages are compiled already.

``make bench`` is the quick run (3 runs of each fast measurement, 1 of each peer and 2 of each
long plan: about 10 minutes on 2 idle cores); ``BENCH_FULL=1 make bench`` takes 5, 3 and 3.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BENCH = ROOT / ".bench"
PEERS = BENCH / "peers"
# Real third-party documents (make realworld's); a 619-page manual among them is no plan.
REALWORLD = Path(os.environ.get("REALWORLD", ROOT.parent / "shared" / "realworld"))
ACTIONPLAN = Path(sys.executable).with_name("actionplan")
# Versions of the peers measured; installed only into .bench/peers.
PEER_PACKAGES = ["camelot-py==2.0.0", "pymupdf==2.0", "opencv-python-headless==5.0.0.93"]

RAW_PDFPLUMBER = """
import sys, pdfplumber
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
"""

# Every character's code and box, every path object's segments and points: what a reader must
# at least take from pdfium.
RAW_PDFIUM = """
import ctypes, sys
import pypdfium2 as pdfium
import pypdfium2.raw as c
box = c.FS_RECTF()
x, y = ctypes.c_float(), ctypes.c_float()
for name in sys.argv[1:]:
    doc = pdfium.PdfDocument(name)
    for index in range(len(doc)):
        page = doc[index]
        text = page.get_textpage()
        for i in range(c.FPDFText_CountChars(text.raw)):
            c.FPDFText_GetUnicode(text.raw, i)
            c.FPDFText_GetLooseCharBox(text.raw, i, box)
        for obj in page.get_objects(filter=[c.FPDF_PAGEOBJ_PATH], max_depth=8):
            for s in range(c.FPDFPath_CountSegments(obj.raw)):
                c.FPDFPathSegment_GetPoint(c.FPDFPath_GetPathSegment(obj.raw, s), x, y)
        text.close()
        page.close()
    doc.close()
"""

CAMELOT = """
import sys, warnings
warnings.simplefilter("ignore")
import camelot
for name in sys.argv[1:]:
    camelot.read_pdf(name, pages="all", flavor="lattice")
"""

PYMUPDF = """
import sys
import pymupdf
for name in sys.argv[1:]:
    doc = pymupdf.open(name)
    for page in doc:
        page.find_tables()
    doc.close()
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


def build_long_plan(source: Path, pages: int, folder: Path = BENCH / "long") -> Path:
    """One PDF of ``pages`` pages made by appending ``source``'s pages again and again,
    written into ``folder``."""
    target = folder / f"{source.stem}_{pages}p.pdf"
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


def compile_project() -> bool:
    """Byte-compile the project's packages (as an installed copy is); True when all compiled.
    Python still checks each .pyc against its source, so an edited module is never run stale."""
    return all(compileall.compile_dir(ROOT / package, quiet=1)
               for package in ("pipeline", "extractors", "actionplan"))


def measure(command: list[str]) -> dict:
    """Run ``command``; wall seconds, CPU seconds of it and its children, peak RSS (MB)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        last = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "code": process.returncode,
            "stderr": last if process.returncode else []}


def repeat(command: list[str], times: int) -> list[dict]:
    return [measure(command) for _ in range(times)]


def interleaved(commands: dict[str, list[str]], times: int) -> dict[str, list[dict]]:
    """Each command run ``times`` times, in rounds (one run of each per round), so a change
    in the shared machine's speed during the bench falls on every row alike, not on one."""
    runs: dict[str, list[dict]] = {label: [] for label in commands}
    for _ in range(times):
        for label, command in commands.items():
            runs[label].append(measure(command))
    return runs


def _paired(ours: list[dict], theirs: list[dict], key: str) -> str:
    """How many times ``theirs`` takes what ``ours`` takes of ``key``, round by round."""
    ratios = sorted(t[key] / o[key] for o, t in zip(ours, theirs, strict=True) if o[key])
    if not ratios:
        return "n/a"
    return f"{statistics.median(ratios):6.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f})"


def _stat(runs: list[dict], key: str) -> tuple[float, float]:
    values = [r[key] for r in runs]
    return statistics.median(values), min(values)


def actionplan(paths: list[Path], jobs: int, out: Path) -> list[str]:
    shutil.rmtree(out, ignore_errors=True)
    return [str(ACTIONPLAN), "extract", *map(str, paths), "--out", str(out), "--jobs",
            str(jobs), "--force", "--timeout", "600"]


def ensure_peers() -> Path | None:
    """The peers' venv (created on first use); None when it cannot be made."""
    python = PEERS / "bin" / "python"
    if python.exists():
        return python
    print("creating .bench/peers (Camelot, PyMuPDF; benchmark only) ...", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES],
                       check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"  peers unavailable: {exc}")
        return None
    return python


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main(argv: list[str] | None = None) -> int:
    """Build the sets, run every measurement, print the comparison."""
    full = os.environ.get("BENCH_FULL", "") not in ("", "0")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5 if full else 3,
                        help="runs of each fast measurement")
    parser.add_argument("--peer-repeat", type=int, default=3 if full else 1,
                        help="runs of Camelot and PyMuPDF (slow)")
    parser.add_argument("--long-repeat", type=int, default=3 if full else 2,
                        help="runs of each long plan")
    parser.add_argument("--long", type=int, nargs="+", default=[25, 50, 100, 200])
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args(argv)
    began = time.monotonic()

    files = build_set(args.min_pages)
    pages = sum(map(page_count, files))
    compiled = compile_project()
    print(f"machine: {platform.node()}, {cpu_name()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, {platform.system()} {platform.machine()}")
    print(f"load average at start: {load()}")
    print(f"set: {len(files)} files, {pages} pages (sample PDFs repeated); "
          f"{args.repeat} runs each (peers {args.peer_repeat}); median (min)")
    print("project modules byte-compiled first, as an installed copy is"
          + ("" if compiled else " (some failed to compile: they run from source)") + "\n")

    rows: dict[str, dict] = {}
    out = Path(tempfile.mkdtemp(prefix="bench-out-", dir=BENCH))

    def row(label: str, runs: list[dict], n: int = pages) -> dict:
        failed = [r for r in runs if r["code"] not in (0,)]
        cpu, cpu_min = _stat(runs, "cpu")
        wall, wall_min = _stat(runs, "wall")
        figures = {"cpu": cpu, "cpu_min": cpu_min, "wall": wall, "wall_min": wall_min,
                   "rate": n / cpu if cpu else 0.0, "rate_best": n / cpu_min if cpu_min else 0.0,
                   "wall_rate": n / wall if wall else 0.0,
                   "peak_mb": max(r["peak_mb"] for r in runs)}
        rows[label] = figures
        note = f"  (exit {failed[0]['code']}: {failed[0]['stderr']})" if failed else ""
        first = rows[next(iter(rows))]
        ratio = (f"   actionplan --jobs 1 = {first['rate'] / figures['rate']:5.2f}x this"
                 if figures is not first and figures["rate"] else "")
        print(f"  {label:<34} {figures['rate']:7.1f} ({figures['rate_best']:6.1f}) pages/s cpu"
              f"   {figures['wall_rate']:6.1f} pages/s wall   peak {figures['peak_mb']:5.0f} MB"
              f"{ratio}{note}", flush=True)
        return figures

    print("throughput on the set (pages per CPU-second of the process tree):")
    python = sys.executable
    fast = interleaved({
        "actionplan --jobs 1": actionplan(files, 1, out / "j1"),
        "actionplan --jobs 2": actionplan(files, 2, out / "j2"),
        "raw pdfplumber extract_tables()": [python, "-c", RAW_PDFPLUMBER, *map(str, files)],
        "raw pypdfium2 chars + paths": [python, "-c", RAW_PDFIUM, *map(str, files)],
    }, args.repeat)
    for label, runs in fast.items():
        row(label, runs)
    peers = None if args.no_peers else ensure_peers()
    if peers is not None:
        row("Camelot 2.0 lattice (peers venv)",
            repeat([str(peers), "-c", CAMELOT, *map(str, files)], args.peer_repeat))
        row("PyMuPDF 2.0 find_tables() (peers)",
            repeat([str(peers), "-c", PYMUPDF, *map(str, files)], args.peer_repeat))

    one = rows["actionplan --jobs 1"]
    print("\nratios (actionplan --jobs 1, pages per CPU-second, against each):")
    for label, figures in rows.items():
        if label != "actionplan --jobs 1" and figures["rate"]:
            print(f"  vs {label:<34} {one['rate'] / figures['rate']:6.2f}x")
    two = rows["actionplan --jobs 2"]
    print(f"  --jobs 2 vs --jobs 1, wall: {one['wall'] / two['wall']:.2f}x (median), "
          f"{one['wall_min'] / two['wall_min']:.2f}x (min)")
    print("paired (each round's runs against each other; median (lowest, highest) of rounds):")
    ones = fast["actionplan --jobs 1"]
    for label in ("raw pdfplumber extract_tables()", "raw pypdfium2 chars + paths"):
        print(f"  vs {label:<34} {_paired(ones, fast[label], 'cpu')}")
    twos = fast["actionplan --jobs 2"]
    print(f"  {'--jobs 2 vs --jobs 1, wall':<37} {_paired(twos, ones, 'wall')}")

    print("\nstart-up (wall seconds, median (min)):")
    version = repeat([str(ACTIONPLAN), "--version"], max(3, args.repeat))
    print("  actionplan --version               {:.2f} ({:.2f}) s".format(
        *_stat(version, "wall")))
    two_page = SAMPLES / "eastbrook_yot_2022.pdf"
    single = repeat(actionplan([two_page], 1, out / "single"), max(3, args.repeat))
    print("  2-page PDF end to end              {:.2f} ({:.2f}) s wall, {:.2f} ({:.2f}) s cpu"
          .format(*_stat(single, "wall"), *_stat(single, "cpu")))

    nonplan = REALWORLD / "office_pdf" / "unstructured" / "DA-619p.pdf"
    if nonplan.is_file():  # read where it is, never copied into the repository
        runs = repeat(actionplan([nonplan], 1, out / "nonplan"), max(3, args.repeat))
        print("  {}-page non-plan dismissed         {:.2f} ({:.2f}) s wall, {:.2f} ({:.2f}) s "
              "cpu".format(page_count(nonplan), *_stat(runs, "wall"), *_stat(runs, "cpu")))

    print("\ncost against pages (one plan per run, --jobs 1, CPU of the process tree):")
    longest = max(SAMPLES.glob("*.pdf"), key=page_count)
    per_page = []
    for n in args.long:
        plan = build_long_plan(longest, n)
        runs = repeat(actionplan([plan], 1, out / f"long{n}"), args.long_repeat)
        cpu, cpu_min = _stat(runs, "cpu")
        per_page.append(cpu / n)
        print(f"  {n:>4} pages: {1000 * cpu / n:6.1f} ({1000 * cpu_min / n:5.1f}) ms/page, "
              f"peak {max(r['peak_mb'] for r in runs):4.0f} MB")
    spread = max(per_page) / min(per_page) if per_page and min(per_page) else float("nan")
    print(f"  ms/page varies {spread:.2f}x from {args.long[0]} to {args.long[-1]} pages "
          "(start-up spread over more pages makes long plans cheaper per page)")

    docx = sorted(SAMPLES.glob("*.docx"))
    docx_set = BENCH / "docx"
    shutil.rmtree(docx_set, ignore_errors=True)
    docx_set.mkdir(parents=True)
    copies = [shutil.copyfile(p, docx_set / f"{i}_{p.name}") for i in range(3) for p in docx]
    runs = repeat(actionplan([docx_set], 1, out / "docx"), args.repeat)
    cpu, cpu_min = _stat(runs, "cpu")
    print(f"\nDOCX: {len(copies)} files, {len(copies) / cpu:.1f} ({len(copies) / cpu_min:.1f}) "
          "files/s cpu (--jobs 1)")
    print(f"\nload average at end: {load()}; the bench took {time.monotonic() - began:.0f} s")
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
