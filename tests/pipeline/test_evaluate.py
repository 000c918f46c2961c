"""Matching and scoring on small hand-built plan dicts (no documents involved)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline import evaluate, metrics, models, score_table
from pipeline.metrics import (
    Tally,
    match_actions,
    match_recommendations,
    norm_number,
    score_failure,
    score_plan,
)


def action(text: str, owners: list[tuple[str | None, str | None]], end: str | None) -> dict:
    return {
        "number": None,
        "text": text,
        "owners": [{"raw": f"{r} {p}", "role": r, "person": p} for r, p in owners],
        "target": {"raw": "x", "start": None, "end": end, "status": "planned" if end else None},
    }


def rec(number: str | None, text: str, response: str | None, actions: list[dict]) -> dict:
    return {"number": number, "text": text, "response": response, "actions": actions}


def expected_plan() -> dict[str, Any]:
    return {
        "plan": {
            "organisation": "Durham Tees Valley CRC",
            "inspectorate": "HMI Probation",
            "report_published": "2020-04",
            "submitted": "2020-05-20",
        },
        "recommendations": [
            rec(
                "1",
                "Ensure audit actions are followed up by local managers.",
                "agreed",
                [
                    action(
                        "Write a RAG policy for audits.",
                        [("Quality Team Manager", None)],
                        "2020-05-31",
                    ),
                    action("Add a standard to the OMMS.", [("Heads of Area", None)], None),
                ],
            ),
            rec(
                "2",
                "Enable staff to analyse offending behaviour and risk of harm.",
                "partly_agreed",
                [
                    action(
                        "Run SFO workshops for practitioners.",
                        [("Quality Team", None)],
                        "2020-12-31",
                    )
                ],
            ),
            rec(
                "3",
                "Improve the quality of risk management plans.",
                "agreed",
                [
                    action(
                        "Deliver refresher training on RMPs.", [("Head of Area", "Jo Bloggs")], None
                    )
                ],
            ),
        ],
    }


def test_identical_plan_scores_perfectly() -> None:
    exp = expected_plan()
    scores = score_plan(exp, copy.deepcopy(exp))
    for name, tally in scores.items():
        want = 0 if name.endswith("_spurious") else tally.total
        assert tally.hits == want, name
    assert scores["actions_found"] == Tally(4, 4)
    assert scores["metadata"] == Tally(4, 4)


def test_missed_rec_lowers_its_fields_and_actions() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    del pred["recommendations"][1]
    scores = score_plan(exp, pred)
    assert scores["recs_found"] == Tally(2, 3)
    assert scores["rec_text"] == Tally(2, 3)
    assert scores["response"] == Tally(2, 3)
    assert scores["actions_found"] == Tally(3, 4)
    assert scores["owners"] == Tally(3, 4)
    assert scores["recs_spurious"] == Tally(0, 2)


def test_spurious_rec_and_its_actions_are_counted() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    pred["recommendations"].append(
        rec("9", "Entirely unrelated words about gardening.", None, [action("Dig.", [], None)])
    )
    scores = score_plan(exp, pred)
    assert scores["recs_found"] == Tally(3, 3)
    assert scores["recs_spurious"] == Tally(1, 4)
    assert scores["actions_spurious"] == Tally(1, 5)


def test_wrong_response_is_counted_once() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    pred["recommendations"][1]["response"] = "agreed"
    scores = score_plan(exp, pred)
    assert scores["response"] == Tally(2, 3)
    assert scores["rec_text"] == Tally(3, 3)


def test_missed_action_lowers_owners_and_targets() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    del pred["recommendations"][0]["actions"][0]
    scores = score_plan(exp, pred)
    assert scores["actions_found"] == Tally(3, 4)
    assert scores["action_text"] == Tally(3, 4)
    assert scores["owners"] == Tally(3, 4)
    assert scores["target_end"] == Tally(3, 4)
    assert scores["status"] == Tally(3, 4)
    assert scores["actions_spurious"] == Tally(0, 3)


def test_whitespace_only_difference_is_still_exact() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    pred["recommendations"][0]["text"] = (
        "  Ensure audit actions\nare followed up  by local managers. "
    )
    pred["recommendations"][0]["actions"][0]["text"] = "Write a RAG\tpolicy for audits."
    scores = score_plan(exp, pred)
    assert scores["rec_text"] == Tally(3, 3)
    assert scores["action_text"] == Tally(4, 4)


def test_case_or_punctuation_difference_is_not_exact() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    pred["recommendations"][0]["text"] = "ensure audit actions are followed up by local managers"
    scores = score_plan(exp, pred)
    assert scores["recs_found"] == Tally(3, 3)
    assert scores["rec_text"] == Tally(2, 3)


@pytest.mark.parametrize(
    ("printed", "normal"),
    [
        ("(5)", "5"),
        ("5.", "5"),
        (" 5 ", "5"),
        ("S3", "s3"),
        ("5.01", "5.01"),
        ("", None),
        (None, None),
    ],
)
def test_norm_number(printed: str | None, normal: str | None) -> None:
    assert norm_number(printed) == normal


def test_bracketed_number_matches_plain_number_despite_different_text() -> None:
    expected = [rec("5", "Alpha beta gamma.", None, []), rec("6", "Delta epsilon.", None, [])]
    predicted = [rec("(6)", "Something else.", None, []), rec("(5)", "Other words.", None, [])]
    assert match_recommendations(expected, predicted) == [(0, 1), (1, 0)]


def test_unnumbered_recs_match_by_text_above_threshold_only() -> None:
    expected = [
        rec(None, "Improve the quality of risk management plans.", None, []),
        rec(None, "Something nobody extracted at all.", None, []),
    ]
    predicted = [
        rec(None, "Totally different content here!", None, []),
        rec("4", "Improve the quality of risk managment plans", None, []),
    ]
    assert match_recommendations(expected, predicted) == [(0, 1)]


def test_actions_align_in_order_and_one_to_one() -> None:
    expected = [
        action(t, [], None)
        for t in ("Train all staff.", "Audit cases monthly.", "Train all staff.")
    ]
    predicted = [action(t, [], None) for t in ("Audit cases monthly.", "Train all staff.")]
    pairs = match_actions(expected, predicted)
    # Both predicted actions matched, each once, in document order.
    assert len(pairs) == 2
    assert [p for _, p in pairs] == [0, 1]
    assert expected[pairs[0][0]]["text"] == "Audit cases monthly."


def test_owners_compare_as_casefolded_multisets() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    pred["recommendations"][2]["actions"][0]["owners"] = [
        {"raw": "whatever", "role": "head of  area", "person": "JO BLOGGS"}
    ]
    pred["recommendations"][0]["actions"][1]["owners"] = [
        {"raw": "Heads of Area", "role": "Heads of Area", "person": None},
        {"raw": "Heads of Area", "role": "Heads of Area", "person": None},
    ]
    scores = score_plan(exp, pred)
    assert scores["owners"] == Tally(3, 4)


def test_metadata_each_and_combined() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    pred["plan"]["submitted"] = "2020-05-21"
    pred["plan"]["organisation"] = "Durham  Tees Valley CRC\n"
    scores = score_plan(exp, pred)
    assert scores["submitted"] == Tally(0, 1)
    assert scores["organisation"] == Tally(1, 1)
    assert scores["metadata"] == Tally(3, 4)


def test_failure_scores_zero_found_over_expected_totals() -> None:
    scores = score_failure(expected_plan())
    assert scores["recs_found"] == Tally(0, 3)
    assert scores["owners"] == Tally(0, 4)
    assert scores["metadata"] == Tally(0, 4)


def test_evaluate_samples_reports_a_raising_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.expected.json").write_text(json.dumps(expected_plan()), encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.docx").write_bytes(b"PK")
    (tmp_path / "b.expected.json").write_text(json.dumps(expected_plan()), encoding="utf-8")

    def fake_extract(path: Path) -> dict[str, Any]:
        if path.suffix == ".pdf":
            raise ValueError("broken\ntable")
        return expected_plan()

    monkeypatch.setattr(evaluate, "predicted_dict", fake_extract)
    report = evaluate.evaluate_samples(tmp_path)
    by_format = {d.format: d for d in report.docs}
    assert by_format["pdf"].error == "ValueError: broken table"
    assert by_format["pdf"].scores["recs_found"] == Tally(0, 3)
    assert by_format["docx"].error is None
    assert report.totals("docx")["recs_found"] == Tally(3, 3)
    assert report.totals()["recs_found"] == Tally(3, 6)
    assert report.missing == ["b"]
    text = evaluate.format_report(report)
    assert "a.pdf: ValueError: broken table" in text
    assert text.splitlines()[-1].startswith("all: 2 docs, 1 failed; recs_found=0.500 (3/6)")


# ------------------------------------------------------------------ every field is scored
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def leaves(item: Any, level: str = "top", path: tuple = ()) -> list[tuple[tuple, str, str]]:
    """(path, level, key) of every value an expected plan holds, nested levels walked."""
    out: list[tuple[tuple, str, str]] = []
    nested = {
        ("top", "plan"): "plan",
        ("top", "recommendations"): "rec",
        ("rec", "actions"): "action",
        ("action", "owners"): "owner",
        ("action", "target"): "target",
    }
    for key, value in item.items():
        inner = nested.get((level, key))
        if inner is None:
            out.append(((*path, key), level, key))
        elif isinstance(value, list):
            for i, element in enumerate(value):
                out += leaves(element, inner, (*path, key, i))
        else:
            out += leaves(value, inner, (*path, key))
    return out


def changed(value: Any) -> Any:
    """A different value of the same kind, close enough that matching still pairs the item."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, str):
        return value + " (changed)"
    if isinstance(value, int):
        return value + 1
    if isinstance(value, list):
        return [] if value else [{"raw": "changed"}]
    return "changed"


