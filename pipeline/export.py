"""Writers for plans: per-file JSON and CSV, the combined CSVs and an Excel workbook.

CSV and XLSX cells go through ``pipeline.spreadsheet_safety``, so document text never
becomes a formula or a link. Every file is written atomically: a temporary file in the
target folder, fsync, then ``os.replace``, so a reader never sees half a file and a crash
leaves the old one intact.
CSV files are written from the table rows with the csv module: the batch never imports pandas
(0.3-0.4 s of start-up), which only ``table_frame``/``plan_frames`` (the library's DataFrames)
need. xlsxwriter is imported only by the workbook writer.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pipeline import stop
from pipeline.models import ActionPlan
from pipeline.tables import (
    TABLES,
    Column,
    FailedFile,
    StoredPlan,
    month_date,
    names,
    table_rows,
)

if TYPE_CHECKING:
    import pandas as pd

CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read UTF-8 instead of the local code page
CSV_TABLES = ("plans", "recommendations", "actions", "owners", "errors")
WORKBOOK_NAME = "plans.xlsx"

# Workbook geometry. Widths are in characters of the default font; a wrapped line of text is
# about 15 points high in Calibri 11, which LibreOffice and Excel both use for the default.
WRAP_WIDTH = 48  # long free text wraps in a column this wide
MAX_WIDTH = 30  # other text columns stop growing here (and wrap beyond it)
DATE_WIDTH = 12
HASH_WIDTH = 66  # a SHA-256 on one line
# Calibri's average character is narrower than the "0" that column widths are measured in:
# a 48-wide column holds about 60 characters of prose. 1.1 keeps a margin so text is never cut.
CHARS_PER_WIDTH = 1.1
A3_ABOVE_WIDTH = 250  # sheets wider than this print on A3, so fit-to-width stays legible
A4, A3 = 9, 8  # xlsxwriter paper codes
LINE_HEIGHT_PT = 15
MAX_ROW_HEIGHT_PT = 409  # Excel's limit for one row
# Prose: wrapped in a wide column. Other text grows with its content up to MAX_WIDTH and
# wraps beyond it (owners, targets as written).
WRAP_COLUMNS = frozenset({"rec_text", "action_text", "reason", "title"})
DATE_FORMAT = "dd/mm/yyyy"
MONTH_FORMAT = "mm/yyyy"


# The groups of atomic writes open in this process (``synced_together``), innermost last.
_GROUPS: list[list[tuple[Path, Path]]] = []


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success fsync it and rename it over ``path``
    (inside ``synced_together``: when that block ends)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp makes the file private (0600); outputs are for sharing, so use the usual mode.
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield tmp
        if _GROUPS:
            _GROUPS[-1].append((tmp, path))
            return
        _fsync_files([tmp])
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


@contextlib.contextmanager
def synced_together() -> Iterator[None]:
    """Finish the atomic writes made inside the block together when it ends: every file is
    fsynced, then each is renamed into place and each folder fsynced once (not once per
    rename). If the block or a sync fails, no file of the group replaces
    its old one (a rename that fails leaves the files renamed before it in place, each whole)."""
    group: list[tuple[Path, Path]] = []
    _GROUPS.append(group)
    try:
        try:
            yield
        finally:
            _GROUPS.remove(group)
        _fsync_files([tmp for tmp, _ in group])
        for tmp, path in group:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in group:
            tmp.unlink(missing_ok=True)
        raise
    for folder in dict.fromkeys(path.parent for _, path in group):
        fsync_dir(folder)


def _fsync_files(paths: list[Path]) -> None:
    """fsync every file, one after the other; raise the first error.

    One after the other, not in parallel threads: a thread per file cost more CPU than the
    fsyncs, and waited longer too (83 plans' JSON and CSV written as a worker does, on this
    machine's ext4: 0.18-0.21 s CPU, 0.26 s wall one by one; 0.25-0.30 s CPU, 0.50-1.26 s wall
    in threads)."""
    for path in paths:
        fd = os.open(path, os.O_RDWR)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_text(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a text stream whose content replaces ``path`` atomically when the block succeeds."""
    with atomic_path(path) as tmp, tmp.open("w", encoding=encoding, newline="") as fh:
        yield fh


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def fsync_dir(folder: Path) -> None:
    """fsync a folder, so that a file created, renamed or removed in it stays so."""
    # Makes the rename itself durable; not every platform allows opening a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_json(plan: ActionPlan, path: Path) -> str:
    """Write one plan as indented UTF-8 JSON, atomically; returns the JSON (without the file's
    final newline), which a worker hands to the batch process as it is."""
    text = plan.model_dump_json(indent=2)
    with atomic_text(path) as fh:
        fh.write(text)
        fh.write("\n")
    return text


