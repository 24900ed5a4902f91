"""What the job buttons do: Reroll, Vary and Remix (new jobs charged to whoever clicks; `remix`), Delete
(the requester or a member who can manage messages), Cancel and Show them (the requester: a private
result, shown privately), and on approval requests Approve and Reject (members who can manage messages; a
rejection may carry a reason). Anyone else is refused privately."""

from __future__ import annotations

import logging

import discord

from discord_side.audit import AuditLog, approval_hints
from discord_side.catalogue import speak, speaking, text
from discord_side.error_text import answer_error
from discord_side.info_text import info_text
from discord_side.launcher import JobLauncher
from discord_side.private_results import PrivateResults
from discord_side.refusals import (
    CannotDelete,
    NotAModerator,
    NotTheRequester,
    NotYourImages,
    UnderReview,
    UnknownJob,
)
from discord_side.remix import Remixes
from discord_side.reports import Reports
from discord_side.texts import cancel_text, inert, shorten
from discord_side.views import REVIEW_ACTIONS, JobAction
from services.core.models import Job, JobState
from services.engine.jobs import JobEngine
from services.storage.job_store import Store

log = logging.getLogger(__name__)
_NONE = discord.AllowedMentions.none()
NEW_JOB_ACTIONS = frozenset({JobAction.REROLL, JobAction.VARY, JobAction.REMIX})


