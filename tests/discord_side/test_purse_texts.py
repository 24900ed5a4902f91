"""The words of the purse: refusals by the new limits (credits shown as credits), and the audit lines of
a server's budget alerts."""

from __future__ import annotations

from datetime import UTC, datetime

from discord_side.catalogue import speaking
from discord_side.texts import budget_alert_text, credits_text, quota_text
from services.core.errors import QuotaExceeded
from services.engine.budget_watch import BudgetAlert
from services.quotas.limits import LimitKind, OverBudget

RESETS = datetime(2026, 12, 1, tzinfo=UTC)


def test_credits_are_shown_as_credits_without_trailing_zeros() -> None:
    assert (credits_text(1200), credits_text(1000), credits_text(1_500_000)) == ("1.2", "1", "1,500")


def test_credits_are_written_the_spoken_languages_way() -> None:
    with speaking("de"):
        assert credits_text(1_500_200) == "1.500,2"
    with speaking("fr"):
        assert credits_text(1_500_200) == "1\u202f500,2"


def test_the_persons_refusal_says_it_counts_every_server() -> None:
    text = quota_text(QuotaExceeded(LimitKind.PERSON_DAILY, limit=20, used=19, requested=2, resets_at=RESETS))
    assert "across every server" in text
    assert "1 of 20 left" in text


def test_the_bots_daily_refusal_says_every_server_shares_it() -> None:
    text = quota_text(QuotaExceeded(LimitKind.BOT_DAILY, limit=500, used=499, requested=2, resets_at=RESETS))
    assert "shared by every server" in text


def test_a_credit_refusal_shows_credits_and_the_requests_cost() -> None:
    error = QuotaExceeded(LimitKind.GUILD_CREDITS, limit=10_000, used=9_400, requested=1_200, resets_at=RESETS)
    text = quota_text(error)
    assert "0.6 of its 10 credits are left this month" in text
    assert "needs 1.2" in text
    assert f"<t:{int(RESETS.timestamp())}:R>" in text


def test_the_operators_monthly_refusal_names_the_bots_budget() -> None:
    text = quota_text(QuotaExceeded(LimitKind.CREDITS_MONTHLY, 5000, 5000, 1000, RESETS))
    assert "bot's monthly budget is spent" in text


def test_an_80_percent_alert_names_the_budget_and_its_use() -> None:
    alert = BudgetAlert(LimitKind.GUILD_DAILY, 20, 80, 160, 200, "2026-11-29")
    text = budget_alert_text(alert, OverBudget.REFUSE)
    assert text == "⚠️ This server's images today: 80% of the budget is used (160 of 200)."


def test_a_100_percent_alert_says_what_happens_now() -> None:
    alert = BudgetAlert(LimitKind.GUILD_CREDITS, 20, 100, 10_500, 10_000, "2026-11")
    text = budget_alert_text(alert, OverBudget.APPROVAL)
    assert "the budget is spent (10.5 of 10)" in text
    assert "wait for a moderator's approval" in text
