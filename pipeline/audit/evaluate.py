"""Accuracy of the audit on its samples: ``python -m pipeline.audit.evaluate samples/audit``.

For every ``<name>.expected-audit.json`` the PDF and DOCX of the plan (beside it, or the
``documents`` it names) are extracted and audited, with the report it names from ``reports/``;
findings are matched on (rule, recommendation, action) and counted per rule family.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

EXPECTED_AUDIT_SUFFIX = ".expected-audit.json"
REPORTS_DIR = Path(__file__).resolve().parents[2] / "reports"
# Rule families the figures are given for: a rule belongs to the first prefix it starts with.
FAMILIES = ("response", "actions", "reason", "not-agreed", "repeated", "owner", "target",
            "numbering", "report")

Key = tuple[str, str | None, str | None]


def family(rule: str) -> str:
    return next((f for f in FAMILIES if rule.startswith(f)), rule)


@dataclass
class Tally:
    expected: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, document: str, expected: list[Key], found: list[Key]) -> None:
        left = Counter(found)
        for key in expected:
            self.expected[family(key[0])] += 1
            if left[key] > 0:
                left[key] -= 1
                self.hits[family(key[0])] += 1
            else:
                self.misses.append(f"{document}: missed {key}")
        for key in found:
            self.found[family(key[0])] += 1
        self.misses += [f"{document}: spurious {k}" for k, n in left.items() for _ in range(n)]

    def rows(self) -> list[tuple[str, int, int, int, float, float]]:
        """(family, expected, found, matched, recall, precision)."""
        out = []
        for fam in sorted(set(self.expected) | set(self.found)):
            e, f, h = self.expected[fam], self.found[fam], self.hits[fam]
            out.append((fam, e, f, h, h / e if e else 1.0, h / f if f else 1.0))
        return out


def documents(expected_file: Path) -> list[Path]:
    """The plan documents an expected-audit file describes."""
    data = json.loads(expected_file.read_text(encoding="utf-8"))
    if data.get("documents"):
        return [(expected_file.parent / d).resolve() for d in data["documents"]]
    stem = expected_file.name.removesuffix(EXPECTED_AUDIT_SUFFIX)
    return [p for p in (expected_file.parent / f"{stem}.{x}" for x in ("pdf", "docx"))
            if p.exists()]


def evaluate(folder: Path, reports_dir: Path = REPORTS_DIR) -> Tally:
    """Audit every sample in ``folder`` and tally its findings against the expected ones."""
    from pipeline.audit import audit_plan
    from pipeline.audit.report import read_report
    from pipeline.extract import extract_file

    tally = Tally()
    for expected_file in sorted(folder.glob(f"*{EXPECTED_AUDIT_SUFFIX}")):
        data = json.loads(expected_file.read_text(encoding="utf-8"))
        report = read_report(reports_dir / data["report"]) if data.get("report") else None
        want = [(f["rule"], f["recommendation"], f["action"]) for f in data["findings"]]
        for path in documents(expected_file):
            audit = audit_plan(extract_file(path), report)
            got = [(f.rule, f.recommendation, f.action) for f in audit.findings]
            tally.add(path.name, want, got)
    return tally


def main(argv: list[str] | None = None) -> int:
    """Print recall and precision of findings per rule family, and every miss."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("samples/audit"))
    args = parser.parse_args(argv)
    tally = evaluate(args.folder)
    print(f"{'family':<12} {'expected':>8} {'found':>6} {'matched':>7} {'recall':>7} "
          f"{'precision':>9}")
    for fam, e, f, h, recall, precision in tally.rows():
        print(f"{fam:<12} {e:>8} {f:>6} {h:>7} {recall:>7.3f} {precision:>9.3f}")
    for line in tally.misses:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
