"""Owner cells → ``Owner`` list: split at separators only between owners, find people, expand.

Splitting (rules also in docs/normalisation.md):

- Line breaks are decided over the whole cell: every grouping of the cell's lines into owners
  is scored by how well each piece reads as a role, body or person (lexicon + spaCy matchers)
  plus what each break says — an author's break (DOCX paragraph, PDF line that ended short)
  separates unless the text plainly runs on (a joining word or mark, a lower-case start, a word
  that cannot begin a role); a wrap (full PDF line, page cut) splits only where both sides read
  as owners, more readily when the next line opens with a title or "Name,".
- ``;`` always separates owners within a line.
- ``,`` ``/`` ``&`` ``and`` separate only when both neighbours are owners: they contain a role
  head from ``pipeline/data/owner_lexicon.json`` or are abbreviations ("Quality Team and Training
  department" → 2; "Head of Education, Skills and Work" → 1). Names in the lexicon's ``bodies``
  are never split. A person's name counts as an owner beside ``and`` when the other side is a role.
- A run of roles on one line with no separator ("Quality Team Operational Middle Managers") is
  split only where every piece is a whole role: after a tail word (Manager, Team, Unit …) or
  "Head of X" with X a lexicon ``title_objects`` word (Area, Service …), before a capitalised
  word that is not itself a tail.

Grouping key: the expansion if known, else the role, else the person; case-folded; ``&`` → and;
possessive ``'s`` and punctuation dropped; plural head words made singular ("Heads of Area" →
"head of area", "Managers" → "manager").
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from pipeline.models import Owner
from pipeline.normalise.owner_tokens import OwnerMatcher
from pipeline.numbering import strip_list_label
from pipeline.text import CellLine

if TYPE_CHECKING:  # spaCy loads on the first cell outside the fast path; hints need no load
    from spacy.language import Language
    from spacy.matcher import Matcher, PhraseMatcher

_JOINERS = re.compile(r"(\b(and|of|for|the|in|to|with)|[,&/(\-–—])\s*$", re.I)
_SEPARATORS = re.compile(r"\s*(;)\s*|\s*(,)\s*|\s*(/)\s*|\s+(and|&)\s+|\s+([–—-])\s+", re.I)
_ABBREV = re.compile(r"^[A-Z][A-Za-z&]*[A-Z][A-Za-z]*(?:['’]s)?$")
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?){2,4}$")
_SKIP_WORDS = {"of", "and", "the", "for", "&", "in", "on", "to", "a"}
# Compiled once: the parser calls these thousands of times per batch, and re's own cache
# lookup cost more than some of the matches.
_PLURAL_END = re.compile(r"(['’]s|(?<=[A-Z])s)$")
_WORDS = re.compile(r"[\w'’&-]+")  # words with their joining marks
_PLAIN_WORDS = re.compile(r"[\w'’-]+")  # the same without "&"
_NAME_WORD = re.compile(r"[A-Z](?:[a-z'’-]+[a-zA-Z]*|\.)?")
_FIRST_WORD = re.compile(r"\s*([\w&)]+)")
_NAME_COMMA = re.compile(r"\s*([^,;()]+?),")
_LAST_OWNER = re.compile(r"\s*[;,/&]\s*|\s+and\s+")
_TITLED_END = re.compile(r"\b(\w+)\s+of\s+[\w'’&,\s-]+$")
_BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)\s*")
_PERSON_SEP = re.compile(r"(.+?)\s*(?:,|\s[–—-])\s*(.+)")
_ABBREV_WORD = re.compile(r"[A-Za-z][\w&]*(?:['’]s)?")
_POSSESSIVE = re.compile(r"['’]s\b")
_KEY_WORDS = re.compile(r"[a-z0-9]+")
_SPACES = re.compile(r"\s+")
_COMMA = re.compile(",")
_NON_SPACE = re.compile(r"\S+")
_AFTER_BRACKET = re.compile(r"(?<=\))\s+(?=[A-Z])")


@dataclass(frozen=True)
class _Lexicon:
    heads: frozenset[str]
    titles_of: frozenset[str]
    title_objects: frozenset[str]
    tails: frozenset[str]
    continuations: frozenset[str]
    bodies: tuple[str, ...]
    person_titles: frozenset[str]
    not_alone: frozenset[str]
    openers: frozenset[str]
    modifiers: frozenset[str]
    fields: frozenset[str]
    units: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    data = json.loads(
        resources.files("pipeline").joinpath("data/owner_lexicon.json").read_text("utf-8")
    )
    return _Lexicon(
        heads=frozenset(data["heads"]),
        titles_of=frozenset(data["titles_of"]),
        title_objects=frozenset(data["title_objects"]),
        tails=frozenset(data["tails"]),
        continuations=frozenset(data["continuations"]),
        bodies=tuple(data["bodies"]),
        person_titles=frozenset(data["person_titles"]),
        not_alone=frozenset(data.get("not_alone", [])),
        openers=frozenset(data["openers"]),
        modifiers=frozenset(data["modifiers"]),
        fields=frozenset(data["fields"]),
        units=frozenset(data["units"]),
    )


@functools.cache
def _nlp() -> tuple[Language, Matcher, PhraseMatcher]:
    """Blank English tokenizer plus matchers for role heads and protected body names (once)."""
    from pipeline.normalise.spacy_import import import_spacy

    spacy = import_spacy()  # without its command line: a third of its start-up
    from spacy.matcher import Matcher, PhraseMatcher

    lex = _lexicon()
    nlp = spacy.blank("en")
    heads = Matcher(nlp.vocab)
    heads.add("HEAD_WORD", [[{"LOWER": {"IN": sorted(lex.heads)}}]])
    heads.add(
        "TITLE_OF",
        [[{"LOWER": {"IN": sorted(lex.titles_of)}}, {"LOWER": "of"}, {"IS_ALPHA": True}]],
    )
    bodies = PhraseMatcher(nlp.vocab, attr="LOWER")
    bodies.add("BODY", [nlp.make_doc(b) for b in lex.bodies])
    return nlp, heads, bodies


@functools.cache
def _fast_matcher() -> OwnerMatcher:
    """The same matchers without spaCy, for the text its tokenizer is reproduced on."""
    lex = _lexicon()
    return OwnerMatcher(lex.heads, lex.titles_of, lex.bodies)


def load_tokenizer() -> None:
    """Load spaCy's tokenizer and the matchers now (tests, warm-up); owner cells that need
    spaCy load it themselves."""
    _nlp()


def spacy_loaded() -> bool:
    """Whether spaCy has been loaded in this process (by an owner cell outside the fast
    path's class, or by ``load_tokenizer``)."""
    return _nlp.cache_info().currsize > 0


# The same pieces of a cell are read many times over (each grouping of its lines, each
# separator), and the same cells recur across a batch's plans: the matches are a function
# of the text alone.
@functools.lru_cache(maxsize=8192)
def _matches(text: str) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """(whether a role head or "X of" title matches, the known bodies as character spans,
    in order) in ``text``: from the fast path where it reproduces spaCy, else from spaCy."""
    fast = _fast_matcher().match(text)
    if fast is not None:
        return bool(fast.heads), tuple(fast.body_chars())
    nlp, heads, bodies = _nlp()
    doc = nlp.make_doc(text)
    spans = sorted((doc[s:e].start_char, doc[s:e].end_char) for _, s, e in bodies(doc))
    return bool(heads(doc)), tuple(spans)


def _is_abbrev(word: str, abbreviations: Mapping[str, str]) -> bool:
    return _strip_plural(word) in abbreviations or bool(_ABBREV.match(word))


def _strip_plural(word: str) -> str:
    return _PLURAL_END.sub("", word)


def _has_head(text: str, abbreviations: Mapping[str, str]) -> bool:
    """True when the text names a role, team or body (lexicon head or abbreviation)."""
    heads, bodies = _matches(text)
    if heads or bodies:
        return True
    words = _WORDS.findall(text)
    return any(_is_abbrev(w, abbreviations) for w in words)


def names_an_owner(text: str) -> bool:
    """True when the text alone names a role, team, body or person (not a fragment of one)."""
    text = text.strip(" ,;/")
    return bool(text) and (_has_head(text, {}) or _is_name(text) or bool(_ABBREV.match(text)))


def one_owner_across(before: str, after: str) -> bool:
    """Whether two pieces of an owner cell cut apart (by a page) are one owner's name."""
    if _JOINERS.search(before) or not names_an_owner(after):
        return True
    return len(_segment_lines([CellLine(before), CellLine(after, wrapped=True)], {})) == 1


def _is_name(text: str) -> bool:
    """True for a person's name: 2–3 capitalised words or initials, no role words."""
    words = text.split()
    lex = _lexicon()
    if words and words[0].lower().rstrip(".") in lex.person_titles:
        return len(words) >= 2
    if not 2 <= len(words) <= 3:
        return False
    for w in words:
        low = w.lower()
        if low in lex.heads or low in _SKIP_WORDS or w.isupper() and len(w) > 1:
            return False
        if low in lex.fields or low in lex.title_objects or low in lex.modifiers:
            return False  # "Probation Practice", "Local Delivery": an area of work, no name
        if not _NAME_WORD.fullmatch(w):
            return False
    return True


def _protected(text: str) -> tuple[tuple[int, int], ...]:
    return _matches(text)[1]


# How strongly each kind of line break speaks for a new owner, against the pieces' own
# reading: an author's break (a paragraph, a typed line break, a PDF line that ended short)
# separates unless the text plainly runs on; a wrap (a full line, a page cut) costs a
# little to split, so it splits only where both sides read as owners better than the whole.
_AUTHOR_BREAK = 2.0
_WRAP_BREAK = -0.5
# A wrap after a piece that does not end an owner ("Female Lead" / "Operational Manager":
# "Lead" may qualify what follows) splits only when the next line opens an owner itself.
_OPEN_END = -1.0
# A line that opens with a title ("Head of", "Director of", "Governor") or with "Name," starts
# an owner of its own.
_OPENS_OWNER = 1.0
# Real owners are short: each word past this many makes a piece read less like one owner.
_OWNER_WORDS = 6
_LONG_PENALTY = 0.15


def _runs_on(prev: str, nxt: str) -> bool:
    """True when the next line plainly carries on the previous one's owner."""
    if prev.count("(") > prev.count(")") or _JOINERS.search(prev):
        return True
    first = _FIRST_WORD.match(nxt)
    if not first:
        return True
    word = first.group(1)
    if _opens_title(nxt):
        return False
    if word[0].islower() or word[0] == ")" or word.lower() in ("and", "&", "of"):
        return True
    if word.lower() in _lexicon().continuations:
        return True
    # A known name across the break ("Probation" / "Delivery Unit") is one name.
    joined = f"{prev} {nxt}"
    return any(a < len(prev) < b for a, b in _protected(joined))


def _opens_title(text: str) -> bool:
    """True for a line that starts a role by its title: "Head of …", "Director …", "Governor"."""
    words = [w.lower() for w in _PLAIN_WORDS.findall(text)[:2]]
    lex = _lexicon()
    if not words:
        return False
    if len(words) == 2 and words[0] in lex.titles_of and words[1] == "of":
        return True
    return words[0] in lex.openers


def _opens_with_person(text: str) -> bool:
    """True for a line that starts "Sarah Whitfield, …": a named person, then their role."""
    m = _NAME_COMMA.match(text)
    return m is not None and _is_name(m.group(1).strip())


def _part_score(text: str, abbreviations: Mapping[str, str]) -> float:
    """How well one owner's text reads as an owner: 1 a role, body, person or abbreviation;
    less for a bare name of a team or place; negative when its noun is still to come."""
    words = text.split()
    if not words:
        return -1.0
    lex = _lexicon()
    last = words[-1].lower().strip(",.;:()")
    if last in lex.modifiers or _JOINERS.search(text):
        return -1.0  # "Heads of Local", "Deputy", "Head of": unfinished
    if len(words) == 1:
        # One word owns something alone only as an abbreviation or a title ("Governor").
        whole = _is_abbrev(words[0], abbreviations) or last in lex.tails or last in lex.openers
        return 1.0 if whole else 0.2
    if _has_head(text, abbreviations) or _is_name(text):
        score = 1.0
    elif words[0][:1].isupper():
        score = 0.3  # a named team or place without a head word
    else:
        score = 0.0
    return score - _LONG_PENALTY * max(0, len(words) - _OWNER_WORDS)


def _piece_score(text: str, abbreviations: Mapping[str, str]) -> float:
    """A piece of a cell scored as the owners it would give (its separators split it)."""
    return sum(_part_score(part, abbreviations) for part in _soft_split(text, abbreviations))


def _ends_owner(text: str, abbreviations: Mapping[str, str]) -> bool:
    """True when a piece's last words close an owner: a tail noun (Manager, Team, Unit …),
    an abbreviation, "Head of <object>" or a known body. Capitalised words alone do not: they
    may qualify the next line's role ("Approved Premises" / "Area Manager"), and a name
    wrapped onto its role is one owner too."""
    words = _WORDS.findall(text)
    if not words:
        return False
    lex = _lexicon()
    last = words[-1].lower()
    if any(b == len(text) for _, b in _protected(text)):
        return True  # a known body ends it: "Information Security and contracts"
    tail_part = _LAST_OWNER.split(text.strip())[-1].split()
    if len(tail_part) == 1 and last not in lex.openers:
        return False  # "… / NHS" / "England commissioners": one word may begin the next name
    if last in lex.tails or _is_abbrev(words[-1], abbreviations) and words[-1].isupper():
        return True
    # Else "Female Lead", "Business Support", "Approved Premises": they may qualify the next
    # line's noun.
    titled = _TITLED_END.search(text)
    return bool(titled and titled.group(1).lower() in lex.titles_of
                and last not in lex.modifiers)


def _break_value(
    prev_piece: str, prev: CellLine, line: CellLine, abbreviations: Mapping[str, str]
) -> float:
    """What splitting at the break before ``line`` adds, the previous owner being
    ``prev_piece``."""
    if not line.wrapped:
        return _AUTHOR_BREAK
    value = _WRAP_BREAK
    if _opens_title(line.text) or _opens_with_person(line.text):
        value += _OPENS_OWNER
    elif not _ends_owner(prev_piece, abbreviations):
        value += _OPEN_END
    return value


def _segment_lines(lines: list[CellLine], abbreviations: Mapping[str, str]) -> list[str]:
    """Group a cell's lines into owners: the segmentation whose pieces read best as owners,
    each line break weighed by who made it (``_break_value``)."""
    lines = [
        CellLine(t, ln.wrapped) for ln in lines if (t := strip_list_label(ln.text).strip())
    ]
    n = len(lines)
    if n <= 1:
        return [ln.text for ln in lines]
    joined = [False, *(_runs_on(lines[k - 1].text, lines[k].text) for k in range(1, n))]
    pieces = _Pieces(lines, abbreviations)
    piece, score = pieces.text, pieces.score

    # best[(i, j)]: (score, -pieces, cuts) of the best segmentation of lines[:j] whose last
    # piece is lines[i:j]; on a tie the one with fewer pieces wins.
    best: dict[tuple[int, int], tuple[float, int, tuple[int, ...]]] = {}
    for j in range(1, n + 1):
        for i in range(j):
            if i == 0:
                best[(0, j)] = (score(0, j), -1, (0,))
                continue
            if joined[i]:
                continue  # the line plainly carries on: no owner starts here
            options = []
            for h in range(i):
                prev = best.get((h, i))
                if prev is None:
                    continue
                value = _break_value(piece(h, i), lines[i - 1], lines[i], abbreviations)
                options.append((prev[0] + value + score(i, j), prev[1] - 1, (*prev[2], i)))
            if options:
                best[(i, j)] = max(options, key=lambda o: o[:2])
    final = max((v for (i, j), v in best.items() if j == n), key=lambda o: o[:2])
    cuts = [*final[2], n]
    return [piece(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]


class _Pieces:
    """Each run of a cell's lines as one text, and its score, worked out once (plain dicts:
    a cache decorator made per cell cost more than it saved)."""

    def __init__(self, lines: list[CellLine], abbreviations: Mapping[str, str]) -> None:
        self.lines = lines
        self.abbreviations = abbreviations
        self.texts: dict[tuple[int, int], str] = {}
        self.scores: dict[tuple[int, int], float] = {}

    def text(self, i: int, j: int) -> str:
        """Lines ``i`` to ``j - 1`` as one text (a word the column cut is one line already:
        ``cell_lines``)."""
        found = self.texts.get((i, j))
        if found is None:
            found = self.texts[(i, j)] = " ".join([ln.text for ln in self.lines[i:j]])
        return found

    def score(self, i: int, j: int) -> float:
        """``_piece_score`` of lines ``i`` to ``j - 1``."""
        found = self.scores.get((i, j))
        if found is None:
            found = self.scores[(i, j)] = _piece_score(self.text(i, j), self.abbreviations)
        return found


def _soft_split(chunk: str, abbreviations: Mapping[str, str]) -> list[str]:
    """Split a chunk at separators that stand between two owners."""
    found = list(_SEPARATORS.finditer(chunk))
    if not found:
        return [chunk.strip()] if chunk.strip() else []  # no separator: nothing to split
    protected = _protected(chunk)
    bracketed = "(" in chunk or ")" in chunk  # else every separator stands outside brackets
    seps = [
        m
        for m in found
        if not any(a < m.start() and m.end() < b for a, b in protected)
        and (not bracketed or chunk[: m.start()].count("(") == chunk[: m.start()].count(")"))
    ]
    bounds = [0, *[p for m in seps for p in (m.start(), m.end())], len(chunk)]
    segs = [chunk[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2)]
    out = [segs[0]]
    for k, m in enumerate(seps):
        sep = next(g for g in m.groups() if g).lower()
        left, right = segs[k], segs[k + 1]
        if sep == ";":
            split = True
        elif sep in ",–—-":
            split = _has_head(left, abbreviations) and _has_head(right, abbreviations)
            split = split and not (_is_name(left) or _is_name(right))
        else:
            lrole, rrole = _has_head(left, abbreviations), _has_head(right, abbreviations)
            # "Partnership and Commissioning Manager": a bare unit word owns nothing alone.
            lrole = lrole and left.strip().lower() not in _lexicon().not_alone
            split = (lrole and rrole) or (sep != "/" and (
                (lrole and _is_name(right)) or (rrole and _is_name(left) and k == 0)
            ))  # fmt: skip
        if split and out[-1].strip():
            out.append(right)
        else:
            out[-1] = out[-1] + m.group(0) + right
    return [s.strip() for s in out if s.strip()]


def _run_split(text: str) -> list[str]:
    """Split a run of roles on one line ("Head of Area Programmes Unit") into whole roles."""
    words = text.split()
    if len(words) < 3 or any(not _WORDS.fullmatch(w) for w in words):
        return [text]
    inside_body = _inside_bodies(words)
    # best[j]: the most pieces words[:j] splits into, each piece a whole role (None: no way).
    best: dict[int, list[int] | None] = {0: []}
    for j in range(1, len(words) + 1):
        options = []
        for i in range(j):
            done = best.get(i)
            if done is None or (i and not _cut_ok(words, i, inside_body)):
                continue
            if _whole_role(words[i:j]):
                options.append([*done, j])
        best[j] = max(options, key=len) if options else None
    cuts = best[len(words)]
    if not cuts or len(cuts) < 2:
        return [text]
    return [" ".join(words[start:end]) for start, end in zip([0, *cuts], cuts, strict=False)]


def _inside_bodies(words: list[str]) -> set[int]:
    """Word positions inside a known multi-word body name, where a role run never splits."""
    low_words = [w.lower() for w in words]
    inside: set[int] = set()
    bodies = _body_words()
    for i, word in enumerate(low_words):
        for parts in bodies.get(word, ()):
            if low_words[i : i + len(parts)] == parts:
                inside.update(range(i + 1, i + len(parts)))
    return inside


@functools.cache
def _body_words() -> dict[str, list[list[str]]]:
    """Each known body's words, lower case, by its first word (split once, not on every run
    of roles)."""
    by_first: dict[str, list[list[str]]] = {}
    for body in _lexicon().bodies:
        parts = body.lower().split()
        by_first.setdefault(parts[0], []).append(parts)
    return by_first


def _cut_ok(words: list[str], j: int, inside_body: set[int]) -> bool:
    """Whether a run of roles may split before ``words[j]``."""
    lex = _lexicon()
    if j in inside_body:
        return False  # never cut inside a known multi-word name
    prev, nxt = words[j - 1].lower(), words[j]
    if prev == nxt.lower() and nxt[0].isupper():
        return True  # "Head of Quality Quality Development Officers": a word said twice
    if not nxt[0].isupper() or nxt.lower() in lex.tails or nxt.lower() in _SKIP_WORDS:
        return False
    if prev in lex.tails:
        return True
    # An acronym object ("Heads of PDU") closes the title as surely as a listed word.
    acronym = words[j - 1].isupper() and len(words[j - 1]) >= 2
    return (
        j >= 3
        and (prev in lex.title_objects or acronym)
        and words[j - 2].lower() == "of"
        and words[j - 3].lower() in lex.titles_of
    )


def _whole_role(piece: list[str]) -> bool:
    """A piece of a run that is a role on its own: "Head of X", or ending in a head word."""
    lex = _lexicon()
    low = [w.lower() for w in piece]
    if low[0] in lex.tails or len(piece) < 2 and not piece[0].isupper():
        return False
    titled = len(low) >= 3 and low[0] in lex.titles_of and low[1] == "of"
    return titled or (len(low) >= 2 and low[-1] in lex.heads)


def _person_and_role(text: str, abbreviations: Mapping[str, str]) -> tuple[str | None, str]:
    """Separate a named person or initials from the role ("Head of Service (SF)")."""
    m = _BRACKETED.fullmatch(text)
    if m:
        outside, inside = m.group(1).strip(), m.group(2).strip()
        if _ABBREV.match(inside) and _initials_match(inside, outside):
            return None, outside  # "Senior Leadership Team (SLT)" defines, not names
        if _INITIALS.match(inside) and not _names_unit(inside, abbreviations):
            return inside, outside
        if _is_name(inside) and not _has_head(inside, abbreviations):
            return inside, outside
        if _is_name(outside) and _has_head(inside, abbreviations):
            return outside, inside
    m = _PERSON_SEP.fullmatch(text)
    if m:
        a, b = m.group(1).strip(), m.group(2).strip()
        if _is_name(a) and _has_head(b, abbreviations):
            return a, b
        if _is_name(b) and _has_head(a, abbreviations):
            return b, a
    words = text.split()
    if words and words[0].lower().rstrip(".") in _lexicon().person_titles and _is_name(text):
        return text, ""
    return None, text


def _names_unit(abbrev: str, abbreviations: Mapping[str, str]) -> bool:
    """True for capitals that stand for a unit or body ("OMU", "PDU"), not a person's initials:
    the document defines them, or they are widely used in the services (lexicon ``units``)."""
    base = _strip_plural(abbrev.replace(".", "").replace(" ", ""))
    lex = _lexicon()
    return base in abbreviations or base.lower() in lex.units or base.lower() in lex.heads


def _initials_match(abbrev: str, words: str) -> bool:
    letters = [c for c in abbrev if c.isupper()]
    return _expansion_start(letters, _PLAIN_WORDS.findall(words)) is not None


def _expand(role: str, abbreviations: Mapping[str, str]) -> str | None:
    if not abbreviations:
        return None
    changed = False

    def sub(m: re.Match[str]) -> str:
        nonlocal changed
        word = m.group(0)
        base = _strip_plural(word)
        if base in abbreviations:
            changed = True
            return abbreviations[base]
        return word

    out = _ABBREV_WORD.sub(sub, role)
    return out if changed else None


def _key(text: str) -> str:
    heads = _lexicon().heads
    text = text.casefold().replace("&", " and ")
    text = _POSSESSIVE.sub("", text)
    words = _KEY_WORDS.findall(text)
    out = []
    for w in words:
        # only lexicon heads are singularised: "Heads of Area" = "Head of Area", but "Skills" stays
        out.append(w[:-1] if w.endswith("s") and w in heads and w[:-1] in heads else w)
    return " ".join(out)


def _owner(text: str, abbreviations: Mapping[str, str]) -> Owner:
    text = _SPACES.sub(" ", text).strip(" .")
    person, role = _person_and_role(text, abbreviations)
    role_or_none = role or None
    expansion = _expand(role, abbreviations) if role else None
    key_base = expansion or role_or_none or person or text
    return Owner(
        raw=text, role=role_or_none, person=person, expansion=expansion, key=_key(key_base)
    )


def parse_owners(
    raw: str | Sequence[CellLine] | None, *, abbreviations: Mapping[str, str] | None = None
) -> list[Owner]:
    """Split an owner cell into owners with role, person, expansion and grouping key.

    ``raw`` is the cell's lines with the evidence for each break (``pipeline.text.cell_lines``)
    or plain text, whose line breaks count as the author's.
    """
    if raw is None:
        return []
    lines = tuple(CellLine(t) for t in raw.split("\n")) if isinstance(raw, str) else tuple(raw)
    # The abbreviations are only looked up, never walked in order: their items as a set.
    return list(_parse_lines(lines, frozenset((abbreviations or {}).items())))


# The same owner cell recurs down a plan ("Head of Area" beside many actions) and across a
# batch's plans; owners are frozen models, so one parse serves every copy of a cell.
@functools.lru_cache(maxsize=4096)
def _parse_lines(
    lines: tuple[CellLine, ...], abbreviations: frozenset[tuple[str, str]]
) -> tuple[Owner, ...]:
    if not any(ln.text.strip() for ln in lines):
        return ()
    abbrevs = dict(abbreviations)
    owners: list[Owner] = []
    segments = _segment_lines(list(lines), abbrevs)
    chunks = [
        c for seg in segments for part in _before_named_people(seg, abbrevs)
        for c in _after_brackets(part, abbrevs)
    ]
    for chunk in chunks:
        for piece in _soft_split(chunk, abbrevs):
            single = not _SEPARATORS.search(piece) and "(" not in piece
            for part in _run_split(piece) if single else [piece]:
                if part.strip(" .,;:/&-–—"):  # punctuation alone names nobody
                    owners.extend(_owners_of(part, owners, abbrevs))
    return tuple(owners)


def _before_named_people(text: str, abbreviations: Mapping[str, str]) -> list[str]:
    """A person's name followed by a comma starts an owner: "Tom Hargreaves, Heads of Area
    Sarah Whitfield, Business Support Manager" is two people, each with a role."""
    cuts = [0]
    for comma in _COMMA.finditer(text):
        before = text[: comma.start()]
        words = list(_NON_SPACE.finditer(before))
        for size in (3, 2):
            if len(words) <= size:
                continue
            start = words[-size].start()
            name, head = before[start:].strip(), text[cuts[-1] : start].strip()
            if _is_name(name) and _has_head(head, abbreviations) and not _JOINERS.search(head):
                cuts.append(start)
                break
    cuts.append(len(text))
    return [text[a:b].strip() for a, b in itertools.pairwise(cuts) if text[a:b].strip()]


_BRACKETED_INITIALS = re.compile(r"^\(\s*((?:[A-Z]\.?\s?){2,4})\s*\)$")


def _owners_of(part: str, before: list[Owner], abbreviations: Mapping[str, str]) -> list[Owner]:
    """One piece as owners: "(CD)" after "Operations Managers (SF)" is a second person of
    that role; "Head of Service (SF, CD)" names two people of one role."""
    text = _SPACES.sub(" ", part).strip(" .")
    alone = _BRACKETED_INITIALS.match(text)
    if alone and before and before[-1].role and before[-1].person:
        role = before[-1].role
        person = alone.group(1).strip()
        return [before[-1].model_copy(update={"raw": text, "role": role, "person": person})]
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", text)
    if m:
        people = [p.strip() for p in re.split(r"\s*(?:,|/|&|\band\b)\s*", m.group(2))]
        if len(people) > 1 and all(_INITIALS.match(p) for p in people):
            first = _owner(f"{m.group(1)} ({people[0]})", abbreviations)
            return [
                first.model_copy(update={"raw": text, "person": p}) for p in people
            ]
    return [_owner(text, abbreviations)]


def _after_brackets(chunk: str, abbreviations: Mapping[str, str]) -> list[str]:
    """A bracketed name or initials closes an owner: "Head of Service (SW) Police Lead" is two."""
    parts = _AFTER_BRACKET.split(chunk)
    out = [parts[0]]
    for part in parts[1:]:
        if _has_head(part, abbreviations) and _has_head(out[-1], abbreviations):
            out.append(part)
        else:
            out[-1] = f"{out[-1]} {part}"
    return out


def _expansion_start(letters: list[str], words: list[str]) -> int | None:
    """Index of the first word when ``words`` end with an expansion of ``letters``, else None."""

    def match(li: int, wi: int) -> int | None:
        if li < 0:
            return wi + 1
        if wi < 0 or len(words) - wi > 2 * len(letters) + 3:
            return None
        word = words[wi].strip(",.;:'’")
        if not word:
            return match(li, wi - 1)
        low = word.lower()
        if low in _SKIP_WORDS:
            skipped = match(li, wi - 1)
            if skipped is not None:
                return skipped
        parts = [p for p in word.split("-") if p]
        options = [[word[0]]] + ([[p[0] for p in parts]] if len(parts) > 1 else [])
        for initials in options:
            n = len(initials)
            if li - n + 1 < 0:
                continue
            if [c.upper() for c in initials] == [c.upper() for c in letters[li - n + 1 : li + 1]]:
                got = match(li - n, wi - 1)
                if got is not None:
                    return got
        return None

    start = match(len(letters) - 1, len(words) - 1)
    if start is None or words[start].lower().strip(",.") in _SKIP_WORDS:
        return None
    return start


def _clean_words(words: list[str]) -> str:
    text = " ".join(w.strip(",;:") for w in words)
    return re.sub(r"['’]s$", "", text).strip()


# A definition is a bracket: most of a document's texts hold none and are passed over.
_BRACKETED_TEXT = re.compile(r"\(([^()]{1,120})\)")
_DEFINING_WORDS = re.compile(r"[\w'’,&-]+")


def find_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Abbreviations the document defines: "Senior Leadership Team (SLT)" or "SLT (Senior …)"."""
    found: dict[str, str] = {}
    for text in texts:
        if not text or "(" not in text:
            continue
        flat = " ".join(text.split())
        for m in _BRACKETED_TEXT.finditer(flat):
            inside = m.group(1).strip()
            before = _DEFINING_WORDS.findall(flat[: m.start()])[-12:]
            if _ABBREV.match(inside) and before:
                letters = [c for c in _strip_plural(inside) if c.isupper()]
                start = _expansion_start(letters, before)
                if start is not None:
                    found.setdefault(_strip_plural(inside), _clean_words(before[start:]))
                continue
            if before and _ABBREV.match(before[-1].strip(",")):
                abbrev = _strip_plural(before[-1].strip(","))
                words = re.findall(r"[\w'’-]+", inside)
                letters = [c for c in abbrev if c.isupper()]
                start = _expansion_start(letters, words)
                if start == 0:
                    found.setdefault(abbrev, _clean_words(words))
    return found
