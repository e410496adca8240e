# Two commands for readers and authors: `make serve` and `make test`. Everything else is a building block.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast test-generator setup clean prune-figures bench lesson series new-course

$(STAMP): pyproject.toml generator/pyproject.toml package.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ./generator  # the generator first: the course depends on it, and it is not on PyPI
	$(BIN)/pip install --quiet -e '.[test]'
	npm install --no-audit --no-fund --silent
	touch $(STAMP)

setup: $(STAMP)

## serve: set up, then serve every language with live reload (the primary at /, the others at /<lang>/)
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

## build: the production site, every language, strict, into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict --quiet

## lesson: a draft lesson in every language, next free number in its series: make lesson SERIES=foundations SLUG=bayes-rule
##         optional: TITLE="Bayes' rule" TAG=probability (several: TAG=probability,diffusion; default: the first tag)
lesson: $(STAMP)
	$(BIN)/python -m coursekit.authoring new-lesson "$(SERIES)" "$(SLUG)" $(if $(TITLE),--title "$(TITLE)") $(if $(TAG),--tag "$(TAG)")

## series: a new series in course.yml with its folder in every language: make series ID=foundations TITLE="Foundations"
series: $(STAMP)
	$(BIN)/python -m coursekit.authoring new-series "$(ID)" $(if $(TITLE),--title "$(TITLE)")

## new-course: a standalone course folder of your own: make new-course DIR=../my-course LANGUAGES=en,ko TITLE="My course"
new-course: $(STAMP)
	$(BIN)/coursekit new-course "$(DIR)" --languages "$(LANGUAGES)" --title "$(TITLE)" $(if $(NAME),--name "$(NAME)")

## test: set up, then run every test (Python incl. browser tests in Chromium, and the JavaScript rules in Node)
test: $(STAMP)
	$(BIN)/coursekit ensure-chromium
	$(BIN)/lint-imports  # the generator never imports the course; no import cycles (pyproject.toml)
	node --test tests/generator/js/
	$(BIN)/pytest --durations=10

## test-fast: every test that needs neither Chromium nor a build of the whole course (well under a minute)
test-fast: $(STAMP)
	$(BIN)/lint-imports
	node --test tests/generator/js/
	$(BIN)/pytest -m "not whole_site" --durations=10

## test-generator: the generator's own tests, on fixture courses only (they pass with this course's docs, course.yml,
## glossary.yml, translations.yml and build_hooks/ deleted)
test-generator: $(STAMP)
	$(BIN)/lint-imports --config generator/pyproject.toml
	node --test tests/generator/js/
	$(BIN)/pytest tests/generator --durations=10

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# Cached figures that no page uses any more (every spec or library change leaves old ones behind).
prune-figures: $(STAMP)
	$(BIN)/python -m coursekit.figures.prune

clean:
	rm -rf site generated
