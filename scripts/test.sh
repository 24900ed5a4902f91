#!/usr/bin/env bash
# Lint and run the whole test suite (unit, simulator, end-to-end against a fake Discord).
# Extra arguments go to pytest, e.g. scripts/test.sh -k quota -x
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
