"""The owner fast path against spaCy: same tokens (text and offsets) and same matches wherever
the fast path accepts a text; the samples' owner cells parse the same with it and without."""

from __future__ import annotations

import itertools
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.normalise import owner_tokens, owners
from pipeline.normalise.owner_tokens import OwnerMatcher, tokenize
from pipeline.text import CellLine

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx"))


def assert_tokens(text: str) -> bool:
    """Assert both tokenizers agree on ``text`` when the fast path accepts it; True if it did."""
    fast = tokenize(text)
    if fast is None:
        return False
    assert fast == [(t.text, t.idx) for t in owners._nlp()[0].make_doc(text)], text
    return True


def assert_same(text: str) -> bool:
    """Assert both paths agree on ``text`` (tokens, head and title matches, body matches as
    tokens and characters) when the fast path accepts it; True if it did."""
    fast = owners._fast_matcher().match(text)
    if fast is None:
        return False
    nlp, heads, bodies = owners._nlp()  # spaCy: the authority
    doc = nlp.make_doc(text)
    assert list(fast.tokens) == [(t.text, t.idx) for t in doc], text
    head_matches = sorted(
        ((nlp.vocab.strings[m], s, e) for m, s, e in heads(doc)), key=lambda m: (m[1], m[2], m[0])
    )
    assert list(fast.heads) == head_matches, text
    body_matches = sorted((s, e) for _, s, e in bodies(doc))
    assert list(fast.bodies) == body_matches, text
    assert fast.body_chars() == [(doc[s:e].start_char, doc[s:e].end_char) for s, e in body_matches]
    return True


def test_the_exceptions_table_is_the_installed_spacys() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import spacy_special_cases
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    stored = json.loads((ROOT / "pipeline/data/spacy_special_cases.json").read_text("utf-8"))
    fresh = spacy_special_cases.special_cases()
    assert stored["spacy"] == fresh["spacy"]
    assert stored["special_cases"] == fresh["special_cases"]
    assert owner_tokens.fast_path_available()


def test_exceptions_are_applied_as_spacy_applies_them() -> None:
    for text in ["Mr. J. Smith", "Dr.", "(St. Giles Trust)", "e.g. PDU.", "can't", "Id",
                 "Manager and/or Director", "Governor's", "’s", "Head of Area:"]:
        assert assert_tokens(text), text
    assert tokenize("10am") is None  # a digit before a letter: outside the class
    assert tokenize("www.gov.uk") is None  # what spaCy's URL match could take: outside


@pytest.mark.parametrize(
    ("alphabet", "longest"),
    [
        # Every prefix, suffix and infix rule looks at most two characters either side of
        # a cut, so all strings of up to four characters of one letter of each kind (lower,
        # upper, "s" for the possessive), a digit, each mark and the space meet every rule;
        # and up to three with more letters (the "I"/"d" of exceptions) and all whitespace.
        ("aAsS0(),;:.&/'’-–— ", 4),
        ("aAbBsSdI0(),;:.&/'’-–— \n\t\u00a0", 3),
    ],
)
def test_every_short_string_of_the_alphabet(alphabet: str, longest: int) -> None:
    accepted = total = 0
    for size in range(1, longest + 1):
        for chars in itertools.product(alphabet, repeat=size):
            total += 1
            text = "".join(chars)
            fast = tokenize(text)
            if fast is not None:
                accepted += 1
                doc = owners._nlp()[0].make_doc(text)
                assert fast == [(t.text, t.idx) for t in doc], text
    assert accepted > total // 2


def test_every_latin_letter_in_context() -> None:
    # Each letter of U+00C0-U+017F where spaCy's rules ask about letters and their case:
    # before and after a dot (suffix, infix, the URL match's lower-case domain), a dash, a
    # slash, a colon and a comma (infixes), a digit (units), an apostrophe (possessive).
    contexts = ["{}", "{}.", "a{}.", "A{}.", "{}{}.", "{}A.", "x.{}", "{}.A", "a.{}", "{}.{}",
                "{}-a", "a-{}", "0-{}", "{}/b", "a/{}", "{}:b", "0:{}", "{},a", "a,{}", "{}'s",
                "({})", "{}a.b", "Mr.{}", "a.{}{}", "a.{}b", "0{}", "{}0", "{}{}{}.", "{}’S",
                "{}-{}", "{}.'", "'.{}", "{}{} {}"]
    letters = sorted(c for c in map(chr, range(0xC0, 0x180)) if c.isalpha())
    assert len(letters) == 190 and set(letters) <= owner_tokens.ALPHABET
    accepted = 0
    for letter in letters:
        for context in contexts:
            accepted += assert_tokens(context.format(letter, letter, letter))
    assert accepted > len(letters) * (len(contexts) - 6)  # a digit first, "a.éé" … are not


def test_every_exception_in_context() -> None:
    contexts = ["{}", "({})", "x {} y", "{}'s", "{},", "A-{}", "{}-b", "&{}", "{}/x", "'{}'",
                "a,{}", "{}.", "{}:", "{}.)", "a.{}", "{}Smith", "{}  x", " {}\n", "{} {}",
                "{}{}", "({}),", "{}’s"]
    rules = owners._nlp()[0].tokenizer.rules
    accepted = 0
    for key in rules:
        for context in contexts:
            accepted += assert_tokens(context.format(key, key))
    assert accepted > len(rules) * len(contexts) // 2


