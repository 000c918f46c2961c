"""HMPPS probation template plans: numbered headers, action-number column, merged rec cells.

``dtv_crc_2020`` is the published Durham Tees Valley CRC plan (content verbatim from the seed).
"""

from __future__ import annotations

from scripts.samples.plans_common import (
    HMPPS_HEADERS,
    HMPPS_INTRO,
    HMPPS_OPTIONS,
    a,
    o,
)
from scripts.samples.spec import PlanSpec, RecSpec

QTM = "Quality Team Manager"
OMM = "Operational Middle Managers"
QT_TD = "Quality Team and Training department"
QT_TD_OWNERS = [o("Quality Team"), o("Training department")]
# One area done, one still to come: the action as a whole is in progress.
DC_CM = "Durham – completed\nCleveland – May 2020"

DTV = PlanSpec(
    name="dtv_crc_2020",
    template="hmpps_probation",
    title="ACTION PLAN: Durham Tees Valley CRC",
    organisation="Durham Tees Valley CRC",
    inspectorate="HMI Probation",
    report_published="2020-04",
    submitted="2020-05-20",
    front_matter=[
        "Action Plan Submitted: 20th May 2020",
        "## A Response to the HMI Probation Inspection: Durham Tees Valley Community "
        "Rehabilitation Company",
        "Report Published: APRIL 2020",
        "## INTRODUCTION",
        *HMPPS_INTRO,
        "{table:definitions}",
        "{pagebreak}",
        "# ACTION PLAN: Durham Tees Valley CRC",
    ],
    headers=HMPPS_HEADERS,
    options={**HMPPS_OPTIONS, "author": "DTV CRC Quality Team"},
    recs=[
        RecSpec(
            number="1",
            text="Durham Tees Valley CRC should ensure recommendations and actions from audits and "
            "internal quality assurance procedures are sufficiently acted upon, monitored and "
            "followed up by local managers and responsible officers.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "The Durham Tees Valley (DTV) CRC Quality Team will develop a written "
                  "policy identifying a Red, Amber, Green (RAG) response to Quality Assurance "
                  "and audits which will include; generating a quarterly report for Heads of "
                  "Area to scrutinise and track identified actions from audits.",
                  QTM, [o(QTM)], "May 2020", "2020-05-01", "2020-05-31", "planned"),
                a("2", "An additional standard will be added to the Operational Management Minimum "
                  "Standards (OMMS) that identifies the required follow up period for a "
                  "Management Oversight action.",
                  "Heads of Area", [o("Heads of Area")], "Completed", None, None, "completed"),
                a("3", "Middle Managers supervision agenda with Responsible Officer's (RO's) to "
                  "include a prompt to monitor that management oversight and audit actions have "
                  "been completed.",
                  OMM, [o(OMM)], "Commenced", None, None, "in_progress"),
                a("4", "All Operational Middle Managers to produce a monthly performance report to "
                  "Heads of Area to include feedback and actions on any cases that have been "
                  "Quality Assured during the month.",
                  OMM, [o(OMM)], "May 2020", "2020-05-01", "2020-05-31", "planned"),
                a("5", "Heads of Area will dip sample Middle Managers work. Terms of Reference "
                  "(TOR) for the dip sampling audit will be created and will include cases where "
                  "feedback from the Quality Team has been identified from internal audit.",
                  "Heads of Area", [o("Heads of Area")], "May 2020",
                  "2020-05-01", "2020-05-31", "planned"),
                a("6", "All outstanding Operational Middle Manager's to complete management "
                  "training and development which includes: Management theory, methods and "
                  "processes, and Management Oversight.",
                  "Head of Human Resources", [o("Head of Human Resources")], "September 2020",
                  "2020-09-01", "2020-09-30", "planned"),
            ],
        ),
        RecSpec(
            number="2",
            text="Durham Tees Valley CRC should enable staff to develop appropriate levels of "
            "skills and knowledge to sufficiently analyse offending behaviour and risk of harm.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a(None, "Durham Tees Valley CRC has developed a training calendar to include the "
                  "following for all operational staff: Domestic abuse and trauma; Domestic "
                  "Abuse, Safeguarding and Risk refresher; Motivational Interviewing; Spousal "
                  "Assault Risk Assessment (SARA) refresher training; Cognitive Behavioural "
                  "Thinking.",
                  "Head of Area", [o("Head of Area")], "Completed", None, None, "completed"),
                a("2", "All practitioners to attend Serious Further Offence (SFO) workshops 'So "
                  "What, Now What' which is a themed exploration of practice and risk; how they "
                  "link together. Training will incorporate live cases and 7-minute briefing "
                  "material and will be delivered by the Quality Team and Operational Managers.",
                  QT_TD, QT_TD_OWNERS, "October – December 2020",
                  "2020-10-01", "2020-12-31", "planned"),
                a("3", "Durham Tees Valley CRC has a Quality Assurance Framework (QAF) which will "
                  "continue to include a programme of audits with a minimum of 75 cases being "
                  "audited a quarter, with 25 cases audited using a thematic approach (i.e. "
                  "Domestic Abuse, Safeguarding, Substance Misuse, vulnerable adults etc.). A "
                  "development programme will be created for RO's who score 'inadequate' through "
                  "this activity.",
                  "Quality Assurance Team", [o("Quality Assurance Team")],
                  "Completed and Ongoing", None, None, "ongoing"),
                a("4", "Holistic case management training – links between assessment, risk and "
                  "intervention (catch up and refresher training). Training explores the 'golden "
                  "thread of supervision' that enables Responsible Officers to develop individual "
                  "'theories of offending' for service users through formulation and contextual "
                  "case management.",
                  QT_TD, QT_TD_OWNERS, "July - October 2020", "2020-07-01", "2020-10-31",
                  "planned"),
                a("5", "Adverse Childhood Experiences (ACE) workshops for all operational staff to "
                  "develop an understanding of trauma informed, trauma responsive and trauma "
                  "specific practice and the perceived dichotomy of this approach whilst managing "
                  "risk.",
                  QT_TD, QT_TD_OWNERS, "January 2021", "2021-01-01", "2021-01-31", "planned"),
                a("6", "Skills for Effective Engagement, Development and Supervision (SEEDS) "
                  "training (in preparation for transition to new National Probation Service "
                  "(NPS). All operational staff will undergo training in SEEDS methodology to "
                  "promote reflective practice and defensible decision making in order to "
                  "develop more robust, individualised risk management strategies in case "
                  "management. Operational Managers will facilitate this approach within teams.",
                  QT_TD, QT_TD_OWNERS, "March – June 2021", "2021-03-01", "2021-06-30",
                  "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text="Durham Tees Valley CRC should improve the quality of work to assess, plan for, "
            "manage and review work to protect potential and actual victims. This recommendation "
            "has been repeated from the previous inspection.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Durham Tees Valley CRC will develop a programme of interventions with Risk "
                  "Champions to support operational practice focusing on individualising the Risk "
                  "Management Plans (RMPs) with a focus on the voice of the victim. This will "
                  "include the roll out of developmental team meetings quarterly, with an agreed "
                  "Terms of Reference (TOR) and a set Agenda. These will link to the core topics "
                  "covered by Risk Champions with the focus on generating good quality RMPs and "
                  "generating evidence robust risk management strategies.",
                  QTM, [o(QTM)], "May 2020", "2020-05-01", "2020-05-31", "planned"),
                a("2", "One case administrator has been placed in each Police Force Domestic "
                  "Violence Unit (Cleveland and Durham) to facilitate access to information, "
                  "which will support the RO's in identifying and managing risks posed to past "
                  "present and potential future victims, including specifically safeguarding "
                  "concerns for adults and children.",
                  "Heads of Area", [o("Heads of Area")], DC_CM,
                  "2020-05-01", "2020-05-31", "in_progress"),
                a("3", "The QAF (detailed above) will continue to monitor the quality of "
                  "assessments and address any practice deficits.",
                  "Head of Area and Quality Team Manager", [o("Head of Area"), o(QTM)],
                  "Ongoing practice", None, None, "ongoing"),
                a("4", "All operational staff are required to attend one Quality Event each year, "
                  "which will focus on key themes including safeguarding of adults and children. "
                  "Quality events utilise HMIP standards to benchmark cases in a group setting, "
                  "generating discussion and development. Learning will be covered in team "
                  "meetings and supervision as well as being shared on the intranet.",
                  "Quality Team", [o("Quality Team")], "Commenced and ongoing",
                  None, None, "ongoing"),
                a("5", "Planned SFO workshops will focus specifically on actual cases where child "
                  "and adult safeguarding factors have been a key feature. Workshops will have the "
                  "specific aim of developing knowledge and understanding of effective "
                  "multi-agency work and planning to protect victims.",
                  "Quality Team and Training Department",
                  [o("Quality Team"), o("Training Department")], "October – December 2020",
                  "2020-10-01", "2020-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="4",
            text="Durham Tees Valley CRC should ensure that necessary interventions are being "
            "delivered and assess and analyse their impact on addressing offending behaviour, "
            "risk of harm and supporting desistance.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Organisational roll out, training and implementation of the online "
                  "Interventions Hub (IH) to all teams. Monitoring of usage via monthly the "
                  "Management Information (MI) report from the IH provider. Quality Assurance "
                  "will be provided by Operational Manager checking and recording during "
                  "supervision sessions assisted by MI report.",
                  "Head of Area\nOperational Middle Managers\nIH provider",
                  [o("Head of Area"), o(OMM), o("IH provider")], "May 2020",
                  "2020-05-01", "2020-05-31", "planned"),
                a("2", "Development of Domestic Abuse (DA) 121 'Creating Relationship Change' "
                  "programme for all operational staff to use with DA cases that are not suitable "
                  "for Building Better Relationships (BBR). Pilot programme to run in June 2020 "
                  "with review of effectiveness by Quality Team Manager and selected RO's.",
                  "Head of Area\nProgrammes Unit\nQuality Team Manager",
                  [o("Head of Area"), o("Programmes Unit"), o(QTM)], "June 2020",
                  "2020-06-01", "2020-06-30", "planned"),
                a("3", "Embed ASPIRE (solution focused, cognitive behavioural and trauma informed "
                  "programme for females) and agree the start of the evaluation period. Usage "
                  "will be monitored via the programme manager in conjunction with the project "
                  "plan.",
                  "Head of Area\nCoventry University\nFemale Lead Operational Manager",
                  [o("Head of Area"), o("Coventry University"),
                   o("Female Lead Operational Manager")], "May 2020",
                  "2020-05-01", "2020-05-31", "planned"),
                a("4", "Review with the Criminal Justice Liaison Team ensuring appropriate "
                  "intervention and detail of work being completed is captured. Develop reporting "
                  "and evaluation processes linked to case management recording and the QAF. "
                  "Enable feedback via regular quarterly meetings.",
                  "Heads of Area\nOperational Leads for partnerships",
                  [o("Heads of Area"), o("Operational Leads for partnerships")], "June 2020",
                  "2020-06-01", "2020-06-30", "planned"),
                a("5", "QAF thematic audits to focus on interventions and partnership working. "
                  "Evidence of learning to be recorded, briefings prepared, which will be "
                  "published and included as part of thematic team meeting agendas.",
                  "Quality Team Manager\nOperational Middle Managers", [o(QTM), o(OMM)],
                  "July – September 2020", "2020-07-01", "2020-09-30", "planned"),
                a("6", "Review of the Citizenship intervention working group to determine how this "
                  "intervention will be delivered and utilised in conjunction with the IH and "
                  "other new interventions. Develop a monitoring tool to provide evidence of "
                  "effectiveness of use.",
                  "Quality Team Manager\nAnd Operational Manager Lead",
                  [o(QTM), o("Operational Manager Lead")], "November 2020",
                  "2020-11-01", "2020-11-30", "planned"),
                a("7", "Ongoing Quality Events with focus on providing evidence on the "
                  "effectiveness of interventions with feedback shared via learning on intranet "
                  "and in team meetings.",
                  "Quality Team and Operational Middle Managers", [o("Quality Team"), o(OMM)],
                  "Ongoing practice", None, None, "ongoing"),
                a("8", "QAF quarterly audits that focus on providing information that will address "
                  "the effectiveness of interventions and report feedback to the Senior "
                  "Leadership Team (SLT) via a quarterly report.",
                  "Quality Team Manager; SLT", [o(QTM), o("SLT")], "Ongoing practice",
                  None, None, "ongoing"),
                a("9", "Organisational instruction regarding utilisation of Partner Link Workers "
                  "(PLW). Monitoring of PLW referrals for all cases where domestic abuse is "
                  "flagged and seen as a dynamic risk.",
                  "Head of Area\nHarbour\nOperational Middle Managers\nBusiness Support",
                  [o("Head of Area"), o("Harbour"), o(OMM), o("Business Support")], "May 2020",
                  "2020-05-01", "2020-05-31", "planned"),
            ],
        ),
        RecSpec(
            number="5",
            text="Durham Tees Valley CRC should strengthen information-sharing agreements with all "
            "partners, local agencies and providers of interventions, to inform assessments, "
            "plans and reviews undertaken by responsible officers.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Durham Tees Valley CRC will review all Information Sharing Agreements "
                  "(ISAs) for use with partner agencies to ensure they support ease of access to "
                  "relevant information in order to support the RO's assessment, plans and review "
                  "of the work they do with their Service User's (SU's). A communication strategy "
                  "will be developed and circulated to all partner agencies to ensure that "
                  "information sharing protocols are understood and responsibilities are clear "
                  "relating to each partner agency.",
                  "Head of Area\nInformation Security and contracts\nOperational Middle Managers",
                  [o("Head of Area"), o("Information Security and contracts"), o(OMM)],
                  "September 2020", "2020-09-01", "2020-09-30", "planned"),
                a("2", "One case administrator has been placed in each Police Force Domestic "
                  "Violence Unit (Cleveland and Durham) to facilitate access to information.",
                  "Heads of Area", [o("Heads of Area")], DC_CM,
                  "2020-05-01", "2020-05-31", "in_progress"),
                a("3", "A QAF audit focusing on engagement with partners and sharing of "
                  "information will be undertaken to assess the effectiveness of ISA's. This "
                  "will be reported to the SLT via a quarterly report.",
                  "Quality Team\nOperational Middle Managers", [o("Quality Team"), o(OMM)],
                  "July – September 2020", "2020-07-01", "2020-09-30", "planned"),
            ],
        ),
        RecSpec(
            number="6",
            text="Durham Tees Valley CRC should fully assess the risk of harm and the impact "
            "considered when allocating individuals to unpaid work placements and ensure that "
            "necessary actions are clearly recorded and communicated to those supervising "
            "individuals.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Durham Tees Valley CRC will publicise the need for all RO's to use the "
                  "Unpaid Work (UPW) service delivery guide. Use of this will be monitored through "
                  "QAF process and via supervision with Line Managers.",
                  "Heads of Area\nOperational Middle Managers", [o("Heads of Area"), o(OMM)],
                  "Ongoing practice", None, None, "ongoing"),
                a("2", "A dedicated stand-alone UPW management process will be implemented "
                  "allowing the identification of resources to focus on risk and criminogenic "
                  "need, including all High Risk UPW cases to be allocated and overseen by a "
                  "dedicated Operational Middle Manager.",
                  "Head of Area", [o("Head of Area")], "June 2020",
                  "2020-06-01", "2020-06-30", "planned"),
                a("3", "The Probation Services Officer induction programme will include a specific "
                  "session on Post-Sentence Assessment Interviews (PSAIs) as well as refresher "
                  "training being offered where identified through a Training Needs Assessments "
                  "(TNA).",
                  "Training department and Quality Team",
                  [o("Training department"), o("Quality Team")], "May 2020",
                  "2020-05-01", "2020-05-31", "planned"),
                a("4", "The QAF to include samples of stand-alone UPW cases alongside SLT dip "
                  "sampling of cases to include stand-alone UPW and focus on quality of PSAI and "
                  "Offender Assessment System (OASys).",
                  QTM, [o(QTM)], "October – December 2020", "2020-10-01", "2020-12-31",
                  "planned"),
            ],
        ),
    ],
)


