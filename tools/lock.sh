#!/usr/bin/env bash
# `make lock`: compile requirements/<engine>.txt from the generator's and the course's pyproject.toml (the engine's
# extra of the generator, the course's test extra), each release pinned with the hashes of all its files (every
# platform's wheels), so `make setup` and the Pages workflow install exactly these. The two local packages themselves
# are installed from their folders (--no-deps -e), so they are not in the locks.
# --upgrade takes the newest releases pyproject.toml allows; a plain edit of pyproject.toml also needs this run.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
tools=.venv-lock
if [ ! -x "$tools/bin/pip-compile" ]; then
  "$python" -m venv "$tools"
  "$tools/bin/pip" install --quiet "pip-tools==7.7.0"  # one pip-tools for everyone: the same lock format
fi
mkdir -p requirements
compile() {
  out="$1"; shift
  # No index or find-links lines: a machine's own mirrors must not end up in the lock.
  CUSTOM_COMPILE_COMMAND="make lock" "$tools/bin/pip-compile" --quiet --upgrade --generate-hashes --strip-extras \
    --no-emit-index-url --no-emit-find-links "$@" --output-file "$out" generator/pyproject.toml pyproject.toml
}
compile requirements/material.txt --extra material --extra test  # .venv: the default engine and the tests
compile requirements/materialx.txt --extra materialx             # .venv-materialx: ProperDocs + MaterialX
echo "requirements/material.txt and requirements/materialx.txt refreshed; run make setup, then make test"
