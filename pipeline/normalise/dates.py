"""Target-date cells → ``Target`` (start, end, status, parts) with a small explicit grammar.

Decisions (also in docs/normalisation.md):

- A period stands for all its days: ``May 2020`` → 2020-05-01..2020-05-31, ``2021`` → the year,
  ``31 March 2021`` → that day. Ranges run from the start of the first period to the end of the
  last; a missing year on the left of a range comes from the right (one less when the left month
  is later: ``November – February 2021`` starts 2020-11-01).
- UK financial years start 1 April: ``2021/22`` → 2021-04-01..2022-03-31 and ``Q3 2020/21`` →
  2020-10-01..2020-12-31. ``Q3 2020`` (no financial year) is read as the calendar quarter, with a
  warning.
- Deadline phrases (``By September 2021``, ``End of April 2021``, ``before``, ``no later than``)
  give only an end: start is None. ``before X`` ends the day before X begins.
  ``from X`` / ``X onwards`` give only a start. ``w/c 5 October 2020`` → that day .. six days on.
- Status words: Completed/Complete/Achieved → completed; Commenced/Started/In progress →
  in_progress; Ongoing/Business as usual/Continuous → ongoing; dates with no status word →
  planned. A status preceded by "to be"/"will be"/"due" or ``complete by`` is a plan, not a status.
- Several statuses combine: one kind → that; ongoing with done/started work and nothing pending
  (``Completed and Ongoing``, ``Commenced and ongoing``) → ongoing; any other mix (part done,
  part pending, e.g. ``Durham – completed Cleveland – May 2020``) → in_progress.
- Per-area cells (``Durham – completed Cleveland – May 2020``) and stacked lines that each read
  on their own keep ``parts``; the whole target spans the earliest start to the latest end.
  Several stacked dates in one action's cell give their span, with a warning.
- A date without a year takes the most common year in ``plan_years`` (latest on a tie), with a
  warning; with no plan years it is not understood. Anything not understood keeps ``raw`` with
  start/end None and a warning: never a guess. A blank cell gives an empty target, no warning.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.models import PlanWarning, Target, TargetPart, TargetStatus, WarningCode

Notes = list[PlanWarning]  # what a target's parse was unsure of, each with its code

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}

_STATUS_PHRASES: list[tuple[tuple[str, ...], TargetStatus]] = [
    (("business", "as", "usual"), TargetStatus.ONGOING),
    (("not", "yet", "started"), TargetStatus.PLANNED),
    (("not", "started"), TargetStatus.PLANNED),
    (("on", "track"), TargetStatus.IN_PROGRESS),
    (("in", "place"), TargetStatus.COMPLETED),
    (("embedded",), TargetStatus.COMPLETED),
    # A recurring action has no end: it is ongoing.
    (("weekly",), TargetStatus.ONGOING),
    (("fortnightly",), TargetStatus.ONGOING),
    (("monthly",), TargetStatus.ONGOING),
    (("quarterly",), TargetStatus.ONGOING),
    (("termly",), TargetStatus.ONGOING),
    (("annually",), TargetStatus.ONGOING),
    (("yearly",), TargetStatus.ONGOING),
    (("in", "progress"), TargetStatus.IN_PROGRESS),
    (("under", "way"), TargetStatus.IN_PROGRESS),
    (("completed",), TargetStatus.COMPLETED),
    (("complete",), TargetStatus.COMPLETED),
    (("achieved",), TargetStatus.COMPLETED),
    (("implemented",), TargetStatus.COMPLETED),
    (("delivered",), TargetStatus.COMPLETED),
    (("done",), TargetStatus.COMPLETED),
    (("closed",), TargetStatus.COMPLETED),
    (("commenced",), TargetStatus.IN_PROGRESS),
    (("started",), TargetStatus.IN_PROGRESS),
    (("underway",), TargetStatus.IN_PROGRESS),
    (("ongoing",), TargetStatus.ONGOING),
    (("continuous",), TargetStatus.ONGOING),
    (("continuing",), TargetStatus.ONGOING),
    (("continual",), TargetStatus.ONGOING),
    (("bau",), TargetStatus.ONGOING),
]
# Words that turn a following status word into a plan ("to be completed by May").
_FUTURE_MARKERS = {"be", "due", "for", "awaiting", "not", "until"}
# Words a cell may hold around its dates without changing their meaning.
_FILLER = {
    "and", "the", "of", "by", "end", "to", "from", "in", "on", "at", "for", "date", "target",
    "due", "approx", "approximately", "estimated", "expected", "with", "then", "be", "will",
    "a", "an", "practice", "onwards", "onward", "before", "deadline", "no", "later", "than",
    "after", "commencing", "starting", "beginning", "start", "close", "mid", "early", "late",
    "until", "during", "within", "throughout", "year", "fy", "financial", "quarter", "q",
    "month", "is", "was", "now", "has", "been", "st", "nd", "rd", "th", "w", "c", "week",
}  # fmt: skip
_VOCAB = (
    set(_MONTHS)
    | {w for words, _ in _STATUS_PHRASES for w in words}
    | {"progress", "practice", "quarter", "onwards", "september", "november", "december"}
)
_DEADLINE_WORDS = {"by", "deadline"}
_START_WORDS = {"from", "after", "commencing", "starting"}

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TOKEN_RE = re.compile(
    rf"""
     (?P<iso>\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b)
    |(?P<numdate>\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b\d{{1,2}}-\d{{1,2}}-\d{{4}}\b)
    |(?P<fy>\b(?:fy\s*)?\d{{4}}\s*/\s*\d{{2}}(?:\d{{2}})?\b|\b\d{{4}}-\d{{2}}(?:\d{{2}})?\b
        |\bfy\s*\d{{2}}\s*/\s*\d{{2}}\b|(?<=q[1-4]\s)\d{{2}}/\d{{2}}\b)
    |(?P<monyy>\b(?:{_MONTH_RE})\.?[-'’]\d{{2}}\b)
    |(?P<quarter>\b(?:q|quarter)\s*[1-4]\b)
    |(?P<month>\b(?:{_MONTH_RE})\b\.?)
    |(?P<year>\b(?:19|20)\d{{2}}\b)
    |(?P<num>\b\d{{1,2}}\b)
    |(?P<wc>\bw/c\b|\bw\.c\b\.?|\bweek\s+(?:commencing|beginning|starting)\b)
    |(?P<dash>-|\bto\b|\buntil\b|\btill\b|\bthrough\b)
    |(?P<word>[a-z]+(?:'[a-z]+)?)
    """,
    re.X,
)


@dataclass(frozen=True)
class _Tok:
    """A token of a target cell: its kind, its text, and what it stands for."""

    kind: str
    text: str
    n: int = 0  # a year, day, month, quarter, or the first year of a financial year
    pair: tuple[int, int] = (0, 0)  # "Mar-21": (month, year); a season: (first, last month)
    date: dt.date | None = None  # a written date ("31/03/2021")


@dataclass
class _Point:
    """A date as far as the text gives it, or a fixed span (financial year, quarter)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    span: tuple[dt.date, dt.date] | None = None


@dataclass
class _Clause:
    start: dt.date | None = None
    end: dt.date | None = None
    statuses: list[TargetStatus] = field(default_factory=list)
    periods: int = 0
    warnings: Notes = field(default_factory=list)
    understood: bool = True

    @property
    def status(self) -> TargetStatus | None:
        if self.statuses:
            return combine_statuses(self.statuses)
        return TargetStatus.PLANNED if self.periods else None


def combine_statuses(statuses: Sequence[TargetStatus]) -> TargetStatus:
    """One status for several (clauses or parts), by the precedence in the module docstring."""
    kinds = set(statuses)
    if len(kinds) == 1:
        return statuses[0]
    if TargetStatus.ONGOING in kinds and TargetStatus.PLANNED not in kinds:
        return TargetStatus.ONGOING
    return TargetStatus.IN_PROGRESS


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_ON_GOING = re.compile(r"\bon[- ]going\b")
_ORDINAL = re.compile(r"\b(\d{1,2})\s*(st|nd|rd|th)\b")


def _normalise(text: str) -> str:
    # A word a narrow PDF column cut ("Commence" / "d") is mended before it reaches here
    # (pipeline.text.mend_cut_words); "On going" is a spelling, not a cut.
    text = text.lower()
    text = _DASHES.sub("-", text)
    text = _ON_GOING.sub("ongoing", text)
    text = _ORDINAL.sub(r"\1", text)
    return text


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _fy_start(first: int, second: int) -> int | None:
    """Start year of a financial year written first/second, if the two are consecutive."""
    if second < 100:
        return first if (first + 1) % 100 == second else None
    return first if second == first + 1 else None


def _tokenise(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        toks += _tokens(m.lastgroup or "word", m.group())
    return toks


_NOT_LETTER = re.compile(r"[^a-z]")
_DIGITS = re.compile(r"\d+")


def _tokens(kind: str, s: str) -> list[_Tok]:
    """The token(s) one match of ``_TOKEN_RE`` stands for."""
    if kind in ("iso", "numdate"):
        return [_date_token(kind, s)]
    if kind == "fy":
        return _fy_tokens(s)
    if kind == "monyy":
        name = _NOT_LETTER.split(s, maxsplit=1)[0]  # "sept.-21" → "sept"
        return [_Tok("monyy", s, pair=(_MONTHS[name], 2000 + int(s[-2:])))]
    if kind == "quarter":
        return [_Tok("quarter", s, int(s[-1]))]
    if kind == "month":
        return [_Tok("month", s, _MONTHS[s.rstrip(".")])]
    if kind in ("year", "num"):
        return [_Tok(kind, s, int(s))]
    if kind == "word" and s in _SEASONS:
        return [_Tok("season", s, pair=_SEASONS[s])]
    return [_Tok(kind, s)]


def _date_token(kind: str, s: str) -> _Tok:
    nums = [int(x) for x in _DIGITS.findall(s)]
    y, mo, d = nums if kind == "iso" else (nums[2], nums[1], nums[0])
    if y < 100:
        y += 2000
    try:
        return _Tok("date", s, date=dt.date(y, mo, d))
    except ValueError:
        return _Tok("bad", s)


def _fy_tokens(s: str) -> list[_Tok]:
    first, second = (int(x) for x in _DIGITS.findall(s))
    if first < 100:
        first += 2000
    start = _fy_start(first, second)
    if start is not None:
        return [_Tok("fy", s, start)]
    if second >= 1900:  # "2020-2022": a range of calendar years
        return [_Tok("year", str(first), first), _Tok("dash", "-"),
                _Tok("year", str(second), second)]
    return [_Tok("bad", s)]


def _quarter_span(year: int, q: int, *, financial: bool) -> tuple[dt.date, dt.date]:
    first_month = (3 * q + 1) if financial else (3 * q - 2)
    if financial and q == 4:
        year, first_month = year + 1, 1
    last_month = first_month + 2
    return dt.date(year, first_month, 1), dt.date(year, last_month, _last_day(year, last_month))


def _point_at(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    """The date point starting at token i and the index after it, or None."""
    if i >= len(toks):
        return None
    reader = _POINT_READERS.get(toks[i].kind)
    return reader(toks, i, warnings) if reader is not None else None


def _kind_at(toks: list[_Tok], i: int) -> str | None:
    return toks[i].kind if i < len(toks) else None


def _date_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    d = toks[i].date
    return (_Point(d.year, d.month, d.day), i + 1) if d is not None else None


def _monyy_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    month, year = toks[i].pair
    return _Point(year, month), i + 1


def _num_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    """A day before its month ("31 March", "31st of March"), or the left end of "11-22 May"."""
    after = i + 1
    if after < len(toks) and toks[after].text == "of" and _kind_at(toks, i + 2) in (
        "month", "monyy"
    ):
        after = i + 2
    if _kind_at(toks, after) in ("month", "monyy"):
        found = _point_at(toks, after, warnings)
        if found is not None:
            found[0].day = toks[i].n
        return found
    if _kind_at(toks, i + 1) == "dash":
        return _Point(day=toks[i].n), i + 1
    return None


def _month_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    """A month, with the day and year written after it ("May 31 2021", "May 2021",
    "Dec 20")."""
    t = toks[i]
    p, j = _Point(month=t.n), i + 1
    if _kind_at(toks, j) == "num" and 1 <= toks[j].n <= 31 and _kind_at(toks, j + 1) == "year":
        p.day, j = toks[j].n, j + 1  # "May 31 2021"
    if _kind_at(toks, j) == "year":
        p.year = toks[j].n
        j += 1
    elif (
        _kind_at(toks, j) == "num" and len(toks[j].text) == 2
        and not any(tok.kind in ("year", "fy", "date") for tok in toks)
    ):
        # UK shorthand "Dec 20" / "May 21" is a month and a two-digit year.
        p.year, j = 2000 + toks[j].n, j + 1
        shorthand = f"'{t.text} {toks[j - 1].text}'"
        warnings.append(_note(WarningCode.TARGET_SHORTHAND,
                              f"{shorthand} read as month and two-digit year"))
    return p, j


def _year_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    return _Point(year=toks[i].n), i + 1


def _season_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    if _kind_at(toks, i + 1) != "year":
        return None
    (first, last), y = toks[i].pair, toks[i + 1].n
    return _Point(span=(dt.date(y, first, 1), dt.date(y, last, _last_day(y, last)))), i + 2


def _fy_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    y = toks[i].n
    if _kind_at(toks, i + 1) == "quarter":
        return _Point(span=_quarter_span(y, toks[i + 1].n, financial=True)), i + 2
    return _Point(span=(dt.date(y, 4, 1), dt.date(y + 1, 3, 31))), i + 1


def _quarter_point(toks: list[_Tok], i: int, warnings: Notes) -> tuple[_Point, int] | None:
    """"Q3 2020/21" (financial), "Q3 2020" (calendar, with a warning)."""
    t, j = toks[i], i + 1
    if j < len(toks) and toks[j].text == "of":
        j += 1
    if _kind_at(toks, j) == "fy":
        return _Point(span=_quarter_span(toks[j].n, t.n, financial=True)), j + 1
    if _kind_at(toks, j) == "year":
        warnings.append(_note(WarningCode.TARGET_SHORTHAND,
                              f"'{t.text} {toks[j].text}' read as a calendar quarter"))
        return _Point(span=_quarter_span(toks[j].n, t.n, financial=False)), j + 1
    return None


_PointReader = Callable[[list[_Tok], int, Notes], "tuple[_Point, int] | None"]
_POINT_READERS: dict[str, _PointReader] = {
    "date": _date_point, "monyy": _monyy_point, "num": _num_point, "month": _month_point,
    "year": _year_point, "season": _season_point, "fy": _fy_point, "quarter": _quarter_point,
}


def _fill_range(left: _Point, right: _Point) -> None:
    """Give each side of a range what the other states (month, year)."""
    if left.span or right.span:
        return
    if left.month is None and left.year is None and left.day is not None:
        left.month = right.month
    if right.month is None and right.year is None and right.day is not None:
        right.month = left.month
    if left.year is None and right.year is not None:
        left.year = right.year
        if left.month and right.month and left.month > right.month:
            left.year -= 1
    elif right.year is None and left.year is not None:
        right.year = left.year
        if left.month and right.month and right.month < left.month:
            right.year += 1


def _extent(p: _Point) -> tuple[dt.date, dt.date]:
    """First and last day a complete point stands for; raises ValueError if impossible."""
    if p.span:
        return p.span
    if p.year is None or (p.day is not None and p.month is None):
        raise ValueError("incomplete date")
    if p.month is None:
        return dt.date(p.year, 1, 1), dt.date(p.year, 12, 31)
    if p.day is None:
        return dt.date(p.year, p.month, 1), dt.date(p.year, p.month, _last_day(p.year, p.month))
    day = dt.date(p.year, p.month, p.day)
    return day, day


def commonest_year(plan_years: Sequence[int]) -> tuple[int, ...]:
    """The plan's years as the grammar uses them: only the one a yearless date takes (the
    commonest, latest on a tie), or none. ``parse_target`` reads the same from either, so a
    plan works this out once rather than once per target cell."""
    year = _plan_year(plan_years)
    return (year,) if year is not None else ()


def _plan_year(plan_years: Sequence[int]) -> int | None:
    counts = Counter(y for y in plan_years if 1900 <= y <= 2100)
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


# The status phrases by first word, each word's in the list's order (the first that matches
# decides): every token of a cell is tried, and most begin none.
_STATUS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], TargetStatus]]] = {}
for _phrase, _status in _STATUS_PHRASES:
    _STATUS_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _status))


