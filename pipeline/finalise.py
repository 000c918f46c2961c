"""Draft recommendations → validated models: numbers inferred; owners, dates, answers normalised."""

from __future__ import annotations

import re

from extractors.layout import Document
from pipeline.models import (
    Action,
    ActionPlan,
    PlanInfo,
    Recommendation,
    Source,
    Target,
    Warning,
)
from pipeline.normalise.dates import parse_target
from pipeline.normalise.owners import find_abbreviations, parse_owners
from pipeline.normalise.response import parse_response, reason_category
from pipeline.provenance import place_owners, place_text, provenance_of
from pipeline.text import clean

_YEAR = re.compile(r"\b(20\d\d)\b")


def _next_number(previous: str | None, index: int) -> str:
    if previous and previous.isdigit():
        return str(int(previous) + 1)
    return str(index)


def finalise(drafts, info: PlanInfo, source: Source, document: Document,
             warnings: list[Warning]) -> ActionPlan:
    """Build the validated plan from assembled drafts."""
    abbreviations = find_abbreviations(document.texts())
    years = [int(y) for d in drafts for a in d.actions for y in _YEAR.findall(a.target)]
    if info.submitted:
        years.append(info.submitted.year)
    recs: list[Recommendation] = []
    previous: str | None = None
    for draft in drafts:
        text = clean(" ".join(draft.texts))
        if not text and not draft.actions:
            continue
        number, inferred = draft.number, False
        if not number:
            number, inferred = _next_number(previous, len(recs) + 1), True
            warnings.append(Warning(
                message=f"recommendation number not printed; inferred {number} from order",
                page=draft.page))
        previous = number
        response_raw = clean(" ".join(draft.response)) or None
        response = parse_response(response_raw)
        reason = clean(" ".join(draft.reason)) or None
        category = None
        if response in ("partly_agreed", "not_agreed") and not reason and draft.narrative:
            reason = clean(" ".join(draft.narrative))  # the prose "Response" column explains it
        if response in ("partly_agreed", "not_agreed"):
            category = reason_category(reason or "")
            if not reason:
                warnings.append(Warning(
                    message=f"recommendation {number} is {response} but gives no reason",
                    page=draft.page))
        if response_raw and response is None:
            warnings.append(Warning(
                message=f"recommendation {number}: agreement '{response_raw}' not understood",
                page=draft.page))
        actions = [
            _action(act, i, number, abbreviations, years, warnings)
            for i, act in enumerate(draft.actions, start=1)
        ]
        recs.append(Recommendation(
            number=number, number_inferred=inferred, text=text, response=response,
            response_raw=response_raw, response_reason=category, reason=reason,
            section=draft.section, page=draft.page, actions=actions,
            provenance=provenance_of(draft.sources),
            response_provenance=provenance_of(draft.response_sources) if response_raw else None))
    return ActionPlan(source=source, plan=info, recommendations=recs, warnings=warnings)


def _action(draft, index: int, rec_number: str, abbreviations, years, warnings) -> Action:
    number, inferred = draft.number, False
    if not number:
        number, inferred = str(index), True
    owners = parse_owners(draft.owners or None, abbreviations=abbreviations)
    owners = place_owners(owners, draft.owner_sources)
    if draft.target.strip():
        target, notes = parse_target(draft.target, plan_years=years)
        target = target.model_copy(
            update={"provenance": place_text(draft.target, draft.target_sources)})
    else:
        target, notes = Target(), []
    where = f"action {number}" if number.startswith(f"{rec_number}.") else (
        f"action {rec_number}.{number}"
    )
    for note in notes:
        warnings.append(Warning(message=f"{where}: {note}", page=draft.page))
    if not owners:
        warnings.append(Warning(message=f"{where} has no owner", page=draft.page))
    if not draft.target.strip():
        warnings.append(Warning(message=f"{where} has no target date", page=draft.page))
    return Action(
        number=number, number_inferred=inferred, text=clean(" ".join(draft.texts)),
        owners=owners, target=target, page=draft.page, provenance=provenance_of(draft.sources))
