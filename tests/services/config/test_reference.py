"""The README's settings table and `.env.example` are what the settings model generates, so they never drift."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dotenv import dotenv_values

from services.config import reference
from services.config.settings import load_settings

SECRETS = {"DISCORD_TOKEN": "t", "WAN_API_KEY": "k"}


def test_the_readme_table_is_the_generated_one() -> None:
    readme = reference.README.read_text(encoding="utf-8")
    assert readme == reference.with_table(readme), f"README.md drifted; run {reference.COMMAND}"


def test_env_example_is_the_generated_one() -> None:
    assert reference.ENV_EXAMPLE.read_text(encoding="utf-8") == reference.env_example(), (
        f".env.example drifted; run {reference.COMMAND}"
    )


def test_env_example_starts_with_the_required_secrets_left_empty() -> None:
    assignments = [line for line in reference.env_example().splitlines() if line and not line.startswith("#")]
    assert assignments == ["DISCORD_TOKEN=", "WAN_API_KEY="]


def test_the_defaults_in_env_example_are_the_models_defaults(tmp_path: Path) -> None:
    uncommented = [line.removeprefix("# ") for line in reference.env_example().splitlines() if "=" in line]
    example = tmp_path / ".env"
    example.write_text("\n".join(uncommented), encoding="utf-8")
    values = {name: value or "" for name, value in dotenv_values(example).items()}
    assert len(values) == len(reference.entries())
    assert load_settings({**values, **SECRETS}) == load_settings(SECRETS)


def test_every_setting_is_documented() -> None:
    assert all(entry.meaning and entry.valid for entry in reference.entries())


def test_the_table_shows_the_variable_default_rule_and_meaning() -> None:
    row = next(line for line in reference.settings_table().splitlines() if "`MAX_TASKS_IN_FLIGHT`" in line)
    assert row.startswith("| `MAX_TASKS_IN_FLIGHT` | `0` | a whole number from 0 to 10000 | a hard cap on tasks")


def test_a_readme_without_the_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="markers"):
        reference.with_table("# no table here\n")


def test_the_command_finds_drift_and_write_repairs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme, example, original = tmp_path / "README.md", tmp_path / ".env.example", reference.README
    shutil.copy(original, readme)
    example.write_text("DISCORD_TOKEN=\n", encoding="utf-8")
    readme.write_text(readme.read_text(encoding="utf-8").replace("| `72` |", "| `73` |"), encoding="utf-8")
    monkeypatch.setattr(reference, "ROOT", tmp_path)
    monkeypatch.setattr(reference, "README", readme)
    monkeypatch.setattr(reference, "ENV_EXAMPLE", example)
    assert reference.drifted() == [readme, example]
    assert reference.main([]) == 1
    assert reference.main(["--write"]) == 0
    assert reference.main([]) == 0
    assert readme.read_text(encoding="utf-8") == reference.with_table(original.read_text(encoding="utf-8"))
    assert example.read_text(encoding="utf-8") == reference.env_example()
