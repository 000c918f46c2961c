"""The audit's files: audit.csv and the Audit sheet are inert, audit.html shows the ranking
and every finding, grouped by recommendation, and loads nothing from outside."""

from __future__ import annotations

import csv
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

import pipeline.audit.run
from pipeline import cli
from pipeline.audit import audit_plan
from pipeline.audit.html import render_page
from tests.pipeline.audit.plans import act, plan, rec

HOSTILE = '=HYPERLINK("http://x.invalid","click")'
HOSTILE_NAME = "=SUM(1,2)"  # a file name cannot hold the link's slashes


class _Page(HTMLParser):
    """Collects what a reader sees: ranking rows, finding items, sections, external loads."""

    def __init__(self) -> None:
        super().__init__()
        self.ranking: list[dict[str, str]] = []
        self.findings: list[dict[str, str]] = []
        self.groups: list[tuple[str, str]] = []  # (section file, data-rec)
        self.loads: list[str] = []
        self.scripts = 0
        self._section = ""

    def handle_starttag(self, tag, attrs) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "tr" and "plan" in a.get("class", ""):
            self.ranking.append(a)
        if tag == "section":
            self._section = a.get("data-file", "")
        if tag == "div" and a.get("class") == "rec":
            self.groups.append((self._section, a["data-rec"]))
        if tag == "li" and "finding" in a.get("class", ""):
            self.findings.append({**a, "section": self._section})
        if tag == "script":
            self.scripts += 1
        for key in ("src", "href"):
            if key in a and not a[key].startswith("#"):
                self.loads.append(a[key])
        if tag == "link":
            self.loads.append(a.get("href", ""))


def _parsed(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _two_plans():
    good = plan(rec("1"), rec("2"))
    good = good.model_copy(update={"source": good.source.model_copy(update={"file": "good.pdf"})})
    bad = plan(rec("1", actions=[act("1", owners=()), act("2", target="Ongoing")]),
               rec("2", "partly_agreed"), rec("4", text=f"{HOSTILE} <b>bold</b>"))
    bad = bad.model_copy(update={"source": bad.source.model_copy(update={"file": "bad.pdf"})})
    return [(audit_plan(p), p) for p in (good, bad)]


def test_page_ranks_plans_by_score_and_shows_every_finding_by_recommendation() -> None:
    items = _two_plans()
    page = _parsed(render_page(items))
    assert [r["data-file"] for r in page.ranking] == ["bad.pdf", "good.pdf"]
    scores = [float(r["data-score"]) for r in page.ranking]
    assert scores == sorted(scores) and scores[1] == 100.0
    bad_audit = items[1][0]
    shown = [(f["section"], f["data-rule"], f["data-rec"], f["data-action"])
             for f in page.findings]
    assert shown == [("bad.pdf", f.rule, f.recommendation or "", f.action or "")
                     for f in bad_audit.findings]
    assert ("bad.pdf", "1") in page.groups and ("bad.pdf", "2") in page.groups
    assert ("bad.pdf", "4") in page.groups  # numbering-gap on 4
    assert [g for g in page.groups if g[0] == "good.pdf"] == []


def test_page_is_self_contained_and_escapes_document_text() -> None:
    text = render_page(_two_plans())
    page = _parsed(text)
    assert page.loads == [] and page.scripts == 0
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert "<b>bold</b>" not in text and "&lt;b&gt;bold&lt;/b&gt;" in text
    assert "<svg" in text and 'data-month="2020-05"' in text


@pytest.fixture
def hostile_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.audit.run.run_batch

    def run(paths, options, *args, **kwargs):
        return real(paths, replace(options, extract_ref="batch_fakes:fake_extract"), *args,
                    **kwargs)

    monkeypatch.setattr(pipeline.audit.run, "run_batch", run)


def test_csv_and_sheet_hold_one_row_per_finding_and_no_formula(tmp_path: Path,
                                                               hostile_extraction) -> None:
    (tmp_path / f"{HOSTILE_NAME}.pdf").write_text("ok", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["audit", str(tmp_path / f"{HOSTILE_NAME}.pdf"), "--out", str(out),
                     "--jobs", "1"]) == 0
    with (out / "audit.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["file"].startswith("'=") for r in rows)
    assert {r["rule"] for r in rows} >= {"owner-missing", "reason-missing"}
    book = openpyxl.load_workbook(out / "plans.xlsx")
    assert "Audit" in book.sheetnames and "Plans" in book.sheetnames
    sheet = book["Audit"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert len(list(sheet.iter_rows(min_row=2))) == len(rows)
    assert all(c.data_type != "f" for c in cells)
    assert any(str(c.value).startswith("=SUM") and c.data_type == "s" for c in cells)
    assert (out / "audit.html").read_text(encoding="utf-8").count('class="finding ') == len(rows)
