"""Layout variants of the nested-table samples, for measuring (never committed as samples).

Each variant re-draws a ``nested_actions`` sample's spec with one option changed (type size,
serif type, inner borders, where the inner header is, no shading), as .docx and the PDF
LibreOffice renders, with the unchanged sample's expected JSON. Score them with
``pipeline.evaluate``:

    .venv/bin/python -m scripts.nested_variants /tmp/nested_variants
    .venv/bin/python -m pipeline.evaluate /tmp/nested_variants

Needs LibreOffice (``soffice``).
"""

from __future__ import annotations

import sys
from copy import deepcopy
from pathlib import Path

from scripts.samples import render_nested
from scripts.samples.catalogue import SAMPLES, load_samples
from scripts.samples.office import save_docx, to_pdf
from scripts.samples.spec import PlanSpec

VARIANTS: dict[str, dict[str, object]] = {
    "fs8": {"font_size": 8},
    "fs12": {"font_size": 12},
    "serif": {"font": "Liberation Serif"},
    "grid": {"inner_borders": "grid"},
    "hrules": {"inner_borders": "horizontal"},
    "every": {"inner_header": "every"},
    "first": {"inner_header": "first"},
    "outer": {"inner_header": "outer"},
    "noshade": {"header_fill": None},
}


def build(out: Path) -> list[str]:
    """Write every spec × variant into ``out``; return the names built."""
    out.mkdir(parents=True, exist_ok=True)
    names = []
    nested = [s.spec for s in load_samples().values() if isinstance(s.spec, PlanSpec)
              and s.folder == SAMPLES and s.spec.template == render_nested.TEMPLATE]
    for spec in nested:
        expected = (SAMPLES / f"{spec.name}.expected.json").read_bytes()
        for variant, change in VARIANTS.items():
            drawn = deepcopy(spec)
            drawn.options.update(change)  # type: ignore[typeddict-item]
            drawn.name = f"{spec.name}_{variant}"
            docx_path = save_docx(render_nested.render(drawn), out / f"{drawn.name}.docx")
            to_pdf(docx_path, out)
            (out / f"{drawn.name}.expected.json").write_bytes(expected)
            names.append(drawn.name)
    return names


def main(argv: list[str] | None = None) -> int:
    """Build the variants into the folder given."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m scripts.nested_variants OUT_DIR", file=sys.stderr)
        return 2
    for name in build(Path(args[0])):
        print(f"built {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
