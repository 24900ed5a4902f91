"""Every text a user sees, in one place: progress, results, and errors turned into advice."""

from __future__ import annotations

from datetime import UTC, datetime

import discord

from services.core.errors import InvalidOption, QuotaExceeded
from services.core.models import FailureReason, Job, JobState
from services.engine.events import JobPhase
from services.moderation.guild_policy import PolicyRefusal, RefusalReason
from services.quotas.limits import LimitKind

PROMPT_PREVIEW_CHARS = 300

OUTCOME_LABELS: dict[JobState, str] = {
    JobState.DELIVERED: "🖼️ delivered",
    JobState.FAILED: "❌ failed",
    JobState.CANCELLED: "🛑 cancelled",
    JobState.EXPIRED: "⌛ expired",
    JobState.REJECTED: "🚫 rejected",
}

SHUTTING_DOWN_TEXT = "⏸️ The bot is restarting and takes no new requests right now. Please try again in a minute."
NOT_YOURS_TEXT = "Only the member who asked for these images can {action} them."
DELETE_REFUSED_TEXT = "Only the member who asked for these images, or members who can manage messages, can delete them."
DELETED_TEXT = "🗑️ Deleted."
UNKNOWN_JOB_TEXT = "This job is no longer known to the bot (its record was removed)."
DMS_DISABLED_TEXT = "🚫 Image generation is not available in direct messages; use `/imagine` in a server."
NO_AUDIT_CHANNEL_TEXT = "approval is required in this channel, but the bot cannot post in the audit channel"
NOT_A_MODERATOR_TEXT = "Only members who can manage messages can approve or reject prompts."
NOT_AN_ADMIN_TEXT = "Only members with the Manage Server permission can change the bot's settings."
CANCEL_TEXTS: dict[str, str] = {
    "cancelled": "🛑 Cancelled before it was sent; nothing was generated and your quota was returned.",
    "discard_on_arrival": (
        "🛑 The image service is already working on it and cannot be stopped. Its images will be discarded "
        "when they arrive; the service bills them, so they count against your quota."
    ),
    "too_late": "Too late to cancel: the images are already being posted.",
    "already_ended": "This job has already ended.",
    "not_found": UNKNOWN_JOB_TEXT,
}

_FAILURES: dict[FailureReason, str] = {
    FailureReason.CONTENT_POLICY: (
        "The image service refused this prompt under its content policy. Rephrase it (leave out anything "
        "explicit, violent or about real people) and try again."
    ),
    FailureReason.INVALID_INPUT: "The image service rejected these options. Change the prompt or size and try again.",
    FailureReason.SERVICE_FAILED: "The image service failed to generate this image. Please try again in a moment.",
    FailureReason.SERVICE_UNAVAILABLE: (
        "The bot's image service is unavailable right now; the bot's operator has been told. Please try again later."
    ),
    FailureReason.API_UNREACHABLE: "The image service could not be reached. Please try again in a few minutes.",
    FailureReason.TIMED_OUT: "The image service took too long and the job was abandoned. Please try again later.",
    FailureReason.NO_IMAGES: "The image service finished without producing an image. Please try again.",
    FailureReason.BAD_IMAGE: "The image service returned a file that could not be used ({detail}). Please try again.",
    FailureReason.DELIVERY_FAILED: (
        "The images were generated but could not be posted here. Ask an admin to let the bot send messages and "
        "attach files in this channel."
    ),
    FailureReason.RESULTS_EXPIRED: (
        "The images expired (their links last 24 hours) before they could be delivered. Please generate them again."
    ),
    FailureReason.INTERNAL: "Something went wrong inside the bot. Please try again.",
    FailureReason.REJECTED: "A moderator rejected this request ({detail}).",
}


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def inert(text: str) -> str:
    """User text made safe to echo: no markdown effects and no working mentions."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def describe_job(job: Job) -> str:
    """One line naming the job: its prompt (short, escaped), size, count and id."""
    size = job.options.size or "default size"
    count = f"{job.options.n} images" if job.options.n > 1 else "1 image"
    return f"**{inert(shorten(job.options.prompt, PROMPT_PREVIEW_CHARS))}**\n`{size}` · {count} · job `{job.id}`"


def progress_text(job: Job, phase: JobPhase, seconds_left: float | None = None) -> str:
    """The running job's status line under its description; `seconds_left` is the estimate, if any."""
    if phase == JobPhase.AWAITING_APPROVAL:
        status = (
            "🕒 Waiting for a moderator's approval; nothing is generated before that. The images are set "
            "aside from your daily quota meanwhile and given back if the request is rejected."
        )
    elif phase == JobPhase.QUEUED and job.queue_position:
        status = f"⏳ Queued: #{job.queue_position} in line for the image service…"
    elif phase == JobPhase.QUEUED:
        status = "⏳ Queued, waiting for a free slot at the image service…"
    elif phase == JobPhase.SUBMITTING:
        status = "📨 Sending the prompt to the image service…"
    elif phase == JobPhase.UPLOADING:
        status = "📤 Done! Uploading the images…"
    else:
        status = f"🎨 Generating… {job.progress}%"
        if seconds_left is not None and seconds_left >= 1:
            status += f", about {seconds_left:.0f} s left"
        elif seconds_left is not None:
            status += ", almost done"
    return f"{describe_job(job)}\n{status}"


