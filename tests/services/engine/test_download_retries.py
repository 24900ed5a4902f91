"""Paid images are not thrown away for one failed download: the engine against the simulator over HTTP,
with file faults injected, in virtual time."""

from __future__ import annotations

from services.core.errors import ImageProblem
from services.core.models import FailureReason, JobState
from services.engine.failures import FailureDetail, detail
from services.images.retries import DOWNLOAD_ATTEMPTS
from tests.services.engine.harness import Harness


async def test_a_download_failing_once_then_succeeding_delivers_every_image(harness: Harness) -> None:
    harness.sim.state.add_fault("file", {"status": 503})
    job = await harness.run("a lighthouse", n=2)
    assert (job.state, job.images_delivered) == (JobState.DELIVERED, 2)
    assert len(harness.events.delivered[0][1]) == 2
    assert sum(harness.sim.state.file_counts.values()) == 3
    assert await harness.used() == 2


async def test_a_dropped_download_is_tried_again(harness: Harness) -> None:
    harness.sim.state.add_fault("file", {"drop": True, "count": 2})
    job = await harness.run("a lighthouse", n=1)
    assert (job.state, job.images_delivered) == (JobState.DELIVERED, 1)


async def test_one_image_refused_for_good_leaves_the_others_delivered_and_only_they_charged(harness: Harness) -> None:
    harness.sim.state.add_fault("file", {"status": 403})
    job = await harness.run("a lighthouse", n=3)
    assert (job.state, job.images_delivered, job.images_charged) == (JobState.DELIVERED, 2, 2)
    delivered_job, images = harness.events.delivered[0]
    assert len(images) == 2
    assert len(delivered_job.result_urls) == 3
    assert sum(harness.sim.state.file_counts.values()) == 3  # a 403 is not asked again
    assert await harness.used() == 2


async def test_one_damaged_image_leaves_the_others_delivered(harness: Harness) -> None:
    harness.sim.state.add_fault("file", {"malformed": True})
    job = await harness.run("a lighthouse", n=2)
    assert (job.state, job.images_delivered) == (JobState.DELIVERED, 1)
    assert await harness.used() == 1


async def test_a_job_whose_only_image_never_arrives_fails_and_refunds(harness: Harness) -> None:
    harness.sim.state.add_fault("file", {"status": 500, "count": DOWNLOAD_ATTEMPTS})
    job = await harness.run("a lighthouse", n=1)
    assert (job.state, job.failure_reason) == (JobState.FAILED, FailureReason.BAD_IMAGE)
    assert FailureDetail.decode(job.failure_detail) == detail(ImageProblem.HTTP_STATUS, status=500)
    assert sum(harness.sim.state.file_counts.values()) == DOWNLOAD_ATTEMPTS
    assert await harness.used() == 0
