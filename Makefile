# Two commands for readers and authors: `make serve` and `make test`. Everything else is a building block.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1

# The engine that builds and serves: `material` (MkDocs + Material for MkDocs, the default) or `materialx`
# (ProperDocs + mkdocs-materialx, Material's maintained fork). Each has a venv of its own, installed from its
# hash-locked requirements/<engine>.txt: the two themes cannot share one, both install the Python package `material`.
# mkdocs.yml reads the theme's name from COURSE_THEME, so switching edits no file. `make test` tests both.
ENGINE ?= material
ENGINES := material materialx
ifeq ($(filter $(ENGINE),$(ENGINES)),)
$(error ENGINE=$(ENGINE): choose one of $(ENGINES))
endif
venv_material := .venv
venv_materialx := .venv-materialx
run_material := mkdocs
run_materialx := properdocs
# MkDocs 1.6 wants --livereload to reload on every change; ProperDocs reloads unless told --no-livereload.
serve_material := --livereload
serve_materialx :=
export COURSE_THEME := $(ENGINE)

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ENGINE_BIN := $(venv_$(ENGINE))/bin
ENGINE_STAMP := $(venv_$(ENGINE))/.installed
MATERIALX_STAMP := $(venv_materialx)/.installed

.PHONY: serve build test test-fast test-generator setup lock clean prune-figures bench lesson series new-course

# The default engine's venv also runs the tests (pytest and Playwright are in its lock), and Node's test dependencies
# come from package-lock.json (npm ci installs exactly it, integrity hashes checked, or fails). The generator
# (generator/, not on PyPI) and the course are installed from their folders, without dependencies: the lock has them.
$(STAMP): requirements/material.txt pyproject.toml generator/pyproject.toml package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/material.txt
	$(BIN)/pip install --quiet --no-deps -e ./generator -e .
	npm ci --no-audit --no-fund --silent
	touch $(STAMP)

$(MATERIALX_STAMP): requirements/materialx.txt pyproject.toml generator/pyproject.toml
	$(PYTHON) -m venv $(venv_materialx)
	$(venv_materialx)/bin/pip install --quiet --upgrade pip
	$(venv_materialx)/bin/pip install --quiet --require-hashes --no-deps -r requirements/materialx.txt
	$(venv_materialx)/bin/pip install --quiet --no-deps -e ./generator -e .
	touch $(MATERIALX_STAMP)

## setup: both engines' venvs (the tests need both) and Node's test dependencies
setup: $(STAMP) $(MATERIALX_STAMP)

## lock: refresh requirements/<engine>.txt to the newest releases the two pyproject.toml files allow, every file hashed
lock:
	tools/lock.sh

## serve: set up, then serve every language with live reload (the primary at /, the others at /<lang>/)
serve: $(ENGINE_STAMP)
	$(ENGINE_BIN)/$(run_$(ENGINE)) serve -f mkdocs.yml $(serve_$(ENGINE))

## build: the production site, every language, strict, into site/ (ENGINE=materialx: with ProperDocs + MaterialX)
build: $(ENGINE_STAMP)
	$(ENGINE_BIN)/$(run_$(ENGINE)) build -f mkdocs.yml --strict --quiet

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

## test: set up, then run every test (the generator's and the course's, Python incl. browser tests in Chromium, and
## the JavaScript rules in Node); the tests of templates, scripts and pages in Chromium run against both engines' builds
test: $(STAMP) $(MATERIALX_STAMP)
	$(BIN)/coursekit ensure-chromium
	$(BIN)/lint-imports  # the generator never imports the course; no import cycles (pyproject.toml)
	node --test tests/generator/js/
	$(BIN)/pytest --durations=10

## test-fast: every test that needs neither Chromium nor a build of the whole course (well under a minute)
test-fast: $(STAMP) $(MATERIALX_STAMP)
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
