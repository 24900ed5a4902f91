"""The validation rules of the settings: each turns the environment's text into a value and says what is valid.

A rule is pydantic metadata on a field of `Settings` (`Annotated[int, WholeNumber(1, 5)]`). The same
`valid` text makes the error message ("must be a whole number from 1 to 5, got 'x'") and the README's
"valid values" column, so the two cannot disagree.
"""

from __future__ import annotations

import logging
import math
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, Secret
from pydantic_core import PydanticCustomError, core_schema

from services.core.redaction import mask_password

REFUSED = "setting"
"""The pydantic error type of a refused setting; its message is the whole problem, ready to print."""

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_LOG_LEVELS = "DEBUG, INFO, WARNING, ERROR, CRITICAL"
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# host[:port] as written: a name or IPv4 address, or a bracketed IPv6 address (nothing around it).
_AUTHORITY = re.compile(r"(?:\[(?P<ipv6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9.-]+))(?::(?P<port>[0-9]{1,5}))?", re.IGNORECASE)
_DATABASE_SCHEMES = ("sqlite:///", "postgresql://", "postgres://")


def refusal(problem: str) -> PydanticCustomError:
    """The error that names what is wrong with a setting; `load_settings` prefixes the variable."""
    return PydanticCustomError(REFUSED, "{problem}", {"problem": problem})


def number_text(value: float) -> str:
    """A bound as an operator writes it: 5 rather than 5.0, 0.05 as is."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class Rule(ABC):
    """How one setting is read from text, and what is valid for it (said in `valid`)."""

    echo = True
    """Whether a refused value is quoted back in the error message (never for anything secret)."""

    @property
    @abstractmethod
    def valid(self) -> str:
        """What the setting accepts, phrased to follow "must be"."""

    @abstractmethod
    def parse(self, text: str) -> Any:
        """The value of non-blank, stripped text; raises ValueError (or a `refusal` saying more) if invalid."""

    def accepts(self, value: Any) -> bool:
        """Whether a parsed (or directly given) value is within the rule's bounds."""
        return True

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        """Parse text before the field's own type validates the result."""
        return core_schema.no_info_before_validator_function(self._check, handler(source))

    def _check(self, value: Any) -> Any:
        if value is None:
            return None
        given = value
        if isinstance(value, str):
            try:
                value = self.parse(value)
            except PydanticCustomError:
                raise
            except ValueError:
                raise self._refused(given) from None
        if not self.accepts(value):
            raise self._refused(given)
        return value

    def _refused(self, given: Any) -> PydanticCustomError:
        quoted = f", got {given!r}" if self.echo else ""
        return refusal(f"must be {self.valid}{quoted}")


@dataclass(frozen=True)
class Text(Rule):
    """Any text; `valid` says what it is for (a host name, a token)."""

    what: str = "any text"

    @property
    def valid(self) -> str:
        return self.what

    def parse(self, text: str) -> str:
        return text


@dataclass(frozen=True)
class _Bounded(Rule):
    minimum: float
    maximum: float | None = None
    also: str = ""

    kind = "a number"

    @property
    def valid(self) -> str:
        if self.maximum is None:
            bounds = f"of at least {number_text(self.minimum)}"
        else:
            bounds = f"from {number_text(self.minimum)} to {number_text(self.maximum)}"
        return f"{self.kind} {bounds}{', ' + self.also if self.also else ''}"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return False
        return value >= self.minimum and (self.maximum is None or value <= self.maximum)


@dataclass(frozen=True)
class WholeNumber(_Bounded):
    """A whole number within bounds (the maximum is optional)."""

    kind = "a whole number"

    def parse(self, text: str) -> int:
        return int(text)

    def accepts(self, value: Any) -> bool:
        return isinstance(value, int) and super().accepts(value)


@dataclass(frozen=True)
class Number(_Bounded):
    """A finite number (decimals allowed) within bounds (the maximum is optional)."""

    def parse(self, text: str) -> float:
        return float(text)


