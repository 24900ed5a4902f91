"""Entry point and composition root: settings → resources → services → the Discord client.

Run `python bot.py` after filling in `.env` (see `.env.example`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiohttp
import asyncpg
import discord
from dotenv import load_dotenv
from yarl import URL

from cogs.admin import AdminCog
from cogs.history import HistoryCog
from cogs.imagine import ImagineCog
from cogs.usage import UsageCog
from discord_side.audit import AuditLog
from discord_side.audited_events import AuditedJobEvents
from discord_side.buttons import JobButtons
from discord_side.cards import channel_spoiler
from discord_side.client import Compose, DiscordSide, ImagineBot, gateway_connected, make_client
from discord_side.history import History
from discord_side.input_images import DiscordAttachmentRefresher, InputChecker
from discord_side.launcher import JobLauncher, LaunchRules
from discord_side.presenter import DiscordJobEvents
from discord_side.private_results import PrivateResults
from discord_side.reports import Reports
from discord_side.server_language import ServerLanguages
from discord_side.spend_report import SpendReport
from services.api.client import WanClient
from services.api.retry import RetryPolicy
from services.config.settings import Settings, SettingsError, load_settings
from services.core.clock import SystemClock
from services.core.supervisor import TaskSupervisor
from services.engine.events import JobEvents
from services.engine.image_inputs import AttachmentRefresher, ImageInputs, ImageToImageAccess, ImageToImageMode
from services.engine.jobs import EngineConfig, JobEngine
from services.engine.polling import PollSchedule
from services.engine.query_budget import QueryBudget
from services.engine.query_share import QueryShare
from services.engine.scheduler import FairScheduler
from services.images.download import ImageDownloader, PublicOnlyResolver
from services.images.heap import give_back_freed_buffers
from services.moderation.blocked_terms import BlockedTerm
from services.moderation.operator_terms import OperatorTermsError, read_terms_file
from services.operations.metrics import Metrics
from services.operations.retention import run_retention
from services.operations.web import WebDependencies, build_app, start_web
from services.quotas.credits import to_milli
from services.quotas.limits import UNLIMITED, UNLIMITED_CREDITS, Limits
from services.quotas.service import QuotaService
from services.storage.guild_languages import GuildLanguages
from services.storage.job_store import Store, StoreError
from services.storage.moderation_settings import ModerationSettings
from services.storage.quota_settings import QuotaSettings
from services.storage.task_notifications import TaskEventListener

log = logging.getLogger("imagine")

# With callbacks on, a task is asked about only now and then, in case a callback is lost; a long one is
# asked for its progress at most this often.
CALLBACK_PROGRESS_INTERVAL = 60.0
# At shutdown, how long the audit entries that wait may take to be posted (the rest are counted in the log).
AUDIT_FLUSH_SECONDS = 1.5
# At shutdown, how long the budget alert checks still running may take (they run while the jobs stop).
ALERT_CHECK_SECONDS = 0.5


@dataclass(frozen=True)
class Resources:
    """What the process opens before the client, shared by the engine and the Discord side."""

    settings: Settings
    clock: SystemClock
    store: Store
    supervisor: TaskSupervisor
    metrics: Metrics
    wan: WanClient
    downloader: ImageDownloader
    scheduler: FairScheduler
    query_budget: QueryBudget  # every task query of this process takes a turn of it
    access: ImageToImageAccess  # whether jobs may start from images (IMAGE_TO_IMAGE, the API's 403)


def default_limits(settings: Settings) -> Limits:
    """The quota defaults from the environment (0 for the guild total means no guild limit)."""
    return Limits(
        user_daily_images=settings.user_daily_images,
        max_active_jobs=settings.user_max_active_jobs,
        cooldown_seconds=settings.user_cooldown_seconds,
        guild_daily_images=settings.guild_daily_images or UNLIMITED,
        person_daily_images=settings.user_daily_images,
        bot_daily_images=settings.bot_daily_images or UNLIMITED,
        credits_daily=to_milli(settings.credit_budget_daily) or UNLIMITED_CREDITS,
        credits_monthly=to_milli(settings.credit_budget_monthly) or UNLIMITED_CREDITS,
    )


async def run(settings: Settings, operator_terms: tuple[BlockedTerm, ...] = ()) -> None:
    """Open the resources, run the bot until it is closed (SIGTERM/SIGINT), then close everything."""
    clock = SystemClock()
    store = await Store.open(settings.database_url.get_secret_value(), clock.now)
    supervisor = TaskSupervisor()
    closers: list[Callable[[], Awaitable[None]]] = []
    try:
        connector = _connector(settings)
        async with aiohttp.ClientSession(headers={"User-Agent": "imagine-bot/0.1"}, connector=connector) as session:
            resources = open_resources(settings, clock, store, supervisor, session)
            await resources.access.load()
            bot = make_client(settings, store, composer(resources, operator_terms))
            _spawn_background(resources, bot)
            closers = await _open_endpoints(resources, bot)
            async with bot:
                await _run_until_signalled(bot, supervisor, settings.discord_token.get_secret_value())
    finally:
        await supervisor.close()
        for close in closers:
            await close()
        await store.close()
        log.info("stopped")


def open_resources(
    settings: Settings, clock: SystemClock, store: Store, supervisor: TaskSupervisor, session: aiohttp.ClientSession
) -> Resources:
    """The API client, the image downloader, the metrics and the fair queue, on the shared HTTP session."""
    metrics = Metrics(clock.now)
    wan = WanClient(
        session,
        settings.wan_api_base_url,
        settings.wan_api_key.get_secret_value(),
        policy=RetryPolicy(create_attempts=settings.create_max_attempts),
        timeout=settings.api_timeout_seconds,
        sleep=clock.sleep,
        on_call=metrics.api_call,
    )
    downloader = ImageDownloader(
        session,
        allow_private=settings.image_url_allow_private,
        max_bytes=settings.max_download_bytes,
        timeout=settings.download_timeout_seconds,
        bytes_in_flight=settings.image_bytes_in_flight,
    )
    scheduler = FairScheduler(clock, settings.max_tasks_in_flight, settings.creates_per_second)
    budget = QueryBudget(settings.api_queries_per_second, clock)
    access = ImageToImageAccess(ImageToImageMode(settings.image_to_image), store, clock)
    return Resources(settings, clock, store, supervisor, metrics, wan, downloader, scheduler, budget, access)


def composer(resources: Resources, operator_terms: tuple[BlockedTerm, ...] = ()) -> Compose:
    """How the client's Discord side is built: the presenter and audit log post through the client, the
    engine shows jobs through them, and the launcher, cogs and buttons act on the engine."""

    def compose(client: ImagineBot) -> DiscordSide:
        settings, store, clock = resources.settings, resources.store, resources.clock
        access = resources.access
        interval = settings.progress_edit_interval
        moderation = ModerationSettings(store, clock.now, operator_terms=operator_terms)
        presenter = DiscordJobEvents(
            client,
            clock,
            resources.supervisor,
            interval,
            lambda: access.enabled,
            cards=settings.card_results,
            spoiler=channel_spoiler(moderation),
        )
        languages = ServerLanguages(GuildLanguages(store))
        audit = AuditLog(client, moderation, clock, languages)
        engine = build_engine(resources, AuditedJobEvents(presenter, audit), DiscordAttachmentRefresher(client))
        quota_settings = QuotaSettings(store)
        quota = QuotaService(
            quota_settings, default_limits(settings), settings.dm_daily_images, settings.trusted_guild_ids
        )
        checker = InputChecker(resources.downloader, engine.image_inputs, any_host=settings.image_url_allow_private)
        rules = LaunchRules(allow_dms=settings.allow_dms)
        launcher = JobLauncher(engine, presenter, quota, moderation, audit, rules, checker)
        history = History(store)
        cogs = (
            ImagineCog(launcher),
            UsageCog(store, quota, engine, clock),
            AdminCog(client, moderation, quota_settings, quota, engine, audit, SpendReport(store, clock), history),
            HistoryCog(history),
        )
        private = PrivateResults(resources.downloader, clock)
        reports = Reports(client, store, audit, presenter, moderation, quota_settings)
        buttons = JobButtons(store, engine, launcher, audit, private, reports)
        return DiscordSide(engine, buttons, cogs, audit, languages)

    return compose


def build_engine(resources: Resources, events: JobEvents, refresher: AttachmentRefresher | None = None) -> JobEngine:
    """The job engine, told by the fair queue when places in line change; expired input URLs are renewed
    through `refresher` (Discord's endpoint) before they are sent."""
    config = engine_config(resources.settings, resources.store)
    engine = JobEngine(
        resources.store,
        resources.wan,
        resources.downloader,
        events,
        resources.clock,
        config,
        resources.supervisor,
        resources.scheduler,
        resources.metrics,
        query_budget=resources.query_budget,
        image_inputs=ImageInputs(resources.clock, refresher),
        access=resources.access,
    )
    resources.scheduler.on_change = engine.queue_changed
    return engine


def _connector(settings: Settings) -> aiohttp.TCPConnector | None:
    # Result images may only come from public addresses: enforced where connections are made.
    if settings.image_url_allow_private:
        return None
    api_host = URL(settings.wan_api_base_url).host or ""
    return aiohttp.TCPConnector(resolver=PublicOnlyResolver({api_host}))


def _spawn_background(resources: Resources, bot: ImagineBot) -> None:
    settings, supervisor, engine = resources.settings, resources.supervisor, bot.engine
    wait = settings.approval_wait_hours * 3600
    supervisor.spawn("fair-queue", resources.scheduler.run())
    supervisor.spawn("job-leases", engine.keep_leases())
    # Another process's /imagine-admin language reaches this one, whatever interactions it sees.
    supervisor.spawn("server-languages", bot.side.languages.keep(resources.clock))
    if not resources.store.is_sqlite:
        # Several processes may share the API account: each keeps to its share, counted as often as
        # leases are renewed.
        share = QueryShare(
            resources.query_budget, resources.store, engine.owner, settings.api_queries_per_second, resources.clock
        )
        supervisor.spawn("query-share", share.keep(settings.lease_seconds / 3))
    retention = run_retention(
        resources.store,
        resources.clock,
        settings.retention_days,
        expire_approvals=lambda: engine.expire_approvals(wait),
    )
    supervisor.spawn("retention", retention)


async def _open_endpoints(resources: Resources, bot: ImagineBot) -> list[Callable[[], Awaitable[None]]]:
    """The web server (callbacks, /healthz, /metrics) and, on PostgreSQL, the listener for task reports
    from other processes; returns how to close them."""
    closers: list[Callable[[], Awaitable[None]]] = []
    if resources.settings.web_port:
        closers.append(await _start_web(resources, bot))
    if not resources.store.is_sqlite:
        listener = TaskEventListener(resources.settings.database_url.get_secret_value(), bot.engine.task_reported)
        try:
            await listener.start()
        except (OSError, TimeoutError, asyncpg.PostgresError) as error:
            # Not fatal: a callback that reaches another process then waits for the fallback poll.
            log.warning("cannot listen for task reports from other processes: %s", error)
        else:
            closers.append(listener.close)
    return closers


async def _start_web(resources: Resources, bot: ImagineBot) -> Callable[[], Awaitable[None]]:
    store, metrics, scheduler = resources.store, resources.metrics, resources.scheduler

    async def refresh_gauges() -> None:
        metrics.set_job_counts(await store.count_jobs_by_state())
        metrics.queue_depth.set(scheduler.queued)
        metrics.in_flight.set(scheduler.in_flight)
        metrics.set_budget_remaining(await bot.engine.budgets.remainders(default_limits(resources.settings)))

    deps = WebDependencies(
        store, metrics, bot.engine.task_reported, lambda: gateway_connected(bot), refresh_gauges, resources.clock.now
    )
    runner = await start_web(build_app(deps), resources.settings.web_host, resources.settings.web_port)
    return runner.cleanup


def engine_config(settings: Settings, store: Store) -> EngineConfig:
    """The engine's settings. With callbacks, scheduled queries are only a late fallback."""
    schedule = PollSchedule(min_interval=settings.poll_min_interval, max_interval=settings.poll_max_interval)
    if settings.public_base_url:
        schedule = PollSchedule(
            min_interval=settings.poll_min_interval,
            max_interval=max(settings.poll_max_interval, CALLBACK_PROGRESS_INTERVAL),
            callbacks=True,
        )
    return EngineConfig(
        job_deadline_seconds=settings.job_deadline_seconds,
        create_attempts=settings.create_max_attempts,
        schedule=schedule,
        owner=f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}",
        lease_seconds=settings.lease_seconds,
        alone=store.is_sqlite,
        public_base_url=settings.public_base_url,
    )


