"""Accuracy of extraction on the samples: ``python -m pipeline.evaluate samples [--json]``.

For every ``<stem>.expected.json`` the PDF and DOCX beside it (whichever exist) are extracted
and scored field by field (see ``pipeline.metrics``); the report is per document, per format
and overall, pooled over items.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import score_table
from pipeline.metrics import (
    FIELDS,
    LOWER_IS_BETTER,
    Scores,
    Tally,
    add_scores,
    field_names,
    score_failure,
    score_plan,
)

FORMATS = ("pdf", "docx")
EXPECTED_SUFFIX = ".expected.json"


@dataclass
class DocResult:
    """Scores of one document; ``error`` is the one-line failure when extraction raised."""

    name: str
    format: str
    path: Path
    scores: Scores
    error: str | None = None


@dataclass
class EvalReport:
    """Every document's result, plus sample stems that had no document at all."""

    docs: list[DocResult] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def totals(self, fmt: str | None = None) -> Scores:
        """Pooled tallies over the documents of one format, or all when ``fmt`` is None."""
        return add_scores(d.scores for d in self.docs if fmt is None or d.format == fmt)

    def to_json(self) -> dict[str, Any]:
        """The report as plain data: per document and per format, hits/total/ratio per field."""

        def dump(scores: Scores) -> dict[str, Any]:
            return {
                k: {"hits": t.hits, "total": t.total, "ratio": t.ratio} for k, t in scores.items()
            }

        return {
            "documents": [
                {"name": d.name, "format": d.format, "error": d.error, "scores": dump(d.scores)}
                for d in self.docs
            ],
            "missing": self.missing,
            "totals": {
                **{fmt: dump(self.totals(fmt)) for fmt in FORMATS},
                "all": dump(self.totals()),
            },
        }


def expected_files(samples_dir: Path, only: str | None = None) -> list[Path]:
    """The ``*.expected.json`` files of a samples folder, sorted; ``only`` picks one stem."""
    files = sorted(samples_dir.glob(f"*{EXPECTED_SUFFIX}"))
    if only is not None:
        files = [f for f in files if sample_stem(f) == only]
    return files


def sample_stem(expected_path: Path) -> str:
    """'samples/x.expected.json' → 'x'."""
    return expected_path.name.removesuffix(EXPECTED_SUFFIX)


def predicted_dict(path: Path) -> dict[str, Any]:
    """Extract one document and return its output as JSON-shaped data."""
    # Imported here so an unfinished extractor costs its documents, not the whole report.
    from pipeline.extract import extract_file

    return extract_file(path).model_dump(mode="json")


def one_line_error(exc: BaseException) -> str:
    """'<Type>: <message>' on one line."""
    reason = exc.one_line() if hasattr(exc, "one_line") else str(exc)
    return f"{type(exc).__name__}: {reason}".replace("\n", " ")


def evaluate_document(path: Path, expected: dict[str, Any]) -> DocResult:
    """Extract and score one document; a raising extraction scores as nothing found."""
    stem = path.name.rsplit(".", 1)[0]
    fmt = path.suffix.lstrip(".").lower()
    try:
        predicted = predicted_dict(path)
    except Exception as exc:  # any failure is a result to report, not a reason to stop
        return DocResult(stem, fmt, path, score_failure(expected), one_line_error(exc))
    return DocResult(stem, fmt, path, score_plan(expected, predicted))


def evaluate_samples(samples_dir: Path, only: str | None = None) -> EvalReport:
    """Score every sample document in ``samples_dir`` against its expected JSON."""
    report = EvalReport()
    for exp_path in expected_files(samples_dir, only):
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        stem = sample_stem(exp_path)
        docs = [samples_dir / f"{stem}.{fmt}" for fmt in FORMATS]
        docs = [d for d in docs if d.exists()]
        if not docs:
            report.missing.append(stem)
        for doc in docs:
            report.docs.append(evaluate_document(doc, expected))
    return report


def _cell(scores: Scores, name: str) -> str:
    tally = scores.get(name)
    return "-" if tally is None or tally.ratio is None else f"{tally.ratio:.2f}"


