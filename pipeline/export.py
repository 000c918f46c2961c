"""Writers for plans: per-file JSON and CSV, combined CSVs and an Excel workbook.

CSV and XLSX cells go through ``pipeline.spreadsheet_safety``, so document text never
becomes a formula or a link. Every file is written atomically: a temporary file in the
target folder, fsync, then ``os.replace``, so a reader never sees half a file and a crash
leaves the old one intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pandas as pd

from pipeline.models import ActionPlan
from pipeline.spreadsheet_safety import safe_excel_writer, write_safe_csv

ACTION_COLUMNS = [
    "file", "organisation", "rec_number", "rec_text", "response", "action_number",
    "action_text", "owners", "target_raw", "target_start", "target_end", "target_status", "page",
]
RECOMMENDATION_COLUMNS = [
    "file", "organisation", "rec_number", "rec_number_inferred", "rec_text", "response",
    "response_raw", "response_reason", "reason", "section", "page", "actions",
]
PLAN_COLUMNS = [
    "file", "format", "pages", "title", "organisation", "inspectorate", "report_published",
    "submitted", "recommendations", "actions", "warnings", "sha256",
]
ERROR_COLUMNS = ["file", "kind", "reason"]

# Columns holding real dates: ISO text in CSV, date cells in Excel.
DATE_COLUMNS = {"target_start", "target_end", "submitted"}
# Long free text: wrapped in a wide column in Excel.
WRAP_COLUMNS = {"rec_text", "action_text", "reason", "owners", "target_raw", "title"}
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read UTF-8 instead of the local code page


@dataclass(frozen=True, slots=True)
class FailedFile:
    """One input that gave no plan, as listed in errors.csv and the Errors sheet."""

    file: str
    kind: str
    reason: str


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success fsync it and rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def atomic_text(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a text stream whose content replaces ``path`` atomically when the block succeeds."""
    with atomic_path(path) as tmp, tmp.open("w", encoding=encoding, newline="") as fh:
        yield fh


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform allows opening a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_json(plan: ActionPlan, path: Path) -> None:
    """Write one plan as indented UTF-8 JSON, atomically."""
    with atomic_text(path) as fh:
        fh.write(plan.model_dump_json(indent=2))
        fh.write("\n")


def write_csv(plans: ActionPlan | Iterable[ActionPlan], path: Path) -> None:
    """Write one row per action (one per action-less recommendation) as Excel-ready CSV."""
    _write_frame_csv(actions_frame(plans), path)


def write_errors_csv(failures: Iterable[FailedFile], path: Path) -> None:
    """Write the failed inputs (file, kind, reason) as CSV."""
    _write_frame_csv(errors_frame(failures), path)


def _write_frame_csv(frame: pd.DataFrame, path: Path) -> None:
    with atomic_text(path, encoding=CSV_ENCODING) as fh:
        write_safe_csv(frame, fh)


def _as_list(plans: ActionPlan | Iterable[ActionPlan]) -> list[ActionPlan]:
    return [plans] if isinstance(plans, ActionPlan) else list(plans)


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def action_rows(plan: ActionPlan) -> list[dict[str, object]]:
    """Flatten one plan to action rows; a recommendation without actions keeps one empty row."""
    rows: list[dict[str, object]] = []
    for rec in plan.recommendations:
        base = {
            "file": plan.source.file,
            "organisation": plan.plan.organisation,
            "rec_number": rec.number,
            "rec_text": rec.text,
            "response": rec.response,
        }
        if not rec.actions:
            rows.append({**base, "page": rec.page})
            continue
        for action in rec.actions:
            rows.append({
                **base,
                "action_number": action.number,
                "action_text": action.text,
                "owners": "; ".join(owner.raw for owner in action.owners),
                "target_raw": action.target.raw,
                "target_start": _iso(action.target.start),
                "target_end": _iso(action.target.end),
                "target_status": action.target.status,
                "page": action.page,
            })
    return rows


def recommendation_rows(plan: ActionPlan) -> list[dict[str, object]]:
    """One row per recommendation, with its number of actions."""
    return [
        {
            "file": plan.source.file,
            "organisation": plan.plan.organisation,
            "rec_number": rec.number,
            "rec_number_inferred": rec.number_inferred,
            "rec_text": rec.text,
            "response": rec.response,
            "response_raw": rec.response_raw,
            "response_reason": rec.response_reason,
            "reason": rec.reason,
            "section": rec.section,
            "page": rec.page,
            "actions": len(rec.actions),
        }
        for rec in plan.recommendations
    ]


