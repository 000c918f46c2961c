"""Agreement cells → ``Response``; reason text → ``ResponseReason``; is a paragraph a reason?

``parse_response`` accepts a cell that is an agreement phrase, alone or followed by a sentence
break and more text ("Partly Agreed\\nThe CRC cannot …"); a header listing several phrases
("Agreed/ Partly Agreed/ Not Agreed") or prose that merely starts with "Agreed" gives None.
"""

from __future__ import annotations

import re

from pipeline.models import Response, ResponseReason

_VERB = r"(?:agreed|accepted|agree|accept)"
_PHRASES: list[tuple[re.Pattern[str], Response]] = [
    (re.compile(rf"^(?:not\s*{_VERB}|rejected|disagreed?)"), "not_agreed"),
    (
        re.compile(
            rf"^(?:(?:partly|partially|part)\s*{_VERB}|{_VERB}\s+in\s+part"
            rf"|{_VERB}\s*\((?:partly|partially|in part)\))"
        ),
        "partly_agreed",
    ),
    (re.compile(rf"^(?:fully\s+)?{_VERB}(?:\s+in\s+(?:principle|full))?"), "agreed"),
]
# Where an agreement phrase may stop: end of cell, or a break before an explanation
# (a footnote mark may sit on the word).
_AFTER = re.compile(r"^\*?\s*(?:$|[.:;,\n–—-]|\(|\s{2,})")

_REASONS: dict[ResponseReason, re.Pattern[str]] = {
    "commissioning": re.compile(
        r"\b(commission(?:ed|ing|er|ers)?|procure\w*|contract(?:ed|ual)?)\b"
    ),
    "policy": re.compile(r"\b(polic(?:y|ies)|legislat\w*|statutory|national guidance)\b"),
    "operational": re.compile(r"\b(operational(?:ly)?|capacity|staffing)\b"),
    "affordability": re.compile(
        r"\b(afford\w*|funding|funded|cost(?:s|ly)?|budget\w*|financ\w*|resourc(?:e|es|ing))\b"
    ),
}
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
    text = raw.strip().lower()
    text = re.sub(r"^[\d.)(\s]*", "", text)  # a stray column number "3." before the word
    for pattern, response in _PHRASES:
        m = pattern.match(text)
        if m and _AFTER.match(text[m.end() :]):
            return response
    return None


def reason_category(text: str | None) -> ResponseReason | None:
    """The reason category a partly/not agreed explanation states first, or None."""
    if not text:
        return None
    flat = _flat(text)
    hits = [(m.start(), cat) for cat, rx in _REASONS.items() if (m := rx.search(flat))]
    return min(hits)[1] if hits else None


def looks_like_reason(text: str) -> bool:
    """True when a paragraph explains why a recommendation is only partly or not agreed."""
    flat = _flat(text)
    if not flat:
        return False
    if _STRONG.search(flat):
        return True
    return len({m.group(1) for m in _WEAK.finditer(flat)}) >= 2
