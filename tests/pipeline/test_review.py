"""The review page, read back: every value outlined on the right page, nothing fetched, no
document text turned into markup, rendering bounded."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.extract import extract_file
from pipeline.models import ActionPlan, PlanWarning, WarningCode
from pipeline.review.html import BOX_PAD, CSP, SCRIPT, action_ref, rec_ref, review_page
from pipeline.review.pages import MAX_SIDE_PX, render_pages
from pipeline.review.run import INDEX_HTML, ReviewJob, review_one

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# The bound: a 100-page plan's review under ~30 MB.
BUDGET_100_PAGES = 30 * 1024 * 1024


class _Page(HTMLParser):
    """The page's elements with a data-ref/data-refs, the page each sits on, its scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.page: int | None = None
        self.rects: list[dict] = []  # outlines on page images
        self.listed: set[str] = set()  # values in the plan column
        self.doc_refs: list[str] = []  # DOCX paragraphs' data-refs
        self.scripts: list[str] = []
        self.urls: list[str] = []
        self._in_plan = 0
        self._stack: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        for key in ("src", "href"):
            if key in a:
                self.urls.append(a[key] or "")
        if tag == "figure" and "data-page" in a:
            self.page = int(a["data-page"])
        if tag == "rect" and "box" in (a.get("class") or "").split():
            self.rects.append({**a, "page": self.page})
        if a.get("id") == "plan":
            self._in_plan = 1
        elif self._in_plan:
            self._in_plan += 1
        if self._in_plan and "data-ref" in a:
            self.listed.add(a["data-ref"])
        if "data-refs" in a:
            self.doc_refs.extend(a["data-refs"].split())
        self._script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._in_plan:
            self._in_plan -= 1
        if tag == "script":
            self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts[-1] += data


def _review(path: Path, tmp_path: Path, max_pages: int = 100) -> tuple[ActionPlan, str]:
    plan = extract_file(path)
    json_path = tmp_path / f"{path.name}.json"
    json_path.write_text(plan.model_dump_json(), encoding="utf-8")
    page = tmp_path / f"{path.name}.review.html"
    jobs = {str(path): ReviewJob(str(json_path), str(page))}
    review_one(path, jobs=jobs, max_pages=max_pages)
    return plan, page.read_text(encoding="utf-8")


def _parsed(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


@pytest.mark.parametrize("name", ["dtv_crc_2020.pdf", "kingsmere_yjs_2021.pdf"])
def test_every_action_is_outlined_on_its_page(name: str, tmp_path: Path) -> None:
    plan, text = _review(SAMPLES / name, tmp_path)
    page = _parsed(text)
    rects = {(r["data-ref"], r["page"]): r for r in page.rects}
    n = 0
    for i, rec in enumerate(plan.recommendations):
        assert rec_ref(i) in page.listed
        for j, action in enumerate(rec.actions):
            ref = action_ref(i, j)
            assert ref in page.listed
            assert action.provenance and action.provenance.boxes
            for box in action.provenance.boxes:
                rect = rects[(ref, box.page)]  # on the box's own page
                assert "action" in rect["class"].split()
                assert float(rect["x"]) == pytest.approx(box.x0 - BOX_PAD, abs=0.01)
                assert float(rect["y"]) == pytest.approx(box.top - BOX_PAD, abs=0.01)
                assert float(rect["width"]) == pytest.approx(
                    box.x1 - box.x0 + 2 * BOX_PAD, abs=0.02)
                n += 1
    assert n >= sum(len(r.actions) for r in plan.recommendations) > 0
    for box in plan.plan.provenance.title.boxes:
        assert "front" in rects[("plan-title", box.page)]["class"].split()
    # Every outline belongs to a value listed beside the pages.
    assert {r["data-ref"] for r in page.rects} <= page.listed


def test_docx_review_marks_each_action_paragraph(tmp_path: Path) -> None:
    plan, text = _review(SAMPLES / "dtv_crc_2020.docx", tmp_path)
    page = _parsed(text)
    assert not page.rects
    refs = set(page.doc_refs)
    for i, rec in enumerate(plan.recommendations):
        assert rec_ref(i) in refs
        for j, _ in enumerate(rec.actions):
            assert action_ref(i, j) in refs


def test_page_fetches_nothing_and_runs_only_its_own_script(tmp_path: Path) -> None:
    _, text = _review(SAMPLES / "kingsmere_yjs_2021.pdf", tmp_path)
    page = _parsed(text)
    assert page.urls and all(u.startswith(("data:image/jpeg;base64,", "#")) for u in page.urls)
    assert page.scripts == [SCRIPT]
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in CSP
    assert "default-src 'none'" in CSP
    assert f'content="{CSP}"' in text
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg\")", text)


def test_document_text_never_becomes_markup(tmp_path: Path) -> None:
    plan = extract_file(SAMPLES / "solent_yos_2021.docx")
    hostile = '<script>alert(1)</script><img src="http://x.invalid/p.png" onerror="f()">'
    rec = plan.recommendations[0]
    rec = rec.model_copy(update={"text": hostile, "actions": [
        a.model_copy(update={"text": hostile}) for a in rec.actions]})
    plan = plan.model_copy(update={"recommendations": [rec, *plan.recommendations[1:]],
                                   "plan": plan.plan.model_copy(update={"title": hostile})})
    text = review_page(plan, None, pages=[])
    page = _parsed(text)
    assert page.scripts == [SCRIPT]
    assert page.urls == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "onerror=" not in text.replace("onerror=&quot;", "")


