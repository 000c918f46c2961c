"""Three hand-written plans drawn by reportlab (PDF only): other producer, other layouts.

Organisations are fictional. Every expected value (owners split into role/person, target
start/end/status) is typed here by hand following the rules in the issue, not computed:
month → whole month; day → that day; range → first day..last day; Q3 2020/21 →
2020-10-01..2020-12-31; 2021/22 → 2021-04-01..2022-03-31; "By <month>" → end only;
Completed → completed, Commenced/In progress → in_progress, Ongoing/Business as usual →
ongoing (no dates); a date with no status word → planned.
"""

from __future__ import annotations

from scripts.samples.spec import ActionSpec, OwnerSpec, PlanSpec, RecSpec


def own(raw: str, role: str | None = None, person: str | None = None) -> OwnerSpec:
    """An expected owner; role defaults to the raw text."""
    return OwnerSpec(raw=raw, role=role if role is not None or person else raw, person=person)


def act(
    number: str | None,
    text: str,
    owners_raw: str,
    owners: list[OwnerSpec],
    target_raw: str,
    start: str | None,
    end: str | None,
    status: str | None,
    expected_number: str | None = None,
) -> ActionSpec:
    """An action with its expected owners and target; ``expected_number`` when unprinted."""
    return ActionSpec(
        text, number, owners_raw, owners, target_raw, start, end, status, expected_number
    )


# --- 1. Probation division: full grid, rec cells spanned down, header repeated, 3+ pages ---

