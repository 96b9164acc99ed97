# Everything a new machine needs is made here: `make crawl` and `make test` build .venv first.
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: crawl test demo bench lint clean replay-venv

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -e ".[test]"
	touch $(STAMP)

crawl: $(STAMP)  ## the main job: crawl every configured source into ./data/archive.duckdb
	$(VENV)/bin/govarchive crawl all

test: $(STAMP)  ## the whole test suite (and lint)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -q

demo: $(STAMP)  ## offline demo against the local replica of the sites
	$(VENV)/bin/python -m tests.replica.demo

bench: $(STAMP)
	$(VENV)/bin/pip install --quiet -e ".[test,bench]"
	$(VENV)/bin/python -m bench.run_all

# pywb (govarchive replay) pins libraries Prefect cannot share (redis 2.10): its own venv
REPLAY_VENV := .venv-replay
REPLAY_STAMP := $(REPLAY_VENV)/.installed

$(REPLAY_STAMP): web/replay-requirements.txt
	$(PY) -m venv $(REPLAY_VENV)
	$(REPLAY_VENV)/bin/pip install --quiet -r web/replay-requirements.txt
	touch $(REPLAY_STAMP)

replay-venv: $(REPLAY_STAMP)  ## pywb for `govarchive replay`, in .venv-replay/

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) $(REPLAY_VENV) data .pytest_cache
