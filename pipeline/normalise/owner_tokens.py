"""spaCy's English tokenizer and the owner matchers, reproduced for plain owner text.

Loading spaCy costs most of a second per process; owner cells need from it only tokens with
their offsets and three matches on them. For a defined class of text this module gives the
same answer without loading it, and ``None`` for anything outside, where spaCy decides.

The class: characters from ``ALPHABET`` (ASCII letters and digits, ``( ) , ; & / ' ’`` and
the three dashes ``- – —``), words separated by single spaces, no two dashes in a row, no
digit directly followed by a letter. On it spaCy 3.8's English rules reduce to:

- prefixes and suffixes: one character of ``AFFIX_CHARS`` (brackets, ``, ; &``, quotes,
  en and em dash) at either end; the suffixes ``'s 'S ’s ’S``. The hyphen ``-`` and ``/``
  are neither. The units after a number ("10km") need a digit before a letter, the
  ellipses, the ``+`` rules and the URL match a dot or a sign: all outside the class.
- infixes: ``-`` between two digits, a dash or ``/`` after a letter or digit and before a
  letter, ``,`` between two letters. With no two dashes in a row every infix is one
  character, so the leftmost-first order of spaCy's alternatives cannot change a match.
- special cases: spaCy stops at any string its exceptions list ("can't", "Id", "and/or",
  ";)" …). Where spaCy would look one up and find it, or where its special-case matcher
  would re-join tokens, the text is outside the class (``tokenize`` returns None). The
  exceptions that use only ``ALPHABET`` are recorded in ``data/spacy_special_cases.json``
  (``scripts/spacy_special_cases.py`` writes it from the installed spaCy; a test fails
  when they differ), with the spaCy version they come from: any other installed version
  turns the fast path off.

``tokenize`` follows spaCy's own loop (``Tokenizer._split_affixes`` / ``_attach_tokens``) on
these rules, so the tokens are the same, not just alike; ``tests/pipeline/normalise/
test_owner_tokens.py`` runs both over every sample owner cell and thousands of generated
strings, and over every string of up to four characters of a representative alphabet.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata, resources

ALPHABET = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789(),;&/'’-–—"
)
# spaCy's prefixes and suffixes that are one character of ALPHABET (its punctuation and
# quote lists, and the en and em dash).
AFFIX_CHARS = frozenset("(),;&'’–—")
# spaCy's possessive suffixes.
_POSSESSIVES = ("'s", "'S", "’s", "’S")
_CLASS_CHARS = ALPHABET | {" "}
_ASCII_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")
# Outside the class: two dashes in a row (spaCy's "--" / "---" / "——" infixes), a digit
# followed by a letter (its units: "10km", "5pm").
_OUTSIDE = re.compile(r"[-–—]{2}|[0-9][A-Za-z]")

Token = tuple[str, int]  # a token's text and the offset of its first character


@dataclass(frozen=True)
class _SpecialCases:
    keys: frozenset[str]  # exceptions spaCy looks a string up in
    # How its special-case matcher sees each exception that splits: as tokens, by first token.
    patterns: Mapping[str, tuple[tuple[str, ...], ...]]


@functools.cache
def _special_cases() -> _SpecialCases | None:
    """The exceptions of the installed spaCy, or None when the table is another version's."""
    data = json.loads(
        resources.files("pipeline").joinpath("data/spacy_special_cases.json").read_text("utf-8")
    )
    try:
        installed = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return None
    if installed != data["spacy"]:
        return None  # another spaCy may tokenize otherwise: it alone decides then
    # A one-character exception ("'", "—") is one token however it is reached: the same
    # token the rules give it, so it cannot change a tokenization (the test checks each).
    keys = frozenset(k for k in data["special_cases"] if len(k) > 1)
    # spaCy's special-case matcher looks for each exception as the rules without exceptions
    # split it. A key outside the class needs no pattern: a text holding it is outside too
    # (each test of the class is of a character or of two in a row).
    patterns: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(keys):
        tokens = _split_chunk(key, frozenset()) if _in_class(key) else None
        if tokens is not None and len(tokens) > 1:
            patterns.setdefault(tokens[0], []).append(tuple(tokens))
    return _SpecialCases(keys, {k: tuple(v) for k, v in patterns.items()})


