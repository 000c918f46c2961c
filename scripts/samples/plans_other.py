"""Plans in less common layouts: a plan table inside a 1x1 layout table (frame), and a
partnership plan with extra columns around the real ones (outcome, agency, success measure).
"""

from __future__ import annotations

from scripts.samples.plans_common import a, o
from scripts.samples.spec import PlanSpec, RecSpec

MM = "Mercia and Marches CRC should"
CM = "Cluster Managers"
HQS = "Head of Quality and Safeguarding"
HR = "Head of Resettlement"
HCP = "Head of Community Payback"
LDM = "Learning and Development Manager"

MERCIA = PlanSpec(
    name="mercia_marches_crc_2020",
    template="generic",
    title="Mercia and Marches CRC: response to the HM Inspectorate of Probation inspection",
    organisation="Mercia and Marches CRC",
    inspectorate="HMI Probation",
    report_published="2020-08",
    submitted="2020-09-21",
    front_matter=[
        "# Mercia and Marches CRC: response to the HM Inspectorate of Probation inspection",
        "Inspection report published August 2020. Action plan submitted 21 September 2020.",
        "## Definitions",
        "Agreed – the recommendation will be implemented in full, with the actions and "
        "timescales shown.",
        "Partly agreed – only part of the recommendation will be implemented; the reason is "
        "given in the action column.",
        "Not agreed – the recommendation will not be implemented; the reason is given in the "
        "action column.",
        "Abbreviations: SLT – Senior Leadership Team; RO – Responsible Officer; DA – domestic "
        "abuse; TTG – through the gate.",
    ],
    headers=["Rec", "Recommendation", "Response", "Action", "Owner", "By when"],
    options={
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target"],
        "widths": [1.1, 6.0, 2.2, 9.4, 3.8, 2.6],
        "frame": True,
        "frame_heading": "ACTION PLAN",
        "rec_cells": "merge",
        "action_numbers": "prefix",
        "action_prefix_fmt": "({n}) ",
        "reason_in": "row",
        "font_size": 9,
        "header_fill": "FBE4D5",
        "author": "Mercia and Marches CRC",
    },
    recs=[
        RecSpec(
            number="1",
            text=f"{MM} improve the quality of work to manage risk of harm, especially in "
            "domestic abuse cases.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Introduce a domestic abuse practice lead in each of the four clusters, "
                  "with protected time to advise Responsible Officers on complex cases.",
                  "Director of Operations", [o("Director of Operations")],
                  "w/c 5 October 2020", "2020-10-05", "2020-10-11", "planned",
                  expected_number="1a"),
                a("1b", "All Responsible Officers to complete the Domestic Abuse Risk Management "
                  "e-learning and the classroom module.",
                  LDM, [o(LDM)], "October 2020 – March 2021", "2020-10-01", "2021-03-31",
                  "planned"),
                a("1c", "Home visits to be completed in all domestic abuse cases assessed as high "
                  "risk of serious harm within 20 working days of allocation, and recorded as a "
                  "specific contact type.",
                  CM, [o(CM)], "End of April 2021", None, "2021-04-30", "planned"),
            ],
        ),
        RecSpec(
            number="2",
            text=f"{MM} make sure that enough attention is given to the protection of children "
            "in case work.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Child safeguarding checks to be requested for all new cases at the point "
                  "of allocation.",
                  CM, [o(CM)], "Business as usual", None, None, "ongoing",
                  expected_number="2a"),
                a("2b", "Develop a safeguarding practice guide with the four local safeguarding "
                  "partnerships.",
                  HQS, [o(HQS)], "By September 2021", None, "2021-09-30", "planned"),
                a("2c", "Safeguarding audit of 60 cases each quarter, with the outcomes reported "
                  "to the SLT.",
                  f"{HQS}; SLT", [o(HQS), o("SLT")], "October 2020 – March 2021",
                  "2020-10-01", "2021-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text=f"{MM} make sure that through the gate services meet the needs of people "
            "leaving custody, particularly for accommodation.",
            response_raw="Partly agreed",
            response="partly_agreed",
            response_reason="commissioning",
            reason="Partly agreed for commissioning reasons. Through the gate services are "
            "delivered under the contract variation agreed with HMPPS, which does not fund "
            "accommodation provision; the CRC will improve referrals and joint working within "
            "the current contract.",
            actions=[
                a(None, "Agree referral pathways with the eight local housing authorities under "
                  "the duty to refer.",
                  HR, [o(HR)], "End of April 2021", None, "2021-04-30", "planned",
                  expected_number="3a"),
                a("3b", "Resettlement teams to start release planning twelve weeks before release "
                  "for all people with no fixed abode.",
                  HR, [o(HR)], "w/c 5 October 2020", "2020-10-05", "2020-10-11", "planned"),
            ],
        ),
        RecSpec(
            number="4",
            text=f"{MM} improve the management of unpaid work so that individuals complete "
            "their hours promptly.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Restart unpaid work groups in line with the COVID-19 recovery plan, "
                  "prioritising people close to the end of their order.",
                  HCP, [o(HCP)], "October 2020 – March 2021", "2020-10-01", "2021-03-31",
                  "planned", expected_number="4a"),
                a("4b", "Make use of individual placements and remote learning hours, as allowed "
                  "under the exceptional delivery model.",
                  "Community Payback Manager", [o("Community Payback Manager")],
                  "Business as usual", None, None, "ongoing"),
                a("4c", "Monthly monitoring of hours completed against the recovery trajectory, "
                  "reported to the Board.",
                  f"{HCP} / Performance Manager", [o(HCP), o("Performance Manager")],
                  "By September 2021", None, "2021-09-30", "planned"),
            ],
        ),
        RecSpec(
            number="5",
            text=f"{MM} make sure that staff receive effective supervision and that their "
            "workloads are manageable.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Implement the workload measurement tool and review caseloads at the "
                  "monthly SLT meeting.",
                  "SLT", [o("SLT")], "Business as usual", None, None, "ongoing",
                  expected_number="5a"),
                a("5b", "Introduce reflective group supervision for probation services officers "
                  "every six weeks.",
                  f"{CM} and {LDM}", [o(CM), o(LDM)], "End of April 2021",
                  None, "2021-04-30", "planned"),
            ],
        ),
    ],
)

