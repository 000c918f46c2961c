"""``actionplan audit``: rules list, outputs, reuse of the extraction, exit status."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import pipeline.audit.run
from pipeline import cli
from pipeline.audit import RULES, PlanAudit


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> list:
    """The audit's batch runs the stand-in per-file function (tests/pipeline/batch_fakes)."""
    real = pipeline.audit.run.run_batch
    seen: list = []

    def run(paths, options, *args, **kwargs):
        seen.append(options)
        return real(paths, replace(options, extract_ref="batch_fakes:fake_extract"), *args,
                    **kwargs)

    monkeypatch.setattr(pipeline.audit.run, "run_batch", run)
    return seen


def test_rules_lists_every_rule_with_severity(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["audit", "--rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [[r.id, r.severity] for r in RULES.values()]


def test_audit_writes_one_audit_json_per_plan_and_exits_0(tmp_path: Path, fake_extraction,
                                                         capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_text("ok", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["audit", str(tmp_path / "in"), "--out", str(out), "--jobs", "1"]) == 0
    audit = PlanAudit.model_validate_json((out / "a.pdf.audit.json").read_text(encoding="utf-8"))
    # batch_fakes.small_plan: action 1.2 has no owner, rec 2 is not agreed without a reason
    assert {(f.rule, f.recommendation, f.action) for f in audit.findings} >= {
        ("owner-missing", "1", "1.2"), ("reason-missing", "2", None)}
    assert audit.counts.error == 2 and audit.score < 90
    assert "a.pdf: score" in capsys.readouterr().out
    assert (out / "a.pdf.json").exists()  # the extraction is kept for reuse


def test_rerun_reuses_the_extraction(tmp_path: Path, fake_extraction, capsys) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    argv = ["audit", str(tmp_path / "a.pdf"), "--out", str(tmp_path / "out"), "--jobs", "1"]
    assert cli.main(argv) == 0
    assert cli.main(argv) == 0
    assert "unchanged" in capsys.readouterr().err


@pytest.mark.parametrize(("fail_on", "status"), [(None, 0), ("error", 1), ("warning", 1)])
def test_fail_on(tmp_path: Path, fake_extraction, fail_on, status) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    argv = ["audit", str(tmp_path / "a.pdf"), "--jobs", "1"]
    assert cli.main(argv + (["--fail-on", fail_on] if fail_on else [])) == status


def test_unreadable_input_exits_1_but_the_rest_is_audited(tmp_path: Path, fake_extraction,
                                                          capsys) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    (tmp_path / "b.pdf").write_text("encrypted", encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["audit", str(tmp_path), "--out", str(out), "--jobs", "1"])
    assert code == 1
    assert (out / "a.pdf.audit.json").exists() and not (out / "b.pdf.audit.json").exists()
    err = capsys.readouterr().err
    assert "b.pdf: encrypted" in err and "Traceback" not in err


def test_without_out_the_findings_are_printed(tmp_path: Path, fake_extraction, capsys) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    assert cli.main(["audit", str(tmp_path / "a.pdf"), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "owner-missing" in out and "1/1.2" in out


def test_no_path_is_a_usage_error(capsys) -> None:
    assert cli.main(["audit"]) == 2
    assert "PATH" in capsys.readouterr().err


def test_audit_schema_option_prints_the_schema(capsys) -> None:
    assert cli.main(["audit", "--schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "PlanAudit"


REPORTS = Path(__file__).resolve().parents[3] / "reports"


def test_report_command_writes_the_recommendations(tmp_path: Path, capsys) -> None:
    report = REPORTS / "report_hmp_hallam_moor_2023.docx"
    assert cli.main(["report", str(report), "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / f"{report.name}.report.json").read_text(encoding="utf-8"))
    assert [r["number"] for r in data["recommendations"]] == ["1", "2", "3", "4", "5", "6"]
    assert set(data["recommendations"][0]) >= {"number", "text", "addressee", "section", "page"}
    assert "6 recommendations" in capsys.readouterr().out


def test_report_command_unreadable_report_is_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\ntruncated")
    assert cli.main(["report", str(bad), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.pdf" in err and "Traceback" not in err


def test_reports_folder_pairs_by_body_and_says_what_was_not_paired(
        tmp_path: Path, fake_extraction, capsys) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")  # batch_fakes: HMP Leeds
    code = cli.main(["audit", str(tmp_path / "a.pdf"), "--reports", str(REPORTS),
                     "--jobs", "1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "not paired:" in out and "a.pdf" in out
    assert "report not paired with any plan: report_hmp_eastmoor_2019.pdf" in out
    assert "report_hmp_eastmoor_2019.docx" not in out  # the PDF stands for the .docx


def test_report_option_compares_the_plan(tmp_path: Path, fake_extraction, capsys) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    report = REPORTS / "report_dtv_crc_2020.pdf"
    out_dir = tmp_path / "out"
    assert cli.main(["audit", str(tmp_path / "a.pdf"), "--report", str(report),
                     "--out", str(out_dir), "--jobs", "1"]) == 0
    audit = PlanAudit.model_validate_json((out_dir / "a.pdf.audit.json").read_text("utf-8"))
    assert audit.report == report.name
    rules = [f.rule for f in audit.findings]
    assert rules.count("report-missing") == 6 and rules.count("report-extra") == 2
