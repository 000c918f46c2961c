"""Recommendation and action numbers: reading them from cells and text prefixes."""

from __future__ import annotations

import re

from extractors.layout import BULLET_CHARS

# A number as printed in its own cell: "1", "2.", "5.01", "(5)", "S3", "1a", "(1b)".
_CELL_NUMBER = re.compile(
    r"^(?:(?i:recommendation|rec|action|no|ref)\.?\s*)?"
    r"\(?\s*([A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[.):]?\)?$"
)
# A number printed in front of text: "1. ", "1.1 ", "(1a) ", "2) ", "Recommendation 3: ".
_PREFIX_NUMBER = re.compile(
    r"^\s*(?:(?i:recommendation|rec\.?|action)\s+)?"
    r"(?:\((?P<b>[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*[a-z]?)\)"
    r"|(?P<n>[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:[.):]|(?=\s+[A-Z(])))"
    r"\s+",
)
_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}\-–]\s+")
_LETTER = re.compile(r"^\s*\(?([a-z])[.)]\s+")
# Generated labels may also count in roman numerals or capitals: "ii.", "(iv)", "A.".
_LABEL_WORD = re.compile(r"^\(?([ivxlcdm]{1,6}|[IVXLCDM]{1,6}|[A-Za-z])[.)]?\)?$")


def cell_number(text: str) -> str | None:
    """The number a rec/action number cell holds, without brackets or trailing dot."""
    match = _CELL_NUMBER.match(" ".join(text.split()))
    return match.group(1) if match else None


def split_prefix(text: str) -> tuple[str | None, str]:
    """Split a printed numbering prefix off text: ('1.1', rest) or (None, text)."""
    match = _PREFIX_NUMBER.match(text)
    if match:
        number = match.group("b") or match.group("n")
        rest = text[match.end():]
        # "2020 saw ..." or "25 cases ..." are words, not numbers: require a short number.
        if number and not (number.isdigit() and len(number) > 2) and rest.strip():
            return number, rest
    letter = _LETTER.match(text)
    if letter:
        return letter.group(1), text[letter.end():]
    bullet = _BULLET.match(text)
    if bullet:
        return None, text[bullet.end():]
    return None, text


def label_number(label: str | None) -> str | None:
    """The number in a generated list label ('1.', '(1a)', 'a)'); bullets have none."""
    if not label:
        return None
    match = _CELL_NUMBER.match(label.strip()) or _LABEL_WORD.match(label.strip())
    return match.group(1) if match else None