HOLDU = "Heads of Local Delivery Units"

NE_2019 = PlanSpec(
    name="nps_north_east_2019",
    template="hmpps_probation",
    title="ACTION PLAN: NPS North East Division",
    organisation="NPS North East Division",
    inspectorate="HMI Probation",
    report_published="2019-06",
    submitted="2019-08-02",
    front_matter=[
        "Action Plan Submitted: 2nd August 2019",
        "## A Response to the HMI Probation Inspection: National Probation Service North East "
        "Division",
        "Report Published: JUNE 2019",
        "## INTRODUCTION",
        *HMPPS_INTRO,
        "{table:definitions}",
        "# ACTION PLAN: NPS North East Division",
    ],
    headers=[
        "1. Rec. No.",
        "2. Recommendation",
        "3. Agreed/ Partly Agreed/ Not Agreed",
        "4. Response Action Taken/Planned",
        "5. Responsible Owner (including named individuals and their functional role or "
        "department)",
        "6. Target Date",
    ],
    options={
        **HMPPS_OPTIONS,
        "font_size": 11,
        "header_fill": "C6D9F1",
        "reason_in": "row",
        "page_footer": "NPS North East Division – HMI Probation action plan – page {PAGE}",
        "author": "NPS North East Division",
    },
    recs=[
        RecSpec(
            number="1",
            text="The National Probation Service North East Division should improve the quality "
            "of pre-sentence reports so that they are informed by domestic abuse and child "
            "safeguarding enquiries in all cases where these are relevant.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Court teams to request domestic abuse call-out information from Durham, "
                  "Cleveland and Northumbria Police for every case adjourned for a pre-sentence "
                  "report, using the regional police information request form.",
                  "Head of Court Services", [o("Head of Court Services")], "September 2019",
                  "2019-09-01", "2019-09-30", "planned"),
                a("2", "Quality assure ten pre-sentence reports per court team per quarter against "
                  "the divisional report quality standard, with results reported to the Senior "
                  "Management Team.",
                  "Court Senior Probation Officers\nQuality Development Officer",
                  [o("Court Senior Probation Officers"), o("Quality Development Officer")],
                  "Q3 2019/20", "2019-10-01", "2019-12-31", "planned"),
                a("3", "Agree a service level agreement with each of the twelve local authorities "
                  "for the return of safeguarding information on the day of request for "
                  "on-the-day reports.",
                  "Head of Partnerships", [o("Head of Partnerships")], "31 December 2019",
                  "2019-12-31", "2019-12-31", "planned"),
            ],
        ),
        RecSpec(
            number="2",
            text="The National Probation Service North East Division should ensure that the "
            "management of risk of harm is effective in all cases, and in particular that: risk "
            "management plans are specific to the individual and the risks they present; plans "
            "are reviewed when circumstances change, including changes to the individual's "
            "address, relationships or employment; contingency plans set out what will be done "
            "if risk escalates; and the work of other agencies, including the police and "
            "children's social care, is co-ordinated through multi-agency arrangements where "
            "appropriate.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Deliver a two-day risk management workshop for all probation officers and "
                  "probation services officers, covering the revised risk management plan "
                  "template, contingency planning and the use of multi-agency arrangements. "
                  "Attendance will be recorded on the learning management system and "
                  "non-attendance followed up by line managers in supervision.",
                  "Head of Learning and Development", [o("Head of Learning and Development")],
                  "October – December 2019", "2019-10-01", "2019-12-31", "planned"),
                a("2", "Introduce a mandatory review of the risk management plan at every change "
                  "of address, relationship or employment, prompted by a contact log entry that "
                  "is reviewed monthly by the Senior Probation Officer.",
                  "Senior Probation Officers", [o("Senior Probation Officers")],
                  "November 2019", "2019-11-01", "2019-11-30", "planned"),
                a("3", "Extend the management oversight tool to record the Senior Probation "
                  "Officer's view on the quality of risk management plans in all cases of high "
                  "risk of serious harm.",
                  HOLDU, [o(HOLDU)], "Commenced", None, None, "in_progress"),
                a("4", "Audit a sample of 60 cases of high and very high risk of serious harm to "
                  "test the effectiveness of the above actions, and report the findings to the "
                  "Divisional Quality and Performance Board.",
                  "Head of Quality\nQuality Development Officers",
                  [o("Head of Quality"), o("Quality Development Officers")], "March 2020",
                  "2020-03-01", "2020-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="3",
            text="The National Probation Service North East Division should ensure that every "
            "unpaid work placement is risk assessed by a probation officer before the placement "
            "starts.",
            response_raw="Partly Agreed",
            response="partly_agreed",
            response_reason="operational",
            reason="This recommendation is partly agreed for operational reasons. Unpaid work in "
            "the division is delivered by the Community Rehabilitation Company, and placement "
            "risk assessments are completed by CRC supervisors; the NPS will make sure that all "
            "risk information needed for the placement assessment is passed to the CRC at "
            "allocation.",
            actions=[
                a("1", "Revise the allocation checklist so that the risk of serious harm summary "
                  "and any restrictions are sent to the CRC unpaid work team with every unpaid "
                  "work requirement.",
                  "Head of Court Services", [o("Head of Court Services")], "August 2019",
                  "2019-08-01", "2019-08-31", "planned"),
                a("2", "Joint audit with the CRC of 30 unpaid work cases to check that risk "
                  "information was received and used in placement decisions.",
                  "Head of Quality and CRC Head of Unpaid Work",
                  [o("Head of Quality"), o("CRC Head of Unpaid Work")], "Q4 2019/20",
                  "2020-01-01", "2020-03-31", "planned"),
            ],
        ),
        RecSpec(
            number="4",
            text="The National Probation Service North East Division should ensure that "
            "probation officers have sufficient time to deliver effective work with the cases "
            "they manage.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Implement the national workload management tool in all Local Delivery "
                  "Units and review team caseloads monthly at the divisional performance "
                  "meeting.",
                  "Deputy Director\nHeads of Local Delivery Units",
                  [o("Deputy Director"), o(HOLDU)], "Completed", None, None, "completed"),
                a("2", "Recruit 24 trainee probation officers through the Professional "
                  "Qualification in Probation (PQiP) 2019 intake and allocate them across the "
                  "teams with the highest workload.",
                  "Head of Operational Support\nHR Business Partner",
                  [o("Head of Operational Support"), o("HR Business Partner")],
                  "Completed – November 2019", "2019-11-01", "2019-11-30", "completed"),
                a("3", "Introduce a case transfer protocol that allows cases to be moved between "
                  "teams where workload measurement exceeds 110 per cent for three consecutive "
                  "months.",
                  HOLDU, [o(HOLDU)], "January 2020", "2020-01-01", "2020-01-31", "planned"),
            ],
        ),
        RecSpec(
            number="5",
            text="The National Probation Service North East Division should improve the use of "
            "accredited programmes and structured interventions for men convicted of domestic "
            "abuse offences.",
            response_raw="Agreed",
            response="agreed",
            actions=[
                a("1", "Increase the number of Building Better Relationships (BBR) programme "
                  "facilitators by training a further eight facilitators jointly with the CRC.",
                  "Interventions Manager", [o("Interventions Manager")], "2019/20",
                  "2019-04-01", "2020-03-31", "planned"),
                a("2", "Make sure that all cases with a domestic abuse flag and no programme "
                  "requirement have a structured intervention recorded in the sentence plan, "
                  "checked through management oversight.",
                  "Senior Probation Officers", [o("Senior Probation Officers")], "Ongoing",
                  None, None, "ongoing"),
            ],
        ),
    ],
)

SPECS = [DTV, NE_2019]
