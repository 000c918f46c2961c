"""Inspection-report samples, written by hand: what each report prints, block by block.

A report is built the way HMI Probation and HMI Prisons reports read: a cover, pages of
narrative prose (which says "should" and quotes numbers too), a summary, and the
recommendations in one of the published shapes. Each recommendation block also records what
a reader lists for it (number, text, addressee, section, paragraph reference): that list is
the sample's ``<name>.expected-report.json``. Recommendation wording is the wording of the
matching plan sample's spec, less the addressee lead-in the report prints once above its list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scripts.samples import plans_hmpps, plans_prisons


def _spec(module: Any, name: str) -> Any:
    return next(s for s in module.SPECS if s.name == name)


DTV = _spec(plans_hmpps, "dtv_crc_2020")
NPS_NE = _spec(plans_hmpps, "nps_north_east_2019")
EASTMOOR = _spec(plans_prisons, "hmp_eastmoor_2019")
HALLAM = _spec(plans_prisons, "hmp_hallam_moor_2023")


@dataclass
class ReportSpec:
    name: str
    blocks: list[tuple[str, ...]] = field(default_factory=list)
    expected: list[dict[str, Any]] = field(default_factory=list)
    organisation: str | None = None
    published: str | None = None  # YYYY-MM
    docx_only: bool = False
    # block kinds: ("title", t) ("h1", t) ("h2", t) ("p", t) ("pagebreak",) ("list", t) auto-
    # numbered item, ("bullet", t) nested bullet, ("cont", t) the rest of the item above
    # after a page break

    def add(self, *block: str) -> ReportSpec:
        self.blocks.append(block)
        return self

    def expect(self, number: str | None, text: str, addressee: str | None, section: str,
               reference: str | None = None) -> None:
        self.expected.append({"number": number, "text": text, "addressee": addressee,
                              "section": section, "reference": reference})


def _without_lead_in(text: str, body: str) -> str:
    assert text.startswith(f"{body} should "), text
    return text[len(body) + len(" should "):]


# -- narrative, hand-written; deliberately full of "should" and numbers ---------------------
PROBATION_NARRATIVE = [
    "We inspected {org} over two weeks. We examined 96 cases in which individuals had "
    "started community sentences or been released on licence, and we interviewed 61 "
    "responsible officers, 14 middle managers and the senior leadership team. In 41 of the "
    "96 cases, staff said that more time should have been given to planning.",
    "Leaders have a clear vision for the service and staff understand it. Most staff told us "
    "that they should be able to raise concerns with managers, and 78% said they could. The "
    "service should, in our view, build on this: 2 of the 5 teams we visited had no regular "
    "team meetings during the period of the inspection.",
    "Staffing levels had improved since 2018, but 12 posts were still vacant and caseloads "
    "in two areas averaged 58 cases per officer. A caseload of that size should not be "
    "expected to allow good-quality work, and staff in those areas described the pressure "
    "it placed on them.",
    "Assessment was sufficient in 64% of the cases we inspected. Where it was not, the most "
    "common gap was that information from other agencies had not been sought. Officers "
    "should have checked with children's social care in 17 cases where they did not.",
    "Partnership work was a strength. The service works with 23 providers of interventions "
    "and has agreements in place with most of them, although some should be reviewed, since "
    "6 of them date from before 2017 and do not reflect current arrangements.",
    "Delivery of unpaid work was generally timely: 83% of individuals started their hours "
    "within 7 working days of sentence. Risk assessments before placement were completed in "
    "most cases, but supervisors should be told more about the risks individuals present.",
    "Reviewing was the weakest area of practice. Only 39% of cases were reviewed when "
    "circumstances changed, against 70% that we should expect to see in a service rated "
    "good. In 9 cases a change of address went unrecorded for more than 3 months.",
    "The service's own quality assurance is extensive: managers audited 300 cases in the "
    "year before the inspection. The results, however, were not always acted on, and in 1 "
    "area the actions from 4 successive audits were the same.",
]

PRISON_NARRATIVE = [
    "Eastmoor held 612 adult men at the time of the inspection, 40 more than its certified "
    "normal accommodation. Many prisoners told us that they should have been moved to a "
    "training prison months earlier, and 18% had been at the prison for more than 2 years.",
    "Levels of violence had risen by 35% since the last inspection. Staff should have "
    "challenged low-level poor behaviour more often: in our survey, 29% of prisoners said "
    "they had felt unsafe at some time, against 21% in similar prisons.",
    "The use of force had increased and 1 in 4 incidents was not recorded on body-worn "
    "video. Governance should have been stronger; the use of force committee had met only 3 "
    "times in the previous 12 months.",
    "Self-harm had increased and there had been 2 self-inflicted deaths since the last "
    "inspection. Case management for prisoners at risk was inconsistent, and case reviews "
    "should have involved health care staff far more often than the 40% we found.",
    "Most cells designed for one prisoner held two, and 86 cells had no screened toilet. "
    "Prisoners said that staff were generally respectful, and 72% said that there was a "
    "member of staff they could turn to with a problem.",
    "Time out of cell was poor. A prisoner in full-time activity could expect about 6 hours "
    "a day unlocked on weekdays, but a third of prisoners were locked up for more than 22 "
    "hours. Activity places should have been used fully: only 78% were filled.",
    "The quality of education was not good enough. Achievement of English and mathematics "
    "qualifications was low, with only 48% of learners succeeding, and teachers should have "
    "been supported to improve their practice.",
    "Offender management had improved since 2016, but 27% of prisoners had no up-to-date "
    "OASys assessment. Offender supervisors should have had more regular contact with the "
    "prisoners they managed; some had not met theirs for 6 months.",
]


def _narrative(paragraphs: list[str], org: str, start: int, count: int) -> list[str]:
    return [paragraphs[(start + i) % len(paragraphs)].format(org=org) for i in range(count)]


def probation_dtv() -> ReportSpec:
    """Probation style: one lead-in, an auto-numbered list split by a page break."""
    org = "Durham Tees Valley CRC"
    r = ReportSpec("report_dtv_crc_2020", organisation=org, published="2020-04")
    r.add("title", "An inspection of probation services in: Durham Tees Valley CRC")
    r.add("p", "HM Inspectorate of Probation")
    r.add("p", "Report published: 14 April 2020")
    r.add("pagebreak")
    r.add("h1", "Foreword")
    for text in _narrative(PROBATION_NARRATIVE, org, 0, 3):
        r.add("p", text)
    r.add("h1", "Overall findings")
    for text in _narrative(PROBATION_NARRATIVE, org, 3, 4):
        r.add("p", text)
    r.add("h1", "Recommendations")
    r.add("p", "As a result of our inspection findings we have made six recommendations that "
               "we believe, if implemented, should have a positive impact on the quality of "
               "probation services in Durham Tees Valley.")
    r.add("p", f"{org} should:")
    for n, rec in enumerate(DTV.recs, start=1):
        text = _without_lead_in(rec.text, org)
        if n == 4:  # the list is cut by a page break inside this item
            words = text.split()
            first, rest = " ".join(words[:9]), " ".join(words[9:])
            r.add("list", first)
            r.add("pagebreak")
            r.add("cont", rest)
        else:
            r.add("list", text)
        r.expect(str(n), text, org, "Recommendations")
    r.add("h1", "Organisational delivery")
    for text in _narrative(PROBATION_NARRATIVE, org, 5, 8):
        r.add("p", text)
    r.add("h1", "Case supervision")
    r.add("p", "Our key findings about case supervision were as follows:")
    for text in ("41 of 96 cases had a sufficient plan;", "staff should record reviews;",
                 "contact was regular in most cases."):
        r.add("numbered_narrative", text)
    for text in _narrative(PROBATION_NARRATIVE, org, 2, 5):
        r.add("p", text)
    return r


def probation_nps_ne() -> ReportSpec:
    """Probation style grouped by addressee, with nested bullets inside an item."""
    org = "The National Probation Service North East Division"
    r = ReportSpec("report_nps_north_east_2019", organisation="NPS North East Division",
                   published="2019-06")
    r.add("title", "An inspection of probation services in: NPS North East Division")
    r.add("p", "HM Inspectorate of Probation")
    r.add("p", "Report published: 25 June 2019")
    r.add("pagebreak")
    r.add("h1", "Foreword")
    for text in _narrative(PROBATION_NARRATIVE, "the NPS North East Division", 4, 4):
        r.add("p", text)
    r.add("h1", "Recommendations")
    r.add("p", "We have made five recommendations, set out below. Each should help the "
               "division to improve the quality of its work with the 3,400 people it supervises.")
    groups = [("The Head of the NPS North East Division should:", [0, 1, 2]),
              ("HMPPS should:", [3, 4])]
    number = 1
    for lead, indexes in groups:
        r.add("p", lead)
        who = lead.removesuffix(" should:")
        for i in indexes:
            text = _without_lead_in(NPS_NE.recs[i].text, org)
            if "in particular that: " in text:
                head, _, tail = text.partition("in particular that: ")
                r.add("list", head + "in particular that:")
                pieces = tail.split("; ")
                for k, piece in enumerate(pieces):
                    r.add("bullet", piece + (";" if k < len(pieces) - 1 else ""))
            else:
                r.add("list", text)
            r.expect(str(number), text, who, "Recommendations")
            number += 1
    r.add("h1", "Leadership")
    for text in _narrative(PROBATION_NARRATIVE, "the NPS North East Division", 0, 8):
        r.add("p", text)
    return r


def prison_eastmoor() -> ReportSpec:
    """Prison style, 2019: S-numbered main recommendations, section recommendations with
    paragraph numbers, and a closing summary that lists them all again with references."""
    org = "HMP Eastmoor"
    r = ReportSpec("report_hmp_eastmoor_2019", organisation=org, published="2019-03")
    r.add("title", "Report on an unannounced inspection of HMP Eastmoor")
    r.add("p", "by HM Chief Inspector of Prisons")
    r.add("p", "Report published: 12 March 2019")
    r.add("pagebreak")
    r.add("h1", "Introduction")
    for text in _narrative(PRISON_NARRATIVE, org, 0, 3):
        r.add("p", text)
    r.add("h1", "Main recommendations")
    main = [rec for rec in EASTMOOR.recs if rec.number.startswith("S")]
    for rec in main:
        r.add("p", f"{rec.number} {rec.text}")
        r.expect(rec.number, rec.text, None, "Main recommendations")
    chapters = {}
    for rec in EASTMOOR.recs:
        if not rec.number.startswith("S"):
            chapters.setdefault(rec.section, []).append(rec)
    start = 3
    for chapter, number in zip(chapters, range(1, 10), strict=False):
        r.add("h1", f"Section {number}. {chapter}")
        for i, text in enumerate(_narrative(PRISON_NARRATIVE, org, start, 3), start=1):
            r.add("p", f"{number}.{i} {text}")
        start += 2
        r.add("h2", "Recommendations")
        for rec in chapters[chapter]:
            r.add("p", f"{rec.number} {rec.text}")
            r.expect(rec.number, rec.text, None, "Recommendations")
    r.add("h1", "Section 5. Summary of recommendations and good practice")
    r.add("p", "The following is a list of the recommendations in this report. The reference "
               "numbers at the end of each refer to the paragraph location in the main report.")
    r.add("h2", "Main recommendations")
    r.add("p", "To the governor")
    n = 1
    for rec in main:
        r.add("p", f"5.{n} {rec.text} ({rec.number})")
        n += 1
    r.add("h2", "Recommendations")
    r.add("p", "To the governor")
    for chapter, recs in chapters.items():
        r.add("h2", chapter)
        for rec in recs:
            r.add("p", f"5.{n} {rec.text} ({rec.number})")
            n += 1
    return r


def prison_hallam() -> ReportSpec:
    """Prison style, 2022+: numbered concerns, each with a 'Recommendation:' line (DOCX only)."""
    org = "HMP Hallam Moor"
    r = ReportSpec("report_hmp_hallam_moor_2023", organisation=org, published="2023-03",
                   docx_only=True)
    r.add("title", "Report on an unannounced inspection of HMP Hallam Moor")
    r.add("p", "by HM Chief Inspector of Prisons")
    r.add("p", "Report published: 14 March 2023")
    r.add("pagebreak")
    r.add("h1", "Introduction")
    for text in _narrative(PRISON_NARRATIVE, org, 1, 4):
        r.add("p", text.replace("Eastmoor", "Hallam Moor"))
    concerns = [
        "Support for prisoners at risk of self-harm was inconsistent, and too many ACCT "
        "reviews were held without the case manager.",
        "Illicit drugs were easy to get, and 31% of random tests were positive.",
        "Prisoners spent too long locked in their cells, especially at weekends.",
        "Segregation was used too often and the regime there was very limited.",
        "Waiting times for primary care and mental health services were too long.",
        "There were too few activity places, and those there were went unfilled.",
    ]
    sections = {"Priority concerns and recommendations": [0, 1, 2],
                "Key concerns and recommendations": [3, 4, 5]}
    for section, indexes in sections.items():
        r.add("h1", section)
        r.add("p", "Inspectors identified the following concerns. Leaders should address "
                   "them as a matter of urgency." if "Priority" in section else
              "Inspectors identified the following concerns, which should also be addressed.")
        for i in indexes:
            rec = HALLAM.recs[i]
            text, _, ref = rec.text.rpartition(" (")
            r.add("p", f"{rec.number}. {concerns[i]}")
            r.add("p", f"Recommendation: {rec.text}")
            r.expect(rec.number, text, None, section.capitalize(), ref.rstrip(")"))
    r.add("h1", "Section 1. Safety")
    for i, text in enumerate(_narrative(PRISON_NARRATIVE, org, 2, 6), start=1):
        r.add("p", f"1.{i} {text.replace('Eastmoor', 'Hallam Moor')}")
    return r


REPORTS = [probation_dtv(), probation_nps_ne(), prison_eastmoor(), prison_hallam()]
