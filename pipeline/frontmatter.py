"""Plan metadata from the text before (and around) the table: title, body, inspectorate, dates.

The published templates put what the plan answers in a few lines at the top — the title
("Action Plan: HMP X"), the response line ("A Response to the HMI Probation Inspection: X"),
a cover table ("ESTABLISHMENT: HMP X") and the inspection line ("Report on an unannounced
inspection of HMP X by HM Chief Inspector of Prisons"). Those lines are trusted before
anything else; introductions are boilerplate, and the 2018–20 HMPPS prison template's names
both inspectorates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from extractors.layout import RUNNING, Block, Document, Line, Paragraph, Table
from pipeline.models import PlanInfo, PlanInfoProvenance, Provenance
from pipeline.normalise.dates import parse_target
from pipeline.provenance import boxes_of, joined, provenance_of
from pipeline.text import clean

T = TypeVar("T")

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
# A word each alternative of the pattern spells: every line of the head and every cell of
# its tables is searched for a date line, and most hold none of these words. (On ASCII text
# IGNORECASE matches what lower() makes equal; other text is left to the pattern.)
_SUBMITTED_WORDS = ("submi", "agree", "approved", "signed off")
_PUBLISHED_WORDS = ("publi",)

# -- inspectorate -------------------------------------------------------------------------
_PROBATION = re.compile(
    r"HMI ?Probation|Inspectorate of Probation|Chief Inspector of Probation", re.IGNORECASE
)
_PRISONS = re.compile(r"HMI ?Prisons|Inspectorate of Prisons|Chief Inspector of Prisons", re.I)
# What an answered report is about, when no inspectorate is named: a prison establishment,
# or a probation or youth justice body.
_ESTABLISHMENT = re.compile(
    r"\bHM\s?P\b|\bHMP\s?/\s?YOI\b|\bHM\s?YOI\b|\bYOI\b|\bHM Prison\b|\bHMIP Inspection\b"
    r"|\bHM\s?CIP\b|\bestablishment\b",
    re.IGNORECASE,
)
_PROBATION_BODY = re.compile(
    r"\bCRC\b|Community Rehabilitation Company|National Probation Service|\bNPS\b"
    r"|Probation Delivery Unit|\bPDU\b|Youth (?:Offending|Justice)|\bYO[ST]\b|\bYJS\b"
    r"|youth offending work",
    re.IGNORECASE,
)
_PRISON_ORG = re.compile(r"\bHM\s?P\b|\bYOI\b|Prison")
_PROBATION_ORG = re.compile(r"Youth|CRC|Probation|NPS|Community Rehabilitation|PDU")

# -- title ---------------------------------------------------------------------------------
_PLAN_WORDS = re.compile(r"\b(?:action|improvement|inspection|progress)\s+plan\b|\bplan\s*:", re.I)
_RESPONSE = re.compile(r"\bresponse to\b", re.IGNORECASE)
_BARE_PLAN = re.compile(r"^(?:inspection |improvement )?action plan$", re.IGNORECASE)
# A progress return's status line ("POSITION AS AT: December 2015") dates the page.
_POSITION = re.compile(r"\bposition as at\b", re.IGNORECASE)
_INTRO_HEADING = re.compile(r"^(?:\d+\.?\s*)?(?:introduction|background|context)$", re.I)
# A heading is short and is not a sentence of the introduction.
TITLE_MAX_CHARS = 160
RESPONSE_HEADING = 2
HEAD_PARAGRAPHS = 15  # the title block sits in the first paragraphs of the first page

# -- organisation --------------------------------------------------------------------------
# A name stops before the words of a title: 'HMP Marlow Heath Action Plan'.
_NOT_PLAN_WORD = r"(?!(?:Action|Improvement|Inspection|Plan|Report|Response|Progress)\b)"
_NAME = r"[A-Z][\w'’&.-]*(?:\s+(?:and|&|of|upon|on|the)?\s*[A-Z][\w'’&.-]*){0,6}"
# A colon, or a dash standing apart ("Post-inspection" is one word).
_SEP = r"(?:\s*:\s*|\s+[-–—]\s+|\s*[–—]\s*)"
_TITLE_ORG = [
    re.compile(rf"^action plan{_SEP}(?P<org>.+)$", re.IGNORECASE),
    re.compile(
        rf"^(?P<org>.+?){_SEP}(?:(?:a |the )?response to\b|(?:post-)?inspection\b"
        r"|(?:\w+\s+)?(?:action|improvement)\s+plan\b)",
        re.IGNORECASE,
    ),
]
_RESPONSE_ORG = re.compile(
    r"response to the .{0,60}?inspection(?:\s*[:\-–]\s*|\s+of\s+(?:the\s+)?|\s*$)"
    r"(?P<org>.*)$",
    re.IGNORECASE,
)
_ESTABLISHMENT_CELL = re.compile(
    r"\bESTABLISHMENT\s*[:\-–]?\s*(?P<org>.+?)(?:\s+POSITION AS AT\b.*)?$", re.IGNORECASE
)
_INSPECTION_OF = re.compile(
    r"^(?:an |the )?(?:(?:full |short |joint )?(?:un)?announced |thematic )?inspection of\s+"
    r"(?:the\s+)?(?P<org>.+)$",
    re.IGNORECASE,
)
_BODY_PATTERNS = [
    re.compile(rf"\b(?P<org>NPS\s+{_NAME}\s+(?:Division|Region))"),
    re.compile(
        r"\b(?P<org>HM\s?(?:P|YOI|P\s*(?:&|and)\s*YOI|P/YOI|Prison(?: and YOI)?)\s+"
        rf"{_NOT_PLAN_WORD}[A-Z][\w'’-]+(?:\s+{_NOT_PLAN_WORD}[A-Z][\w'’-]+){{0,2}})"
    ),
    re.compile(rf"\b(?P<org>{_NAME}\s+Youth (?:Offending|Justice) (?:Services?|Team|Partnership))"),
    re.compile(
        rf"\b(?P<org>{_NAME}\s+(?:CRC|Community Rehabilitation Company|NPS\b.*"
        r"|National Probation Service.*|Probation Delivery Unit|PDU))"
    ),
]
_INSPECTION_LINE = [
    re.compile(
        r"inspection of (?:youth (?:offending|justice) services|probation services) in "
        r"(?P<org>[^—–,(.]+)",
        re.IGNORECASE,
    ),
    re.compile(r"youth offending work in (?P<org>[^—–,(.0-9]+)", re.IGNORECASE),
    re.compile(
        r"inspection of (?:the\s+)?(?!(?:youth (?:offending|justice)|probation) services)"
        r"(?P<org>.+?)(?:\s+by\s+HM\b.*|\s*\(.*)?$",
        re.IGNORECASE,
    ),
]
# Words that name a report or an inspectorate, never the inspected body.
_NOT_A_BODY = re.compile(
    r"\bHM\s?CIP\b|\bHMIP\b|\bHMI\b|Inspectorate|\bREPORT\b|\brecommendations?\b"
    r"|\bresponse\b|\baction plan\b",
    re.IGNORECASE,
)
_GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:youth (?:offending|justice)\s+(?:services?|team|partnership)"
    r"|probation services?|community rehabilitation company|national probation service)$",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    r"\d.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[/.]\d{1,2}[/.]\d",
    re.IGNORECASE,
)
_BODY_END = re.compile(
    r"(?:CRC|Company|Service|Services|Division|Region|Team|Partnership|Unit|PDU|Trust|Council)$"
)
_TRAILING = re.compile(r"[\s,;:.\-–—]+$")
ORG_MAX_CHARS = 120
CONTINUATION_MAX_CHARS = 120  # a heading line, at most as long as a name


# Where a text of the head was read: the paragraphs that show it, or one visual line.
_Source = list[Paragraph] | Line


@dataclass(frozen=True, slots=True)
class _Head:
    """The lines of the title block, in order, and the rest of the document's text lines."""

    lines: list[str]  # own paragraphs before the introduction (or the first table)
    own: list[str]  # every body paragraph that is not page furniture
    running: list[str]  # page headers and footers kept as text
    cells: list[str]  # cells of the tables before the plan (cover tables)
    # A PDF paragraph's visual lines, when it has several: the reader may have grouped a
    # page header with the title below it, so each line is a title candidate too.
    split: dict[str, list[str]]
    # Where each of those texts was read (the first paragraph, line or cell showing it).
    # Kept as the reader's objects: only the few texts the front matter is taken from are
    # turned into provenance (``where``), not every line and cell of the head.
    sources: dict[str, _Source] = field(default_factory=dict)

    def where(self, text: str | None) -> Provenance | None:
        """Where ``text`` was read; None when it is no text of the head or has no place."""
        source = self.sources.get(text) if text is not None else None
        if source is None:
            return None
        if isinstance(source, Line):
            return Provenance(boxes=boxes_of([source]))
        return provenance_of(source)


