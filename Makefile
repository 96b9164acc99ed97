# Everything a new machine needs is made here: `make crawl` and `make test` build .venv first,
# from requirements.lock (every package of the tree, pinned and hashed), so every machine runs
# the versions the tests ran. `make lock` re-solves it after a change to pyproject.toml.
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: crawl test demo bench lint lock clean

$(STAMP): pyproject.toml requirements.lock
	@echo "setting up $(VENV) from requirements.lock (first run: a few minutes)"
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install --progress-bar on --require-hashes --no-deps -r requirements.lock
	$(VENV)/bin/pip install --no-deps -e .
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

lock:  ## re-solve requirements.lock from pyproject.toml (see README, "Installs")
	$(VENV)/bin/pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --allow-unsafe --extra=test --generate-hashes --no-emit-index-url \
		--no-emit-find-links --strip-extras --output-file=requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) data .pytest_cache
