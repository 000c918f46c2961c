"""Draft recommendations → validated models: numbers inferred; owners, dates, answers normalised."""

from __future__ import annotations

from extractors.layout import Document
from pipeline.models import (
    NOT_FULLY_AGREED,
    Action,
    ActionPlan,
    Owner,
    PlanInfo,
    PlanWarning,
    Provenance,
    Recommendation,
    Source,
    Target,
    WarningCode,
)
from pipeline.normalise.dates import (
    Notes,
    commonest_year,
    parse_target,
    split_stacked_targets,
    written_years,
)
from pipeline.normalise.owners import find_abbreviations, parse_owners
from pipeline.normalise.response import parse_response, reason_category
from pipeline.numbering import step_number
from pipeline.provenance import place_owners, place_text, provenance_of
from pipeline.text import clean, visual_lines

# Lines level with each other across columns: tops on one baseline differ by the type sizes'
# ascents, a few points at most.
LEVEL_PT = 3.0


def _next_number(previous: str | None, index: int) -> str:
    if previous and previous.isdigit():
        return str(int(previous) + 1)
    return str(index)


def _action_numbers(printed: list[str | None]) -> list[tuple[str, bool]]:
    """Each action's number and whether it was inferred. A number the document left out
    follows the scheme of the nearest printed sibling (the first of "(1b)", "(1c)" is "1a";
    before "1.2" comes "1.1"), else the action's place in its recommendation."""
    numbers: list[tuple[str, bool]] = []
    shown = [(i, number) for i, number in enumerate(printed) if number]
    for i, number in enumerate(printed):
        if number:
            numbers.append((number, False))
            continue
        # The nearest printed sibling; on a tie the one before.
        near = min(shown, key=lambda js: (abs(js[0] - i), js[0] > i), default=None)
        guess = step_number(near[1], i - near[0]) if near is not None else None
        numbers.append((guess or str(i + 1), True))
    return numbers


def finalise(drafts, info: PlanInfo, source: Source, document: Document,
             warnings: list[PlanWarning]) -> ActionPlan:
    """Build the validated plan from assembled drafts; ``warnings`` gains what was unsure."""
    abbreviations = find_abbreviations(document.texts())
    # The years the plan's own targets state: a target without one takes the commonest.
    years = [y for d in drafts for a in d.actions for y in written_years(a.target)]
    if info.submitted:
        years.append(info.submitted.year)
    years = list(commonest_year(years))  # all a target's parse takes from them, found once
    recs: list[Recommendation] = []
    previous: str | None = None
    for draft in drafts:
        text = clean(" ".join(draft.texts))
        if not text and not draft.actions:
            continue
        number, inferred = draft.number, False
        if not number:
            number, inferred = _next_number(previous, len(recs) + 1), True
            warnings.append(PlanWarning(
                code=WarningCode.NUMBER_INFERRED,
                message=f"recommendation number not printed; inferred {number} from order",
                page=draft.page))
        previous = number
        targets = _targets(draft.actions, years)
        numbers = _action_numbers([act.number for act in draft.actions])
        actions = _stack_shared_owners(draft.actions, [
            _action(act, numbered, number, abbreviations, target, warnings)
            for act, numbered, target in zip(draft.actions, numbers, targets, strict=True)
        ])
        recs.append(Recommendation(
            number=number, number_inferred=inferred, text=text, section=draft.section,
            page=draft.page, actions=actions, provenance=provenance_of(draft.sources),
            **_answer(draft, number, warnings)))
    return ActionPlan(source=source, plan=info, recommendations=recs, warnings=warnings)


def _targets(drafts, years: list[int]) -> list[tuple[Target, Notes]]:
    """Each action's target, every cell parsed once: a cell several actions share gives
    each its own date when it stacks one per action (a line, or a date, each), else one
    target they all share."""
    groups: dict[tuple[int, ...], list[int]] = {}
    for i, draft in enumerate(drafts):
        key = tuple(id(p) for p in draft.target_sources) or (-i - 1,)
        groups.setdefault(key, []).append(i)
    found: list[tuple[Target, Notes]] = [(Target(), [])] * len(drafts)
    for members in groups.values():
        first = drafts[members[0]]
        pieces = None
        if len(members) > 1:
            # Visual lines first: a narrow column may show stacked dates as one paragraph.
            pieces = split_stacked_targets(visual_lines(first.target_sources), len(members)) \
                or split_stacked_targets(first.target, len(members))
        if pieces:
            for i, piece in zip(members, pieces, strict=True):
                found[i] = _target(piece, first.target_sources, years)
        else:
            shared = _target(first.target, first.target_sources, years)
            for i in members:
                found[i] = shared
    return found


