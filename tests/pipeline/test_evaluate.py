"""Matching and scoring on small hand-built plan dicts (no documents involved)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline import evaluate
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