async def _run_until_signalled(bot: ImagineBot, supervisor: TaskSupervisor, token: str) -> None:
    """Run the client until it stops or SIGTERM/SIGINT arrives, then shut down in order: take no new
    jobs, stop the running ones (their store writes complete; they resume at the next start), and only
    then close the gateway and the HTTP session, so no job fails for want of a connection."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    client = asyncio.create_task(bot.start(token), name="discord-client")
    stopping = asyncio.create_task(stop.wait(), name="signal-wait")
    try:
        done, _ = await asyncio.wait({client, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if stopping in done:
            log.info("shutdown requested; finishing in-flight writes and closing")
    finally:
        # Whatever ended the run (a signal, a fatal gateway error), jobs stop before the connections
        # they need close, so none of them fails for want of one; they resume at the next start.
        # Budget: 4 s for jobs to stop, 0.5 s for the budget alert checks, 1.5 s for the audit entries
        # that wait, 3 s for the client, the rest for the store: exit within 10 s.
        bot.engine.stop_accepting()
        await supervisor.close(timeout=4)
        # The budget alerts being checked (they ran meanwhile) are claimed and queued before the flush.
        await bot.engine.alert_checks.close(timeout=ALERT_CHECK_SECONDS)
        await bot.side.audit.close(timeout=AUDIT_FLUSH_SECONDS)
        await bot.close()
        stopping.cancel()
        await asyncio.wait({client}, timeout=3)
        if not client.done():
            client.cancel()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
    if not client.cancelled():
        client.result()  # re-raises what stopped the client on its own (e.g. a rejected token)


def main() -> int:
    """Load settings, run the bot, and turn fatal setup errors into one line on stderr."""
    load_dotenv()
    try:
        settings = load_settings(os.environ)
    except SettingsError as error:
        hint = "" if ".env.example" in str(error) else " (see .env.example and README.md)"
        print(f"imagine-bot: {error}{hint}", file=sys.stderr)
        return 2
    try:
        operator_terms = read_terms_file(settings.blocked_terms_file)
    except OperatorTermsError as error:
        print(f"imagine-bot: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # discord.py logs request URLs at DEBUG, and webhook URLs carry interaction tokens: keep them out.
    for noisy in ("discord.http", "discord.webhook.async_", "discord.gateway"):
        logging.getLogger(noisy).setLevel(max(logging.INFO, logging.getLogger().level))
    # The bot never joins voice; discord.py's start-up warnings about voice libraries are noise.
    logging.getLogger("discord.client").addFilter(lambda record: "voice will NOT" not in str(record.msg))
    give_back_freed_buffers()  # before any thread or buffer: memory follows IMAGE_BYTES_IN_FLIGHT
    try:
        asyncio.run(run(settings, operator_terms))
    except StoreError as error:
        print(f"imagine-bot: {error}", file=sys.stderr)
        return 1
    except discord.LoginFailure:
        print(
            "imagine-bot: Discord rejected DISCORD_TOKEN; check it in .env (see .env.example)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