def _stored(plans: ActionPlan | StoredPlan | Iterable[ActionPlan | StoredPlan]) -> list[StoredPlan]:
    items = [plans] if isinstance(plans, ActionPlan | StoredPlan) else list(plans)
    return [p if isinstance(p, StoredPlan) else StoredPlan(p, p.source.file) for p in items]


def write_csv(plans: ActionPlan | StoredPlan | Iterable[ActionPlan | StoredPlan],
              path: Path) -> None:
    """Write one row per action (one per action-less recommendation) as Excel-ready CSV."""
    _write_table_csv("actions", _stored(plans), (), path)


def _write_table_csv(table: str, plans: list[StoredPlan], failures: Iterable[FailedFile],
                     path: Path) -> None:
    """One table as neutralised, fully quoted CSV with CRLF lines, atomically."""
    from pipeline.spreadsheet_safety import CSV_QUOTING, safe_csv_row

    columns = TABLES[table][0]
    with atomic_text(path, encoding=CSV_ENCODING) as fh:
        writer = csv.writer(fh, quoting=CSV_QUOTING, lineterminator="\r\n")
        writer.writerow(safe_csv_row(names(columns)))
        for row in table_rows(table, plans, failures):
            writer.writerow(safe_csv_row(_csv_value(row.get(c.name), c) for c in columns))


def _csv_value(value: object, column: Column) -> object:
    """A cell as CSV text: empty for none, ISO dates (YYYY-MM-DD), True/False, digits."""
    if value is None:
        return ""
    if column.kind == "date" and isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    return value


def table_frame(table: str, plans: Iterable[StoredPlan],
                failures: Iterable[FailedFile] = ()) -> pd.DataFrame:
    """One of the dataset's tables as a DataFrame: dates as datetime64, counts as Int64."""
    import pandas as pd

    columns = TABLES[table][0]
    frame = pd.DataFrame(table_rows(table, plans, failures), columns=names(columns))
    for column in columns:
        if column.kind == "int":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.kind == "bool":
            frame[column.name] = frame[column.name].astype("boolean")
        elif column.kind == "date":
            frame[column.name] = pd.to_datetime(frame[column.name])
        else:
            frame[column.name] = frame[column.name].astype("object")
    return frame


def plan_frames(plans: ActionPlan | StoredPlan | Iterable[ActionPlan | StoredPlan],
                ) -> dict[str, pd.DataFrame]:
    """Every table of these plans (plans, recommendations, actions, owners) as DataFrames."""
    stored = _stored(plans)
    return {table: table_frame(table, stored) for table in TABLES if table != "errors"}


def write_tables_csv(plans: list[StoredPlan], failures: list[FailedFile], out_dir: Path) -> None:
    """Write plans.csv, recommendations.csv, actions.csv, owners.csv and errors.csv."""
    with synced_together():
        for table in CSV_TABLES:
            stop.check()
            _write_table_csv(table, plans, failures, out_dir / TABLES[table][1])


def write_workbook(plans: list[StoredPlan], failures: list[FailedFile], path: Path,
                   extra_sheets: Iterable[tuple[str, list[Column], list[dict[str, object]]]] = (),
                   ) -> None:
    """Write one sheet per table, readable on screen and on paper; atomically.

    ``extra_sheets`` (name, columns, rows) follow the tables, written the same way (the
    audit's sheet).
    """
    from pipeline.spreadsheet_safety import safe_workbook

    with atomic_path(path) as tmp:
        book = safe_workbook(tmp)
        styles = _styles(book)
        for table, (columns, _, sheet_name) in TABLES.items():
            rows = table_rows(table, plans, failures)
            _write_sheet(book.add_worksheet(sheet_name), columns, rows, styles)
        for sheet_name, columns, rows in extra_sheets:
            _write_sheet(book.add_worksheet(sheet_name), columns, rows, styles)
        book.close()


def _styles(book: object) -> dict[str, object]:
    add = book.add_format  # type: ignore[attr-defined]
    return {
        "header": add({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDE4EE",
                       "bottom": 1}),
        "wrap": add({"text_wrap": True, "valign": "top"}),
        "top": add({"valign": "top"}),
        "number": add({"valign": "top", "align": "center"}),
        "date": add({"num_format": DATE_FORMAT, "valign": "top", "align": "left"}),
        "month": add({"num_format": MONTH_FORMAT, "valign": "top", "align": "left"}),
    }


def _width(column: Column, rows: list[dict[str, object]]) -> float:
    if column.kind in ("date", "month"):
        return max(DATE_WIDTH, _longest_word(column.header) + 2)
    if column.name in WRAP_COLUMNS:
        return WRAP_WIDTH
    if column.name == "sha256":
        return HASH_WIDTH
    longest = max([len(str(r[column.name])) for r in rows[:500] if r.get(column.name) is not None]
                  + [_longest_word(column.header)])
    return min(longest + 2, MAX_WIDTH)


