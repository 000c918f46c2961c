"""Agreement cells → ``Response``; reason text → ``ResponseReason``; is a paragraph a reason?

``parse_response`` accepts a cell that is an agreement phrase, alone or followed by a sentence
break and more text ("Partly Agreed\\nThe CRC cannot …"); a header listing several phrases
("Agreed/ Partly Agreed/ Not Agreed") or prose that merely starts with "Agreed" gives None.
"""

from __future__ import annotations

import functools
import re

from pipeline.models import Response, ResponseReason

_VERB = r"(?:agreed|accepted|agree|accept)"
_PHRASES: list[tuple[re.Pattern[str], Response]] = [
    (re.compile(rf"^(?:not\s*{_VERB}|rejected|disagreed?)"), Response.NOT_AGREED),
    (
        re.compile(
            rf"^(?:(?:partly|partially|part)\s*{_VERB}|{_VERB}\s+in\s+part"
            rf"|{_VERB}\s*\((?:partly|partially|in part)\))"
        ),
        Response.PARTLY_AGREED,
    ),
    (re.compile(rf"^(?:fully\s+)?{_VERB}(?:\s+in\s+(?:principle|full))?"), Response.AGREED),
]
# Where an agreement phrase may stop: end of cell, or a break before an explanation
# (a footnote mark may sit on the word).
_AFTER = re.compile(r"^\*?\s*(?:$|[.:;,\n–—-]|\(|\s{2,})")

# Words that point at a category: each mention counts once.
_REASONS: dict[ResponseReason, re.Pattern[str]] = {
    ResponseReason.COMMISSIONING: re.compile(
        r"\b(commission(?:ed|ing|er|ers)?|procure\w*|contract(?:ed|ual|s)?)\b"
    ),
    ResponseReason.POLICY: re.compile(
        r"\b(polic(?:y|ies)|legislat\w*|statutory|national guidance|nationally"
        r"|set by (?:hmpps|the ministry|moj|government)|(?:changed|varied|decided) locally)\b"
    ),
    ResponseReason.OPERATIONAL: re.compile(r"\b(operational(?:ly)?|capacity|staffing|workload)\b"),
    ResponseReason.AFFORDABILITY: re.compile(
        r"\b(afford\w*|funding|funded|cost(?:s|ly)?|budget\w*|financ\w*|resourc(?:e|es|ing))\b"
    ),
}
# Phrases that name the category outright ("on grounds of affordability", "not affordable",
# "cannot be funded", "for operational reasons"): they outweigh any number of cue words.
_NAMED: dict[ResponseReason, re.Pattern[str]] = {
    ResponseReason.COMMISSIONING: re.compile(
        r"\b(?:commissioning|contractual) (?:reasons?|grounds|arrangements|decisions?|constraints?)"
        r"|\bon (?:the )?grounds? of commissioning|\b(?:is|are) commissioned (?:by|nationally)"
        r"|\b(?:outside|not (?:part of|within|covered by)) (?:the|our|its) contract"
    ),
    ResponseReason.POLICY: re.compile(
        r"\bpolicy (?:reasons?|grounds|decisions?|position|constraints?)"
        r"|\bon (?:the )?grounds? of policy|\b(?:national|hmpps|moj|government) polic(?:y|ies)"
        r"|\b(?:contrary to|conflicts? with|not in line with) (?:national )?(?:policy|legislation)"
        r"|\bcannot be (?:changed|varied|decided) locally"
    ),
    ResponseReason.OPERATIONAL: re.compile(
        r"\boperational (?:reasons?|grounds|constraints?|pressures?|decisions?|matters?|realit\w+)"
        r"|\bon (?:the )?grounds? of operational"
    ),
    ResponseReason.AFFORDABILITY: re.compile(
        r"\baffordability|\b(?:not |un)affordable|\bcannot (?:be )?(?:funded|afforded|afford)"
        r"|\b(?:not|no longer) (?:be )?funded|\bno (?:funding|budget)"
        r"|\b(?:financial|cost|budgetary|funding|resource) "
        r"(?:reasons?|grounds|constraints?|pressures?)"
    ),
}
_NAMED_WEIGHT = 3

