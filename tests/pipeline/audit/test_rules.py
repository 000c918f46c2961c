"""Every audit rule, table-driven: a plan built by hand and the findings a reader expects.

Each case is (rule id, plan, [(recommendation, action), ...] the rule must report, and
nothing else). Every registered rule must have at least one case that fires and one that
does not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.audit import RULES, audit_plan
from pipeline.audit.models import InspectionReport, ReportRecommendation
from pipeline.audit.rules import Subject
from tests.pipeline.audit.plans import act, plan, rec

CASES: list[tuple[str, str, object, list[tuple[str | None, str | None]]]] = [
    # response-missing / response-column-missing
    ("response-missing", "word not understood", plan(rec("1"), rec("2", None, raw="Noted")),
     [("2", None)]),
    ("response-missing", "empty cell beside answered ones", plan(rec("1"), rec("2", None)),
     [("2", None)]),
    ("response-missing", "all answered", plan(rec("1"), rec("2", "partly_agreed",
                                                            reason="Operational reasons.")), []),
    ("response-missing", "no agreement column: not per rec", plan(rec("1", None), rec("2", None)),
     []),
    ("response-column-missing", "no agreement column", plan(rec("1", None), rec("2", None)),
     [(None, None)]),
    ("response-column-missing", "column present", plan(rec("1"), rec("2", None)), []),
    # actions-missing
    ("actions-missing", "agreed and partly agreed without actions",
     plan(rec("1", actions=[]), rec("2", "partly_agreed", [], reason="For policy reasons."),
          rec("3", "not_agreed", [], reason="Policy."), rec("4")),
     [("1", None), ("2", None)]),
    # owner-missing / owner-vague
    ("owner-missing", "no owner", plan(rec("1", actions=[act("1"), act("2", owners=())])),
     [("1", "2")]),
    ("owner-vague", "vague alone and beside a named owner",
     plan(rec("1", actions=[act("1", owners=("All staff",)),
                            act("2", owners=("Head of Area", "Everyone")),
                            act("3", owners=("TBC",)), act("4", owners=("N/A",)),
                            act("5", owners=("Staff",)), act("6", owners=("All managers",)),
                            act("7", owners=("Staff Development Lead",))])),
     [("1", "1"), ("1", "2"), ("1", "3"), ("1", "4"), ("1", "5"), ("1", "6")]),
    # target-missing / target-not-dated
    ("target-missing", "empty target", plan(rec("1", actions=[act("1", target=None), act("2")])),
     [("1", "1")]),
    ("target-not-dated", "statuses without a date",
     plan(rec("1", actions=[act("1", target="Ongoing"), act("2", target="Business as usual"),
                            act("3", target="Quarterly"), act("4", target="TBC"),
                            act("5", target="Immediately"), act("6", target="Commenced"),
                            act("7", target="Completed"), act("8", target="May 2020"),
                            act("9", target="Completed and ongoing"),
                            act("10", target=None)])),
     [("1", "1"), ("1", "2"), ("1", "3"), ("1", "4"), ("1", "5"), ("1", "6")]),
    ("target-not-dated", "TBC as an owner is not a target finding",
     plan(rec("1", actions=[act("1", owners=("TBC",))])), []),
    # reason-missing / reason-category-missing (exclusive)
    ("reason-missing", "partly and not agreed without reason",
     plan(rec("1", "partly_agreed"), rec("2", "not_agreed", []),
          rec("3", "not_agreed", [], reason="Not affordable this year.")),
     [("1", None), ("2", None)]),
    ("reason-category-missing", "reason names no category",
     plan(rec("1", "partly_agreed", reason="We will review this next year."),
          rec("2", "partly_agreed"),  # reason-missing instead
          rec("3", "not_agreed", [], reason="It is operationally impossible."),
          rec("4", "not_agreed", [], reason="We cannot afford the posts."),
          rec("5", "partly_agreed", reason="Beds are commissioned nationally."),
          rec("6", "partly_agreed", reason="National policies differ."),
          rec("7", "not_agreed", [], reason="Staffing is set nationally.")),
     [("1", None), ("7", None)]),
    # target-before-plan
    ("target-before-plan", "planned end before submission",
     plan(rec("1", actions=[act("1", target="March 2020"), act("2", target="Completed – April "
                                                                "2020"),
                            act("3", target="Commenced April 2020"),
                            act("4", target="May 2020"), act("5", target="Ongoing")])),
     [("1", "1")]),
    ("target-before-plan", "needs a submission date",
     plan(rec("1", actions=[act("1", target="March 2020")]), submitted=None), []),
    # target-far
    ("target-far", "more than three years after submission",
     plan(rec("1", actions=[act("1", target="June 2023"), act("2", target="April 2023"),
                            act("3", target="2024/25")]),
          submitted=dt.date(2020, 5, 20)),
     [("1", "1"), ("1", "3")]),
    ("target-far", "from the end of the publication month without submission",
     plan(rec("1", actions=[act("1", target="April 2023"), act("2", target="May 2023")]),
          submitted=None, published="2020-04"),
     [("1", "2")]),
    # numbering-gap
    ("numbering-gap", "integer recommendations", plan(rec("1"), rec("2"), rec("4"), rec("5")),
     [("4", None)]),
    ("numbering-gap", "dotted under one prefix",
     plan(rec("5.01"), rec("5.02"), rec("5.04")), [("5.04", None)]),
    ("numbering-gap", "action numbers 1.1 1.2 1.4",
     plan(rec("1", actions=[act("1.1"), act("1.2"), act("1.4")])), [("1", "1.4")]),
    ("numbering-gap", "action numbers 1 2 4",
     plan(rec("1", actions=[act("1"), act("2"), act("4")])), [("1", "4")]),
    ("numbering-gap", "paragraph references are not a sequence",
     plan(rec("S40"), rec("S42"), rec("1.46"), rec("1.52"), rec("2.10"), rec("2.12")), []),
    ("numbering-gap", "unprinted action numbers are positions",
     plan(rec("1", actions=[act("1", inferred=True), act("2", inferred=True)])), []),
    # numbering-duplicate
    ("numbering-duplicate", "once per extra copy",
     plan(rec("1"), rec("2"), rec("2"), rec("2"), rec("3")), [("2", None), ("2", None)]),
    ("numbering-duplicate", "inferred numbers are not printed twice",
     plan(rec("1"), rec("2", inferred=True), rec("3")), []),
    # not-agreed-with-actions
    ("not-agreed-with-actions", "not agreed with actions",
     plan(rec("1", "not_agreed", reason="Policy reasons."),
          rec("2", "not_agreed", [], reason="Policy reasons.")), [("1", None)]),
    # repeated-recommendation
    ("repeated-recommendation", "says it is repeated",
     plan(rec("1", text="Improve work. This recommendation has been repeated from the previous "
                        "inspection."),
          rec("2", text="Reduce repeated self-harm."),
          rec("3", text="Improve risk work (repeated recommendation 1.23)."),
          rec("4", text="Improve work.")), [("1", None), ("3", None)]),
]


def _report(*items: tuple[str, str]) -> InspectionReport:
    return InspectionReport(file="r.pdf", recommendations=[
        ReportRecommendation(number=n, text=t, page=9) for n, t in items])


ENSURE = "ensure that risk assessments are completed in every case"
ENABLE = "enable staff to develop skills to analyse offending behaviour"
STRENGTHEN = "strengthen information sharing with all partners and local agencies"

REPORT_CASES = [
    ("report-missing", "one recommendation not answered",
     plan(rec("1", text=f"Durham Tees Valley CRC should {ENSURE}."),
          rec("2", text=f"The CRC should {STRENGTHEN}.")),
     _report(("1", ENSURE), ("2", ENABLE), ("3", STRENGTHEN)), [("2", None)]),
    ("report-extra", "one plan recommendation in no list",
     plan(rec("1", text=f"Durham Tees Valley CRC should {ENSURE}."),
          rec("2", text="Improve the reception of visitors on weekends.")),
     _report(("1", ENSURE)), [("2", None)]),
    ("report-number-mismatch", "renumbered run, one per recommendation",
     plan(rec("1", text=f"The CRC should {ENSURE}."), rec("3", text=ENABLE),
          rec("4", text=STRENGTHEN)),
     _report(("1", ENSURE), ("2", ENABLE), ("3", STRENGTHEN)), [("3", None), ("4", None)]),
    ("report-number-mismatch", "paragraph reference printed as the plan's number",
     plan(rec("S40", text=ENSURE)),
     InspectionReport(file="r.pdf", recommendations=[
         ReportRecommendation(number="5.1", reference="S40", text=ENSURE)]), []),
    ("report-reworded", "body name, case and punctuation are not rewording",
     plan(rec("1", text=f"Durham Tees Valley CRC should {ENSURE.upper()}!"),
          rec("2", text=f"{ENABLE},  (1.46)")),
     _report(("1", ENSURE), ("2", ENABLE)), []),
    ("report-reworded", "words changed",
     plan(rec("1", text="ensure that risk assessments are completed in most cases")),
     _report(("1", ENSURE)), [("1", None)]),
]


def _found(audit, rule_id: str) -> list[tuple[str | None, str | None]]:
    return [(f.recommendation, f.action) for f in audit.findings if f.rule == rule_id]


@pytest.mark.parametrize(("rule_id", "case", "subject", "expected"), CASES,
                         ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_rule(rule_id: str, case: str, subject, expected) -> None:
    audit = audit_plan(subject)
    assert sorted(_found(audit, rule_id), key=str) == sorted(expected, key=str)
    assert all(f.severity == RULES[f.rule].severity for f in audit.findings)


@pytest.mark.parametrize(("rule_id", "case", "subject", "report", "expected"), REPORT_CASES,
                         ids=[f"{c[0]}: {c[1]}" for c in REPORT_CASES])
def test_report_rule(rule_id: str, case: str, subject, report, expected) -> None:
    assert _found(audit_plan(subject, report), rule_id) == expected


def test_every_rule_has_a_case_that_fires_and_one_that_passes() -> None:
    fired = {c[0] for c in CASES + REPORT_CASES if c[-1]}
    passed = set()
    for rule_id, _, subject, *rest in CASES + REPORT_CASES:
        report = rest[0] if len(rest) == 2 else None
        if any(check.passed for check in RULES[rule_id].check(Subject(subject, report))):
            passed.add(rule_id)
    assert set(RULES) <= fired, set(RULES) - fired
    assert set(RULES) <= passed, set(RULES) - passed


def test_the_issues_rule_ids_and_severities_are_kept() -> None:
    required = {
        "response-missing": "error", "actions-missing": "error", "owner-missing": "error",
        "target-missing": "error", "target-not-dated": "warning", "reason-missing": "error",
        "reason-category-missing": "warning", "target-before-plan": "warning",
        "target-far": "advice", "numbering-gap": "warning", "numbering-duplicate": "warning",
        "owner-vague": "warning", "not-agreed-with-actions": "advice",
        "repeated-recommendation": "advice", "response-column-missing": "advice",
        "report-missing": "error", "report-extra": "warning",
        "report-number-mismatch": "warning", "report-reworded": "advice",
    }
    assert {r: RULES[r].severity for r in required} == required
    assert all(r.description and "\n" not in r.description for r in RULES.values())


def test_findings_name_the_numbers_as_printed_and_the_page() -> None:
    audit = audit_plan(plan(rec("3.12", actions=[act("a", owners=())])))
    (finding,) = [f for f in audit.findings if f.rule == "owner-missing"]
    assert (finding.recommendation, finding.action, finding.page) == ("3.12", "a", 2)
    assert "3.12" in finding.message


def test_reworded_message_carries_a_word_diff() -> None:
    subject = plan(rec("1", text="ensure that risk assessments are completed in most cases"))
    (finding,) = [f for f in audit_plan(subject, _report(("1", ENSURE))).findings
                  if f.rule == "report-reworded"]
    assert "[-every case-] {+most cases+}" in finding.message
