"""Plans written in the front-matter templates as published (reference: action-plan-formats.md,
"Front matter"), so that title, organisation, inspectorate and dates are read from each.

- ``fm_hmp_brackenfield_2019``: HMPPS prison template, 2019–20: "Action Plan: HMP …", a label
  without a colon ("Action Plan Submitted 22/05/2019"), "A Response to the HMIP Inspection:"
  with inspection dates in pieces and superscript ordinals, "Report Published: 26th …"
  (ordinal raised), then the joint introduction naming BOTH inspectorates.
- ``fm_hmp_orwell_2015``: HMCIP template, about 2015: "ACTION PLAN: HMCIP REPORT", a cover
  table "ESTABLISHMENT: HMP ORWELL | TIMETABLE | DATE | STATUS OF THIS RETURN", a page header
  "ACTION PLAN - HMCIP REPORT ESTABLISHMENT: HMP ORWELL POSITION AS AT: …", columns
  "1. Rec. No. | 2. Recommendation | 3. Accepted/ Rejected | 4. Response Action Taken/Planned |
  5. Function Responsible/ Policy Lead | 6. Target Date".
- ``fm_tamar_exe_crc_2019``: HMPPS probation template whose response line wraps the body's
  name onto the next paragraph ("… Inspection: Tamar & Exe" / "Community Rehabilitation
  Company."), with no other title.
- ``fm_probation_thematic_2020``: HMI Probation thematic: "A Response to the HMI Probation
  Inspection:" / "An Inspection of …" on the next line, and the joint introduction reused.
- ``fm_wyvern_yos_2013``: youth offending service, "<Area> Youth Offending Services -
  Improvement Action Plan" / "In response to the Short Quality Screening (SQS) of youth
  offending work … by HM Inspectorate of Probation", no agreement column, ``Ref No | AREA
  REQUIRING IMPROVEMENT (Recommendations) | Action Required | Planned Completion Date | Lead
  Officer | Agency | Progress …``, no submitted or published date printed.

Organisations and content are fictional. Expected values are typed by hand from the page:
month → whole month; day → that day; "By X" → start null, end last day of X.
"""

from __future__ import annotations

from scripts.samples.plans_common import HMPPS_DEFINITIONS, HMPPS_HEADERS, HMPPS_OPTIONS, a, o
from scripts.samples.spec import PlanSpec, RecSpec

JOINT_INTRO = [
    "HM Inspectorate of Prisons (HMIP) and HM Inspectorate of Probation for England and Wales "
    "are independent inspectorates which report on the treatment of and conditions for those "
    "held in custody and the effectiveness of work with people under probation supervision.",
    "In response to each inspection report, HMPPS is required to draft an action plan that "
    "says whether each recommendation is agreed, partly agreed or not agreed and, where it is "
    "agreed, the steps that will be taken, who owns them and by when. Action plans are "
    "published on the GOV.UK website.",
]
PROBATION_INTRO = [
    "Her Majesty's Inspectorate of Probation is the independent inspector of youth offending "
    "and probation services in England and Wales.",
    "In response to the report, HMPPS is required to draft a timely action plan which confirms "
    "whether each recommendation is agreed, partly agreed or not agreed, with specific steps "
    "to address each agreed recommendation and the owner and timescale of every step.",
]
DEFINITIONS = {"definitions": {"rows": HMPPS_DEFINITIONS, "widths": [3.5, 10.5, 12.0]}}

HOR = "Head of Reducing Reoffending"
HOS = "Head of Safety"
HOE = "Head of Education, Skills and Work"