def _target(raw: str, sources, years: list[int]) -> tuple[Target, Notes]:
    if not raw.strip():
        return Target(), []
    target, notes = parse_target(raw, plan_years=years)
    return target.model_copy(update={"provenance": place_text(raw, sources)}), notes


def _stack_shared_owners(drafts, actions: list[Action]) -> list[Action]:
    """Owners listed per action in one cell: when several actions of a row share an owner
    cell and their dates stack one per action (no two alike), a cell that names exactly one
    owner per action gives them out in order, and a cell with more owners than actions gives
    each action the owners printed level with it (PDF). A cell naming as many owners as the
    row has actions beside one shared date is left shared: those owners may act jointly."""
    groups: dict[tuple[int, ...], list[int]] = {}
    for i, draft in enumerate(drafts):
        if draft.owner_sources:
            groups.setdefault(tuple(id(p) for p in draft.owner_sources), []).append(i)
    stacked = list(actions)
    for members in groups.values():
        owners = actions[members[0]].owners
        targets = [actions[i].target.raw for i in members]
        if len(members) < 2 or None in targets or len(set(targets)) < len(targets):
            continue
        if len(owners) == len(members):
            shares: list[list[Owner]] | None = [[owner] for owner in owners]
        else:
            shares = _owners_level_with([actions[i] for i in members], owners)
        for i, share in zip(members, shares or [], strict=False):
            stacked[i] = actions[i].model_copy(update={"owners": share})
    return stacked


def _owners_level_with(actions: list[Action], owners: list[Owner]) -> list[list[Owner]] | None:
    """Each action's owners when the cell sets them level with their actions: an owner
    belongs to the last action that starts at or above its first line. None unless every
    action and owner has a place on the page, the first owner is level with the first action
    and every action gets at least one."""
    if len(owners) < len(actions):
        return None
    starts = [place for a in actions if (place := _first_place(a.provenance))]
    places = [place for o in owners if (place := _first_place(o.provenance))]
    if len(starts) < len(actions) or len(places) < len(owners):
        return None
    shares: list[list[Owner]] = [[] for _ in actions]
    for owner, place in zip(owners, places, strict=True):
        level = [i for i, (page, top) in enumerate(starts) if (page, top - LEVEL_PT) <= place]
        if not level:
            return None
        shares[level[-1]].append(owner)
    return shares if all(shares) else None


def _first_place(provenance: Provenance | None) -> tuple[int, float] | None:
    """Page and top of the first line a value was read from (PDF), else None."""
    if provenance is None or not provenance.boxes:
        return None
    return provenance.boxes[0].page, provenance.boxes[0].top


def _answer(draft, number: str, warnings: list[PlanWarning]) -> dict:
    """The recommendation's response, as written and normalised, and the reason it gives."""
    response_raw = clean(" ".join(draft.response)) or None
    response = parse_response(response_raw)
    reason = clean(" ".join(draft.reason)) or None
    category = None
    if response in NOT_FULLY_AGREED and not reason and draft.narrative:
        reason = clean(" ".join(draft.narrative))  # the prose "Response" column explains it
    if response in NOT_FULLY_AGREED:
        category = reason_category(reason or "")
        if not reason:
            warnings.append(PlanWarning(
                code=WarningCode.REASON_MISSING,
                message=f"recommendation {number} is {response} but gives no reason",
                page=draft.page))
    if response_raw and response is None:
        warnings.append(PlanWarning(
            code=WarningCode.RESPONSE_NOT_UNDERSTOOD,
            message=f"recommendation {number}: agreement '{response_raw}' not understood",
            page=draft.page))
    return {"response": response, "response_raw": response_raw, "response_reason": category,
            "reason": reason, "response_provenance":
                provenance_of(draft.response_sources) if response_raw else None}


def _action(draft, numbered: tuple[str, bool], rec_number: str, abbreviations,
            parsed: tuple[Target, Notes], warnings) -> Action:
    number, inferred = numbered
    owners = parse_owners(draft.owners or None, abbreviations=abbreviations)
    owners = place_owners(owners, draft.owner_sources)
    target, notes = parsed
    where = f"action {number}" if number.startswith(f"{rec_number}.") else (
        f"action {rec_number}.{number}"
    )
    warnings.extend(PlanWarning(code=note.code, message=f"{where}: {note.message}",
                                page=draft.page) for note in notes)
    if not owners:
        warnings.append(PlanWarning(code=WarningCode.OWNER_MISSING,
                                    message=f"{where} has no owner", page=draft.page))
    if not (target.raw or "").strip():
        warnings.append(PlanWarning(code=WarningCode.TARGET_MISSING,
                                    message=f"{where} has no target date", page=draft.page))
    return Action(
        number=number, number_inferred=inferred, text=clean(" ".join(draft.texts)),
        owners=owners, target=target, page=draft.page, provenance=provenance_of(draft.sources))
