"""Plans in shapes the other samples do not cover, drawn by ``render_shapes``.

- ``solent_yos_2021``: one small table per recommendation, the recommendation and the response
  as body paragraphs above it ("Recommendation 1: …", "Response: Agreed").
- ``hmp_northfield_2022``: a form, one two-column table per recommendation with the field
  names in the left column; actions, owners and dates stacked one paragraph each.
- ``html_eastvale_pdu_2022`` (PDF only, in ``HTML_SPECS``): an HTML table printed by headless
  Chromium, actions as an ``<ol>``, owners and dates as ``<br>``-separated lines.

Organisations are fictional. Every expected value is typed by hand: month → whole month;
day → that day; range → first..last day; Q3 2021/22 → 2021-10-01..2021-12-31; 2021/22 →
2021-04-01..2022-03-31; "By/End of X" → start null, end last day; Completed → completed,
Commenced/In progress → in_progress, Ongoing → ongoing (no dates); a bare date → planned.
"""

from __future__ import annotations

from scripts.samples.plans_common import a, o
from scripts.samples.spec import PlanSpec, RecSpec

# --- 1. Solent YOS: one table per recommendation ------------------------------------------

JC = "Head of Service (Jo Carter)"
JC_OWNER = o(JC, role="Head of Service", person="Jo Carter")
LP = "Liam Price, Performance Officer"
LP_OWNER = o(LP, role="Performance Officer", person="Liam Price")
TMCC = "Team Manager – Court and Custody"
TMP = "Team Manager – Prevention"


def pr(text: str) -> dict[str, str]:
    """Progress column text (an extra column: never a status)."""
    return {"progress": text}


SOLENT = PlanSpec(
    name="solent_yos_2021",
    template="per_rec_tables",
    title="Response to the HM Inspectorate of Probation inspection of youth offending "
    "services in Solent",
    organisation="Solent Youth Offending Service",
    inspectorate="HMI Probation",
    report_published="2021-06-03",
    submitted="2021-07-22",
    front_matter=[
        "## Solent Youth Offending Service",
        "# Response to the HM Inspectorate of Probation inspection of youth offending "
        "services in Solent",
        "Report published: 3 June 2021",
        "Action plan agreed by the YOS Management Board on 22 July 2021",
        "The inspection made five recommendations. Each is set out below with the service's "
        "response and the actions it will take. Progress will be reported to every meeting of "
        "the Management Board.",
    ],
    headers=["Action", "Lead", "By when", "Progress"],
    options={
        "orientation": "portrait",
        "margins_cm": 2.0,
        "widths": [8.2, 3.6, 2.4, 2.8],
        "font": "Arial",
        "font_size": 10,
        "header_fill": "DEEAF6",
        "page_footer": "Solent YOS – inspection action plan – page {PAGE}",
        "author": "Solent YOS",
    },
    recs=[
        RecSpec(
            number="1",
            text="The YOS should improve the quality of assessment and planning for keeping "
            "other people safe, so that it takes account of all available information, "
            "including that held by children's social care and the police.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Deliver risk of harm training to all case managers, covering the use "
                  "of police intelligence and children's social care records in assessment.",
                  JC, [JC_OWNER], "September 2021", "2021-09-01", "2021-09-30", "planned",
                  extras=pr("Two sessions booked")),
                a(None, "Add a mandatory information-gathering checklist to the AssetPlus "
                  "countersigning process.",
                  TMCC, [o(TMCC)], "31 August 2021", "2021-08-31", "2021-08-31", "planned",
                  extras=pr("")),
                a(None, "Team managers to audit five cases each a month against the HMI "
                  "Probation standards and report the findings to the YOS Management Board.",
                  "Team Managers", [o("Team Managers")], "Q3 2021/22",
                  "2021-10-01", "2021-12-31", "planned",
                  extras=pr("First audit cycle started in July")),
            ],
        ),
        RecSpec(
            number="2",
            text="The YOS should make sure that children's health needs, including their "
            "emotional and mental health needs, are assessed and met.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Screen every child for emotional and mental health needs within 20 "
                  "working days of the start of their order.",
                  "YOS Health Worker / CAMHS", [o("YOS Health Worker"), o("CAMHS")],
                  "October 2021", "2021-10-01", "2021-10-31", "planned", extras=pr("")),
                a(None, "Agree a fast-track referral route to CAMHS for children assessed as "
                  "needing specialist support.",
                  JC, [JC_OWNER], "End of December 2021", None, "2021-12-31", "planned",
                  extras=pr("Meeting with CAMHS commissioner held 9 July")),
                a(None, "Record health assessments and interventions in ChildView so that they "
                  "are visible to case managers.",
                  LP, [LP_OWNER], "Completed", None, None, "completed",
                  extras=pr("Health module live since May 2021")),
            ],
        ),
        RecSpec(
            number="3",
            text="The YOS should improve the quality and consistency of its out-of-court "
            "disposal work, including joint decision-making with the police.",
            response_raw="Partly agreed",
            response="partly_agreed",
            response_reason="policy",
            reason="the joint decision-making panel will be reviewed with the police, but the "
            "criteria for Outcome 22 are set by force policy and cannot be changed by the YOS.",
            actions=[
                a(None, "Review the terms of reference of the joint decision-making panel with "
                  "the police, so that a full assessment is available before every decision.",
                  "Out of Court Disposal Coordinator and YOS Police Sergeant",
                  [o("Out of Court Disposal Coordinator"), o("YOS Police Sergeant")],
                  "October – December 2021", "2021-10-01", "2021-12-31", "planned",
                  extras=pr("")),
                a(None, "Offer a short intervention to every child receiving a Youth Caution or "
                  "a Community Resolution.",
                  TMP, [o(TMP)], "Ongoing", None, None, "ongoing",
                  extras=pr("In place; 14 children seen since April")),
            ],
        ),
        RecSpec(
            number="4",
            text="The YOS should make sure that it has enough well-trained staff to deliver "
            "high-quality services, and that all staff receive regular supervision.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Recruit to the two vacant case manager posts and the vacant team "
                  "manager post.",
                  JC, [JC_OWNER], "30 September 2021", "2021-09-30", "2021-09-30", "planned",
                  extras=pr("Interviews 16 August")),
                a(None, "Introduce a supervision policy requiring monthly recorded supervision "
                  "for all case managers, with quarterly compliance reports to the Board.",
                  "Team Managers", [o("Team Managers")], "November 2021",
                  "2021-11-01", "2021-11-30", "planned", extras=pr("")),
                a(None, "Publish an annual training plan based on a training needs analysis of "
                  "all staff.",
                  "Workforce Development Officer", [o("Workforce Development Officer")],
                  "2021/22", "2021-04-01", "2022-03-31", "planned", extras=pr("")),
                a(None, "Hold quarterly practice development sessions for all staff.",
                  f"{TMCC}; {TMP}", [o(TMCC), o(TMP)], "Commenced", None, None,
                  "in_progress", extras=pr("First session on trauma-informed practice")),
            ],
        ),
        RecSpec(
            number="5",
            text="The YOS Management Board should improve its oversight of the service, making "
            "better use of performance data and of the views of children and their families.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Present a quarterly performance dashboard to the Board covering "
                  "reoffending, first-time entrants, use of custody, education and "
                  "disproportionality.",
                  LP, [LP_OWNER], "Q2 2021/22", "2021-07-01", "2021-09-30", "planned",
                  extras=pr("Complete – first dashboard presented")),
                a(None, "Each Board member to attend one practice observation and one "
                  "participation group session with children each year.",
                  "Chair of the YOS Management Board", [o("Chair of the YOS Management Board")],
                  "By March 2022", None, "2022-03-31", "planned", extras=pr("")),
            ],
        ),
    ],
)

