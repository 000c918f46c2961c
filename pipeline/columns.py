"""Column meaning from header words, never from position or one publisher's template."""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from pipeline.numbering import strip_header_numbering


class Role(StrEnum):
    REC_NO = "rec_no"
    RECOMMENDATION = "recommendation"
    RESPONSE = "response"
    ACTION_NO = "action_no"
    ACTION = "action"
    OWNER = "owner"
    TARGET = "target"
    NARRATIVE = "narrative"  # a "Response" column of prose beside a separate actions column
    EXTRA = "extra"  # RAG, progress, success measure, agency, outcome: kept out of actions


# Ordered: the first rule that matches a header decides. Extras come first so that
# "Progress against agreed action" is not read as an action or an agreement column.
_RULES: list[tuple[Role, re.Pattern[str]]] = [
    (Role.EXTRA, re.compile(r"\b(progress|rag|success|measure|evidence|outcome|impact|comment"
                            r"|comments|update|risk|resources?|cost|notes?|monitoring|priority"
                            r"|kpis?|difference|different)\b"
                            # "How we will know it has worked": what shows success, not the work
                            r"|\bhow (?:we|will we|you|will you|do we) (?:will )?(?:know|tell)"
                            r"|\b(?:has|have) (?:it )?worked\b")),
    (Role.ACTION_NO, re.compile(r"^actions?\.?\s*(no|number|ref(erence)?|#)\.?$")),
    # "Rec No", "Concern no.", "Para ref", "No.", "Ref": a short header ending in a number word.
    (Role.REC_NO, re.compile(r"^(rec\.?|([\w.]+\s+){0,2}(no|nos|number|ref(erence)?|#)\.?"
                             r"|ref(erence)?\.?\s*no\.?|item)$")),
    # "Agreed actions" / "Action agreed" head the actions, not the agreement.
    (Role.ACTION, re.compile(r"\bactions?\b.*\bagreed\b|\bagreed\b.*\bactions?\b")),
    (Role.RESPONSE, re.compile(r"\b(agreed|agree|accepted|accept|rejected|reject)\b|"
                               r"\bagreement\b")),
    (Role.OWNER, re.compile(r"\b(owners?|responsible|responsibility|lead|leads|accountable"
                            r"|by whom|who|officer|manager|led by|delivered by|person)\b")),
    (Role.TARGET, re.compile(r"\b(target|date|dates|timescales?|deadline|when|completion|due"
                             r"|timeframe|timeline|by when)\b")),
    (Role.RECOMMENDATION, re.compile(r"\b(recommendations?|area requiring improvement"
                                     r"|areas? for improvement|concerns?|finding)\b")),
    (Role.ACTION, re.compile(r"\b(actions?|response|steps|planned|activity|activities"
                             r"|how|tasks?|what we will do|what will we do|what we are doing"
                             r"|we will|to be done|will be done|intervention)\b")),
    (Role.EXTRA, re.compile(r"\b(agency|partner|status|rag|theme|objective)\b")),
]


# Words of header cells; narrow header cells get them cut ("Recommendati on", "Re c. No .").
_HEADER_WORDS = frozenset(
    {
        "no", "rec", "recommendation", "recommendations", "agreed", "accepted", "rejected",
        "agreement", "partly", "partially", "action", "actions", "response", "responsible",
        "owner", "owners", "lead", "officer", "target", "date", "dates", "timescale",
        "timescales", "deadline", "completion", "progress", "number", "ref", "reference",
        "planned", "taken", "required", "improvement", "function", "policy",
    }
)


def _mend_cut_words(text: str) -> str:
    """Rejoin a header word cut in two by a narrow column, and stray spaced punctuation."""
    if " " not in text:
        return text  # one word (``header_text`` leaves no other whitespace): nothing to join
    tokens = text.split(" ")
    out: list[str] = []
    for token in tokens:
        if out:
            joined = (out[-1] + token).strip(".,/:;()")
            if joined in _HEADER_WORDS and out[-1].strip(".,/:;()") not in _HEADER_WORDS:
                out[-1] += token
                continue
        out.append(token)
    return _SPACED_PUNCTUATION.sub(r"\1", " ".join(out))


_SPACED_PUNCTUATION = re.compile(r"\s+([.,/:;)])")

# Header words are read again and again: every cell of every row is compared with the
# header (to drop a repeated one), every word of every screened page is classified, and one
# template's headers recur on each page and in each of its plans. Both functions below are
# pure functions of the exact text, so each text is worked out once per process. Texts
# longer than a header label are data cells, mostly seen once: they are not kept, so the
# caches stay small (MEMO_ENTRIES texts of at most MEMO_MAX_CHARS each).
MEMO_MAX_CHARS = 200
MEMO_ENTRIES = 16384