HOYJ = "Head of Youth Justice"
HESW = "Head of Education, Skills and Work"
PCM = "Partnership and Commissioning Manager"


def ex(agency: str, success: str) -> dict[str, str]:
    """The Agency and Success measure cells of an action row."""
    return {"agency": agency, "success": success}


WESTHAVEN = PlanSpec(
    name="westhaven_yjp_2022",
    template="generic",
    title="Westhaven Youth Justice Partnership – Inspection Action Plan",
    organisation="Westhaven Youth Justice Partnership",
    inspectorate="HMI Probation",
    report_published="2022-04-26",
    submitted="2022-06-16",
    front_matter=[
        "# Westhaven Youth Justice Partnership – Inspection Action Plan",
        "Response to HM Inspectorate of Probation: Inspection of youth justice services in "
        "Westhaven. Report published 26 April 2022.",
        "Agreed by the Youth Justice Partnership Board, 16 June 2022",
    ],
    headers=[
        "Rec",
        "Recommendation",
        "Agreed?",
        "Desired outcome",
        "Actions",
        "Agency",
        "Lead",
        "Target",
        "Success measure / evidence",
    ],
    options={
        "columns": [
            "rec_no", "rec_text", "response", "rec_extra:outcome", "action", "extra:agency",
            "owner", "target", "extra:success",
        ],
        "widths": [1.0, 4.0, 1.7, 3.2, 6.0, 2.0, 2.8, 2.0, 3.4],
        "rec_cells": "merge",
        "action_numbers": "prefix",
        "action_prefix_fmt": "{n}) ",
        "reason_in": "first_cell",
        "font_size": 8,
        "margins_cm": 1.5,
        "header_fill": "D9D9D9",
        "page_footer": "Westhaven YJP action plan – page {PAGE}",
        "author": "Westhaven Youth Justice Service",
    },
    recs=[
        RecSpec(
            number="1",
            text="The Youth Justice Partnership Board should make sure that it has a clear "
            "understanding of the needs of children known to the service and holds partners to "
            "account for meeting them.",
            response_raw="Agreed",
            response="agreed",
            extras={"outcome": "Board decisions are informed by data on children's needs and "
                    "partners' contributions."},
            actions=[
                a("a", "Produce a quarterly data pack for the Board, including disproportionality "
                  "and education, health and care data.",
                  f"{HOYJ} / Performance Lead", [o(HOYJ), o("Performance Lead")],
                  "30 June 2022", "2022-06-30", "2022-06-30", "planned",
                  extras=ex("YJS", "Data pack presented at each Board meeting")),
                a("b", "Each partner agency to present an annual report on its contribution to "
                  "youth justice outcomes.",
                  "Chair of the Board", [o("Chair of the Board")], "2022/23",
                  "2022-04-01", "2023-03-31", "planned",
                  extras=ex("All partners", "Reports received from police, health, education "
                            "and children's services")),
            ],
        ),
        RecSpec(
            number="2",
            text="The service should improve the quality of planning to keep children safe and "
            "to manage the risk they present to others.",
            response_raw="Agreed",
            response="agreed",
            extras={"outcome": "Plans address safety and wellbeing and risk of harm, with clear "
                    "contingency arrangements."},
            actions=[
                a("a", "Deliver planning workshops for all case managers, followed by "
                  "individual practice observations.",
                  "Operational Manager; Senior Practitioner",
                  [o("Operational Manager"), o("Senior Practitioner")], "September 2022",
                  "2022-09-01", "2022-09-30", "planned",
                  extras=ex("YJS", "All case managers attended; observation records on file")),
                a("b", "Joint risk management meetings with the police for all children assessed "
                  "as high risk of serious harm.",
                  "Operational Manager and Police Youth Justice Sergeant",
                  [o("Operational Manager"), o("Police Youth Justice Sergeant")], "Ongoing",
                  None, None, "ongoing",
                  extras=ex("YJS / Police", "Meeting minutes; audit of 20 cases")),
                a("c", "Monthly audit of plans against the inspection standards.",
                  "Quality Assurance Lead", [o("Quality Assurance Lead")], "Q2 2022/23",
                  "2022-07-01", "2022-09-30", "planned",
                  extras=ex("YJS", "80% of audited plans rated sufficient")),
            ],
        ),
        RecSpec(
            number="3",
            text="The partnership should make sure that children have timely access to "
            "education, training and employment, and to speech and language and mental health "
            "services.",
            response_raw="Partly agreed",
            response="partly_agreed",
            response_reason="commissioning",
            reason="Partly agreed: the partnership will improve access to education and to "
            "speech and language support. Child and adolescent mental health services are "
            "commissioned by the Integrated Care Board, and waiting times are outside the "
            "partnership's control.",
            extras={"outcome": "Children are in suitable education and their communication "
                    "needs are known and met."},
            actions=[
                a("a", "Second an education worker to the service from the local authority's "
                  "inclusion team.",
                  HESW, [o(HESW)], "December 2022", "2022-12-01", "2022-12-31", "planned",
                  extras=ex("Education", "Worker in post; attendance data for all children")),
                a("b", "Commission a speech and language therapist for two days a week.",
                  f"{PCM} and Health Lead", [o(PCM), o("Health Lead")], "Complete",
                  None, None, "completed",
                  extras=ex("Health (ICB)", "Therapist in post since May 2022")),
                a("c", "Agree a fast-track consultation route with CAMHS for children open to the "
                  "service.",
                  "Health Lead and CAMHS Manager", [o("Health Lead"), o("CAMHS Manager")],
                  "September 2022", "2022-09-01", "2022-09-30", "planned",
                  extras=ex("Health (ICB)", "Consultation within 10 working days of referral")),
            ],
        ),
        RecSpec(
            number="4",
            text="Children's Services should make sure that children in care who are known to "
            "the service have stable placements and are not criminalised for behaviour in their "
            "placement.",
            response_raw="Agreed",
            response="agreed",
            extras={"outcome": "Fewer children in care are charged for incidents in their "
                    "placement."},
            actions=[
                a("a", "Adopt the national protocol on reducing the criminalisation of looked "
                  "after children, and train residential staff in its use.",
                  "Head of Children's Services / Head of Youth Justice",
                  [o("Head of Children's Services"), o(HOYJ)], "December 2022",
                  "2022-12-01", "2022-12-31", "planned",
                  extras=ex("Children's Services", "Protocol signed; training records")),
                a("b", "Review every police call-out to a children's home at the monthly "
                  "placement stability meeting.",
                  "Service Manager, Children in Care", [o("Service Manager, Children in Care")],
                  "Ongoing", None, None, "ongoing",
                  extras=ex("Children's Services / Police", "Call-outs reduced by a quarter")),
            ],
        ),
        RecSpec(
            number="5",
            text="The service should make sure that victims are offered the opportunity to "
            "take part in restorative justice and that their safety is considered in all "
            "relevant cases.",
            response_raw="Agreed",
            response="agreed",
            extras={"outcome": "Every identified victim is contacted and their views shape "
                    "the child's plan."},
            actions=[
                a("a", "Recruit a second victim liaison officer so that all victims are "
                  "contacted within ten working days of the YJS receiving the case.",
                  HOYJ, [o(HOYJ)], "Q2 2022/23", "2022-07-01", "2022-09-30", "planned",
                  extras=ex("YJS", "Contact within 10 working days in 90% of cases")),
                a("b", "Include a victim safety section in the case planning template, "
                  "completed in every case with an identified victim, and check its use "
                  "through the monthly audit. Case managers will be briefed at the team "
                  "development day, and the Victim Liaison Officer will attend planning "
                  "meetings for children who have harmed family members or partners.",
                  "Operational Manager / Victim Liaison Officer",
                  [o("Operational Manager"), o("Victim Liaison Officer")], "August 2022",
                  "2022-08-01", "2022-08-31", "planned",
                  extras=ex("YJS", "Victim safety section completed in all audited cases")),
                a("c", "Report restorative justice take-up and victim satisfaction to the "
                  "Board twice a year.",
                  "Restorative Justice Coordinator", [o("Restorative Justice Coordinator")],
                  "2022/23", "2022-04-01", "2023-03-31", "planned",
                  extras=ex("YJS", "Six-monthly report; victim survey results")),
            ],
        ),
    ],
)

SPECS = [MERCIA, WESTHAVEN]