def _status_at(toks: list[_Tok], i: int) -> tuple[TargetStatus, int] | None:
    phrases = _STATUS_BY_FIRST.get(toks[i].text)
    if phrases is None:
        return None
    words = [t.text for t in toks[i : i + 3]]
    for phrase, status in phrases:
        if tuple(words[: len(phrase)]) != phrase:
            continue
        prev = toks[i - 1].text if i else ""
        end = i + len(phrase)
        nxt = toks[end].text if end < len(toks) else ""
        if prev in _FUTURE_MARKERS or (phrase == ("complete",) and nxt in ("by", "before")):
            return None
        return status, end
    return None


def _parse_clause(text: str, plan_years: Sequence[int]) -> _Clause:
    """Parse one clause (no per-area labels) into a span and statuses."""
    return _ClauseReader(text, plan_years).read()


# Tokens that, left over beside a clause's dates, are words the grammar did not understand.
_STRAY_KINDS = frozenset({"bad", "month", "quarter", "season", "num"})


class _ClauseReader:
    """One pass over a clause's tokens: statuses, then periods with what narrows them."""

    def __init__(self, text: str, plan_years: Sequence[int]) -> None:
        self.text, self.plan_years = text, plan_years
        self.toks = _tokenise(_normalise(text))
        self.clause = _Clause()
        self.unknown: list[str] = []
        self.starts: list[dt.date] = []
        self.ends: list[dt.date] = []

    def read(self) -> _Clause:
        i = 0
        while i < len(self.toks):
            status = _status_at(self.toks, i)
            if status:
                self.clause.statuses.append(status[0])
                i = status[1]
                continue
            after = self._period(i)
            if after is None:
                t = self.toks[i]
                if t.kind in _STRAY_KINDS or (t.kind == "word" and t.text not in _FILLER | _VOCAB):
                    self.unknown.append(t.text)
                i += 1
            else:
                i = after
        return self._finish()

    def _period(self, i: int) -> int | None:
        """Read the period (a date, or a range of two) at token i; the index after it, or
        None when no date starts there."""
        toks, clause = self.toks, self.clause
        week = toks[i].kind == "wc"
        at = _point_at(toks, i + 1 if week else i, clause.warnings)
        if at is None:
            return None
        left, j = at
        right = left
        if j + 1 < len(toks) and toks[j].kind == "dash" and not week:
            nxt = _point_at(toks, j + 1, clause.warnings)
            if nxt is not None:
                right, j = nxt
                _fill_range(left, right)
        if any(p.day is not None and p.month is None for p in (left, right)):
            self.unknown.append(toks[i].text)  # a bare day number
            return j
        if not self._years(left, right):
            return j
        try:
            start, _ = _extent(left)
            _, end = _extent(right)
        except ValueError:
            self.unknown.append(" ".join(t.text for t in toks[i:j]))
            return j
        if start > end:
            clause.warnings.append(_note(
                WarningCode.TARGET_RANGE_REVERSED,
                f"target range ends before it starts: '{_one_line(self.text)}'"))
            clause.understood = False
            return j
        prev = [t.text for t in toks[max(0, i - 4) : i] if t.text != "the"]
        s, e = _apply_modifiers(start, end, prev, toks[j].text if j < len(toks) else "", week)
        if s is not None:
            self.starts.append(s)
        if e is not None:
            self.ends.append(e)
        clause.periods += 1
        return j

    def _years(self, left: _Point, right: _Point) -> bool:
        """Give a period without a year the plan's year (with a warning); False when there
        is none to give."""
        if all(p.span is not None or p.year is not None for p in (left, right)):
            return True
        year = _plan_year(self.plan_years)
        if year is None:
            self.clause.warnings.append(_note(WarningCode.TARGET_NO_YEAR,
                                          f"no year in target '{_one_line(self.text)}'"))
            self.clause.understood = False
            return False
        right.year = right.year or year
        _fill_range(left, right)
        left.year = left.year or year
        self.clause.warnings.append(_note(WarningCode.TARGET_YEAR_INFERRED,
                                          f"year {year} taken from the plan's other dates"))
        return True

    def _finish(self) -> _Clause:
        clause = self.clause
        if clause.periods or clause.statuses:
            if self.unknown:
                clause.warnings.append(_note(
                    WarningCode.TARGET_WORDS_IGNORED,
                    f"ignored words in target: {' '.join(self.unknown)}"))
        elif self.text.strip():
            clause.understood = False
            clause.warnings.append(_note(WarningCode.TARGET_NOT_UNDERSTOOD,
                                         f"target not understood: '{_one_line(self.text)}'"))
        if not clause.understood:
            return clause
        clause.start = min(self.starts) if self.starts else None
        clause.end = max(self.ends) if self.ends else None
        if clause.start and clause.end and clause.start > clause.end:
            clause.start = None  # "from May 2021 … by March 2021": only the deadline is certain
        return clause


