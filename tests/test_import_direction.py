"""Layering: readers never import the pipeline; the data layers never touch PDF/DOCX readers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OWN_PACKAGES = frozenset({"pipeline", "extractors"})
READER_LIBS = frozenset({"pdfplumber", "pdfminer", "pypdfium2", "docx"})


def module_file(name: str, root: Path) -> Path | None:
    """The project file defining module ``name``, if it is one of ours."""
    base = root.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Absolute names of every module a file imports, relative imports resolved."""
    package = list(path.relative_to(root).parent.parts)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            stem = ".".join([*base, node.module] if node.module else base)
            found.add(stem)
            # "from pipeline import extract" imports the submodule pipeline.extract.
            for alias in node.names:
                if module_file(f"{stem}.{alias.name}", root) is not None:
                    found.add(f"{stem}.{alias.name}")
    return found


def transitive_imports(path: Path, root: Path = ROOT) -> set[str]:
    """What a file imports and, through the project's own modules, what those import."""
    seen: set[str] = set()
    todo, done = [path], set()
    while todo:
        current = todo.pop()
        if current in done:
            continue
        done.add(current)
        for name in imported_modules(current, root):
            seen.add(name)
            if name.split(".")[0] in OWN_PACKAGES and (own := module_file(name, root)):
                todo.append(own)
    return seen


def pipeline_imports(path: Path, root: Path = ROOT) -> set[str]:
    """Every pipeline module (the bare package included) a file imports, lazily or not."""
    return {m for m in imported_modules(path, root) if m.split(".")[0] == "pipeline"}


def own_imports(path: Path, root: Path = ROOT) -> set[str]:
    """Every module of the project's own packages a file imports."""
    return {m for m in imported_modules(path, root) if m.split(".")[0] in OWN_PACKAGES}


def reader_imports(path: Path, root: Path = ROOT) -> set[str]:
    """PDF/DOCX reader modules reachable from a file."""
    return {m for m in transitive_imports(path, root) if m.split(".")[0] in READER_LIBS}


EXTRACTOR_FILES = sorted((ROOT / "extractors").rglob("*.py"))
DATA_LAYER_FILES = sorted(
    [ROOT / "pipeline" / "models.py", ROOT / "pipeline" / "errors.py"]
    + list((ROOT / "pipeline" / "normalise").rglob("*.py"))
    + [p for p in [ROOT / "pipeline" / "export.py"] if p.exists()]
)


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_files_to_check_were_found() -> None:
    assert EXTRACTOR_FILES, "no extractors/*.py found"
    assert ROOT / "pipeline" / "models.py" in DATA_LAYER_FILES


@pytest.mark.parametrize("path", EXTRACTOR_FILES, ids=_id)
def test_extractors_never_import_the_pipeline(path: Path) -> None:
    offending = pipeline_imports(path)
    assert not offending, f"{_id(path)} imports {sorted(offending)}"


def test_reader_errors_import_nothing_of_the_project() -> None:
    # Both packages import it, so it must sit below both.
    assert own_imports(ROOT / "extractors" / "errors.py") == set()


@pytest.mark.parametrize("path", DATA_LAYER_FILES, ids=_id)
def test_data_layers_never_import_document_readers(path: Path) -> None:
    offending = reader_imports(path)
    assert not offending, f"{_id(path)} (transitively) imports {sorted(offending)}"


def test_checks_catch_violations_in_a_fake_tree(tmp_path: Path) -> None:
    files = {
        "pipeline/__init__.py": "",
        "pipeline/models.py": "import pydantic\n",
        "pipeline/extract.py": "from extractors import pdf\n",
        "pipeline/normalise/__init__.py": "",
        "pipeline/normalise/dates.py": "from ..extract import x\n",
        "extractors/__init__.py": "",
        "extractors/pdf.py": "import pdfplumber.page\n",
        "extractors/docx.py": "from pipeline import models, extract\nfrom docx import Document\n",
        "extractors/sniff.py": "def f():\n    from pipeline.errors import X\n",
        "extractors/errors.py": "import zipfile\nfrom . import layout\n",
        "extractors/layout.py": "",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert pipeline_imports(tmp_path / "extractors/docx.py", tmp_path) == {
        "pipeline", "pipeline.models", "pipeline.extract"}
    assert pipeline_imports(tmp_path / "extractors/sniff.py", tmp_path) == {"pipeline.errors"}
    assert pipeline_imports(tmp_path / "extractors/pdf.py", tmp_path) == set()
    assert own_imports(tmp_path / "extractors/errors.py", tmp_path) == {
        "extractors", "extractors.layout"}
    assert reader_imports(tmp_path / "pipeline/normalise/dates.py", tmp_path) == {"pdfplumber.page"}
    assert reader_imports(tmp_path / "pipeline/models.py", tmp_path) == set()