BRACKENFIELD = PlanSpec(
    name="fm_hmp_brackenfield_2019",
    template="hmpps_probation",
    title="Action Plan: HMP Brackenfield",
    organisation="HMP Brackenfield",
    inspectorate="HMI Prisons",
    report_published="2019-03-26",
    submitted="2019-05-22",
    # The partly agreed reason in a row of its own: written as the first paragraph of the
    # first action's cell, beside the action-number column, it is still read as that action.
    options={**HMPPS_OPTIONS, "tables": DEFINITIONS, "author": "HMP Brackenfield",
             "reason_in": "row"},
    front_matter=[
        "# Action Plan: HMP Brackenfield",
        "Action Plan Submitted 22/05/2019",
        "## A Response to the HMIP Inspection: 17, 18 December & 7-11 January 2019",
        "Report Published: 26^{th} March 2019",
        "## INTRODUCTION",
        *JOINT_INTRO,
        "{table:definitions}",
    ],
    headers=HMPPS_HEADERS,
    recs=[
        RecSpec(
            number="1.12",
            text="The prison should make sure that every prisoner at risk of self-harm has a "
            "care plan that is reviewed at each case review and reflects their current needs.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Safer custody team to audit ten ACCT care plans every month and feed the "
                  "findings back to case managers.",
                  HOS, [o(HOS)], "June 2019", "2019-06-01", "2019-06-30", "planned"),
                a("2", "Refresher training on care planning for all ACCT case managers.",
                  "Safer Custody Manager", [o("Safer Custody Manager")], "31/08/2019",
                  "2019-08-31", "2019-08-31", "planned"),
            ],
        ),
        RecSpec(
            number="2.31",
            text="Prisoners should be unlocked for at least eight hours a day and have access "
            "to association every evening.",
            response_raw="Partly Agreed",
            response="partly_agreed",
            reason="The current staffing profile allows evening association on five days a "
            "week; a full regime every evening is not affordable within the prison's budget.",
            response_reason="affordability",
            actions=[
                a("1", "Introduce a revised core day giving at least seven hours unlocked on "
                  "weekdays.",
                  "Head of Residence", [o("Head of Residence")], "October 2019",
                  "2019-10-01", "2019-10-31", "planned"),
                a("2", "Publish the evening association timetable on every wing.",
                  "Head of Residence", [o("Head of Residence")], "Completed",
                  None, None, "completed"),
            ],
        ),
        RecSpec(
            number="3.4",
            text="Every prisoner should have a sentence plan that sets targets linked to their "
            "risk of reoffending within eight weeks of arrival.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Allocate each new arrival to a prison offender manager within five "
                  "working days.",
                  HOR, [o(HOR)], "July 2019", "2019-07-01", "2019-07-31", "planned"),
                a("2", "Report the number of sentence plans completed within eight weeks to the "
                  "monthly reducing reoffending meeting.",
                  HOR, [o(HOR)], "Ongoing", None, None, "ongoing"),
                a("3", "Link education and work allocations to sentence plan targets.",
                  HOE, [o(HOE)], "December 2019", "2019-12-01", "2019-12-31", "planned"),
            ],
        ),
    ],
)

ORWELL_HEADERS = [
    "1. Rec. No.",
    "2. Recommendation",
    "3. Accepted/ Rejected",
    "4. Response Action Taken/Planned",
    "5. Function Responsible/ Policy Lead",
    "6. Target Date",
]
ORWELL_COVER = {
    "cover": {
        "rows": [
            ["ESTABLISHMENT: HMP ORWELL", "TIMETABLE", "DATE", "STATUS OF THIS RETURN"],
            ["", "Full Unannounced inspection", "11-22 May", ""],
            ["", "Report published", "20 October 2015", ""],
            ["", "Action Plan Submitted", "18 January 2016", "Attached"],
        ],
        "widths": [7.0, 7.0, 5.0, 6.5],
    }
}
GOV = "Governor"
DG = "Deputy Governor"
HOH = "Head of Healthcare"

ORWELL = PlanSpec(
    name="fm_hmp_orwell_2015",
    template="generic",
    title="ACTION PLAN: HMCIP REPORT",
    organisation="HMP Orwell",
    inspectorate="HMI Prisons",
    report_published="2015-10-20",
    submitted="2016-01-18",
    options={
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target"],
        "widths": [1.6, 6.4, 2.4, 9.0, 3.8, 2.6],
        "header_fill": "D9D9D9",
        "tables": ORWELL_COVER,
        "page_header": "ACTION PLAN - HMCIP REPORT ESTABLISHMENT: HMP ORWELL POSITION AS AT: "
        "December 2015",
        "author": "HMP Orwell",
    },
    front_matter=["# ACTION PLAN: HMCIP REPORT", "{table:cover}"],
    headers=ORWELL_HEADERS,
    recs=[
        RecSpec(
            number="1",
            text="The governor should ensure that all prisoners at HMP Orwell receive a full "
            "induction within their first week.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a(None, "A dedicated induction wing officer will deliver the induction programme "
                  "every weekday.",
                  DG, [o(DG)], "OCTOBER 2015", "2015-10-01", "2015-10-31", "planned"),
                a(None, "Peer mentors will be trained to support new arrivals on their first "
                  "night.",
                  "Head of Reducing Reoffending", [o("Head of Reducing Reoffending")],
                  "March 2016", "2016-03-01", "2016-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="2",
            text="Prisoners should be able to see a GP within 48 hours of requesting an "
            "appointment.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a(None, "The healthcare provider will add two GP sessions each week.",
                  HOH, [o(HOH)], "Completed", None, None, "completed"),
            ],
        ),
        RecSpec(
            number="3",
            text="All cells should have a working call bell that is answered within five "
            "minutes.",
            response_raw="Rejected",
            response="not_agreed",
            reason="The call bell system is replaced under the national estate programme; a "
            "local replacement cannot be commissioned before then.",
            response_reason="commissioning",
            actions=[],
        ),
        RecSpec(
            number="4",
            text="The prison should publish its use of force data to the weekly safety "
            "meeting.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a(None, "Use of force data will be a standing item at the weekly safety meeting.",
                  GOV, [o(GOV)], "November 2015", "2015-11-01", "2015-11-30", "planned"),
            ],
        ),
    ],
)