def _apply_modifiers(
    start: dt.date, end: dt.date, prev: list[str], after: str, week: bool
) -> tuple[dt.date | None, dt.date | None]:
    """Narrow a period by the words around it (by, end of, before, from, onwards, w/c)."""
    if week:
        return start, start + dt.timedelta(days=6)
    last = prev[-1] if prev else ""
    before_last = prev[-2] if len(prev) > 1 else ""
    if last == "before" or (last == "to" and before_last == "prior"):
        return None, start - dt.timedelta(days=1)
    if (
        last in _DEADLINE_WORDS
        or last == "end"
        or (last == "of" and before_last in ("end", "close"))
        or (last == "than" and before_last == "later")
    ):
        return None, end
    if last in _START_WORDS or after in ("onwards", "onward"):
        return start, None
    return start, end


def _one_line(text: str) -> str:
    return " ".join(text.split())


_LABEL_RE = re.compile(r"(?:^|(?<=\s))([A-Z][A-Za-z&'.]*(?:[ \t]+[A-Z][A-Za-z&'.]*){0,3})\s*[-–—:]")


def _is_label(words: str) -> bool:
    """True when a capitalised run before a dash names an area, not a date or status."""
    toks = _tokenise(_normalise(words))
    if not toks:
        return False
    for k, t in enumerate(toks):
        if t.kind != "word" or t.text in _FILLER or _status_at(toks, k):
            return False
    return True


