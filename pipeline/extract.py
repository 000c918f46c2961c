"""One file in, one validated plan out: read → assemble → normalise → validate."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors import READERS
from extractors.sniff import detect_format
from pipeline.assemble import build_plan
from pipeline.models import ActionPlan, Source


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract_file(path: Path) -> ActionPlan:
    """Extract the action plan of one PDF or DOCX; raises ``ActionPlanError`` on bad input."""
    fmt = detect_format(path)
    document = READERS[fmt](path)
    source = Source(file=path.name, format=fmt, sha256=file_sha256(path), pages=document.pages)
    plan = build_plan(document, source)
    return ActionPlan.model_validate(plan.model_dump())
