# Passerelle — the two commands are `make demo` and `make test`; the rest serves them and CI.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV ?= $(if $(wildcard $(VENV)/bin/uv),$(VENV)/bin/uv,uv)
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/passerelle
PYTEST_WORKERS ?= 2

.PHONY: venv lock demo worker test test-postgres test-browser cluster-test bench bench-load lint messages serve clean

# Installs from the lock files only: every package, direct or indirect, at its locked version and
# with its hash checked (pip stops on a mismatch or an unlisted package).
$(VENV)/.installed: requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	$(PY) -m pip check
	touch $@

## make lock: write requirements.lock and requirements-dev.lock (hashes, Python 3.11 on Linux x86_64)
## from requirements.txt and requirements-dev.txt, the files people edit
LOCK_FLAGS := --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	--index-url https://pypi.org/simple --no-annotate --quiet --custom-compile-command "make lock"
lock:
	@command -v $(UV) >/dev/null 2>&1 || { echo "make lock needs uv (pinned in requirements-dev.txt): make venv, or pip install uv"; exit 1; }
	$(UV) pip compile $(LOCK_FLAGS) requirements.txt -o requirements.lock
	$(UV) pip compile $(LOCK_FLAGS) requirements-dev.txt -o requirements-dev.lock

# Browser libraries (Chart.js, vis-network), pinned in package-lock.json: scripts/vendor_static.py
# downloads their tarballs from the npm registry, checks each one against the lock's sha512
# integrity and unpacks the files the pages use into passerelle/static/vendor/ (git-ignored).
# Node is not needed; a download or a check that fails stops the set-up.
VENDOR_STAMP := passerelle/static/vendor/.installed
$(VENDOR_STAMP): package.json package-lock.json scripts/vendor_static.py
	$(PYTHON) scripts/vendor_static.py
	touch $@

venv: $(VENV)/.installed $(VENDOR_STAMP)

## make demo: set everything up on SQLite, load the demo data and serve on http://127.0.0.1:$(PORT)
demo: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py reports_refresh
	@echo "Serving on http://127.0.0.1:$(PORT)/ with a background worker for jobs (Ctrl-C stops both)"
	$(PY) manage.py jobs_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## the background worker alone (production runs it under a process manager: docs/operations.md)
worker: venv
	$(PY) manage.py jobs_worker

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

## two web servers and two workers on one PostgreSQL and Redis, checked over HTTP (scripts/cluster_test.py)
cluster-test: venv
	$(PY) scripts/cluster_test.py

bench: venv
	$(PY) benchmarks/run_all.py

## the load test alone, read caches off then on (PostgreSQL and Redis on this machine): a short run
## (10 members, 15 s, 2,000 people); FULL=1 for 50 members for 60 s on 50,000 people
bench-load: venv
	$(PY) benchmarks/load.py --compare $(if $(FULL),,--quick)

lint: venv
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

messages: venv
	cd passerelle && ../$(PY) ../manage.py makemessages -l fr -l en --no-obsolete --no-wrap --ignore="matching/*" --ignore="scheduling/*"
	$(PY) scripts/fill_english_catalogue.py
	cd passerelle && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules passerelle/static/vendor