def _labelled_parts(text: str) -> list[tuple[str | None, str]] | None:
    """Split a per-area cell into (label, text) parts, or None if it has no area labels."""
    flat = text
    cuts = [m for m in _LABEL_RE.finditer(flat) if _is_label(m.group(1))]
    if not cuts:
        return None
    parts: list[tuple[str | None, str]] = []
    head = flat[: cuts[0].start()].strip()
    if head:
        parts.append((None, head))
    for k, m in enumerate(cuts):
        stop = cuts[k + 1].start() if k + 1 < len(cuts) else len(flat)
        body = flat[m.end() : stop].strip()
        parts.append((m.group(1).strip(), body))
    if any(not body for _, body in parts):
        return None
    return parts


_OPEN_END = re.compile(r"([-–—/,&]|\b(and|to|of|by|from|the|end|until|w/c))\s*$", re.I)
# A line that carries the one before on: it opens with a dash, "and" or "to".
_CARRIES_ON = re.compile(r"\s*([-–—]|and\b|to\b)")


def _ends_open(line: str) -> bool:
    """True when a line cannot end an item: it ends with a dash or a joining word."""
    return bool(_OPEN_END.search(line))


def _items(raw: str) -> list[str] | None:
    """Group the cell's lines into self-standing date/status items, or None if some can't be."""
    lines = [ln for ln in raw.split("\n") if ln.strip()]
    items: list[str] = []
    cur: list[str] = []
    for k, line in enumerate(lines):
        cur.append(line)
        text = "\n".join(cur)
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and (_ends_open(line) or _CARRIES_ON.match(nxt)):
            continue
        clause = _parse_clause(text, ())
        if clause.understood and not clause.warnings and _labelled_parts(text) is None:
            items.append(text)
            cur = []
    if cur:
        return None
    return items


