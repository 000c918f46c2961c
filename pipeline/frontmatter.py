"""Plan metadata from the text before (and around) the table: body, dates, inspectorate."""

from __future__ import annotations

import datetime as dt
import re

from extractors.layout import RUNNING, Document
from pipeline.models import PlanInfo
from pipeline.normalise.dates import parse_target
from pipeline.text import clean

_SUBMITTED = re.compile(
    r"\b(?:action plan submitted|date (?:of )?submi(?:tted|ssion)|submission date|submitted(?: on)?"
    r"|date (?:plan )?(?:agreed|approved|signed off)"
    r"|(?:action )?plan (?:was )?(?:agreed|approved|signed off)(?: by [^:]{0,80}?)?(?: on)?"
    r"|date (?:agreed|approved|of agreement)|^(?:agreed|approved|signed off) by [^:]{0,80}?,?"
    r"(?: on)?)\s*[:\-–]?\s*(?P<date>.+)$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:report )?(?:published|publication date|date of publication)(?: on)?\s*[:\-–]?\s*"
    r"(?P<date>.+)$",
    re.IGNORECASE,
)
_PROBATION = re.compile(
    r"HMI ?Probation|Inspectorate of Probation|Chief Inspector of Probation", re.IGNORECASE
)
_PRISONS = re.compile(r"HMI ?Prisons|Inspectorate of Prisons|Chief Inspector of Prisons", re.I)

_NAME = r"[A-Z][\w'’&.-]*(?:\s+(?:and|&|of|upon|on|the)?\s*[A-Z][\w'’&.-]*){0,6}"
_ORG_PATTERNS = [
    re.compile(r"^action plan\s*[:\-–]\s*(?P<org>.+)$", re.IGNORECASE),
    re.compile(rf"\b(?P<org>NPS\s+{_NAME}\s+(?:Division|Region))"),
    re.compile(r"\b(?P<org>HM\s?(?:P|YOI|P\s*(?:&|and)\s*YOI|P/YOI|Prison(?: and YOI)?)\s+"
               r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"),
    re.compile(rf"\b(?P<org>{_NAME}\s+Youth (?:Offending|Justice) (?:Service|Team|Partnership))"),
    re.compile(r"response to the .{0,40}?inspection(?:\s*[:\-–]\s*|\s+of\s+(?:the\s+)?)"
               r"(?!(?:youth (?:offending|justice)|probation) services)(?P<org>.+)$",
               re.IGNORECASE),
    re.compile(rf"\b(?P<org>{_NAME}\s+(?:CRC|Community Rehabilitation Company|NPS\b.*"
               r"|National Probation Service.*|Probation Delivery Unit|PDU))"),
    # Last: the inspection's own wording names the area, not the body.
    re.compile(r"inspection of (?:youth (?:offending|justice) services|probation services) in "
               r"(?P<org>[^—–,(.]+)", re.IGNORECASE),
]
_TRAILING = re.compile(r"[\s,;:.\-–—]+$")


def read_front_matter(document: Document) -> PlanInfo:
    """Organisation, inspectorate, report-published and submitted dates, title."""
    lines = [clean(p.text) for p in document.paragraphs() if clean(p.text)]
    # Cover tables ("DATE | STATUS OF THIS RETURN") can hold dates too: read them last.
    for table in document.tables()[:3]:
        for row in table.rows:
            lines.append(clean(" ".join(c.text for c in row.cells)))
    info = PlanInfo()
    # A running page header repeats the title's words on every page: prefer the body's own.
    own = [clean(p.text) for p in document.paragraphs() if p.style != RUNNING and clean(p.text)]
    titles = [ln for ln in own if "action plan" in ln.lower() and len(ln) < 150]
    plain = [ln for ln in titles if not (_SUBMITTED.search(ln) or _PUBLISHED.search(ln))]
    info.title = (plain or own or lines or [None])[0]
    for line in lines:
        if info.submitted is None and (m := _SUBMITTED.search(line)):
            info.submitted = _day(m.group("date"))
        if info.report_published is None and (m := _PUBLISHED.search(line)):
            info.report_published = _month_or_day(m.group("date"))
        if info.inspectorate is None:
            if _PROBATION.search(line):
                info.inspectorate = "HMI Probation"
            elif _PRISONS.search(line):
                info.inspectorate = "HMI Prisons"
    info.organisation = _organisation(lines, "\n".join(document.texts()))
    if info.inspectorate is None and info.organisation:
        if re.search(r"\bHM\s?P|YOI|Prison", info.organisation):
            info.inspectorate = "HMI Prisons"
        elif re.search(r"Youth|CRC|Probation|NPS", info.organisation):
            info.inspectorate = "HMI Probation"
    return info


def _organisation(lines: list[str], document_text: str) -> str | None:
    for pattern in _ORG_PATTERNS:
        for line in lines[:60]:
            match = pattern.search(line)
            if match:
                org = _TRAILING.sub("", match.group("org").split(" by HM")[0]).strip()
                if 2 < len(org) <= 120:
                    return _usual_case(org, document_text)
    return None


def _usual_case(org: str, text: str) -> str:
    """A name found in a capitals-only title, as the document writes it elsewhere."""
    if not org.isupper():
        return org
    for match in re.finditer(re.escape(org), text, re.IGNORECASE):
        if not match.group(0).isupper():
            return match.group(0)
    return org


# The first date in a sentence: "5 November 2020; this version updated 15 January 2021."
_DATE_TEXT = re.compile(
    r"\d{1,2}\s*(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|[A-Za-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|[A-Za-z]{3,9}\s+\d{4}",
)


def _first_date(text: str) -> str:
    match = _DATE_TEXT.search(text)
    return match.group(0) if match else text[:60]


def _day(text: str) -> dt.date | None:
    target, _ = parse_target(_first_date(text))
    if target.start and target.start == target.end:
        return target.start
    return None


def _month_or_day(text: str) -> str | None:
    target, _ = parse_target(_first_date(text))
    if not (target.start and target.end):
        return None
    if target.start == target.end:
        return target.start.isoformat()
    if target.start.day == 1 and target.start.month == target.end.month and (
        target.start.year == target.end.year
    ):
        return target.start.isoformat()[:7]
    return None
