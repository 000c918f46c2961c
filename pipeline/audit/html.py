"""``audit.html``: one self-contained page a person reads to see which plans, and which
recommendations, need attention.

No script, font, image or style is fetched: styles are inline, the chart is inline SVG drawn
here, and a Content-Security-Policy forbids every load. All document text is escaped.
Machine-readable hooks (``data-*`` attributes) let tests and scripts read the page back.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.audit.models import SEVERITIES, Finding, PlanAudit
from pipeline.models import ActionPlan
from pipeline.text import shorten

# The report's recommendation shown beside its findings: a short paragraph, not the whole text.
_SHOWN_WORDS = 30

AUDIT_HTML = "audit.html"
# Chart geometry (SVG user units): a bar per month, labels every few months.
BAR_WIDTH = 14
BAR_GAP = 3
CHART_HEIGHT = 120
AXIS_SPACE = 28
MAX_MONTHS = 72  # longer spans are drawn per year so the chart stays readable

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:2px solid #dde4ee}
h3{font-size:1rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #e3e7ee;vertical-align:top}th{background:#dde4ee}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.score{font-weight:600}.low{color:#a1151b}.mid{color:#8a5a00}.high{color:#1d6b2f}
.sev{display:inline-block;min-width:4.5rem;font-size:.8rem;font-weight:600;padding:0 .3rem;
border-radius:3px;margin-right:.4rem;text-align:center}
.sev.error{background:#fbe0e0;color:#8c1016}.sev.warning{background:#fff0c2;color:#6d4c00}
.sev.advice{background:#e4ecf7;color:#1f3f6b}
ul.findings{list-style:none;padding-left:0;margin:.2rem 0}ul.findings li{margin:.15rem 0}
code{font-size:.85rem;color:#445}.rectext{color:#556;font-size:.9rem;margin:.1rem 0 .3rem}
.none{color:#1d6b2f}svg text{font-size:10px;fill:#445}svg .bar{fill:#4a6fa5}
"""


@dataclass(frozen=True, slots=True)
class PagePlan:
    """One plan on the page: its audit, and the plan itself for texts and dates."""

    anchor: str
    audit: PlanAudit
    plan: ActionPlan


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _score_class(score: float) -> str:
    return "high" if score >= 90 else "mid" if score >= 75 else "low"


