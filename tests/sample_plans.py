"""One extraction per sample document per test session, shared by the tests that read the
samples' plans (scores, provenance), so no sample is extracted twice in ``make test``."""

from __future__ import annotations

import functools
from pathlib import Path

from pipeline.models import ActionPlan


@functools.cache
def sample_plan(path: Path) -> ActionPlan:
    """The plan of one sample document, extracted once (callers must not modify it)."""
    from pipeline.extract import extract_file

    return extract_file(path)
