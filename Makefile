# Two commands on a fresh machine:  make run  (the app)   make test  (the whole suite)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint package bench bench-small system-deps clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

system-deps:
	bash .ci/system-deps

run: $(STAMP)
	$(PY) main.py

lint: $(STAMP)
	$(PY) -m ruff check .

test: system-deps $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

package: $(STAMP)
	bash .ci/package

bench: $(STAMP)
	$(PY) bench/run_all.py

bench-small: $(STAMP)
	$(PY) bench/run_all.py --small

clean:
	rm -rf build dist .pytest_cache .ruff_cache