class RejectModal(discord.ui.Modal):
    """Asks the moderator for an optional reason, shown to the requester."""

    def __init__(self, buttons: JobButtons, job_id: str) -> None:
        super().__init__(title=text("reject-form-title"), timeout=600)
        self.reason: discord.ui.TextInput[RejectModal] = discord.ui.TextInput(
            label=text("reject-form-reason"), required=False, max_length=300, style=discord.TextStyle.paragraph
        )
        self.add_item(self.reason)
        self._buttons = buttons
        self._job_id = job_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Reject the job with the reason given."""
        speak(interaction.locale)  # a form's submission runs in a task of its own
        await self._buttons.finish_rejection(interaction, self._job_id, self.reason.value or "")

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        """Answer like any command or button does."""
        await answer_error(interaction, error)


class JobButtons:
    """Checks and carries out clicks on job buttons; reached as `client.job_buttons` by
    `discord_side.views.JobButton`."""

    def __init__(
        self,
        store: Store,
        engine: JobEngine,
        launcher: JobLauncher,
        audit: AuditLog,
        private: PrivateResults,
        reports: Reports,
    ) -> None:
        self._reports = reports
        self._store = store
        self._engine = engine
        self._launcher = launcher
        self._audit = audit
        self._private = private
        self._remixes = Remixes(launcher, store)

    async def enter(self, interaction: discord.Interaction) -> None:
        """Speak the clicking member's language (and remember the guild's), before the click is checked."""
        await self._audit.languages.enter(interaction)

    async def check(self, interaction: discord.Interaction, action: JobAction, job_id: str) -> Job:
        """The job, if the member may do `action` on it: anyone may reroll, vary or remix, the requester
        cancel, the requester or a member who can manage messages delete, only the latter approve or
        reject or act on a review card, and only the requester see a private result; anyone may ask for Info
        or Report. A result reported and not yet reviewed gives no new job (Reroll, Vary, Remix)."""
        job = await self._store.get_job(job_id)
        if job is None:
            raise UnknownJob(job_id)
        is_requester = interaction.user.id == job.user_id
        can_manage = interaction.permissions.manage_messages
        if action == JobAction.CANCEL and not is_requester:
            raise NotTheRequester(job_id)
        if action == JobAction.SHOW and not is_requester:
            raise NotYourImages(job_id)
        if action == JobAction.DELETE and not (is_requester or can_manage):
            raise CannotDelete(job_id)
        if action in {JobAction.APPROVE, JobAction.REJECT, *REVIEW_ACTIONS} and not can_manage:
            raise NotAModerator(job_id)
        if action in NEW_JOB_ACTIONS and await self._store.under_review(job_id):
            raise UnderReview(job_id)
        return job

    async def handle(self, interaction: discord.Interaction, action: JobAction, job: Job) -> None:
        """Carry out a checked click."""
        if action == JobAction.REROLL:
            await self._launcher.launch(interaction, job.options)
        elif action == JobAction.SHOW:
            await self._private.show(interaction, job)
        elif action == JobAction.REMIX:
            await self._remixes.open_form(interaction, job)
        elif action == JobAction.INFO:
            await interaction.response.send_message(info_text(job), ephemeral=True, allowed_mentions=_NONE)
        elif action == JobAction.REPORT:
            await self._reports.report(interaction, job)
        elif action in REVIEW_ACTIONS:
            await self._reports.review(interaction, action, job)
        elif action == JobAction.CANCEL:
            await interaction.response.defer(ephemeral=True, thinking=True)
            outcome = await self._engine.cancel(job.id)
            await interaction.followup.send(cancel_text(outcome.value), ephemeral=True)
        elif action == JobAction.DELETE:
            await interaction.response.defer()
            await interaction.delete_original_response()
            log.info("job %s: result deleted by %s", job.id, interaction.user.id)
            await interaction.followup.send(text("deleted"), ephemeral=True)
            await self._audit.deleted(job, interaction.user.id)
        elif action == JobAction.APPROVE:
            await interaction.response.defer()
            if await self._engine.approve(job.id, interaction.user.id) is None:
                await self._already_decided(interaction, job.id)
                return
            await self._close_request(interaction, job, "approval-approved", moderator=f"<@{interaction.user.id}>")
        elif action == JobAction.REJECT:
            if job.state != JobState.AWAITING_APPROVAL:
                await interaction.response.defer()
                await self._already_decided(interaction, job.id)
                return
            await interaction.response.send_modal(RejectModal(self, job.id))

    async def vary(self, interaction: discord.Interaction, job: Job, index: int) -> None:
        """A Vary click (checked): a new image-to-image job from that image of the result."""
        await self._remixes.vary(interaction, job, index)

    async def finish_rejection(self, interaction: discord.Interaction, job_id: str, reason: str) -> None:
        """The moderator submitted the rejection form."""
        await interaction.response.defer()
        rejected = await self._engine.reject(job_id, reason, interaction.user.id)
        if rejected is None:
            await self._already_decided(interaction, job_id)
            return
        verdict: dict[str, object] = {"moderator": f"<@{interaction.user.id}>"}
        entry = "approval-rejected"
        if rejected.failure_detail:
            entry = "approval-rejected-reason"
            verdict["reason"] = inert(shorten(rejected.failure_detail, 300))
        await self._close_request(interaction, rejected, entry, **verdict)

    async def _already_decided(self, interaction: discord.Interaction, job_id: str) -> None:
        # Only the decision that was stored shows on the request; a moderator who came second is told
        # privately what it was, and by whom.
        told = decided_text(await self._store.get_job(job_id))
        try:
            await interaction.followup.send(told, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:
            log.warning("could not tell a moderator the request was decided (%s %s)", error.status, error.code)

    async def _close_request(self, interaction: discord.Interaction, job: Job, entry: str, **values: object) -> None:
        # The approval request keeps its text, loses its buttons and says who decided, in the server's
        # language (the request's), not the moderator's; the hint is dropped in whichever language it was
        # posted (the admins may have changed the server's language since).
        content = interaction.message.content if interaction.message else ""
        for hint in approval_hints():
            content = content.split("\n" + hint)[0]
        with speaking(self._audit.languages.public(job.target.guild_id)):
            verdict = text(entry, **values)
        try:
            await interaction.edit_original_response(
                content=f"{content}\n{verdict}"[:2000], view=None, allowed_mentions=discord.AllowedMentions.none()
            )
        except discord.HTTPException as error:
            log.warning("could not update an approval request (%s %s)", error.status, error.code)


def decided_text(job: Job | None) -> str:
    """What a moderator who came second is told: who approved or rejected the request, from what is
    stored (a request that ended without a moderator, or whose job is gone, no longer waits)."""
    if job is None or job.decided_by is None:
        return text("approval-no-longer-waits")
    entry = "approval-already-rejected" if job.state == JobState.REJECTED else "approval-already-approved"
    return text(entry, moderator=f"<@{job.decided_by}>")