def report_fields(report: EvalReport) -> list[str]:
    """Every field any document was scored on, named fields first in report order."""
    return field_names(report.totals())


# The table is printed in blocks of this many columns, so that it fits a terminal.
COLUMNS_PER_BLOCK = 14


def format_table(report: EvalReport) -> str:
    """Fixed-width tables: one row per document, then pooled rows per format and overall."""
    names = report_fields(report)
    name_w = max([len(f"{d.name}.{d.format}") for d in report.docs] + [12])
    col_w = max(len(FIELDS.get(n, n)) for n in names) + 1
    blocks = []
    for first in range(0, len(names), COLUMNS_PER_BLOCK):
        block = names[first : first + COLUMNS_PER_BLOCK]
        header = "document".ljust(name_w) + "".join(FIELDS.get(n, n).rjust(col_w) for n in block)
        lines = [header, "-" * len(header)]
        for doc in report.docs:
            label = f"{doc.name}.{doc.format}" + (" !" if doc.error else "")
            lines.append(
                label.ljust(name_w) + "".join(_cell(doc.scores, n).rjust(col_w) for n in block)
            )
        lines.append("-" * len(header))
        for fmt in (*FORMATS, None):
            totals = report.totals(fmt)
            label = f"ALL {fmt or 'formats'}"
            lines.append(
                label.ljust(name_w) + "".join(_cell(totals, n).rjust(col_w) for n in block)
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def format_summary(report: EvalReport) -> list[str]:
    """One line per format (and overall) naming every field with hits/total."""
    out = []
    names = report_fields(report)
    for fmt in (*FORMATS, None):
        subset = [d for d in report.docs if fmt is None or d.format == fmt]
        totals = report.totals(fmt)
        parts = []
        for name in names:
            tally = totals.get(name, Tally())
            shown = "-" if tally.ratio is None else f"{tally.ratio:.3f}"
            parts.append(f"{name}={shown} ({tally.hits}/{tally.total})")
        failed = sum(1 for d in subset if d.error)
        out.append(f"{fmt or 'all'}: {len(subset)} docs, {failed} failed; " + ", ".join(parts))
    return out


def format_report(report: EvalReport) -> str:
    """The whole human-readable report."""
    lines = [format_table(report), ""]
    spurious = ", ".join(FIELDS[n] for n in sorted(LOWER_IS_BETTER))
    lines.append(
        f"Fractions of expected items; {spurious}: fraction of predicted items, lower is better."
    )
    errors = [d for d in report.docs if d.error]
    if errors:
        lines += ["", "Failed documents (scored as nothing found):"]
        lines += [f"  {d.path.name}: {d.error}" for d in errors]
    if report.missing:
        lines += ["", "Expected JSON with no .pdf or .docx: " + ", ".join(report.missing)]
    lines += ["", *format_summary(report)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry; exit 1 when there was nothing to evaluate."""
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.evaluate",
        description="Score extraction against samples/<name>.expected.json.",
        epilog="Example: python -m pipeline.evaluate samples --only dtv_crc",
    )
    parser.add_argument("samples_dir", type=Path, help="folder of samples and expected JSON")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--only", metavar="NAME", help="evaluate one sample stem only")
    parser.add_argument(
        "--write-scores",
        metavar="TSV",
        type=Path,
        help="also write the per-document score table (samples/scores.tsv) from this run",
    )
    args = parser.parse_args(argv)
    report = evaluate_samples(args.samples_dir, args.only)
    if not report.docs and not report.missing:
        print(f"Error: no *{EXPECTED_SUFFIX} in {args.samples_dir}", file=sys.stderr)
        return 1
    if args.write_scores is not None:
        if args.only is not None:
            print("Error: --write-scores needs every sample, not --only", file=sys.stderr)
            return 1
        failed = [d.path.name for d in report.docs if d.error]
        if failed:
            print(f"Error: not writing scores, extraction failed: {failed}", file=sys.stderr)
            return 1
        rows = [(d.path.name, d.scores) for d in report.docs]
        args.write_scores.write_text(score_table.format_table(rows), encoding="utf-8")
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
