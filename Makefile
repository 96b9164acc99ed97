# Everything a new machine needs is made here: `make crawl` and `make test` build .venv first.
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: crawl test demo bench lint clean

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

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) data .pytest_cache
