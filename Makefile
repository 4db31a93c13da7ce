# Loyalty Desk — every set-up step lives here, so a fresh clone needs only `make run` / `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= dev,server

.PHONY: run test lint typecheck pytest bench clean forms resources

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the declared dependencies change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/loyalty-desk gui

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy loyalty_desk/domain loyalty_desk/services

pytest: $(STAMP)
	$(BIN)/python -m pytest

test: lint typecheck pytest

# Qt Designer forms (ui/*.ui) and the resource file (icons, style) compiled into the
# generated loyalty_desk/gui/forms package; tests/test_forms.py fails when it is stale.
forms: $(STAMP)
	$(BIN)/python -m loyalty_desk.gui.forms_build

resources: forms

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
