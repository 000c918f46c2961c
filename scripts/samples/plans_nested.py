"""Plans whose actions are a table nested in the outer row's actions cell (``render_nested``).

- ``nested_ashcombe_pdu_2023``: probation delivery unit, landscape; outer ``No. |
  Recommendation | Agreed / Partly agreed / Not agreed | Actions``; every actions cell holds a
  ruled ``Action | Owner | Target date`` table with its own header row; a partly agreed reason
  above the inner table; a not agreed recommendation with no inner table.
- ``nested_hmp_redbrook_2022``: prison, portrait; outer ``Ref | Recommendation | Response |
  Action plan``; the inner columns ``No. | Actions to be taken | Lead officer | Timescale``
  are named once, by a table nested in the outer header row, and the body's inner tables have
  no header of their own; inner tables ruled by horizontal lines only.

Organisations are fictional. Every expected value is typed by hand: month → whole month;
day → that day; "By/End of X" → start null, end last day; Q3 2022/23 → 2022-10-01..2022-12-31;
Completed → completed, Ongoing → ongoing (no dates); a bare date → planned.
"""

from __future__ import annotations

from scripts.samples.plans_common import a, o
from scripts.samples.spec import PlanSpec, RecSpec

HOS = "Head of Service"
QDM = "Quality Development Manager"
SPO = "Senior Probation Officer (Ruth Ames)"
SPO_OWNER = o(SPO, role="Senior Probation Officer", person="Ruth Ames")
PM = "Performance Manager"

ASHCOMBE = PlanSpec(
    name="nested_ashcombe_pdu_2023",
    template="nested_actions",
    title="Action Plan: Ashcombe Probation Delivery Unit",
    organisation="Ashcombe Probation Delivery Unit",
    inspectorate="HMI Probation",
    report_published="2023-02-14",
    submitted="2023-03-28",
    front_matter=[
        "# Action Plan: Ashcombe Probation Delivery Unit",
        "A Response to the HMI Probation Inspection: Ashcombe Probation Delivery Unit",
        "Report Published: 14 February 2023",
        "Action Plan Submitted: 28 March 2023",
        "Each recommendation is answered below. The actions that address it, with the owner "
        "and the target date of each, are listed in the table within its row.",
    ],
    headers=["No.", "Recommendation", "Agreed / Partly agreed / Not agreed", "Actions"],
    options={
        "outer": ["rec_no", "rec_text", "response", "actions"],
        "widths": [1.2, 7.0, 2.8, 14.6],
        "inner": ["action", "owner", "target"],
        "inner_headers": ["Action", "Owner", "Target date"],
        "inner_widths": [8.6, 3.4, 2.3],
        "inner_header": "every",
        "reason_above": True,
        "font": "Arial",
        "font_size": 10,
        "header_fill": "D9E2F3",
        "page_footer": "Ashcombe PDU action plan – page {PAGE}",
        "author": "Ashcombe PDU",
    },
    recs=[
        RecSpec(
            number="1",
            text="The Head of Service should improve the quality of assessment and planning "
            "for keeping people safe, so that it draws on all the information held by the "
            "police and children's social care.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Deliver a risk of serious harm workshop to every practitioner and "
                  "manager in the unit.", QDM, [o(QDM)], "June 2023", "2023-06-01",
                  "2023-06-30", "planned"),
                a(None, "Introduce a domestic abuse and safeguarding enquiry check at the "
                  "point of allocation for all new cases.", SPO, [SPO_OWNER], "31 May 2023",
                  "2023-05-31", "2023-05-31", "planned"),
                a(None, "Audit twenty cases each quarter against the assessment standard and "
                  "report the results to the senior leadership team.", PM, [o(PM)],
                  "Q2 2023/24", "2023-07-01", "2023-09-30", "planned"),
            ],
        ),
        RecSpec(
            number="2",
            text="The Head of Service should make sure that home visits are carried out in "
            "all cases where there are child safeguarding or domestic abuse concerns.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Issue guidance on when a home visit is required and how it is "
                  "recorded.", HOS, [o(HOS)], "Completed", None, None, "completed"),
                a(None, "Add home visits to the monthly supervision checklist for every "
                  "practitioner.", "Senior Probation Officers",
                  [o("Senior Probation Officers")], "April 2023", "2023-04-01",
                  "2023-04-30", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text="The Head of Service should provide enough accredited programmes and "
            "structured interventions to meet the needs of people on probation.",
            response_raw="Partly agreed",
            response="partly_agreed",
            reason="The range of accredited programmes is commissioned nationally; the unit "
            "will act on the interventions it can deliver locally.",
            response_reason="commissioning",
            actions=[
                a(None, "Map the waiting list for each structured intervention and share it "
                  "with the regional commissioning team.", PM, [o(PM)], "By July 2023", None,
                  "2023-07-31", "planned"),
                a(None, "Train four more facilitators for the Building Better Relationships "
                  "programme.", "Programmes Manager", [o("Programmes Manager")],
                  "December 2023", "2023-12-01", "2023-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="4",
            text="The Head of Service should open a second reporting centre in the north of "
            "the county.",
            response_raw="Not agreed",
            response="not_agreed",
            reason="A second building is not affordable within the estates budget for "
            "2023/24; outreach sessions in community venues will be reviewed instead.",
            response_reason="affordability",
            actions=[],
        ),
        RecSpec(
            number="5",
            text="The Head of Service should make sure that staff receive regular, good-quality "
            "management oversight of their cases.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Set a standard of one recorded case discussion a month for every "
                  "practitioner.", HOS, [o(HOS)], "Ongoing", None, None, "ongoing"),
                a(None, "Check the standard is met in the quarterly performance report.", PM,
                  [o(PM)], "End of September 2023", None, "2023-09-30", "planned"),
            ],
        ),
    ],
)

