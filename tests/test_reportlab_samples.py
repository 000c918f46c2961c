"""The reportlab samples' specs have the shape their renderer draws (their documents are
rebuilt and compared with every other sample's, in test_sample_specs.py)."""

from __future__ import annotations

import pytest

from scripts.samples.catalogue import load_samples
from scripts.samples.spec import PlanSpec

PLANS = [s.spec for s in load_samples().values()
         if isinstance(s.spec, PlanSpec) and s.spec.template == "reportlab"]


def test_there_are_reportlab_samples() -> None:
    assert len(PLANS) == 3


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
