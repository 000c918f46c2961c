"""Build the PDF-only reportlab samples: samples/rl_<name>.pdf and .expected.json.

Usage: .venv/bin/python scripts/build_reportlab_samples.py [--out samples]
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

from scripts.samples.plans_reportlab import PLANS  # noqa: E402
from scripts.samples.render_reportlab import render  # noqa: E402
from scripts.samples.spec import expected_json  # noqa: E402


def build(out_dir: Path) -> list[Path]:
    """Render every reportlab plan and write its expected JSON; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in PLANS:
        pdf = out_dir / f"{spec.name}.pdf"
        render(spec, pdf)
        expected = out_dir / f"{spec.name}.expected.json"
        text = json.dumps(expected_json(spec), indent=2, ensure_ascii=False) + "\n"
        expected.write_text(text, encoding="utf-8")
        written += [pdf, expected]
    return written


def main() -> int:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "samples", help="output folder")
    args = parser.parse_args()
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
