"""Starting a job from an interaction (the `/imagine` command or a Reroll click): check where, who and
what (the guild's policy), acknowledge at once, reserve the quota, store the job and hand it over."""

from __future__ import annotations

import asyncio
import functools
import logging
from dataclasses import dataclass, replace

import discord

from discord_side.audit import AuditLog
from discord_side.catalogue import spoken, text
from discord_side.error_text import answer_error
from discord_side.input_images import InputChecker
from discord_side.presenter import DiscordJobEvents
from discord_side.private_results import can_deliver_privately
from discord_side.problem_text import input_problem_text
from discord_side.texts import input_refused_text, limit_name, policy_refusal_text
from services.core.errors import InputProblem, InputRefused, QuotaExceeded, ShuttingDown
from services.core.models import DeliveryTarget, GenerationOptions, Job
from services.engine.budget_watch import SERVER_BUDGETS, BudgetAlert
from services.engine.events import NOT_RUNNING, JobPhase
from services.engine.jobs import JobEngine
from services.images.fitting import DEFAULT_UPLOAD_LIMIT
from services.moderation.guild_policy import PolicyDecision, PolicyRefusal, RefusalReason, Visibility
from services.quotas.limits import LimitKind, Limits, OverBudget
from services.quotas.service import QuotaService
from services.storage.moderation_settings import ModerationSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LaunchRules:
    """Bot-wide switches of the launcher (from the environment)."""

    allow_dms: bool = False


