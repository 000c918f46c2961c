"""The list-label grammar: recommendation and action numbers, letters and bullets.

Every pipeline stage that asks "is this a number?" or "does this text open with a list label?"
asks here. The PDF reader keeps one small label cue of its own (``extractors.pdf_text.LABEL_RE``,
readers never import the pipeline) to decide where a paragraph starts; a test holds it to this
grammar.
"""

from __future__ import annotations

import re

from extractors.layout import BULLET_CHARS

# A recommendation or action number: "1", "5.01", "1.2.3", "S3", "PC1", "1a".
NUMBER = r"[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*[a-z]?"
_BULLETS = rf"[{re.escape(BULLET_CHARS)}\-–]"

# A number as printed in its own cell: "1", "2.", "5.01", "(5)", "S3", "1a", "(1b)".
_CELL_NUMBER = re.compile(
    r"^(?:(?i:recommendation|rec|action|no|ref)\.?\s*)?"
    rf"\(?\s*({NUMBER})\s*[.):]?\)?$"
)
# A number printed in front of text: "1. ", "1.1 ", "(1a) ", "2) ", "Recommendation 3: ".
_PREFIX_NUMBER = re.compile(
    r"^\s*(?:(?i:recommendation|rec\.?|action)\s+)?"
    rf"(?:\((?P<b>{NUMBER})\)"
    rf"|(?P<n>{NUMBER})(?:[.):]|(?=\s+[A-Z(])))"
    r"\s+",
)
# A label set flush against its text, as browsers and some exports print a list: "1.Produce",
# "•Commission", "••Commission" (a bullet glyph doubled). A number must meet a capital and a
# lower-case letter ("1.5" stays a figure); a hyphen never counts glued ("-based").
_GLUED = rf"\d{{1,2}}\.(?=[A-Z][a-z])|[{re.escape(BULLET_CHARS)}]{{1,3}}(?=[A-Za-z(])"
_GLUED_NUMBER = re.compile(r"^\s*(\d{1,2})\.(?=[A-Z][a-z])")
_BULLET = re.compile(rf"^\s*(?:{_BULLETS}\s+|[{re.escape(BULLET_CHARS)}]{{1,3}}(?=[A-Za-z(]))")
_LETTER = re.compile(r"^\s*\(?([a-z])[.)]\s+")
# Generated labels may also count in roman numerals or capitals: "ii.", "(iv)", "A.".
_LABEL_WORD = re.compile(r"^\(?([ivxlcdm]{1,6}|[IVXLCDM]{1,6}|[A-Za-z])[.)]?\)?$")
# A list label opening a paragraph, as the next item of a list: "1. ", "1.2) ", "(3) ",
# "(b) ", "a) ", "• ", "- ". Unlike ``split_prefix`` it wants the label's closing mark.
_LIST_ITEM = re.compile(
    r"^\(?\d{1,2}(?:\.\d{1,2})*[a-z]?[.)]\s|^\(\d{1,2}[a-z]?\)\s|^\(?[a-z]\)\s"
    rf"|^{_BULLETS}\s|^(?:{_GLUED})"
)
# A short label alone in a cell, as a column of numbers holds them: "1", "1.2.", "(3)", "S4".
_NUMBER_LABEL = re.compile(rf"^\(?{NUMBER}[.)]?\)?$")
# The numbering a header cell may carry: "1. Recommendation", "b) Owner".
_HEADER_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)])\s*", re.IGNORECASE)
# "Recommendation 3:", "Recommendation S40 –", "Rec 2.": a recommendation announced as such.
_REC_TITLE = re.compile(r"^\s*(?:recommendation|rec\.?)\s*\(?[A-Z]{0,2}\d", re.IGNORECASE)
# "1. The prison should …", "(S2) Leaders should …": a numbered recommendation sentence.
_NUMBERED_SENTENCE = re.compile(r"^\s*\(?[A-Z]{0,2}\d{1,2}(?:\.\d{1,2})?[.):]\s")
_ANY_NUMBER = re.compile(NUMBER)
# The counting part of a number, its last figure group or a letter after figures: the "b" of
# "1b", the "2" of "1.2", the "3" of "S3", the "c" of "c".
_COUNTER = re.compile(r"^(?P<stem>.*?)(?P<count>\d+|(?<![A-Za-z])[a-z])$")


def cell_number(text: str) -> str | None:
    """The number a rec/action number cell holds, without brackets or trailing dot."""
    match = _CELL_NUMBER.match(" ".join(text.split()))
    return match.group(1) if match else None


def cut_cell_number(text: str) -> str | None:
    """A number cell whose figures a narrow column broke apart ("1. 46" is 1.46)."""
    if not re.fullmatch(r"[\d.\s]+", text or "-"):
        return None
    return cell_number(re.sub(r"\s+", "", text))


def step_number(number: str, offset: int) -> str | None:
    """The number ``offset`` places from a printed one in the same scheme ("1b", -1 → "1a";
    "1.2", 1 → "1.3"; "S3", 1 → "S4"); None when the scheme has no such place."""
    match = _COUNTER.match(number)
    if not match:
        return None
    stem, count = match.group("stem"), match.group("count")
    if count.isdigit():
        value = int(count) + offset
        # Zero padding is part of the scheme ("5.01" → "5.02").
        return f"{stem}{value:0{len(count)}d}" if value >= 1 else None
    if stem and not stem[-1].isdigit() and not stem.endswith("."):
        return None  # roman numerals ("ii") and words do not count by letters
    value = ord(count) + offset
    return f"{stem}{chr(value)}" if ord("a") <= value <= ord("z") else None


def split_prefix(text: str) -> tuple[str | None, str]:
    """Split a printed numbering prefix off text: ('1.1', rest) or (None, text)."""
    match = _PREFIX_NUMBER.match(text)
    if match:
        number = match.group("b") or match.group("n")
        rest = text[match.end():]
        # "2020 saw ..." or "25 cases ..." are words, not numbers: require a short number.
        if number and not (number.isdigit() and len(number) > 2) and rest.strip():
            return number, rest
    glued = _GLUED_NUMBER.match(text)
    if glued:
        return glued.group(1), text[glued.end():]
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


def is_list_label(label: str) -> bool:
    """True for a list label on its own: a number, letter or roman numeral, or a bullet."""
    label = label.strip()
    return label_number(label) is not None or bool(re.fullmatch(_BULLETS, label))


def opens_list_item(text: str) -> bool:
    """True when text opens with a printed list label: a number, letter or bullet and a space."""
    return bool(_LIST_ITEM.match(text))


def strip_list_label(text: str) -> str:
    """Text without the list label it opens with (see ``opens_list_item``)."""
    match = _LIST_ITEM.match(text.lstrip())
    return text.lstrip()[match.end():] if match else text


def is_number_label(text: str) -> bool:
    """True for a short number label alone: "1", "1.2.", "(3)", "S4" (no words)."""
    return bool(_NUMBER_LABEL.match(text))


def find_number(text: str) -> str | None:
    """The first number anywhere in text ("Recommendation 3 (S2)" → "3")."""
    found = _ANY_NUMBER.search(text)
    return found.group(0) if found else None


def strip_header_numbering(text: str) -> str:
    """A header cell's words without the '1.' or 'b)' numbering some templates give them."""
    return _HEADER_NUMBERING.sub("", text)


def announces_recommendation(text: str) -> bool:
    """True for text that opens a recommendation: "Recommendation 3: …", or a numbered
    sentence that says what should be done ("1. The prison should …")."""
    return bool(_REC_TITLE.match(text)) or (
        bool(_NUMBERED_SENTENCE.match(text)) and " should " in f" {text} "
    )
