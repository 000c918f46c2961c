"""Probation plans outside the HMPPS template: an NPS division plan with a RAG column, a CRC
progress return with a cover table and running header, and a division plan with lost rec numbers.
"""

from __future__ import annotations

from scripts.samples.plans_common import a, o
from scripts.samples.spec import PlanSpec, RecSpec

SC = "The NPS South Central Division"

NPS_SOUTH_CENTRAL = PlanSpec(
    name="nps_south_central_2020",
    template="generic",
    title="NPS South Central Division – Action Plan",
    organisation="NPS South Central Division",
    inspectorate="HMI Probation",
    report_published="2020-07-16",
    submitted="2020-08-27",
    front_matter=[
        "# NPS South Central Division – Action Plan",
        "Response to the HM Inspectorate of Probation inspection of the National Probation "
        "Service South Central Division",
        "Report published: 16 July 2020",
        "Date submitted: 27 August 2020",
        "RAG status: Green – complete or on track; Amber – some slippage, remedial action in "
        "place; Red – not on track.",
    ],
    headers=[
        "Ref",
        "Recommendation",
        "Accepted / Partly accepted / Not accepted",
        "Actions to be taken",
        "Lead",
        "Timescale",
        "RAG",
    ],
    options={
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target", "extra:rag"],
        "widths": [1.2, 5.6, 2.6, 9.4, 3.4, 2.4, 1.5],
        "rec_cells": "empty",
        "action_numbers": "prefix",
        "action_prefix_fmt": "{n} ",
        "font_size": 10,
        "header_fill": "1F3864",
        "header_color": "FFFFFF",
        "author": "NPS South Central Division",
    },
    recs=[
        RecSpec(
            number="1",
            text=f"{SC} should improve the quality of assessment and planning for risk of harm, "
            "so that risk management plans address all identified risks to victims and "
            "children.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1.1", "Deliver a refreshed risk of serious harm workshop to all probation "
                  "practitioners, with attendance recorded on the learning management system and "
                  "compliance reported to the Senior Management Team monthly.",
                  "Head of Learning and Development", [o("Head of Learning and Development")],
                  "31/03/2021", "2021-03-31", "2021-03-31", "planned", extras={"rag": "Amber"}),
                a("1.2", "Senior Probation Officers to countersign all Risk of Serious Harm "
                  "assessments for cases assessed as high or very high risk within five working "
                  "days of completion, using the revised countersigning checklist.",
                  "Heads of PDU\nSenior Probation Officers",
                  [o("Heads of PDU"), o("Senior Probation Officers")], "26th August 2020",
                  "2020-08-26", "2020-08-26", "planned", extras={"rag": "Green"}),
                a("1.3", "Quarterly thematic audit of risk management plans using the HMI "
                  "Probation inspection standards, with findings fed back to teams through "
                  "practice development sessions.",
                  "Quality Development Officers", [o("Quality Development Officers")],
                  "Q3 2020/21", "2020-10-01", "2020-12-31", "planned", extras={"rag": "Amber"}),
            ],
        ),
        RecSpec(
            number="2",
            text=f"{SC} should ensure that all staff receive regular, good-quality supervision "
            "that includes reflective discussion of their cases.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("2.1", "Implement the SEEDS2 reflective supervision model across all Probation "
                  "Delivery Units, with each practitioner receiving a minimum of one reflective "
                  "session every six weeks.",
                  "Deputy Director / Heads of PDU", [o("Deputy Director"), o("Heads of PDU")],
                  "2021/22", "2021-04-01", "2022-03-31", "planned", extras={"rag": "Amber"}),
                a("2.2", "Supervision records to be audited twice yearly by Heads of PDU, with a "
                  "summary of themes reported to the Divisional Quality Board.",
                  "Heads of PDU", [o("Heads of PDU")], "30 September 2020",
                  "2020-09-30", "2020-09-30", "planned", extras={"rag": "Green"}),
            ],
        ),
        RecSpec(
            number="3",
            text=f"{SC} should work with the Ministry of Justice to increase the number of "
            "approved premises bed spaces available for women in the division.",
            response_raw="Partly accepted",
            response="partly_agreed",
            response_reason="commissioning",
            reason="The commissioning of approved premises bed spaces sits with the HMPPS "
            "national Approved Premises Team and is outside the division's control; the division "
            "cannot commit to an increase in beds. It will make best use of existing provision "
            "and present the evidence of need to commissioners.",
            actions=[
                a("3.1", "Submit a business case to the national Approved Premises Team setting "
                  "out the demand for women's bed spaces in the division, using referral and "
                  "refusal data for 2019/20.",
                  "Head of Public Protection", [o("Head of Public Protection")], "December 2020",
                  "2020-12-01", "2020-12-31", "planned", extras={"rag": "Green"}),
                a("3.2", "Review the referral pathway with the women's approved premises so that "
                  "referrals from the division are prioritised for women assessed as high risk "
                  "of harm.",
                  "Approved Premises Area Manager", [o("Approved Premises Area Manager")],
                  "Q3 2020/21", "2020-10-01", "2020-12-31", "planned", extras={"rag": "Amber"}),
            ],
        ),
        RecSpec(
            number="4",
            text=f"{SC} should place probation practitioners in every magistrates' court in the "
            "division by March 2021.",
            response_raw="Not accepted",
            response="not_agreed",
            response_reason="policy",
            reason="National policy is that court work is organised around the "
            "court hubs agreed with HM Courts and Tribunals Service, and the division will follow "
            "that policy rather than staff every magistrates' court. Arrangements will be kept "
            "under review with the courts.",
            actions=[],
        ),
        RecSpec(
            number="5",
            text=f"{SC} should improve the timeliness and quality of information exchanged with "
            "children's social care services on domestic abuse and safeguarding enquiries.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("5.1", "Agree a revised information-sharing protocol with the seven local "
                  "authorities in the division, setting a response time of ten working days for "
                  "safeguarding enquiries.",
                  "Head of Partnerships", [o("Head of Partnerships")], "31/03/2021",
                  "2021-03-31", "2021-03-31", "planned", extras={"rag": "Amber"}),
                a("5.2", "Introduce a weekly exception report identifying cases at court without "
                  "a completed domestic abuse or safeguarding check, with follow up by the court "
                  "team Senior Probation Officer.",
                  "Head of Court Services; Performance and Information Team",
                  [o("Head of Court Services"), o("Performance and Information Team")],
                  "26th August 2020", "2020-08-26", "2020-08-26", "planned",
                  extras={"rag": "Green"}),
                a("5.3", "Train all court staff in the revised safeguarding enquiry process "
                  "through a recorded briefing and a short e-learning module.",
                  "Learning and Development Manager", [o("Learning and Development Manager")],
                  "Q3 2020/21", "2020-10-01", "2020-12-31", "planned", extras={"rag": "Amber"}),
            ],
        ),
        RecSpec(
            number="6",
            text=f"{SC} should make sure that the delivery and impact of structured "
            "interventions are recorded and evaluated at case level.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("6.1", "Roll out the divisional toolkit of structured interventions, with "
                  "practice guidance on recording their delivery in the case record.",
                  "Interventions Lead", [o("Interventions Lead")], "2021/22",
                  "2021-04-01", "2022-03-31", "planned", extras={"rag": "Green"}),
                a("6.2", "Develop a case-level outcome measure for structured interventions and "
                  "report it through the divisional performance dashboard.",
                  "Head of Performance", [o("Head of Performance")], "31/03/2021",
                  "2021-03-31", "2021-03-31", "planned", extras={"rag": "Amber"}),
            ],
        ),
    ],
)

