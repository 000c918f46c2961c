"""Sample specs are data: every spec file validates, every sample document has one, the spec
agrees with the hand-written expected file where they overlap, and the documents that need no
outside program rebuild from their specs byte for byte (scripts/samples/build.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from scripts.samples import catalogue, renderers
from scripts.samples.build import Match, check, compare, main
from scripts.samples.catalogue import AUDIT, HELDOUT, REPORTS, SAMPLES, SPEC_FOLDERS, TEST_DATA
from scripts.samples.spec import PlanSpec, ReportSpec, VariantSpec, load_spec
from scripts.samples.variants import VARIANTS

ALL = catalogue.load_samples()
STALE = "differs from its spec: rebuild with `make samples` (or fix the spec)"


def _ids(sample: catalogue.Sample) -> str:
    return sample.name


@pytest.mark.parametrize(
    "path", sorted(p for folder in SPEC_FOLDERS for p in folder.glob("*.spec.json")),
    ids=lambda p: p.name)
def test_spec_file_validates(path: Path) -> None:
    assert load_spec(path).name == path.name.removesuffix(".spec.json")


def test_spec_schema_rejects_unknown_fields_and_option_keys(tmp_path: Path) -> None:
    spec = json.loads((SAMPLES / "hmp_fenwick_2020.spec.json").read_text(encoding="utf-8"))
    for change in ({"options": {**spec["options"], "font_sise": 9}},
                   {"options": {**spec["options"], "borders": "dotted"}},
                   {"recs": [{**spec["recs"][0], "response": "agreed"}]}):
        path = tmp_path / "hmp_fenwick_2020.spec.json"
        path.write_text(json.dumps({**spec, **change}), encoding="utf-8")
        with pytest.raises(ValidationError):
            load_spec(path)


def test_every_sample_document_has_a_spec() -> None:
    drawn = {p for sample in ALL.values() for p in sample.documents()}
    documents = {p for folder in (SAMPLES, AUDIT, REPORTS, HELDOUT) for ext in ("docx", "pdf")
                 for p in folder.glob(f"*.{ext}")}
    documents.add(TEST_DATA / "wl_council_report.pdf")
    assert sorted(p.name for p in documents - drawn) == []


@pytest.mark.parametrize("sample", ALL.values(), ids=_ids)
def test_documents_of_every_spec_are_committed(sample: catalogue.Sample) -> None:
    assert [p.name for p in sample.documents() if not p.exists()] == []


def test_every_expected_file_has_a_spec() -> None:
    orphans = []
    for folder in (SAMPLES, AUDIT, REPORTS, HELDOUT):
        for path in folder.glob("*.expected*.json"):
            name = path.name.split(".expected")[0]
            # An audit sample of an unchanged plan names the plan's own documents.
            borrowed = "documents" in json.loads(path.read_text(encoding="utf-8"))
            if name not in ALL and not borrowed:
                orphans.append(path.name)
    assert orphans == []


@pytest.mark.parametrize("sample", ALL.values(), ids=_ids)
def test_spec_agrees_with_its_expected_file(sample: catalogue.Sample) -> None:
    assert catalogue.disagreements(sample, ALL) == []


def test_agreement_check_sees_a_changed_spec() -> None:
    sample = ALL["hmp_fenwick_2020"]
    assert isinstance(sample.spec, PlanSpec)
    changes = {
        "action text": lambda s: setattr(s.recs[0].actions[0], "text", "Something else."),
        "target cell": lambda s: setattr(s.recs[0].actions[0], "target_raw", "May 2031"),
        "owner cell": lambda s: setattr(s.recs[0].actions[0], "owners_raw", "Governor"),
        "printed number": lambda s: setattr(s.recs[1], "number", None),
        "answer": lambda s: setattr(s.recs[0], "response_raw", "Accepted"),
        "dropped action": lambda s: s.recs[0].actions.pop(),
    }
    for what, change in changes.items():
        spec = sample.spec.model_copy(deep=True)
        change(spec)
        changed = catalogue.Sample(spec, sample.folder)
        assert catalogue.disagreements(changed, ALL), f"a changed {what} went unnoticed"


@pytest.mark.parametrize("sample", [s for s in ALL.values() if isinstance(s.spec, VariantSpec)],
                         ids=_ids)
def test_variant_redraws_a_word_sample(sample: catalogue.Sample) -> None:
    spec = sample.spec
    assert isinstance(spec, VariantSpec)
    assert spec.variant in {*VARIANTS, renderers.STRICT}
    base = ALL[spec.base]
    assert isinstance(base.spec, PlanSpec) and (base.folder / f"{spec.base}.docx").exists()


def test_documents_needing_no_outside_program_rebuild_byte_for_byte(tmp_path: Path) -> None:
    # Every .docx we write (python-docx, hand-built XML), the reportlab, Word-like and raw PDFs;
    # what LibreOffice and Chromium write is compared by `make samples-check`.
    specs = catalogue.specs(ALL)
    built = []
    for sample in ALL.values():
        out = tmp_path / sample.name
        for path in renderers.draw(sample.spec, renderers.Build(out, specs, convert=False)):
            assert compare(path, sample.folder / path.name) is Match.SAME_BYTES, \
                f"{path.name} {STALE}"
            built.append(path.name)
    pure = [p.name for s in ALL.values() for p in s.documents()
            if (p.suffix == ".docx" and not renderers.renderer(s.spec).docx_converted)
            or renderers.renderer(s.spec).converter is None]
    assert sorted(built) == sorted(pure)


def test_compare_reads_text_when_bytes_differ(tmp_path: Path) -> None:
    # The Strict OOXML copy is other bytes and other namespaces, with the same paragraphs.
    assert compare(SAMPLES / "strict_eastbrook_yot_2022.docx",
                   SAMPLES / "eastbrook_yot_2022.docx") is Match.SAME_TEXT
    assert compare(SAMPLES / "dtv_crc_2020.pdf",
                   SAMPLES / "var_dtv_crc_2020_nohdr.pdf") is Match.DIFFERS
    assert compare(SAMPLES / "dtv_crc_2020.pdf", tmp_path / "absent.pdf") is Match.MISSING


def test_check_passes_on_the_committed_samples_and_fails_on_a_changed_spec(
        capsys: pytest.CaptureFixture[str]) -> None:
    # The reportlab sample needs no outside program, so both runs really rebuild its PDF.
    assert main(["--check", "--no-convert", "rl_grid_nps", "wl_council_report"]) == 0
    sample = ALL["rl_grid_nps"]
    spec = sample.spec.model_copy(deep=True)
    assert isinstance(spec, PlanSpec)
    spec.front_matter[0] += " (revised)"  # printed on the page; not in the expected file
    changed = catalogue.Sample(spec, sample.folder)
    assert check([changed], ALL, convert=False) == 1
    assert "rl_grid_nps.pdf differs" in capsys.readouterr().out


def test_agreement_check_sees_changed_report_audit_and_variant_specs() -> None:
    report = ALL["report_dtv_crc_2020"]
    spec = report.spec.model_copy(deep=True)
    assert isinstance(spec, ReportSpec)
    spec.blocks = [b for b in spec.blocks if b[0] != "list"]  # the recommendations list gone
    assert catalogue.disagreements(catalogue.Sample(spec, report.folder), ALL)

    audit = ALL["audit_dtv_crc_2020"]
    plan = audit.spec.model_copy(deep=True)
    assert isinstance(plan, PlanSpec)
    plan.recs[0].number = "9"  # the findings name recommendation 1
    assert catalogue.disagreements(catalogue.Sample(plan, audit.folder), ALL)

    variant = ALL["var_dtv_crc_2020_nohdr"]
    other = VariantSpec(name=variant.name, base="kingsmere_yjs_2021", variant="nohdr")
    assert catalogue.disagreements(catalogue.Sample(other, variant.folder), ALL)
