"""Build the audit samples: samples/audit/<name>.docx and its LibreOffice PDF from the changed
spec, and <name>.expected-audit.json (the findings typed in scripts/samples/audit_samples.py).

Usage: ``.venv/bin/python -m scripts.build_audit_samples [NAME ...]``. Needs LibreOffice; tests
and CI never run this: the documents are committed. The plan-level ``.expected.json`` that the
sample builder writes is not kept: these samples are for the audit, not the extraction score.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts.build_samples import build
from scripts.samples.audit_samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
AUDIT_DIR = ROOT / "samples" / "audit"


def main(argv: list[str] | None = None) -> int:
    """Build the named audit samples (or all)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    AUDIT_DIR.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES:
        if args.names and sample.name not in args.names:
            continue
        if sample.change is not None:
            build(sample.spec(), AUDIT_DIR)
            (AUDIT_DIR / f"{sample.name}.expected.json").unlink()
        expected = sample.expected()
        if sample.documents:
            expected["documents"] = sample.documents
        (AUDIT_DIR / f"{sample.name}.expected-audit.json").write_text(
            json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"built {sample.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