def result_text(job: Job, delivered: int, requester_mention: str | None = None) -> str:
    """The caption of the result message."""
    head = f"{requester_mention} " if requester_mention else ""
    text = f"{head}🖼️ {describe_job(job)}"
    if delivered < job.options.n:
        text += (
            f"\nThe service produced only {delivered} of the {job.options.n} images asked for; "
            f"only {delivered} counted against your daily quota."
        )
    return text


def failure_text(job: Job, requester_mention: str | None = None) -> str:
    """Why the job ended without images, and what to do; always says the quota was not used."""
    reason = job.failure_reason or FailureReason.INTERNAL
    advice = _FAILURES[reason].format(detail=inert(job.failure_detail or "unknown problem"))
    head = f"{requester_mention} " if requester_mention else ""
    return f"{head}❌ {describe_job(job)}\n{advice}\nNo images were counted against your quota."


def ended_text(job: Job, requester_mention: str | None = None) -> str:
    """The final text of a job that ended without delivering: failed, cancelled or expired."""
    head = f"{requester_mention} " if requester_mention else ""
    if job.state == JobState.CANCELLED:
        counted = (
            f" The service had already produced {job.images_charged} image(s), which count against your quota."
            if job.images_charged
            else " No images were counted against your quota."
        )
        return f"{head}🛑 {describe_job(job)}\nCancelled.{counted}"
    if job.state == JobState.REJECTED:
        reason = inert(shorten(job.failure_detail or "no reason given", 300))
        return f"{head}🚫 {describe_job(job)}\nA moderator rejected this request: {reason}\nNothing was counted."
    if job.state == JobState.EXPIRED:
        advice = _FAILURES[FailureReason.RESULTS_EXPIRED]
        return f"{head}⌛ {describe_job(job)}\n{advice}\nNo images were counted against your quota."
    return failure_text(job, requester_mention)


def policy_refusal_text(refusal: PolicyRefusal) -> str:
    """Why the server's rules refuse a request; never names the blocked term that matched."""
    if refusal.reason == RefusalReason.CHANNEL:
        if refusal.allowed_channels:
            where = ", ".join(f"<#{channel}>" for channel in refusal.allowed_channels[:20])
            return f"🚫 `/imagine` does not work in this channel here. It works in: {where}."
        if refusal.excluded_channels:
            where = ", ".join(f"<#{channel}>" for channel in refusal.excluded_channels[:20])
            return f"🚫 `/imagine` works in every channel here except: {where}. Try another channel."
        return "🚫 `/imagine` does not work in this channel. Ask a server admin where it does."
    if refusal.reason == RefusalReason.ROLE:
        return "🚫 In this server only members with certain roles may use `/imagine`. Ask a server admin."
    return (
        "🚫 This prompt contains words this server does not allow. Rephrase it and try again; "
        "nothing was generated or counted."
    )


def invalid_option_text(error: InvalidOption) -> str:
    """An ephemeral answer to an invalid option."""
    return f"❌ The option **{error.option}** {error.message}\nNothing was generated and no quota was used."


def quota_text(error: QuotaExceeded) -> str:
    """An ephemeral refusal: which limit, what is left and when it resets. Nothing was charged."""
    reset = f"{discord.utils.format_dt(error.resets_at, 'R')} ({discord.utils.format_dt(error.resets_at, 't')})"
    if error.kind == LimitKind.BLOCKED:
        return "🚫 You may not generate images here; a server admin has blocked it for you."
    if error.kind == LimitKind.COOLDOWN:
        again = discord.utils.format_dt(datetime.fromtimestamp(error.retry_at or 0, UTC), "R")
        return f"⏳ Not so fast: you can ask for images again {again}. Nothing was charged."
    if error.kind == LimitKind.ACTIVE_JOBS:
        return (
            f"🚦 You already have {error.used} job(s) queued or running here, the most allowed at once is "
            f"{error.limit}. Wait for one to finish, or cancel one. Nothing was charged."
        )
    if error.kind == LimitKind.GUILD_DAILY:
        return (
            f"🚫 This server's daily limit is reached: {error.remaining} of its {error.limit} images are left "
            f"today and you asked for {error.requested}. It resets {reset}. Nothing was charged."
        )
    return (
        f"🚫 Daily limit reached: you asked for {error.requested} image(s) but have {error.remaining} of "
        f"{error.limit} left today. Your quota resets {reset}. Nothing was charged."
    )
