"""Hand-written plans (and one council report that is no plan) drawn by the Word-like
renderer (``render_wordlike``): filled-rectangle borders or none, one text object per
word, inset shading, white boxes behind prose words. Organisations are fictional; every
expected value is typed here by hand, following the rules of ``plans_reportlab``.
"""

from __future__ import annotations

from scripts.samples.plans_reportlab import act, own
from scripts.samples.spec import PlanSpec, RecSpec

_HEADERS = ["Ref", "Recommendation", "Response", "Action", "Lead", "By when"]
_COLUMNS = ["rec_no", "rec", "response", "action", "owner", "target"]
_WIDTHS = [4, 24, 9, 33, 14, 10]

_RECS = [
    RecSpec(
        "1",
        "The Management Board should make sure that partners attend its meetings and share "
        "the data it needs to hold services to account.",
        "Agreed",
        "agreed",
        [
            act("1", "Agree an attendance standard for every statutory partner and report "
                "attendance to the board each quarter.", "Chair of the Board",
                [own("Chair of the Board")], "June 2024", "2024-06-01", "2024-06-30",
                "planned"),
            act("2", "Build a shared performance dashboard with police, health and education "
                "data, reviewed at every board meeting.", "Head of Service",
                [own("Head of Service")], "September 2024", "2024-09-01", "2024-09-30",
                "planned"),
        ],
    ),
    RecSpec(
        "2",
        "The Head of Service should improve the quality of assessments of risk to others, so "
        "that they take account of all available information.",
        "Agreed",
        "agreed",
        [
            act("1", "Deliver risk assessment training to all case managers, with a follow-up "
                "practice clinic after three months.", "Practice Development Manager",
                [own("Practice Development Manager")], "Completed", None, None, "completed"),
            act("2", "Audit ten assessments each month against the inspection standards and "
                "share the findings at team meetings.", "Operational Manager",
                [own("Operational Manager")], "Ongoing", None, None, "ongoing"),
            act("3", "Add police intelligence checks to the allocation checklist for every new "
                "case.", "Team Manager", [own("Team Manager")], "31 May 2024", "2024-05-31",
                "2024-05-31", "planned"),
        ],
    ),
    RecSpec(
        "3",
        "The service should make sure that children's diversity needs are understood and met "
        "in the interventions they receive.",
        "Partly agreed",
        "partly_agreed",
        [
            act("1", "Record each child's diversity needs at assessment and review them at "
                "every planning meeting.", "Team Manager", [own("Team Manager")],
                "July 2024", "2024-07-01", "2024-07-31", "planned"),
            act("2", "Commission a speech and language screening service for all children "
                "entering the service.", "Head of Commissioning",
                [own("Head of Commissioning")], "Q3 2024/25", "2024-10-01", "2024-12-31",
                "planned"),
        ],
    ),
    RecSpec(
        "4",
        "Leaders should improve the arrangements for children moving from youth to adult "
        "services, so that planning starts early and information is shared.",
        "Agreed",
        "agreed",
        [
            act("1", "Agree a transitions protocol with the Probation Service setting out "
                "timescales for joint planning.", "Head of Service", [own("Head of Service")],
                "August 2024", "2024-08-01", "2024-08-31", "planned"),
            act("2", "Hold a joint review meeting for every child six months before their "
                "eighteenth birthday.", "Operational Manager", [own("Operational Manager")],
                "In progress", None, None, "in_progress"),
        ],
    ),
    RecSpec(
        "5",
        "The service should review its out-of-court disposal arrangements, so that decisions "
        "are consistent and children receive the help they need.",
        "Agreed",
        "agreed",
        [
            act("1", "Revise the joint decision-making panel's terms of reference with the "
                "police and publish them to staff.", "Out of Court Disposals Coordinator",
                [own("Out of Court Disposals Coordinator")], "March 2024", "2024-03-01",
                "2024-03-31", "planned"),
            act("2", "Scrutinise a sample of disposal decisions each quarter through the "
                "multi-agency scrutiny panel.", "Chair of the Scrutiny Panel",
                [own("Chair of the Scrutiny Panel")], "Quarterly", None, None, "ongoing"),
            act("3", "Offer every child given a community resolution an assessment of their "
                "needs within ten working days.", "Prevention Team Manager",
                [own("Prevention Team Manager")], "April 2024", "2024-04-01", "2024-04-30",
                "planned"),
        ],
    ),
]


def _plan(name: str, organisation: str, borders: str, repeat: bool) -> PlanSpec:
    return PlanSpec(
        name=name,
        template="wordlike",
        title=f"{organisation} Youth Justice Service – Inspection Action Plan",
        organisation=f"{organisation} Youth Justice Service",
        inspectorate="HMI Probation",
        report_published="2024-01",
        submitted="2024-02-20",
        front_matter=[
            f"Response to the HM Inspectorate of Probation inspection of youth justice "
            f"services in {organisation}.",
            "Report published: January 2024",
            "Action plan submitted: 20 February 2024",
            "The Management Board will review progress against each action at every meeting "
            "and report to the local Safeguarding Partnership twice a year. Actions are "
            "numbered within each recommendation.",
        ],
        headers=list(_HEADERS),
        recs=_RECS,
        options={"columns": _COLUMNS, "widths": _WIDTHS, "borders": borders,
                 "repeat_header": repeat, "font_size": 10},
    )


PLANS = [
    # Borders drawn as thin filled rectangles, inset header shading, header repeated.
    _plan("wl_grid_ashdown_yjs_2024", "Ashdown", "grid", True),
    # No lines at all; the header is not repeated on the next page.
    _plan("wl_borderless_fenmoor_yjs_2024", "Fenmoor", "none", False),
]

COUNCIL_REPORT_TITLE = "Report to the Children and Young People Scrutiny Committee"
COUNCIL_REPORT = [
    "Purpose of the report. This report updates members on the inspection of the youth "
    "justice service and on the recommendations the inspectors made. It sets out the actions "
    "officers propose, who is responsible for them and the completion date of each, so that "
    "the committee can decide how it wishes to monitor progress.",
    "Recommendations. The committee is asked to note the findings of the inspection, to "
    "endorse the action plan that the Management Board agreed in February, and to receive a "
    "further report on progress in six months. Members may also wish to ask the Head of "
    "Service to attend the next meeting.",
    "Background. The inspection took place over two weeks in the autumn. Inspectors looked "
    "at the quality of work with children subject to court orders and out-of-court "
    "disposals, at the governance of the partnership, and at the resources available to the "
    "service. Overall the service was rated as requiring improvement.",
] * 6  # long enough to run over several pages
