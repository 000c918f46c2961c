"""Youth justice plans: a borderless plan ruled by horizontal lines with a progress column and
no agreement column, and a portrait plan with bulleted actions and owners shared by the row.
"""

from __future__ import annotations

from scripts.samples.plans_common import a, o
from scripts.samples.spec import PlanSpec, RecSpec

SW = "Sarah Whitfield, Head of Service"
SW_OWNER = o(SW, role="Head of Service", person="Sarah Whitfield")
SWB = "Head of Service (Sarah Whitfield)"
SWB_OWNER = o(SWB, role="Head of Service", person="Sarah Whitfield")
SF = "Service Manager (SF)"
SF_OWNER = o(SF, role="Service Manager", person="SF")
DO = "Daniel Osei – Education Lead"
DO_OWNER = o(DO, role="Education Lead", person="Daniel Osei")


def p(text: str) -> dict[str, str]:
    """Progress update column text."""
    return {"progress": text}


KINGSMERE = PlanSpec(
    name="kingsmere_yjs_2021",
    template="generic",
    title="Post-inspection improvement plan",
    organisation="Kingsmere Youth Justice Service",
    inspectorate="HMI Probation",
    report_published="2021-09-02",
    submitted="2021-10-14",
    front_matter=[
        "## Kingsmere Youth Justice Service",
        "# Post-inspection improvement plan",
        "Inspection of youth offending services in Kingsmere — HM Inspectorate of Probation. "
        "Report published 2 September 2021.",
        "Plan agreed by the management board on 14 October 2021",
        "The inspectorate recommended that Kingsmere Youth Justice Service should:",
    ],
    headers=[
        "Area requiring improvement (Recommendations)",
        "Action Required",
        "Lead Officer / Agency",
        "Deadline",
        "Progress update",
    ],
    options={
        "columns": ["rec_text", "action", "owner", "target", "extra:progress"],
        "widths": [6.4, 8.6, 4.2, 2.6, 4.4],
        "rec_cells": "merge",
        "rec_no_in_text": "{n}. ",
        "action_numbers": "none",
        "borders": "horizontal",
        "font": "Calibri",
        "font_size": 11,
        "author": "Kingsmere YJS",
    },
    recs=[
        RecSpec(
            number="1",
            text="Improve the quality of work to keep other people safe, making sure that "
            "assessments analyse all relevant information and that plans include specific "
            "contingency arrangements.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Deliver AssetPlus refresher training for all case managers, focusing on "
                  "the analysis of risk of harm to others and on contingency planning.",
                  SW, [SW_OWNER], "December 2021", "2021-12-01", "2021-12-31", "planned",
                  extras=p("Complete – training delivered to 18 case managers")),
                a(None, "Introduce monthly case audits by team managers using the HMI Probation "
                  "standards, with results reported to the management board quarterly.",
                  SF, [SF_OWNER], "31 January 2022", "2022-01-31", "2022-01-31", "planned",
                  extras=p("Complete – audit presented to board")),
                a(None, "Establish a risk and safety panel chaired by the Service Manager to "
                  "review all children assessed as high or very high risk of serious harm to "
                  "others.",
                  SF, [SF_OWNER], "November 2021", "2021-11-01", "2021-11-30", "planned",
                  extras=p("Panel meeting fortnightly since 3 November")),
            ],
        ),
        RecSpec(
            number="2",
            text="Make sure that children's education, training and employment needs are "
            "assessed and met, working with schools and the local authority's inclusion "
            "service.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Agree an information-sharing protocol with the education inclusion "
                  "service so that attendance and exclusion data are available for every child "
                  "at the start of their order.",
                  DO, [DO_OWNER], "January 2022", "2022-01-01", "2022-01-31", "planned",
                  extras=p("Draft protocol with legal services for sign-off")),
                a(None, "Education Lead to attend the Fair Access Panel and the Children Missing "
                  "Education panel.",
                  DO, [DO_OWNER], "Ongoing", None, None, "ongoing",
                  extras=p("Attending since September 2021")),
                a(None, "Screen all children for speech, language and communication needs at the "
                  "start of their intervention, and share the results with schools.",
                  f"{SWB}\nSpeech and Language Therapist",
                  [SWB_OWNER, o("Speech and Language Therapist")], "March 2022",
                  "2022-03-01", "2022-03-31", "planned", extras=p("")),
            ],
        ),
        RecSpec(
            number="3",
            text="Strengthen the management board's understanding of the service's performance "
            "and of children's experiences, by making better use of data and of the views of "
            "children and their parents or carers.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Develop a quarterly performance report for the board covering "
                  "first-time entrants, reoffending, use of custody, disproportionality and the "
                  "quality of practice.",
                  "Performance and Information Officer",
                  [o("Performance and Information Officer")], "Q3 2021/22",
                  "2021-10-01", "2021-12-31", "planned",
                  extras=p("First report presented in December")),
                a(None, "Board members to take part in observations of practice and to meet "
                  "children and parents at least twice a year.",
                  "Chair of the Management Board", [o("Chair of the Management Board")],
                  "2022/23", "2022-04-01", "2023-03-31", "planned", extras=p("")),
            ],
        ),
        RecSpec(
            number="4",
            text="Improve the quality of out-of-court disposal work, including the joint "
            "decision-making process with the police.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Revise the out-of-court disposal policy with Kingsmere Police, including "
                  "the criteria for Youth Conditional Cautions and for Outcome 22.",
                  f"{SWB}\nKingsmere Police", [SWB_OWNER, o("Kingsmere Police")],
                  "End of January 2022", None, "2022-01-31", "planned",
                  extras=p("Policy agreed by joint decision-making panel")),
                a(None, "Complete a full assessment for every child considered for an "
                  "out-of-court disposal, and review its quality through the scrutiny panel.",
                  SF, [SF_OWNER], "February 2022", "2022-02-01", "2022-02-28", "planned",
                  extras=p("")),
            ],
        ),
        RecSpec(
            number="5",
            text="Make sure that the service's work to promote children's safety and wellbeing "
            "is effective, particularly for children at risk of exploitation.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Case managers to attend all strategy meetings and multi-agency child "
                  "exploitation meetings for children open to the service.",
                  "Team Manager", [o("Team Manager")], "Ongoing", None, None, "ongoing",
                  extras=p("In place")),
                a(None, "Jointly review, with children's social care, the cases of all children "
                  "open to both services who are at risk of criminal exploitation.",
                  f"{SWB}\nHead of Children's Social Care",
                  [SWB_OWNER, o("Head of Children's Social Care")], "15 December 2021",
                  "2021-12-15", "2021-12-15", "planned",
                  extras=p("Complete – 23 joint reviews held")),
            ],
        ),
        RecSpec(
            number="6",
            text="Review resettlement policy and practice so that children leaving custody have "
            "suitable accommodation and education arranged before their release.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Write a resettlement policy, agreed with the local authority housing and "
                  "education teams, that sets out timescales for release planning.",
                  SF, [SF_OWNER], "March 2022", "2022-03-01", "2022-03-31", "planned",
                  extras=p("")),
                a(None, "Make sure accommodation is confirmed at least 14 days before release for "
                  "every child in custody, with escalation to the Head of Service when it is "
                  "not.",
                  "Seconded Probation Officer / Team Manager",
                  [o("Seconded Probation Officer"), o("Team Manager")], "Business as usual",
                  None, None, "ongoing", extras=p("")),
            ],
        ),
    ],
)

