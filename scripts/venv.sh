# Sourced by the other scripts: make sure .venv exists and holds the given requirements file.
# Reinstalls only when that file changed since the last install.
set -euo pipefail
requirements=${1:?requirements file}
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
stamp=".venv/.installed-$(basename "$requirements")"
wanted=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "installing $requirements into .venv" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  echo "$wanted" >"$stamp"
fi
