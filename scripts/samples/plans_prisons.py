"""HM Inspectorate of Prisons plans: a 2019 plan with section rows and Word auto-numbered
actions in one row per recommendation, and a 2023 plan on key concerns and recommendations.
"""

from __future__ import annotations

from scripts.samples.plans_common import a, o
from scripts.samples.spec import PlanSpec, RecSpec

HOS = "Head of Safety"
HOR = "Head of Residence"
HOL = "Head of Learning and Skills"
HOO = "Head of Offender Management Delivery"
MAIN = "Main recommendations to the Governor"

EASTMOOR = PlanSpec(
    name="hmp_eastmoor_2019",
    template="generic",
    title="Action Plan – HMP Eastmoor",
    organisation="HMP Eastmoor",
    inspectorate="HMI Prisons",
    report_published="2019-03-12",
    submitted="2019-04-23",
    front_matter=[
        "# Action Plan – HMP Eastmoor",
        "Report on an unannounced inspection of HMP Eastmoor by HM Chief Inspector of Prisons",
        "Inspection dates: 29 October – 9 November 2018",
        "Report published: 12 March 2019",
        "Action plan agreed: 23 April 2019",
        "Recommendations are numbered as in the inspection report. Where more than one action "
        "answers a recommendation, the person responsible and the target date are listed in the "
        "same order as the actions.",
    ],
    headers=[
        "No.",
        "Recommendation",
        "Accepted / Partly Accepted / Not Accepted",
        "Action",
        "Responsible",
        "Target date",
    ],
    options={
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target"],
        "widths": [1.3, 6.4, 2.6, 10.0, 3.4, 2.4],
        "layout": "per_rec",
        "action_numbers": "auto",
        "font_size": 10,
        "header_fill": "BDD7EE",
        "section_fill": "D9D9D9",
        "page_footer": "HMP Eastmoor action plan {PAGE}",
        "author": "HMP Eastmoor",
    },
    recs=[
        RecSpec(
            number="S40",
            section=MAIN,
            text="The prison should reduce the level of violence by analysing the causes of "
            "violent incidents, acting on the findings and making sure that perpetrators are "
            "challenged and supported to change their behaviour.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "Produce a monthly violence analysis covering location, time, "
                  "protected characteristics and debt, to be discussed at the Safer Custody "
                  "meeting.", HOS, [o(HOS)], "May 2019",
                  "2019-05-01", "2019-05-31", "planned"),
                a("2", "Introduce the Challenge, Support and Intervention Plan (CSIP) for all "
                  "identified perpetrators of violence, with case reviews chaired by a custodial "
                  "manager.", "Safer Custody Manager", [o("Safer Custody Manager")],
                  "30 June 2019", "2019-06-30", "2019-06-30", "planned"),
                a("3", "Deliver the Five Minute Intervention training to all band 3 to 5 officers "
                  "so that staff use everyday conversations to challenge violent attitudes.",
                  "Training Manager", [o("Training Manager")], "December 2019",
                  "2019-12-01", "2019-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="S41",
            section=MAIN,
            text="Prisoners should be unlocked for at least eight hours a day and have regular "
            "access to education, training or work.",
            response_raw="Partly Accepted",
            response="partly_agreed",
            response_reason="affordability",
            reason="Partly accepted for affordability reasons: the current staffing budget does "
            "not allow a regime of eight hours unlocked for all prisoners. The prison will "
            "increase time out of cell within its existing resources.",
            actions=[
                a("1", "Introduce a revised core day giving all prisoners at least six and a half "
                  "hours out of cell on weekdays.", "Deputy Governor", [o("Deputy Governor")],
                  "September 2019", "2019-09-01", "2019-09-30", "planned"),
                a("2", "Increase activity places by 60 through two new industries workshops.",
                  HOL, [o(HOL)], "2019/20", "2019-04-01", "2020-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="1.46",
            section="Safety",
            text="All staff should be trained in the ACCT procedures, and ACCT case reviews "
            "should be multidisciplinary and consistently attended by the prisoner's case "
            "manager.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "Complete ACCT foundation training for all uniformed staff who have not "
                  "yet attended.", "Training Manager", [o("Training Manager")],
                  "July 2019", "2019-07-01", "2019-07-31", "planned"),
                a("2", "Healthcare and mental health in-reach to attend all first ACCT case "
                  "reviews.", "Head of Healthcare",
                  [o("Head of Healthcare")], "Completed", None, None, "completed"),
                a("3", "Safer Custody team to quality assure ten open ACCT documents each month "
                  "and feed back to case managers.", HOS, [o(HOS)], "Ongoing",
                  None, None, "ongoing"),
            ],
        ),
        RecSpec(
            number="1.52",
            section="Safety",
            text="The use of force should be reviewed to ensure that it is proportionate and "
            "that body-worn video cameras are drawn and used by all staff involved in planned "
            "interventions.",
            response_raw="Accepted",
            response="agreed",
            options={"shared": True},
            actions=[
                a("1", "Weekly use of force meeting to review all incidents, with footage "
                  "viewed for a sample of at least five incidents.", "Head of Security",
                  [o("Head of Security")], "June 2019", "2019-06-01", "2019-06-30", "planned"),
                a("2", "Body-worn video camera issue to be recorded at the detail office and "
                  "checked daily by the orderly officer.", "Head of Security",
                  [o("Head of Security")], "June 2019", "2019-06-01", "2019-06-30", "planned"),
                a("3", "Use of force paperwork to be completed within 72 hours, with a weekly "
                  "compliance report to the senior leadership team.", "Head of Security",
                  [o("Head of Security")], "June 2019", "2019-06-01", "2019-06-30", "planned"),
            ],
        ),
        RecSpec(
            number="2.12",
            section="Respect",
            text="Cells designed for one prisoner should not be used to hold two, and all cells "
            "should have a screened toilet.",
            response_raw="Not Accepted",
            response="not_agreed",
            response_reason="affordability",
            reason="Population pressures across the estate mean the prison must "
            "continue to hold two prisoners in some single cells; removing the crowding would "
            "reduce capacity by 140 places, which is not affordable. Toilet screens are already "
            "fitted in all shared cells and are checked weekly.",
            actions=[],
        ),
        RecSpec(
            number="2.30",
            section="Respect",
            text="Prisoners' applications and complaints should be responded to on time, and "
            "responses should address the issues raised.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "Introduce an electronic applications tracker on all residential units.",
                  HOR, [o(HOR)], "August 2019", "2019-08-01", "2019-08-31", "planned"),
                a("2", "Business hub to send a weekly list of overdue complaints to the "
                  "responsible functional head.", "Business Hub Manager",
                  [o("Business Hub Manager")], "Completed", None, None, "completed"),
                a("3", "Deputy Governor to quality check a sample of 20 complaint responses each "
                  "month.", "Deputy Governor", [o("Deputy Governor")], "Ongoing",
                  None, None, "ongoing"),
            ],
        ),
        RecSpec(
            number="3.18",
            section="Purposeful activity",
            text="The quality of teaching, learning and assessment should be improved, and more "
            "prisoners should achieve qualifications in English and mathematics.",
            response_raw="Accepted",
            response="agreed",
            options={"shared": True},
            actions=[
                a("1", "Education provider to implement a lesson observation programme with "
                  "every tutor observed at least once a term.",
                  "Head of Learning and Skills and Novus Education Manager",
                  [o(HOL), o("Novus Education Manager")], "Q3 2019/20",
                  "2019-10-01", "2019-12-31", "planned"),
                a("2", "Initial assessment results to be used to place prisoners on English and "
                  "mathematics courses at the right level within two weeks of arrival.",
                  "Head of Learning and Skills and Novus Education Manager",
                  [o(HOL), o("Novus Education Manager")], "Q3 2019/20",
                  "2019-10-01", "2019-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="4.25",
            section="Rehabilitation and release planning",
            text="All prisoners should have an up-to-date OASys assessment and sentence plan, "
            "and offender supervisors should have regular, meaningful contact with the "
            "prisoners they manage.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "Recruit four additional probation officers to the offender management "
                  "unit to clear the OASys backlog.", HOO, [o(HOO)], "October 2019",
                  "2019-10-01", "2019-10-31", "planned"),
                a("2", "Introduce a minimum contact standard of one meaningful session a month "
                  "for high risk of harm prisoners, recorded on NOMIS.",
                  "Senior Probation Officer (OMU)", [o("Senior Probation Officer (OMU)")],
                  "Commenced", None, None, "in_progress"),
                a("3", "Key workers to be trained in supporting sentence plan objectives.",
                  "Head of Residence / Head of Offender Management Delivery",
                  [o(HOR), o(HOO)], "By March 2020", None, "2020-03-31", "planned"),
            ],
        ),
    ],
)

