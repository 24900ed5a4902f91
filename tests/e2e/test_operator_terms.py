"""The operator's blocked terms (BLOCKED_TERMS_FILE) end to end: refused in a server and in direct
messages, and a server's pathological pattern against a long prompt stopped within the check's time."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from services.api.validation import PROMPT_MAX_CHARS
from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.e2e.deployment import RESULT_TIMEOUT, Deployment, World, creates_for
from tests.support.fake_discord import ADMIN_USER_ID, DEFAULT_GUILD_ID, FakeDiscord, InteractionRecord

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

MEMBER_ID = 1_250_000_000_000_006_001


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    sim = await start_simulator(SimConfig(duration_min=0.5, duration_max=0.5, seed=13), access_log=False)
    async with FakeDiscord() as fake:
        fake.add_member(DEFAULT_GUILD_ID, MEMBER_ID, "member")
        yield World(fake, sim, tmp_path_factory.mktemp("operator_terms"))
    await sim.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(world: World) -> AsyncIterator[Deployment]:
    terms = world.workdir / "blocked.txt"
    terms.write_text("# the operator's own\ngore\nre: gu+ts\n", encoding="utf-8")
    deployment = Deployment(world, "operator_terms")
    await deployment.start(extra_env={"BLOCKED_TERMS_FILE": str(terms), "ALLOW_DMS": "true"})
    yield deployment
    await deployment.stop()


async def imagine(world: World, prompt: str, **kwargs: object) -> InteractionRecord:
    record = await world.fake.invoke_command("imagine", {"prompt": prompt}, user_id=MEMBER_ID, **kwargs)  # type: ignore[arg-type]
    await record.wait_for_ack(timeout=5)
    return record


async def test_an_operator_term_is_refused_in_a_server_that_blocked_nothing(world: World, bot: Deployment) -> None:
    record = await imagine(world, "so much gore!")
    assert record.ephemeral
    assert "does not allow" in record.original.content
    assert creates_for(world, "so much gore!") == 0


@pytest.mark.parametrize("prompt", ["||gore||", "guuuts everywhere"])
async def test_an_operator_term_is_refused_in_direct_messages(world: World, bot: Deployment, prompt: str) -> None:
    record = await imagine(world, prompt, guild_id=None)
    assert record.ephemeral
    assert "does not allow" in record.original.content
    assert creates_for(world, prompt) == 0


async def test_an_innocent_prompt_in_direct_messages_is_made(world: World, bot: Deployment) -> None:
    record = await imagine(world, "a gorilla by a lake", guild_id=None)
    await record.wait_until_edit(lambda e: bool(e.files), timeout=RESULT_TIMEOUT)


async def test_a_pathological_pattern_against_a_long_prompt_is_stopped_and_refuses(
    world: World, bot: Deployment
) -> None:
    added = await world.fake.invoke_command(
        "imagine-admin terms add", {"term": "(a|aa)+$", "regex": True}, user_id=ADMIN_USER_ID
    )
    await added.wait_for_ack(timeout=5)
    prompt = "a" * (PROMPT_MAX_CHARS - 1) + "!"
    started = time.monotonic()
    record = await imagine(world, prompt)
    assert time.monotonic() - started < 3
    assert "does not allow" in record.original.content
    assert creates_for(world, prompt) == 0