def fast_path_available() -> bool:
    """Whether the installed spaCy is the one the exceptions table was made from."""
    return _special_cases() is not None


def _suffix_len(text: str) -> int:
    if text.endswith(_POSSESSIVES):
        return 2
    return 1 if text and text[-1] in AFFIX_CHARS else 0


_ALNUM = _ASCII_ALPHA | _DIGITS
_INFIX_CHARS = frozenset("-–—/,")


def _is_infix(char: str, before: str, after: str) -> bool:
    """Whether spaCy splits off ``char`` between ``before`` and ``after`` (its infixes)."""
    if char == "-" and before in _DIGITS and after in _DIGITS:
        return True  # a range of numbers: "2020-21"
    if char in "-–—/":
        return before in _ALNUM and after in _ASCII_ALPHA
    return char == "," and before in _ASCII_ALPHA and after in _ASCII_ALPHA


def _split_infixes(text: str) -> list[str]:
    """An affix-free string cut at spaCy's (one-character) infixes."""
    if not _INFIX_CHARS.intersection(text):
        return [text]
    tokens = []
    start = 0
    for i in range(1, len(text) - 1):
        if _is_infix(text[i], text[i - 1], text[i + 1]):
            if i != start:
                tokens.append(text[start:i])
            tokens.append(text[i])
            start = i + 1
    if text[start:]:
        tokens.append(text[start:])
    return tokens


def _strip_affixes(
    chunk: str, specials: frozenset[str]
) -> tuple[list[str], str, list[str]] | None:
    """(prefixes, rest, suffixes in the order stripped) as spaCy's ``_split_affixes`` loop
    strips them, or None where that loop would meet an exception."""
    prefixes: list[str] = []
    suffixes: list[str] = []
    string = chunk
    last_size = -1
    while string and len(string) != last_size:
        if string in specials:
            return None
        last_size = len(string)
        pre_len = 1 if string[0] in AFFIX_CHARS else 0
        if pre_len and string[1:] and string[1:] in specials:
            return None
        suf_len = _suffix_len(string[pre_len:])
        if suf_len and string[:-suf_len] and string[:-suf_len] in specials:
            return None
        if pre_len and suf_len and pre_len + suf_len <= len(string):
            prefixes.append(string[:pre_len])
            suffixes.append(string[-suf_len:])
            string = string[pre_len:-suf_len]
        elif pre_len:
            prefixes.append(string[:pre_len])
            string = string[pre_len:]
        elif suf_len:
            suffixes.append(string[-suf_len:])
            string = string[:-suf_len]
    return prefixes, string, suffixes


def _split_chunk(chunk: str, specials: frozenset[str]) -> list[str] | None:
    """One space-free chunk as spaCy splits it (``_attach_tokens``), or None where it meets an
    exception."""
    stripped = _strip_affixes(chunk, specials)
    if stripped is None:
        return None
    prefixes, rest, suffixes = stripped
    if rest in specials:
        return None
    return [*prefixes, *(_split_infixes(rest) if rest else []), *reversed(suffixes)]


def _in_class(text: str) -> bool:
    if not _CLASS_CHARS.issuperset(text):
        return False
    if text.startswith(" ") or text.endswith(" ") or "  " in text:
        return False  # spaCy makes tokens of extra spaces: left to it
    return not _OUTSIDE.search(text)


def _rejoined(tokens: list[str], patterns: Mapping[str, tuple[tuple[str, ...], ...]]) -> bool:
    """True when spaCy's special-case matcher would find an exception among a chunk's tokens."""
    for i, token in enumerate(tokens):
        for pattern in patterns.get(token, ()):
            if tuple(tokens[i : i + len(pattern)]) == pattern:
                return True
    return False


