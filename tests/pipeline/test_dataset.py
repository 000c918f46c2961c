"""The output folder as a dataset: every run's tables hold exactly the plans the folder holds.

Runs use the stand-in per-file function (batch_fakes.fake_extract): two plans, then one more,
then one input removed and pruned; CSV, workbook and database must agree at every step.
"""

from __future__ import annotations

import io
import sqlite3
from dataclasses import replace
from pathlib import Path

import openpyxl
import pandas as pd

from pipeline.batch import BatchOptions, BatchReport, run_batch
from pipeline.hashing import file_sha256
from pipeline.limits import Limits
from pipeline.tables import PLAN_ID_LENGTH

FAKE = "batch_fakes:fake_extract"


def _run(paths: list[Path], out: Path, **kw: object) -> tuple[BatchReport, str]:
    options = replace(BatchOptions(out, jobs=1, limits=Limits(timeout_s=20), extract_ref=FAKE),
                      **kw)
    log = io.StringIO()
    return run_batch(paths, options, log, tty=False), log.getvalue()


def _held(out: Path) -> dict[str, set[str]]:
    """plan_id → relative paths, as each combined output lists them."""
    csv = pd.read_csv(out / "plans.csv", encoding="utf-8-sig", dtype=str)
    actions = pd.read_csv(out / "actions.csv", encoding="utf-8-sig", dtype=str)
    sheet = pd.read_excel(out / "plans.xlsx", sheet_name="Actions", dtype=str)
    with sqlite3.connect(out / "plans.sqlite") as db:
        rows = db.execute("SELECT plan_id, path FROM plans").fetchall()
        action_plans = {r[0] for r in db.execute("SELECT DISTINCT plan_id FROM actions")}
    return {
        "plans.csv": set(csv["plan_id"] + " " + csv["path"]),
        "actions.csv": set(actions["plan_id"] + " " + actions["path"]),
        "plans.xlsx": set(sheet["Plan ID"] + " " + sheet["Path"]),
        "plans.sqlite": {f"{pid} {path}" for pid, path in rows},
        "sqlite actions": {f"{pid} {path}" for pid, path in rows if pid in action_plans},
    }


def _expect(root: Path, *relative: str) -> set[str]:
    return {f"{file_sha256(root / rel)[:PLAN_ID_LENGTH]} {Path(rel).relative_to('in')}"
            for rel in relative}


def _check_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_three_runs_leave_every_table_with_exactly_the_plans_present(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    (inputs / "a").mkdir(parents=True)
    (inputs / "a" / "plan.pdf").write_text("ok, a", encoding="utf-8")
    (inputs / "b.docx").write_text("ok, b", encoding="utf-8")
    first, _ = _run([inputs], out)
    names_first = {r.input.relative: r.input.name for r in first.results}
    expected = _expect(tmp_path, "in/a/plan.pdf", "in/b.docx")
    assert all(v == expected for v in _held(out).values())
    _check_database(out / "plans.sqlite")

    # A later run names only the new file: the tables still hold all three.
    (inputs / "c").mkdir()
    (inputs / "c" / "plan.pdf").write_text("ok, c", encoding="utf-8")
    second, _ = _run([inputs / "c"], out)
    assert second.results[0].input.relative == "plan.pdf"  # relative to the folder named
    expected_c = {f"{file_sha256(inputs / 'c' / 'plan.pdf')[:PLAN_ID_LENGTH]} plan.pdf"}
    assert all(v == expected | expected_c for v in _held(out).values())
    assert "dataset: 3 plans in the output folder" in second.summary()
    assert second.results[0].input.name.startswith("plan.pdf-")  # a/plan.pdf holds the name

    # The whole folder again: names are those of the first run, nothing is redone.
    third, _ = _run([inputs], out)
    assert {r.input.relative: r.input.name for r in third.results
            if r.input.relative != "c/plan.pdf"} == names_first
    assert {r.status for r in third.results} == {"unchanged"}

    # An input removed stays until --prune.
    (inputs / "b.docx").unlink()
    _run([inputs], out)
    assert len(_held(out)["plans.csv"]) == 3
    pruned, log = _run([inputs], out, prune=True)
    assert "pruned b.docx" in log and pruned.pruned == 1
    left = _expect(tmp_path, "in/a/plan.pdf", "in/c/plan.pdf")
    assert all(v == left for v in _held(out).values())
    assert not (out / "b.docx.json").exists() and not (out / "b.docx.csv").exists()
    _check_database(out / "plans.sqlite")


def test_the_same_bytes_in_two_places_are_one_plan(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.pdf").write_text("ok, same", encoding="utf-8")
    report, log = _run([tmp_path / "x", tmp_path / "y"], tmp_path / "out")
    assert [r.status for r in report.results] == ["ok", "ok"]
    assert report.dataset == 1
    assert (f"{tmp_path / 'y' / 'plan.pdf'}: the same bytes as {tmp_path / 'x' / 'plan.pdf'}; "
            "one plan in the tables") in log
    assert len(pd.read_csv(tmp_path / "out" / "plans.csv", encoding="utf-8-sig")) == 1


def test_workbook_reads_every_date_column_as_a_date(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_text("ok", encoding="utf-8")
    _run([tmp_path / "in"], tmp_path / "out")
    book = openpyxl.load_workbook(tmp_path / "out" / "plans.xlsx")
    checked = 0
    for sheet in book.worksheets:
        header = [c.value for c in sheet[1]]
        for index, name in enumerate(header, start=1):
            if not any(word in name for word in ("Target start", "Target end", "submitted",
                                                 "published")):
                continue
            for row in range(2, sheet.max_row + 1):
                cell = sheet.cell(row=row, column=index)
                if cell.value is not None:
                    assert cell.is_date, (sheet.title, name, cell.value)
                    checked += 1
    assert checked >= 5
