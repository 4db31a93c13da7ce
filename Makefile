# Loyalty Desk — every set-up step lives here, so a fresh clone needs only `make run` / `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= dev,server

.PHONY: run test lint typecheck pytest bench soak crash-soak fuzz-soak clean dist dist-check icons system-deps voucher-examples forms translations resources screenshots bench-reports report-screenshots

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

# QtMultimedia (the camera dialog) links libpulse.so.0, which minimal Debian/Ubuntu images
# lack. Installed here when it is missing and we may (root, apt); otherwise the camera
# dialog tests skip and say why.
system-deps:
	@if [ "$$(uname)" = Linux ] && ! ldconfig -p | grep -q 'libpulse\.so\.0 '; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q libpulse0 >/dev/null 2>&1 \
	      || { apt-get update -q >/dev/null && apt-get install -y -q libpulse0 >/dev/null; } \
	      || echo "warning: libpulse0 could not be installed; camera tests will skip"; \
	  else echo "note: install libpulse0 (apt) to run the camera dialog tests"; fi; \
	fi

pytest: $(STAMP) system-deps
	$(BIN)/python -m pytest

test: lint typecheck pytest

# Qt Designer forms (ui/*.ui) and the resource file (icons, style) compiled into the
# generated loyalty_desk/gui/forms package; tests/test_forms.py fails when it is stale.
forms: $(STAMP)
	$(BIN)/python -m loyalty_desk.gui.forms_build

# Qt Linguist files: pyside6-lupdate over the client's code and ui/ into
# resources/translations/*.ts (translate what it adds, e.g. in pyside6-linguist), then
# pyside6-lrelease into the .qm files the client loads. tests/test_translations.py fails
# when a string has no finished Chinese translation or a .qm is stale.
translations: $(STAMP)
	$(BIN)/python -m loyalty_desk.gui.translations_build

resources: forms translations

# The README's screenshots, taken from the real client on a demo store (needs xvfb-run).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python docs/screenshots.py

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

# The multi-till sync simulation over thousands of seeds (make test runs 200).
SOAK_SEEDS ?= 10000
SOAK_JOBS ?= 2
soak: $(STAMP)
	$(BIN)/python -m tests.sync.simulation --seeds $(SOAK_SEEDS) --steps 60 --jobs $(SOAK_JOBS)

# The report benchmarks alone (the 1M data set is generated once, then cached in bench/data).
bench-reports: $(STAMP)
	$(BIN)/python -m bench.bench_reports --sizes 10000,100000,1000000

# docs/reports-screen.png and the PDF pages, from a generated 20,000-member chain.
report-screenshots: $(STAMP)
	$(BIN)/python -m bench.screenshots

# The pictures of README's coupons section (docs/vouchers/*.png).
voucher-examples: $(STAMP)
	$(BIN)/python docs/vouchers/make_examples.py

# The store client as one folder (dist/loyalty-desk/: loyalty-desk, loyalty-desk-gui and
# their libraries), built by PyInstaller from installer/loyalty-desk.spec; then the
# installation check runs on it. `make test` checks the bundle too when it exists.
DIST_STAMP := $(VENV)/.installed-dist
$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS),dist]"
	touch $(DIST_STAMP)

dist: $(DIST_STAMP) system-deps
	$(BIN)/pyinstaller --noconfirm --log-level WARN \
	  --distpath dist --workpath build/pyinstaller installer/loyalty-desk.spec
	$(MAKE) dist-check

dist-check:
	dist/loyalty-desk/loyalty-desk --version
	dist/loyalty-desk/loyalty-desk-gui --smoke

# installer/loyalty-desk.ico and the PNG sizes under resources/icons/app/, from app.svg.
icons: $(STAMP)
	$(BIN)/python installer/make_icons.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache

# The adversarial campaign's heavy versions (tests/adversarial; make test runs small ones):
# SIGKILL the server and a till hundreds of times, and fuzz every parser much longer.
CRASH_ROUNDS ?= 300
crash-soak: $(STAMP)
	LOYALTY_CRASH_SOAK_ROUNDS=$(CRASH_ROUNDS) $(BIN)/python -m pytest -q -s \
	  tests/adversarial/test_crash_processes.py

FUZZ_EXAMPLES ?= 5000
fuzz-soak: $(STAMP)
	LOYALTY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) LOYALTY_LEDGER_EXAMPLES=300 LOYALTY_LEDGER_STEPS=60 \
	  $(BIN)/python -m pytest -q tests/adversarial -k "not crash"
