"""Report and its review: any member may report a result once; the result is hidden at once (its card
turns into a spoiler-marked one) and a review card with the images goes to the audit channel, where
moderators Restore, Delete, Block the requester or Add a blocked term. Every action is logged; reporters
are told the outcome (restored or deleted) by DM, which works whenever it comes (an ephemeral followup
would die with the report's 15-minute token). Without an audit channel the server's owner (who can
manage messages) is told by DM, with the advice to set one: the bot has no member list to find others."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Protocol

import discord

from discord_side.audit import AuditLog
from discord_side.cards import channel_spoiler, first_text, review_card
from discord_side.catalogue import speak, speaking, text
from discord_side.error_text import answer_error
from discord_side.problem_text import term_problem_text
from discord_side.texts import inert, shorten
from discord_side.views import JobAction
from services.core.models import Job
from services.moderation.blocked_terms import BlockedTerm, InvalidTerm
from services.quotas.limits import MemberOverride
from services.storage.job_store import Store
from services.storage.moderation_settings import ModerationSettings
from services.storage.quota_settings import QuotaSettings

log = logging.getLogger(__name__)
NO_MENTIONS = discord.AllowedMentions.none()


class CardMaker(Protocol):
    """Builds a job's result card (the presenter: `discord_side.presenter.DiscordJobEvents.card`)."""

    def card(
        self,
        job: Job,
        delivered: int,
        filenames: Sequence[str],
        spoiler: bool,
        mention: str | None = None,
        *,
        hidden: bool = False,
    ) -> discord.ui.LayoutView:
        """The result card of `job`; `hidden` after a report."""
        ...