def read_front_matter(document: Document) -> PlanInfo:
    """Title, organisation, inspectorate, report-published and submitted dates."""
    head = _head(document)
    every = [*head.own, *head.running, *head.cells]
    title, title_from = _title_and_sources(head)
    submitted, submitted_line = _first_parsed(every, _SUBMITTED, _SUBMITTED_WORDS, _day)
    published, published_line = _first_parsed(every, _PUBLISHED, _PUBLISHED_WORDS,
                                               _month_or_day)
    where = PlanInfoProvenance(
        title=joined(head.where(t) for t in title_from),
        submitted=head.where(submitted_line) if submitted_line else None,
        report_published=head.where(published_line) if published_line else None)
    organisation, org_from = _organisation(head, (title, title_from), document)
    where = where.model_copy(update={
        "organisation": joined(head.where(t) for t in org_from) if organisation else None})
    known = where.title or where.organisation or where.submitted or where.report_published
    return PlanInfo(
        title=title, organisation=organisation,
        inspectorate=_inspectorate(head, organisation), report_published=published,
        submitted=submitted, provenance=where if known else None)


def _first_parsed(lines: list[str], pattern: re.Pattern[str], words: tuple[str, ...],
                  parse: Callable[[str], T | None]) -> tuple[T | None, str | None]:
    """The first date ``pattern`` announces that ``parse`` understands, and its line
    (``words``: one of them is in every match of the pattern)."""
    for line in lines:
        if line.isascii():
            low = line.lower()
            if not any(word in low for word in words):
                continue
        if (m := pattern.search(line)) and (value := parse(m.group("date"))) is not None:
            return value, line
    return None, None


