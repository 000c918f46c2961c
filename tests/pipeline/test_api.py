"""The library API: ``import actionplan`` (extract, extract_many) gives what the CLI gives."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import actionplan
from actionplan import Limits, Result, extract, extract_many
from pipeline.errors import ActionPlanError, NoPlanFound, TooLarge

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


# The round trip of every sample (API JSON == CLI JSON) is in test_hostile_inputs.py, which
# already runs the CLI over every sample; a second CLI run here would double the cost.


def test_extract_many_gives_errors_as_values_in_input_order(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "dtv_crc_2020.docx", tmp_path / "good.docx")
    (tmp_path / "fake.pdf").write_bytes(b"%PDF-1.7\nnot really\n")
    (tmp_path / "notes.txt").write_text("not a plan", encoding="utf-8")
    results = list(extract_many([tmp_path, tmp_path / "gone.pdf"], jobs=1))
    assert all(isinstance(r, Result) for r in results)
    by_name = {r.path.name: r for r in results}
    assert list(by_name) == ["gone.pdf", "fake.pdf", "good.docx"]
    assert by_name["good.docx"].ok and by_name["good.docx"].plan.plan.organisation == (
        "Durham Tees Valley CRC")
    assert not by_name["fake.pdf"].ok and by_name["fake.pdf"].error
    assert "\n" not in by_name["fake.pdf"].error
    assert by_name["gone.pdf"].kind == "missing"


def test_the_limits_object_holds_in_both_calls(tmp_path: Path) -> None:
    many_pages = SAMPLES / "dtv_crc_2020.pdf"  # 7 pages
    with pytest.raises(ActionPlanError, match="pages"):
        extract(many_pages, Limits(max_pages=2))
    with pytest.raises(TooLarge):
        extract(many_pages, Limits(max_size_mb=0.001))
    [result] = list(extract_many([many_pages], Limits(max_pages=2), jobs=1))
    assert not result.ok and "pages" in (result.error or "")
    [slow] = list(extract_many([many_pages], Limits(timeout_s=0.01), jobs=1))
    assert slow.kind == "timeout"
    with pytest.raises(ValueError):
        Limits(timeout_s=0)


def test_a_document_without_a_plan_is_an_error_not_an_empty_plan(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the quarterly meeting. Nothing was agreed.")
    document.save(tmp_path / "minutes.docx")
    with pytest.raises(NoPlanFound):
        extract(tmp_path / "minutes.docx")
    with pytest.raises(ActionPlanError, match="judged by its bytes"):
        extract(ROOT / "README.md")


def test_to_frames_gives_the_tables_with_datetime_columns() -> None:
    frames = extract(SAMPLES / "dtv_crc_2020.docx").to_frames()
    assert list(frames) == ["plans", "recommendations", "actions", "owners"]
    actions = frames["actions"]
    for column in ("target_start", "target_end", "submitted"):
        assert pd.api.types.is_datetime64_any_dtype(actions[column]), column
    assert actions["target_end"].notna().sum() > 10
    assert pd.api.types.is_datetime64_any_dtype(frames["owners"]["target_end"])
    assert pd.api.types.is_bool_dtype(frames["recommendations"]["rec_number_inferred"])
    assert actions["plan_id"].nunique() == 1 and len(actions["plan_id"][0]) == 16


def test_importing_the_api_loads_neither_pandas_nor_the_readers() -> None:
    code = ("import sys, actionplan; from actionplan import extract, extract_many, Limits; "
            "print(sorted(m for m in ('pandas', 'xlsxwriter', 'pdfplumber', 'docx', 'spacy') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_the_api_names_stay_functions_after_the_per_file_module_is_imported() -> None:
    import pipeline.extract  # noqa: F401  (the module that shadowed a pipeline.extract function)

    assert callable(actionplan.extract) and actionplan.extract.__module__ == "pipeline.api"
    assert callable(actionplan.extract_many)