# --- 2. HMP Northfield: a form, one two-column table per recommendation ---------------------

PR = "Custodial Manager (Paul Reid)"
PR_OWNER = o(PR, role="Custodial Manager", person="Paul Reid")
AS = "Business Hub Manager (Anita Shah)"
AS_OWNER = o(AS, role="Business Hub Manager", person="Anita Shah")
HESW = "Head of Education, Skills and Work"

NORTHFIELD = PlanSpec(
    name="hmp_northfield_2022",
    template="form",
    title="HMP Northfield – Action Plan",
    organisation="HMP Northfield",
    inspectorate="HMI Prisons",
    report_published="2022-05-10",
    submitted="2022-06-21",
    front_matter=[
        "# HMP Northfield – Action Plan",
        "Report on an unannounced inspection of HMP Northfield by HM Chief Inspector of "
        "Prisons (published 10 May 2022)",
        "Action plan submitted: 21 June 2022",
        "Each recommendation is numbered as in the inspection report. Owners and target dates "
        "are listed in the same order as the actions.",
    ],
    headers=["Recommendation", "Response", "Action(s)", "Owner", "Target date"],
    options={
        "orientation": "portrait",
        "margins_cm": 2.0,
        "widths": [4.4, 12.6],
        "font": "Arial",
        "font_size": 10,
        "label_fill": "E7E6E6",
        "action_numbers": "prefix",
        "action_prefix_fmt": "{n}) ",
        "page_footer": "HMP Northfield action plan – {PAGE}",
        "author": "HMP Northfield",
    },
    recs=[
        RecSpec(
            number="3.12",
            text="Leaders should make sure that all prisoners arriving at the establishment "
            "receive a full induction, including a private first night interview, within 24 "
            "hours of their arrival.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("a", "Move first night interviews to the private interview room on the first "
                  "night centre and record them in the prisoner's case notes.",
                  "Head of Residence", [o("Head of Residence")], "31 July 2022",
                  "2022-07-31", "2022-07-31", "planned"),
                a("b", "Introduce a daily induction checklist completed by the first night "
                  "centre officer and checked by the duty custodial manager.",
                  PR, [PR_OWNER], "August 2022", "2022-08-01", "2022-08-31", "planned"),
                a("c", "Train peer mentors to deliver induction to all new arrivals within 24 "
                  "hours of arrival.",
                  "Safer Custody Manager", [o("Safer Custody Manager")], "Completed",
                  None, None, "completed"),
            ],
        ),
        RecSpec(
            number="3.25",
            text="Leaders should take effective action to reduce the supply of illicit drugs "
            "and the debt and violence associated with it.",
            response_raw="Partly agreed",
            response="partly_agreed",
            response_reason="affordability",
            reason="The prison will strengthen its drug strategy, but full-body scanning of all "
            "visitors is not funded in the 2022/23 budget.",
            actions=[
                a("a", "Review and relaunch the local drug strategy, with monthly drug strategy "
                  "meetings chaired by the Deputy Governor.",
                  "Deputy Governor", [o("Deputy Governor")], "30/09/2022",
                  "2022-09-30", "2022-09-30", "planned"),
                a("b", "Increase intelligence-led cell searches and suspicion drug testing, "
                  "with the results reviewed at the monthly security meeting.",
                  "Head of Security", [o("Head of Security")], "Q3 2022/23",
                  "2022-10-01", "2022-12-31", "planned"),
                a("c", "Introduce a confidential debt reporting line and a support pathway "
                  "through the Safer Custody team.",
                  "Safer Custody Manager and Head of Security",
                  [o("Safer Custody Manager"), o("Head of Security")], "By December 2022",
                  None, "2022-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="4.8",
            text="Prisoners should be able to make applications and complaints easily and "
            "receive a timely and effective response.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("a", "Install electronic kiosks on all residential wings for applications "
                  "and complaints.",
                  "Head of Business Assurance", [o("Head of Business Assurance")],
                  "October – December 2022", "2022-10-01", "2022-12-31", "planned"),
                a("b", "Monitor response times weekly and report late replies to the relevant "
                  "head of function.",
                  AS, [AS_OWNER], "Ongoing", None, None, "ongoing"),
            ],
        ),
        RecSpec(
            number="5.14",
            text="Leaders should increase the number of activity places and make sure that "
            "they are fully used.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("a", "Reopen the second workshop in the industries building and recruit two "
                  "instructors.",
                  "Head of Industries", [o("Head of Industries")], "September 2022",
                  "2022-09-01", "2022-09-30", "planned"),
                a("b", "Complete a needs analysis of the population and revise the curriculum "
                  "with the education provider.",
                  HESW, [o(HESW)], "31 March 2023", "2023-03-31", "2023-03-31", "planned"),
                a("c", "Allocate every prisoner to an activity within ten working days of "
                  "arrival, with weekly monitoring by the Activities Hub.",
                  "Activities Hub Manager", [o("Activities Hub Manager")], "In progress",
                  None, None, "in_progress"),
            ],
        ),
        RecSpec(
            number="6.7",
            text="Prisoners approaching release should have somewhere settled to live on the "
            "day of their release.",
            response_raw="Not agreed",
            response="not_agreed",
            response_reason="commissioning",
            reason="Accommodation on release is commissioned by the Probation Service and local "
            "authorities and is outside the Governor's control. The prison will continue to "
            "refer every prisoner to the commissioned accommodation service 12 weeks before "
            "release.",
            actions=[],
        ),
    ],
)