# Short target cells are worked out once per process (``written_years``, ``parse_target``):
# they are pure functions of the text (and the plan's year), and most cells are short.
MEMO_MAX_CHARS = 200
MEMO_ENTRIES = 4096


def written_years(raw: str) -> list[int]:
    """The years a target cell states, as the date grammar reads them: "2021", "31/03/2021",
    "Mar-21", the first year of "2021/22" (a plan's other dates lend a year to "11-22 May")."""
    # Short cells recur ("March 2021" beside many actions): each is tokenised once, as in
    # ``parse_target``.
    if len(raw) > MEMO_MAX_CHARS:
        return _written_years(raw)
    return list(_written_years_memo(raw))


def _written_years(raw: str) -> list[int]:
    years: list[int] = []
    for tok in _tokenise(_normalise(raw)):
        if tok.kind in ("year", "fy"):
            years.append(tok.n)
        elif tok.kind == "monyy":
            years.append(tok.pair[1])
        elif tok.date is not None:
            years.append(tok.date.year)
    return years


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _written_years_memo(raw: str) -> tuple[int, ...]:
    return tuple(_written_years(raw))


def split_stacked_targets(raw: str, n: int) -> list[str] | None:
    """Split a cell holding one target per action (stacked by line) into n raw strings.

    Returns None unless the lines group into exactly n items that each read as a date or status.
    """
    if n < 1 or not raw or not raw.strip():
        return None
    items = _items(raw)
    if items is None or len(items) != n:
        return None
    return items


