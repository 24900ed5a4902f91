"""The audit log speaks the server's language, whoever's interaction wrote the entry."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from discord_side import catalogue
from discord_side.catalogue import LANGUAGES, speak, text, text_in
from discord_side.locales import SOURCE, read_language
from tests.discord_side.audit_rig import AUDIT_CHANNEL_ID, AuditRig, audit_rig
from tests.support.fake_discord import DEFAULT_GUILD_ID

ADMIN = 1_250_000_000_000_006_003


@pytest.fixture
async def rig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[AuditRig]:
    """The audit rig, with a German and a French catalogue of two entries besides English."""
    extra = {}
    for code in ("de", "fr"):
        (tmp_path / code).mkdir()
        source = f"deleted = {code}\naudit-setting-changed = [{code}] {{ $user }}: {{ $change }}\n"
        (tmp_path / code / "main.ftl").write_text(source)
        extra[code] = read_language(tmp_path / code)
    monkeypatch.setattr(catalogue, "LANGUAGES", {**LANGUAGES, **extra})
    async with audit_rig(tmp_path) as ready:
        yield ready


async def test_a_change_is_logged_in_the_servers_language_not_the_admins(rig: AuditRig) -> None:
    await rig.audit.languages.choose(DEFAULT_GUILD_ID, "fr")
    speak("de")  # the admin's interaction
    await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, lambda: text("deleted"))
    posted = await rig.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, timeout=10)
    assert posted.content == f"[fr] <@{ADMIN}>: fr"


async def test_a_change_follows_discords_setting_when_the_admins_chose_none(rig: AuditRig) -> None:
    await rig.audit.languages.choose(DEFAULT_GUILD_ID, None)
    speak("de")
    await rig.audit.setting_changed(DEFAULT_GUILD_ID, ADMIN, lambda: text("deleted"))
    posted = await rig.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, timeout=10)
    # English: the guild's Discord locale was never reported
    assert posted.content == text_in(
        SOURCE, "audit-setting-changed", user=f"<@{ADMIN}>", change=text_in(SOURCE, "deleted")
    )