# --- 3. Eastvale PDU: an HTML table printed by headless Chromium (PDF only) -----------------

SPO = "Senior Probation Officers"
HOP = "Head of PDU"
QDO = "Quality Development Officer"
SD = "Sam Doyle, Interventions Manager"
SD_OWNER = o(SD, role="Interventions Manager", person="Sam Doyle")
HICP = "Head of Interventions and Community Payback"

EASTVALE = PlanSpec(
    name="html_eastvale_pdu_2022",
    template="html_table",
    title="Eastvale Probation Delivery Unit – Inspection Action Plan",
    organisation="Eastvale Probation Delivery Unit",
    inspectorate="HMI Probation",
    report_published="2022-06-14",
    submitted="2022-07-26",
    front_matter=[
        "# Eastvale Probation Delivery Unit – Inspection Action Plan",
        "HM Inspectorate of Probation: An inspection of probation services in Eastvale PDU",
        "Report published: 14 June 2022",
        "Action plan submitted: 26 July 2022",
        "Owners and completion dates are listed in the same order as the actions they belong "
        "to. Where an action has been completed, the month of completion is shown where it is "
        "known.",
    ],
    headers=["No.", "Recommendation", "Response", "Actions", "Owner", "Completion date"],
    options={"rec_no_fmt": "{n}.", "author": "Eastvale PDU"},
    recs=[
        RecSpec(
            number="1",
            text="The Eastvale PDU should improve the quality of risk of harm assessment and "
            "planning, making sure that information from domestic abuse and child safeguarding "
            "enquiries is obtained and analysed in every case.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Senior Probation Officers to check at allocation that domestic abuse "
                  "and safeguarding enquiries have been requested and received for every new "
                  "case.",
                  SPO, [o(SPO)], "31 October 2022", "2022-10-31", "2022-10-31", "planned"),
                a("2", "Deliver risk of serious harm refresher training to all probation "
                  "officers and probation service officers, using cases from the PDU.",
                  "Practice Development Team", [o("Practice Development Team")],
                  "Q3 2022/23", "2022-10-01", "2022-12-31", "planned"),
                a("3", "Audit a sample of risk management plans each quarter and report the "
                  "findings to the PDU leadership team.",
                  QDO, [o(QDO)], "Completed", None, None, "completed"),
            ],
        ),
        RecSpec(
            number="2",
            text="The Eastvale PDU should make sure that staffing levels are sufficient and "
            "workloads are manageable, so that practitioners can deliver high-quality work.",
            response_raw="Partly agreed",
            response="partly_agreed",
            response_reason="policy",
            reason="Staffing baselines are set nationally by HMPPS workforce planning and "
            "cannot be changed locally. The PDU will act on recruitment, retention and "
            "workload management.",
            actions=[
                a("1", "Run a rolling recruitment campaign for probation service officers and "
                  "support the current PQiP learners to qualify.",
                  HOP, [o(HOP)], "March 2023", "2023-03-01", "2023-03-31", "planned"),
                a("2", "Review workload in supervision for every practitioner above 110% on "
                  "the workload measurement tool.",
                  SPO, [o(SPO)], "In progress", None, None, "in_progress"),
                a("3", "Publish a local retention plan, including flexible working and a peer "
                  "support scheme for newly qualified officers.",
                  "Head of PDU and HR Business Partner",
                  [o(HOP), o("HR Business Partner")], "By end of January 2023",
                  None, "2023-01-31", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text="The Eastvale PDU should make sure that people on probation start the "
            "accredited programmes and structured interventions set by the court without "
            "delay.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Review the programme waiting list jointly with the Interventions team "
                  "every month and escalate cases waiting more than 12 weeks.",
                  HICP, [o(HICP)], "November 2022", "2022-11-01", "2022-11-30", "planned"),
                a("2", "Offer structured interventions at the Northgate office on two evenings "
                  "a week for people in work.",
                  SD, [SD_OWNER], "January – March 2023", "2023-01-01", "2023-03-31",
                  "planned"),
            ],
        ),
        RecSpec(
            number="4",
            text="The Eastvale PDU should work with Commissioned Rehabilitative Services "
            "providers so that referrals are made promptly and services are delivered as "
            "agreed.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Appoint a single point of contact for Commissioned Rehabilitative "
                  "Services in each team.",
                  SPO, [o(SPO)], "Completed – August 2022", "2022-08-01", "2022-08-31",
                  "completed"),
                a("2", "Hold monthly contract review meetings with the accommodation and "
                  "personal wellbeing providers.",
                  "Head of PDU; Regional Contract Manager",
                  [o(HOP), o("Regional Contract Manager")], "Ongoing", None, None, "ongoing"),
            ],
        ),
        RecSpec(
            number="5",
            text="The Eastvale PDU should make sure that management oversight is effective and "
            "is recorded on the case record.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Introduce a local standard for recording management oversight on "
                  "nDelius, with examples of good practice.",
                  QDO, [o(QDO)], "30/11/2022", "2022-11-30", "2022-11-30", "planned"),
                a("2", "Senior Probation Officers to complete five case audits each a month "
                  "using the HMI Probation standards.",
                  SPO, [o(SPO)], "Q4 2022/23", "2023-01-01", "2023-03-31", "planned"),
                a("3", "Report audit findings and themes to the regional quality board.",
                  HOP, [o(HOP)], "December 2022", "2022-12-01", "2022-12-31", "planned"),
            ],
        ),
    ],
)

SPECS = [SOLENT, NORTHFIELD]  # Word samples (built by scripts.build_samples)
HTML_SPECS = [EASTVALE]  # PDF only (built by python -m scripts.samples.render_shapes)
