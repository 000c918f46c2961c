"""Matching and scoring of a predicted plan against an expected one, over plain dicts.

Both sides have the shape of actionplan's JSON (``ActionPlan.model_dump(mode="json")``);
the expected side may be the subset written by ``scripts/samples/spec.expected_json``.
Nothing here reads a document, so it is testable on hand-built dicts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

MATCH_THRESHOLD = 0.6

# Field name → short column label; the order is the report's column order. Every key an
# expected file holds is scored: those named here under these names, any other under its
# path ("rec.priority", "target.parts"), so a field added to the expected files is never
# silently left out (tests/pipeline/test_evaluate.py checks this against the models too).
FIELDS: dict[str, str] = {
    "recs_found": "recs",
    "recs_spurious": "r.spur",
    "rec_number": "r.num",
    "rec_number_inferred": "r.inf",
    "rec_text": "r.text",
    "section": "sect",
    "response": "resp",
    "response_raw": "r.raw",
    "response_reason": "r.why",
    "reason": "reason",
    "actions_found": "acts",
    "actions_spurious": "a.spur",
    "action_number": "a.num",
    "action_number_inferred": "a.inf",
    "action_text": "a.text",
    "owners": "owners",
    "owner_raw": "o.raw",
    "target_raw": "t.raw",
    "target_start": "start",
    "target_end": "end",
    "status": "status",
    "title": "title",
    "organisation": "org",
    "inspectorate": "insp",
    "report_published": "publ",
    "submitted": "subm",
    "metadata": "meta",
}
# For these a lower figure is better: they count predicted items with no expected partner.
LOWER_IS_BETTER = frozenset({"recs_spurious", "actions_spurious"})
# Counts of items found, not values compared.
STRUCTURAL = frozenset({"recs_found", "recs_spurious", "actions_found", "actions_spurious"})

# Expected-file key → field name, per level of the plan; keys not listed score as "<level>.<key>".
PLAN_KEYS = {
    "title": "title",
    "organisation": "organisation",
    "inspectorate": "inspectorate",
    "report_published": "report_published",
    "submitted": "submitted",
}
REC_KEYS = {
    "number": "rec_number",
    "number_inferred": "rec_number_inferred",
    "text": "rec_text",
    "section": "section",
    "response": "response",
    "response_raw": "response_raw",
    "response_reason": "response_reason",
    "reason": "reason",
}
ACTION_KEYS = {
    "number": "action_number",
    "number_inferred": "action_number_inferred",
    "text": "action_text",
}
TARGET_KEYS = {
    "raw": "target_raw",
    "start": "target_start",
    "end": "target_end",
    "status": "status",
}
# An owner is right when its role and person both are; its raw text is scored on its own.
OWNER_IDENTITY = ("role", "person")
OWNER_KEYS = {"raw": "owner_raw"}
# The top level of an expected file: the plan's front matter and its recommendations. Source
# facts (hash, pages) and warnings are not things a reader of the document writes down.
SCORED_TOP_LEVEL = frozenset({"plan", "recommendations"})
# Keys that hold the nested levels themselves, scored through their items.
NESTED = {"rec": {"actions"}, "action": {"owners", "target"}}

Plan = Mapping[str, Any]
Pairs = list[tuple[int, int]]


@dataclass
class Tally:
    """``hits`` out of ``total``; for spurious fields, hits are the spurious items."""

    hits: int = 0
    total: int = 0

    @property
    def ratio(self) -> float | None:
        """hits / total, or None when there was nothing to count."""
        return self.hits / self.total if self.total else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.total + other.total)


Scores = dict[str, Tally]


def collapse_ws(text: str | None) -> str | None:
    """Whitespace runs → one space, ends stripped; the only liberty taken for exact text."""
    if text is None:
        return None
    return re.sub(r"\s+", " ", text).strip()


def norm_number(number: str | None) -> str | None:
    """Comparable form of a printed number: '(5)', '5.', ' 5 ' → '5'; None when empty."""
    if number is None:
        return None
    out = collapse_ws(number).strip("()[]").rstrip(".").strip().casefold()
    return out or None


def similarity(a: str | None, b: str | None) -> float:
    """difflib ratio of two texts after whitespace collapsing and casefolding."""
    left = (collapse_ws(a) or "").casefold()
    right = (collapse_ws(b) or "").casefold()
    if not left and not right:
        return 1.0
    # autojunk would drop frequent characters from long texts and understate the ratio.
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def match_recommendations(expected: list[Plan], predicted: list[Plan]) -> Pairs:
    """One-to-one (expected index, predicted index) pairs: by number, then by text similarity."""
    pairs: Pairs = []
    used_e: set[int] = set()
    used_p: set[int] = set()
    for ei, exp in enumerate(expected):
        key = norm_number(exp.get("number"))
        if key is None:
            continue
        candidates = [
            pi
            for pi, pred in enumerate(predicted)
            if pi not in used_p and norm_number(pred.get("number")) == key
        ]
        if not candidates:
            continue
        # Duplicate numbers on the predicted side: take the closest text among them.
        best = max(
            candidates, key=lambda pi: similarity(exp.get("text"), predicted[pi].get("text"))
        )
        pairs.append((ei, best))
        used_e.add(ei)
        used_p.add(best)
    scored = [
        (similarity(exp.get("text"), pred.get("text")), ei, pi)
        for ei, exp in enumerate(expected)
        if ei not in used_e
        for pi, pred in enumerate(predicted)
        if pi not in used_p
    ]
    # Greedy on best ratio first; ties broken by document order.
    for ratio, ei, pi in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if ratio < MATCH_THRESHOLD or ei in used_e or pi in used_p:
            continue
        pairs.append((ei, pi))
        used_e.add(ei)
        used_p.add(pi)
    return sorted(pairs)


def match_actions(expected: list[Plan], predicted: list[Plan]) -> Pairs:
    """Order-preserving one-to-one alignment maximising total text similarity (pairs ≥ 0.6)."""
    n, m = len(expected), len(predicted)
    sim = [[similarity(e.get("text"), p.get("text")) for p in predicted] for e in expected]
    # best[i][j]: best total similarity aligning expected[i:] with predicted[j:].
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if sim[i][j] >= MATCH_THRESHOLD:
                options.append(sim[i][j] + best[i + 1][j + 1])
            best[i][j] = max(options)
    pairs: Pairs = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= MATCH_THRESHOLD and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _norm_value(value: Any) -> Any:
    """Strings compared with whitespace collapsed (the only liberty taken); lists and dicts
    element by element; anything else as it is."""
    if isinstance(value, str):
        return collapse_ws(value)
    if isinstance(value, list):
        return [_norm_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm_value(v) for k, v in value.items()}
    return value


def values_equal(expected: Any, predicted: Any) -> bool:
    """Exact equality of two field values, whitespace runs in text aside."""
    return _norm_value(expected) == _norm_value(predicted)


def owners_key(
    owners: Iterable[Plan] | None, keys: tuple[str, ...] = OWNER_IDENTITY
) -> Counter[tuple[Any, ...]]:
    """Multiset of the owners' ``keys`` values, text casefolded and whitespace-collapsed."""

    def norm(value: Any) -> Any:
        if isinstance(value, str):
            collapsed = collapse_ws(value)
            return collapsed.casefold() if collapsed else None
        return value

    return Counter(tuple(norm(o.get(k)) for k in keys) for o in owners or [])


