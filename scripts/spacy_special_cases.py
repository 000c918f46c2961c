"""Write pipeline/data/spacy_special_cases.json from the installed spaCy.

The owner fast path (pipeline/normalise/owner_tokens.py) must know where spaCy's English
tokenizer has special cases among the characters it reproduces; this records them, with the
spaCy version, so that the fast path needs no spaCy to know them. Run it after changing the
spaCy pin; tests/pipeline/normalise/test_owner_tokens.py fails until then.

    .venv/bin/python scripts/spacy_special_cases.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "spacy_special_cases.json"


def special_cases() -> dict[str, object]:
    """The table as written: spaCy's version and its English exceptions within the alphabet."""
    import spacy

    from pipeline.normalise.owner_tokens import ALPHABET

    rules = spacy.blank("en").tokenizer.rules
    keys = sorted(k for k in rules if set(k) <= ALPHABET)
    return {
        "_comment": "spaCy's English tokenizer exceptions made only of owner_tokens.ALPHABET; "
        "written by scripts/spacy_special_cases.py from the spaCy named here.",
        "spacy": spacy.__version__,
        "special_cases": keys,
    }


def main() -> None:
    """Write the table."""
    OUT.write_text(json.dumps(special_cases(), ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
