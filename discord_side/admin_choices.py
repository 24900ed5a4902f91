"""The choices of `/imagine-admin`'s options (channel modes, what happens past a budget, who sees
results, languages) and the option naming each limit an admin may not set looser than the operator."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from discord import app_commands

from discord_side.catalogue import LANGUAGES, locale, text
from discord_side.locales import SOURCE, native_name
from services.moderation.guild_policy import ChannelMode, Visibility
from services.quotas.limits import LimitKind, OverBudget

log = logging.getLogger(__name__)

# The entry naming each channel mode and each visibility: the choice's name, and the words of the change.
_MODE_NAMES = {
    ChannelMode.EVERYWHERE: "choice-mode-everywhere",
    ChannelMode.ALLOW_LIST: "choice-mode-allow-list",
    ChannelMode.DENY_LIST: "choice-mode-deny-list",
}
_RESULTS_NAMES = {Visibility.PUBLIC: "choice-results-public", Visibility.EPHEMERAL: "choice-results-ephemeral"}
MODES = [app_commands.Choice(name=locale(entry), value=mode.value) for mode, entry in _MODE_NAMES.items()]
# The catalogue entry naming the option of each limit an admin may not set looser than the operator.
LIMIT_OPTIONS = {
    LimitKind.USER_DAILY: "limit-option-daily-images",
    LimitKind.ACTIVE_JOBS: "limit-option-max-active-jobs",
    LimitKind.GUILD_DAILY: "limit-option-server-daily-images",
    LimitKind.GUILD_CREDITS: "limit-option-monthly-credits",
}
OVER_BUDGET = [
    app_commands.Choice(name=locale("choice-over-budget-refuse"), value=OverBudget.REFUSE.value),
    app_commands.Choice(name=locale("choice-over-budget-approval"), value=OverBudget.APPROVAL.value),
    app_commands.Choice(name=locale("choice-over-budget-one-image"), value=OverBudget.ONE_IMAGE.value),
]
RESULTS = [app_commands.Choice(name=locale(entry), value=seen.value) for seen, entry in _RESULTS_NAMES.items()]
# Every catalogue by its native name (the same in every locale: a member looks for their own language),
# then Discord's setting, which clears the admins' choice.
DISCORD_SETTING = "discord"
MAX_CHOICES = 25  # Discord refuses an option with more choices (and with it, the whole sync)


def language_choices(codes: Iterable[str]) -> list[app_commands.Choice[str]]:
    """The choices of `/imagine-admin language`: the catalogues by their own names, then Discord's
    setting. Over Discord's 25 choices, English and the first others alphabetically are offered and the
    rest left out with a warning: those still speak to members whose client uses them, and to servers
    whose Discord language is theirs, only the admins cannot choose them."""
    available = sorted(codes)
    offered = sorted({SOURCE, *[code for code in available if code != SOURCE][: MAX_CHOICES - 2]})
    if len(offered) < len(available):
        left_out = [code for code in available if code not in offered]
        log.warning(
            "/imagine-admin language offers %d languages (Discord's limit); left out: %s", len(offered), left_out
        )
    return [
        *(app_commands.Choice(name=native_name(code), value=code) for code in offered),
        app_commands.Choice(name=locale("choice-language-discord"), value=DISCORD_SETTING),
    ]


LANGUAGE_CHOICES = language_choices(LANGUAGES)


def mode_name(mode: ChannelMode) -> str:
    """A channel mode as its choice is named, in the language being spoken."""
    return text(_MODE_NAMES[mode])


def results_name(visibility: Visibility) -> str:
    """Who sees a channel's results, as its choice is named, in the language being spoken."""
    return text(_RESULTS_NAMES[visibility])
