"""`make stress`: every Word sample re-rendered in every layout variant, scored per variant.

A variant changes how a plan is laid out, never what it says (scripts/samples/variants.py), so
each variant's PDFs are scored against the unchanged sample's expected JSON. Prints, per
variant, the pooled recommendations found, actions found, recommendation and action text on
PDF, and the worst document; the aim is >= 0.95 on recommendations found and action text everywhere.
Needs LibreOffice. Builds run in parallel (--jobs), each with a private LibreOffice profile.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline.evaluate import evaluate_samples
from scripts.samples.catalogue import SAMPLES, load_samples
from scripts.samples.spec import PlanSpec
from scripts.samples.variants import VARIANTS, build_variant, variant_name

AIM = 0.95
FIELDS = ("recs_found", "actions_found", "rec_text", "action_text")


def _build(job: tuple[str, str, str]) -> str:
    sample, variant, out = job
    spec = load_samples()[sample].spec
    try:
        build_variant(spec, variant, Path(out))
    except (Exception, SystemExit) as exc:  # a variant a builder cannot draw is reported
        return f"{sample}:{variant}: not built ({type(exc).__name__}: {exc})"
    # The content is the unchanged sample's: a layout variant expects the same JSON.
    expected = SAMPLES / f"{sample}.expected.json"
    target = Path(out) / f"{variant_name(sample, variant)}.expected.json"
    target.write_bytes(expected.read_bytes())
    return ""


def word_samples() -> list[str]:
    """Plan samples in samples/ that exist as a Word document the variants can re-render."""
    return [s.name for s in load_samples().values() if s.folder == SAMPLES
            and isinstance(s.spec, PlanSpec) and (SAMPLES / f"{s.name}.docx").exists()]


def _ratio(totals, name: str) -> str:
    tally = totals.get(name)
    return "   -" if tally is None or tally.ratio is None else f"{tally.ratio:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", default=list(VARIANTS),
                        help=f"variants to run (default: all of {', '.join(VARIANTS)})")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="build into DIR and keep the PDFs; variants already there are "
                        "scored without rebuilding (the builds do not depend on the reader)")
    args = parser.parse_args(argv)
    samples = word_samples()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stress_") as scratch:
        tmp = str(args.keep or scratch)
        jobs = []
        for variant in args.variants:
            (Path(tmp) / variant).mkdir(parents=True, exist_ok=True)
            jobs += [(s, variant, str(Path(tmp) / variant)) for s in samples
                     if not (Path(tmp) / variant / f"var_{s}_{variant}.pdf").exists()]
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            problems = [p for p in pool.map(_build, jobs) if p]
        built = time.perf_counter() - start
        header = f"{'variant':<15}{'docs':>5}" + "".join(f"{f:>15}" for f in FIELDS)
        print(header + "  worst document (recs found / action text)")
        print("-" * (len(header) + 42))
        below = []
        for variant in args.variants:
            report = evaluate_samples(Path(tmp) / variant)
            totals = report.totals("pdf")
            docs = [d for d in report.docs if d.format == "pdf"]
            worst = min(docs, default=None, key=lambda d: (
                d.scores["recs_found"].ratio or 0.0, d.scores["action_text"].ratio or 0.0))
            shown = ""
            if worst is not None:
                shown = (f"  {worst.name} ({_ratio(worst.scores, 'recs_found')} / "
                         f"{_ratio(worst.scores, 'action_text')})")
            print(f"{variant:<15}{len(docs):>5}" + "".join(
                f"{_ratio(totals, f):>15}" for f in FIELDS) + shown)
            if any((totals.get(f) is None or (totals[f].ratio or 0.0) < AIM)
                   for f in ("recs_found", "action_text")):
                below.append(variant)
    print(f"\n{len(samples)} Word samples x {len(args.variants)} variants, PDF via LibreOffice; "
          f"{time.perf_counter() - start:.0f} s ({built:.0f} s building).")
    print(f"below the {AIM} aim (recs found or action text): {', '.join(below) or 'none'}")
    unbuilt: dict[str, str] = {}
    for problem in problems:
        sample, _, why = problem.partition(":")
        unbuilt.setdefault(sample, why.split(": ", 1)[-1])
    for sample, why in unbuilt.items():
        print(f"{sample}: not drawn by the variant builder ({why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
