"""spaCy's English tokenizer and the owner matchers, reproduced for plain owner text.

Loading spaCy costs most of a second per process; owner cells need from it only tokens with
their offsets and three matches on them. For a defined class of text this module gives the
same answer without loading it, and ``None`` for anything outside, where spaCy decides.

The class: characters from ``ALPHABET`` (ASCII letters and digits, the Latin letters of
U+00C0-U+017F, ``( ) , ; : . & / ' ’`` and the three dashes ``- – —``) and the whitespace of
``WHITESPACE``; no two dashes or two dots in a row, no digit directly followed by a letter,
no dot followed by a digit or by two lower-case letters. On it spaCy 3.8's English rules reduce to:

- whitespace: one space after a word belongs to it; any other run of whitespace is a token.
- prefixes: one character of ``AFFIX_CHARS`` (brackets, ``, ; : &``, quotes, en and em
  dash). Suffixes: the same, the possessives ``'s 'S ’s ’S``, and a dot after a lower-case
  letter, a digit, one of ``( ) , ; : & ' ’ -`` or two capitals ("PDU."; "J." keeps its
  dot). The hyphen ``-`` and ``/`` are neither. The ellipsis rules need two dots, the units
  after a number ("10km") a digit before a letter, the URL match a dot before a digit or
  two lower-case letters ("gov.uk"), the ``+`` and currency rules a sign: all outside.
- infixes: ``-`` between two digits; a dash, ``/`` or ``:`` after a letter or digit and
  before a letter; ``,`` between two letters; ``.`` after a lower-case letter or a quote
  (``' ’ ,``) and before a capital or a quote. Each is one character (no two dashes or dots
  in a row), so the leftmost-first order of spaCy's alternatives cannot change a match.
- special cases ("Mr.", "can't", "Id", "and/or" …): applied exactly where spaCy's loop looks
  them up; where its special-case matcher would re-join tokens afterwards, the text is
  outside the class (``tokenize`` returns None). The exceptions that use only ``ALPHABET``
  and ``WHITESPACE`` are recorded, with the pieces each becomes, in
  ``data/spacy_special_cases.json`` (``scripts/spacy_special_cases.py`` writes it from the
  installed spaCy; a test fails when they differ), with the spaCy version they come from:
  any other installed version turns the fast path off.

``tokenize`` follows spaCy's own loop (``Tokenizer.__call__`` / ``_split_affixes`` /
``_attach_tokens``) on these rules, so the tokens are the same, not just alike;
``tests/pipeline/normalise/test_owner_tokens.py`` runs both over every sample owner cell and
thousands of generated strings, and over every short string of a representative alphabet.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata, resources

# The Latin letters of U+00C0-U+017F ("Siân", "Zoë", "Łukasz"): spaCy's letter classes take
# all of them, upper or lower case as Python says (the test checks each).
_LATIN = frozenset(c for c in map(chr, range(0xC0, 0x180)) if c.isalpha())
ALPHABET = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789(),;:.&/'’-–—"
) | _LATIN
WHITESPACE = frozenset(" \n\t\u00a0")
# spaCy's prefixes and suffixes that are one character of ALPHABET (its punctuation and
# quote lists, and the en and em dash).
AFFIX_CHARS = frozenset("(),;:&'’–—")
# spaCy's possessive suffixes.
_POSSESSIVES = ("'s", "'S", "’s", "’S")
_CLASS_CHARS = ALPHABET | WHITESPACE
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ") | {c for c in _LATIN if c.isupper()}
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz") | {c for c in _LATIN if c.islower()}
_ALPHA = _UPPER | _LOWER
_DIGITS = frozenset("0123456789")
_ALNUM = _ALPHA | _DIGITS
# What a dot is split off after at the end of a word (spaCy's suffix rule's look-behind).
_DOT_AFTER = _LOWER | _DIGITS | frozenset("(),;:&'’-")
# spaCy's quote characters in ALPHABET, on either side of a dot infix.
_QUOTES = frozenset("'’,")
_INFIX_CHARS = frozenset("-–—/:,.")
# Outside the class: two dashes or dots in a row (spaCy's "--" / "——" infixes, its
# ellipses), a digit followed by a letter (its units: "10km", "5pm"), and a dot before a
# digit or two lower-case letters: all its URL match can take ("gov.uk", "10.0.0.1").
_LETTER_CLASS = "[" + re.escape("".join(sorted(_ALPHA))) + "]"
_LOWER_CLASS = "[" + re.escape("".join(sorted(_LOWER))) + "]"
_OUTSIDE = re.compile(
    rf"[-–—]{{2}}|\.\.|[0-9]{_LETTER_CLASS}|\.[0-9]|\.{_LOWER_CLASS}{{2}}"
)

Token = tuple[str, int]  # a token's text and the offset of its first character


@dataclass(frozen=True)
class _SpecialCases:
    rules: Mapping[str, tuple[str, ...]]  # each exception and the pieces spaCy makes of it
    # How spaCy's special-case matcher sees each exception that splits: as tokens, by first
    # token.
    patterns: Mapping[str, tuple[tuple[str, ...], ...]]


@functools.cache
def _special_cases() -> _SpecialCases | None:
    """The exceptions of the installed spaCy, or None when the table is another version's."""
    try:
        table = resources.files("pipeline").joinpath("data/spacy_special_cases.json")
        data = json.loads(table.read_text("utf-8"))
        installed = metadata.version("spacy")
    except (OSError, ValueError, metadata.PackageNotFoundError):
        return None  # no table (or no spaCy to compare it with): spaCy decides every text
    if installed != data["spacy"]:
        return None  # another spaCy may tokenize otherwise: it alone decides then
    rules = {key: tuple(pieces) for key, pieces in data["special_cases"].items()}
    # spaCy's special-case matcher looks for each exception as its rules without exceptions
    # split it. A key outside the class needs no pattern: a text holding it is outside too
    # (each test of the class is of a character or of two in a row).
    patterns: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(rules):
        if key.isalnum():
            continue  # one token, as in ``tokenize``: no affix or infix character
        tokens = _split_chunk(key, {}) if _in_class(key) and not _has_space(key) else None
        if tokens is not None and len(tokens) > 1:
            patterns.setdefault(tokens[0], []).append(tuple(tokens))
    return _SpecialCases(rules, {k: tuple(v) for k, v in patterns.items()})


