"""Column meaning from header words, never from position or one publisher's template."""

from __future__ import annotations

import re
from enum import StrEnum


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


_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)])\s*", re.IGNORECASE)

# Ordered: the first rule that matches a header decides. Extras come first so that
# "Progress against agreed action" is not read as an action or an agreement column.
_RULES: list[tuple[Role, re.Pattern[str]]] = [
    (Role.EXTRA, re.compile(r"\b(progress|rag|success|measure|evidence|outcome|impact|comment"
                            r"|comments|update|risk|resources?|cost|notes?|monitoring|priority)\b")),
    (Role.ACTION_NO, re.compile(r"^actions?\.?\s*(no|number|ref(erence)?|#)\.?$")),
    # "Rec No", "Concern no.", "Para ref", "No.", "Ref": a short header ending in a number word.
    (Role.REC_NO, re.compile(r"^(rec\.?|([\w.]+\s+){0,2}(no|nos|number|ref(erence)?|#)\.?"
                             r"|ref(erence)?\.?\s*no\.?|item)$")),
    # "Agreed actions" / "Action agreed" head the actions, not the agreement.
    (Role.ACTION, re.compile(r"\bactions?\b.*\bagreed\b|\bagreed\b.*\bactions?\b")),
    (Role.RESPONSE, re.compile(r"\b(agreed|agree|accepted|accept|rejected|reject)\b|"
                               r"\bagreement\b")),
    (Role.OWNER, re.compile(r"\b(owners?|responsible|responsibility|lead|leads|accountable"
                            r"|by whom|who|officer|manager)\b")),
    (Role.TARGET, re.compile(r"\b(target|date|dates|timescales?|deadline|when|completion|due"
                             r"|timeframe|timeline|by when)\b")),
    (Role.RECOMMENDATION, re.compile(r"\b(recommendations?|area requiring improvement"
                                     r"|areas? for improvement|concerns?|finding)\b")),
    (Role.ACTION, re.compile(r"\b(actions?|response|steps|planned|activity|activities"
                             r"|how)\b")),
    (Role.EXTRA, re.compile(r"\b(agency|partner|status|rag|theme|objective)\b")),
]


# Words of header cells; narrow header cells get them cut ("Recommendati on", "Re c. No .").
_HEADER_WORDS = frozenset(
    {
        "rec", "recommendation", "recommendations", "agreed", "accepted", "rejected",
        "agreement", "partly", "partially", "action", "actions", "response", "responsible",
        "owner", "owners", "lead", "officer", "target", "date", "dates", "timescale",
        "timescales", "deadline", "completion", "progress", "number", "ref", "reference",
        "planned", "taken", "required", "improvement", "function", "policy",
    }
)


def _mend_cut_words(text: str) -> str:
    """Rejoin a header word cut in two by a narrow column, and stray spaced punctuation."""
    tokens = text.split(" ")
    out: list[str] = []
    for token in tokens:
        if out:
            joined = (out[-1] + token).strip(".,/:;()")
            if joined in _HEADER_WORDS and out[-1].strip(".,/:;()") not in _HEADER_WORDS:
                out[-1] += token
                continue
        out.append(token)
    return re.sub(r"\s+([.,/:;)])", r"\1", " ".join(out))


def header_text(text: str) -> str:
    """A header cell's words, lower-cased, without its '1.' numbering or line breaks."""
    flat = " ".join(text.split())
    return _mend_cut_words(_NUMBERING.sub("", flat).strip().lower())


def classify_header(text: str) -> Role | None:
    """The role a header cell's words give its column, or None if they say nothing."""
    words = header_text(text)
    if not words:
        return None
    for role, pattern in _RULES:
        if pattern.search(words):
            return role
    return None


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
