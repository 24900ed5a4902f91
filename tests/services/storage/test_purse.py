"""The operator's purse in the store: a person's day across guilds and DMs, the bot's day, the credit
budgets and a guild's monthly credits, all booked in the one reservation (or none), and credits settled
exactly once on every outcome. Each test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from services.api.parsing import parse_task
from services.core.models import DeliveryTarget, FailureReason, GenerationOptions, Job, JobState
from services.quotas.credits import credits_for, to_milli
from services.quotas.limits import UNLIMITED, UNLIMITED_CREDITS, LimitKind, Limits
from services.storage.job_rows import EVERYWHERE, GUILD_TOTAL
from services.storage.job_store import Store
from tests.services.storage.job_factory import DAY, open_store

T2I, I2I = "wan2.5-text-to-image", "wan2.5-image-to-image"
MONTH = DAY[:7]
OPEN = Limits(UNLIMITED, UNLIMITED, 0.0, UNLIMITED)


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    async for opened in open_store(database_url):
        yield opened


def job(job_id: str, *, user: int = 1, guild: int | None = 20, n: int = 1, day: str = DAY, model: str = T2I) -> Job:
    """A new job of `user` in `guild` (None: a DM) reserving the credits of `n` images of `model`."""
    return Job(
        id=job_id,
        user_id=user,
        options=GenerationOptions("a lighthouse", None, n),
        target=DeliveryTarget(channel_id=10, guild_id=guild),
        created_at=1.0,
        updated_at=1.0,
        usage_day=day,
        credits_reserved=credits_for(model, n),
    )


async def test_a_persons_day_counts_every_guild_together(store: Store) -> None:
    limits = replace(OPEN, person_daily_images=3)
    assert await store.insert_job_reserving(job("a", guild=20, n=2), limits) is None
    refusal = await store.insert_job_reserving(job("b", guild=21, n=2), limits)
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.PERSON_DAILY, 3, 2)
    assert await store.images_used(1, DAY, EVERYWHERE) == 2


async def test_direct_messages_count_in_the_persons_day(store: Store) -> None:
    limits = replace(OPEN, person_daily_images=2)
    assert await store.insert_job_reserving(job("dm", guild=None, n=2), limits) is None
    refusal = await store.insert_job_reserving(job("g", guild=20), limits)
    assert refusal.kind == LimitKind.PERSON_DAILY


async def test_another_persons_day_is_their_own(store: Store) -> None:
    limits = replace(OPEN, person_daily_images=2)
    assert await store.insert_job_reserving(job("a", user=1, n=2), limits) is None
    assert await store.insert_job_reserving(job("b", user=2, n=2), limits) is None


async def test_the_bots_day_caps_every_person_and_guild_together(store: Store) -> None:
    limits = replace(OPEN, bot_daily_images=3)
    assert await store.insert_job_reserving(job("a", user=1, guild=20, n=2), limits) is None
    refusal = await store.insert_job_reserving(job("b", user=2, guild=21, n=2), limits)
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.BOT_DAILY, 3, 2)
    assert await store.images_used(GUILD_TOTAL, DAY, EVERYWHERE) == 2


async def test_a_refusal_by_a_later_limit_books_none_of_the_earlier_ones(store: Store) -> None:
    limits = replace(OPEN, person_daily_images=10, credits_daily=1000)
    assert await store.insert_job_reserving(job("a"), limits) is None
    refusal = await store.insert_job_reserving(job("b", n=3), limits)
    assert refusal.kind == LimitKind.CREDITS_DAILY
    assert await store.get_job("b") is None
    assert await store.images_used(1, DAY, EVERYWHERE) == 1
    assert await store.images_used(1, DAY, 20) == 1
    assert await store.images_used(GUILD_TOTAL, DAY, EVERYWHERE) == 1
    assert await store.credits_booked(EVERYWHERE, DAY) == 1000


async def test_the_daily_credit_budget_counts_each_models_price(store: Store) -> None:
    limits = replace(OPEN, credits_daily=3500)
    assert await store.insert_job_reserving(job("a", n=2, model=I2I), limits) is None  # 2.4 credits
    assert await store.insert_job_reserving(job("b", n=1), limits) is None  # 1 credit: 3.4
    refusal = await store.insert_job_reserving(job("c", n=1), limits)
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.CREDITS_DAILY, 3500, 3400)


async def test_the_monthly_credit_budget_spans_the_days_of_the_month(store: Store) -> None:
    limits = replace(OPEN, credits_monthly=2000)
    assert await store.insert_job_reserving(job("a", day="2026-11-01"), limits) is None
    assert await store.insert_job_reserving(job("b", day="2026-11-25"), limits) is None
    refusal = await store.insert_job_reserving(job("c", day="2026-11-30"), limits)
    assert refusal.kind == LimitKind.CREDITS_MONTHLY
    assert await store.insert_job_reserving(job("d", day="2026-12-01"), limits) is None


async def test_a_guilds_monthly_credits_bind_that_guild_only(store: Store) -> None:
    limits = replace(OPEN, guild_monthly_credits=1000)
    assert await store.insert_job_reserving(job("a", guild=20), limits) is None
    refusal = await store.insert_job_reserving(job("b", user=2, guild=20), limits)
    assert (refusal.kind, refusal.limit, refusal.used) == (LimitKind.GUILD_CREDITS, 1000, 1000)
    assert await store.insert_job_reserving(job("c", user=2, guild=21), limits) is None
    assert await store.credits_booked(20, MONTH) == 1000


async def test_a_completed_job_is_charged_what_the_api_says_it_used(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=2), OPEN)
    await store.transition("a", [JobState.QUEUED], JobState.COMPLETED, api_credits_used=1500)
    assert await store.settle("a", JobState.DELIVERED, charged=2, delivered=2)
    settled = await store.get_job("a")
    assert (settled.credits_reserved, settled.credits_charged) == (2000, 1500)
    assert await store.credits_booked(EVERYWHERE, DAY) == 1500
    assert await store.credits_booked(20, MONTH) == 1500


async def test_without_the_apis_word_a_job_pays_its_share_of_the_images_produced(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=4, model=I2I), OPEN)
    assert await store.settle("a", JobState.DELIVERED, charged=3, delivered=3)
    assert (await store.get_job("a")).credits_charged == 3600
    assert await store.credits_booked(EVERYWHERE, MONTH) == 3600
    assert await store.credits_booked(20, DAY) == 3600


@pytest.mark.parametrize("outcome", [JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED, JobState.REJECTED])
async def test_a_job_that_produced_nothing_gives_all_its_credits_back(store: Store, outcome: JobState) -> None:
    await store.insert_job_reserving(job("a", n=3), OPEN)
    failure = (FailureReason.SERVICE_UNAVAILABLE, None) if outcome == JobState.FAILED else None
    assert await store.settle("a", outcome, charged=0, failure=failure)
    assert (await store.get_job("a")).credits_charged == 0
    assert await store.credits_booked(EVERYWHERE, DAY) == 0
    assert await store.images_used(1, DAY, EVERYWHERE) == 0
    assert await store.images_used(GUILD_TOTAL, DAY, EVERYWHERE) == 0


async def test_a_job_is_settled_once_however_often_it_is_asked(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=2), OPEN)
    assert await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert not await store.settle("a", JobState.FAILED, charged=0)
    assert await store.credits_booked(EVERYWHERE, DAY) == 1000
    assert await store.images_used(1, DAY, EVERYWHERE) == 1


async def test_a_charge_above_the_reservation_is_added_to_the_budgets(store: Store) -> None:
    await store.insert_job_reserving(job("a"), OPEN)
    assert await store.settle("a", JobState.DELIVERED, charged=1, delivered=1, credits_used=1300)
    assert await store.credits_booked(EVERYWHERE, DAY) == 1300


async def test_an_alert_is_claimed_once_per_budget_level_and_period(store: Store) -> None:
    assert await store.claim_alert("guild_daily:20", DAY, 80)
    assert not await store.claim_alert("guild_daily:20", DAY, 80)
    assert await store.claim_alert("guild_daily:20", DAY, 100)
    assert await store.claim_alert("guild_daily:20", "2026-11-26", 80)
    assert await store.claim_alert("guild_daily:21", DAY, 80)


async def test_a_completed_job_ending_undelivered_pays_the_credits_of_the_images_it_produced(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=4), OPEN)
    await store.transition("a", [JobState.QUEUED], JobState.COMPLETED, result_urls=["u1", "u2", "u3"])
    assert await store.settle("a", JobState.EXPIRED, charged=0)
    assert (await store.get_job("a")).credits_charged == 3000
    assert await store.credits_booked(EVERYWHERE, DAY) == 3000


async def test_the_apis_word_on_credits_holds_when_no_image_was_delivered(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=2), OPEN)
    await store.transition("a", [JobState.QUEUED], JobState.COMPLETED, result_urls=["u1"], api_credits_used=1700)
    failure = (FailureReason.DELIVERY_FAILED, None)
    assert await store.settle("a", JobState.FAILED, charged=0, failure=failure)
    assert await store.credits_booked(20, MONTH) == 1700


async def test_produced_images_stay_in_the_guilds_and_bots_day_but_not_the_members(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=3), OPEN)
    await store.transition("a", [JobState.QUEUED], JobState.COMPLETED, result_urls=["u1", "u2"])
    assert await store.settle("a", JobState.FAILED, charged=0, failure=(FailureReason.DELIVERY_FAILED, None))
    assert (await store.images_used(1, DAY, 20), await store.images_used(1, DAY, EVERYWHERE)) == (0, 0)
    assert await store.images_used(GUILD_TOTAL, DAY, 20) == 2
    assert await store.images_used(GUILD_TOTAL, DAY, EVERYWHERE) == 2


async def test_a_job_whose_task_may_have_run_keeps_its_credits_and_operator_images(store: Store) -> None:
    await store.insert_job_reserving(job("a", n=2), OPEN)
    assert await store.settle("a", JobState.FAILED, charged=0, produced=2, failure=(FailureReason.TIMED_OUT, None))
    assert await store.credits_booked(EVERYWHERE, DAY) == 2000
    assert await store.images_used(GUILD_TOTAL, DAY, EVERYWHERE) == 2
    assert await store.images_used(1, DAY, 20) == 0


async def test_a_weekly_retention_purge_keeps_the_monthly_credit_budget_spent(store: Store) -> None:
    limits = replace(OPEN, credits_monthly=1500)
    assert await store.insert_job_reserving(job("a"), limits) is None
    assert await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    # RETENTION_DAYS=7 on the 25th: the hourly purge cuts at the 18th of the same month.
    await store.purge_older_than(datetime(2026, 11, 18, tzinfo=UTC).timestamp())
    assert await store.credits_booked(EVERYWHERE, MONTH) == 1000
    refusal = await store.insert_job_reserving(job("b"), limits)
    assert refusal is not None
    assert refusal.kind == LimitKind.CREDITS_MONTHLY


async def test_without_a_credit_budget_a_job_may_book_more_than_two_million_credits(store: Store) -> None:
    big = replace(job("a"), credits_reserved=to_milli(3_000_000))
    assert await store.insert_job_reserving(big, OPEN) is None
    assert await store.credits_booked(EVERYWHERE, MONTH) == to_milli(3_000_000)


async def test_a_guilds_monthly_budget_above_two_million_credits_is_kept(store: Store) -> None:
    limits = replace(OPEN, guild_monthly_credits=to_milli(3_000_000))
    assert await store.insert_job_reserving(replace(job("a"), credits_reserved=to_milli(2_500_000)), limits) is None
    refusal = await store.insert_job_reserving(replace(job("b"), credits_reserved=to_milli(600_000)), limits)
    assert refusal is not None
    assert (refusal.kind, refusal.limit, refusal.used) == (
        LimitKind.GUILD_CREDITS,
        to_milli(3_000_000),
        to_milli(2_500_000),
    )


async def test_a_completed_task_reporting_absurd_credits_is_recorded_at_its_share(store: Store) -> None:
    assert await store.insert_job_reserving(job("a", n=1), OPEN) is None
    task = parse_task(
        {"id": "task-1", "status": "completed", "results": ["https://i.example/1.png"], "usage": {"credits_used": 1e16}}
    )
    used = None if task.credits_used is None else to_milli(task.credits_used)
    assert await store.transition(
        "a", [JobState.QUEUED], JobState.COMPLETED, result_urls=list(task.results), api_credits_used=used
    )
    assert await store.settle("a", JobState.DELIVERED, charged=1, delivered=1)
    assert await store.credits_booked(EVERYWHERE, DAY) == 1000


async def test_of_several_image_limits_refusing_at_once_the_first_is_named_with_its_value_and_use(
    store: Store,
) -> None:
    limits = replace(OPEN, user_daily_images=3, person_daily_images=4, guild_daily_images=5, bot_daily_images=6)
    assert await store.insert_job_reserving(job("a", n=3), limits) is None
    mine = await store.insert_job_reserving(job("b", n=3), limits)  # member, person and guild over
    assert (mine.kind, mine.limit, mine.used) == (LimitKind.USER_DAILY, 3, 3)
    theirs = await store.insert_job_reserving(job("c", user=2, n=3), limits)  # the guild over, the bot not
    assert (theirs.kind, theirs.limit, theirs.used) == (LimitKind.GUILD_DAILY, 5, 3)
    assert await store.images_used(2, DAY, 20) == 0  # the member's row the same statement granted: rolled back


async def test_a_persons_day_refuses_before_their_active_jobs_and_those_before_the_guilds_day(store: Store) -> None:
    limits = replace(OPEN, person_daily_images=1, max_active_jobs=1, guild_daily_images=1)
    assert await store.insert_job_reserving(job("a"), limits) is None
    person = await store.insert_job_reserving(job("b"), limits)
    assert (person.kind, person.limit, person.used) == (LimitKind.PERSON_DAILY, 1, 1)
    active = await store.insert_job_reserving(job("c"), replace(limits, person_daily_images=UNLIMITED))
    assert (active.kind, active.limit, active.used) == (LimitKind.ACTIVE_JOBS, 1, 1)


async def test_of_several_credit_budgets_refusing_at_once_the_first_is_named_with_its_value_and_use(
    store: Store,
) -> None:
    limits = replace(OPEN, credits_daily=1500, credits_monthly=1500, guild_monthly_credits=1500)
    assert await store.insert_job_reserving(job("a"), limits) is None
    daily = await store.insert_job_reserving(job("b"), limits)
    assert (daily.kind, daily.limit, daily.used) == (LimitKind.CREDITS_DAILY, 1500, 1000)
    wider = replace(limits, credits_daily=UNLIMITED_CREDITS, credits_monthly=9000)
    guild = await store.insert_job_reserving(job("c"), wider)
    assert (guild.kind, guild.limit, guild.used) == (LimitKind.GUILD_CREDITS, 1500, 1000)
    assert await store.credits_booked(EVERYWHERE, MONTH) == 1000


async def test_counters_reads_each_row_asked_in_order_and_a_row_not_written_as_zero(store: Store) -> None:
    assert await store.insert_job_reserving(job("a", n=2), OPEN) is None
    images = [(EVERYWHERE, GUILD_TOTAL, DAY), (21, GUILD_TOTAL, DAY), (20, GUILD_TOTAL, DAY)]
    credits = [(20, MONTH), (EVERYWHERE, DAY), (21, MONTH)]
    assert await store.counters(images, credits) == ([2, 0, 2], [2000, 2000, 0])
    assert await store.counters([], []) == ([], [])