def _head(document: Document) -> _Head:
    own: list[str] = []
    running: list[str] = []
    lines: list[str] = []
    cells: list[str] = []
    split: dict[str, list[str]] = {}
    sources: dict[str, _Source] = {}
    in_head = True
    tables_seen = 0
    for block in _with_banner_rows(document.blocks):
        if isinstance(block, Table):
            tables_seen += 1
            if tables_seen <= 3:
                _table_texts(block, cells, sources)
            # A cover table (ESTABLISHMENT | TIMETABLE …) may sit inside the title block.
            in_head = in_head and _is_cover_table(block)
            continue
        text = clean(block.text)
        if not text:
            continue
        sources.setdefault(text, [block])
        if block.style == RUNNING:
            running.append(text)
            continue
        own.append(text)
        if len(block.lines) > 1:
            line_texts = [clean(ln.text) for ln in block.lines]  # each line cleaned once
            split[text] = [t for t in line_texts if t]
            for t, ln in zip(line_texts, block.lines, strict=True):
                sources.setdefault(t, ln)
        if in_head and _INTRO_HEADING.match(text):
            in_head = False
        if in_head and len(lines) < HEAD_PARAGRAPHS:
            lines.append(text)
    return _Head(lines, own, running, cells, split, sources)


def _table_texts(table: Table, cells: list[str], sources: dict[str, _Source]) -> None:
    """Each cell's text and each row's, as one text, in ``cells``; where each was read first
    in ``sources``."""
    for row in table.rows:
        texts = [" ".join(c.text.split()) for c in row.cells]  # each clean()
        filled = [t for t in texts if t]
        cells.extend(filled)
        cells.append(" ".join(filled))  # the row, as one text
        for c, text in zip(row.cells, texts, strict=True):
            sources.setdefault(text, c.paragraphs)
        if cells[-1] not in sources:  # the first row showing it (its list built only then)
            sources[cells[-1]] = [p for c in row.cells for p in c.paragraphs]


def _with_banner_rows(blocks: list[Block]) -> list[Block]:
    """The blocks, with the banner rows that open the first table read as paragraphs before
    it: a title block drawn as the table's first row (a Word title row merged across the
    table, or the lines above a rules-only table a reader took for its first row)."""
    first = next((i for i, b in enumerate(blocks) if isinstance(b, Table)), None)
    if first is None:
        return blocks
    table = blocks[first]
    assert isinstance(table, Table)
    banner: list[Block] = []
    for row in table.rows:
        filled = [c for c in row.cells if clean(c.text)]
        if len(filled) != 1 or filled[0].span * 2 < table.n_cols or table.n_cols < 2:
            break
        banner.extend(filled[0].paragraphs)
    return [*blocks[:first], *banner, *blocks[first:]]


