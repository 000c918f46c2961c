"""The one home of spreadsheet safety: document text never becomes a formula or a link.

Every CSV and XLSX writer in actionplan goes through this module:

- CSV: ``write_safe_csv`` (a DataFrame) or ``safe_csv_row`` (one row for ``csv.writer``).
  A text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return (or
  their full-width forms, which some Excel locales also read as formulas) gets a leading
  ``'`` as OWASP recommends, and every field is quoted so that a separator inside a cell
  (``,`` or a locale's ``;``) cannot start a new cell.
- XLSX: ``safe_excel_writer`` (pandas) or ``safe_workbook`` (xlsxwriter) switch off
  xlsxwriter's guessing, so every string is written as a string cell: never a formula,
  a hyperlink or a number. The text itself is kept as is (a string cell is inert).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported by the DataFrame helpers only, when called
    import pandas as pd

# First characters a spreadsheet may read as the start of a formula (OWASP "CSV Injection"),
# plus the full-width forms East Asian Excel locales treat the same way.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CSV_QUOTING = csv.QUOTE_ALL
# xlsxwriter's write() would turn "=…" into a formula, "http://…" into a link and "1e3"
# into a number; with these options a string is always a string cell.
XLSX_STRING_OPTIONS: dict[str, bool] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def neutralise_csv_cell(value: object) -> object:
    """A text value that a spreadsheet would evaluate gets a leading ``'``; others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_csv_row(values: Iterable[object]) -> list[object]:
    """One row ready for a ``csv.writer`` made with ``quoting=CSV_QUOTING``."""
    return [neutralise_csv_cell(v) for v in values]


def safe_csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are neutralised (headers included)."""
    import pandas as pd

    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_csv_cell, na_action="ignore")
    safe.columns = [neutralise_csv_cell(c) for c in safe.columns]
    return safe


def write_safe_csv(frame: pd.DataFrame, fh: IO[str]) -> None:
    """Write ``frame`` to an open text stream as neutralised, fully quoted CSV (CRLF lines)."""
    safe_csv_frame(frame).to_csv(fh, index=False, lineterminator="\r\n", quoting=CSV_QUOTING)


def safe_excel_writer(path: Path | str, **kwargs: Any) -> pd.ExcelWriter:
    """A pandas ExcelWriter (xlsxwriter) that writes every string as a string cell."""
    import pandas as pd

    engine_kwargs = dict(kwargs.pop("engine_kwargs", None) or {})
    options = {**dict(engine_kwargs.pop("options", None) or {}), **XLSX_STRING_OPTIONS}
    engine_kwargs["options"] = options
    return pd.ExcelWriter(path, engine="xlsxwriter", engine_kwargs=engine_kwargs, **kwargs)


def safe_workbook(path: Path | str, options: dict[str, Any] | None = None) -> Any:
    """An ``xlsxwriter.Workbook`` that writes every string as a string cell."""
    import xlsxwriter

    return xlsxwriter.Workbook(str(path), {**(options or {}), **XLSX_STRING_OPTIONS})
