"""``make fuzz``: mutated PDFs and DOCX files through the real worker, checking the contract.

Each case is a sample with bytes flipped, cut short, or (DOCX) its ZIP members shuffled,
dropped or duplicated. The whole set runs as one batch (real extractor, time and memory
limits) and every file must end with one line: a plan or a one-line reason, never a
traceback or an internal error, within the time limit, leaving no stray files behind.

    python scripts/fuzz.py [--cases 2000] [--seed 1] [--jobs 2] [--timeout 30]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import warnings
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.batch import BatchOptions, run_batch  # noqa: E402
from pipeline.limits import Limits  # noqa: E402

SAMPLES = ROOT / "samples"


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _zip_shuffle(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = [(info, zin.read(info)) for info in zin.infolist()]
    action = rng.choice(["shuffle", "drop", "duplicate", "flip-member"])
    if action == "shuffle":
        rng.shuffle(members)
    elif action == "drop":
        members.pop(rng.randrange(len(members)))
    elif action == "duplicate":
        members.append(rng.choice(members))
    else:
        i = rng.randrange(len(members))
        members[i] = (members[i][0], _flip(members[i][1], rng) if members[i][1] else b"")
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        warnings.simplefilter("ignore")  # a duplicated member is the point
        for info, body in members:
            zout.writestr(info.filename, body)
    return buffer.getvalue()


def build_cases(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` mutated documents into ``folder``."""
    rng = random.Random(seed)
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx"))
    for n in range(count):
        source = rng.choice(sources)
        data = source.read_bytes()
        mutations = [_flip, _cut] + ([_zip_shuffle] if source.suffix == ".docx" else [])
        mutate = rng.choice(mutations)
        (folder / f"{n:05}-{mutate.__name__.strip('_')}-{source.name}").write_bytes(
            mutate(data, rng))
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="actionplan-fuzz-") as tmp:
        root = Path(tmp)
        cases, out = root / "cases", root / "out"
        cases.mkdir()
        build_cases(cases, args.cases, args.seed)
        scratch_before = set(Path(tempfile.gettempdir()).glob("actionplan-convert-*"))
        log = io.StringIO()
        started = time.monotonic()
        limits = Limits(timeout_s=args.timeout)
        report = run_batch([cases], BatchOptions(out, jobs=args.jobs, limits=limits), log,
                           tty=False)
        seconds = time.monotonic() - started
        problems = _check(report, log.getvalue(), out, args.cases, args.timeout)
        stray = set(Path(tempfile.gettempdir()).glob("actionplan-convert-*")) - scratch_before
        problems += [f"stray temporary folder {p}" for p in sorted(stray)]
    kinds: dict[str, int] = {}
    for result in report.results:
        key = result.status if result.status != "failed" else f"failed:{result.kind}"
        kinds[key] = kinds.get(key, 0) + 1
    print(f"fuzz: {args.cases} cases in {seconds:.0f} s (seed {args.seed}): "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for problem in problems[:50]:
        print(f"CONTRACT BROKEN: {problem}")
    return 1 if problems else 0


def _check(report, log: str, out: Path, count: int, timeout: float) -> list[str]:
    problems = []
    if len(report.results) != count:
        problems.append(f"{len(report.results)} results for {count} files")
    if "Traceback" in log:
        problems.append("a traceback in the log")
    for result in report.results:
        name = result.input.shown
        if result.status in ("failed", "no_plan"):
            if not result.reason or "\n" in result.reason or len(result.reason) > 300:
                problems.append(f"{name}: not one short line: {result.reason!r}")
            if result.kind in ("internal", "crashed"):
                problems.append(f"{name}: {result.kind}: {result.reason}")
        if result.seconds > timeout + 5:
            problems.append(f"{name}: ran {result.seconds:.0f} s past the {timeout:g} s limit")
    stray = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    problems += [f"stray temporary file {name}" for name in stray]
    return problems


if __name__ == "__main__":
    sys.exit(main())
