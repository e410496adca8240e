# Two commands for readers and authors: `make serve` and `make test`. Everything else is a building block.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LANG_TO_SERVE ?= en
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-ko build test test-python test-js setup clean prune-figures bench

$(STAMP): pyproject.toml package.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	npm install --no-audit --no-fund --silent
	touch $(STAMP)

setup: $(STAMP)

## serve: set up, then serve the English site with live reload (LANG_TO_SERVE=ko, or `make serve-ko`, for Korean)
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload -f $(if $(filter ko,$(LANG_TO_SERVE)),mkdocs.ko.yml,mkdocs.yml)

serve-ko:
	$(MAKE) serve LANG_TO_SERVE=ko

## build: the production site, both languages, strict, into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.yml
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.ko.yml

## test: set up, then run every test (Python incl. browser tests in Chromium, and the JavaScript rules in Node)
test: $(STAMP)
	tools/ensure-chromium.sh
	node --test tests/js/
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# Cached figures that no page uses any more (every spec or library change leaves old ones behind).
prune-figures: $(STAMP)
	$(BIN)/python -m build_hooks.figures.prune

clean:
	rm -rf site generated
