"""Owner cells, plain-English headers and answers as real plans write them (issue 8).

Two plans with new content: a youth service plan headed "What we will do | Led by | By when |
How we will know it has worked", whose owner cells stack several owners one per paragraph in
a narrow column (so the PDF wraps some of them and not others), with revised target dates and
bullets inside an action; and a prison plan whose partly and not accepted answers give reasons
over two paragraphs, named outright ("on grounds of affordability", "not affordable").
Every expected value below is typed from a reading of the documents.
"""

from __future__ import annotations

from scripts.samples.plans_common import a, o
from scripts.samples.spec import PlanSpec, RecSpec


def m(text: str) -> dict[str, str]:
    """'How we will know it has worked' column text."""
    return {"measure": text}


LARCHFIELD = PlanSpec(
    name="larchfield_yjs_2020",
    template="generic",
    title="Youth Justice Improvement Plan",
    organisation="Larchfield Youth Justice Service",
    inspectorate="HMI Probation",
    report_published="2020-11-12",
    submitted="2020-12-17",
    front_matter=[
        "## Larchfield Youth Justice Service",
        "# Youth Justice Improvement Plan",
        "Inspection of youth offending services in Larchfield — HM Inspectorate of Probation. "
        "Report published 12 November 2020.",
        "Plan agreed by the youth justice partnership board on 17 December 2020",
        "The inspectorate recommended that Larchfield Youth Justice Service should:",
    ],
    headers=["Recommendation", "What we will do", "Led by", "By when",
             "How we will know it has worked"],
    options={
        "columns": ["rec_text", "action", "owner", "target", "extra:measure"],
        "widths": [6.2, 8.4, 3.3, 3.4, 4.6],
        "rec_cells": "merge",
        "rec_no_in_text": "{n}. ",
        "action_numbers": "none",
        "header_fill": "DDEBF7",
        "font_size": 10,
        "author": "Larchfield YJS",
    },
    recs=[
        RecSpec(
            number="1",
            text="Improve the quality of assessment and planning for keeping other people "
            "safe, so that risks from children in custody and on release are understood.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Agree with the secure estate a joint review of every child's risk "
                  "assessment one month before release.",
                  "Head of Security\nHead of Operations",
                  [o("Head of Security"), o("Head of Operations")],
                  "Delayed due to COVID-19 – revised date March 2021",
                  "2021-03-01", "2021-03-31", "planned",
                  extras=m("Every release has a joint review on file")),
                a(None, "Review all case audits each quarter, including: • cases open to "
                  "children's social care; • cases with a high risk of serious harm.",
                  "Tom Hargreaves, Heads of Area\nSarah Whitfield, Business Support Manager",
                  [o("Tom Hargreaves, Heads of Area", role="Heads of Area",
                     person="Tom Hargreaves"),
                   o("Sarah Whitfield, Business Support Manager",
                     role="Business Support Manager", person="Sarah Whitfield")],
                  "Quarterly", None, None, "ongoing",
                  extras={"measure": "Audit reports to the board each quarter",
                          "_paragraphs": "Review all case audits each quarter, including:\n"
                          "• cases open to children's social care;\n"
                          "• cases with a high risk of serious harm."}),
                a(None, "Run refresher training on contingency planning for all case "
                  "managers.",
                  "Operations Managers (SF), (CD)",
                  [o("Operations Managers (SF)", role="Operations Managers", person="SF"),
                   o("(CD)", role="Operations Managers", person="CD")],
                  "December 2020 – now June 2021", "2021-06-01", "2021-06-30", "planned",
                  extras=m("All case managers trained; audit shows plans name contingencies")),
            ],
        ),
        RecSpec(
            number="2",
            text="Make sure that work with children at risk of exploitation is joined up "
            "with children's social care and the police.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Set up a weekly exploitation meeting chaired jointly with the police.",
                  "Deputy Director, Probation Practice",
                  [o("Deputy Director, Probation Practice")],
                  "January 2021", "2021-01-01", "2021-01-31", "planned",
                  extras=m("Meeting minutes show every child at risk discussed")),
                a(None, "Share the service's list of children at risk with the police and "
                  "children's social care every week.",
                  "Senior Probation Officers\nDirector of Operations",
                  [o("Senior Probation Officers"), o("Director of Operations")],
                  "February 2021", "2021-02-01", "2021-02-28", "planned",
                  extras=m("")),
                a(None, "Agree an information-sharing protocol covering missing episodes.",
                  "Head of Offender Management Delivery\nHead of Reducing Reoffending",
                  [o("Head of Offender Management Delivery"),
                   o("Head of Reducing Reoffending")],
                  "31/03/2021", "2021-03-31", "2021-03-31", "planned",
                  extras=m("Protocol signed by all three agencies")),
            ],
        ),
        RecSpec(
            number="3",
            text="Improve the health offer for children, including speech and language "
            "screening and access to mental health support.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Commission speech and language screening for every child at the start "
                  "of an order.",
                  "Healthcare / NHS England commissioners",
                  [o("Healthcare"), o("NHS England commissioners")],
                  "Q4 2020/21", "2021-01-01", "2021-03-31", "planned",
                  extras=m("Screening recorded for 90% of new orders")),
                a(None, "Place a mental health practitioner in the service two days a week.",
                  "Quality Assurance Lead\nDirector of Operations",
                  [o("Quality Assurance Lead"), o("Director of Operations")],
                  "April 2021", "2021-04-01", "2021-04-30", "planned",
                  extras=m("")),
                a(None, "Train all case managers to recognise unmet health needs and refer "
                  "children to the right service.",
                  "Heads of Local Delivery Units", [o("Heads of Local Delivery Units")],
                  "Completed", None, None, "completed",
                  extras=m("Training records")),
            ],
        ),
        RecSpec(
            number="4",
            text="Strengthen the partnership board's oversight of education, training and "
            "employment for children open to the service.",
            response_raw=None,
            response=None,
            actions=[
                a(None, "Report school attendance and exclusions for children open to the "
                  "service to every board meeting.",
                  "Youth Justice Service Manager (Priya Nair)\n"
                  "Head of Education, Skills and Work",
                  [o("Youth Justice Service Manager (Priya Nair)",
                     role="Youth Justice Service Manager", person="Priya Nair"),
                   o("Head of Education, Skills and Work")],
                  "March 2021 – extended to end of June 2021", None, "2021-06-30", "planned",
                  extras=m("Board minutes record the report each quarter")),
                a(None, "Agree a joint plan with the virtual school for every child in care "
                  "who is out of education.",
                  "Children's Social Care Team Manager / Police Liaison Officer",
                  [o("Children's Social Care Team Manager"), o("Police Liaison Officer")],
                  "Ongoing", None, None, "ongoing",
                  extras=m("No child in care out of education for more than four weeks")),
            ],
        ),
    ],
)

