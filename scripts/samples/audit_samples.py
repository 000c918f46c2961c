"""Audit samples, written by hand: copies of sample plans seeded with known defects, and plans
paired with an inspection report that differ from it in known ways.

Each sample is (base spec, the changes, the findings a reader of the changed document lists).
The findings are typed here from reading the document: every seeded defect, and the ones the
base plan already had (a target of "Ongoing" gives no date, "31 March 2023" falls before the
plan was submitted). ``action`` is the number as printed, or the action's position where the
plan prints none. Specs live outside ``plans_*.py`` so the extraction samples are unchanged.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scripts.samples import plans_probation, plans_youth
from scripts.samples.plans_common import a, o
from scripts.samples.reports import DTV, EASTMOOR, HALLAM, NPS_NE
from scripts.samples.spec import PlanSpec

SEVERN = next(s for s in plans_probation.SPECS if s.name == "severn_avon_crc_2019")
KINGSMERE = next(s for s in plans_youth.SPECS if s.name == "kingsmere_yjs_2021")

Finding = tuple[str, str | None, str | None]  # rule, recommendation, action


@dataclass
class AuditSample:
    name: str
    base: PlanSpec
    change: Callable[[PlanSpec], None] | None
    findings: list[Finding]
    report: str | None = None  # reports/<report> the plan is compared with
    documents: list[str] = field(default_factory=list)  # existing documents, when unchanged

    def spec(self) -> PlanSpec:
        spec = copy.deepcopy(self.base)
        spec.name = self.name
        if self.change:
            self.change(spec)
        return spec

    def expected(self) -> dict[str, Any]:
        return {"report": self.report, "findings": [
            {"rule": rule, "recommendation": rec, "action": act}
            for rule, rec, act in self.findings]}


def _rec(spec: PlanSpec, number: str):
    return next(r for r in spec.recs if r.number == number)


# --- seeded defects ----------------------------------------------------------------------

def _seed_dtv(spec: PlanSpec) -> None:
    r1, r2, r4, r5, r6 = (_rec(spec, n) for n in ("1", "2", "4", "5", "6"))
    r1.actions[1].owners_raw, r1.actions[1].owners = "", []  # owner-missing 1/2
    r1.actions[3].owners_raw, r1.actions[3].owners = "All staff", [o("All staff")]
    r2.actions[4].owners_raw = "Head of Area / TBC"  # vague beside a named owner
    r2.actions[4].owners = [o("Head of Area"), o("TBC")]
    r2.actions[3].target_raw = ""  # target-missing 2/4
    r2.actions[3].start = r2.actions[3].end = r2.actions[3].status = None
    r2.actions[5].target_raw = "TBC"
    r2.actions[5].start = r2.actions[5].end = r2.actions[5].status = None
    r4.actions[1].target_raw, r4.actions[1].status = "Immediately", None
    r4.actions[1].start = r4.actions[1].end = None
    r4.actions[4].target_raw = "March 2020"  # before the plan's submission (20 May 2020)
    r4.actions[4].start, r4.actions[4].end = "2020-03-01", "2020-03-31"
    r5.actions[2].target_raw = "December 2024"  # more than three years after submission
    r5.actions[2].start, r5.actions[2].end = "2024-12-01", "2024-12-31"
    r5.response_raw, r5.response = "Noted", None  # not an agreement word
    r6.number = "5"  # printed twice
    r6.actions[2].number, r6.actions[3].number = "4", "5"  # 1, 2, 4, 5


def _seed_eastmoor(spec: PlanSpec) -> None:
    s40, s41 = _rec(spec, "S40"), _rec(spec, "S41")
    s40.text += " This is a repeated recommendation."
    s41.reason = s41.response_reason = None  # partly accepted, no reason
    r152 = _rec(spec, "1.52")
    r152.response_raw, r152.response = "Under review", None
    r212 = _rec(spec, "2.12")
    r212.reason, r212.response_reason = "The prison cannot make this change at present.", None
    r212.actions = [a("1", "Review the cell-sharing risk assessment for every shared cell.",
                      "Head of Residence", [o("Head of Residence")], "September 2019",
                      "2019-09-01", "2019-09-30", "planned")]
    _rec(spec, "3.18").actions = []


def _seed_severn(spec: PlanSpec) -> None:
    _rec(spec, "5.04").number = "5.05"
    _rec(spec, "5.03").number = "5.04"


# --- paired with reports -----------------------------------------------------------------

def _drop_dtv_5(spec: PlanSpec) -> None:
    spec.recs = [r for r in spec.recs if r.number != "5"]


def _extra_nps(spec: PlanSpec) -> None:
    extra = copy.deepcopy(spec.recs[-1])
    extra.number = "6"
    extra.text = ("The National Probation Service North East Division should review the "
                  "induction of newly qualified probation officers joining the division.")
    spec.recs.append(extra)


def _reword_eastmoor(spec: PlanSpec) -> None:
    _rec(spec, "2.30").text = ("Prisoners' applications and complaints should be answered "
                               "within seven days, and answers should address the issues "
                               "raised.")


def _renumber_hallam(spec: PlanSpec) -> None:
    for rec in spec.recs[2:]:
        rec.number = str(int(rec.number) + 1)


SAMPLES = [
    AuditSample("audit_dtv_crc_2020", DTV, _seed_dtv, [
        ("owner-missing", "1", "2"), ("target-not-dated", "1", "3"), ("owner-vague", "1", "4"),
        ("target-missing", "2", "4"), ("owner-vague", "2", "5"),
        ("target-not-dated", "2", "6"),
        ("repeated-recommendation", "3", None), ("target-not-dated", "3", "3"),
        ("target-not-dated", "3", "4"),
        ("target-not-dated", "4", "2"), ("target-before-plan", "4", "5"),
        ("target-not-dated", "4", "7"), ("target-not-dated", "4", "8"),
        ("response-missing", "5", None), ("target-far", "5", "3"),
        ("numbering-duplicate", "5", None), ("target-not-dated", "5", "1"),
        ("numbering-gap", "5", "4"),
    ]),
    AuditSample("audit_hmp_eastmoor_2019", EASTMOOR, _seed_eastmoor, [
        ("repeated-recommendation", "S40", None), ("reason-missing", "S41", None),
        ("target-not-dated", "1.46", "3"), ("response-missing", "1.52", None),
        ("reason-category-missing", "2.12", None), ("not-agreed-with-actions", "2.12", None),
        ("target-not-dated", "2.30", "3"), ("actions-missing", "3.18", None),
        ("target-not-dated", "4.25", "2"),
    ]),
    AuditSample("audit_severn_avon_crc_2019", SEVERN, _seed_severn, [
        ("target-not-dated", "5.01", "3"), ("numbering-gap", "5.04", None),
        ("target-not-dated", "5.04", "3"),
    ]),
    AuditSample("kingsmere_yjs_2021", KINGSMERE, None, [
        ("response-column-missing", None, None), ("target-not-dated", "2", "2"),
        ("target-not-dated", "5", "1"), ("target-not-dated", "6", "2"),
    ], documents=["../kingsmere_yjs_2021.docx", "../kingsmere_yjs_2021.pdf"]),
    AuditSample("paired_dtv_crc_2020", DTV, _drop_dtv_5, [
        ("target-not-dated", "1", "3"), ("repeated-recommendation", "3", None),
        ("target-not-dated", "3", "3"), ("target-not-dated", "3", "4"),
        ("target-not-dated", "4", "7"), ("target-not-dated", "4", "8"),
        ("report-missing", "5", None),
        ("numbering-gap", "6", None), ("target-not-dated", "6", "1"),
    ], report="report_dtv_crc_2020.pdf"),
    AuditSample("paired_nps_north_east_2019", NPS_NE, _extra_nps, [
        ("target-not-dated", "2", "3"), ("target-not-dated", "5", "2"),
        ("report-extra", "6", None), ("target-not-dated", "6", "2"),
    ], report="report_nps_north_east_2019.docx"),
    AuditSample("paired_hmp_eastmoor_2019", EASTMOOR, _reword_eastmoor, [
        ("target-not-dated", "1.46", "3"), ("report-reworded", "2.30", None),
        ("target-not-dated", "2.30", "3"), ("target-not-dated", "4.25", "2"),
    ], report="report_hmp_eastmoor_2019.pdf"),
    AuditSample("paired_hmp_hallam_moor_2023", HALLAM, _renumber_hallam, [
        ("target-not-dated", "1", "3"), ("target-before-plan", "2", "1"),
        ("numbering-gap", "4", None), ("report-number-mismatch", "4", None),
        ("report-number-mismatch", "5", None), ("target-not-dated", "5", "1"),
        ("report-number-mismatch", "6", None), ("report-number-mismatch", "7", None),
    ], report="report_hmp_hallam_moor_2023.docx"),
]
