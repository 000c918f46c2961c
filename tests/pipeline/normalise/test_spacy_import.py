"""spaCy loaded without its command line tokenizes and matches every owner cell of the
samples exactly as spaCy loaded whole, and its command line can still be imported after."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# Run in a fresh interpreter: PLAIN imports spaCy whole first (import_spacy then reuses it).
PROBE = """
import json, sys
from pathlib import Path
if sys.argv[1] == "plain":
    import spacy
from pipeline.normalise import owners
cells = []
for path in sorted(Path("samples").glob("*.expected.json")):
    plan = json.loads(path.read_text("utf-8"))
    for rec in plan.get("recommendations", []):
        for action in rec.get("actions", []):
            raws = [o["raw"] for o in action.get("owners", [])]
            cells += raws + ["\\n".join(raws)]
nlp, heads, bodies = owners._nlp()
out = []
for cell in cells:
    doc = nlp.make_doc(cell)
    parsed = [o.model_dump() for o in owners.parse_owners(cell)]
    out.append([[t.text for t in doc], [list(m) for m in heads(doc)],
                [list(m) for m in bodies(doc)], parsed])
print(json.dumps({"cells": len(cells), "out": out, "cli": "spacy.cli.download" in sys.modules}))
"""


def _probe(mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, mode], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def test_owner_cells_tokenize_and_match_as_with_spacy_loaded_whole() -> None:
    light, whole = _probe("light"), _probe("plain")
    assert light["cells"] > 500  # every owner cell the samples' expected plans hold
    assert not light["cli"] and whole["cli"]  # the light load really left the command line out
    assert light["out"] == whole["out"]


def test_spacy_command_line_is_still_importable_afterwards() -> None:
    code = ("from pipeline.normalise.spacy_import import import_spacy\n"
            "spacy = import_spacy()\n"
            "import spacy.cli\n"
            "assert callable(spacy.cli.download)\n"
            "assert spacy.info(silent=True)['spacy_version'] == spacy.__version__\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
