"""Every audit rule, each in one place: id, severity, one-line description and its check.

A check yields one ``Check`` per item it examined (a recommendation, an action, an owner, a
pair of numbers), passed or not: failed checks are the findings, and all of them feed the
completeness score. Rule ids are part of the interface: never rename one, add a new id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.audit.compare import Comparison, compare, same_number
from pipeline.audit.models import InspectionReport, Severity
from pipeline.models import (
    NOT_FULLY_AGREED,
    Action,
    ActionPlan,
    Recommendation,
    Response,
    Target,
    TargetStatus,
)
from pipeline.normalise.dates import parse_target
from pipeline.text import shorten

# How far ahead a target may end before it is worth a second look.
FAR_YEARS = 3

# The four HMPPS categories, named by their word or its forms (issue 9).
_CATEGORY = re.compile(
    r"\b(?:operational(?:ly)?|(?:un)?afford(?:s|ed|able|ability)?|commission(?:s|ed|ing|ers?)?"
    r"|polic(?:y|ies))\b",
    re.I,
)
# Owners no one can be held to; compared after case, spacing and end punctuation are dropped.
VAGUE_OWNERS = frozenset({
    "all staff", "staff", "everyone", "everybody", "all managers", "tbc", "tba",
    "to be confirmed", "n/a", "na", "n.a",
})
_REPEATED = re.compile(
    r"\brepeat(?:ed)?\s+recommendation\b|\brecommendation\s+(?:has\s+been\s+|is\s+|was\s+)?"
    r"repeated\b|\brepeated\s+from\s+(?:the|a|our)\s+(?:previous|last|earlier|prior)\b"
    r"|\(\s*repeated\s*\)|\bthis\s+is\s+a\s+repeat\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Check:
    """One examined item: ``passed`` False makes it a finding with this message."""

    passed: bool
    recommendation: str | None = None
    action: str | None = None
    page: int | None = None
    message: str = ""


@dataclass
class Subject:
    """What the rules look at: one plan and, when paired, its inspection report."""

    plan: ActionPlan
    report: InspectionReport | None = None

    @cached_property
    def comparison(self) -> Comparison | None:
        if self.report is None:
            return None
        return compare(self.plan.recommendations, self.report.recommendations)

    @cached_property
    def has_agreement_column(self) -> bool:
        """False when no recommendation shows any agreement text: the plan has no such column."""
        return any(r.response_raw or r.response for r in self.plan.recommendations)


CheckFn = Callable[[Subject], Iterable[Check]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    description: str
    check: CheckFn = field(repr=False)
    scored: bool = True  # False: informative only, left out of the completeness score


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, description: str,
         *, scored: bool = True) -> Callable[[CheckFn], CheckFn]:
    """Register a check function as the rule ``rule_id``."""

    def register(check: CheckFn) -> CheckFn:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, description, check, scored)
        return check

    return register


def _actions(plan: ActionPlan) -> Iterator[tuple[Recommendation, Action]]:
    for rec in plan.recommendations:
        for action in rec.actions:
            yield rec, action


def _where(rec: Recommendation, action: Action | None = None) -> str:
    return f"action {action.number} of recommendation {rec.number}" if action else (
        f"recommendation {rec.number}")


def _act(rec: Recommendation, action: Action, passed: bool, message: str) -> Check:
    return Check(passed, rec.number, action.number, action.page or rec.page, message)


def _rec(rec: Recommendation, passed: bool, message: str) -> Check:
    return Check(passed, rec.number, None, rec.page, message)


# --- answers -----------------------------------------------------------------------------

@rule("response-missing", "error", "a recommendation has no agreement word that was understood")
def _response_missing(s: Subject) -> Iterator[Check]:
    if not s.has_agreement_column:
        return  # response-column-missing says it once for the plan
    for rec in s.plan.recommendations:
        message = (f"{_where(rec)}: agreement '{rec.response_raw}' not understood"
                   if rec.response_raw else f"{_where(rec)} has no agreement word")
        yield _rec(rec, rec.response is not None, message)


@rule("response-column-missing", "advice",
      "the plan has no agreement column at all (agreed / partly agreed / not agreed)")
def _response_column_missing(s: Subject) -> Iterator[Check]:
    if s.plan.recommendations:
        yield Check(s.has_agreement_column, page=s.plan.recommendations[0].page,
                    message="the plan does not say whether each recommendation is agreed")


@rule("actions-missing", "error", "an agreed or partly agreed recommendation has no actions")
def _actions_missing(s: Subject) -> Iterator[Check]:
    for rec in s.plan.recommendations:
        if rec.response in (Response.AGREED, Response.PARTLY_AGREED):
            answer = rec.response.replace("_", " ")
            yield _rec(rec, bool(rec.actions), f"{_where(rec)} is {answer} but lists no actions")


@rule("reason-missing", "error", "a partly or not agreed recommendation gives no explanation")
def _reason_missing(s: Subject) -> Iterator[Check]:
    for rec in s.plan.recommendations:
        if rec.response in NOT_FULLY_AGREED:
            answer = rec.response.replace("_", " ")
            yield _rec(rec, bool(rec.reason), f"{_where(rec)} is {answer} but gives no reason")


@rule("reason-category-missing", "warning",
      "the explanation names none of commissioning, policy, operational, affordability")
def _reason_category_missing(s: Subject) -> Iterator[Check]:
    for rec in s.plan.recommendations:
        if rec.response in NOT_FULLY_AGREED and rec.reason:
            named = _CATEGORY.search(f"{rec.response_raw or ''} {rec.reason}")
            yield _rec(rec, named is not None,
                       f"{_where(rec)}: the reason names no HMPPS category (commissioning, "
                       "policy, operational or affordability)")


@rule("not-agreed-with-actions", "advice", "a not agreed recommendation still lists actions")
def _not_agreed_with_actions(s: Subject) -> Iterator[Check]:
    for rec in s.plan.recommendations:
        if rec.response == Response.NOT_AGREED:
            yield _rec(rec, not rec.actions,
                       f"{_where(rec)} is not agreed but lists {len(rec.actions)} action(s)")


@rule("repeated-recommendation", "advice",
      "the recommendation says it is repeated from a previous inspection", scored=False)
def _repeated(s: Subject) -> Iterator[Check]:
    for rec in s.plan.recommendations:
        yield _rec(rec, not _REPEATED.search(rec.text),
                   f"{_where(rec)} is repeated from a previous inspection")


# --- owners ------------------------------------------------------------------------------

@rule("owner-missing", "error", "an action has no owner")
def _owner_missing(s: Subject) -> Iterator[Check]:
    for rec, action in _actions(s.plan):
        yield _act(rec, action, bool(action.owners), f"{_where(rec, action)} has no owner")


def is_vague_owner(raw: str) -> bool:
    """True for an owner no one can be held to ("All staff", "TBC")."""
    return " ".join(raw.lower().split()).strip(" .;:,-–") in VAGUE_OWNERS


@rule("owner-vague", "warning",
      "an owner no one can be held to (All staff, Staff, Everyone, All managers, TBC, N/A)")
def _owner_vague(s: Subject) -> Iterator[Check]:
    for rec, action in _actions(s.plan):
        for owner in action.owners:
            yield _act(rec, action, not is_vague_owner(owner.raw),
                       f"{_where(rec, action)}: owner '{owner.raw}' names no one")


# --- targets -----------------------------------------------------------------------------

def is_completed(target: Target) -> bool:
    """True when the target says the action is done, alone or beside other words."""
    done = TargetStatus.COMPLETED
    if target.status == done or any(p.status == done for p in target.parts):
        return True
    pieces = re.split(r"\band\b|[;/,&+]", target.raw or "", flags=re.I)
    return len(pieces) > 1 and any(
        parse_target(piece)[0].status == done for piece in pieces if piece.strip())


def _has_target(action: Action) -> bool:
    return bool((action.target.raw or "").strip())


@rule("target-missing", "error", "an action has no target text at all")
def _target_missing(s: Subject) -> Iterator[Check]:
    for rec, action in _actions(s.plan):
        yield _act(rec, action, _has_target(action), f"{_where(rec, action)} has no target")


@rule("target-not-dated", "warning",
      "a target gives neither a date nor a completed status (Ongoing, Quarterly, TBC, …)")
def _target_not_dated(s: Subject) -> Iterator[Check]:
    for rec, action in _actions(s.plan):
        target = action.target
        if not _has_target(action):
            continue  # target-missing
        dated = target.start is not None or target.end is not None
        yield _act(rec, action, dated or is_completed(target),
                   f"{_where(rec, action)}: target '{' '.join(target.raw.split())}' gives no "
                   "date")


@rule("target-before-plan", "warning",
      "a target not completed or in progress ends before the plan's submission date")
def _target_before_plan(s: Subject) -> Iterator[Check]:
    submitted = s.plan.plan.submitted
    if submitted is None:
        return
    for rec, action in _actions(s.plan):
        target = action.target
        if target.end is None or target.status in (TargetStatus.COMPLETED,
                                                   TargetStatus.IN_PROGRESS):
            continue
        if is_completed(target):
            continue
        yield _act(rec, action, target.end >= submitted,
                   f"{_where(rec, action)}: target ends {target.end.isoformat()}, before the "
                   f"plan was submitted ({submitted.isoformat()})")


def far_limit(plan: ActionPlan) -> tuple[dt.date, str] | None:
    """The latest reasonable end date and what it counts from; None without either date."""
    info = plan.plan
    if info.submitted is not None:
        anchor, what = info.submitted, "submission"
    elif info.report_published:
        year, month = (int(x) for x in info.report_published.split("-")[:2])
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        anchor, what = nxt - dt.timedelta(days=1), "the report's publication"
    else:
        return None
    try:
        limit = anchor.replace(year=anchor.year + FAR_YEARS)
    except ValueError:  # 29 February
        limit = anchor.replace(year=anchor.year + FAR_YEARS, day=28)
    return limit, what


@rule("target-far", "advice",
      "a target ends more than three years after submission (or the report's publication)")
def _target_far(s: Subject) -> Iterator[Check]:
    found = far_limit(s.plan)
    if found is None:
        return
    limit, what = found
    for rec, action in _actions(s.plan):
        end = action.target.end
        if end is not None:
            yield _act(rec, action, end <= limit,
                       f"{_where(rec, action)}: target ends {end.isoformat()}, more than "
                       f"{FAR_YEARS} years after {what}")


# --- numbering ---------------------------------------------------------------------------

_INTEGER = re.compile(r"^(\d+)$")
_DOTTED = re.compile(r"^(\d+)\.(\d+)$")
_LETTERED = re.compile(r"^(\d*)([a-z])$")


def sequence_key(number: str | None) -> tuple[str, int] | None:
    """(series, position) of a number that can be part of a counted sequence, else None.

    Plain integers form one series; "5.01"/"1.1" a series per prefix; "a"/"1a" a series of
    letters per prefix. Paragraph references ("S40", "1.46") are not counted: a dotted or
    lettered series only counts when it starts at its first member (checked by the caller).
    """
    if not number:
        return None
    text = number.strip().strip("().").lower()
    if m := _INTEGER.match(text):
        return "int", int(m[1])
    if m := _DOTTED.match(text):
        return f"dot:{int(m[1])}", int(m[2])
    if m := _LETTERED.match(text):
        return f"letter:{m[1]}", ord(m[2]) - ord("a") + 1
    return None


def gaps(numbers: list[str | None]) -> Iterator[tuple[int, str, str, bool]]:
    """(index, previous, number, passed) for each number that follows another in its series.

    Only a step up is judged (a restart or a duplicate is not a gap).
    """
    last: dict[str, tuple[int, str]] = {}
    counted: dict[str, bool] = {}
    for index, number in enumerate(numbers):
        key = sequence_key(number)
        if key is None or number is None:
            continue
        series, position = key
        if series not in last:
            counted[series] = series == "int" or position == 1
        else:
            previous, previous_text = last[series]
            if counted[series] and position > previous:
                yield index, previous_text, number, position == previous + 1
        last[series] = (position, number)


@rule("numbering-gap", "warning",
      "recommendation numbers, or a recommendation's action numbers, skip (1, 2, 4)")
def _numbering_gap(s: Subject) -> Iterator[Check]:
    recs = s.plan.recommendations
    for index, previous, number, passed in gaps([r.number for r in recs]):
        yield _rec(recs[index], passed,
                   f"recommendation numbers skip from {previous} to {number}")
    for rec in recs:
        for index, previous, number, passed in gaps([a.number for a in rec.actions]):
            yield _act(rec, rec.actions[index], passed,
                       f"action numbers of recommendation {rec.number} skip from {previous} "
                       f"to {number}")


@rule("numbering-duplicate", "warning", "the same recommendation number appears twice")
def _numbering_duplicate(s: Subject) -> Iterator[Check]:
    seen: set[str] = set()
    for rec in s.plan.recommendations:
        if rec.number is None or rec.number_inferred:
            continue
        key = rec.number.strip().strip(".").lower()
        yield _rec(rec, key not in seen, f"recommendation number {rec.number} appears again")
        seen.add(key)


# --- against the inspection report -------------------------------------------------------

# A finding quotes the start of a recommendation: enough to find it, short enough for one line.
_QUOTED_WORDS = 12


@rule("report-missing", "error",
      "a recommendation of the inspection report is not answered in the plan")
def _report_missing(s: Subject) -> Iterator[Check]:
    comparison = s.comparison
    if comparison is None or s.report is None:
        return
    missing = {id(r) for r in comparison.missing}
    for rec in s.report.recommendations:
        number = rec.number or rec.reference
        yield Check(id(rec) not in missing, number, None, rec.page,
                    f"report recommendation {number or '(unnumbered)'} is not answered: "
                    f"'{shorten(rec.text, _QUOTED_WORDS)}'")


@rule("report-extra", "warning", "a plan recommendation is in no list of the inspection report")
def _report_extra(s: Subject) -> Iterator[Check]:
    comparison = s.comparison
    if comparison is None:
        return
    extra = {id(r) for r in comparison.extra}
    for rec in s.plan.recommendations:
        yield _rec(rec, id(rec) not in extra,
                   f"{_where(rec)} is not among the report's recommendations: "
                   f"'{shorten(rec.text, _QUOTED_WORDS)}'")


@rule("report-number-mismatch", "warning",
      "a plan recommendation matches the report's, but under another number")
def _report_number_mismatch(s: Subject) -> Iterator[Check]:
    comparison = s.comparison
    if comparison is None:
        return
    for pair in comparison.pairs:
        theirs = pair.report.number or pair.report.reference
        yield _rec(pair.plan, same_number(pair.plan.number, pair.report),
                   f"{_where(pair.plan)} is recommendation {theirs} in the report")


@rule("report-reworded", "advice",
      "a plan recommendation matches the report's, but in other words (word diff given)")
def _report_reworded(s: Subject) -> Iterator[Check]:
    comparison = s.comparison
    if comparison is None:
        return
    for pair in comparison.pairs:
        reworded = pair.reworded
        theirs = pair.report.number or pair.report.reference
        yield _rec(pair.plan, not reworded,
                   f"{_where(pair.plan)} words report recommendation {theirs} differently: "
                   f"{pair.word_diff() if reworded else ''}")