def scored_as(level: str, key: str) -> str:
    if level == "owner" and key in metrics.OWNER_IDENTITY:
        return "owners"
    return metrics.field_name(level, key)


def assert_every_leaf_is_scored(expected: dict[str, Any]) -> None:
    perfect = score_plan(expected, copy.deepcopy(expected))
    first_of_each: dict[tuple[str, str], tuple] = {}
    for path, level, key in leaves(expected):
        first_of_each.setdefault((level, key), path)
    assert first_of_each, "nothing to score"
    for (level, key), path in first_of_each.items():
        predicted = copy.deepcopy(expected)
        holder = predicted
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = changed(holder[path[-1]])
        name = scored_as(level, key)
        assert perfect[name].total > 0, f"{'.'.join(map(str, path))} is never scored"
        got = score_plan(expected, predicted)[name]
        assert got.hits < perfect[name].hits, f"changing {'.'.join(map(str, path))} costs no hit"


@pytest.mark.parametrize(
    "expected_path", sorted(SAMPLES.glob("*.expected.json")), ids=lambda p: p.name
)
def test_every_field_of_every_sample_expected_file_is_scored(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    # The front matter and one recommendation carry every kind of key; scoring is per item.
    first = expected["recommendations"][0]
    small = {**expected, "recommendations": [{**first, "actions": first["actions"][:2]}]}
    assert_every_leaf_is_scored(small)


def full_plan_from_the_models() -> dict[str, Any]:
    """A plan with every field of the output models set, as the expected side could hold it."""
    owner = models.Owner(
        raw="Head of Area (JB)",
        role="Head of Area",
        person="JB",
        expansion="Head of Area",
        key="head of area",
    )
    part = models.TargetPart(
        label="Durham", raw="May 2020", start="2020-05-01", end="2020-05-31", status="planned"
    )
    target = models.Target(
        raw="Durham – May 2020",
        start="2020-05-01",
        end="2020-05-31",
        status="planned",
        parts=[part],
    )
    act = models.Action(
        number="1",
        number_inferred=True,
        text="Write a RAG policy for audits.",
        owners=[owner],
        target=target,
        page=3,
    )
    rec_ = models.Recommendation(
        number="1",
        number_inferred=True,
        text="Ensure audit actions are followed up.",
        response="partly_agreed",
        response_raw="Partly Agreed",
        response_reason="policy",
        reason="National policy decides.",
        section="Safety",
        page=3,
        actions=[act],
    )
    info = models.PlanInfo(
        title="Action Plan: HMP X",
        organisation="HMP X",
        inspectorate="HMI Prisons",
        report_published="2020-04",
        submitted="2020-05-20",
    )
    plan = models.ActionPlan(
        source=models.Source(file="x.pdf", format="pdf", sha256="0", pages=1),
        plan=info,
        recommendations=[rec_],
    )
    data = plan.model_dump(mode="json")
    return {k: data[k] for k in metrics.SCORED_TOP_LEVEL}


def test_every_field_of_the_output_models_would_be_scored() -> None:
    expected = full_plan_from_the_models()
    # Every field of every model is present: a field added to the models shows up here.
    for model, item in [
        (models.PlanInfo, expected["plan"]),
        (models.Recommendation, expected["recommendations"][0]),
        (models.Action, expected["recommendations"][0]["actions"][0]),
        (models.Target, expected["recommendations"][0]["actions"][0]["target"]),
        (models.Owner, expected["recommendations"][0]["actions"][0]["owners"][0]),
    ]:
        assert set(item) == set(model.model_fields), model.__name__
    assert_every_leaf_is_scored(expected)


def test_a_key_nobody_named_is_scored_under_its_path() -> None:
    exp = expected_plan()
    exp["recommendations"][0]["priority"] = "high"
    pred = copy.deepcopy(exp)
    assert score_plan(exp, pred)["rec.priority"] == Tally(1, 1)
    pred["recommendations"][0]["priority"] = "low"
    assert score_plan(exp, pred)["rec.priority"] == Tally(0, 1)


def test_a_top_level_key_nothing_scores_is_an_error() -> None:
    exp = expected_plan()
    exp["warnings"] = []
    with pytest.raises(ValueError, match="warnings"):
        score_plan(exp, exp)


def test_owner_raw_is_scored_apart_from_role_and_person() -> None:
    exp = expected_plan()
    pred = copy.deepcopy(exp)
    pred["recommendations"][0]["actions"][0]["owners"][0]["raw"] = "Quality Team Mgr"
    scores = score_plan(exp, pred)
    assert scores["owners"] == Tally(4, 4)
    assert scores["owner_raw"] == Tally(3, 4)


# ------------------------------------------------------------------ the score table
def test_score_table_round_trip_and_comparison() -> None:
    scores = {"owners": Tally(30, 32), "actions_spurious": Tally(1, 33), "title": Tally(0, 0)}
    text = score_table.format_table([("a.pdf", scores)])
    table = score_table.parse_table(text)
    assert table == {"a.pdf": {"owners": Tally(30, 32), "actions_spurious": Tally(1, 33)}}
    same = score_table.compare(scores, table["a.pdf"])
    assert same.drops == [] and same.changes == []
    worse = score_table.compare(
        {"owners": Tally(29, 32), "actions_spurious": Tally(2, 33)}, table["a.pdf"]
    )
    assert [d.split()[0] for d in worse.drops] == ["actions_spurious", "owners"]
    better = score_table.compare(
        {"owners": Tally(31, 32), "actions_spurious": Tally(0, 33), "rec_number": Tally(5, 5)},
        table["a.pdf"],
    )
    assert better.drops == []
    assert [c.split()[0] for c in better.changes] == ["actions_spurious", "owners", "rec_number"]


def test_score_table_rejects_a_malformed_line() -> None:
    with pytest.raises(ValueError, match="line 2"):
        score_table.parse_table("# header\na.pdf\towners\t3\n")