def _longest_word(text: str) -> int:
    return max(len(word) for word in text.split())


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs at ``width`` characters (with a margin for proportional type)."""
    usable = max((width - 1) * CHARS_PER_WIDTH, 1)
    return sum(max(1, math.ceil(len(line) / usable)) for line in text.split("\n"))


def _write_sheet(sheet: object, columns: list[Column], rows: list[dict[str, object]],
                 styles: dict[str, object]) -> None:
    ws: Any = sheet  # xlsxwriter Worksheet; typed loosely to keep xlsxwriter a lazy import
    widths = [_width(c, rows) for c in columns]
    header_lines = max(_lines(c.header, w) for c, w in zip(columns, widths, strict=True))
    ws.set_row(0, LINE_HEIGHT_PT * header_lines)
    for col, (column, width) in enumerate(zip(columns, widths, strict=True)):
        ws.set_column(col, col, width)
        ws.write_string(0, col, column.header, styles["header"])
    # One writer per column, chosen once: the workbook writes every cell of every plan, and a
    # type dispatch per cell was a good part of the workbook's CPU.
    cells = [(col, column.name, _cell_writer(ws, column, width, styles))
             for col, (column, width) in enumerate(zip(columns, widths, strict=True))]
    set_row, blank, top = ws.set_row, ws.write_blank, styles["top"]
    for r, row in enumerate(rows, start=1):
        lines = 1
        for col, name, write in cells:
            value = row.get(name)
            if value is None:
                blank(r, col, None, top)
                continue
            needed = write(r, col, value)
            if needed > lines:
                lines = needed
        set_row(r, min(LINE_HEIGHT_PT * lines, MAX_ROW_HEIGHT_PT))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    ws.set_landscape()
    ws.set_paper(A3 if sum(widths) > A3_ABOVE_WIDTH else A4)
    ws.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def _cell_writer(ws: Any, column: Column, width: float,
                 styles: dict[str, object]) -> Callable[[int, int, Any], int]:
    """The function that writes a value (not None) into a cell of ``column``, with the type
    the column holds, and returns the lines of text the cell needs."""
    if column.kind == "date":
        date_style = styles["date"]

        def date(r: int, col: int, value: Any) -> int:
            ws.write_datetime(r, col, dt.datetime.combine(value, dt.time()), date_style)
            return 1
        return date
    if column.kind == "month":
        month_style, day_style = styles["month"], styles["date"]

        def month(r: int, col: int, value: Any) -> int:
            day = month_date(str(value))
            assert day is not None
            style = month_style if len(str(value)) == 7 else day_style
            ws.write_datetime(r, col, dt.datetime.combine(day, dt.time()), style)
            return 1
        return month
    if column.kind == "bool":
        top = styles["top"]

        def boolean(r: int, col: int, value: Any) -> int:
            ws.write_boolean(r, col, bool(value), top)
            return 1
        return boolean
    if column.kind == "int":
        number_style = styles["number"]

        def number(r: int, col: int, value: Any) -> int:
            ws.write_number(r, col, int(value), number_style)
            return 1
        return number
    write_string, wrap = ws.write_string, styles["wrap"]
    one_line = max((width - 1) * CHARS_PER_WIDTH, 1)  # the most _lines counts as one line

    def text(r: int, col: int, value: Any) -> int:
        string = str(value)
        # Text is always written as a string cell: never a formula, number or link.
        write_string(r, col, string, wrap)
        if len(string) <= one_line and "\n" not in string:
            return 1  # what _lines gives, without its arithmetic (most cells)
        return _lines(string, width)
    return text


def write_combined(plans: Iterable[ActionPlan | StoredPlan], failures: list[FailedFile],
                   out_dir: Path, formats: Iterable[str] = ("csv", "xlsx")) -> None:
    """Write the dataset's combined tables (CSV files, plans.xlsx, plans.sqlite) as asked."""
    stored = _stored(plans)
    formats = set(formats)
    if "csv" in formats:
        write_tables_csv(stored, failures, out_dir)
    if "xlsx" in formats:
        stop.check()
        write_workbook(stored, failures, out_dir / WORKBOOK_NAME)
    if "sqlite" in formats:
        stop.check()
        from pipeline.database import DATABASE_NAME, write_database

        write_database(stored, out_dir / DATABASE_NAME)



def combined_outputs(out_dir: Path, fmt: str) -> list[Path]:
    """The combined files a format writes into ``out_dir``."""
    if fmt == "csv":
        return [out_dir / TABLES[t][1] for t in CSV_TABLES]
    if fmt == "xlsx":
        return [out_dir / WORKBOOK_NAME]
    if fmt == "sqlite":
        from pipeline.database import DATABASE_NAME

        return [out_dir / DATABASE_NAME]
    return []


def remove_combined(out_dir: Path, formats: Iterable[str]) -> None:
    """Remove the combined tables of formats not written, so none is left stale."""
    for fmt in formats:
        for path in combined_outputs(out_dir, fmt):
            path.unlink(missing_ok=True)
