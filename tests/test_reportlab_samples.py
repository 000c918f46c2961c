"""The committed reportlab samples are what their specs build, byte for byte (their expected
files are checked against the specs with every other sample's, in test_sample_specs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.build_reportlab_samples import build
from scripts.samples.plans_reportlab import PLANS
from scripts.samples.spec import PlanSpec

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
STALE = "stale: rebuild with .venv/bin/python scripts/build_reportlab_samples.py"


def test_build_is_deterministic_and_matches_committed_pdfs(tmp_path: Path) -> None:
    written = build(tmp_path)
    assert len(written) == 2 * len(PLANS)
    for path in written:
        if path.suffix == ".pdf":
            assert path.read_bytes() == (SAMPLES / path.name).read_bytes(), f"{path.name} {STALE}"


@pytest.mark.parametrize("spec", PLANS, ids=lambda s: s.name)
def test_spec_shape_is_as_described(spec: PlanSpec) -> None:
    # 4–7 recommendations, columns named for every header, only known column roles.
    assert 4 <= len(spec.recs) <= 7
    roles = spec.options["columns"]
    assert len(roles) == len(spec.headers) == len(spec.options["widths"])
    assert set(roles) <= {
        "rec_no",
        "rec",
        "response",
        "action_no",
        "action",
        "owner",
        "target",
        "extra",
    }
