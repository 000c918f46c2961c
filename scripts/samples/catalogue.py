"""Every sample the repository holds: its spec file, its documents and its expected file.

A sample is ``<folder>/<name>.spec.json`` with the documents drawn from it beside it
(``<name>.docx``, ``<name>.pdf``) and what a reader records from them (``<name>.expected.json``;
``.expected-audit.json`` in samples/audit, ``.expected-report.json`` in reports/).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.samples import agreement, renderers
from scripts.samples.spec import (
    SPEC_SUFFIX,
    PlanSpec,
    ProseSpec,
    ReportSpec,
    VariantSpec,
    load_spec,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
AUDIT = SAMPLES / "audit"
REPORTS = ROOT / "reports"
TEST_DATA = ROOT / "tests" / "data"
# Plans made by new means whose documents the tool does not yet read to the samples' bar
# (`make heldout` scores them); a plan moves to samples/ once it does.
HELDOUT = SAMPLES / "heldout"
SPEC_FOLDERS = (SAMPLES, AUDIT, REPORTS, TEST_DATA, HELDOUT)
EXPECTED_SUFFIXES = (".expected.json", ".expected-audit.json", ".expected-report.json")
AnySpec = PlanSpec | VariantSpec | ProseSpec | ReportSpec


@dataclass(frozen=True)
class Sample:
    spec: AnySpec
    folder: Path  # where its spec, documents and expected file are committed

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def spec_path(self) -> Path:
        return self.folder / (self.name + SPEC_SUFFIX)

    def documents(self) -> list[Path]:
        """The committed documents drawn from the spec."""
        return [self.folder / name for name in renderers.documents(self.spec)]

    def expected_path(self) -> Path | None:
        """The hand-written expected file, if there is one."""
        found = [self.folder / (self.name + s) for s in EXPECTED_SUFFIXES]
        return next((p for p in found if p.exists()), None)


def load_samples(folders: tuple[Path, ...] = SPEC_FOLDERS) -> dict[str, Sample]:
    """Every spec in ``folders``, validated, by sample name (names are unique)."""
    samples: dict[str, Sample] = {}
    for folder in folders:
        for path in sorted(folder.glob("*" + SPEC_SUFFIX)):
            spec = load_spec(path)
            if spec.name in samples:
                other = samples[spec.name].folder
                raise ValueError(f"{path}: sample {spec.name!r} is also in {other}")
            samples[spec.name] = Sample(spec, folder)
    return samples


def specs(samples: dict[str, Sample]) -> dict[str, AnySpec]:
    """Spec by name (what a variant's ``base`` names)."""
    return {name: sample.spec for name, sample in samples.items()}


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def disagreements(sample: Sample, samples: dict[str, Sample]) -> list[str]:
    """Where ``sample``'s spec and its expected file disagree (empty: they agree)."""
    spec, expected = sample.spec, sample.expected_path()
    if isinstance(spec, ProseSpec):
        return []  # no plan: nothing is expected of it
    if expected is None:
        return [f"{sample.name}: no expected file beside its spec"]
    if isinstance(spec, VariantSpec):
        base = samples[spec.base].expected_path()
        if base is None or _json(base) != _json(expected):
            return [f"{sample.name}: expected file differs from its base {spec.base}'s"]
        return []
    if isinstance(spec, ReportSpec):
        return agreement.report_disagreements(spec, _json(expected))
    if expected.name.endswith(".expected-audit.json"):
        return agreement.audit_disagreements(spec, _json(expected))
    return agreement.plan_disagreements(spec, _json(expected))