# A later date written over the first: "revised date March 2021", "now June 2021".
_REVISION = re.compile(
    r"(?:^|(?<=[\s(,;:–—-]))(?:(?:revised|new|amended|updated)(?:\s+target)?(?:\s+(?:completion\s+)?"
    r"date)?(?:\s+(?:to|of|is))?|now(?:\s+(?:due|expected))?(?:\s+(?:by|in))?"
    r"|(?:rescheduled|extended|moved|deferred|delayed|postponed|put back)\s+(?:to|until))"
    r"\s*[:\-–—]?\s+",
    re.IGNORECASE,
)


def _revised(raw: str, plan_years: Sequence[int]) -> tuple[str, _Clause] | None:
    """The revised target in a cell that replaces its first date, with its parse, or None."""
    flat = _one_line(raw)
    for m in reversed(list(_REVISION.finditer(flat))):
        rest = flat[m.end() :].strip(" )")
        clause = _parse_clause(rest, plan_years)
        if clause.understood and clause.periods:
            return rest, clause
    return None


def _note(code: WarningCode, message: str) -> PlanWarning:
    """A warning about a target, without its place (the caller names the action and page)."""
    return PlanWarning(code=code, message=message)


def parse_target(raw: str | None, *, plan_years: Sequence[int] = ()) -> tuple[Target, Notes]:
    """Parse a target cell into a Target and warnings; ``plan_years`` supplies missing years."""
    if raw is None or not raw.strip():
        return Target(raw=raw), []
    # The plan's years matter only through the one a yearless date takes, so that year and
    # the cell's text decide the parse. "March 2021", "Completed", "Ongoing" recur in every
    # plan: a short cell is parsed once per process (the Target is frozen and may be shared;
    # the caller gets its own list of notes).
    year = _plan_year(plan_years)
    if len(raw) > MEMO_MAX_CHARS:
        return _parse_target(raw, year)
    target, notes = _parse_target_memo(raw, year)
    return target, list(notes)


