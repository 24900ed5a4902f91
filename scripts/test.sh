#!/usr/bin/env bash
# Lint, check the architecture's import contracts (import-linter) and run the whole test suite (unit,
# simulator, end-to-end against a fake Discord).
# Extra arguments go to pytest, e.g. scripts/test.sh -k quota -x
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports --no-cache
exec .venv/bin/python -m pytest "$@"