def fast_path_available() -> bool:
    """Whether the installed spaCy is the one the exceptions table was made from."""
    return _special_cases() is not None


def _has_space(text: str) -> bool:
    return not WHITESPACE.isdisjoint(text)


def _suffix_len(text: str) -> int:
    if text.endswith(_POSSESSIVES):
        return 2
    if not text:
        return 0
    last = text[-1]
    if last == ".":
        if len(text) >= 2 and text[-2] in _DOT_AFTER:
            return 1
        return 1 if len(text) >= 3 and text[-2] in _UPPER and text[-3] in _UPPER else 0
    return 1 if last in AFFIX_CHARS else 0


def _is_infix(char: str, before: str, after: str) -> bool:
    """Whether spaCy splits off ``char`` between ``before`` and ``after`` (its infixes)."""
    if char == "-" and before in _DIGITS and after in _DIGITS:
        return True  # a range of numbers: "2020-21"
    if char in "-–—/:":
        return before in _ALNUM and after in _ALPHA
    if char == ".":
        return (before in _LOWER or before in _QUOTES) and (after in _UPPER or after in _QUOTES)
    return char == "," and before in _ALPHA and after in _ALPHA


def _split_infixes(text: str) -> list[str]:
    """An affix-free string cut at spaCy's (one-character) infixes."""
    if _INFIX_CHARS.isdisjoint(text):
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
    chunk: str, rules: Mapping[str, tuple[str, ...]]
) -> tuple[list[str], str, list[str]]:
    """(prefixes, rest, suffixes in the order stripped) as spaCy's ``_split_affixes`` loop
    strips them: it stops where the rest is an exception."""
    prefixes: list[str] = []
    suffixes: list[str] = []
    string = chunk
    last_size = -1
    while string and len(string) != last_size:
        if string in rules:
            break
        last_size = len(string)
        pre_len = 1 if string[0] in AFFIX_CHARS else 0
        if pre_len and string[1:] and string[1:] in rules:
            prefixes.append(string[:pre_len])
            string = string[pre_len:]
            break
        suf_len = _suffix_len(string[pre_len:])
        if suf_len and string[:-suf_len] and string[:-suf_len] in rules:
            suffixes.append(string[-suf_len:])
            string = string[:-suf_len]
            break
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


def _split_chunk(chunk: str, rules: Mapping[str, tuple[str, ...]]) -> list[str]:
    """One whitespace-free chunk as spaCy splits it (``_attach_tokens``), exceptions applied."""
    if chunk in rules:
        return list(rules[chunk])
    prefixes, rest, suffixes = _strip_affixes(chunk, rules)
    middle = list(rules[rest]) if rest in rules else _split_infixes(rest) if rest else []
    return [*prefixes, *middle, *reversed(suffixes)]


def _in_class(text: str) -> bool:
    return _CLASS_CHARS.issuperset(text) and not _OUTSIDE.search(text)


def _rejoined(tokens: list[str], patterns: Mapping[str, tuple[tuple[str, ...], ...]]) -> bool:
    """True when spaCy's special-case matcher would find an exception among a chunk's tokens."""
    for i, token in enumerate(tokens):
        for pattern in patterns.get(token, ()):
            if tuple(tokens[i : i + len(pattern)]) == pattern:
                return True
    return False


# Alternating runs of whitespace and of other characters (in the class, no other whitespace).
_RUN = re.compile("[ \n\t\u00a0]+|[^ \n\t\u00a0]+")


def _runs(text: str) -> list[tuple[str, int, bool]]:
    """The text's alternating runs of whitespace and of other characters: (run, start,
    is whitespace)."""
    return [(m.group(), m.start(), m.group()[0] in WHITESPACE) for m in _RUN.finditer(text)]


def tokenize(text: str) -> list[Token] | None:
    """spaCy's English tokens of ``text`` (text, offset), or None when the text is outside the
    class this module reproduces."""
    specials = _special_cases()
    if specials is None or not _in_class(text):
        return None
    out: list[Token] = []
    for run, start, space in _runs(text):
        if space:
            # The one space after a word is the word's; the rest of the run is a token (no
            # rule splits whitespace; its exceptions are itself).
            if out and run[0] == " ":
                run, start = run[1:], start + 1
            if run:
                out.append((run, start))
            continue
        if run.isalnum() and run not in specials.rules:
            out.append((run, start))  # most words: no affix or infix character
            continue
        pieces = _split_chunk(run, specials.rules)
        if len(pieces) > 1 and _rejoined(pieces, specials.patterns):
            return None
        for piece in pieces:
            out.append((piece, start))
            start += len(piece)
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
