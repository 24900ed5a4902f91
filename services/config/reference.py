"""The settings reference, generated from the `Settings` model: the README's table and `.env.example`.

`python -m services.config.reference` checks both files against the model (exit 1 when they drift);
with `--write` it rewrites them. The README's table sits between two comment markers; nothing else of
the README is touched.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic.fields import FieldInfo

from services.config.rules import Rule, Text
from services.config.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
ENV_EXAMPLE = ROOT / ".env.example"
COMMAND = ".venv/bin/python -m services.config.reference --write"
TABLE_BEGIN = f"<!-- settings table: generated from services/config/settings.py by `{COMMAND}` -->"
TABLE_END = "<!-- end of the settings table -->"


@dataclass(frozen=True)
class Entry:
    """One setting as the documentation shows it."""

    variable: str
    default: str
    valid: str
    meaning: str
    required: bool


def entries() -> list[Entry]:
    """Every setting, in the model's order."""
    return [_entry(name, field) for name, field in Settings.model_fields.items()]


def _entry(name: str, field: FieldInfo) -> Entry:
    rule = next((item for item in field.metadata if isinstance(item, Rule)), Text())
    return Entry(
        variable=field.alias or name.upper(),
        default="" if field.is_required() else _default_text(field.default),
        valid=rule.valid,
        meaning=field.description or "",
        required=field.is_required(),
    )


def _default_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, tuple):
        return ",".join(str(item) for item in value)
    if hasattr(value, "get_secret_value"):
        return str(value.get_secret_value())
    return str(value)


def settings_table() -> str:
    """The README's table of settings, between its markers."""
    lines = [TABLE_BEGIN, "| variable | default | valid values | meaning |", "| --- | --- | --- | --- |"]
    for entry in entries():
        default = "**required**" if entry.required else f"`{entry.default}`" if entry.default else "empty"
        cells = (f"`{entry.variable}`", default, entry.valid, entry.meaning)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    lines.append(TABLE_END)
    return "\n".join(lines) + "\n"


def env_example() -> str:
    """`.env.example`: the required secrets first and set empty, then every other setting commented out."""
    lines = [
        "# Copy to .env and fill in the required secrets; everything else has a default (see README.md).",
        f"# Generated from services/config/settings.py by `{COMMAND}`.",
    ]
    every = entries()
    for group in ([entry for entry in every if entry.required], [entry for entry in every if not entry.required]):
        lines.append("")
        for entry in group:
            lines.append(f"# {entry.meaning}")
            lines.append(f"{entry.variable}=" if entry.required else f"# {entry.variable}={entry.default}")
    return "\n".join(lines) + "\n"


def with_table(readme: str) -> str:
    """The README text with its settings table replaced by the generated one."""
    begin = readme.find(TABLE_BEGIN)
    end = readme.find(TABLE_END, begin)
    if begin < 0 or end < 0:
        raise ValueError(f"README.md has no settings table markers ({TABLE_BEGIN!r} … {TABLE_END!r})")
    rest = readme[end + len(TABLE_END) :]
    return readme[:begin] + settings_table() + rest.removeprefix("\n")


def drifted() -> list[Path]:
    """The files that differ from what the model generates."""
    expected = {README: with_table(README.read_text(encoding="utf-8")), ENV_EXAMPLE: env_example()}
    return [path for path, text in expected.items() if not path.exists() or path.read_text(encoding="utf-8") != text]


def main(argv: Sequence[str] | None = None) -> int:
    """Check (default) or rewrite (`--write`) the README's table and `.env.example`."""
    parser = argparse.ArgumentParser(prog="python -m services.config.reference", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the files that drifted")
    arguments = parser.parse_args(argv)
    stale = drifted()
    if arguments.write:
        if README in stale:
            README.write_text(with_table(README.read_text(encoding="utf-8")), encoding="utf-8")
        if ENV_EXAMPLE in stale:
            ENV_EXAMPLE.write_text(env_example(), encoding="utf-8")
        for path in stale:
            print(f"rewrote {path.relative_to(ROOT)}")
        return 0
    for path in stale:
        print(f"{path.relative_to(ROOT)} differs from the settings model; run {COMMAND}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