@dataclass(frozen=True)
class Flag(Rule):
    """A yes/no setting in the usual spellings."""

    @property
    def valid(self) -> str:
        return "true or false (or 1/0, yes/no, on/off)"

    def parse(self, text: str) -> bool:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ValueError(text)


@dataclass(frozen=True)
class IdList(Rule):
    """Comma-separated numeric ids, in order, each once (blank pieces are skipped)."""

    what: str
    also: str = ""

    @property
    def valid(self) -> str:
        return f"comma-separated numeric {self.what}{', ' + self.also if self.also else ''}"

    def parse(self, text: str) -> tuple[int, ...]:
        pieces = [piece.strip() for piece in text.split(",") if piece.strip()]
        bad = next((piece for piece in pieces if not piece.isdecimal()), None)
        if bad is not None:
            raise refusal(f"must be {self.valid}, got {bad!r}")
        return tuple(dict.fromkeys(int(piece) for piece in pieces))


@dataclass(frozen=True)
class HttpUrl(Rule):
    """An http(s) URL, without its trailing slash."""

    @property
    def valid(self) -> str:
        return "an http:// or https:// URL"

    def parse(self, text: str) -> str:
        if not text.startswith(("http://", "https://")):
            raise ValueError(text)
        return text.rstrip("/")


@dataclass(frozen=True)
class CallbackUrl(Rule):
    """The https address the API calls back; plain http only on this machine (the local simulator)."""

    max_length: int = 1900  # callback URLs may have at most 2048 characters, the path included

    @property
    def valid(self) -> str:
        return (
            "an https URL (plain http only on 127.0.0.1, localhost or [::1]) without user, query or fragment, of at"
            f" most {self.max_length} characters"
        )

    def parse(self, text: str) -> str:
        value = text.rstrip("/")
        scheme, separator, rest = value.partition("://")
        authority = _AUTHORITY.fullmatch(rest.split("/", 1)[0])
        if not separator or authority is None or len(value) > self.max_length:
            raise ValueError(text)
        if any(character in rest for character in "?#@") or not rest.isprintable() or " " in rest:
            raise ValueError(text)
        if int(authority["port"] or 0) > 65535:
            raise ValueError(text)
        # The host as parsed, matched exactly: a prefix test would take http://localhost.attacker.example.
        host = (authority["ipv6"] or authority["name"]).lower()
        if not (scheme.lower() == "https" or (scheme.lower() == "http" and host in _LOCAL_HOSTS)):
            raise ValueError(text)
        return value


@dataclass(frozen=True)
class Choice(Rule):
    """One of a few words, in small letters."""

    choices: tuple[str, ...]

    @property
    def valid(self) -> str:
        return "one of " + ", ".join(self.choices)

    def parse(self, text: str) -> str:
        if text.strip().lower() not in self.choices:
            raise ValueError(text)
        return text.strip().lower()


@dataclass(frozen=True)
class LogLevel(Rule):
    """A logging level name, in capitals."""

    @property
    def valid(self) -> str:
        return f"one of {_LOG_LEVELS}"

    def parse(self, text: str) -> str:
        if text.upper() not in logging.getLevelNamesMapping():
            raise ValueError(text)
        return text.upper()


@dataclass(frozen=True)
class DatabaseAddress(Rule):
    """A SQLite or PostgreSQL URL; never quoted back, as it may hold a password."""

    echo = False

    @property
    def valid(self) -> str:
        return "a sqlite:///, postgresql:// or postgres:// URL"

    def parse(self, text: str) -> str:
        if not text.startswith(_DATABASE_SCHEMES):
            raise ValueError(text)
        return text


class DatabaseUrl(Secret[str]):
    """The database URL, shown (repr, str, logs) without its password; `get_secret_value()` gives all of it."""

    def _display(self) -> str:
        return mask_password(self.get_secret_value())