SPO = "Senior Probation Officers"
QM = "Quality Manager"

TAMAR_EXE = PlanSpec(
    name="fm_tamar_exe_crc_2019",
    template="hmpps_probation",
    title="A Response to the HMI Probation Inspection: Tamar & Exe Community Rehabilitation "
    "Company.",
    organisation="Tamar & Exe Community Rehabilitation Company",
    inspectorate="HMI Probation",
    report_published="2019-06",
    submitted="2019-07-19",
    options={**HMPPS_OPTIONS, "tables": DEFINITIONS, "author": "Tamar and Exe CRC"},
    front_matter=[
        "Action Plan Submitted: 19^{th} July 2019",
        "## A Response to the HMI Probation Inspection: Tamar & Exe",
        "## Community Rehabilitation Company.",
        "Report Published: JUNE 2019",
        "## INTRODUCTION",
        *PROBATION_INTRO,
        "{table:definitions}",
    ],
    headers=HMPPS_HEADERS,
    recs=[
        RecSpec(
            number="1",
            text="Tamar & Exe CRC should improve the quality of risk of serious harm "
            "assessments so that they analyse all available information.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Deliver risk of serious harm workshops to every team, using cases from "
                  "the inspection.",
                  SPO, [o(SPO)], "September 2019", "2019-09-01", "2019-09-30", "planned"),
                a("2", "Add a risk assessment standard to the management oversight checklist.",
                  QM, [o(QM)], "Completed", None, None, "completed"),
            ],
        ),
        RecSpec(
            number="2",
            text="Tamar & Exe CRC should make sure that unpaid work placements start within "
            "seven working days of sentence.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Introduce a daily induction slot at each unpaid work site.",
                  "Community Payback Manager", [o("Community Payback Manager")],
                  "By October 2019", None, "2019-10-31", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text="Tamar & Exe CRC should review the caseloads of responsible officers to make "
            "them manageable.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Complete a workload review for each delivery team.",
                  "Director of Operations", [o("Director of Operations")], "December 2019",
                  "2019-12-01", "2019-12-31", "planned"),
                a("2", "Recruit six additional probation service officers.",
                  "Head of Human Resources", [o("Head of Human Resources")], "March 2020",
                  "2020-03-01", "2020-03-31", "planned"),
            ],
        ),
    ],
)