def tokenize(text: str) -> list[Token] | None:
    """spaCy's English tokens of ``text`` (text, offset), or None when the text is outside the
    class this module reproduces."""
    specials = _special_cases()
    if specials is None or not _in_class(text):
        return None
    out: list[Token] = []
    offset = 0
    for chunk in text.split(" ") if text else []:
        if chunk.isalnum():
            # Most words: no affix or infix character, so spaCy's loop leaves them whole
            # unless they are an exception.
            if chunk in specials.keys:
                return None
            out.append((chunk, offset))
            offset += len(chunk) + 1
            continue
        pieces = _split_chunk(chunk, specials.keys)
        if pieces is None or len(pieces) > 1 and _rejoined(pieces, specials.patterns):
            return None
        at = offset
        for piece in pieces:
            out.append((piece, at))
            at += len(piece)
        offset += len(chunk) + 1
    return out


@dataclass(frozen=True)
class Matches:
    """What the owner matchers find in one text: spaCy's ``Matcher`` (``HEAD_WORD``,
    ``TITLE_OF``) and ``PhraseMatcher`` (``BODY``) results as (label, start, end) token spans,
    and the bodies as character spans."""

    tokens: tuple[Token, ...]
    heads: tuple[tuple[str, int, int], ...]
    bodies: tuple[tuple[int, int], ...]

    def body_chars(self) -> list[tuple[int, int]]:
        """Each body match as (first character, end character) of the text."""
        out = []
        for start, end in self.bodies:
            text, at = self.tokens[end - 1]
            out.append((self.tokens[start][1], at + len(text)))
        return out


class OwnerMatcher:
    """The owner matchers on ``tokenize``'s tokens: a role head word (LOWER in ``heads``), a
    title with "of" (LOWER in ``titles_of``, then "of", then an alphabetic token), and the
    body names (their tokens' LOWER in a row)."""

    def __init__(self, heads: Iterable[str], titles_of: Iterable[str], bodies: Iterable[str]):
        self._heads = frozenset(heads)
        self._titles_of = frozenset(titles_of)
        patterns: dict[str, set[tuple[str, ...]]] = {}
        self.usable = fast_path_available()
        for body in bodies:
            tokens = tokenize(body)
            if not tokens:
                self.usable = False  # a body spaCy alone can tokenize: spaCy decides always
                continue
            lowered = tuple(t.lower() for t, _ in tokens)
            patterns.setdefault(lowered[0], set()).add(lowered)
        # Longest first per first token does not matter to the result (all matches are
        # kept); sorted so the order of the output is fixed.
        self._bodies = {k: sorted(v) for k, v in patterns.items()}

    def match(self, text: str) -> Matches | None:
        """The matches in ``text``, or None when it is outside the tokenizer's class."""
        if not self.usable:
            return None
        tokens = tokenize(text)
        if tokens is None:
            return None
        lower = [t.lower() for t, _ in tokens]
        heads: list[tuple[str, int, int]] = []
        bodies: list[tuple[int, int]] = []
        n = len(lower)
        for i, low in enumerate(lower):
            if low in self._heads:
                heads.append(("HEAD_WORD", i, i + 1))
            if (
                low in self._titles_of
                and i + 2 < n
                and lower[i + 1] == "of"
                and tokens[i + 2][0].isalpha()
            ):
                heads.append(("TITLE_OF", i, i + 3))
            for pattern in self._bodies.get(low, ()):
                size = len(pattern)
                if tuple(lower[i : i + size]) == pattern:
                    bodies.append((i, i + size))
        return Matches(tuple(tokens), tuple(sorted(heads, key=_span_order)), tuple(sorted(bodies)))


def _span_order(match: tuple[str, int, int]) -> tuple[int, int, str]:
    return match[1], match[2], match[0]
