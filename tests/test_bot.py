"""The bot's wiring of the settings into its limits."""

from __future__ import annotations

from bot import default_limits
from services.config.settings import load_settings
from services.quotas.credits import to_milli
from services.quotas.limits import LimitOverrides, beyond_ceilings
from tests.services.config.test_settings import SECRETS


def test_without_an_operator_budget_a_server_may_set_three_million_monthly_credits() -> None:
    ceilings = default_limits(load_settings({**SECRETS, "CREDIT_BUDGET_MONTHLY": "0"}))
    assert beyond_ceilings(ceilings, LimitOverrides(), monthly_credits=to_milli(3_000_000)) is None


def test_an_operator_budget_above_two_million_credits_is_the_ceiling_it_says() -> None:
    ceilings = default_limits(load_settings({**SECRETS, "CREDIT_BUDGET_MONTHLY": "5000000"}))
    assert ceilings.credits_monthly == to_milli(5_000_000)
    assert beyond_ceilings(ceilings, LimitOverrides(), monthly_credits=to_milli(3_000_000)) is None
