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
META_FIELDS = ("organisation", "inspectorate", "report_published", "submitted")

# Field name → short column label; the order is the report's column order.
FIELDS: dict[str, str] = {
    "recs_found": "recs",
    "recs_spurious": "r.spur",
    "rec_text": "r.text",
    "response": "resp",
    "actions_found": "acts",
    "actions_spurious": "a.spur",
    "action_text": "a.text",
    "owners": "owners",
    "target_start": "start",
    "target_end": "end",
    "status": "status",
    "organisation": "org",
    "inspectorate": "insp",
    "report_published": "publ",
    "submitted": "subm",
    "metadata": "meta",
}
# For these a lower figure is better: they count predicted items with no expected partner.
LOWER_IS_BETTER = frozenset({"recs_spurious", "actions_spurious"})

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


def owners_key(owners: Iterable[Plan] | None) -> Counter[tuple[str | None, str | None]]:
    """Multiset of (role, person), casefolded and whitespace-collapsed, for comparison."""

    def norm(value: str | None) -> str | None:
        collapsed = collapse_ws(value)
        return collapsed.casefold() if collapsed else None

    return Counter((norm(o.get("role")), norm(o.get("person"))) for o in owners or [])


def _text_exact(expected: str | None, predicted: str | None) -> bool:
    return collapse_ws(expected) == collapse_ws(predicted)


def _meta_equal(field: str, expected: Any, predicted: Any) -> bool:
    if field == "organisation":
        return _text_exact(expected, predicted)
    return expected == predicted


def empty_scores() -> Scores:
    """A fresh tally for every field."""
    return {name: Tally() for name in FIELDS}


def score_plan(expected: Plan, predicted: Plan) -> Scores:
    """Per-field tallies of one predicted plan against its expected plan."""
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
        scores["rec_text"] += Tally(
            int(pred is not None and _text_exact(exp["text"], pred.get("text"))), 1
        )
        scores["response"] += Tally(
            int(pred is not None and exp.get("response") == pred.get("response")), 1
        )
        exp_actions = list(exp.get("actions") or [])
        pred_actions = list(pred.get("actions") or []) if pred is not None else []
        act_pairs = dict(match_actions(exp_actions, pred_actions))
        spurious_actions += len(pred_actions) - len(act_pairs)
        for ai, exp_act in enumerate(exp_actions):
            pred_act = pred_actions[act_pairs[ai]] if ai in act_pairs else None
            _score_action(scores, exp_act, pred_act)

    scores["actions_spurious"] = Tally(spurious_actions, total_pred_actions)
    _score_metadata(scores, expected.get("plan") or {}, predicted.get("plan") or {})
    return scores


def _score_action(scores: Scores, expected: Plan, predicted: Plan | None) -> None:
    found = predicted is not None
    pred = predicted or {}
    exp_target = expected.get("target") or {}
    pred_target = pred.get("target") or {}
    checks = {
        "actions_found": found,
        "action_text": found and _text_exact(expected["text"], pred.get("text")),
        "owners": found and owners_key(expected.get("owners")) == owners_key(pred.get("owners")),
        "target_start": found and exp_target.get("start") == pred_target.get("start"),
        "target_end": found and exp_target.get("end") == pred_target.get("end"),
        "status": found and exp_target.get("status") == pred_target.get("status"),
    }
    for name, ok in checks.items():
        scores[name] += Tally(int(ok), 1)


def _score_metadata(scores: Scores, expected: Plan, predicted: Plan) -> None:
    for field in META_FIELDS:
        ok = _meta_equal(field, expected.get(field), predicted.get(field))
        scores[field] = Tally(int(ok), 1)
        scores["metadata"] += scores[field]


def score_failure(expected: Plan) -> Scores:
    """Tallies for a document whose extraction failed: nothing found, every field wrong."""
    scores = empty_scores()
    exp_recs = list(expected.get("recommendations") or [])
    n_actions = sum(len(r.get("actions") or []) for r in exp_recs)
    for name in ("recs_found", "rec_text", "response"):
        scores[name] = Tally(0, len(exp_recs))
    for name in ("actions_found", "action_text", "owners", "target_start", "target_end", "status"):
        scores[name] = Tally(0, n_actions)
    for name in META_FIELDS:
        scores[name] = Tally(0, 1)
    scores["metadata"] = Tally(0, len(META_FIELDS))
    return scores


def add_scores(many: Iterable[Scores]) -> Scores:
    """Pooled (micro) tallies over several documents."""
    total = empty_scores()
    for scores in many:
        for name, tally in scores.items():
            total[name] += tally
    return total