HM = "HMP Hallam Moor"
DG = "Deputy Governor"

HALLAM_MOOR = PlanSpec(
    name="hmp_hallam_moor_2023",
    template="generic",
    title="HMP Hallam Moor – inspection action plan",
    organisation=HM,
    inspectorate="HMI Prisons",
    report_published="2023-03-14",
    submitted="2023-05-09",
    front_matter=[
        "His Majesty's Prison and Probation Service",
        "# HMP Hallam Moor – inspection action plan",
        "Report on an unannounced inspection of HMP Hallam Moor by HM Chief Inspector of Prisons "
        "(7–18 November 2022)",
        "Report published: 14 March 2023",
        "Action plan submitted: 9 May 2023",
        "The inspection report sets out priority concerns and key concerns, each with a "
        "recommendation. The paragraph of the report where each concern is discussed is shown in "
        "brackets.",
    ],
    headers=[
        "Concern no.",
        "Recommendation",
        "Agreed / Partially agreed / Not agreed",
        "Action",
        "Lead Officer",
        "Target date",
    ],
    options={
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target"],
        "widths": [2.0, 6.6, 2.6, 9.0, 3.4, 2.4],
        "rec_cells": "merge",
        "reason_in": "row",
        "action_numbers": "none",
        "font_size": 9,
        "font": "Arial",
        "header_fill": "002060",
        "header_color": "FFFFFF",
        "section_fill": "D9E2F3",
        "author": "HMP Hallam Moor",
    },
    recs=[
        RecSpec(
            number="1",
            section="Priority concerns and recommendations",
            text="Leaders should make sure that prisoners at risk of self-harm receive "
            "consistent, caring support, and that ACCT case management is effective. (1.46)",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Refresh ACCT version 6 case manager training for all supervising "
                  "officers and custodial managers, prioritising the two units with the highest "
                  "self-harm rates.", "Head of Safety", [o("Head of Safety")], "June 2023",
                  "2023-06-01", "2023-06-30", "planned"),
                a(None, "Introduce a daily safety huddle on each residential unit where open ACCTs "
                  "are discussed and actions recorded.", "Head of Residence",
                  [o("Head of Residence")], "Quarter 1 2023-24",
                  "2023-04-01", "2023-06-30", "planned"),
                a(None, "Monthly quality assurance of ten ACCT documents by the Safer Custody "
                  "team, with findings reported to the Safety Intervention Meeting.",
                  "Safer Custody Manager", [o("Safer Custody Manager")], "Ongoing",
                  None, None, "ongoing"),
            ],
        ),
        RecSpec(
            number="2",
            section="Priority concerns and recommendations",
            text="Leaders should reduce the availability of illicit drugs, and make sure that "
            "prisoners who misuse drugs are identified and offered support. (3.14)",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Complete the installation of the body scanner in reception and use it "
                  "on every new arrival and on prisoners returning from court.",
                  "Head of Security", [o("Head of Security")], "31 March 2023",
                  "2023-03-31", "2023-03-31", "planned"),
                a(None, "Develop a drug strategy action plan with the integrated substance misuse "
                  "service, covering supply reduction, demand reduction and recovery.",
                  "Head of Security / Head of Healthcare",
                  [o("Head of Security"), o("Head of Healthcare")], "June 2023",
                  "2023-06-01", "2023-06-30", "planned"),
                a(None, "Open an incentivised substance-free living unit with 40 spaces.",
                  DG, [o(DG)], "Quarter 3 2023-24", "2023-10-01", "2023-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            section="Priority concerns and recommendations",
            text="The governor should make sure that all prisoners can spend a reasonable amount "
            "of time out of their cells, including at weekends. (4.2)",
            response_raw="Partially agreed",
            response="partly_agreed",
            response_reason="operational",
            reason="Partially agreed. Staffing shortfalls among band 3 officers mean that the "
            "prison cannot yet offer a full weekend regime; this is an operational constraint "
            "that will be reviewed as recruitment improves. The actions below will increase "
            "time out of cell on weekdays.",
            actions=[
                a(None, "Introduce a revised regime with a minimum of five hours unlocked on "
                  "weekdays for all prisoners, published to prisoners through the wing "
                  "information boards and the in-cell television channel.",
                  DG, [o(DG)], "June 2023", "2023-06-01", "2023-06-30", "planned"),
                a(None, "Run a local recruitment campaign for prison officers, with the aim of "
                  "filling all 28 vacancies.", "Head of Operations and HR Business Partner",
                  [o("Head of Operations"), o("HR Business Partner")], "31 March 2024",
                  "2024-03-31", "2024-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="4",
            section="Key concerns and recommendations",
            text="Leaders should make sure that the use of segregation is properly justified "
            "and that segregated prisoners have a meaningful regime. (1.61)",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "The segregation monitoring and review group to analyse all "
                  "segregation placements over 14 days each quarter.", "Head of Safety",
                  [o("Head of Safety")], "Ongoing", None, None, "ongoing"),
                a(None, "Provide in-cell activity packs, daily telephone access and a weekly "
                  "visit from the chaplaincy and the gym for all segregated prisoners.",
                  "Segregation Unit Manager", [o("Segregation Unit Manager")], "June 2023",
                  "2023-06-01", "2023-06-30", "planned"),
            ],
        ),
        RecSpec(
            number="5",
            section="Key concerns and recommendations",
            text="Prisoners should have timely access to primary care and mental health "
            "services. (2.81)",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Healthcare provider to recruit two additional mental health nurses and "
                  "a practice nurse.", "Head of Healthcare", [o("Head of Healthcare")],
                  "Quarter 2 2023-24", "2023-07-01", "2023-09-30", "planned"),
                a(None, "Publish waiting times for GP and mental health assessments monthly at the "
                  "local delivery board.", "Head of Healthcare", [o("Head of Healthcare")],
                  "31 May 2023", "2023-05-31", "2023-05-31", "planned"),
            ],
        ),
        RecSpec(
            number="6",
            section="Key concerns and recommendations",
            text="Leaders should provide enough education, skills and work places for the whole "
            "population, and make sure that they are fully used. (3.9)",
            response_raw="Not agreed",
            response="not_agreed",
            response_reason="affordability",
            reason="The prison's education contract and funding for 2023-24 provide places for "
            "around 75% of the population. Additional places cannot be funded within the current "
            "budget, so this recommendation is not agreed on grounds of affordability. Leaders "
            "will continue to improve the allocation and attendance of existing places.",
            actions=[],
        ),
    ],
)

SPECS = [EASTMOOR, HALLAM_MOOR]
