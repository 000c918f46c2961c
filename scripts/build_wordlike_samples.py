"""Build the Word-like samples: samples/wl_<name>.pdf and .expected.json, and the council
report that is no plan (tests/data/wl_council_report.pdf).

Usage: .venv/bin/python scripts/build_wordlike_samples.py [--out samples]
Deterministic: rebuilding from the same specs gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from any directory
    sys.path.insert(0, str(ROOT))

from scripts.samples.plans_wordlike import (  # noqa: E402
    COUNCIL_REPORT,
    COUNCIL_REPORT_TITLE,
    PLANS,
)
from scripts.samples.render_wordlike import render, render_prose  # noqa: E402
from scripts.samples.spec import expected_json  # noqa: E402

COUNCIL_REPORT_NAME = "wl_council_report.pdf"


def build(out_dir: Path, data_dir: Path) -> list[Path]:
    """Render every Word-like plan with its expected JSON, and the council report."""
    out_dir.mkdir(parents=True, exist_ok=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in PLANS:
        pdf = out_dir / f"{spec.name}.pdf"
        render(spec, pdf)
        expected = out_dir / f"{spec.name}.expected.json"
        text = json.dumps(expected_json(spec), indent=2, ensure_ascii=False) + "\n"
        expected.write_text(text, encoding="utf-8")
        written += [pdf, expected]
    report = data_dir / COUNCIL_REPORT_NAME
    render_prose(COUNCIL_REPORT_TITLE, COUNCIL_REPORT, report)
    return [*written, report]


def main() -> int:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "samples", help="output folder")
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data",
                        help="folder for the council report")
    args = parser.parse_args()
    for path in build(args.out, args.data):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
