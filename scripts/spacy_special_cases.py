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
    """The table as written: spaCy's version and its English exceptions within the alphabet,
    each with its pieces' text."""
    import spacy

    from pipeline.normalise.owner_tokens import ALPHABET, WHITESPACE

    rules = spacy.blank("en").tokenizer.rules
    orth = spacy.attrs.ORTH
    cases = {
        key: [piece[orth] for piece in rules[key]]
        for key in sorted(rules)
        if set(key) <= ALPHABET | WHITESPACE
    }
    return {
        "_comment": "spaCy's English tokenizer exceptions made only of owner_tokens.ALPHABET "
        "and WHITESPACE, each with the pieces it becomes; written by "
        "scripts/spacy_special_cases.py from the spaCy named here.",
        "spacy": spacy.__version__,
        "special_cases": cases,
    }


def main() -> None:
    """Write the table."""
    table = special_cases()
    cases = table.pop("special_cases")
    assert isinstance(cases, dict)
    # One exception a line, so that a spaCy upgrade shows as a readable diff.
    lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
             for k, v in cases.items()]
    head = json.dumps(table, ensure_ascii=False, indent=1)[:-2]
    body = ",\n".join(lines)
    OUT.write_text(f'{head},\n"special_cases": {{\n{body}\n}}\n}}\n', "utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