def _parse_target(raw: str, year: int | None) -> tuple[Target, Notes]:
    # ``_plan_year`` of the one year is that year: the grammar sees what the plan's years say.
    plan_years = (year,) if year is not None else ()
    revised = _revised(raw, plan_years)
    if revised is not None:
        # The target is the date now in force; the original stays in ``raw`` for the record.
        text, c = revised
        note = _note(WarningCode.TARGET_REVISED,
                     f"target revised: took '{text}'; the original is kept in the raw text")
        return Target(raw=raw, start=c.start, end=c.end, status=c.status), [note, *c.warnings]
    labelled = _labelled_parts(raw)
    if labelled is not None:
        pieces = labelled
    else:
        stacked = _items(raw)
        pieces = [(None, s) for s in stacked] if stacked and len(stacked) > 1 else [(None, raw)]
    clauses = [(label, text, _parse_clause(text, plan_years)) for label, text in pieces]
    warnings = [w for _, _, c in clauses for w in c.warnings]
    if len(clauses) == 1:
        c = clauses[0][2]
        return Target(raw=raw, start=c.start, end=c.end, status=c.status), warnings
    parts = [
        TargetPart(label=label, raw=text.strip(), start=c.start, end=c.end, status=c.status)
        for label, text, c in clauses
    ]
    if not all(c.understood for _, _, c in clauses):
        return Target(raw=raw, parts=parts, status=None), warnings
    starts = [c.start for _, _, c in clauses if c.start]
    ends = [c.end for _, _, c in clauses if c.end]
    statuses = [c.status for _, _, c in clauses if c.status]
    dated = sum(1 for _, _, c in clauses if c.periods)
    if labelled is None and dated > 1:
        warnings.append(_note(WarningCode.TARGET_STACKED,
                              "several dates stacked in one target; took their span"))
    start = min(starts) if starts else None
    end = max(ends) if ends else None
    if start and end and start > end:
        start = None
    status = combine_statuses(statuses) if statuses else None
    return Target(raw=raw, start=start, end=end, status=status, parts=parts), warnings


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _parse_target_memo(raw: str, year: int | None) -> tuple[Target, tuple[PlanWarning, ...]]:
    target, notes = _parse_target(raw, year)
    return target, tuple(notes)
