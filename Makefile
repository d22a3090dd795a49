# Two commands: `make demo` (set everything up, run the pipeline on sample articles) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements-test.txt | sha256sum | cut -c1-12)

.PHONY: demo test lint typecheck unit integration setup native kafka-jars schemas bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-test.txt
	PYTHON=$(PYTHON) ./scripts/install-system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q -r requirements-test.txt
	$(BIN)/pip install -q --no-deps camel-tools==1.6.0
	rm -f $(VENV)/.installed-*
	touch $@

# mypyc build of the normaliser and extractor (services/native.py); a no-op when current, and only a build
# of exactly the sources on disk is ever imported
native: setup
	$(BIN)/marsad native build

kafka-jars: setup
	$(BIN)/python -c "from services.localkafka.jars import ensure_jars; print(ensure_jars())"

demo: setup native kafka-jars
	$(BIN)/marsad demo

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

unit: setup native
	$(BIN)/pytest tests/unit -q

integration: setup native kafka-jars
	$(BIN)/pytest tests/integration -q

test: setup native kafka-jars
	@if [ -x .ci/install-ops-tools ]; then ./.ci/install-ops-tools; fi
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

schemas: setup
	$(BIN)/marsad schemas

bench: setup native kafka-jars
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) services/_native .cache .mypy_cache .pytest_cache .ruff_cache .hypothesis