class TermModal(discord.ui.Modal):
    """Asks the moderator for a term to block in the server (the review card's Add a blocked term)."""

    def __init__(self, reports: Reports, job: Job) -> None:
        super().__init__(title=text("review-term-form-title"), timeout=600)
        self.term: discord.ui.TextInput[TermModal] = discord.ui.TextInput(
            label=text("review-term-form-term"), required=True, max_length=200
        )
        self.add_item(self.term)
        self._reports = reports
        self._job = job

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Block the term (checked like `/imagine-admin terms add`)."""
        speak(interaction.locale)  # a form's submission runs in a task of its own
        await self._reports.add_term(interaction, self._job, self.term.value)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        """Answer like any command or button does."""
        await answer_error(interaction, error)


class Reports:
    """Reports of results and the moderators' review of them."""

    def __init__(
        self,
        client: discord.Client,
        store: Store,
        audit: AuditLog,
        cards: CardMaker,
        moderation: ModerationSettings,
        quota_settings: QuotaSettings,
    ) -> None:
        self._client = client
        self._store = store
        self._audit = audit
        self._cards = cards
        self._moderation = moderation
        self._quota_settings = quota_settings

    async def report(self, interaction: discord.Interaction, job: Job) -> None:
        """A member's Report click on a result card: once per member; ask for a review, then hide the card.
        A review that cannot be asked for (the audit channel or the owner's DMs refuse) hides nothing and
        forgets the report, so the member may try again. One review per result: a report while one is
        open only adds its reporter (told the outcome with the others)."""
        reporter_locale = interaction.locale.value  # the DM telling them the outcome speaks it
        if not await self._store.add_report(job.id, interaction.user.id, job.target.guild_id, reporter_locale):
            await interaction.response.send_message(text("report-already"), ephemeral=True)
            return
        await interaction.response.defer()
        if not await self._store.open_review(job.id):
            log.info("job %s: also reported by %s (its review is open)", job.id, interaction.user.id)
            await self._audit.reported(job, interaction.user.id)
            await interaction.followup.send(text("report-done"), ephemeral=True)
            return
        try:
            done = await self._ask_review(interaction, job)
        except Exception:
            await self._store.withdraw_report(job.id, interaction.user.id)
            raise
        if done is None:
            await self._store.withdraw_report(job.id, interaction.user.id)
            await interaction.followup.send(text("report-unreachable"), ephemeral=True)
            return
        message = interaction.message
        names = [attachment.filename for attachment in message.attachments] if message else []
        hidden = self._cards.card(job, len(names), names, False, hidden=True)
        await interaction.edit_original_response(view=hidden, allowed_mentions=NO_MENTIONS)
        log.info("job %s: result reported by %s and hidden", job.id, interaction.user.id)
        await self._audit.reported(job, interaction.user.id)
        await interaction.followup.send(text(done), ephemeral=True)

    async def _ask_review(self, interaction: discord.Interaction, job: Job) -> str | None:
        # The review card in the audit channel (or, without one, the owner's DM): the entry that thanks
        # the reporter, or None if Discord refused it.
        message = interaction.message
        link = message.jump_url if message else ""
        channel_id = await self._audit.channel_for(job.target.guild_id)
        if channel_id is None:
            return "report-no-audit-owner" if await self._tell_owner(interaction, link) else None
        files = list(await asyncio.gather(*(a.to_file() for a in message.attachments))) if message else []
        with speaking(self._audit.languages.public(job.target.guild_id)):  # the review card is the server's
            review = self._review_card(job, interaction, link, files)
        channel = self._client.get_partial_messageable(channel_id, guild_id=job.target.guild_id)
        try:
            await channel.send(view=review, files=files, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            log.warning("job %s: could not post its review card (%s %s)", job.id, error.status, error.code)
            return None
        return "report-done"

    @staticmethod
    def _review_card(
        job: Job, interaction: discord.Interaction, link: str, files: list[discord.File]
    ) -> discord.ui.LayoutView:
        summary = text(
            "report-review",
            job_id=job.id,
            requester=f"<@{job.user_id}>",
            channel=f"<#{job.target.channel_id}>",
            reporter=f"<@{interaction.user.id}>",
            prompt=inert(shorten(job.options.prompt, 300)),
            link=link,
        )
        return review_card(job, summary, [file.filename for file in files])

    async def review(self, interaction: discord.Interaction, action: JobAction, job: Job) -> None:
        """A moderator's click on a review card (checked: they may manage messages)."""
        if action == JobAction.TERM:
            await interaction.response.send_modal(TermModal(self, job))
            return
        moderator = f"<@{interaction.user.id}>"
        public = self._audit.languages.public(job.target.guild_id)  # the card and the log are the server's
        if action == JobAction.BLOCK:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await self._block(job)
            with speaking(public):
                verdict = text("review-blocked", moderator=moderator)
            await self._logged(interaction, job, verdict)
            return
        await interaction.response.defer()
        if action == JobAction.RESTORE:
            done = await self._restore(job)
            outcome = "review-outcome-restored"
        else:
            done = await self._delete(job)
            outcome = "review-outcome-deleted"
            await self._audit.deleted(job, interaction.user.id)
        with speaking(public):
            restored = action == JobAction.RESTORE
            verdict = text("review-restored" if restored else "review-deleted", moderator=moderator)
            if not done:
                verdict += "\n" + text("review-result-gone")
        await self._close(interaction, job, verdict)
        await self._logged(interaction, job, verdict)
        await self._tell_reporters(job, interaction, outcome)
        await self._store.close_reports(job.id)  # reviewed: new jobs from it again, a new report reopens it

    async def add_term(self, interaction: discord.Interaction, job: Job, term: str) -> None:
        """The moderator submitted the term form: block it in the server (an invalid or already blocked term
        is answered as `/imagine-admin terms add` answers it)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert job.target.guild_id is not None
        try:
            added = await self._moderation.add_term(job.target.guild_id, BlockedTerm(term.strip(), False))
        except InvalidTerm as error:
            problem = term_problem_text(error)
            await interaction.followup.send(text("admin-term-not-added", problem=problem), ephemeral=True)
            return
        if not added:
            await interaction.followup.send(text("admin-term-already-blocked"), ephemeral=True)
            return
        with speaking(self._audit.languages.public(job.target.guild_id)):
            verdict = text("review-term-added", moderator=f"<@{interaction.user.id}>")
        await self._logged(interaction, job, verdict)

    async def _logged(self, interaction: discord.Interaction, job: Job, action: str) -> None:
        log.info("job %s: review by %s: %s", job.id, interaction.user.id, action)
        await self._audit.review_action(job, interaction.user.id, action)
        await interaction.followup.send(text("review-done"), ephemeral=True)

    async def _block(self, job: Job) -> None:
        assert job.target.guild_id is not None
        known = await self._quota_settings.member(job.target.guild_id, job.user_id)
        bonus = known.bonus_images if known else 0
        await self._quota_settings.set_member(job.target.guild_id, job.user_id, MemberOverride(bonus, blocked=True))

    def _result(self, job: Job) -> discord.PartialMessage | None:
        if not job.message_ids:
            return None
        channel = self._client.get_partial_messageable(job.target.channel_id, guild_id=job.target.guild_id)
        return channel.get_partial_message(job.message_ids[0])

    async def _restore(self, job: Job) -> bool:
        result = self._result(job)
        try:
            message = await result.fetch() if result else None
        except discord.NotFound:
            return False
        if message is None:
            return False
        names = [attachment.filename for attachment in message.attachments]
        spoiler = await channel_spoiler(self._moderation)(job)
        await message.edit(view=self._cards.card(job, len(names), names, spoiler, hidden=False))
        return True

    async def _delete(self, job: Job) -> bool:
        result = self._result(job)
        if result is None:
            return False
        try:
            await result.delete()
        except discord.NotFound:
            return False
        return True

    @staticmethod
    async def _close(interaction: discord.Interaction, job: Job, verdict: str) -> None:
        # The review card keeps its summary and images, loses its buttons and says who decided what.
        message = interaction.message
        summary = first_text(message.components) if message else ""
        names = [attachment.filename for attachment in message.attachments] if message else []
        await interaction.edit_original_response(view=review_card(job, summary, names, verdict))

    async def _tell_reporters(self, job: Job, interaction: discord.Interaction, outcome: str) -> None:
        guild = interaction.guild.name if interaction.guild else ""
        public = self._audit.languages.public(job.target.guild_id)
        for reporter_id, reporter_locale in await self._store.reporter_locales(job.id):
            try:
                channel = await self._client.create_dm(discord.Object(reporter_id))  # type: ignore[arg-type]
                # The reporter's own language (a report stored before 0010 did not record it: the server's).
                with speaking(reporter_locale or public):
                    words = text(outcome, guild=inert(guild))
                await channel.send(words, allowed_mentions=NO_MENTIONS)
            except discord.HTTPException as error:
                log.info("job %s: could not tell reporter %s (%s %s)", job.id, reporter_id, error.status, error.code)

    async def _tell_owner(self, interaction: discord.Interaction, link: str) -> bool:
        guild = interaction.guild
        if guild is None or guild.owner_id is None:
            return False
        with speaking(self._audit.languages.public(guild.id)):  # the owner's locale is not known
            words = text("report-owner-notice", guild=inert(guild.name), link=link)
        try:
            channel = await self._client.create_dm(discord.Object(guild.owner_id))  # type: ignore[arg-type]
            await channel.send(words, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            log.warning(
                "could not tell the owner of guild %s about a report (%s %s)", guild.id, error.status, error.code
            )
            return False
        return True