def header_text(text: str) -> str:
    """A header cell's words, lower-cased, without its '1.' numbering or line breaks."""
    return _header_text_memo(text) if len(text) <= MEMO_MAX_CHARS else _header_text(text)


def _header_text(text: str) -> str:
    flat = " ".join(text.split())
    return _mend_cut_words(strip_header_numbering(flat).strip().lower())


_header_text_memo = functools.lru_cache(maxsize=MEMO_ENTRIES)(_header_text)


# Any rule at all: a match of the union is a match of one of the rules, so a text it does
# not match names no column.
_ANY_RULE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _RULES))

# The rules that can match across the words of a phrase: the anchored ones ("Rec No",
# "Action ref") end in a word that names a column alone.
_ACROSS_WORDS = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _RULES
                                    if not pattern.pattern.startswith("^")))


def phrase_may_name(words: list[str]) -> bool:
    """False only when no run of these words (letters only, each naming no column alone)
    can name a column: no rule matches their text and no two of them rejoin into a header
    word. A phrase's match is a match in the text of all of them, so this is exact, and one
    search a line where classifying every run of up to four words is thousands."""
    low = [w.lower() for w in words]
    if any(a + b in _HEADER_WORDS for a, b in zip(low, low[1:], strict=False)):
        return True
    return _ACROSS_WORDS.search(" ".join(low)) is not None


def classify_header(text: str) -> Role | None:
    """The role a header cell's words give its column, or None if they say nothing."""
    return _classify_memo(text) if len(text) <= MEMO_MAX_CHARS else _classify(text)


def _classify(text: str) -> Role | None:
    words = header_text(text)
    if not words or not _ANY_RULE.search(words):
        return None  # most words and cells name no column: one search says so
    for role, pattern in _RULES:
        if pattern.search(words):
            return role
    return None


_classify_memo = functools.lru_cache(maxsize=MEMO_ENTRIES)(_classify)


# Extra columns, by what they hold: kept out of actions, owners and dates, each with a meaning.
_EXTRA_MEANINGS: list[tuple[str, re.Pattern[str]]] = [
    ("progress", re.compile(r"\b(progress|update|monitoring|status|position|achieved)\b")),
    ("success_measure", re.compile(r"\b(success|measures?|kpis?|know|worked|difference"
                                   r"|evidence)\b")),
    ("outcome", re.compile(r"\b(outcomes?|impact|objective|aim|different)\b")),
    ("rag", re.compile(r"\brag\b")),
    ("agency", re.compile(r"\b(agency|partner|partners)\b")),
    ("risk", re.compile(r"\b(risks?|priority)\b")),
    ("resources", re.compile(r"\b(resources?|cost|costs|funding)\b")),
    ("comment", re.compile(r"\b(comments?|notes?|theme)\b")),
]


def extra_meaning(text: str) -> str | None:
    """What an extra column holds ("progress", "success_measure", "outcome", "rag", "agency",
    "risk", "resources", "comment"), or None when it is not an extra column."""
    if classify_header(text) != Role.EXTRA:
        return None
    words = header_text(text)
    return next((name for name, rx in _EXTRA_MEANINGS if rx.search(words)), "other")


# When two columns could hold the actions, the header that says so most plainly wins.
_ACTION_WORDING: list[re.Pattern[str]] = [
    re.compile(r"\bactions?\b"),
    re.compile(r"\b(what we will do|what will we do|what we are doing|we will|tasks?)\b"),
    re.compile(r"\bresponse\b"),
]


def action_wording(text: str) -> int:
    """How plainly a header says its column holds the actions: higher is plainer (0: not)."""
    words = header_text(text)
    for rank, rx in enumerate(_ACTION_WORDING):
        if rx.search(words):
            return len(_ACTION_WORDING) - rank
    return 0


def header_score(roles: list[Role | None]) -> int:
    """How convincingly a row of header roles describes an action plan (0 = not a plan)."""
    present = set(roles)
    has_rec = Role.RECOMMENDATION in present or Role.REC_NO in present
    has_action_side = bool(present & {Role.ACTION, Role.OWNER, Role.TARGET})
    # A table of actions alone answers a recommendation written above it.
    actions_only = Role.ACTION in present and bool(present & {Role.OWNER, Role.TARGET})
    if not ((has_rec and has_action_side) or actions_only):
        return 0
    return len(present - {None, Role.EXTRA})
