"""``<name>.review.html``: the document as the reader knows it, with what was taken from it
outlined on top, and the plan beside it.

Self-contained: page images are data URIs, the style and the one script are inline, and a
Content-Security-Policy forbids every load (the script is allowed by its hash alone, so no
other script could run). Every piece of document text is escaped. Each value has one id,
``data-ref``, shared by its entry in the plan and its boxes on the pages (``data-refs`` on a
DOCX paragraph lists the values read from it): hovering or selecting one lights the others.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extractors.layout import Document, Paragraph, Table
from pipeline.audit.models import Finding, PlanAudit
from pipeline.models import ActionPlan, Provenance
from pipeline.review.pages import PageImage
from pipeline.review.timeline import rec_action, timeline_svg

ROLES = ("front matter", "recommendation", "response", "action", "owner", "target")
ROLE_COLOURS = {
    "front matter": "#57606a",
    "recommendation": "#0969da",
    "response": "#8250df",
    "action": "#1a7f37",
    "owner": "#bc4c00",
    "target": "#cf222e",
}
# Outlines stand this far (points) outside the glyphs, so they do not cross the letters.
BOX_PAD = 1.5

SCRIPT = """(function(){
var lit=[];
function q(r){var s=CSS.escape(r);
 return document.querySelectorAll('[data-ref="'+s+'"],[data-refs~="'+s+'"]');}
function refs(el){var one=el.getAttribute('data-ref');if(one)return [one];
 return (el.getAttribute('data-refs')||'').split(' ').filter(Boolean);}
function light(rs){lit.forEach(function(e){e.classList.remove('hl');});lit=[];
 rs.forEach(function(r){q(r).forEach(function(e){e.classList.add('hl');lit.push(e);});});}
function target(e){return e.target.closest?e.target.closest('[data-ref],[data-refs]'):null;}
document.addEventListener('mouseover',function(e){var t=target(e);if(t)light(refs(t));});
document.addEventListener('focusin',function(e){var t=target(e);if(t)light(refs(t));});
document.addEventListener('click',function(e){var t=target(e);if(!t)return;
 var rs=refs(t);light(rs);var inPlan=!!t.closest('#plan');
 var other=Array.prototype.find.call(q(rs[0]),function(x){
  return !!x.closest('#plan')!==inPlan;});
 if(other)other.scrollIntoView({block:'center'});});
var h=decodeURIComponent(location.hash.slice(1));
if(h.indexOf('ref=')===0){var r=h.slice(4);light([r]);
 q(r).forEach(function(x){x.scrollIntoView({block:'center'});});}
document.body.setAttribute('data-ready','1');
})();"""
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
CSP = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       f"script-src 'sha256-{SCRIPT_HASH}'")

STYLE = """
*{box-sizing:border-box}body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,
sans-serif;margin:0;color:#1d2330;background:#f3f5f8;height:100vh;display:flex;
flex-direction:column;overflow:hidden}
header{padding:.8rem 1.2rem;background:#fff;border-bottom:1px solid #d6dce5}
h1{font-size:1.3rem;margin:0 0 .2rem}h2{font-size:1rem;margin:.2rem 0}
.meta{color:#556;margin:.1rem 0}.legend span{display:inline-block;margin-right:.8rem}
.legend i{display:inline-block;width:.9rem;height:.9rem;border:2px solid;vertical-align:-2px;
margin-right:.25rem}
.split{display:grid;grid-template-columns:minmax(20rem,38%) 1fr;flex:1;min-height:0}
#plan,#pages{overflow:auto;padding:.8rem 1rem}#plan{background:#fff;border-right:1px solid #d6dce5}
.rec{border-bottom:1px solid #e3e7ee;padding:.4rem 0 .6rem}
.val{cursor:pointer;border-left:3px solid transparent;padding-left:.3rem}
.val.hl{background:#fff5b1;outline:2px solid #d4a72c}
.val.front{border-color:#57606a}.val.recommendation{border-color:#0969da}.val.response{border-color:#8250df}
.val.action{border-color:#1a7f37}.val.owner{border-color:#bc4c00}.val.target{border-color:#cf222e}
.val.nobox{border-left-style:dashed}
ol.actions{list-style:none;padding-left:.4rem;margin:.3rem 0}ol.actions li{margin:.4rem 0}
.val small{color:#667;font-size:.75rem;text-transform:uppercase}
span.val{display:inline-block;margin:.15rem .5rem 0 0;font-size:.85rem}
.findings{list-style:none;padding:0;margin:.2rem 0;font-size:.85rem}
.findings li{margin:.1rem 0;padding:.1rem .3rem;border-radius:3px}
.sev-error{background:#fbe0e0}.sev-warning{background:#fff0c2}.sev-advice{background:#e4ecf7}
.sev-note{background:#eef0f3}
figure.page{margin:0 0 1.2rem}figure.page figcaption{color:#556;font-size:.8rem}
.sheet{position:relative;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);max-width:100%}
.sheet img{display:block;width:100%;height:auto}
.sheet svg{position:absolute;left:0;top:0;width:100%;height:100%}
rect.box{fill-opacity:.10;stroke-width:1.2;cursor:pointer}rect.box.hl{fill-opacity:.35;stroke-width:3}
rect.front{fill:#57606a;stroke:#57606a}rect.recommendation{fill:#0969da;stroke:#0969da}rect.response{fill:#8250df;stroke:#8250df}
rect.action{fill:#1a7f37;stroke:#1a7f37}rect.owner{fill:#bc4c00;stroke:#bc4c00}
rect.target{fill:#cf222e;stroke:#cf222e}
table.docx{border-collapse:collapse;background:#fff;margin:0 0 1rem;width:100%}
table.docx td{border:1px solid #c9d1d9;vertical-align:top;padding:.25rem .35rem;font-size:.85rem}
.docp{margin:.15rem 0;padding:0 .2rem;border:2px solid transparent}
.docp.src{cursor:pointer}.docp.hl{background:#fff5b1}
.docp.front{border-color:#57606a}.docp.recommendation{border-color:#0969da}.docp.response{border-color:#8250df}
.docp.action{border-color:#1a7f37}.docp.owner{border-color:#bc4c00}.docp.target{border-color:#cf222e}
#timeline-box{padding:.4rem 1.2rem;background:#fff;border-bottom:1px solid #d6dce5;overflow:auto;
max-height:9rem}
#timeline text{font-size:10px;fill:#445}#timeline .grid{stroke:#e3e7ee}
#timeline .span{fill:#4a6fa5;cursor:pointer}#timeline .span.done{fill:#2da44e}
#timeline .span.ongoing{fill:url(#stripes)}#timeline .span.progress{fill:#d4a72c}
#timeline .span.hl{stroke:#1d2330;stroke-width:2}
.note{color:#556;font-size:.85rem}
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


@dataclass
class _Value:
    ref: str
    role: str
    provenance: Provenance | None


@dataclass
class _Plan:
    """The values of the plan with their ids, in plan order."""

    values: list[_Value] = field(default_factory=list)

    def add(self, ref: str, role: str, provenance: Provenance | None) -> str:
        self.values.append(_Value(ref, role, provenance))
        return ref


def rec_ref(i: int) -> str:
    return f"r{i}"


def action_ref(i: int, j: int) -> str:
    return f"r{i}-a{j}"


def review_page(plan: ActionPlan, audit: PlanAudit | None, *, pages: list[PageImage],
                document: Document | None = None, unrendered: int = 0) -> str:
    """The whole review page of one plan: PDF pages (``pages``) or DOCX blocks (``document``)."""
    values = _Plan()
    plan_html = _plan_list(plan, audit, values)
    if document is not None:
        view = _docx_view(document, values)
    else:
        view = _pdf_view(pages, values, unrendered)
    info = plan.plan
    title = info.title or plan.source.file
    n_actions = sum(len(r.actions) for r in plan.recommendations)
    score = f"; audit score {audit.score:.1f}" if audit is not None else ""
    legend = "".join(f'<span><i style="border-color:{ROLE_COLOURS[r]}"></i>{r}</span>'
                     for r in ROLES)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Review: {_e(plan.source.file)}</title><style>{STYLE}</style></head>",
        f'<body data-file="{_e(plan.source.file)}" data-format="{_e(plan.source.format)}">',
        f"<header><h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(plan.source.file)} · '
        f'{_e(info.organisation or "organisation not found")} · '
        f'{_e(info.inspectorate or "inspectorate not found")} · '
        f'<span id="counts">{len(plan.recommendations)} recommendations, {n_actions} actions, '
        f"{len(plan.warnings)} warnings{_e(score)}</span></p>",
        f'<p class="legend">{legend}</p></header>',
        f'<section id="timeline-box">{timeline_svg(plan, action_ref)}</section>',
        f'<main class="split"><div id="plan">{plan_html}</div><div id="pages">{view}</div></main>',
        f"<script>{SCRIPT}</script>",
        "</body></html>",
    ]) + "\n"


# -- the plan -------------------------------------------------------------------------------

def _val(tag: str, ref: str, role: str, provenance: Provenance | None, inner: str) -> str:
    where = _where(provenance)
    cls = f"val {role}" + ("" if where else " nobox")
    return (f'<{tag} class="{cls}" data-ref="{ref}" tabindex="0" '
            f'title="{_e(role)}: {_e(where or "no position recorded")}">{inner}</{tag}>')


def _where(provenance: Provenance | None) -> str:
    if provenance is None:
        return ""
    parts = [f"page {b.page}" for b in provenance.boxes]
    parts += [f"table {c.table + 1}, row {c.row + 1}, cell {c.cell + 1}" for c in provenance.cells]
    parts += [f"paragraph {n + 1}" for n in provenance.paragraphs]
    return "; ".join(dict.fromkeys(parts))


def _plan_list(plan: ActionPlan, audit: PlanAudit | None, values: _Plan) -> str:
    findings = _findings_by_rec(audit)
    out = []
    numbers = [r.number for r in plan.recommendations if r.number]
    for warning in plan.warnings:
        findings[_warning_rec(warning.message, numbers)].append(("note", warning.message))
    general = findings.pop(None, [])
    out.append(_front_matter(plan, values))
    if general:
        out.append('<section class="rec"><h2>About the whole plan</h2>'
                   + _findings_html(general) + "</section>")
    for i, rec in enumerate(plan.recommendations):
        ref = values.add(rec_ref(i), "recommendation", rec.provenance)
        head = _val("h2", ref, "recommendation", rec.provenance,
                    f"Recommendation {_e(rec.number or '?')}: {_e(rec.text)}")
        parts = [f'<article class="rec" id="rec-{i}" data-number="{_e(rec.number)}">', head]
        if rec.response_raw:
            rref = values.add(f"{ref}-resp", "response", rec.response_provenance)
            parts.append(_val("p", rref, "response", rec.response_provenance,
                              f"Response: {_e(rec.response_raw)}"
                              + (f" — {_e(rec.reason)}" if rec.reason else "")))
        parts.append(_findings_html(findings.get(rec.number, [])))
        items = []
        for j, action in enumerate(rec.actions):
            aref = values.add(action_ref(i, j), "action", action.provenance)
            bits = [_val("div", aref, "action", action.provenance,
                         f"<b>{_e(rec_action(plan, i, j))}</b> {_e(action.text)}")]
            for k, owner in enumerate(action.owners):
                oref = values.add(f"{aref}-o{k}", "owner", owner.provenance)
                bits.append(_val("span", oref, "owner", owner.provenance,
                                 f"<small>owner</small> {_e(owner.raw)}"))
            if action.target.raw:
                tref = values.add(f"{aref}-t", "target", action.target.provenance)
                status = f" ({_e(action.target.status)})" if action.target.status else ""
                bits.append(_val("span", tref, "target", action.target.provenance,
                                 f"<small>target</small> {_e(action.target.raw)}{status}"))
            items.append(f'<li data-action="{_e(aref)}">' + "".join(bits) + "</li>")
        if items:
            parts.append('<ol class="actions">' + "".join(items) + "</ol>")
        parts.append("</article>")
        out.append("".join(parts))
    return "".join(out)


def _front_matter(plan: ActionPlan, values: _Plan) -> str:
    """The plan's title and dates, each outlined where it was read."""
    info, where = plan.plan, plan.plan.provenance
    shown = [("title", "Title", info.title), ("organisation", "Organisation", info.organisation),
             ("submitted", "Submitted", info.submitted),
             ("report_published", "Report published", info.report_published)]
    parts = []
    for name, label, value in shown:
        if value is None:
            continue
        provenance = getattr(where, name) if where else None
        ref = values.add(f"plan-{name}", "front", provenance)
        parts.append(_val("div", ref, "front", provenance,
                          f"<small>{_e(label)}</small> {_e(value)}"))
    if info.inspectorate:
        parts.append(f"<div><small>Inspectorate</small> {_e(info.inspectorate)}</div>")
    return '<section class="rec" id="front">' + "".join(parts) + "</section>" if parts else ""


def _findings_by_rec(audit: PlanAudit | None) -> dict[str | None, list[tuple[str, str]]]:
    grouped: dict[str | None, list[tuple[str, str]]] = defaultdict(list)
    for finding in audit.findings if audit is not None else []:
        grouped[finding.recommendation].append((finding.severity, _finding_text(finding)))
    return grouped


_NAMED = re.compile(r"^(?:recommendation|action) (\S+?)[:,]?(?:\s|$)", re.IGNORECASE)


def _warning_rec(message: str, numbers: list[str]) -> str | None:
    """The recommendation a warning names ("recommendation 3 is …", "action 3.2: …"), by
    the plan's own numbers; None for one about the whole plan."""
    match = _NAMED.match(message)
    if not match:
        return None
    named = match.group(1)
    fits = [n for n in numbers if named == n or named.startswith(f"{n}.")]
    return max(fits, key=len) if fits else None


def _finding_text(finding: Finding) -> str:
    where = f" (action {finding.action})" if finding.action else ""
    return f"{finding.rule}{where}: {finding.message}"


def _findings_html(items: Iterable[tuple[str, str]]) -> str:
    rows = "".join(f'<li class="finding sev-{_e(sev)}">{_e(text)}</li>' for sev, text in items)
    return f'<ul class="findings">{rows}</ul>' if rows else ""


# -- the pages --------------------------------------------------------------------------------

def _pdf_view(pages: list[PageImage], values: _Plan, unrendered: int) -> str:
    by_page: dict[int, list[tuple[_Value, object]]] = defaultdict(list)
    for value in values.values:
        for box in value.provenance.boxes if value.provenance else []:
            by_page[box.page].append((value, box))
    out = []
    for page in pages:
        rects = []
        for value, box in by_page.get(page.number, []):
            x0, top = box.x0 - BOX_PAD, box.top - BOX_PAD
            width, height = box.x1 - box.x0 + 2 * BOX_PAD, box.bottom - box.top + 2 * BOX_PAD
            rects.append(f'<rect class="box {value.role}" data-ref="{value.ref}" '
                         f'data-role="{value.role}" x="{x0:.2f}" y="{top:.2f}" '
                         f'width="{width:.2f}" height="{height:.2f}"><title>{value.role}'
                         "</title></rect>")
        out.append(
            f'<figure class="page" id="page-{page.number}" data-page="{page.number}">'
            f"<figcaption>Page {page.number}</figcaption>"
            f'<div class="sheet" style="aspect-ratio:{page.width:.2f}/{page.height:.2f}">'
            f'<img alt="Page {page.number}" src="{page.data_uri}">'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {page.width:.2f} '
            f'{page.height:.2f}" preserveAspectRatio="none">{"".join(rects)}</svg></div></figure>')
    if unrendered:
        out.append(f'<p class="note">{unrendered} further pages were not rendered (--pages).</p>')
    return "".join(out)


def _docx_view(document: Document, values: _Plan) -> str:
    """The document's paragraphs and tables as HTML, each paragraph a value was read from
    outlined in its role's colour."""
    cell_paras: dict[tuple[int, int, int, int], list[_Value]] = defaultdict(list)
    body_paras: dict[int, list[_Value]] = defaultdict(list)
    for value in values.values:
        for cell in value.provenance.cells if value.provenance else []:
            for p in cell.paragraphs:
                cell_paras[(cell.table, cell.row, cell.cell, p)].append(value)
        for n in value.provenance.paragraphs if value.provenance else []:
            body_paras[n].append(value)

    def para(p: Paragraph) -> str:
        if p.ref is not None:
            found = cell_paras.get((p.ref.table, p.ref.row, p.ref.cell, p.ref.paragraph), [])
        else:
            found = body_paras.get(p.number, []) if p.number is not None else []
        if not found:
            return f'<p class="docp">{_e(p.labelled_text)}</p>'
        role = found[0].role
        refs = " ".join(dict.fromkeys(v.ref for v in found))
        return (f'<p class="docp src {role}" data-refs="{refs}" tabindex="0">'
                f"{_e(p.labelled_text)}</p>")

    def table(t: Table) -> str:
        rows = []
        for row in t.rows:
            cells = []
            for cell in row.cells:
                span = f' colspan="{cell.span}"' if cell.span > 1 else ""
                if cell.continued:  # under a vertically merged cell: drawn empty
                    cells.append(f'<td class="merged"{span}></td>')
                    continue
                own = cell.paragraphs_outside(cell.nested)
                inner = "".join(para(p) for p in own) + "".join(table(n) for n in cell.nested)
                cells.append(f"<td{span}>{inner}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return '<table class="docx">' + "".join(rows) + "</table>"

    out = [table(b) if isinstance(b, Table) else para(b) for b in document.blocks]
    return '<div class="docx-view">' + "".join(out) + "</div>"
