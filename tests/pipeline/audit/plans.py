"""Small hand-built plans for the audit rules' table-driven tests."""

from __future__ import annotations

import datetime as dt

from pipeline.models import Action, ActionPlan, Owner, PlanInfo, Recommendation, Source, Target
from pipeline.normalise.dates import parse_target

SUBMITTED = dt.date(2020, 5, 20)


def act(number: str | None = "1", owners: tuple[str, ...] = ("Head of Area",),
        target: str | None = "May 2020", *, inferred: bool = False) -> Action:
    """An action; ``target`` is parsed the way the extractor parses a target cell."""
    parsed = parse_target(target)[0] if target else Target()
    return Action(number=number, number_inferred=inferred, text="Do the work.",
                  owners=[Owner(raw=o) for o in owners], target=parsed, page=2)


def rec(number: str | None = "1", response: str | None = "agreed",
        actions: list[Action] | None = None, *, text: str = "The CRC should improve work.",
        raw: str | None = "", reason: str | None = None, inferred: bool = False,
        ) -> Recommendation:
    """A recommendation with one dated, owned action unless ``actions`` says otherwise."""
    if raw == "":
        raw = {"agreed": "Agreed", "partly_agreed": "Partly agreed",
               "not_agreed": "Not agreed", None: None}[response]
    return Recommendation(number=number, number_inferred=inferred, text=text,
                          response=response, response_raw=raw, reason=reason, page=1,
                          actions=[act()] if actions is None else actions)


def plan(*recs: Recommendation, submitted: dt.date | None = SUBMITTED,
         published: str | None = "2020-04") -> ActionPlan:
    return ActionPlan(
        source=Source(file="p.pdf", format="pdf", sha256="0" * 64, pages=2),
        plan=PlanInfo(organisation="Durham Tees Valley CRC", submitted=submitted,
                      report_published=published),
        recommendations=list(recs))
