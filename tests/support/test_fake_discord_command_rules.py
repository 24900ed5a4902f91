from __future__ import annotations

from typing import Any

import pytest

from tests.support.fake_discord.command_rules import validate_command, validate_commands
from tests.support.fake_discord.errors import ApiError


def command(**changes: Any) -> dict[str, Any]:
    definition: dict[str, Any] = {
        "name": "imagine",
        "type": 1,
        "description": "Generate images",
        "options": [{"name": "prompt", "type": 3, "description": "What to draw"}],
    }
    return {**definition, **changes}


def test_a_well_formed_localized_command_is_accepted() -> None:
    validate_command(
        command(name_localizations={"de": "bild", "hi": "चित्र"}, description_localizations={"ja": "画像を生成"})
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"name_localizations": {"de": "Bild"}},
        {"name_localizations": {"de": "zwei wörter"}},
        {"name_localizations": {"de": "x" * 33}},
        {"name_localizations": {"xx-YY": "bild"}},
        {"description_localizations": {"de": "y" * 101}},
        {"description_localizations": {"de": ""}},
        {"options": [{"name": "prompt", "type": 3, "description": "a", "name_localizations": {"fr": "Invite"}}]},
        {
            "options": [
                {"name": "prompt", "type": 3, "description": "a", "name_localizations": {"de": "text"}},
                {"name": "size", "type": 3, "description": "b", "name_localizations": {"de": "text"}},
            ]
        },
        {"options": [{"name": "n", "type": 4, "description": "c", "choices": [{"name": "z" * 101, "value": 1}]}]},
    ],
)
def test_a_definition_breaking_discords_rules_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ApiError) as refused:
        validate_command(command(**changes))
    assert (refused.value.status, refused.value.code) == (400, 50035)


def test_two_commands_with_the_same_localized_name_are_refused() -> None:
    with pytest.raises(ApiError):
        validate_commands(
            [command(name_localizations={"de": "bild"}), command(name="usage", name_localizations={"de": "bild"})]
        )
