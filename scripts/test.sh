#!/usr/bin/env bash
# Lint, check the architecture's import contracts (import-linter) and run the whole test suite (unit,
# simulator, end-to-end against a fake Discord).
# The suite runs in two pytest-xdist workers (the machine's two cores; each test makes its own ports,
# databases and files). Extra arguments go to pytest, e.g. scripts/test.sh -k quota -x (or -n 0: in one).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports --no-cache
exec .venv/bin/python -m pytest -n 2 "$@"