def test_pages_limit_and_size_bound(tmp_path: Path) -> None:
    plan, text = _review(SAMPLES / "dtv_crc_2020.pdf", tmp_path, max_pages=2)
    page = _parsed(text)
    assert {r["page"] for r in page.rects} <= {1, 2}
    assert f"{plan.source.pages - 2} further pages were not rendered" in text
    rendered = render_pages(SAMPLES / "dtv_crc_2020.pdf")
    assert len(rendered) == plan.source.pages
    assert max(len(p.data_uri) for p in rendered) * 100 < BUDGET_100_PAGES


def test_a_poster_sized_page_is_scaled_down(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    path = tmp_path / "poster.pdf"
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(4000, 3000).close()
    pdf.save(str(path))
    pdf.close()
    (image,) = render_pages(path)
    import io

    from PIL import Image

    raw = base64.b64decode(image.data_uri.split(",", 1)[1])
    assert max(Image.open(io.BytesIO(raw)).size) <= MAX_SIDE_PX
    assert (image.width, image.height) == (4000, 3000)


def test_review_command_writes_pages_and_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    status = main(["review", str(SAMPLES / "solent_yos_2021.docx"),
                   str(SAMPLES / "kingsmere_yjs_2021.pdf"), "--out", str(out), "--jobs", "1",
                   "--pages", "1"])
    assert status == 0
    assert (out / "solent_yos_2021.docx.review.html").exists()
    assert (out / "kingsmere_yjs_2021.pdf.review.html").exists()
    index = (out / INDEX_HTML).read_text(encoding="utf-8")
    assert 'href="./kingsmere_yjs_2021.pdf.review.html"' in index
    assert 'href="./solent_yos_2021.docx.review.html"' in index
    # The extraction outputs are the batch's own, unchanged by reviewing.
    assert (out / "kingsmere_yjs_2021.pdf.json").exists()
    assert (out / "actions.csv").exists()


def test_warnings_sit_under_the_recommendation_they_name() -> None:
    plan = extract_file(SAMPLES / "solent_yos_2021.docx")
    second = plan.recommendations[1].number
    warnings = [PlanWarning(code=WarningCode.TARGET_REVISED,
                            message=f"action {second}.1: the target was revised"),
                PlanWarning(code=WarningCode.READER_NOTE,
                            message="the page tree holds 3 pages but declares 2")]
    text = review_page(plan.model_copy(update={"warnings": warnings}), None, pages=[])
    whole, rest = text.split('<article class="rec" id="rec-0"', 1)
    assert "the page tree holds 3 pages" in whole
    first, after = rest.split('<article class="rec" id="rec-1"', 1)
    assert "the target was revised" not in first
    assert "the target was revised" in after.split('<article class="rec" id="rec-2"', 1)[0]


def test_timeline_draws_each_dated_target() -> None:
    plan = extract_file(SAMPLES / "dtv_crc_2020.pdf")
    text = review_page(plan, None, pages=[])
    svg = text.split('<svg id="timeline"', 1)[1].split("</svg>", 1)[0]
    for i, rec in enumerate(plan.recommendations):
        for j, action in enumerate(rec.actions):
            drawn = f'data-ref="{action_ref(i, j)}"' in svg
            assert drawn == (action.target.end is not None or action.target.start is not None)
    assert 'class="span done"' in svg or 'class="span planned"' in svg


def test_index_links_stay_relative_whatever_the_name() -> None:
    from pipeline.review.run import ReviewSummary, index_page

    page = index_page([ReviewSummary(file="<b>#1</b>.pdf", page="javascript:x#?.review.html",
                                     recommendations=1, actions=1, warnings=0)])
    assert 'href="./javascript%3Ax%23%3F.review.html"' in page
    assert "&lt;b&gt;#1&lt;/b&gt;.pdf" in page and "<b>" not in page


def test_extract_review_writes_the_same_pages(tmp_path: Path) -> None:
    out = tmp_path / "out"
    status = main(["extract", str(SAMPLES / "solent_yos_2021.docx"), "--out", str(out),
                   "--review", "--jobs", "1"])
    assert status == 0
    text = (out / "solent_yos_2021.docx.review.html").read_text(encoding="utf-8")
    assert 'data-format="docx"' in text and "data-refs=" in text
    assert (out / INDEX_HTML).exists()


def test_review_to_stdout_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLES / "solent_yos_2021.docx"), "--out", "-",
                 "--review"]) == 2
    assert capsys.readouterr().err.startswith("Error: --review")


def test_a_page_read_turned_is_drawn_as_it_was_read(tmp_path: Path) -> None:
    """A landscape page saved with /Rotate 90 is read upright (as /Rotate 0): its image is
    rendered the same way, so the outlines land on the text, not across a portrait page."""
    import pypdfium2 as pdfium

    path = tmp_path / "turned.pdf"
    pdf = pdfium.PdfDocument(str(SAMPLES / "kingsmere_yjs_2021.pdf"))
    for index in range(len(pdf)):
        pdf[index].set_rotation(90)
    pdf.save(str(path))
    pdf.close()
    plan, text = _review(path, tmp_path)
    assert plan.source.rotations == {n: 0 for n in range(1, plan.source.pages + 1)}
    sizes = re.findall(r'aspect-ratio:([\d.]+)/([\d.]+)', text)
    assert sizes and all(float(w) > float(h) for w, h in sizes)  # landscape, as read
    for rect in _parsed(text).rects:
        assert float(rect["x"]) + float(rect["width"]) <= float(sizes[0][0]) + 2 * BOX_PAD