def empty_scores() -> Scores:
    """A fresh tally for every named field."""
    return {name: Tally() for name in FIELDS}


def field_name(level: str, key: str) -> str:
    """The field a key of an expected item at ``level`` is scored under."""
    table = {
        "plan": PLAN_KEYS,
        "rec": REC_KEYS,
        "action": ACTION_KEYS,
        "target": TARGET_KEYS,
        "owner": OWNER_KEYS,
    }[level]
    return table.get(key, f"{level}.{key}")


def _add(scores: Scores, name: str, ok: bool) -> None:
    scores[name] = scores.get(name, Tally()) + Tally(int(ok), 1)


def _score_fields(
    scores: Scores, level: str, expected: Plan, predicted: Plan | None, skip: set[str]
) -> None:
    """Score every key of one expected item (except nested levels) against its partner."""
    for key, value in expected.items():
        if key in skip:
            continue
        ok = predicted is not None and values_equal(value, predicted.get(key))
        _add(scores, field_name(level, key), ok)


def score_plan(expected: Plan, predicted: Plan) -> Scores:
    """Per-field tallies of one predicted plan against its expected plan: every key the
    expected plan holds is scored, an item that was not found counting as wrong throughout."""
    unscored = set(expected) - SCORED_TOP_LEVEL
    if unscored:
        raise ValueError(f"expected plan holds {sorted(unscored)}, which nothing scores")
    scores = empty_scores()
    exp_recs = list(expected.get("recommendations") or [])
    pred_recs = list(predicted.get("recommendations") or [])
    rec_pairs = dict(match_recommendations(exp_recs, pred_recs))
    matched_pred = set(rec_pairs.values())

    scores["recs_found"] = Tally(len(rec_pairs), len(exp_recs))
    scores["recs_spurious"] = Tally(len(pred_recs) - len(matched_pred), len(pred_recs))
    spurious_actions = sum(
        len(r.get("actions") or []) for pi, r in enumerate(pred_recs) if pi not in matched_pred
    )
    total_pred_actions = sum(len(r.get("actions") or []) for r in pred_recs)

    for ei, exp in enumerate(exp_recs):
        pred = pred_recs[rec_pairs[ei]] if ei in rec_pairs else None
        _score_fields(scores, "rec", exp, pred, NESTED["rec"])
        exp_actions = list(exp.get("actions") or [])
        pred_actions = list(pred.get("actions") or []) if pred is not None else []
        act_pairs = dict(match_actions(exp_actions, pred_actions))
        spurious_actions += len(pred_actions) - len(act_pairs)
        for ai, exp_act in enumerate(exp_actions):
            pred_act = pred_actions[act_pairs[ai]] if ai in act_pairs else None
            _score_action(scores, exp_act, pred_act)

    scores["actions_spurious"] = Tally(spurious_actions, total_pred_actions)
    plan_scores: Scores = {}
    exp_plan = expected.get("plan") or {}
    _score_fields(plan_scores, "plan", exp_plan, predicted.get("plan") or {}, set())
    for name, tally in plan_scores.items():
        scores[name] = tally
        scores["metadata"] += tally
    return scores