THEMATIC = PlanSpec(
    name="fm_probation_thematic_2020",
    template="hmpps_probation",
    title="A Response to the HMI Probation Inspection: An Inspection of the Commissioning of "
    "Rehabilitative Services in the National Probation Service",
    organisation="Commissioning of Rehabilitative Services in the National Probation Service",
    inspectorate="HMI Probation",
    report_published="2020-01-14",
    submitted="2020-03-03",
    options={**HMPPS_OPTIONS, "tables": DEFINITIONS, "author": "HMPPS"},
    front_matter=[
        "Action Plan Submitted: 3^{rd} March 2020",
        "## A Response to the HMI Probation Inspection:",
        "## An Inspection of the Commissioning of Rehabilitative Services in the National "
        "Probation Service",
        "Report Published: 14 January 2020",
        "## INTRODUCTION",
        *JOINT_INTRO,
        "{table:definitions}",
    ],
    headers=HMPPS_HEADERS,
    recs=[
        RecSpec(
            number="1",
            text="HMPPS should publish the range of rehabilitative services available in each "
            "region.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Publish a directory of commissioned services for each region on the "
                  "staff intranet.",
                  "Head of Commissioning", [o("Head of Commissioning")], "June 2020",
                  "2020-06-01", "2020-06-30", "planned"),
                a("2", "Review the directory every quarter with regional leads.",
                  "Regional Commissioning Leads", [o("Regional Commissioning Leads")],
                  "Ongoing", None, None, "ongoing"),
            ],
        ),
        RecSpec(
            number="2",
            text="HMPPS should make sure that referrals to commissioned services are monitored "
            "for take-up and completion.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Add referral, start and completion counts to the monthly performance "
                  "report.",
                  "Head of Performance", [o("Head of Performance")], "September 2020",
                  "2020-09-01", "2020-09-30", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text="HMPPS should fund a women's service in every probation region.",
            response_raw="Not Agreed",
            response="not_agreed",
            reason="Funding for women's services is set by the Ministry of Justice's national "
            "policy on commissioning and cannot be decided by HMPPS alone.",
            response_reason="policy",
            actions=[],
        ),
    ],
)

WYVERN_HEADERS = [
    "Ref No",
    "AREA REQUIRING IMPROVEMENT (Recommendations)",
    "Action Required",
    "Planned Completion Date",
    "Lead Officer",
    "Agency",
    "Progress against agreed action and impact monitoring",
]
OM = "Operations Manager"
YOS = "Wyvern YOS"

WYVERN = PlanSpec(
    name="fm_wyvern_yos_2013",
    template="generic",
    title="Wyvern Youth Offending Services - Improvement Action Plan",
    organisation="Wyvern Youth Offending Services",
    inspectorate="HMI Probation",
    report_published=None,
    submitted=None,
    options={
        "columns": ["rec_no", "rec_text", "action", "target", "owner", "extra:agency",
                    "extra:progress"],
        "widths": [1.4, 5.6, 7.4, 2.6, 3.2, 2.2, 4.2],
        "header_fill": "D9D9D9",
        "author": "Wyvern Council",
    },
    front_matter=[
        "# Wyvern Youth Offending Services - Improvement Action Plan",
        "In response to the Short Quality Screening (SQS) of youth offending work "
        "4^{th}-6^{th} March 2013 by HM Inspectorate of Probation",
    ],
    headers=WYVERN_HEADERS,
    recs=[
        RecSpec(
            number="1",
            text="Assessments of vulnerability should be completed for every child within "
            "fifteen working days.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Weekly report of outstanding vulnerability assessments to team "
                  "managers.",
                  OM, [o(OM)], "May 2013", "2013-05-01", "2013-05-31", "planned",
                  extras={"agency": YOS, "progress": "Report in place from April."}),
                a(None, "Case audit of ten assessments each month.",
                  "Quality Assurance Lead", [o("Quality Assurance Lead")], "July 2013",
                  "2013-07-01", "2013-07-31", "planned",
                  extras={"agency": YOS, "progress": "First audit presented to board."}),
            ],
        ),
        RecSpec(
            number="2",
            text="Intervention plans should address the child's risk of harm to others.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Risk of harm training for all case managers.",
                  "Training Coordinator", [o("Training Coordinator")], "June 2013",
                  "2013-06-01", "2013-06-30", "planned",
                  extras={"agency": "Wyvern Council", "progress": "Two sessions booked."}),
            ],
        ),
        RecSpec(
            number="3",
            text="Children in custody should have a resettlement plan agreed before release.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Resettlement planning meeting held six weeks before each release date.",
                  "Resettlement Officer", [o("Resettlement Officer")], "Ongoing",
                  None, None, "ongoing",
                  extras={"agency": YOS, "progress": "Meetings held for all releases."}),
                a(None, "Accommodation confirmed with housing services four weeks before "
                  "release.",
                  "Housing Liaison Officer", [o("Housing Liaison Officer")], "September 2013",
                  "2013-09-01", "2013-09-30", "planned",
                  extras={"agency": "Wyvern Council", "progress": ""}),
            ],
        ),
    ],
)

SPECS = [BRACKENFIELD, ORWELL, TAMAR_EXE, THEMATIC, WYVERN]