class JobLauncher:
    """Turns a validated request into a running job, answering the interaction within Discord's 3 s."""

    def __init__(
        self,
        engine: JobEngine,
        events: DiscordJobEvents,
        quota: QuotaService,
        moderation: ModerationSettings,
        audit: AuditLog,
        rules: LaunchRules,
        inputs: InputChecker | None = None,
    ) -> None:
        self._engine = engine
        self._events = events
        self._quota = quota
        self._moderation = moderation
        self._audit = audit
        self._rules = rules
        self._inputs = inputs

    @property
    def image_to_image(self) -> bool:
        """Whether jobs may start from images now (IMAGE_TO_IMAGE, and the API's answer in auto mode)."""
        access = self._engine.access
        return self._inputs is not None and (access is None or access.enabled)

    async def launch(self, interaction: discord.Interaction, options: GenerationOptions) -> Job | None:
        """Check, defer, reserve and start; on refusal answer privately (and log it) and return None."""
        if not self._engine.accepting:
            await interaction.response.send_message(text("shutting-down"), ephemeral=True)
            return None
        if options.images and self._engine.access is not None:
            await self._engine.access.refresh()  # another process may have met the API's refusal
        if options.images and not self.image_to_image:
            await interaction.response.send_message(
                input_refused_text(InputRefused(InputProblem.FEATURE_OFF)), ephemeral=True
            )
            return None
        decision = await self._check(interaction, options)
        if decision is None:
            return None
        ephemeral = decision.visibility == Visibility.EPHEMERAL
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)
        target = self._target(interaction, ephemeral=ephemeral)
        try:
            limits = await self._quota.limits_for(
                interaction.guild_id, interaction.user.id, member_role_ids(interaction)
            )
            if options.images and self._inputs is not None:
                await self._check_quota(interaction.user.id, options, target, limits)
                options = await self._inputs.checked(options)  # before anything is reserved or sent
            job, approval = await self._accept(interaction.user.id, options, target, limits, decision.approval)
        except (QuotaExceeded, ShuttingDown, InputRefused) as error:
            await self._refuse_deferred(interaction, error, options.prompt)
            return None
        # From here the job is stored with its images reserved: whatever fails, it is run or withdrawn.
        if approval:
            self._alert_later(job, limits)
            await self._await_approval(job)
            return job
        try:
            await self._events.job_changed(job, JobPhase.QUEUED, NOT_RUNNING)
        except Exception:
            log.exception("job %s: could not show it queued; it runs all the same", job.id)
        finally:
            self._engine.start(job)
            self._alert_later(job, limits)
        return job

    def _target(self, interaction: discord.Interaction, *, ephemeral: bool) -> DeliveryTarget:
        """Where and in which languages the job of this interaction is delivered."""
        return DeliveryTarget(
            channel_id=interaction.channel_id or 0,
            guild_id=interaction.guild_id,
            application_id=interaction.application_id,
            interaction_token=interaction.token,
            interaction_created_at=interaction.created_at.timestamp(),
            upload_limit=interaction.filesize_limit or DEFAULT_UPLOAD_LIMIT,
            ephemeral=ephemeral,
            locale=spoken(),
            public_locale=self._audit.languages.public(interaction.guild_id),
        )

    async def _accept(
        self, user_id: int, options: GenerationOptions, target: DeliveryTarget, limits: Limits, approval: bool
    ) -> tuple[Job, bool]:
        """Accept the job; past the server's own budget, as its admins chose: refused, sent for a
        moderator's approval, or reduced to one image (the operator's limits always hold). Returns the job
        and whether it waits for approval; raises `QuotaExceeded` when refused. The alerts an accepted job
        made due are the caller's (`_alert_later`)."""
        guild_id = target.guild_id
        try:
            job = await self._engine.accept(user_id, options, target, limits, needs_approval=approval)
        except QuotaExceeded as refused:
            kind = LimitKind(refused.kind)
            await self._alert(guild_id, limits, exhausted=kind)
            if kind not in SERVER_BUDGETS or limits.over_budget == OverBudget.REFUSE:
                raise
            approval = approval or limits.over_budget == OverBudget.APPROVAL
            options, lifted = self._past_server_budget(options, limits)
            job = await self._engine.accept(user_id, options, target, lifted, needs_approval=approval)
        return job, approval

    async def _check_quota(
        self, user_id: int, options: GenerationOptions, target: DeliveryTarget, limits: Limits
    ) -> None:
        """Refuse a member out of quota before their inputs are renewed and downloaded (nothing is reserved:
        `_accept` does that). Past the server's own budget the job may still go through as its admins chose,
        so it is checked as `_accept` would then take it."""
        if limits.over_budget != OverBudget.REFUSE:
            options, limits = self._past_server_budget(options, limits)
        await self._engine.check_quota(user_id, options, target, limits)

    def _past_server_budget(self, options: GenerationOptions, limits: Limits) -> tuple[GenerationOptions, Limits]:
        """The job as the server's admins chose to take it past the server's own budget: one image if they
        chose so, and the server's budgets lifted (the operator's limits always hold)."""
        if limits.over_budget == OverBudget.ONE_IMAGE:
            options = replace(options, n=1)
        return options, self._quota.beyond_server_budget(limits)

    def _alert_later(self, job: Job, limits: Limits) -> None:
        """Check the budget alerts an accepted job may have made due, in the background (one check per
        guild at a time, waited for at shutdown): the request does not wait for them (a refusal's alert,
        in `_accept`, is checked before the member is answered)."""
        post = functools.partial(self._post_alerts, over_budget=limits.over_budget)
        self._engine.alert_checks.check_later(job.target.guild_id, limits, post)

    async def _alert(self, guild_id: int | None, limits: Limits, *, exhausted: LimitKind | None = None) -> None:
        """Post the server's budget alerts now due in its audit channel (the operator's are logged)."""
        try:
            alerts = await self._engine.budgets.check(guild_id, limits, exhausted=exhausted)
            await self._post_alerts(alerts, over_budget=limits.over_budget)
        except Exception:
            log.exception("budget alerts for guild %s could not be checked; the request goes on", guild_id)

    async def _post_alerts(self, alerts: list[BudgetAlert], *, over_budget: OverBudget) -> None:
        """Queue the server's alerts for its audit channel."""
        for alert in alerts:
            await self._audit.budget_alert(alert, over_budget)

    async def _refuse_deferred(self, interaction: discord.Interaction, error: Exception, prompt: str) -> None:
        # The deferred answer may be public: delete it so the refusal is seen by the member alone.
        await interaction.delete_original_response()
        await answer_error(interaction, error)
        if not isinstance(error, QuotaExceeded | InputRefused):
            return
        channel_id = interaction.channel_id or 0
        # The reason is composed by the audit log, in the server's language.
        why = functools.partial(refused_why, error)
        await self._audit.refused(interaction.guild_id, interaction.user.id, channel_id, prompt, why)

    async def _await_approval(self, job: Job) -> None:
        """Post the approval request. A job whose request is not posted (no audit channel the bot can post
        in, an answer it cannot read, a dropped connection, a cancelled handler) could never be approved:
        it is withdrawn at once, its images given back, and the member told why."""
        try:
            await self._events.job_changed(job, JobPhase.AWAITING_APPROVAL, NOT_RUNNING)
            posted = await self._audit.request_approval(job)
        except Exception:
            log.exception("job %s: posting its approval request failed; withdrawn", job.id)
            posted = False
        except BaseException:
            await self._engine.withdraw(job.id)
            raise
        if not posted:
            await self._engine.withdraw(job.id)

    async def _check(self, interaction: discord.Interaction, options: GenerationOptions) -> PolicyDecision | None:
        if interaction.guild_id is None:
            return await self._check_dm(interaction, options)
        policy = await self._moderation.policy(interaction.guild_id)
        channel_id = interaction.channel_id or 0
        parent_id = getattr(interaction.channel, "parent_id", None)
        roles = frozenset(member_role_ids(interaction))
        # Off the event loop: matching the blocked terms may take up to its time limit.
        decision = await asyncio.to_thread(policy.check, channel_id, parent_id, roles, options.prompt)
        private = decision.visibility == Visibility.EPHEMERAL
        if decision.refusal is None and private and not can_deliver_privately(interaction):
            # Its result could not reach the member once the interaction's 15 minutes run out: refused
            # before anything is stored, sent to the API or charged.
            await interaction.response.send_message(text("private-undeliverable"), ephemeral=True)
            why = functools.partial(text, "audit-refused-private-undeliverable")
            await self._audit.refused(interaction.guild_id, interaction.user.id, channel_id, options.prompt, why)
            return None
        if decision.refusal is None:
            return decision
        await interaction.response.send_message(policy_refusal_text(decision.refusal), ephemeral=True)
        why = functools.partial(_refusal_reason, decision.refusal)
        await self._audit.refused(interaction.guild_id, interaction.user.id, channel_id, options.prompt, why)
        return None

    async def _check_dm(self, interaction: discord.Interaction, options: GenerationOptions) -> PolicyDecision | None:
        """In direct messages (when allowed) the operator's blocked terms apply; there is no audit log."""
        if not self._rules.allow_dms:
            await interaction.response.send_message(text("dms-disabled"), ephemeral=True)
            return None
        matcher = await self._moderation.operator_matcher()
        term = await asyncio.to_thread(matcher.first_match, options.prompt)
        if term is None:
            return PolicyDecision()
        refusal = PolicyRefusal(RefusalReason.TERM, term=term)
        await interaction.response.send_message(policy_refusal_text(refusal), ephemeral=True)
        log.info("a prompt in direct messages from %s was refused: %s", interaction.user.id, _refusal_reason(refusal))
        return None


def _refusal_reason(refusal: PolicyRefusal) -> str:
    """Why the policy refused, for the audit log (which, unlike the member, is told the term)."""
    if refusal.reason == RefusalReason.TERM and refusal.term is not None:
        entry = "audit-refused-pattern" if refusal.term.is_regex else "audit-refused-term"
        return text(entry, term=refusal.term.text)
    return text(_REFUSAL_ENTRIES[refusal.reason])


_REFUSAL_ENTRIES = {
    RefusalReason.CHANNEL: "audit-refused-channel",
    RefusalReason.ROLE: "audit-refused-role",
    RefusalReason.TERM: "audit-refused-any-term",
}


def member_role_ids(interaction: discord.Interaction) -> list[int]:
    """The ids of the caller's roles in the guild (none in DMs)."""
    return [role.id for role in getattr(interaction.user, "roles", [])]


def refused_why(error: QuotaExceeded | InputRefused) -> str:
    """Why a request was refused, in the audit log's words."""
    if isinstance(error, QuotaExceeded):
        return text("audit-refused-quota", kind=limit_name(LimitKind(error.kind)))
    return text("audit-refused-input", position=error.position, problem=input_problem_text(error))
