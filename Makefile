# Two commands on a fresh machine:  make run  (the app)   make test  (the whole suite)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint package bench bench-small system-deps clean translations ts

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

system-deps:
	bash .ci/system-deps

# Translations: `make ts` gathers every string of the sources into the .ts files (for translators, with
# Qt Linguist: .venv/bin/pyside6-linguist); `make translations` builds the .qm files the app loads.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
# Every module, in sub-packages too (gui/screens/indicator_entry/model.py, storage/core/...).
SOURCES := main.py $(shell find gui printing storage sync -name "*.py" | sort)

ts: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(SOURCES) -ts $(TS)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease $< -qm $@

run: system-deps $(STAMP) translations
	$(PY) main.py

lint: $(STAMP)
	$(PY) -m ruff check .

test: system-deps $(STAMP) lint translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

package: $(STAMP) translations
	bash .ci/package

bench: $(STAMP)
	$(PY) bench/run_all.py

bench-small: $(STAMP)
	$(PY) bench/run_all.py --small

clean:
	rm -rf build dist .pytest_cache .ruff_cache
