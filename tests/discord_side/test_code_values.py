"""No code value reaches a member's text: a limit, a channel mode, who sees results, an option, a job's
state and why it failed are named by their catalogue entries, in the language being spoken."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cogs.usage import job_line
from discord_side import catalogue, translator
from discord_side.admin_choices import mode_name, results_name
from discord_side.catalogue import ENGLISH, LANGUAGES, speaking, text_in
from discord_side.launcher import refused_why
from discord_side.locales import read_language
from discord_side.problem_text import failure_reason_text
from discord_side.texts import invalid_option_text, limit_name, outcome_label
from services.core.errors import InvalidOption, InvalidOptionReason, QuotaExceeded
from services.core.models import FailureReason, JobState
from services.moderation.guild_policy import ChannelMode, Visibility
from services.quotas.limits import LimitKind
from tests.discord_side.audit_rig import AUDIT_CHANNEL_ID, AuditRig, audit_rig, ended_job
from tests.support.fake_discord import DEFAULT_GUILD_ID

RESETS = datetime(2026, 12, 1, tzinfo=UTC)


def test_every_limit_has_its_name() -> None:
    assert sorted({limit_name(kind) for kind in LimitKind}) == sorted(
        text_in("en-US", entry) for entry in LIMIT_ENTRIES
    )


LIMIT_ENTRIES = [entry for entry in ENGLISH if entry.startswith("limit-kind-")]


def test_a_quota_refusal_in_the_audit_log_names_the_limit_in_the_servers_language() -> None:
    error = QuotaExceeded(LimitKind.USER_DAILY, limit=5, used=5, requested=1, resets_at=RESETS)
    with speaking("ja"):
        why = refused_why(error)
        assert why == text_in("ja", "audit-refused-quota", kind=limit_name(LimitKind.USER_DAILY))
    assert "user_daily" not in why
    assert text_in("ja", "limit-kind-user-daily") in why


def test_a_channel_mode_is_named_as_its_choice_in_the_language_spoken() -> None:
    with speaking("de"):
        assert mode_name(ChannelMode.ALLOW_LIST) == text_in("de", "choice-mode-allow-list")
    assert mode_name(ChannelMode.DENY_LIST) == "deny-list"


def test_who_sees_results_is_named_as_its_choice_in_the_language_spoken() -> None:
    with speaking("zh-CN"):
        assert results_name(Visibility.EPHEMERAL) == text_in("zh-CN", "choice-results-ephemeral")


def test_an_invalid_option_is_named_as_the_members_language_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "commands.ftl").write_text("name-imagine-n = bildzahl\n")
    german = {**LANGUAGES, "de": read_language(tmp_path / "de")}
    monkeypatch.setattr(catalogue, "LANGUAGES", german)
    monkeypatch.setattr(translator, "LANGUAGES", german)  # the option is named as Discord shows it
    error = InvalidOption("n", InvalidOptionReason.COUNT_OUT_OF_RANGE, count=9, minimum=1, maximum=4)
    with speaking("de"):
        assert "**bildzahl**" in invalid_option_text(error)


def test_an_invalid_option_in_english_keeps_its_name() -> None:
    error = InvalidOption("prompt_extend", InvalidOptionReason.PROMPT_EXTEND_WITH_IMAGE)
    assert "**prompt_extend**" in invalid_option_text(error)


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[AuditRig]:
    async with audit_rig(tmp_path) as ready:
        yield ready


async def test_a_failed_jobs_audit_entry_says_why_in_the_servers_words(rig: AuditRig) -> None:
    await rig.audit.languages.choose(DEFAULT_GUILD_ID, "fr")
    job = ended_job()
    job.state, job.failure_reason = JobState.FAILED, FailureReason.CONTENT_POLICY
    await rig.audit.job_ended(job)
    posted = await rig.fake.wait_for_channel_message(AUDIT_CHANNEL_ID, timeout=10)
    assert text_in("fr", "failure-reason-content-policy") in posted.content
    assert "content_policy" not in posted.content


def test_every_state_of_a_job_has_words_of_its_own() -> None:
    with speaking("de"):
        labels = {state: outcome_label(state) for state in JobState}
    assert all(label != state.value for state, label in labels.items())
    assert labels[JobState.SUBMITTED] == text_in("de", "job-state-submitted")


def test_a_running_job_in_usage_says_where_it_stands_in_the_members_language() -> None:
    job = ended_job()
    job.state = JobState.SUBMITTED
    with speaking("ja"):
        line = job_line(job, None)
    assert text_in("ja", "job-state-submitted") in line
    assert "submitted" not in line


def test_every_failure_reason_has_its_words() -> None:
    assert len({failure_reason_text(reason) for reason in FailureReason}) == len(FailureReason)
