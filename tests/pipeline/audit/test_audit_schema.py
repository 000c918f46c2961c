"""The committed audit and report JSON Schemas are the ones the models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.audit import audit_json_schema, report_json_schema

SCHEMAS = Path(__file__).resolve().parents[3] / "pipeline" / "schema"


@pytest.mark.parametrize(("name", "generate"), [("audit.schema.json", audit_json_schema),
                                                 ("report.schema.json", report_json_schema)])
def test_committed_schema_matches_models(name: str, generate) -> None:
    committed = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert committed == generate(), f"pipeline/schema/{name} is stale; run `make schema`"


def test_audit_schema_names_the_issues_fields() -> None:
    schema = audit_json_schema()
    assert {"file", "score", "findings", "counts"} <= set(schema["properties"])
    finding = schema["$defs"]["Finding"]["properties"]
    assert set(finding) == {"rule", "severity", "recommendation", "action", "page", "message"}
