"""File names as the OS gives them (any bytes) and as people and tables are shown them.

A POSIX name is bytes; Python holds the ones that are not UTF-8 as lone surrogates, which no
UTF-8 writer accepts. ``printable`` is the one text form for cells, JSON and messages:
undecodable bytes become ``\\xNN`` and control characters (a newline above all) their
escapes, so a name can neither break a writer nor start a forged line. ``quoted`` marks such
a name in messages. ``fit_name`` keeps output names within the file system's limit.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata

NAME_MAX_BYTES = 255  # every common Linux, macOS and Windows file system
# Room left for what is added to an output name: ".json"/".csv", and the atomic writer's
# temporary ".<name>.<8 random>.tmp".
_NAME_BUDGET_BYTES = NAME_MAX_BYTES - 24
_KEEP_BYTES = _NAME_BUDGET_BYTES - 9  # the shortened name keeps this much, then "-<8 hex>"
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escaped_char(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or code in (0x7F, 0x85):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def needs_escaping(text: str) -> bool:
    """True when ``text`` holds bytes that are not UTF-8 or characters that are not printable."""
    return any(_escaped_char(c) != c for c in text if c != "\\")


def printable(text: str) -> str:
    """``text`` with undecodable bytes and control characters escaped (backslashes doubled
    only when something else needed escaping, so ordinary Windows-style names stay as is)."""
    if not needs_escaping(text):
        return text
    return "".join(_escaped_char(c) for c in text)


def quoted(text: str) -> str:
    """A name for a message line: as is when printable, else escaped inside single quotes."""
    return f"'{printable(text)}'" if needs_escaping(text) else text


def fit_name(name: str, suffix_bytes: int = 0) -> str:
    """``name`` if it fits the file-name limit, else its start plus 8 hex of its SHA-1, with
    the original extension kept; stable, and distinct for names that differ anywhere."""
    raw = os.fsencode(name)
    if len(raw) + suffix_bytes <= _NAME_BUDGET_BYTES:
        return name
    stem, dot, ext = name.rpartition(".")
    extension = f".{ext}" if dot and stem and len(os.fsencode(ext)) <= 16 else ""
    digest = hashlib.sha1(raw).hexdigest()[:8]
    keep = _KEEP_BYTES - suffix_bytes - len(os.fsencode(extension))
    head, used = [], 0
    for char in name[: len(name) - len(extension)]:  # whole characters, never half of one
        used += len(os.fsencode(char))
        if used > keep:
            break
        head.append(char)
    return f"{''.join(head)}-{digest}{extension}"