FENWICK = PlanSpec(
    name="hmp_fenwick_2020",
    template="generic",
    title="HMP Fenwick Action Plan",
    organisation="HMP Fenwick",
    inspectorate="HMI Prisons",
    report_published="2020-09-08",
    submitted="2020-10-20",
    front_matter=[
        "# HMP Fenwick Action Plan",
        "Report on an unannounced inspection of HMP Fenwick by HM Chief Inspector of Prisons. "
        "Report published 8 September 2020.",
        "Action plan submitted 20 October 2020",
    ],
    headers=["No.", "Recommendation", "Accepted / Partly accepted / Not accepted", "Actions",
             "Owner", "Target date"],
    options={
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target"],
        "widths": [1.3, 6.4, 2.8, 8.6, 3.6, 3.2],
        "rec_cells": "merge",
        "action_numbers": "none",
        "header_fill": "E2EFDA",
        "font_size": 10,
        "author": "HMP Fenwick",
    },
    recs=[
        RecSpec(
            number="1",
            text="Prisoners should have at least ten hours a day out of their cells, with "
            "evening association every day.",
            response_raw="Partly accepted",
            response="partly_agreed",
            reason="Evening association on every wing cannot be funded within the current "
            "staffing budget, so that part is not agreed on grounds of affordability.\n"
            "This is because the prison's detailed profile for 2020-21 is fixed until April "
            "2021.",
            response_reason="affordability",
            options={},
            actions=[
                a(None, "Introduce evening association on two wings each evening on a rota.",
                  "Head of Residence\nHead of Safer Custody",
                  [o("Head of Residence"), o("Head of Safer Custody")],
                  "January 2021", "2021-01-01", "2021-01-31", "planned"),
                a(None, "Publish a core day that gives every prisoner at least eight hours out "
                  "of cell.",
                  "Governor\nDeputy Governor", [o("Governor"), o("Deputy Governor")],
                  "31/03/2021", "2021-03-31", "2021-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="2",
            text="Use of force should be reviewed routinely by managers, with body-worn "
            "camera footage checked in every case.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a(None, "Review all use of force incidents each month, including: • every "
                  "incident where batons were drawn; • every planned removal from a cell.",
                  "Custodial Manager (Paul Reid)",
                  [o("Custodial Manager (Paul Reid)", role="Custodial Manager",
                     person="Paul Reid")],
                  "Monthly", None, None, "ongoing",
                  extras={"_paragraphs": "Review all use of force incidents each month, "
                          "including:\n• every incident where batons were drawn;\n"
                          "• every planned removal from a cell."}),
                a(None, "Issue body-worn cameras to every officer on residential units.",
                  "Head of Security\nHead of Operations",
                  [o("Head of Security"), o("Head of Operations")],
                  "Delayed due to COVID-19 – revised date March 2021",
                  "2021-03-01", "2021-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text="All shared cells designed for one prisoner should be taken out of use.",
            response_raw="Not accepted",
            response="not_agreed",
            reason="Population pressures mean the prison must continue to hold two prisoners "
            "in some cells designed for one; taking them out of use would remove 96 places, "
            "which is not affordable.\nIn addition, every shared cell has a screened toilet "
            "and is checked each week.",
            response_reason="affordability",
            actions=[],
        ),
        RecSpec(
            number="4",
            text="Prisoners should have prompt access to a dentist and to mental health "
            "services.",
            response_raw="Partly accepted",
            response="partly_agreed",
            reason="Dental services are commissioned by NHS England and the prison cannot "
            "change the contract; that part is not agreed for commissioning reasons.\n"
            "However, the wait for a first dental appointment is now under six weeks.",
            response_reason="commissioning",
            actions=[
                a(None, "Hold a waiting list review with the healthcare provider every month.",
                  "Head of Healthcare / NHS England commissioners",
                  [o("Head of Healthcare"), o("NHS England commissioners")],
                  "Ongoing", None, None, "ongoing"),
                a(None, "Give mental health in-reach staff access to the segregation unit "
                  "daily.",
                  "Senior Probation Officer (OMU)\nHead of Reducing Reoffending",
                  [o("Senior Probation Officer (OMU)"), o("Head of Reducing Reoffending")],
                  "December 2020", "2020-12-01", "2020-12-31", "planned"),
            ],
        ),
    ],
)

SPECS = [LARCHFIELD, FENWICK]