def _score_action(scores: Scores, expected: Plan, predicted: Plan | None) -> None:
    found = predicted is not None
    _add(scores, "actions_found", found)
    _score_fields(scores, "action", expected, predicted, NESTED["action"])
    if "target" in expected:
        pred_target = (predicted or {}).get("target") or {}
        _score_fields(
            scores, "target", expected["target"] or {}, pred_target if found else None, set()
        )
    if "owners" in expected:
        exp_owners = expected["owners"] or []
        pred_owners = (predicted or {}).get("owners") or []
        _add(scores, "owners", found and owners_key(exp_owners) == owners_key(pred_owners))
        # Every other key of the owners (raw, expansion, key …): the multiset of its values.
        other = sorted({k for o in exp_owners for k in o} - set(OWNER_IDENTITY))
        for key in other:
            same = owners_key(exp_owners, (key,)) == owners_key(pred_owners, (key,))
            _add(scores, field_name("owner", key), found and same)


def score_failure(expected: Plan) -> Scores:
    """Tallies for a document whose extraction failed: nothing found, every field wrong."""
    return score_plan(expected, {})


def add_scores(many: Iterable[Scores]) -> Scores:
    """Pooled (micro) tallies over several documents."""
    total = empty_scores()
    for scores in many:
        for name, tally in scores.items():
            total[name] = total.get(name, Tally()) + tally
    return total


def field_names(scores: Scores) -> list[str]:
    """The named fields in report order, then any other field scored, by name."""
    return [*FIELDS, *sorted(set(scores) - set(FIELDS))]
