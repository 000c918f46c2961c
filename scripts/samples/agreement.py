"""Where a spec and its hand-written expected file say the same thing, they must agree.

The spec holds what a document prints; ``<name>.expected.json`` (and ``.expected-report.json``,
``.expected-audit.json``) what a reader records from it. They overlap in the printed words:
titles, numbers as printed, recommendation and action text, answers, reasons, sections,
owner and target cells. Each function returns the disagreements, one line each.
"""

from __future__ import annotations

from typing import Any

from scripts.samples.spec import ActionSpec, PlanSpec, RecSpec, ReportSpec

# Audit findings about recommendations the plan does not print (the report has them).
REPORT_ONLY_RULES = {"report-missing"}


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _number(where: str, printed: str | None, item: dict[str, Any]) -> list[str]:
    if printed is None:
        return [] if item["number_inferred"] else [f"{where}: no number printed, not inferred"]
    if item["number_inferred"] or item["number"] != printed:
        return [f"{where}: printed number {printed!r}, expected {item['number']!r}"]
    return []


def _same(where: str, field: str, spec_value: Any, expected_value: Any) -> list[str]:
    if spec_value == expected_value:
        return []
    return [f"{where}: {field} {spec_value!r} in the spec, {expected_value!r} expected"]


def _action(where: str, act: ActionSpec, item: dict[str, Any]) -> list[str]:
    out = _number(where, act.number, item)
    out += _same(where, "text", act.text, item["text"])
    out += _same(where, "target", act.target_raw, item["target"]["raw"])
    cell = _squash(act.owners_raw)
    owners = [_squash(o["raw"]) for o in item["owners"]]
    if not cell and owners:
        out.append(f"{where}: owners {owners} expected from an empty owner cell")
    if cell and not owners:
        out.append(f"{where}: owner cell {cell!r} printed, no owner expected")
    out += [f"{where}: owner {o!r} is not in the cell {cell!r}" for o in owners if o not in cell]
    return out


def _rec(where: str, rec: RecSpec, item: dict[str, Any]) -> list[str]:
    out = _number(where, rec.number, item)
    for field in ("text", "response_raw", "reason", "section"):
        out += _same(where, field, getattr(rec, field), item[field])
    if len(rec.actions) != len(item["actions"]):
        counts = f"{len(rec.actions)} actions printed, {len(item['actions'])} expected"
        return [*out, f"{where}: {counts}"]
    for i, (act, expected) in enumerate(zip(rec.actions, item["actions"], strict=True), 1):
        out += _action(f"{where} action {i}", act, expected)
    return out


def plan_disagreements(spec: PlanSpec, expected: dict[str, Any]) -> list[str]:
    """A plan spec against its ``.expected.json``."""
    out = _same(spec.name, "title", spec.title, expected["plan"]["title"])
    recs = expected["recommendations"]
    if len(spec.recs) != len(recs):
        counts = f"{len(spec.recs)} recommendations printed, {len(recs)} expected"
        return [*out, f"{spec.name}: {counts}"]
    for i, (rec, item) in enumerate(zip(spec.recs, recs, strict=True), 1):
        out += _rec(f"{spec.name} rec {i}", rec, item)
    return out


def report_disagreements(spec: ReportSpec, expected: dict[str, Any]) -> list[str]:
    """A report spec against its ``.expected-report.json``: every recommendation is printed."""
    out = _same(spec.name, "organisation", spec.organisation, expected["organisation"])
    printed = _squash(" ".join(block[1] for block in spec.blocks if len(block) > 1))
    for item in expected["recommendations"]:
        if _squash(item["text"]) not in printed:
            out.append(f"{spec.name}: recommendation {item['number']} is not printed")
    return out


def audit_disagreements(spec: PlanSpec, expected: dict[str, Any]) -> list[str]:
    """An audit sample's spec against its ``.expected-audit.json``: every finding names a
    recommendation the plan prints, and an action it has (by number, or by position)."""
    out = []
    for finding in expected["findings"]:
        number, action = finding["recommendation"], finding["action"]
        if number is None or finding["rule"] in REPORT_ONLY_RULES:
            continue
        recs = [r for r in spec.recs if r.number == number]
        if not recs:
            out.append(f"{spec.name}: {finding['rule']} names recommendation {number}, not printed")
            continue
        if action is None:
            continue
        numbers = {a.number for r in recs for a in r.actions}
        positions = {str(i) for r in recs for i in range(1, len(r.actions) + 1)}
        if action not in numbers | positions:
            out.append(f"{spec.name}: {finding['rule']} names action {number}/{action}, "
                       "not printed")
    return out