def _is_cover_table(table: Table) -> bool:
    words = " ".join(c.text for r in table.rows[:2] for c in r.cells)
    return bool(re.search(r"ESTABLISHMENT|STATUS OF THIS RETURN|TIMETABLE", words, re.I))


# -- title ---------------------------------------------------------------------------------
def _is_date_line(line: str) -> bool:
    return bool(_SUBMITTED.search(line) or _PUBLISHED.search(line) or _POSITION.search(line))


def _title_rank(line: str) -> int:
    """How plainly a line is the plan's heading: 3 names the plan with more than the plan
    words, 2 is a response heading, 1 the bare words 'Action Plan', 0 not a heading."""
    if len(line) > TITLE_MAX_CHARS or _is_date_line(line) or re.search(r"\.\s+\w", line):
        return 0
    if _BARE_PLAN.match(line.strip(" .:")):
        return 1
    if _PLAN_WORDS.search(line):
        return 3
    if _RESPONSE.search(line) and not line.lower().startswith("in response to the report"):
        return RESPONSE_HEADING
    return 0


def _title_candidates(head: _Head) -> list[tuple[str, str | None]]:
    """(text, the paragraph after it) for the title block's paragraphs, then the rest of the
    first paragraphs; a paragraph's visual lines follow it."""
    paras = head.lines + [ln for ln in head.own[:60] if ln not in head.lines]
    out: list[tuple[str, str | None]] = []
    for i, text in enumerate(paras):
        after = paras[i + 1] if i + 1 < len(paras) else None
        out.append((text, after))
        parts = head.split.get(text, [])
        out += [(part, parts[j + 1] if j + 1 < len(parts) else after)
                for j, part in enumerate(parts) if not _wraps_on(parts, j)]
    return out


def _wraps_on(parts: list[str], j: int) -> bool:
    """A visual line the next one carries on in lower case is part of a sentence (the
    introduction's "… a timely action plan which confirms … or not" / "agreed, with …"),
    never a heading on its own."""
    return j + 1 < len(parts) and parts[j + 1][:1].islower()


def _title(head: _Head) -> str | None:
    """The plan's heading as printed: the best-ranked heading line, earliest first; never a
    date line, never page furniture when the body has a heading of its own."""
    return _title_and_sources(head)[0]


def _title_and_sources(head: _Head) -> tuple[str | None, list[str]]:
    """The title, and the texts of the head it is made of (one, or a heading and the
    paragraph it wraps onto)."""
    candidates = _title_candidates(head)
    ranked = [(r, -i) for i, (text, _) in enumerate(candidates) if (r := _title_rank(text))]
    if ranked:
        rank, index = max(ranked)
        title, following = candidates[-index]
        # A response heading may wrap onto the next paragraph, as a body's name does.
        if rank == RESPONSE_HEADING and _carries_on(title, following):
            return f"{title} {following}", [title, following]
        return title, [title]
    fallback = [ln for ln in head.own if not _is_date_line(ln)]
    first = (fallback or head.own or head.running or [None])[0]
    return first, [first] if first else []


# -- organisation --------------------------------------------------------------------------
def _body_name(text: str) -> str | None:
    """``text`` trimmed, when it can be the inspected body's name: not a report or an
    inspectorate, not a date, not a body type with no name."""
    org = _TRAILING.sub("", text.split(" by HM")[0]).strip(" \"'‘’“”")
    org = re.sub(r"^(?:the|an?)\s+", "", org, flags=re.IGNORECASE) if org[:4].lower() in (
        "the ",
        "an i",
    ) else org
    if not (2 < len(org) <= ORG_MAX_CHARS) or not org[0].isupper() and not org[0].isdigit():
        return None
    if _NOT_A_BODY.search(org) or _GENERIC_BODY.match(org) or _MONTH_DAY.search(org):
        return None
    if org[0].isdigit():
        return None
    return org


def _carries_on(line: str, following: str | None) -> bool:
    """The next paragraph can carry on ``line``'s heading: short, not a label, a date line,
    a heading of its own or a sentence, and ``line`` does not already end a body's name."""
    if not following or len(following) > CONTINUATION_MAX_CHARS:
        return False
    if ":" in following or _is_date_line(following) or not following[0].isupper():
        return False
    if _title_rank(following) or _INTRO_HEADING.match(following):
        return False
    if re.search(r"\.\s+\w", following):
        return False
    return not _BODY_END.search(line.rstrip(" .:"))