GOV = "Deputy Governor"
HOSC = "Head of Safer Custody"
HOE = "Head of Education, Skills and Work"
HOR = "Head of Reducing Reoffending"

REDBROOK = PlanSpec(
    name="nested_hmp_redbrook_2022",
    template="nested_actions",
    title="HMP Redbrook – Action Plan",
    organisation="HMP Redbrook",
    inspectorate="HMI Prisons",
    report_published="2022-09-06",
    submitted="2022-10-18",
    front_matter=[
        "# HMP Redbrook – Action Plan",
        "Report on an unannounced inspection of HMP Redbrook by HM Chief Inspector of Prisons",
        "Report published: 6 September 2022",
        "Action plan agreed: 18 October 2022",
    ],
    headers=["Ref", "Recommendation", "Response", "Action plan"],
    options={
        "orientation": "portrait",
        "margins_cm": 1.5,
        "outer": ["rec_no", "rec_text", "response", "actions"],
        "widths": [1.2, 4.6, 2.0, 10.2],
        "inner": ["action_no", "action", "owner", "target"],
        "inner_headers": ["No.", "Actions to be taken", "Lead officer", "Timescale"],
        "inner_widths": [0.8, 4.9, 2.3, 2.0],
        "inner_header": "outer",
        "inner_borders": "horizontal",
        "action_no_fmt": "{n}",
        "font": "Arial",
        "font_size": 9,
        "header_fill": "E2EFD9",
        "page_footer": "HMP Redbrook action plan {PAGE}",
        "author": "HMP Redbrook",
    },
    recs=[
        RecSpec(
            number="1.12",
            text="Leaders should make sure that all prisoners at risk of self-harm are "
            "supported by well-planned case reviews that include health care staff.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Hold every ACCT case review with a member of the health care team.",
                  HOSC, [o(HOSC)], "November 2022", "2022-11-01", "2022-11-30", "planned"),
                a("2", "Quality assure ten ACCT documents a month and feed back to case "
                  "managers.", HOSC, [o(HOSC)], "Ongoing", None, None, "ongoing"),
                a("3", "Refresh case manager training for all residential managers.",
                  "Safer Custody Manager", [o("Safer Custody Manager")], "Q4 2022/23",
                  "2023-01-01", "2023-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="1.27",
            text="Leaders should reduce the number of prisoners locked in their cells during "
            "the working day.",
            response_raw="Partly agreed",
            response="partly_agreed",
            reason="Staffing levels set nationally limit the regime; the prison will increase "
            "activity places within its staffing.",
            response_reason="operational",
            actions=[
                a("1", "Open a second workshop shift in the textiles and waste management "
                  "workshops.", HOE, [o(HOE)], "January 2023", "2023-01-01", "2023-01-31",
                  "planned"),
                a("2", "Publish a daily unlock list so that every wing runs the agreed regime.",
                  GOV, [o(GOV)], "Completed", None, None, "completed"),
            ],
        ),
        RecSpec(
            number="2.4",
            text="Prisoners should have timely access to resettlement help with housing, "
            "finance and employment before release.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Start resettlement planning twelve weeks before each release date.",
                  HOR, [o(HOR)], "December 2022", "2022-12-01", "2022-12-31", "planned"),
                a("2", "Agree a referral route with the local housing authority for prisoners "
                  "with no fixed address.", HOR, [o(HOR)], "By March 2023", None, "2023-03-31",
                  "planned"),
                a("3", "Run monthly employment fairs with local employers.",
                  "Employment Hub Lead", [o("Employment Hub Lead")], "February 2023",
                  "2023-02-01", "2023-02-28", "planned"),
            ],
        ),
        RecSpec(
            number="3.8",
            text="Leaders should make sure that prisoners can see a dentist within six weeks "
            "of asking.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Commission two extra dental sessions a week until the waiting list is "
                  "below six weeks.", "Head of Healthcare", [o("Head of Healthcare")],
                  "April 2023", "2023-04-01", "2023-04-30", "planned"),
            ],
        ),
        RecSpec(
            number="3.15",
            text="Leaders should improve the range and quality of education, skills and work "
            "activities so that they meet the needs of the population, including prisoners "
            "serving long sentences and those with additional learning needs.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Complete a needs analysis of the population with the education "
                  "provider and the careers information service.", HOE, [o(HOE)],
                  "December 2022", "2022-12-01", "2022-12-31", "planned"),
                a("2", "Introduce level 2 qualifications in the kitchens, gardens and "
                  "industrial cleaning workshops.", HOE, [o(HOE)], "By June 2023", None,
                  "2023-06-30", "planned"),
                a("3", "Appoint a neurodiversity support manager and screen every new arrival "
                  "for additional learning needs.", GOV, [o(GOV)], "March 2023", "2023-03-01",
                  "2023-03-31", "planned"),
                a("4", "Set up a distance learning room for prisoners serving long sentences, "
                  "with weekly tutor support.", "Education Manager", [o("Education Manager")],
                  "Q1 2023/24", "2023-04-01", "2023-06-30", "planned"),
            ],
        ),
        RecSpec(
            number="4.3",
            text="Leaders should make sure that every prisoner has a visit from family within "
            "the first two weeks of arrival.",
            response_raw="Not agreed",
            response="not_agreed",
            reason="The visits hall cannot open on extra days within the current budget; "
            "video calls are offered to new arrivals instead.",
            response_reason="affordability",
            actions=[],
        ),
        RecSpec(
            number="4.9",
            text="Leaders should improve the support given to prisoners to keep in touch with "
            "their children and families.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Run a monthly family day with a children's play area.",
                  "Family Services Manager", [o("Family Services Manager")], "Ongoing", None,
                  None, "ongoing"),
                a("2", "Train wing staff to refer prisoners to the family support worker.",
                  HOR, [o(HOR)], "January 2023", "2023-01-01", "2023-01-31", "planned"),
            ],
        ),
    ],
)

SPECS = [ASHCOMBE, REDBROOK]
