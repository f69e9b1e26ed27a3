# `make serve` builds and serves the atlas; `make test` runs every test. Both install what they need.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

VALIDATE_FORMAT ?= text

.PHONY: serve preview build test validate translation-report schemas schemas-check links clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e .
	touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

# Only what one practice touches, rebuilt in seconds: make preview PRACTICE=lyon-centsept
preview: $(VENV)/.installed
	@test -n "$(PRACTICE)" || { echo "usage: make preview PRACTICE=<folder of practices/>"; exit 2; }
	ATLAS_PREVIEW=$(PRACTICE) $(BIN)/mkdocs serve

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed
	$(BIN)/ruff check hooks scripts tests
	$(BIN)/ruff format --check hooks scripts tests
	PYTHONPATH=hooks $(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -n auto --dist loadgroup --durations=15

validate: $(VENV)/.installed
	$(BIN)/python scripts/validate.py --format $(VALIDATE_FORMAT) $(if $(ROOT),--root $(ROOT))

translation-report: $(VENV)/.installed
	@$(BIN)/python scripts/translation_report.py

schemas: $(VENV)/.installed
	$(BIN)/python scripts/update_schemas.py
	$(BIN)/python scripts/update_forms.py

schemas-check: $(VENV)/.installed
	$(BIN)/python scripts/update_schemas.py --check
	$(BIN)/python scripts/update_forms.py --check

links: $(VENV)/.installed
	@$(BIN)/python scripts/check_links.py

clean:
	rm -rf site $(VENV) .cache/atlas
