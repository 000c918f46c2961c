PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: heldout producers setup run test test-libreoffice fuzz eval bench lint schema clean realworld compare-sources stress

setup: $(STAMP)

# setup.py builds the PDF page source's C loop (extractors/pdfium_loops.c): rebuilt when it changes.
$(STAMP): pyproject.toml setup.py extractors/pdfium_loops.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# A build that fails (the library is optional) must not leave an older one to be loaded.
	rm -f extractors/_pdfium_loops*.so
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/actionplan extract samples --out output --quiet
	$(BIN)/actionplan audit samples --reports reports --out output

test: setup typecheck
	$(BIN)/ruff check pipeline extractors tests scripts
	$(BIN)/pytest -q -m "not libreoffice"

# mypy over the modules listed in pyproject.toml ([tool.mypy] files).
.PHONY: typecheck
typecheck: setup
	$(BIN)/mypy

# Mutated PDFs and DOCX through the real worker, checking the one-line contract (minutes).
fuzz: setup
	$(BIN)/python scripts/fuzz.py --cases $${FUZZ_CASES:-2000}

# The checks that need the real LibreOffice (soffice on PATH); .ci/run installs it first.
test-libreoffice: setup
	$(BIN)/pytest -q -m libreoffice

eval: setup
	$(BIN)/python -m pipeline.evaluate samples

# Plans made by new means that the tool does not yet read to the samples' bar (samples/heldout).
heldout: setup
	@if ls samples/heldout/*.expected.json >/dev/null 2>&1; then \
		$(BIN)/python -m pipeline.evaluate samples/heldout; \
	else echo "samples/heldout holds no plan: every plan made by new means reads to the bar"; fi

# Rewrite the per-document score table (samples/scores.tsv) from a run; commit it with the
# change that moved the scores (tests/test_samples_end_to_end.py lets them only go up).
.PHONY: scores
scores: setup
	$(BIN)/python -m pipeline.evaluate samples --write-scores samples/scores.tsv

bench: setup
	$(BIN)/python scripts/bench.py

# Every Word sample in every layout variant (LibreOffice), scored per variant on PDF.
stress: setup
	$(BIN)/python -m scripts.stress

# The samples as other producers draw them (LibreOffice XHTML printed by Chromium; poppler's
# cairo re-render of every sample PDF), scored per producer. Needs soffice, chromium, poppler.
producers: setup
	$(BIN)/python -m scripts.producers

# Real third-party office documents, none of them a plan: no plan, crash or time-out allowed.
REALWORLD ?= ../shared/realworld
realworld: setup
	$(BIN)/python scripts/realworld.py $(REALWORLD)

# Both PDF page sources over the real-world PDFs: where pdfium and pdfminer.six read differently.
compare-sources: setup
	$(BIN)/python -m scripts.compare_pdf_sources samples $(REALWORLD)/office_pdf

schema: setup
	$(BIN)/actionplan schema > pipeline/schema/actionplan.schema.json
	$(BIN)/actionplan audit --schema > pipeline/schema/audit.schema.json
	$(BIN)/actionplan report --schema > pipeline/schema/report.schema.json

clean:
	rm -f extractors/_pdfium_loops*.so
	rm -rf $(VENV) output/*.json output/*.csv output/*.xlsx output/*.sqlite output/*.html \
		output/.actionplan-manifest.json

# audit.html in headless Chromium: renders, no script errors, no network requests (needs the
# chromium package; .ci/run installs it). Not part of `make test`.
.PHONY: browser-check audit-eval
browser-check: setup
	$(BIN)/python -m scripts.browser_check

# Recall and precision of audit findings per rule family on samples/audit.
audit-eval: setup
	$(BIN)/python -m pipeline.audit.evaluate samples/audit

# Sample documents from their specs (samples/README.md): `samples` rebuilds them in place;
# `samples-check` rebuilds into a temporary folder and fails on any difference (LibreOffice and
# Chromium; documents whose program is missing are reported as skipped).
.PHONY: samples samples-check
samples: setup
	$(BIN)/python -m scripts.samples

samples-check: setup
	$(BIN)/python -m scripts.samples --check --jobs 2