SA = "Severn and Avon CRC should"
HOO = "Head of Operations"

SEVERN_AVON = PlanSpec(
    name="severn_avon_crc_2019",
    template="generic",
    title="SEVERN AND AVON CRC – ACTION PLAN AND PROGRESS RETURN",
    organisation="Severn and Avon CRC",
    inspectorate="HMI Probation",
    report_published="2019-05-08",
    submitted="2019-06-14",
    front_matter=[
        "{table:cover}",
        "# SEVERN AND AVON CRC – ACTION PLAN AND PROGRESS RETURN",
        "HM Inspectorate of Probation: Inspection of Severn and Avon Community Rehabilitation "
        "Company",
        "Report published: 8 May 2019",
        "Action plan submitted: 14 June 2019",
        "This return updates the action plan with the position as at 30 September 2019. Progress "
        "is recorded in the Action Taken/Planned column; completed actions are marked as such in "
        "the Target Date column.",
    ],
    headers=[
        "1. Rec No.",
        "2. Recommendation",
        "3. Accepted/ Rejected",
        "4. Response",
        "5. Function Responsible/ Policy Lead",
        "6. Target Date",
    ],
    options={
        "columns": ["rec_no", "rec_text", "response", "action", "owner", "target"],
        "widths": [1.6, 5.8, 2.4, 10.2, 3.6, 2.6],
        "header_rows": [["", "", "", "Action Taken/Planned", "", ""]],
        "rec_cells": "merge",
        "action_numbers": "prefix",
        "action_prefix_fmt": "{n}. ",
        "font_size": 11,
        "header_fill": "E7E6E6",
        "page_header": "POSITION AS AT 30 SEPTEMBER 2019",
        "tables": {
            "cover": {
                "rows": [
                    ["TIMETABLE", "DATE", "STATUS OF THIS RETURN"],
                    ["Action plan submitted to HM Inspectorate of Probation", "14 June 2019",
                     "Superseded"],
                    ["Six-month progress return", "30 September 2019", "This return"],
                    ["Twelve-month progress return", "31 March 2020", "Not yet due"],
                ],
                "widths": [10.0, 5.0, 6.0],
                "fill": "E7E6E6",
            }
        },
        "author": "Severn and Avon CRC",
    },
    recs=[
        RecSpec(
            number="5.01",
            text=f"{SA} improve the quality of assessment of risk of harm, making full use of "
            "information from other agencies, in particular the police and children's social "
            "care services.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "All new cases allocated to a Responsible Officer will have domestic abuse "
                  "and safeguarding checks requested at the point of allocation by the "
                  "administration hub, and the results will be uploaded to the case record within "
                  "ten working days. Where checks have not been returned within this time the hub "
                  "will chase the request and escalate to the Senior Operational Manager. Position "
                  "at 30 September 2019: the hub process went live on 1 July 2019 and 87% of new "
                  "allocations in August had checks requested on the day of allocation; the "
                  "remaining cases were chased and escalated in line with the process. Returns "
                  "from one local authority remain slow and this has been raised at the Local "
                  "Safeguarding Partnership.",
                  "Head of Operations\nAdministration Hub Manager",
                  [o(HOO), o("Administration Hub Manager")], "Completed",
                  None, None, "completed",
                  extras={"_paragraphs": (
                      "All new cases allocated to a Responsible Officer will have domestic abuse "
                      "and safeguarding checks requested at the point of allocation by the "
                      "administration hub, and the results will be uploaded to the case record "
                      "within ten working days. Where checks have not been returned within this "
                      "time the hub will chase the request and escalate to the Senior "
                      "Operational Manager.\n"
                      "Position at 30 September 2019: the hub process went live on 1 July 2019 "
                      "and 87% of new allocations in August had checks requested on the day of "
                      "allocation; the remaining cases were chased and escalated in line with the "
                      "process. Returns from one local authority remain slow and this has been "
                      "raised at the Local Safeguarding Partnership.")}),
                a("2", "Risk of harm assessment training, including a module on the analysis of "
                  "police and children's services information, will be delivered to all "
                  "Responsible Officers in small groups. Each session will use an anonymised "
                  "case from the CRC's own caseload and will be followed by a practice "
                  "observation by the line manager within two months. Position at 30 September "
                  "2019: 14 of 22 planned sessions delivered, 118 staff trained; the remaining "
                  "sessions are booked for October and November.",
                  "Learning and Development Manager", [o("Learning and Development Manager")],
                  "November 2019", "2019-11-01", "2019-11-30", "planned",
                  extras={"_paragraphs": (
                      "Risk of harm assessment training, including a module on the analysis of "
                      "police and children's services information, will be delivered to all "
                      "Responsible Officers in small groups. Each session will use an anonymised "
                      "case from the CRC's own caseload and will be followed by a practice "
                      "observation by the line manager within two months.\n"
                      "Position at 30 September 2019: 14 of 22 planned sessions delivered, 118 "
                      "staff trained; the remaining sessions are booked for October and "
                      "November.")}),
                a("3", "The Quality Assurance Team will audit 40 cases a quarter against the "
                  "inspection standards for assessment and report the findings to the Executive "
                  "Management Team.",
                  "Head of Quality and Performance", [o("Head of Quality and Performance")],
                  "Commenced", None, None, "in_progress"),
            ],
        ),
        RecSpec(
            number="5.02",
            text=f"{SA} make sure that sentence plans are completed with the individual, "
            "reflect their diversity needs and are reviewed when circumstances change.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "Revise the sentence planning guidance to require that the individual's "
                  "own words are recorded in the plan and that protected characteristics and "
                  "other diversity factors, including learning difficulties, caring "
                  "responsibilities and faith, are considered in deciding the order and method of "
                  "interventions. The revised guidance will be launched at team meetings and "
                  "published on the intranet with worked examples for each type of order, "
                  "including licence and post-sentence supervision cases, and a quick reference "
                  "card for practitioners. Senior Operational Managers will sample two plans per "
                  "Responsible Officer each quarter and record the outcome in supervision notes.",
                  "Head of Operations\nDiversity and Inclusion Lead",
                  [o(HOO), o("Diversity and Inclusion Lead")], "Completed – August 2019",
                  "2019-08-01", "2019-08-31", "completed"),
                a("2", "Introduce a review prompt in the case management system when a change of "
                  "address, employment or relationship is recorded.",
                  "Head of ICT / Systems Manager", [o("Head of ICT"), o("Systems Manager")],
                  "December 2019", "2019-12-01", "2019-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="5.03",
            text=f"{SA} ensure that the unpaid work requirement is delivered promptly and that "
            "individuals start their placement within seven days of sentence.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "Increase the number of unpaid work supervisors by recruiting six "
                  "sessional supervisors and establishing two new weekend work groups in Bristol "
                  "and Gloucester.",
                  "Head of Interventions", [o("Head of Interventions")], "October 2019",
                  "2019-10-01", "2019-10-31", "planned"),
                a("2", "Introduce same-day induction to unpaid work at court for individuals "
                  "sentenced at Bristol and Cheltenham magistrates' courts, with placement start "
                  "dates given before the individual leaves court. Performance against the seven "
                  "day standard will be reported monthly to the Executive Management Team and "
                  "discussed at the contract management meeting with HMPPS. Position at 30 "
                  "September 2019: same-day induction live at Bristol since 5 August; Cheltenham "
                  "to follow once the court office has been refitted; 71% of individuals started "
                  "within seven days in September compared with 43% in April.",
                  "Unpaid Work Manager", [o("Unpaid Work Manager")],
                  "Bristol – completed\nCheltenham – January 2020",
                  "2020-01-01", "2020-01-31", "in_progress"),
                a("3", "Monitor the number of hours worked per week for each individual and take "
                  "enforcement action where required.",
                  "Unpaid Work Manager", [o("Unpaid Work Manager")], "Ongoing",
                  None, None, "ongoing"),
            ],
        ),
        RecSpec(
            number="5.04",
            text=f"{SA} improve the quality of management oversight so that managers identify "
            "and address poor practice.",
            response_raw="Accepted",
            response="agreed",
            actions=[
                a("1", "All Senior Operational Managers to attend the management oversight "
                  "workshop run by the Quality Assurance Team.",
                  "Head of Quality and Performance", [o("Head of Quality and Performance")],
                  "Completed", None, None, "completed"),
                a("2", "Management oversight to be recorded using a standard contact type in the "
                  "case management system so that it can be counted and audited; the Quality "
                  "Assurance Team will audit the quality of recorded oversight in 20 cases a "
                  "month and feed back to the manager concerned. Results will be reported "
                  "quarterly to the Board and the HMPPS contract manager, with themes shared at "
                  "the managers' development day.",
                  "Head of Quality and Performance; Senior Operational Managers",
                  [o("Head of Quality and Performance"), o("Senior Operational Managers")],
                  "Q3 2019/20", "2019-10-01", "2019-12-31", "planned"),
                a("3", "Review management spans of control in the two largest teams.",
                  "Chief Executive", [o("Chief Executive")], "By December 2019",
                  None, "2019-12-31", "planned"),
            ],
        ),
    ],
)