AK = "Head of Youth Justice Services (Amira Khan)"
AK_OWNER = o(AK, role="Head of Youth Justice Services", person="Amira Khan")
OPQA = "YOT Operational Manager and Quality Assurance Lead"
OPQA_OWNERS = [o("YOT Operational Manager"), o("Quality Assurance Lead")]
PV = "Partnership Manager; Virtual School Head"
PV_OWNERS = [o("Partnership Manager"), o("Virtual School Head")]


def shared(
    texts: list[str], owners_raw: str, owners: list, target_raw: str, start, end, status
) -> list:
    """Bulleted actions of one row that share its owner and target cells."""
    return [
        a(None, t, owners_raw, owners, target_raw, start, end, status) for t in texts
    ]


EASTBROOK = PlanSpec(
    name="eastbrook_yot_2022",
    template="generic",
    title="Eastbrook YOT Inspection Improvement Plan",
    organisation="Eastbrook Youth Offending Team",
    inspectorate="HMI Probation",
    report_published="2021-11-18",
    submitted="2022-01-20",
    front_matter=[
        "# Eastbrook YOT Inspection Improvement Plan",
        "Eastbrook Youth Offending Team",
        "HM Inspectorate of Probation – Inspection of youth offending services in Eastbrook",
        "Report published: 18 November 2021",
        "Improvement plan approved by the Youth Justice Partnership Board: 20 January 2022",
    ],
    headers=["No.", "Recommendation", "Agreed / Not agreed", "Actions", "Owner", "Target"],
    options={
        "orientation": "portrait",
        "margins_cm": 1.6,
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target"],
        "widths": [1.0, 4.4, 1.8, 5.8, 2.8, 2.0],
        "layout": "per_rec",
        "rec_no_fmt": "{n}.",
        "action_numbers": "bullet",
        "font": "Arial",
        "font_size": 9,
        "header_fill": "E2EFD9",
        "page_footer": "Eastbrook YOT – improvement plan – {PAGE}",
        "author": "Eastbrook YOT",
    },
    recs=[
        RecSpec(
            number="1",
            text="The YOT management board should make sure that it understands the needs of "
            "the children supervised by the service and that partner agencies provide the "
            "services those children need.",
            response_raw="Agreed",
            response="agreed",
            options={"shared": True},
            actions=shared(
                [
                    "Commission a needs analysis of the current caseload covering education, "
                    "health, speech and language, care status and exploitation.",
                    "Each board member to report at every meeting on their agency's contribution "
                    "to the YOT, against an agreed set of measures.",
                    "Refresh the board's terms of reference and induction pack for new members.",
                ],
                AK, [AK_OWNER], "Q4 2021/22", "2022-01-01", "2022-03-31", "planned",
            ),
        ),
        RecSpec(
            number="2",
            text="The YOT should improve the quality of its assessment and planning for "
            "children's safety and wellbeing and for the risk they pose to others.",
            response_raw="Agreed",
            response="agreed",
            options={"shared": True},
            actions=shared(
                [
                    "Deliver whole-team training on safety and wellbeing and risk of harm "
                    "assessment, using anonymised Eastbrook cases.",
                    "Introduce a countersigning requirement for all assessments rated medium or "
                    "above for safety and wellbeing or risk of harm to others.",
                    "Quality Assurance Lead to audit ten cases a month and report themes to the "
                    "operational management meeting.",
                ],
                OPQA, OPQA_OWNERS, "March 2022", "2022-03-01", "2022-03-31", "planned",
            ),
        ),
        RecSpec(
            number="3",
            text="The YOT should work with schools and the Virtual School to improve the "
            "education offer for children who are excluded or on reduced timetables.",
            response_raw="Agreed",
            response="agreed",
            options={"shared": True},
            actions=shared(
                [
                    "Agree a protocol with the Virtual School for children looked after who are "
                    "known to the YOT, including attendance at personal education plan meetings.",
                    "Report monthly to the board on the number of YOT children on reduced "
                    "timetables or excluded.",
                ],
                PV, PV_OWNERS, "January – March 2022", "2022-01-01", "2022-03-31", "planned",
            ),
        ),
        RecSpec(
            number="4",
            text="The YOT should make sure that all reparation is delivered directly to "
            "victims, rather than through community projects.",
            response_raw="Not agreed",
            response="not_agreed",
            response_reason="policy",
            reason="Most victims in Eastbrook do not wish to take part in direct reparation, and "
            "national restorative justice policy is that reparation is victim-led. The YOT will "
            "continue to offer direct reparation to every victim who wants it and to use "
            "community projects chosen with victims' views in mind.",
            actions=[],
        ),
        RecSpec(
            number="5",
            text="The YOT should make sure that children's diversity needs, including their "
            "ethnicity, are considered in assessment and in the delivery of interventions.",
            response_raw="Agreed",
            response="agreed",
            options={"shared": True},
            actions=shared(
                [
                    "Add a diversity and identity prompt to the case planning template and to "
                    "the supervision agenda.",
                    "Analyse outcomes for Black and mixed heritage children against the whole "
                    "caseload and report to the board twice a year.",
                    "Provide training for all staff on adultification and unconscious bias.",
                ],
                "YOT Operational Manager", [o("YOT Operational Manager")], "Q1 2022/23",
                "2022-04-01", "2022-06-30", "planned",
            ),
        ),
    ],
)

SPECS = [KINGSMERE, EASTBROOK]
