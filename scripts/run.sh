#!/usr/bin/env bash
# Install what the bot needs (first run only) and start it. Needs DISCORD_TOKEN and WAN_API_KEY in .env.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh requirements.txt
exec .venv/bin/python bot.py "$@"