GRID = PlanSpec(
    name="rl_grid_nps",
    template="reportlab",
    title="HMPPS Response to the HMI Probation Inspection of the National Probation Service "
    "Severnside Division",
    organisation="National Probation Service Severnside Division",
    inspectorate="HMI Probation",
    report_published="2019-11",
    submitted="2020-01-17",
    front_matter=[
        "HMPPS Response to the HMI Probation Inspection of the National Probation Service "
        "Severnside Division",
        "Report Published: November 2019",
        "Action Plan Submitted: 17 January 2020",
        "Her Majesty's Inspectorate of Probation is the independent inspector of youth offending "
        "and probation services in England and Wales. In response to the report, HMPPS is "
        "required to draft a robust and timely action plan to address the recommendations. The "
        "action plan confirms whether each recommendation is agreed, partly agreed or not agreed "
        "and, where it is agreed or partly agreed, the specific steps that will be taken, by whom "
        "and by when.",
        "Progress against this plan will be monitored by the Divisional Senior Leadership Team "
        "(SLT) each quarter and reported to the HMPPS Audit and Corporate Assurance team.",
    ],
    headers=[
        "Rec No",
        "Recommendation",
        "Agreed / Partly Agreed / Not Agreed",
        "No.",
        "Action Taken/Planned",
        "Responsible Owner",
        "Target Date",
    ],
    options={
        "columns": ["rec_no", "rec", "response", "action_no", "action", "owner", "target"],
        "widths": [5, 22, 9, 4, 33, 15, 10],
        "style": "grid",
        "span_recs": True,
        "page_header": "OFFICIAL",
        "font_size": 9,
    },
    recs=[
        RecSpec(
            "1",
            "The National Probation Service Severnside Division should improve the quality of "
            "risk of harm assessments so that they draw on all available information, including "
            "domestic abuse and safeguarding enquiries, and are reviewed when circumstances "
            "change.",
            "Agreed",
            "agreed",
            [
                act(
                    "1",
                    "All practitioners will complete the refreshed Risk of Serious Harm e-learning "
                    "and attend a half-day workshop on defensible risk decisions, with completion "
                    "recorded on the learning management system and reported to the SLT.",
                    "Heads of Service",
                    [own("Heads of Service")],
                    "March 2020",
                    "2020-03-01",
                    "2020-03-31",
                    "planned",
                ),
                act(
                    "2",
                    "Domestic abuse call-outs and safeguarding checks will be requested at "
                    "allocation for every case and their outcome recorded in the assessment; "
                    "compliance will be checked in monthly case audits.",
                    "Senior Probation Officers",
                    [own("Senior Probation Officers")],
                    "Commenced",
                    None,
                    None,
                    "in_progress",
                ),
                act(
                    "3",
                    "A quality assurance tool for risk assessments will be introduced, with each "
                    "Senior Probation Officer countersigning a sample of three assessments per "
                    "practitioner per quarter.",
                    "Quality Development Officer\nPerformance and Quality Lead",
                    [own("Quality Development Officer"), own("Performance and Quality Lead")],
                    "31 May 2020",
                    "2020-05-31",
                    "2020-05-31",
                    "planned",
                ),
                act(
                    "4",
                    "Guidance on reviewing assessments after a significant change in circumstances "
                    "will be reissued to all staff and discussed in team meetings.",
                    "Head of Operations",
                    [own("Head of Operations")],
                    "Completed",
                    None,
                    None,
                    "completed",
                ),
            ],
        ),
        RecSpec(
            "2",
            "The National Probation Service Severnside Division should ensure that sentence plans "
            "are completed within timescales and address the factors most closely linked to "
            "offending and risk of harm.",
            "Agreed",
            "agreed",
            [
                act(
                    "1",
                    "Weekly performance reports will identify sentence plans that are due or "
                    "overdue, and Senior Probation Officers will discuss them in supervision with "
                    "the responsible officer.",
                    "Performance and Quality Lead",
                    [own("Performance and Quality Lead")],
                    "February 2020",
                    "2020-02-01",
                    "2020-02-29",
                    "planned",
                ),
                act(
                    "2",
                    "Sentence planning training focused on desistance factors and the "
                    "involvement of the person on probation will be delivered to all case "
                    "managers in each local delivery unit cluster.",
                    "Learning and Development Manager",
                    [own("Learning and Development Manager")],
                    "April – June 2020",
                    "2020-04-01",
                    "2020-06-30",
                    "planned",
                ),
                act(
                    "3",
                    "Practice guidance on objectives that are specific and measurable will be "
                    "published on the divisional intranet and included in induction for new "
                    "probation officers.",
                    "Head of Service (Megan Rees)",
                    [own("Head of Service (Megan Rees)", "Head of Service", "Megan Rees")],
                    "Completed",
                    None,
                    None,
                    "completed",
                ),
            ],
        ),
        RecSpec(
            "3",
            "The National Probation Service Severnside Division should work with the Community "
            "Rehabilitation Company to increase the number of accredited programme places "
            "available for people convicted of domestic abuse offences.",
            "Partly Agreed",
            "partly_agreed",
            [
                act(
                    "1",
                    "The division will agree a joint programme schedule with the CRC so that "
                    "waiting lists for the Building Better Relationships programme are reviewed "
                    "every month and cases are prioritised by risk.",
                    "Head of Interventions; CRC Head of Programmes",
                    [own("Head of Interventions"), own("CRC Head of Programmes")],
                    "Q1 2020/21",
                    "2020-04-01",
                    "2020-06-30",
                    "planned",
                ),
                act(
                    "2",
                    "Interim one-to-one work using approved toolkits will be offered to those "
                    "waiting longer than twelve weeks for a programme place.",
                    "Senior Probation Officers",
                    [own("Senior Probation Officers")],
                    "Ongoing",
                    None,
                    None,
                    "ongoing",
                ),
            ],
            reason="The number of programme places is set by the commissioning arrangements with "
            "the CRC and cannot be increased by the division alone; the division will make the "
            "best use of the places that are commissioned.",
            response_reason="commissioning",
        ),
        RecSpec(
            "4",
            "The National Probation Service Severnside Division should improve the management "
            "oversight of cases so that it is recorded, timely and effective in addressing "
            "deficits in practice.",
            "Agreed",
            "agreed",
            [
                act(
                    "1",
                    "A management oversight standard will be agreed setting out when oversight "
                    "must be recorded, including at allocation, after any risk escalation and "
                    "before termination.",
                    "Deputy Director",
                    [own("Deputy Director")],
                    "31/03/2020",
                    "2020-03-31",
                    "2020-03-31",
                    "planned",
                ),
                act(
                    "2",
                    "Senior Probation Officers will attend a management oversight workshop that "
                    "uses case examples from the inspection to illustrate effective and "
                    "ineffective oversight.",
                    "Learning and Development Manager",
                    [own("Learning and Development Manager")],
                    "May 2020",
                    "2020-05-01",
                    "2020-05-31",
                    "planned",
                ),
                act(
                    "3",
                    "Heads of Service will dip sample ten cases per team each quarter to test "
                    "whether recorded oversight led to improved practice, and report findings to "
                    "the quality board.",
                    "Heads of Service",
                    [own("Heads of Service")],
                    "Q2 2020/21",
                    "2020-07-01",
                    "2020-09-30",
                    "planned",
                ),
                act(
                    "4",
                    "The case management system will be configured so that oversight entries "
                    "are recorded under a dedicated contact type that can be reported on.",
                    "Business Systems Manager",
                    [own("Business Systems Manager")],
                    "In progress",
                    None,
                    None,
                    "in_progress",
                ),
            ],
        ),
        RecSpec(
            "5",
            "The National Probation Service Severnside Division should make sure that staff have "
            "manageable workloads and access to regular reflective supervision.",
            "Agreed",
            "agreed",
            [
                act(
                    "1",
                    "Workload measurement tool figures will be reviewed monthly and cases "
                    "redistributed where a practitioner exceeds 110 per cent for more than two "
                    "consecutive months.",
                    "Heads of Service",
                    [own("Heads of Service")],
                    "Business as usual",
                    None,
                    None,
                    "ongoing",
                ),
                act(
                    "2",
                    "Recruitment of 14 trainee probation officers and 6 probation service "
                    "officers will be completed to fill vacancies in the highest pressure teams.",
                    "Head of Human Resources",
                    [own("Head of Human Resources")],
                    "2020/21",
                    "2020-04-01",
                    "2021-03-31",
                    "planned",
                ),
                act(
                    "3",
                    "Reflective supervision at least every six weeks will be scheduled for every "
                    "practitioner and attendance monitored through the supervision tracker.",
                    "Senior Probation Officers",
                    [own("Senior Probation Officers")],
                    "June 2020",
                    "2020-06-01",
                    "2020-06-30",
                    "planned",
                ),
            ],
        ),
        RecSpec(
            "6",
            "The National Probation Service Severnside Division should strengthen partnership "
            "arrangements with local authorities so that information about children at risk is "
            "shared promptly.",
            "Agreed",
            "agreed",
            [
                act(
                    "1",
                    "Information sharing agreements with the five local authorities in the "
                    "division will be reviewed and re-signed, including a named contact in each "
                    "children's services front door.",
                    "Head of Partnerships",
                    [own("Head of Partnerships")],
                    "September 2020",
                    "2020-09-01",
                    "2020-09-30",
                    "planned",
                ),
                act(
                    "2",
                    "Safeguarding leads will attend each local safeguarding children partnership "
                    "and report learning to team meetings.",
                    "Safeguarding Leads",
                    [own("Safeguarding Leads")],
                    "Ongoing",
                    None,
                    None,
                    "ongoing",
                ),
                act(
                    "3",
                    "An audit of 60 cases involving children will test whether checks were "
                    "requested and acted upon, with results reported to the SLT.",
                    "Performance and Quality Lead",
                    [own("Performance and Quality Lead")],
                    "October – December 2020",
                    "2020-10-01",
                    "2020-12-31",
                    "planned",
                ),
            ],
        ),
        RecSpec(
            "7",
            "The National Probation Service Severnside Division should improve the delivery of "
            "unpaid work so that placements start promptly and hours are completed within the "
            "timescale set by the court.",
            "Agreed",
            "agreed",
            [
                act(
                    "1",
                    "Induction to unpaid work will be offered within seven days of sentence, with "
                    "placement capacity reviewed weekly by the unpaid work managers.",
                    "Unpaid Work Manager",
                    [own("Unpaid Work Manager")],
                    "Completed",
                    None,
                    None,
                    "completed",
                ),
                act(
                    "2",
                    "Weekend and evening placements will be increased in the rural areas of the "
                    "division, working with parish councils and charities.",
                    "Head of Community Payback; Partnerships Coordinator",
                    [own("Head of Community Payback"), own("Partnerships Coordinator")],
                    "July - October 2020",
                    "2020-07-01",
                    "2020-10-31",
                    "planned",
                ),
                act(
                    "3",
                    "Cases approaching the end of their order with hours outstanding will be "
                    "flagged monthly to responsible officers for enforcement or an application "
                    "to extend.",
                    "Senior Probation Officers",
                    [own("Senior Probation Officers")],
                    "Commenced",
                    None,
                    None,
                    "in_progress",
                ),
            ],
        ),
    ],
)


