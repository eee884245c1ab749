# Passerelle — the two commands are `make demo` and `make test`; the rest serves them and CI.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/passerelle
PYTEST_WORKERS ?= 2

.PHONY: demo worker test test-postgres test-browser bench lint messages serve clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Browser libraries (Chart.js, vis-network) from the npm registry, pinned in package-lock.json and
# copied into passerelle/static/vendor/ (git-ignored); without npm the reports keep their tables only.
VENDOR_STAMP := passerelle/static/vendor/.installed
$(VENDOR_STAMP): package.json package-lock.json scripts/vendor_static.py
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && $(PYTHON) scripts/vendor_static.py && touch $@; \
	else echo "npm not found: charts and the network graph are skipped (their tables stay)"; fi

venv: $(VENV)/.installed $(VENDOR_STAMP)

## make demo: set everything up on SQLite, load the demo data and serve on http://127.0.0.1:$(PORT)
demo: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py reports_refresh
	@echo "Serving on http://127.0.0.1:$(PORT)/ with a background worker for jobs (Ctrl-C stops both)"
	$(PY) manage.py db_worker --no-reload --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## the background worker alone (production runs it under a process manager: docs/operations.md)
worker: venv
	$(PY) manage.py db_worker --no-reload

## make test: the whole suite on SQLite (lint and import layers first)
test: venv
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -q -n $(PYTEST_WORKERS)

## the suite again on PostgreSQL (DATABASE_URL from PG_URL)
test-postgres: venv
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -q -n $(PYTEST_WORKERS)

## browser journeys with Playwright driving Debian's Chromium
test-browser: venv
	$(PY) -m pytest -q -p no:xdist tests/browser --override-ini="addopts=-p no:cacheprovider" -m browser

bench: venv
	$(PY) benchmarks/run_all.py

lint: venv
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

messages: venv
	cd passerelle && ../$(PY) ../manage.py makemessages -l fr -l en --no-obsolete --no-wrap --ignore="matching/*" --ignore="scheduling/*"
	$(PY) scripts/fill_english_catalogue.py
	cd passerelle && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules passerelle/static/vendor