def _corpus(count: int, seed: int = 12) -> Iterator[str]:
    """Owner-like strings from the lexicon's words, names, abbreviations and marks."""
    lex = owners._lexicon()
    words = sorted(
        lex.heads | lex.titles_of | lex.tails | lex.fields | lex.modifiers | lex.openers
        | lex.title_objects | lex.person_titles | {w for b in lex.bodies for w in b.split()}
    )
    words += ["of", "and", "the", "for", "&", "Sarah", "Whitfield", "O'Brien", "Smith-Jones",
              "Siân", "Zoë", "Łukasz", "ŴYN", "Gwasanaeth", "Cymraeg", "Ifan", "café.Été",
              "SLT", "PDU", "OMU", "CRC", "HMPPS", "NPS", "IOM", "2020", "21", "3", "Id", "Wed",
              "and/or", "can't", "it's", "dont", "10am", "x", "A", "J", "J.", "Mr.", "Dr",
              "St.", "e.g.", "etc.", "Ph.D.", "gov.uk", "1.5", "Lead:", "N.P.S.", "Co."]
    words += [u.upper() for u in lex.units]
    joins = [" ", " ", " ", " ", ", ", " / ", "/", " & ", "&", " - ", "-", " – ", "–", "—",
             "; ", " and ", " (", ") ", "'s ", "’s ", "s' ", "  ", "\n", ". ", ": ", " “",
             "” ", "‘", "’", "(", ")", "--", " [", "] ", "\u00a0", "+", "!", ".", ":",
             "..", " \t", " \n ", "\r\n"]
    rng = random.Random(seed)
    bodies = list(lex.bodies)
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 7)):
            word = rng.choice(bodies) if rng.random() < 0.08 else rng.choice(words)
            form = rng.random()
            word = word.title() if form < 0.4 else word.upper() if form < 0.5 else word
            parts.append(word)
            parts.append(rng.choice(joins))
        text = "".join(parts[:-1]) if rng.random() < 0.7 else "".join(parts)
        yield text.strip(" ") if rng.random() < 0.8 else text


def test_generated_corpus() -> None:
    texts = list(_corpus(12_000))
    accepted = sum(assert_same(t) for t in texts)
    assert accepted > len(texts) // 4  # the corpus exercises the fast path, not only spaCy


def test_every_body_name_and_lexicon_word() -> None:
    lex = owners._lexicon()
    for body in lex.bodies:
        assert assert_same(body), body
        assert assert_same(f"Head of {body} and {body.upper()} Team"), body
    for word in sorted(lex.heads | lex.titles_of):
        assert assert_same(word)
        assert assert_same(f"{word.title()} of Probation, {word} of 2020")


def test_another_spacy_version_turns_the_fast_path_off(monkeypatch: pytest.MonkeyPatch) -> None:
    owner_tokens._special_cases.cache_clear()
    monkeypatch.setattr(owner_tokens.metadata, "version", lambda name: "3.9.0")
    try:
        assert not owner_tokens.fast_path_available()
        assert tokenize("Head of Area") is None
        assert OwnerMatcher({"head"}, {"head"}, ["Health and Safety"]).match("Head") is None
    finally:
        owner_tokens._special_cases.cache_clear()
    monkeypatch.undo()
    assert tokenize("Head of Area") == [("Head", 0), ("of", 5), ("Area", 8)]


def test_a_body_outside_the_class_turns_the_fast_path_off() -> None:
    matcher = OwnerMatcher({"manager"}, {"head"}, ["Health and Safety", "Yes! Team"])
    assert not matcher.usable
    assert matcher.match("Manager") is None


@pytest.fixture(scope="module")
def sample_cells() -> list[tuple[list[CellLine], dict[str, str]]]:
    """Every owner cell of every sample as the reader and the stages give it to the parser."""
    import pipeline.finalise as finalise
    from pipeline.extract import extract_file

    cells: list[tuple[list[CellLine], dict[str, str]]] = []
    parse = finalise.parse_owners

    def record(raw: object, *, abbreviations: dict[str, str] | None = None) -> object:
        lines = [CellLine(raw)] if isinstance(raw, str) else list(raw or [])  # type: ignore
        cells.append((lines, dict(abbreviations or {})))
        return parse(raw, abbreviations=abbreviations)  # type: ignore[arg-type]

    finalise.parse_owners = record  # type: ignore[assignment]
    try:
        for path in SAMPLES:
            extract_file(path)
    finally:
        finalise.parse_owners = parse
    assert len(cells) > 300
    return cells


def test_sample_owner_cells(sample_cells: list[tuple[list[CellLine], dict[str, str]]],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    # Every text the parser matches on while parsing the samples' cells, both ways.
    seen: list[str] = []
    matches = owners._matches.__wrapped__

    def spy(text: str) -> tuple[bool, tuple[tuple[int, int], ...]]:
        seen.append(text)
        return matches(text)

    monkeypatch.setattr(owners, "_matches", spy)
    owners._parse_lines.cache_clear()  # parse every cell afresh: each text is seen and checked
    fast_owners = [owners.parse_owners(lines, abbreviations=ab) for lines, ab in sample_cells]
    whole = [" ".join(ln.text for ln in lines) for lines, _ in sample_cells]
    texts = sorted(set(seen) | set(whole) | {ln.text for c, _ in sample_cells for ln in c})
    accepted = [assert_same(t) for t in texts]
    # The samples' owner text is the class the fast path is for: it must take nearly all.
    assert sum(accepted) >= 0.95 * len(texts)

    # And the owners parsed are the same with spaCy alone.
    spacy_only = OwnerMatcher([], [], ["Yes! Team"])  # a body outside the class: off
    assert not spacy_only.usable
    monkeypatch.setattr(owners, "_fast_matcher", lambda: spacy_only)
    owners._parse_lines.cache_clear()
    seen.clear()
    slow_owners = [owners.parse_owners(lines, abbreviations=ab) for lines, ab in sample_cells]
    assert slow_owners == fast_owners
    assert seen  # the second parse ran, on spaCy alone
    owners._parse_lines.cache_clear()
