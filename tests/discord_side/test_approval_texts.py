"""What a moderator who came second is told: the stored decision, and who made it."""

from __future__ import annotations

import pytest

from discord_side.buttons import decided_text
from discord_side.catalogue import text
from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState

MODERATOR = 42


def job(state: JobState, decided_by: int | None) -> Job:
    return Job(
        "0123456789ab", 1, GenerationOptions("a fox"), DeliveryTarget(10, 20), state=state, decided_by=decided_by
    )


@pytest.mark.parametrize("state", [JobState.QUEUED, JobState.SUBMITTED, JobState.DELIVERED, JobState.CANCELLED])
def test_a_request_a_moderator_approved_names_them(state: JobState) -> None:
    told = decided_text(job(state, MODERATOR))
    assert "already approved by <@42>" in told


def test_a_request_a_moderator_rejected_names_them() -> None:
    assert "already rejected by <@42>" in decided_text(job(JobState.REJECTED, MODERATOR))


@pytest.mark.parametrize("ended", [job(JobState.REJECTED, None), job(JobState.CANCELLED, None), None])
def test_a_request_that_ended_without_a_moderator_no_longer_waits(ended: Job | None) -> None:
    assert decided_text(ended) == text("approval-no-longer-waits")