# --- 2. Prison: borderless, horizontal rules only, rec number inline, section rows ---

RULES = PlanSpec(
    name="rl_rules_prison",
    template="reportlab",
    title="HMP Marlow Heath Action Plan",
    organisation="HMP Marlow Heath",
    inspectorate="HMI Prisons",
    report_published="2021-07-14",
    submitted="2021-08-25",
    front_matter=[
        "HMP Marlow Heath Action Plan",
        "Report on an unannounced inspection of HMP Marlow Heath by HM Chief Inspector of "
        "Prisons, published 14 July 2021.",
        "Action plan submitted: 25 August 2021",
        "This plan sets out the prison's response to the key concerns and recommendations in the "
        "report. The Governor is accountable for delivery; progress will be reviewed at the "
        "monthly Senior Management Team meeting.",
    ],
    headers=[
        "Recommendation",
        "Agreed / Partly Agreed / Not Agreed",
        "Action Taken/Planned",
        "Responsible Owner",
        "Target Date",
    ],
    options={
        "columns": ["rec", "response", "action", "owner", "target"],
        "widths": [30, 9, 36, 14, 11],
        "style": "rules",
        "inline_label": "Recommendation {n}",
        "page_header": "HMP Marlow Heath – response to HMI Prisons inspection",
    },
    recs=[
        RecSpec(
            "1",
            "Leaders should ensure that prisoners are unlocked for at least the time set out in "
            "the published regime and that regime curtailments are recorded and reviewed.",
            "Agreed",
            "agreed",
            [
                act(
                    None,
                    "A revised core day will be published, giving every prisoner a minimum of "
                    "six hours out of cell on weekdays.",
                    "Deputy Governor",
                    [own("Deputy Governor")],
                    "September 2021",
                    "2021-09-01",
                    "2021-09-30",
                    "planned",
                    expected_number="1",
                ),
                act(
                    None,
                    "Every curtailment will be logged with its reason and reviewed weekly at the "
                    "regime meeting, with trends reported to the SMT.",
                    "Head of Residence\nHead of Operations",
                    [own("Head of Residence"), own("Head of Operations")],
                    "Commenced",
                    None,
                    None,
                    "in_progress",
                    expected_number="2",
                ),
            ],
            section="Key concerns and recommendations",
        ),
        RecSpec(
            "2",
            "The prison should reduce the availability of illicit drugs through a coordinated "
            "supply reduction strategy informed by intelligence and testing data.",
            "Agreed",
            "agreed",
            [
                act(
                    None,
                    "A drug strategy committee will meet monthly, chaired by the Governor, to "
                    "review intelligence, mandatory drug testing results and searching outcomes.",
                    "Governor",
                    [own("Governor")],
                    "Completed",
                    None,
                    None,
                    "completed",
                    expected_number="1",
                ),
                act(
                    None,
                    "Body scanner use will be extended to all new receptions and to prisoners "
                    "returning from court.",
                    "Head of Security",
                    [own("Head of Security")],
                    "31 October 2021",
                    "2021-10-31",
                    "2021-10-31",
                    "planned",
                    expected_number="2",
                ),
                act(
                    None,
                    "The substance misuse provider will offer an assessment to every prisoner "
                    "testing positive within five working days of the result.",
                    "Head of Healthcare; Substance Misuse Service Manager",
                    [own("Head of Healthcare"), own("Substance Misuse Service Manager")],
                    "Q3 2021/22",
                    "2021-10-01",
                    "2021-12-31",
                    "planned",
                    expected_number="3",
                ),
            ],
            section="Key concerns and recommendations",
        ),
        RecSpec(
            "3",
            "Prisoners at risk of self-harm should receive care that is individualised and "
            "multidisciplinary, with case reviews attended by healthcare staff.",
            "Agreed",
            "agreed",
            [
                act(
                    None,
                    "ACCT case managers will be trained in the new version of the process and "
                    "healthcare attendance at reviews will be monitored each month.",
                    "Head of Safety",
                    [own("Head of Safety")],
                    "November 2021",
                    "2021-11-01",
                    "2021-11-30",
                    "planned",
                    expected_number="1",
                ),
                act(
                    None,
                    "The safer custody team will quality assure a fifth of open ACCT documents "
                    "each week and give feedback to case managers.",
                    "Safer Custody Manager",
                    [own("Safer Custody Manager")],
                    "Ongoing",
                    None,
                    None,
                    "ongoing",
                    expected_number="2",
                ),
            ],
            section="Safety",
        ),
        RecSpec(
            "4",
            "All prisoners should have access to a shower and clean clothing every day.",
            "Partly Agreed",
            "partly_agreed",
            [
                act(
                    None,
                    "Laundry provision will be increased so that clean clothing is available to "
                    "every prisoner daily on all wings.",
                    "Head of Residence",
                    [own("Head of Residence")],
                    "By December 2021",
                    None,
                    "2021-12-31",
                    "planned",
                    expected_number="1",
                ),
            ],
            section="Respect",
            reason="Daily showers cannot be guaranteed on the two Victorian wings until their "
            "shower blocks are refurbished, which depends on funding from the national estate "
            "programme; this is an affordability constraint.",
            response_reason="affordability",
        ),
        RecSpec(
            "5",
            "Leaders should increase the number of full-time education, skills and work places so "
            "that all prisoners can be purposefully occupied.",
            "Agreed",
            "agreed",
            [
                act(
                    None,
                    "A needs analysis of the population will be completed and used to set the "
                    "curriculum for the next contract year.",
                    "Head of Education, Skills and Work",
                    [own("Head of Education, Skills and Work")],
                    "31/01/2022",
                    "2022-01-31",
                    "2022-01-31",
                    "planned",
                    expected_number="1",
                ),
                act(
                    None,
                    "Two new workshops will be opened, adding 80 full-time places.",
                    "Head of Industries, Jane Carter",
                    [own("Head of Industries, Jane Carter", "Head of Industries", "Jane Carter")],
                    "2022/23",
                    "2022-04-01",
                    "2023-03-31",
                    "planned",
                    expected_number="2",
                ),
            ],
            section="Purposeful activity",
        ),
    ],
)


