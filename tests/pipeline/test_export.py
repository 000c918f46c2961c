"""Writers: CSV rows per action, Excel-ready encoding, workbook cells, atomic replacement."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from batch_fakes import small_plan

from pipeline.export import atomic_text, synced_together, write_combined, write_csv, write_json
from pipeline.models import ActionPlan
from pipeline.tables import ACTION_COLUMNS, TABLES, FailedFile, columns_markdown, names


def test_csv_has_one_row_per_action_and_keeps_action_less_recommendations(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    write_csv(small_plan(), path)
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == names(ACTION_COLUMNS)
    assert frame["action_number"].tolist() == ["1.1", "1.2", ""]
    assert frame["rec_number"].tolist() == ["1", "1", "2"]
    assert frame.loc[0, "owners"] == "Head of Service; SLT"
    assert frame.loc[0, "target_start"] == "2020-05-01"
    assert frame.loc[0, "target_end"] == "2020-05-31"
    assert frame.loc[1, "action_text"] == "Audit cases,\nquarterly"
    assert frame.loc[2, "rec_text"] == "Review policy"
    assert frame.loc[2, "page"] == "3"


def test_csv_starts_with_bom_and_round_trips_non_ascii(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    write_csv([small_plan(), small_plan("b.docx")], path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to pick UTF-8
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert len(frame) == 6
    assert frame.loc[0, "rec_text"] == "Improve “risk” assessments, incl. £ costs"


def test_json_round_trips_to_the_same_plan(tmp_path: Path) -> None:
    plan = small_plan()
    write_json(plan, tmp_path / "plan.json")
    loaded = ActionPlan.model_validate(json.loads((tmp_path / "plan.json").read_text("utf-8")))
    assert loaded == plan


def test_failed_write_leaves_old_file_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(path) as fh:
        fh.write("half of the new")
        raise RuntimeError("crash mid-write")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_files_synced_together_replace_their_old_files_only_when_all_are_written(
        tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (a, b):
        path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), synced_together():
        with atomic_text(a) as fh:
            fh.write("new a")
        assert a.read_text(encoding="utf-8") == "old"  # not yet: the group is not done
        with atomic_text(b) as fh:
            fh.write("half of b")
            raise RuntimeError("crash mid-write")
    assert [a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")] == ["old", "old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]  # no temp file
    with synced_together():
        for path in (a, b):
            with atomic_text(path) as fh:
                fh.write(f"new {path.stem}")
    assert [a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")] == ["new a", "new b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_writers_do_not_mutate_the_plan(tmp_path: Path) -> None:
    plan = small_plan()
    before = plan.model_dump()
    write_combined([plan], [], tmp_path)
    write_csv(plan, tmp_path / "p.csv")
    assert plan.model_dump() == before


def test_combined_outputs_row_counts_and_workbook_cells(tmp_path: Path) -> None:
    plans = [small_plan("a.pdf"), small_plan("b.docx", organisation="Durham Tees Valley CRC")]
    failures = [FailedFile("x.pdf", "encrypted", "encrypted: needs a password")]
    write_combined(plans, failures, tmp_path)

    assert len(pd.read_csv(tmp_path / "actions.csv", encoding="utf-8-sig")) == 6
    assert len(pd.read_csv(tmp_path / "recommendations.csv", encoding="utf-8-sig")) == 4
    errors = pd.read_csv(tmp_path / "errors.csv", encoding="utf-8-sig")
    assert errors.to_dict("records") == [
        {"file": "x.pdf", "kind": "encrypted", "reason": "encrypted: needs a password"}
    ]

    sheets = pd.read_excel(tmp_path / "plans.xlsx", sheet_name=None)
    assert list(sheets) == ["Plans", "Recommendations", "Actions", "Owners", "Errors"]
    assert [len(sheets[n]) for n in sheets] == [2, 4, 6, 4, 1]
    assert pd.api.types.is_datetime64_any_dtype(sheets["Actions"]["Target end"])
    assert pd.api.types.is_datetime64_any_dtype(sheets["Plans"]["Plan submitted"])

    book = openpyxl.load_workbook(tmp_path / "plans.xlsx")
    actions = book["Actions"]
    header = [c.value for c in actions[1]]
    assert header == [c.header for c in ACTION_COLUMNS]
    assert all(c.font.b for c in actions[1])
    end = actions.cell(row=2, column=header.index("Target end") + 1)
    assert end.is_date and end.value.date() == dt.date(2020, 5, 31)
    assert end.number_format == "dd/mm/yyyy"
    # Numbers as printed stay text: "1.10" must not become the number 1.1.
    assert actions.cell(row=2, column=header.index("Action no.") + 1).value == "1.1"
    assert actions.freeze_panes == "A2"
    assert actions.auto_filter.ref is not None and actions.auto_filter.ref.startswith("A1:")
    text_col = actions.column_dimensions[_letter(header.index("Recommendation"))]
    assert text_col.width > 20
    assert book["Plans"].cell(row=2, column=header.index("Path") + 1).value == "a.pdf"
    # Print: landscape, one page wide, header row on every page.
    assert actions.page_setup.orientation == "landscape"
    assert actions.sheet_properties.pageSetUpPr.fitToPage
    # fitToWidth defaults to 1 in OOXML (xlsxwriter leaves it out); 0 pages tall = no limit.
    assert actions.page_setup.fitToWidth in (None, 1) and actions.page_setup.fitToHeight == 0
    assert actions.print_title_rows == "$1:$1"
    recs = book["Recommendations"]
    inferred = [c.value for c in recs[1]].index("Rec no. inferred") + 1
    assert recs.cell(row=2, column=inferred).value is False


def test_owner_columns_line_up_one_place_per_owner(tmp_path: Path) -> None:
    data = small_plan().model_dump()  # plans are frozen: change the data, then validate
    data["recommendations"][0]["actions"][0]["owners"] = [
        {"raw": "Head of Service", "role": "Head of Service", "key": "head of service"},
        {"raw": "SLT", "role": "SLT", "person": "J. Smith", "key": "slt"}]
    plan = ActionPlan.model_validate(data)
    write_combined([plan], [], tmp_path)
    frame = pd.read_csv(tmp_path / "actions.csv", encoding="utf-8-sig", dtype=str,
                        keep_default_na=False)
    first = frame.iloc[0]
    assert first["owner_roles"] == "Head of Service; SLT"
    assert first["owner_persons"] == "; J. Smith"
    assert first["owner_keys"] == "head of service; slt"
    assert (first["inspectorate"], first["submitted"]) == ("HMI Prisons", "2020-05-20")
    assert first["plan_id"] == "0" * 16
    owners = pd.read_csv(tmp_path / "owners.csv", encoding="utf-8-sig", dtype=str,
                         keep_default_na=False)
    assert owners[["role", "person", "key"]].values.tolist() == [
        ["Head of Service", "", "head of service"], ["SLT", "J. Smith", "slt"]]


def test_empty_batch_still_writes_headers(tmp_path: Path) -> None:
    write_combined([], [], tmp_path)
    assert pd.read_csv(tmp_path / "actions.csv", encoding="utf-8-sig").columns.tolist() == (
        names(ACTION_COLUMNS)
    )
    assert len(pd.read_excel(tmp_path / "plans.xlsx", sheet_name="Errors")) == 0
    assert len(pd.read_excel(tmp_path / "plans.xlsx", sheet_name="Owners")) == 0


def _letter(index: int) -> str:
    return openpyxl.utils.get_column_letter(index + 1)


def test_readme_column_table_is_generated_from_the_column_lists() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- columns:start -->\n", "<!-- columns:end -->"
    documented = readme[readme.index(start) + len(start):readme.index(end)]
    assert documented == columns_markdown(), "run: python -m pipeline.tables"
    for columns, csv_name, _ in TABLES.values():
        assert all(f"| `{c.name}` |" in documented for c in columns), csv_name


def test_outputs_are_readable_by_others_not_private_temp_files(tmp_path: Path) -> None:
    write_combined([small_plan()], [], tmp_path)
    mask = os.umask(0)
    os.umask(mask)
    for path in tmp_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path.name


def test_csv_tables_are_the_bytes_pandas_writes_from_the_frames(tmp_path: Path) -> None:
    # The CSVs are written from the rows (no pandas in the batch); the library's DataFrames
    # must tell the same story: same headers, empty cells, ISO dates, True/False, counts.
    from pipeline.export import table_frame
    from pipeline.spreadsheet_safety import write_safe_csv
    from pipeline.tables import StoredPlan

    plans = [StoredPlan(small_plan("a.pdf"), "a.pdf"),
             StoredPlan(small_plan("b.docx", organisation="=HYPERLINK(\"x\")"), "sub/b.docx")]
    failures = [FailedFile("x.pdf", "encrypted", "-encrypted, \"quoted\"\nline")]
    write_combined(plans, failures, tmp_path, formats=("csv",))
    for table, (_, csv_name, _) in TABLES.items():
        frame = table_frame(table, plans, failures)
        for column in frame.columns:
            if str(frame[column].dtype).startswith("datetime64"):
                frame[column] = frame[column].dt.strftime("%Y-%m-%d").astype("object")
        expected = tmp_path / f"pandas-{csv_name}"
        with expected.open("w", encoding="utf-8-sig", newline="") as fh:
            write_safe_csv(frame, fh)
        assert (tmp_path / csv_name).read_bytes() == expected.read_bytes(), table