TVC = "The NPS Thames Valley and Chilterns Division should"
SPO = "Senior Probation Officers"

THAMES_VALLEY = PlanSpec(
    name="nps_thames_chilterns_2020",
    template="generic",
    title="Inspection action plan – progress update January 2021",
    organisation="NPS Thames Valley and Chilterns Division",
    inspectorate="HMI Probation",
    report_published="2020-09-24",
    submitted="2020-11-05",
    front_matter=[
        "National Probation Service – Thames Valley and Chilterns Division",
        "# Inspection action plan – progress update January 2021",
        "HM Inspectorate of Probation: inspection of the NPS Thames Valley and Chilterns "
        "Division. Report published 24 September 2020.",
        "Action plan submitted 5 November 2020; this version updated 15 January 2021.",
    ],
    headers=[
        "Rec No",
        "Recommendation",
        "Agreed / Partly Agreed / Not Agreed",
        "No.",
        "Action",
        "Owner",
        "Target",
    ],
    options={
        "columns": ["rec_no", "rec_text", "response", "action_no", "action", "owner", "target"],
        "widths": [1.3, 6.2, 2.4, 1.0, 10.6, 3.0, 1.6],
        "rec_cells": "merge",
        "action_numbers": "column",
        "action_no_fmt": "{n}.",
        "font_size": 10,
        "margins_cm": 1.9,
        "header_fill": "DEEAF6",
        "page_footer": "Page {PAGE}",
        "author": "NPS TVC Performance and Quality",
    },
    recs=[
        RecSpec(
            number="1",
            text=f"{TVC} improve the quality of risk of harm assessments, ensuring that all "
            "relevant information, including previous behaviour and information from partner "
            "agencies, is analysed.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Deliver risk of serious harm refresher training to all probation officers, "
                  "with a focus on analysis of previous behaviour and of information from police "
                  "and children's services.",
                  "Head of Learning and Development", [o("Head of Learning and Development")],
                  "Completed", None, None, "completed"),
                a("2", "Launch the risk analysis practice guide and the accompanying seven-minute "
                  "briefings at all team meetings.",
                  "Heads of PDU", [o("Heads of PDU")], "Completed – November 2020",
                  "2020-11-01", "2020-11-30", "completed"),
                a("3", "Senior Probation Officers to review the risk analysis in every new high "
                  "risk of serious harm assessment before it is countersigned, using the "
                  "divisional checklist, and record the review as a management oversight entry.",
                  SPO, [o(SPO)], "Commenced", None, None, "in_progress"),
            ],
        ),
        RecSpec(
            number="2",
            text=f"{TVC} ensure that sufficient attention is given to the safety of children "
            "in all cases where there are child safeguarding concerns.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Nominate a safeguarding champion in every team to attend the quarterly "
                  "safeguarding practice forum and cascade learning from serious case reviews.",
                  "Head of Public Protection", [o("Head of Public Protection")], "Achieved",
                  None, None, "completed"),
                a("2", "Agree with each local authority a named contact for probation enquiries "
                  "about children subject to child protection plans.",
                  "Head of Partnerships", [o("Head of Partnerships")], "January 2021",
                  "2021-01-01", "2021-01-31", "planned"),
                a("3", "Thematic audit of 50 cases with child safeguarding concerns, repeated six "
                  "months later to measure improvement.",
                  "Quality and Performance Manager", [o("Quality and Performance Manager")],
                  "February – March 2021", "2021-02-01", "2021-03-31", "planned"),
            ],
        ),
        RecSpec(
            number=None,
            expected_number="3",
            text=f"{TVC} review the arrangements for allocating cases so that the most "
            "complex cases are held by experienced staff.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Revise the case allocation framework so that cases of high risk of "
                  "serious harm and cases managed under MAPPA level 2 or 3 are allocated only to "
                  "probation officers with at least one year's post-qualifying experience.",
                  "Deputy Director", [o("Deputy Director")], "Completed",
                  None, None, "completed"),
                a("2", "Monitor allocation decisions through the monthly workload and allocation "
                  "report and address exceptions with the Head of PDU concerned.",
                  "Performance and Information Manager",
                  [o("Performance and Information Manager")], "In progress",
                  None, None, "in_progress"),
            ],
        ),
        RecSpec(
            number=None,
            expected_number="4",
            text=f"{TVC} improve the quality and timeliness of enforcement action and of the "
            "information provided to courts in breach proceedings.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Issue a revised enforcement practice instruction, including timescales for "
                  "warning letters and breach applications and the content of breach reports.",
                  "Head of Court Services", [o("Head of Court Services")], "Commenced",
                  None, None, "in_progress"),
                a("2", "Monthly dip sample of ten breach reports per court team by the court "
                  "Senior Probation Officer, with feedback to authors.",
                  "Court Senior Probation Officers", [o("Court Senior Probation Officers")],
                  "Q4 2020/21", "2021-01-01", "2021-03-31", "planned"),
                a("3", "Report enforcement timeliness to the Divisional Performance Board each "
                  "month.",
                  "Performance and Information Manager",
                  [o("Performance and Information Manager")], "Completed",
                  None, None, "completed"),
            ],
        ),
        RecSpec(
            number="5",
            text=f"{TVC} improve the provision of accommodation support for people released "
            "from custody, working with local authorities and the Dynamic Framework providers.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Establish a monthly accommodation panel in each PDU, chaired by a Senior "
                  "Probation Officer, to review every case due for release within twelve weeks "
                  "with no confirmed address.",
                  "Heads of PDU\nSenior Probation Officers", [o("Heads of PDU"), o(SPO)],
                  "Commenced", None, None, "in_progress"),
                a("2", "Agree duty to refer arrangements with all nine housing authorities in the "
                  "division, including a single point of contact for prison releases.",
                  "Head of Partnerships", [o("Head of Partnerships")], "March 2021",
                  "2021-03-01", "2021-03-31", "planned"),
            ],
        ),
    ],
)

SPECS = [NPS_SOUTH_CENTRAL, SEVERN_AVON, THAMES_VALLEY]
