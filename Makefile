# `make serve` builds and serves the atlas; `make test` runs every test. Both install what they need.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e .
	touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed
	$(BIN)/python -m pytest

validate: $(VENV)/.installed
	$(BIN)/python scripts/validate.py

clean:
	rm -rf site $(VENV)