def render_page(items: Iterable[tuple[PlanAudit, ActionPlan]], *, title: str = "Plan audit",
                generated: dt.date | None = None) -> str:
    """The whole page: summary, ranking, chart of target end dates, findings per plan."""
    ranked = sorted(items, key=lambda i: (i[0].score, i[0].file.casefold()))
    plans = [PagePlan(f"plan-{n}", audit, plan) for n, (audit, plan) in enumerate(ranked, 1)]
    totals = Counter({s: sum(getattr(p.audit.counts, s) for p in plans) for s in SEVERITIES})
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p id="summary">{len(plans)} plan{"s" if len(plans) != 1 else ""} audited'
        + (f" on {generated.isoformat()}" if generated else "")
        + f": {totals['error']} errors, {totals['warning']} warnings, {totals['advice']} "
        "advice. Plans are ranked by completeness score, lowest first; errors are what a "
        "plan must fix (an answer, actions, an owner, a target, a reason, a report "
        "recommendation left out).</p>",
        _ranking(plans),
        _chart(plans),
    ]
    parts.extend(_plan_section(p) for p in plans)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _ranking(plans: list[PagePlan]) -> str:
    rows = []
    for rank, p in enumerate(plans, 1):
        a = p.audit
        rows.append(
            f'<tr class="plan" data-file="{_e(a.file)}" data-score="{a.score:.1f}" '
            f'data-errors="{a.counts.error}" data-warnings="{a.counts.warning}" '
            f'data-advice="{a.counts.advice}">'
            f'<td class="num">{rank}</td><td><a href="#{p.anchor}">{_e(a.file)}</a></td>'
            f"<td>{_e(a.organisation or '')}</td>"
            f'<td class="num score {_score_class(a.score)}">{a.score:.1f}</td>'
            f'<td class="num">{a.counts.error}</td><td class="num">{a.counts.warning}</td>'
            f'<td class="num">{a.counts.advice}</td><td>{_e(a.report or "")}</td></tr>')
    return ('<h2 id="ranking">Plans by score</h2><table id="ranking-table"><thead><tr>'
            "<th>#</th><th>Plan</th><th>Organisation</th><th>Score</th><th>Errors</th>"
            "<th>Warnings</th><th>Advice</th><th>Report compared</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _months(plans: list[PagePlan]) -> Counter[tuple[int, int]]:
    ends: Counter[tuple[int, int]] = Counter()
    for p in plans:
        for rec in p.plan.recommendations:
            for action in rec.actions:
                if action.target.end is not None:
                    ends[(action.target.end.year, action.target.end.month)] += 1
    return ends


def _chart(plans: list[PagePlan]) -> str:
    """Inline SVG bars: actions whose target ends in each month (or year, for long spans)."""
    ends = _months(plans)
    heading = '<h2 id="targets">Target end dates</h2>'
    if not ends:
        return heading + "<p>No action gives a dated target.</p>"
    first, last = min(ends), max(ends)
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if span > MAX_MONTHS:
        years = Counter({y: 0 for y in range(first[0], last[0] + 1)})
        for (year, _), n in ends.items():
            years[year] += n
        bins = [(str(y), n) for y, n in sorted(years.items())]
        label_every, unit = 1, "year"
    else:
        bins = []
        year, month = first
        for _ in range(span):
            bins.append((f"{year}-{month:02d}", ends.get((year, month), 0)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        label_every, unit = (1 if span <= 12 else 3 if span <= 36 else 6), "month"
    peak = max(n for _, n in bins) or 1
    width = len(bins) * (BAR_WIDTH + BAR_GAP) + BAR_GAP
    bars = []
    for i, (label, n) in enumerate(bins):
        x = BAR_GAP + i * (BAR_WIDTH + BAR_GAP)
        h = round(CHART_HEIGHT * n / peak, 1)
        bars.append(f'<rect class="bar" data-{unit}="{label}" data-count="{n}" x="{x}" '
                    f'y="{CHART_HEIGHT - h}" width="{BAR_WIDTH}" height="{h}">'
                    f"<title>{label}: {n} action{'s' if n != 1 else ''}</title></rect>")
        if n:
            bars.append(f'<text x="{x + BAR_WIDTH / 2}" y="{CHART_HEIGHT - h - 2}" '
                        f'text-anchor="middle">{n}</text>')
        if i % label_every == 0:
            bars.append(f'<text x="{x}" y="{CHART_HEIGHT + 14}">{label}</text>')
    total = sum(n for _, n in bins)
    return (heading + f"<p>{total} dated actions by the {unit} their target ends.</p>"
            f'<svg id="target-chart" role="img" aria-label="Actions per {unit} of target end" '
            f'xmlns="http://www.w3.org/2000/svg" width="{width + 40}" '
            f'height="{CHART_HEIGHT + AXIS_SPACE}" viewBox="0 -12 {width + 40} '
            f'{CHART_HEIGHT + AXIS_SPACE}">'
            f'<line x1="0" y1="{CHART_HEIGHT}" x2="{width}" y2="{CHART_HEIGHT}" '
            'stroke="#889"/>' + "".join(bars) + "</svg>")


def _plan_section(p: PagePlan) -> str:
    a = p.audit
    texts = {rec.number: rec.text for rec in p.plan.recommendations}
    groups: dict[str | None, list[Finding]] = {}
    for f in a.findings:
        groups.setdefault(f.recommendation, []).append(f)
    head = (f'<section class="plan-findings" id="{p.anchor}" data-file="{_e(a.file)}">'
            f"<h2>{_e(a.file)} <span class=\"score {_score_class(a.score)}\">"
            f"{a.score:.1f}</span></h2>"
            f"<p>{_e(a.organisation or 'Organisation not found')}"
            + (f"; compared with {_e(a.report)}" if a.report else "")
            + f". {a.counts.error} errors, {a.counts.warning} warnings, {a.counts.advice} "
            f"advice from {a.checks} checks.</p>")
    if not a.findings:
        return head + '<p class="none">No findings.</p></section>'
    body = []
    for number, findings in groups.items():
        label = "Whole plan" if number is None else f"Recommendation {number}"
        worst = min(SEVERITIES.index(f.severity) for f in findings)
        body.append(f'<div class="rec" data-rec="{_e(number or "")}" '
                    f'data-worst="{SEVERITIES[worst]}"><h3>{_e(label)}</h3>')
        if number is not None and number in texts:
            body.append(f'<p class="rectext">{_e(shorten(texts[number], _SHOWN_WORDS))}</p>')
        body.append('<ul class="findings">')
        for f in findings:
            page = f" (page {f.page})" if f.page else ""
            body.append(
                f'<li class="finding {f.severity}" data-rule="{_e(f.rule)}" '
                f'data-rec="{_e(f.recommendation or "")}" data-action="{_e(f.action or "")}">'
                f'<span class="sev {f.severity}">{f.severity}</span><code>{_e(f.rule)}</code>'
                f" {_e(f.message)}{page}</li>")
        body.append("</ul></div>")
    return head + "".join(body) + "</section>"


