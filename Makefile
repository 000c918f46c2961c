PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test eval bench lint schema clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/actionplan extract samples --out output

test: setup
	$(BIN)/ruff check pipeline extractors tests scripts
	$(BIN)/pytest -q

eval: setup
	$(BIN)/python -m pipeline.evaluate samples

bench: setup
	$(BIN)/python scripts/bench.py

schema: setup
	$(BIN)/actionplan schema > pipeline/schema/actionplan.schema.json

clean:
	rm -rf $(VENV) output/*.json output/*.csv output/*.xlsx