# --- 3. Youth justice: light grid, agreement column last, deadline before lead ---

YOUTH = PlanSpec(
    name="rl_youth_northvale",
    template="reportlab",
    title="Northvale Youth Justice Service: Inspection Improvement Plan",
    organisation="Northvale Youth Justice Service",
    inspectorate="HMI Probation",
    report_published="2021-03",
    submitted="2021-05-12",
    front_matter=[
        "Northvale Youth Justice Service: Inspection Improvement Plan",
        "Response to the HM Inspectorate of Probation inspection of youth offending services in "
        "Northvale. Inspection report published: March 2021.",
        "Plan agreed by the management board on 12 May 2021.",
        "RAG ratings in the progress column are updated before each management board meeting.",
    ],
    headers=[
        "Ref",
        "Recommendation",
        "Action required",
        "Deadline",
        "Lead Officer / Agency",
        "Progress update",
        "Accepted / Partly accepted / Not accepted",
    ],
    options={
        "columns": ["rec_no", "rec", "action", "target", "owner", "extra", "response"],
        "widths": [4, 24, 32, 10, 14, 10, 9],
        "style": "light",
        "rec_label": "({n})",
        "action_prefix": "({n})",
        "extra_values": ["Not started", "On track", "Amber – some delay"],
        "page_header": "Northvale Youth Justice Service",
    },
    recs=[
        RecSpec(
            "1",
            "The Chair of the Management Board should make sure that board members understand "
            "the needs of children known to the service and hold partners to account for the "
            "services they provide.",
            "Accepted",
            "agreed",
            [
                act(
                    "1a",
                    "Induction for all board members, covering the profile of the cohort and the "
                    "board's statutory duties.",
                    "Sarah Whitfield, Head of Service",
                    [own("Sarah Whitfield, Head of Service", "Head of Service", "Sarah Whitfield")],
                    "June 2021",
                    "2021-06-01",
                    "2021-06-30",
                    "planned",
                ),
                act(
                    "1b",
                    "A quarterly performance report including disproportionality data and "
                    "partner attendance at planning meetings.",
                    "Performance Officer / Chair of the Management Board",
                    [own("Performance Officer"), own("Chair of the Management Board")],
                    "Q2 2021/22",
                    "2021-07-01",
                    "2021-09-30",
                    "planned",
                ),
            ],
        ),
        RecSpec(
            "2",
            "The Head of Service should improve the quality of assessment and planning for "
            "keeping other people safe.",
            "Accepted",
            "agreed",
            [
                act(
                    "2a",
                    "Case managers to attend risk and safety training delivered with the local "
                    "authority's safeguarding team.",
                    "Operational Manager (DP)",
                    [own("Operational Manager (DP)", "Operational Manager", "DP")],
                    "By September 2021",
                    None,
                    "2021-09-30",
                    "planned",
                ),
                act(
                    "2b",
                    "Monthly audit of five cases against the inspection standards, with findings "
                    "shared at practice forums.",
                    "Quality Assurance Lead",
                    [own("Quality Assurance Lead")],
                    "Business as usual",
                    None,
                    None,
                    "ongoing",
                ),
                act(
                    "2c",
                    "Risk management panel terms of reference rewritten to include contingency "
                    "planning and victim safety.",
                    "Operational Manager (DP)",
                    [own("Operational Manager (DP)", "Operational Manager", "DP")],
                    "Completed",
                    None,
                    None,
                    "completed",
                ),
            ],
        ),
        RecSpec(
            "3",
            "The Head of Service should ensure that children receive education, training and "
            "employment provision that meets their needs.",
            "Accepted",
            "agreed",
            [
                act(
                    "3a",
                    "Education worker seconded from the local authority to screen every child's "
                    "needs within ten days of starting an order.",
                    "Head of Virtual School and Head of Service",
                    [own("Head of Virtual School"), own("Head of Service")],
                    "1 September 2021",
                    "2021-09-01",
                    "2021-09-01",
                    "planned",
                ),
                act(
                    "3b",
                    "Speech and language screening offered to all children and results recorded "
                    "in the case management system.",
                    "NHS Northvale Speech and Language Therapist",
                    [own("NHS Northvale Speech and Language Therapist")],
                    "2021/22",
                    "2021-04-01",
                    "2022-03-31",
                    "planned",
                ),
            ],
        ),
        RecSpec(
            "4",
            "The Police and Crime Commissioner should fund a dedicated out-of-court disposal "
            "worker within the service.",
            "Not accepted",
            "not_agreed",
            [],
            reason="Not accepted by the Police and Crime Commissioner: funding for out-of-court "
            "work is allocated through the joint commissioning budget, which has been set for "
            "2021/22. The service will raise the need at the next commissioning review.",
            response_reason="commissioning",
        ),
        RecSpec(
            "5",
            "The Head of Service should improve the transition of children to adult probation "
            "services.",
            "Partly accepted",
            "partly_agreed",
            [
                act(
                    "5a",
                    "Joint transition protocol with the Probation Service reviewed and relaunched "
                    "at a joint practice event.",
                    "Operational Manager (DP); Head of Probation Delivery Unit",
                    [
                        own("Operational Manager (DP)", "Operational Manager", "DP"),
                        own("Head of Probation Delivery Unit"),
                    ],
                    "July – August 2021",
                    "2021-07-01",
                    "2021-08-31",
                    "planned",
                ),
            ],
            reason="The service will not hold cases beyond the age of 18 as suggested, for "
            "operational reasons: caseloads do not allow it.",
            response_reason="operational",
        ),
    ],
)

PLANS: list[PlanSpec] = [GRID, RULES, YOUTH]
