# Two commands for a newcomer: `make run` and `make test`. Both set up .venv/ first if needed.
# Two lanes: `make check` (lint, types, import layers, the fast tests: under a minute) while you
# work; `make test` (the same checks and every test, the slow ones too) before a commit and in CI.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= dateline.db

.PHONY: setup run static check test lint eval bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

run: setup
	$(BIN)/dateline ingest samples --db $(DB)
	$(BIN)/dateline report --db $(DB)

static: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

check: static
	$(BIN)/python -m pytest -q -m "not slow"

test: static
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts

eval: setup
	$(BIN)/dateline eval

bench: setup
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build src/*.egg-info
