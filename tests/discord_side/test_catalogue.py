from __future__ import annotations

import ast
from pathlib import Path

import pytest

from discord_side.catalogue import ENGLISH, CatalogueError, locale, text
from tests.discord_side.literal_scan import scan

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_FILES = {"catalogue.py", "locales.py"}
IDS = frozenset(ENGLISH)


def sources() -> list[Path]:
    """The cogs and the Discord side, without the catalogue itself."""
    files = sorted([*ROOT.glob("cogs/*.py"), *ROOT.glob("discord_side/*.py")])
    return [path for path in files if path.name not in CATALOGUE_FILES]


def entry_uses() -> list[tuple[str, ast.Call]]:
    """Every `text(...)` and `locale(...)` call, with the file it is in."""
    uses = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"text", "locale"}:
                uses.append((path.name, node))
    return uses


def entry_ids(call: ast.Call) -> list[str]:
    """The entry ids a call may use when they are spelled out (`"a"`, or `"a" if x else "b"`)."""
    first = call.args[0] if call.args else None
    options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
    return [node.value for node in options if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_user_facing_literal_outside_the_catalogue() -> None:
    findings = [finding for path in sources() for finding in scan(path.read_text(), path.name, IDS)]
    assert not findings, "texts to move into locales/en-US/*.ftl:\n" + "\n".join(map(str, findings))


@pytest.mark.parametrize(
    "code",
    [
        'await interaction.response.send_message("Hello there", ephemeral=True)',
        'await interaction.followup.send(content=f"You have {n} left")',
        'embed.add_field(name="Limits", value=value)',
        'embed = discord.Embed(title="Settings " + name)',
        'button = discord.ui.Button(label="Reroll" if a else "Again", custom_id="x")',
        'class Form(discord.ui.Modal, title="Reject this prompt"):\n    pass',
        '@app_commands.describe(prompt="What to draw")\nasync def f(): pass',
        'choices = [Choice(name="everywhere", value="everywhere")]',
        'REFUSED_TEXT = "You may not do this."',
        'LABELS = {1: "delivered", 2: ("failed",)}',
        'def f():\n    return "no limit"',
        'def f(x):\n    return "{} left".format(x)',
    ],
)
def test_the_scanner_reports_a_new_literal(code: str) -> None:
    assert scan(code, "sample.py", IDS), code


@pytest.mark.parametrize(
    "code",
    [
        'await interaction.response.send_message(text("deleted"), ephemeral=True)',
        'await interaction.followup.send(f"{head}\\n{body}")',
        'log.info("job %s: result deleted by %s", job_id, user_id)',
        'ENTRIES = {1: "outcome-delivered"}',
        'button = discord.ui.Button(label=text(entry), custom_id=f"imagine:{action}:{job_id}")',
        '@app_commands.command(name="imagine", description=locale("imagine-description"))\nasync def f(): pass',
        'if kind == "pattern":\n    pass',
        'class Action(enum.StrEnum):\n    REROLL = "reroll"',
        'def nonce_for(job):\n    return f"imagine-{job.id}"',
    ],
)
def test_the_scanner_leaves_ids_identifiers_and_logs_alone(code: str) -> None:
    assert scan(code, "sample.py", IDS) == []


def test_every_spelled_out_entry_exists_and_gets_exactly_its_placeholders() -> None:
    problems = []
    for path, call in entry_uses():
        given = {keyword.arg for keyword in call.keywords}
        for entry in entry_ids(call):
            if entry not in ENGLISH:
                problems.append(f"{path}:{call.lineno}: no entry {entry!r}")
            elif None not in given and given != ENGLISH[entry]:
                problems.append(f"{path}:{call.lineno}: {entry!r} takes {sorted(ENGLISH[entry])}")
    assert not problems, "\n".join(problems)


def test_every_entry_is_used_somewhere() -> None:
    used = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and node.value in IDS:
                used.add(node.value)
    # Names of commands and options are found by the translator from the command's qualified name.
    assert sorted(entry for entry in IDS - used if not entry.startswith("name-")) == []


def test_entry_ids_are_kebab_case() -> None:
    assert [entry for entry in ENGLISH if entry != entry.lower() or " " in entry or "_" in entry] == []


def test_text_fills_the_placeholders() -> None:
    assert (
        text("quota-cooldown", again="soon")
        == "⏳ Not so fast: you can ask for images again soon. Nothing was charged."
    )


def test_text_refuses_a_missing_placeholder() -> None:
    with pytest.raises(CatalogueError, match="again"):
        text("quota-cooldown")


def test_text_refuses_an_extra_placeholder() -> None:
    with pytest.raises(CatalogueError, match="extra"):
        text("deleted", extra=1)


def test_text_refuses_an_unknown_entry() -> None:
    with pytest.raises(CatalogueError, match="no-such-entry"):
        text("no-such-entry")


def test_command_metadata_carries_the_entry_id() -> None:
    described = locale("imagine-description")
    assert described.message == "Generate images from a text prompt"
    assert described.extras == {"entry": "imagine-description"}


def test_command_metadata_cannot_have_placeholders() -> None:
    with pytest.raises(CatalogueError):
        locale("quota-cooldown")
