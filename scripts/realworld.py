"""`make realworld`: run the tool over real office documents that are no action plans.

Every file must come out as no plan, with a one-line reason: no plan reported, no crash,
no traceback, no time-out. The documents belong to third parties and are read in place.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One-line reasons a non-plan may be given; anything else (internal error, crash, time-out,
# memory) is a failure of the tool.
ACCEPTED_KINDS = frozenset(
    {"no_plan_found", "no_text_layer", "damaged", "encrypted", "unsupported_format", "too_large"}
)
# Per file, the tool's own default: what a user gets. A long non-plan is dismissed in a
# second or two (pdfium text screen), but CI shares two cores with other work.
TIMEOUT_S = 120


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "../shared/realworld")
    if not folder.is_dir():
        print(f"skipped: {folder} not present")
        return 0
    tool = Path(sys.executable).with_name("actionplan")
    with tempfile.TemporaryDirectory(prefix="realworld-") as out:
        start = time.perf_counter()
        run = subprocess.run(
            [str(tool), "extract", str(folder), "--out", out, "--jobs", "2", "--force",
             "--timeout", str(TIMEOUT_S)],
            capture_output=True, text=True, check=False,
        )
        seconds = time.perf_counter() - start
        with open(Path(out) / "errors.csv", encoding="utf-8-sig", newline="") as handle:
            errors = list(csv.DictReader(handle))
        plans = sorted(p.name for p in Path(out).glob("*.json") if not p.name.startswith("."))
    problems = [f"plan reported: {name}" for name in plans]
    problems += [
        f"{row['file']}: {row['kind']}: {row['reason']}"
        for row in errors if row["kind"] not in ACCEPTED_KINDS
    ]
    if "Traceback" in run.stderr or "Traceback" in run.stdout:
        problems.append("a traceback was printed")
    kinds: dict[str, int] = {}
    for row in errors:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    print(f"realworld: {len(errors) + len(plans)} documents in {seconds:.1f} s "
          f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    for problem in problems:
        print(f"FAIL {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
