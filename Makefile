# Everything a new machine needs is made here: `make crawl` and `make test` build .venv first,
# from requirements.lock (every package of the tree, pinned and hashed), so every machine runs
# the versions the tests ran. `make lock` re-solves it after a change to pyproject.toml.
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
# pywb's own venv (see replay-venv below); the web tests replay through it
REPLAY_VENV := .venv-replay
REPLAY_STAMP := $(REPLAY_VENV)/.installed

.PHONY: crawl test demo bench lint lock clean replay-venv

$(STAMP): pyproject.toml requirements.lock setup.py parsers/_treewalk.c parsers/_textscan.c
	@echo "setting up $(VENV) from requirements.lock (first run: a few minutes)"
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install --progress-bar on --require-hashes --no-deps -r requirements.lock
	$(VENV)/bin/pip install --no-deps -e .
	touch $(STAMP)

crawl: $(STAMP)  ## the main job: crawl every configured source into ./data/archive.duckdb
	$(VENV)/bin/govarchive crawl all

test: $(STAMP) $(REPLAY_STAMP)  ## the whole test suite (and the habits: lint, layers, dead code, types)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/vulture
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

demo: $(STAMP)  ## offline demo against the local replica of the sites
	$(VENV)/bin/python -m tests.replica.demo

bench: $(STAMP)
	$(VENV)/bin/pip install --quiet -e ".[test,bench]"
	$(VENV)/bin/python -m bench.run_all

# pywb (govarchive replay) pins libraries Prefect cannot share (redis 2.10): its own venv
$(REPLAY_STAMP): web/replay-requirements.txt
	$(PY) -m venv $(REPLAY_VENV)
	$(REPLAY_VENV)/bin/pip install --quiet -r web/replay-requirements.txt
	touch $(REPLAY_STAMP)

replay-venv: $(REPLAY_STAMP)  ## pywb for `govarchive replay`, in .venv-replay/

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/vulture
	$(VENV)/bin/mypy

lock:  ## re-solve requirements.lock from pyproject.toml (see README, "Installs")
	$(VENV)/bin/pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --allow-unsafe --extra=test --generate-hashes --no-emit-index-url \
		--no-emit-find-links --strip-extras --output-file=requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) $(REPLAY_VENV) data .pytest_cache parsers/_*.so
