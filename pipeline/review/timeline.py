"""The plan's targets over time: one row per recommendation, one bar per action's target
period, drawn here as inline SVG (nothing fetched). Completed targets are green, ongoing ones
run to the chart's end as a striped bar, the rest blue."""

from __future__ import annotations

import datetime as dt
import html

from pipeline.models import ActionPlan

ROW_HEIGHT = 18
LABEL_WIDTH = 60
CHART_WIDTH = 720
AXIS_HEIGHT = 22
BAR_HEIGHT = 10
MIN_BAR = 3  # a one-day target still shows
STATUS_CLASS = {"completed": "done", "ongoing": "ongoing", "in_progress": "progress"}


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _ordinal(day: dt.date) -> int:
    return day.toordinal()


def timeline_svg(plan: ActionPlan, ref_of) -> str:  # noqa: ANN001 - (rec index, action index) -> id
    """The SVG, or a sentence when no action has a dated target."""
    spans = []
    for i, rec in enumerate(plan.recommendations):
        for j, action in enumerate(rec.actions):
            target = action.target
            start, end = target.start or target.end, target.end or target.start
            if start is None or end is None:
                continue
            spans.append((i, j, start, end, target.status, target.raw or ""))
    if not spans:
        return '<p class="note">No action has a dated target to draw.</p>'
    first = min(s[2] for s in spans).replace(day=1)
    last = max(s[3] for s in spans)
    last = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)  # next month's first
    span_days = max(_ordinal(last) - _ordinal(first), 1)

    def x(day: dt.date) -> float:
        return LABEL_WIDTH + (_ordinal(day) - _ordinal(first)) / span_days * CHART_WIDTH

    rows = sorted({s[0] for s in spans})
    row_y = {i: AXIS_HEIGHT + n * ROW_HEIGHT for n, i in enumerate(rows)}
    height = AXIS_HEIGHT + len(rows) * ROW_HEIGHT + 4
    width = LABEL_WIDTH + CHART_WIDTH + 10
    parts = [f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             'aria-label="Target periods per recommendation">',
             '<defs><pattern id="stripes" width="6" height="6" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="3" height="6" fill="#8c959f"/>'
             "</pattern></defs>"]
    parts.extend(_axis(first, last, x, height))
    for i in rows:
        rec = plan.recommendations[i]
        y = row_y[i]
        parts.append(f'<text x="4" y="{y + BAR_HEIGHT}" class="rowlabel">Rec '
                     f"{_e(rec.number or i + 1)}</text>")
    for i, j, start, end, status, raw in spans:
        y = row_y[i] + 1
        x0 = x(start)
        x1 = x(end + dt.timedelta(days=1))
        kind = STATUS_CLASS.get(status or "", "planned")
        if status == "ongoing":
            x1 = max(x1, x(last))
        bar_width = max(x1 - x0, MIN_BAR)
        title = f"Action {rec_action(plan, i, j)}: {raw} ({start.isoformat()} to {end.isoformat()})"
        parts.append(f'<rect class="span {kind}" data-ref="{_e(ref_of(i, j))}" x="{x0:.1f}" '
                     f'y="{y}" width="{bar_width:.1f}" height="{BAR_HEIGHT}" rx="2">'
                     f"<title>{_e(title)}</title></rect>")
    parts.append("</svg>")
    return "".join(parts)


def rec_action(plan: ActionPlan, i: int, j: int) -> str:
    rec = plan.recommendations[i]
    number = rec.actions[j].number or str(j + 1)
    return number if rec.number and number.startswith(f"{rec.number}.") else (
        f"{rec.number or i + 1}.{number}")


def _axis(first: dt.date, last: dt.date, x, height: int) -> list[str]:  # noqa: ANN001
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 12 else 3 if months <= 36 else 12
    out = []
    day = first
    while day <= last:
        if (day.month - 1) % step == 0 or step == 1:
            px = x(day)
            label = day.strftime("%b %Y") if step < 12 else str(day.year)
            out.append(f'<line x1="{px:.1f}" y1="{AXIS_HEIGHT - 6}" x2="{px:.1f}" '
                       f'y2="{height}" class="grid"/><text x="{px + 2:.1f}" y="12" '
                       f'class="tick">{_e(label)}</text>')
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out
