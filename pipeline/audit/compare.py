"""Pair a plan's recommendations with an inspection report's, by wording rather than number.

Wording is compared after what does not change meaning is set aside: case, spacing,
punctuation, paragraph references ("(S40)", "(1.46)") and an addressee lead-in ("The CRC
should …" against "… should: ensure …"). Pairs are chosen greedily, most similar first, so
each recommendation is used once; pairs below ``MIN_SIMILARITY`` are not the same
recommendation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from pipeline.audit.models import ReportRecommendation
from pipeline.models import Recommendation

# Share of words two wordings must have in common (difflib ratio) to be the same
# recommendation: rewordings seen in plans keep well over half; unrelated recommendations
# of one report share "ensure that … staff" and score about 0.2-0.35.
MIN_SIMILARITY = 0.55
# "X should" counts as an addressee lead-in only within this many words of the start.
LEAD_IN_WORDS = 12

_LEAD_IN = re.compile(rf"^(?:\W*\w[\w'’&.,()-]*\s+){{0,{LEAD_IN_WORDS}}}?should\b\s*:?\s*", re.I)
_REFERENCE = re.compile(
    r"\(\s*(?:(?:para(?:graph)?s?|see)\.?\s*)?(?:[A-Z]?\d+(?:\.\d+)?)"
    r"(?:\s*(?:,|and|&)\s*[A-Z]?\d+(?:\.\d+)?)*\s*\)"
)
_NUMBER_NOISE = re.compile(r"^(?:recommendation|rec\.?|no\.?)\s*|[().\s]+$|^[(\s]+", re.I)


def comparable_words(text: str) -> list[str]:
    """The words that carry a recommendation's meaning, lower-case, in order."""
    text = _REFERENCE.sub(" ", text).strip()
    if text[:1].isupper():  # "X should …" names the body; a list item under "X should:" starts
        text = _LEAD_IN.sub("", text, count=1)  # with its verb in lower case and keeps it all
    return re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower().replace("’", "'"))


def same_number(plan_number: str | None, report: ReportRecommendation) -> bool:
    """True when the plan prints the report's number or its paragraph reference."""
    if plan_number is None:
        return True
    mine = _number_key(plan_number)
    return any(mine == _number_key(n) for n in (report.number, report.reference) if n)


def _number_key(number: str) -> str:
    return _NUMBER_NOISE.sub("", number.strip()).lstrip("0").lower() or "0"


@dataclass(frozen=True, slots=True)
class Pair:
    plan: Recommendation
    report: ReportRecommendation
    similarity: float

    @property
    def reworded(self) -> bool:
        return comparable_words(self.plan.text) != comparable_words(self.report.text)

    def word_diff(self) -> str:
        """Changes from the report's wording to the plan's: ``[-removed-] {+added+}``."""
        old, new = comparable_words(self.report.text), comparable_words(self.plan.text)
        parts = []
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            change = []
            if i2 > i1:
                change.append(f"[-{' '.join(old[i1:i2])}-]")
            if j2 > j1:
                change.append(f"{{+{' '.join(new[j1:j2])}+}}")
            parts.append(" ".join(change))
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class Comparison:
    pairs: list[Pair]
    missing: list[ReportRecommendation]  # in the report, answered nowhere in the plan
    extra: list[Recommendation]  # in the plan, in no report list


def compare(plan_recs: list[Recommendation], report_recs: list[ReportRecommendation]) -> Comparison:
    """Match each report recommendation to at most one plan recommendation by wording."""
    plan_words = [comparable_words(r.text) for r in plan_recs]
    report_words = [comparable_words(r.text) for r in report_recs]
    scored = []
    for i, mine in enumerate(plan_words):
        for j, theirs in enumerate(report_words):
            if not mine or not theirs:
                continue
            ratio = difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio()
            if ratio >= MIN_SIMILARITY:
                scored.append((ratio, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_plan: set[int] = set()
    used_report: set[int] = set()
    pairs: dict[int, Pair] = {}
    for ratio, i, j in scored:
        if i in used_plan or j in used_report:
            continue
        used_plan.add(i)
        used_report.add(j)
        pairs[i] = Pair(plan_recs[i], report_recs[j], ratio)
    return Comparison(
        pairs=[pairs[i] for i in sorted(pairs)],
        missing=[r for j, r in enumerate(report_recs) if j not in used_report],
        extra=[r for i, r in enumerate(plan_recs) if i not in used_plan],
    )