# One of these alone marks an explanation; the weak ones need a second cue.
_STRONG = re.compile(
    r"\b(cannot|can ?not|can't|unable to|not able to|outside (?:of )?(?:our|the) (?:control|remit)"
    r"|not within (?:our|the) (?:control|remit|gift)|not in a position|is a matter for"
    r"|(?:partly|partially|not) (?:agreed|accepted)|(?:commissioning|policy|operational"
    r"|affordability) reasons?|will not be implemented|does not (?:agree|accept))\b"
)
_WEAK = re.compile(
    r"\b(because|due to|as a result of|commissioned|commissioning|national(?:ly)? polic\w*"
    r"|afford\w*|funding|budget|responsibility of|remit|however|not)\b"
)


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


def parse_response(raw: str | None) -> Response | None:
    """agreed / partly_agreed / not_agreed for an agreement cell; None if it isn't one."""
    if raw is None:
        return None
    # "Agreed" and its kin recur in every row of every plan: a short cell is read once.
    return _parse_response_memo(raw) if len(raw) <= MEMO_MAX_CHARS else _parse_response(raw)


MEMO_MAX_CHARS = 200
MEMO_ENTRIES = 4096
_COLUMN_NUMBER = re.compile(r"^[\d.)(\s]*")


def _parse_response(raw: str) -> Response | None:
    text = raw.strip().lower()
    text = _COLUMN_NUMBER.sub("", text)  # a stray column number "3." before the word
    for pattern, response in _PHRASES:
        m = pattern.match(text)
        if m and _AFTER.match(text[m.end() :]):
            return response
    return None


_parse_response_memo = functools.lru_cache(maxsize=MEMO_ENTRIES)(_parse_response)


# "Response:", "Agreement –", "Agreed?:": a label in front of the answer, not part of it.
_ANSWER_LABEL = re.compile(r"^\s*(?:response|agreement|agreed\?)\s*[:\-–]\s*", re.IGNORECASE)
# An answer phrase opening a longer text, and the mark that ends it: "Agreed. The YOS …".
_LEADING_ANSWER = re.compile(
    r"^\s*(?:(?:response|agreement)\s*[:\-–]\s*)?"
    r"((?:partly |partially |not )?(?:agreed|accepted)(?: in (?:part|principle|full))?|rejected)\b"
    r"\s*[.:;,–—-]?\s*",
    re.IGNORECASE,
)
# An answer alone on a cell's first line is short; a longer line is prose that mentions one.
MAX_ANSWER_LINE = 40


def strip_answer_label(text: str) -> tuple[bool, str]:
    """(whether text opened with a "Response:" label, text without it)."""
    label = _ANSWER_LABEL.match(text)
    return (True, text[label.end():]) if label else (False, text)


def split_answer(text: str) -> tuple[str, str] | None:
    """(answer, what follows) when text opens with an agreement phrase: "Agreed. The YOS …"."""
    match = _LEADING_ANSWER.match(text)
    if not match or parse_response(match.group(1)) is None:
        return None
    return match.group(1), text[match.end() :].strip()


def opening_answer(text: str) -> Response | None:
    """The answer a cell opens with on a short first line of its own ("Partly agreed" above
    its reason); None when the first line is prose."""
    first = text.split("\n")[0]
    if len(first) >= MAX_ANSWER_LINE:
        return None
    return parse_response(first.strip())


def reason_category(text: str | None) -> ResponseReason | None:
    """The reason category a partly/not agreed explanation gives, judged on the whole text:
    a category the text names outright wins, else the one with most cue words; on a tie,
    the one mentioned first."""
    if not text:
        return None
    flat = _flat(text)
    tallies: list[tuple[int, int, ResponseReason]] = []
    for cat, rx in _REASONS.items():
        cues = list(rx.finditer(flat))
        named = list(_NAMED[cat].finditer(flat))
        weight = len(cues) + _NAMED_WEIGHT * len(named)
        if weight:
            first = min(m.start() for m in [*cues, *named])
            tallies.append((-weight, first, cat))
    return min(tallies)[2] if tallies else None


def looks_like_reason(text: str) -> bool:
    """True when a paragraph explains why a recommendation is only partly or not agreed."""
    flat = _flat(text)
    if not flat:
        return False
    if _STRONG.search(flat):
        return True
    return len({m.group(1) for m in _WEAK.finditer(flat)}) >= 2
