"""The committed JSON Schema is the one the models generate."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.models import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "pipeline" / "schema" / "actionplan.schema.json"
REGENERATE = (
    "pipeline/schema/actionplan.schema.json is stale; regenerate it with `make schema` "
    "(or: .venv/bin/python -c 'import json; from pipeline.models import json_schema; "
    "print(json.dumps(json_schema(), indent=2))' > pipeline/schema/actionplan.schema.json)"
)


def test_committed_schema_matches_models() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), REGENERATE


def test_schema_names_the_required_top_level_fields() -> None:
    properties = json_schema()["properties"]
    for name in ("schema_version", "source", "plan", "recommendations", "warnings"):
        assert name in properties, name