def _continuation(line: str, following: str | None) -> str:
    """``line`` with the next paragraph joined when that paragraph carries on the name
    (a name that wraps: 'Warwickshire & West Mercia' / 'Community Rehabilitation Company.';
    'National Probation Service' / 'Midlands Division', a body type with no name yet)."""
    joined = f"{line} {following}".strip()
    unfinished = not line or _body_name(line) is None
    if (_carries_on(line, following) or unfinished and _carries_on("", following)) and (
        not line or _body_name(joined)
    ):
        return joined
    return line


def _organisation(head: _Head, titled: tuple[str | None, list[str]],
                  document: Document) -> tuple[str | None, list[str]]:
    """The inspected body, from the most trusted line that names one: the title, the
    response line (joined with its continuation), the cover table's ESTABLISHMENT cell, a
    body named in the title block, the inspection line; then a body named anywhere. With it,
    the head's texts it was read from. ``titled``: the title and the texts it is made of."""
    lines = head.lines
    title, title_from = titled
    found: tuple[str | None, list[str]] = (None, [])
    if title is not None:
        for pattern in _TITLE_ORG:
            if (m := pattern.search(title)) and (name := _body_name(m.group("org"))):
                found = (name, title_from)
                break
    if found[0] is None:
        found = _from_response_line(lines)
    if found[0] is None:
        for text in [*head.cells, *head.running, *lines]:
            if (m := _ESTABLISHMENT_CELL.search(text)) and (name := _body_name(m.group("org"))):
                found = (name, [text])
                break
    searches = [(_BODY_PATTERNS, lines), (_INSPECTION_LINE, lines),
                (_BODY_PATTERNS, head.own[:60] + head.cells), (_INSPECTION_LINE, head.own[:60])]
    for patterns, texts in searches:
        if found[0] is None:
            found = _first_match(patterns, texts)
    name, sources = found
    return (_usual_case(name, document) if name else None), sources


def _from_response_line(lines: list[str]) -> tuple[str | None, list[str]]:
    for i, line in enumerate(lines):
        m = _RESPONSE_ORG.search(line)
        if m is None:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        own = m.group("org").strip()
        text = _continuation(own, following)
        # A thematic inspection names its subject on the next line: 'An Inspection of …'.
        if (sub := _INSPECTION_OF.match(text)) is not None:
            text = sub.group("org")
        if name := _body_name(text):
            return name, [line] + ([following] if following and text != own else [])
    return None, []


def _first_match(patterns: list[re.Pattern[str]], lines: list[str]) -> tuple[str | None, list[str]]:
    for pattern in patterns:
        for line in lines:
            if (m := pattern.search(line)) and (name := _body_name(m.group("org"))):
                return name, [line]
    return None, []


def _usual_case(org: str, document: Document) -> str:
    """A name found in a capitals-only title, as the document writes it elsewhere."""
    if not org.isupper():
        return org
    text = "\n".join(document.texts())  # only now: most names are not in capitals
    for match in re.finditer(re.escape(org), text, re.IGNORECASE):
        if not match.group(0).isupper():
            return match.group(0)
    return org


# -- inspectorate --------------------------------------------------------------------------
def _named_inspectorate(line: str) -> str | None:
    """The inspectorate a line names; None when it names neither, or both (boilerplate)."""
    probation, prisons = bool(_PROBATION.search(line)), bool(_PRISONS.search(line))
    if probation == prisons:
        return None
    return "HMI Probation" if probation else "HMI Prisons"


def _inspectorate(head: _Head, organisation: str | None) -> str | None:
    """What the plan answers: an inspectorate named in the title block, else the kind of
    body the title block names (a prison establishment or a probation/youth body), else the
    organisation's kind, and only then an inspectorate named elsewhere."""
    for line in head.lines:
        if named := _named_inspectorate(line):
            return named
    for line in [*head.lines, *head.cells[:12]]:
        prison, probation = bool(_ESTABLISHMENT.search(line)), bool(
            _PROBATION_BODY.search(line)
        )
        if prison != probation:
            return "HMI Prisons" if prison else "HMI Probation"
    if organisation:
        if _PRISON_ORG.search(organisation):
            return "HMI Prisons"
        if _PROBATION_ORG.search(organisation):
            return "HMI Probation"
    for line in [*head.own, *head.running, *head.cells]:
        if named := _named_inspectorate(line):
            return named
    return None


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
