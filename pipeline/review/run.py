"""``actionplan review`` and ``extract --review``: a review page per plan, and an index.

Extraction is the batch's own (a plan whose input is unchanged is read back, not redone).
Each page is then drawn in a worker of the same kind, under the same time and memory limits:
rendering a PDF is work on the document's own bytes too.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from pydantic import BaseModel

from pipeline.batch import BatchOptions, BatchReport, run_batch
from pipeline.export import atomic_text
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.review.pages import DEFAULT_MAX_PAGES

REVIEW_SUFFIX = ".review.html"
INDEX_HTML = "review.html"
REVIEW_REF = "pipeline.review.run:review_one"


class ReviewSummary(BaseModel):
    """What the index says about one reviewed plan."""

    file: str
    page: str  # file name of the review page, beside the index
    recommendations: int
    actions: int
    warnings: int
    score: float | None = None
    pages_rendered: int = 0


@dataclass(frozen=True, slots=True)
class ReviewJob:
    plan_json: str
    page: str


def review_one(path: Path, *, jobs: dict[str, ReviewJob], max_pages: int) -> ReviewSummary:
    """Draw the review page of one input from the plan the batch wrote for it (in a worker)."""
    from pipeline.audit.check import audit_plan
    from pipeline.models import ActionPlan
    from pipeline.review.html import review_page
    from pipeline.review.pages import render_pages

    job = jobs[str(path)]
    plan = ActionPlan.model_validate_json(Path(job.plan_json).read_text(encoding="utf-8"))
    audit = audit_plan(plan)
    pages, document, unrendered = [], None, 0
    if plan.source.format == "pdf":
        pages = render_pages(path, max_pages, plan.source.rotations)
        unrendered = max((plan.source.pages or 0) - len(pages), 0)
    else:
        document = _docx_document(path)
    page = review_page(plan, audit, pages=pages, document=document, unrendered=unrendered)
    with atomic_text(Path(job.page)) as fh:
        fh.write(page)
    return ReviewSummary(
        file=plan.source.file, page=Path(job.page).name,
        recommendations=len(plan.recommendations),
        actions=sum(len(r.actions) for r in plan.recommendations),
        warnings=len(plan.warnings), score=audit.score, pages_rendered=len(pages))


def _docx_document(path: Path):  # noqa: ANN202 - extractors.layout.Document
    """The DOCX read again for its tables (cheap next to the plan's extraction); None for a
    .doc or .odt, whose converted copy is gone."""
    from extractors import READERS
    from extractors.sniff import detect_format

    if detect_format(path) != "docx":
        return None
    return READERS["docx"](path)


def write_reviews(batch: BatchReport, out_dir: Path, *, jobs: int, limits: Limits,
                  max_pages: int = DEFAULT_MAX_PAGES,
                  stream: TextIO | None = None) -> list[ReviewSummary]:
    """A review page for every plan the batch produced, then the index; failures are one
    line each on ``stream`` and never stop the others."""
    from pipeline.worker import Task, TaskStatus, WorkerPool

    stream = stream if stream is not None else sys.stderr
    done = [r for r in batch.results if r.plan is not None]
    by_path = {str(r.input.path): ReviewJob(str(out_dir / f"{r.input.name}.json"),
                                            str(out_dir / f"{r.input.name}{REVIEW_SUFFIX}"))
               for r in done}
    summaries: list[ReviewSummary] = []
    if done:
        pool = WorkerPool(min(jobs, len(done)), REVIEW_REF, timeout_s=limits.timeout_s,
                          max_memory_mb=limits.max_memory_mb,
                          call_kwargs={"jobs": by_path, "max_pages": max_pages})
        pool.start(len(done))
        try:
            tasks = [Task(i, str(r.input.path)) for i, r in enumerate(done)]
            for outcome in pool.run(tasks):
                if outcome.status == TaskStatus.OK:
                    summaries.append(ReviewSummary.model_validate_json(outcome.payload))
                else:
                    print(f"{done[outcome.index].input.shown}: review not written: "
                          f"{outcome.payload}", file=stream)
        finally:
            pool.close()
    summaries.sort(key=lambda s: s.page)
    with atomic_text(out_dir / INDEX_HTML) as fh:
        fh.write(index_page(summaries))
    return summaries


def run_review(paths: list[Path], out_dir: Path, *, jobs: int, limits: Limits = DEFAULT_LIMITS,
               max_pages: int = DEFAULT_MAX_PAGES, force: bool = False,
               stream: TextIO | None = None) -> tuple[BatchReport, list[ReviewSummary]]:
    """Extract (or reuse) every plan under ``paths`` into ``out_dir`` and review each."""
    batch = run_batch(paths, BatchOptions(out_dir=out_dir, jobs=jobs, force=force,
                                          limits=limits), stream)
    return batch, write_reviews(batch, out_dir, jobs=jobs, limits=limits,
                                max_pages=max_pages, stream=stream)


def index_page(summaries: list[ReviewSummary]) -> str:
    """The batch's index: one row per plan with its counts and score, linking its review."""
    from pipeline.review.html import STYLE

    def e(text: object) -> str:
        return html.escape("" if text is None else str(text), quote=True)

    rows = "".join(
        # "./" and quoting keep any file name a relative link ("#", "?", "javascript:").
        f'<tr class="plan" data-file="{e(s.file)}"><td><a href="./{e(quote(s.page))}">'
        f"{e(s.file)}</a>"
        f'</td><td class="num">{s.recommendations}</td><td class="num">{s.actions}</td>'
        f'<td class="num">{s.warnings}</td>'
        f'<td class="num">{"" if s.score is None else f"{s.score:.1f}"}</td></tr>'
        for s in summaries)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\"><title>Plan reviews</title>"
        f"<style>{STYLE}body{{display:block;height:auto;overflow:auto}}"
        "table.index{border-collapse:collapse;background:#fff;margin:1rem}"
        "table.index td,table.index th{border-bottom:1px solid #e3e7ee;padding:.3rem .6rem;"
        "text-align:left}td.num{text-align:right}</style></head><body>"
        f"<header><h1>Plan reviews</h1><p class=\"meta\">{len(summaries)} plans</p></header>"
        '<table class="index" id="index"><thead><tr><th>Plan</th><th>Recommendations</th>'
        "<th>Actions</th><th>Warnings</th><th>Audit score</th></tr></thead><tbody>"
        f"{rows}</tbody></table></body></html>\n")
