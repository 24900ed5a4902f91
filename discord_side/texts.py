"""Messages composed from the catalogue's entries (`discord_side.catalogue`): progress, results, job
endings, refusals, and errors turned into advice. The wording lives in the catalogue; this module only
chooses entries and fills them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from functools import cache

import discord
from babel import Locale
from babel.numbers import format_decimal

from discord_side.catalogue import spoken, text
from discord_side.problem_text import input_problem_text, invalid_option_problem, stored_detail_text
from discord_side.translator import shown_name
from services.api.validation import SIZE_PRESETS, parse_size
from services.core.errors import InputRefused, InvalidOption, QuotaExceeded
from services.core.models import FailureReason, Job, JobState
from services.engine.budget_watch import BudgetAlert
from services.engine.events import JobPhase, RunStatus
from services.engine.failures import FailureDetail
from services.moderation.guild_policy import PolicyRefusal, RefusalReason
from services.quotas.limits import LimitKind, OverBudget

PROMPT_PREVIEW_CHARS = 300

OUTCOME_ENTRIES: dict[JobState, str] = {
    JobState.DELIVERED: "outcome-delivered",
    JobState.FAILED: "outcome-failed",
    JobState.CANCELLED: "outcome-cancelled",
    JobState.EXPIRED: "outcome-expired",
    JobState.REJECTED: "outcome-rejected",
}
# Where a job that has not ended stands (in /usage).
STATE_ENTRIES: dict[JobState, str] = {
    JobState.AWAITING_APPROVAL: "job-state-awaiting-approval",
    JobState.QUEUED: "job-state-queued",
    JobState.SUBMITTING: "job-state-submitting",
    JobState.SUBMITTED: "job-state-submitted",
    JobState.COMPLETED: "job-state-completed",
}

CANCEL_ENTRIES: dict[str, str] = {
    "cancelled": "cancel-cancelled",
    "discard_on_arrival": "cancel-discard-on-arrival",
    "too_late": "cancel-too-late",
    "already_ended": "cancel-already-ended",
    "not_found": "unknown-job",
}

_FAILURE_ENTRIES: dict[FailureReason, str] = {
    FailureReason.CONTENT_POLICY: "failure-content-policy",
    FailureReason.INVALID_INPUT: "failure-invalid-input",
    FailureReason.SERVICE_FAILED: "failure-service-failed",
    FailureReason.OUTCOME_UNKNOWN: "failure-outcome-unknown",
    FailureReason.SERVICE_UNAVAILABLE: "failure-service-unavailable",
    FailureReason.API_UNREACHABLE: "failure-api-unreachable",
    FailureReason.TIMED_OUT: "failure-timed-out",
    FailureReason.NO_IMAGES: "failure-no-images",
    FailureReason.BAD_IMAGE: "failure-bad-image",
    FailureReason.DELIVERY_FAILED: "failure-delivery-failed",
    FailureReason.RESULTS_EXPIRED: "failure-results-expired",
    FailureReason.INTERNAL: "failure-internal",
    FailureReason.REJECTED: "failure-rejected",
    FailureReason.MODEL_DENIED: "failure-model-denied",
    FailureReason.INPUT_UNAVAILABLE: "failure-input-unavailable",
}
_WITH_DETAIL = {FailureReason.BAD_IMAGE, FailureReason.REJECTED}

# By preset name (what a member may type instead of the size).
SIZE_PRESET_ENTRIES: dict[str, str] = {
    "square": "size-preset-square",
    "portrait": "size-preset-portrait",
    "landscape": "size-preset-landscape",
    "wide": "size-preset-wide",
    "tall": "size-preset-tall",
}


def shorten(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters, with an ellipsis when cut."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def inert(value: str) -> str:
    """User text made safe to echo: no markdown effects, no working mentions and no links (a zero-width
    space after the scheme's colon: Discord links only a whole `scheme://`), nor channel links, command
    mentions, timestamps or custom emoji (a zero-width space after every `<`)."""
    escaped = discord.utils.escape_mentions(discord.utils.escape_markdown(value))
    return escaped.replace("://", ":\u200b//").replace("<", "<\u200b")


def inert_within(value: str, limit: int) -> str:
    """`value` shortened and made inert in at most `limit` characters (escaping lengthens it: the
    value is cut shorter until its escaped form fits, never through an escape)."""
    cut = limit
    while True:
        said = inert(shorten(value, cut))
        if len(said) <= limit or cut <= 1:
            return said[:limit]
        cut -= max(1, (len(said) - limit + 1) // 2)


def number(value: float) -> str:
    """A number as people write it: no trailing `.0`."""
    return f"{value:g}"


def outcome_label(state: JobState) -> str:
    """How a state is shown in /usage and the audit log: a final one as its outcome, another as where
    the job stands (never the state's code value)."""
    return text(OUTCOME_ENTRIES[state] if state in OUTCOME_ENTRIES else STATE_ENTRIES[state])


def cancel_text(outcome: str) -> str:
    """The answer to a Cancel click, by the engine's cancel outcome."""
    return text(CANCEL_ENTRIES[outcome])


def job_marker(job_id: str) -> str:
    """The part of a job's messages that names it (after a restart, a result is found again by the id in
    it, whatever the language)."""
    return text("job-id", job_id=job_id)


def describe_job(job: Job) -> str:
    """One line naming the job: its prompt (short, escaped), size, count and id."""
    count = text("job-images", count=job.options.n)
    return text(
        "job-description",
        prompt=inert(shorten(job.options.prompt, PROMPT_PREVIEW_CHARS)),
        size=job_size(job),
        count=count,
        job_id=job_marker(job.id),
    )


def job_size(job: Job) -> str:
    """The job's size as shown: the one asked for, the default, or made from its input image."""
    if job.options.images:
        return text("job-size-from-image")
    return job.options.size or text("job-size-default")


def input_refused_text(error: InputRefused) -> str:
    """An ephemeral refusal of an image to start from: which one, what is wrong and what is allowed."""
    return text("input-refused", position=error.position, problem=input_problem_text(error))


def progress_text(job: Job, phase: JobPhase, run: RunStatus, seconds_left: float | None = None) -> str:
    """The running job's status line under its description, from its `run` (place in line, progress);
    `seconds_left` is the estimate, if any."""
    if phase == JobPhase.AWAITING_APPROVAL:
        status = text("progress-awaiting-approval")
    elif phase == JobPhase.QUEUED and run.queue_position:
        status = text("progress-queued-position", position=run.queue_position)
    elif phase == JobPhase.QUEUED:
        status = text("progress-queued")
    elif phase == JobPhase.SUBMITTING:
        status = text("progress-submitting")
    elif phase == JobPhase.UPLOADING:
        status = text("progress-uploading")
    else:
        status = _generating(run.progress, seconds_left)
    return f"{describe_job(job)}\n{status}"


def _generating(percent: int, seconds_left: float | None) -> str:
    if seconds_left is not None and seconds_left >= 1:
        return text("progress-generating-eta", percent=percent, seconds=f"{seconds_left:.0f}")
    if seconds_left is not None:
        return text("progress-generating-almost-done", percent=percent)
    return text("progress-generating", percent=percent)


def _with_mention(message: str, requester_mention: str | None) -> str:
    return f"{requester_mention} {message}" if requester_mention else message


def result_text(job: Job, delivered: int, requester_mention: str | None = None) -> str:
    """The caption of the result message."""
    caption = text("result", job=describe_job(job))
    if delivered < len(job.result_urls):
        missing = len(job.result_urls) - delivered
        caption += "\n" + text("result-not-fetched", delivered=delivered, requested=job.options.n, missing=missing)
    elif delivered < job.options.n:
        caption += "\n" + text("result-shortfall", delivered=delivered, requested=job.options.n)
    return _with_mention(caption, requester_mention)


def failure_advice(reason: FailureReason, detail: str | None) -> str:
    """What went wrong and what to do, for a failure reason (with its detail where it helps)."""
    entry = _FAILURE_ENTRIES[reason]
    if reason in _WITH_DETAIL:
        return text(entry, detail=inert(detail or text("failure-detail-unknown")))
    return text(entry)


def failure_text(job: Job, requester_mention: str | None = None) -> str:
    """Why the job ended without images, and what to do; says whether its images counted (only where the
    service may have made and billed the task)."""
    advice = failure_advice(job.failure_reason or FailureReason.INTERNAL, stored_detail_text(job.failure_detail))
    if job.images_charged:
        message = text("job-failed-maybe-charged", job=describe_job(job), advice=advice, charged=job.images_charged)
    else:
        message = text("job-failed", job=describe_job(job), advice=advice)
    return _with_mention(message, requester_mention)


def ended_text(job: Job, requester_mention: str | None = None) -> str:
    """The final text of a job that ended without delivering: failed, cancelled or expired."""
    described = describe_job(job)
    if job.state == JobState.CANCELLED and job.images_charged:
        message = text("job-cancelled-charged", job=described, charged=job.images_charged)
    elif job.state == JobState.CANCELLED:
        message = text("job-cancelled", job=described)
    elif job.state == JobState.REJECTED:
        message = _rejected_text(job, described)
    elif job.state == JobState.EXPIRED:
        message = text("job-expired", job=described, advice=failure_advice(FailureReason.RESULTS_EXPIRED, None))
    else:
        return failure_text(job, requester_mention)
    return _with_mention(message, requester_mention)


def _rejected_text(job: Job, described: str) -> str:
    # A stored problem code means no moderator decided (unanswered in time, or never posted for them).
    entry = "job-rejected" if FailureDetail.decode(job.failure_detail) is None else "job-not-decided"
    reason = inert(shorten(stored_detail_text(job.failure_detail) or text("job-rejected-no-reason"), 300))
    return text(entry, job=described, reason=reason)


def policy_refusal_text(refusal: PolicyRefusal) -> str:
    """Why the server's rules refuse a request; never names the blocked term that matched."""
    if refusal.reason == RefusalReason.CHANNEL:
        if refusal.allowed_channels:
            return text("policy-channel-allow-list", channels=_channels(refusal.allowed_channels))
        if refusal.excluded_channels:
            return text("policy-channel-deny-list", channels=_channels(refusal.excluded_channels))
        return text("policy-channel")
    if refusal.reason == RefusalReason.ROLE:
        return text("policy-role")
    return text("policy-term")


def _channels(channel_ids: tuple[int, ...]) -> str:
    return ", ".join(f"<#{channel}>" for channel in channel_ids[:20])


def invalid_option_text(error: InvalidOption) -> str:
    """An ephemeral answer to an invalid option: which, what is wrong and what is valid."""
    return text("invalid-option", option=option_name(error.option), problem=invalid_option_problem(error))


def option_name(option: str) -> str:
    """An option of `/imagine` as the member sees it in Discord, in the language being spoken: its name
    entry in commands.ftl, or English where Discord would refuse the translation."""
    return shown_name(spoken(), f"imagine {option}")


def limit_name(kind: LimitKind) -> str:
    """Which limit, in words (the audit log's refusals)."""
    return text(_LIMIT_NAMES[kind])


_LIMIT_NAMES = {
    LimitKind.BLOCKED: "limit-kind-blocked",
    LimitKind.COOLDOWN: "limit-kind-cooldown",
    LimitKind.ACTIVE_JOBS: "limit-kind-active-jobs",
    LimitKind.USER_DAILY: "limit-kind-user-daily",
    LimitKind.GUILD_DAILY: "limit-kind-guild-daily",
    LimitKind.PERSON_DAILY: "limit-kind-person-daily",
    LimitKind.BOT_DAILY: "limit-kind-bot-daily",
    LimitKind.CREDITS_DAILY: "limit-kind-credits-daily",
    LimitKind.CREDITS_MONTHLY: "limit-kind-credits-monthly",
    LimitKind.GUILD_CREDITS: "limit-kind-guild-credits",
}


def quota_text(error: QuotaExceeded) -> str:
    """An ephemeral refusal: which limit, what is left and when it resets. Nothing was charged."""
    reset = f"{discord.utils.format_dt(error.resets_at, 'R')} ({discord.utils.format_dt(error.resets_at, 't')})"
    if error.kind == LimitKind.BLOCKED:
        return text("quota-blocked")
    if error.kind == LimitKind.COOLDOWN:
        again = discord.utils.format_dt(datetime.fromtimestamp(error.retry_at or 0, UTC), "R")
        return text("quota-cooldown", again=again)
    if error.kind == LimitKind.ACTIVE_JOBS:
        return text("quota-active-jobs", used=error.used, limit=error.limit)
    if error.kind in _CREDIT_REFUSALS:
        left, limit, cost = (credits_text(value) for value in (error.remaining, error.limit, error.requested))
        return text(_CREDIT_REFUSALS[error.kind], remaining=left, limit=limit, cost=cost, reset=reset)
    values = {"remaining": error.remaining, "limit": error.limit, "requested": error.requested, "reset": reset}
    return text(_IMAGE_REFUSALS.get(error.kind, "quota-user-daily"), **values)


_IMAGE_REFUSALS = {
    LimitKind.GUILD_DAILY: "quota-guild-daily",
    LimitKind.PERSON_DAILY: "quota-person-daily",
    LimitKind.BOT_DAILY: "quota-bot-daily",
}
_CREDIT_REFUSALS = {
    LimitKind.CREDITS_DAILY: "quota-credits-daily",
    LimitKind.CREDITS_MONTHLY: "quota-credits-monthly",
    LimitKind.GUILD_CREDITS: "quota-guild-credits",
}


def credits_text(milli: int) -> str:
    """Thousandths of a credit as credits, without trailing zeros, written the spoken language's way
    (1500200 → 1,500.2 in English, 1.500,2 in German)."""
    return format_decimal(Decimal(milli).scaleb(-3), format="#,##0.###", locale=_number_locale(spoken()))


def grouped(value: int) -> str:
    """A whole number with the spoken language's thousands separator (12,000; 12.000 in German)."""
    return format_decimal(value, format="#,##0", locale=_number_locale(spoken()))


@cache
def _number_locale(code: str) -> Locale:
    # Catalogue codes are Discord's (`pt-BR`, `zh-CN`): CLDR's separators and digits for that language.
    return Locale.parse(code, sep="-")


def size_choices(current: str, limit: int = 25) -> list[tuple[str, str]]:
    """Autocomplete choices `(name, value)` for the size typed so far: the presets whose name, ratio or
    size it matches, after the typed size itself when that is valid and not a preset's."""
    typed = current.strip().lower()
    choices = []
    for preset in SIZE_PRESETS:
        name = text(SIZE_PRESET_ENTRIES[preset.name])
        label = text("size-preset-choice", name=name, ratio=preset.ratio, size=preset.size)
        if not typed or typed in preset.name or typed in label.lower():
            choices.append((label, preset.size))
    if typed:
        try:
            size = parse_size(typed)
        except InvalidOption:
            size = None
        if size is not None and all(value != size for _, value in choices):
            choices.insert(0, (size, size))
    return choices[:limit]


_BUDGET_NAMES = {LimitKind.GUILD_DAILY: "budget-guild-daily", LimitKind.GUILD_CREDITS: "budget-guild-credits"}
_OVER_BUDGET_ENTRIES = {
    OverBudget.REFUSE: "budget-then-refuse",
    OverBudget.APPROVAL: "budget-then-approval",
    OverBudget.ONE_IMAGE: "budget-then-one-image",
}


def budget_alert_text(alert: BudgetAlert, over_budget: OverBudget) -> str:
    """An audit line: the server's budget reached 80% or 100%, and at 100% what happens to requests."""
    shown = [credits_text(v) if alert.kind.in_credits else grouped(v) for v in (alert.used, alert.limit)]
    budget = text(_BUDGET_NAMES[alert.kind])
    if alert.level < 100:
        return text("audit-budget-warning", budget=budget, level=alert.level, used=shown[0], limit=shown[1])
    then = text(_OVER_BUDGET_ENTRIES[over_budget])
    return text("audit-budget-spent", budget=budget, used=shown[0], limit=shown[1], then=then)