def plan_row(plan: ActionPlan) -> dict[str, object]:
    """One row describing a plan: source, front matter and counts."""
    return {
        "file": plan.source.file,
        "format": plan.source.format,
        "pages": plan.source.pages,
        "title": plan.plan.title,
        "organisation": plan.plan.organisation,
        "inspectorate": plan.plan.inspectorate,
        "report_published": plan.plan.report_published,
        "submitted": _iso(plan.plan.submitted),
        "recommendations": len(plan.recommendations),
        "actions": sum(len(rec.actions) for rec in plan.recommendations),
        "warnings": len(plan.warnings),
        "sha256": plan.source.sha256,
    }


def _frame(rows: list[dict[str, object]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    # Integer columns with gaps stay integers (not 3.0) in CSV and Excel.
    for column in ("page", "pages", "actions", "recommendations", "warnings"):
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


def actions_frame(plans: ActionPlan | Iterable[ActionPlan]) -> pd.DataFrame:
    """Action rows of all plans as a DataFrame in ``ACTION_COLUMNS`` order."""
    return _frame([r for p in _as_list(plans) for r in action_rows(p)], ACTION_COLUMNS)


def recommendations_frame(plans: Iterable[ActionPlan]) -> pd.DataFrame:
    """Recommendation rows of all plans as a DataFrame."""
    rows = [r for p in plans for r in recommendation_rows(p)]
    return _frame(rows, RECOMMENDATION_COLUMNS)


def plans_frame(plans: Iterable[ActionPlan]) -> pd.DataFrame:
    """One row per plan as a DataFrame."""
    return _frame([plan_row(p) for p in plans], PLAN_COLUMNS)


def errors_frame(failures: Iterable[FailedFile]) -> pd.DataFrame:
    """Failed inputs as a DataFrame."""
    rows = [{"file": f.file, "kind": f.kind, "reason": f.reason} for f in failures]
    return pd.DataFrame(rows, columns=ERROR_COLUMNS)


def write_combined(plans: list[ActionPlan], failures: list[FailedFile], out_dir: Path) -> None:
    """Write recommendations.csv, actions.csv, errors.csv and plans.xlsx into ``out_dir``."""
    recs, actions = recommendations_frame(plans), actions_frame(plans)
    errors, plan_table = errors_frame(failures), plans_frame(plans)
    _write_frame_csv(recs, out_dir / "recommendations.csv")
    _write_frame_csv(actions, out_dir / "actions.csv")
    _write_frame_csv(errors, out_dir / "errors.csv")
    write_workbook(
        {"Plans": plan_table, "Recommendations": recs, "Actions": actions, "Errors": errors},
        out_dir / "plans.xlsx",
    )


def write_workbook(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    """Write sheets with date cells, frozen header, autofilter, fitted widths; atomically."""
    with atomic_path(path) as tmp, safe_excel_writer(
        tmp, date_format="yyyy-mm-dd", datetime_format="yyyy-mm-dd"
    ) as writer:
        wrap = writer.book.add_format({"text_wrap": True, "valign": "top"})
        top = writer.book.add_format({"valign": "top"})
        for name, frame in sheets.items():
            shown = _with_date_cells(frame)
            shown.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(len(shown), 1), max(len(shown.columns) - 1, 0))
            for col, column in enumerate(shown.columns):
                width = _column_width(frame[column], column)
                sheet.set_column(col, col, width, wrap if column in WRAP_COLUMNS else top)


def _with_date_cells(frame: pd.DataFrame) -> pd.DataFrame:
    shown = frame.copy()
    for column in DATE_COLUMNS & set(shown.columns):
        shown[column] = pd.to_datetime(shown[column], format="%Y-%m-%d")
    return shown


def _column_width(values: pd.Series, header: str) -> float:
    if header in DATE_COLUMNS:
        return 12
    longest = max([len(header)] + [len(str(v)) for v in values.dropna().head(500)])
    cap = 60 if header in WRAP_COLUMNS else 40
    return min(max(longest, len(header)) + 2, cap)
