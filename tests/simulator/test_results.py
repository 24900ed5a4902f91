"""Result files and per-task outcomes steered by prompt tokens."""

from __future__ import annotations

import io

from PIL import Image

from simulator.config import SimConfig
from simulator.state import SimulatorState
from tests.simulator.conftest import FakeClock, SimClient, body, create, get_task, local_path


async def finished(client: SimClient, clock: FakeClock, payload: dict) -> dict:
    """Create a task, let it finish, and return its detail."""
    _, created = await create(client, payload)
    clock.advance(10)
    _, task = await get_task(client, created["id"])
    return task


async def test_result_url_serves_png_of_requested_size(client: SimClient, clock: FakeClock) -> None:
    task = await finished(client, clock, body(size="1280x720"))

    resp = await client.get(local_path(task["results"][0]))
    data = await resp.read()

    assert resp.status == 200
    assert resp.content_type == "image/png"
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
        assert (image.format, image.size) == ("PNG", (1280, 720))


async def test_image_size_defaults_to_1024_square(client: SimClient, clock: FakeClock) -> None:
    task = await finished(client, clock, body())

    data = await (await client.get(local_path(task["results"][0]))).read()

    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1024, 1024)


async def test_jpeg_format_serves_jpg_urls(client: SimClient, clock: FakeClock, state: SimulatorState) -> None:
    state.update_config({"image_format": "jpeg"})
    task = await finished(client, clock, body(size="768x768"))

    resp = await client.get(local_path(task["results"][0]))

    assert task["results"][0].endswith("/0.jpg")
    assert resp.content_type == "image/jpeg"
    with Image.open(io.BytesIO(await resp.read())) as image:
        assert image.format == "JPEG"


async def test_result_file_is_404_before_completion(client: SimClient, clock: FakeClock) -> None:
    _, created = await create(client, body(size="768x768"))
    clock.advance(5)

    resp = await client.get(f"/files/{created['id']}/0.png")

    assert resp.status == 404
    assert (await resp.json())["error"]["type"] == "not_found_error"


async def test_images_are_rendered_once_per_task(client: SimClient, clock: FakeClock, state: SimulatorState) -> None:
    task = await finished(client, clock, body(size="768x768"))
    render = state.tasks[task["id"]].render

    first = await (await client.get(local_path(task["results"][0]))).read()
    second = await (await client.get(local_path(task["results"][0]))).read()

    assert render is not None
    assert state.tasks[task["id"]].render is render
    assert first == second
    assert state.stats()["file_counts"] == {task["id"]: 2}


async def test_big_token_makes_large_noise_images(client: SimClient, clock: FakeClock) -> None:
    plain = await finished(client, clock, body("plain", size="768x768"))
    big = await finished(client, clock, body("noisy [big]", size="768x768"))

    plain_size = len(await (await client.get(local_path(plain["results"][0]))).read())
    big_size = len(await (await client.get(local_path(big["results"][0]))).read())

    assert plain_size < 200_000
    assert big_size > 1_000_000


async def test_public_url_is_the_base_of_result_urls(
    client: SimClient, clock: FakeClock, state: SimulatorState
) -> None:
    state.update_config({"public_url": "http://sim.example:8090/"})

    task = await finished(client, clock, body())

    assert task["results"] == [f"http://sim.example:8090/files/{task['id']}/0.png"]


async def test_fail_token_ends_failed_with_that_business_code(client: SimClient, clock: FakeClock) -> None:
    task = await finished(client, clock, body("a cat [fail:content_policy_violation]"))

    assert task["status"] == "failed"
    assert task["error"]["code"] == "content_policy_violation"
    assert "policy" in task["error"]["message"].lower()
    assert "results" not in task


async def test_fail_noerror_token_ends_failed_without_error_object(client: SimClient, clock: FakeClock) -> None:
    task = await finished(client, clock, body("a cat [fail-noerror]"))

    assert task["status"] == "failed"
    assert "error" not in task


async def test_failed_task_is_processing_before_its_end(client: SimClient, clock: FakeClock) -> None:
    _, created = await create(client, body("a cat [fail:service_error]"))
    clock.advance(5)

    _, task = await get_task(client, created["id"])

    assert task["status"] == "processing"


async def test_results_token_gives_fewer_results_than_n(client: SimClient, clock: FakeClock) -> None:
    task = await finished(client, clock, body("dogs [results:1]", n=3, size="768x768"))

    assert task["status"] == "completed"
    assert len(task["results"]) == 1
    assert task["usage"]["credits_used"] == 1
    assert (await client.get(f"/files/{task['id']}/1.png")).status == 404


async def test_nonimage_token_serves_html_instead_of_an_image(client: SimClient, clock: FakeClock) -> None:
    task = await finished(client, clock, body("x [nonimage]"))

    resp = await client.get(local_path(task["results"][0]))

    assert resp.status == 200
    assert resp.content_type == "text/html"
    assert not (await resp.read()).startswith(b"\x89PNG")


async def test_missing_token_makes_result_urls_404(client: SimClient, clock: FakeClock) -> None:
    task = await finished(client, clock, body("x [missing]"))

    resp = await client.get(local_path(task["results"][0]))

    assert task["status"] == "completed"
    assert resp.status == 404


def test_prerender_is_on_by_default() -> None:
    assert SimConfig().prerender is True


async def test_prerender_starts_rendering_at_creation(client: SimClient, state: SimulatorState) -> None:
    state.update_config({"prerender": True})
    _, created = await create(client, body(size="768x768"))

    assert state.tasks[created["id"]].render is not None


async def test_without_prerender_images_render_when_first_seen_completed(
    client: SimClient, clock: FakeClock, state: SimulatorState
) -> None:
    state.update_config({"prerender": False})
    _, created = await create(client, body(size="768x768"))
    clock.advance(5)
    await get_task(client, created["id"])
    before = state.tasks[created["id"]].render

    clock.advance(5)
    await get_task(client, created["id"])

    assert before is None
    assert state.tasks[created["id"]].render is not None


async def test_failed_task_renders_no_images(client: SimClient, clock: FakeClock, state: SimulatorState) -> None:
    task = await finished(client, clock, body("x [fail:service_error]"))

    assert state.tasks[task["id"]].render is None


async def test_reused_images_are_rendered_once_for_tasks_of_the_same_size(
    client: SimClient, state: SimulatorState
) -> None:
    state.update_config({"prerender": True, "reuse_images": True})
    first = (await create(client, body("one", size="768x768")))[1]["id"]
    second = (await create(client, body("two", size="768x768")))[1]["id"]
    other = (await create(client, body("three", size="1024x1024")))[1]["id"]

    renders = [state.tasks[task_id].render for task_id in (first, second, other)]

    assert renders[0] is renders[1]
    assert renders[2] is not renders[0]


async def test_without_reuse_each_task_renders_its_own_images(client: SimClient, state: SimulatorState) -> None:
    state.update_config({"prerender": True})
    first = (await create(client, body("one", size="768x768")))[1]["id"]
    second = (await create(client, body("two", size="768x768")))[1]["id"]

    assert state.tasks[first].render is not state.tasks[second].render
