"""Every committed expected file is what its hand-written spec says, for every kind of sample.

The expected JSON is written from a spec (scripts/samples/spec.py:expected_json); a file edited
by hand, or a spec changed without rebuilding, would let the evaluation score against
something nobody wrote down. Word samples, HTML-printed, reportlab and layout variants alike.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import expected_files, sample_stem
from scripts.build_samples import all_specs
from scripts.build_variants import PAIRS, variant_name
from scripts.samples.plans_reportlab import PLANS
from scripts.samples.plans_shapes import HTML_SPECS
from scripts.samples.plans_wordlike import PLANS as WORDLIKE_PLANS
from scripts.samples.spec import PlanSpec, expected_json

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
STRICT_PREFIX = "strict_"


def specs_by_sample() -> dict[str, PlanSpec]:
    """Sample stem → the spec its expected file is written from."""
    specs = {s.name: s for s in [*all_specs(), *PLANS, *HTML_SPECS, *WORDLIKE_PLANS]}
    # A layout variant says what its base sample says.
    for sample, variant in PAIRS:
        specs[variant_name(sample, variant)] = specs[sample]
    # scripts/samples/strict.py rewrites a Word sample as Strict OOXML: same content.
    for path in SAMPLES.glob(f"{STRICT_PREFIX}*.expected.json"):
        base = sample_stem(path).removeprefix(STRICT_PREFIX)
        if base in specs:
            specs[sample_stem(path)] = specs[base]
    return specs


SPECS = specs_by_sample()
EXPECTED = expected_files(SAMPLES)


def test_every_expected_file_has_a_spec() -> None:
    orphans = [p.name for p in EXPECTED if sample_stem(p) not in SPECS]
    assert not orphans, f"expected files no spec writes: {orphans}"


@pytest.mark.parametrize("expected_path", EXPECTED, ids=sample_stem)
def test_committed_expected_json_is_its_spec(expected_path: Path) -> None:
    committed = json.loads(expected_path.read_text(encoding="utf-8"))
    spec = SPECS[sample_stem(expected_path)]
    assert committed == expected_json(spec), (
        f"{expected_path.name} differs from spec {spec.name}: rebuild the sample "
        "(scripts.build_samples / build_variants / build_reportlab_samples / render_shapes)"
    )
