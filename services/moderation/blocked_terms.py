"""Blocked terms: matching that sees through simple evasions without flagging innocent words.

A prompt is normalised (Unicode compatibility forms, case, accents, zero-width characters, common
look-alike letters and digits) and each term becomes a pattern that allows separators and repeated
letters between its letters but must stand as a whole word: "a.s.s" and "aaass" match "ass", while
"class" and "assassin" do not. Admins who need more can add a regular expression, run with a time
limit so a pathological pattern cannot stall the bot.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import regex

from services.core.errors import Value

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"))
_LOOK_ALIKES = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "!": "i",
        "|": "l",
        "3": "e",
        "4": "a",
        "@": "a",
        "5": "s",
        "$": "s",
        "7": "t",
        "+": "t",
        "8": "b",
        "9": "g",
        "€": "e",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ß": "ss",
        "ɑ": "a",
        "ɡ": "g",
        "ı": "i",
        # Small capitals.
        "ᴀ": "a",
        "ʙ": "b",
        "ᴄ": "c",
        "ᴅ": "d",
        "ᴇ": "e",
        "ɢ": "g",
        "ʜ": "h",
        "ɪ": "i",
        "ᴊ": "j",
        "ᴋ": "k",
        "ʟ": "l",
        "ᴍ": "m",
        "ɴ": "n",
        "ᴏ": "o",
        "ᴘ": "p",
        "ʀ": "r",
        "ꜱ": "s",
        "ᴛ": "t",
        "ᴜ": "u",
        "ᴠ": "v",
        "ᴡ": "w",
        "ʏ": "y",
        "ᴢ": "z",
        # Cyrillic and Greek letters that look Latin.
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ԁ": "d",
        "һ": "h",
        "ԛ": "q",
        "ԝ": "w",
        "ј": "j",
        "ѕ": "s",
        "к": "k",
        "м": "m",
        "т": "t",
        "в": "b",
        "н": "h",
        "α": "a",
        "ο": "o",
        "ρ": "p",
        "ν": "v",
        "κ": "k",
        "τ": "t",
    }
)
_SEPARATORS = r"[^\p{L}\p{N}]*"
REGEX_TIMEOUT_SECONDS = 0.05
MAX_TERM_CHARS = 100
MAX_REGEX_CHARS = 200
# C0, DEL and C1 (Unicode's Cc): invisible in a term, and a NUL cannot even be stored in PostgreSQL. A
# pattern that means one writes it as an escape (`\t`), which is stored as text like any other.
_CONTROL_CHARACTER = regex.compile(r"[\x00-\x1f\x7f-\x9f]")


class TermProblem(enum.StrEnum):
    """Why a blocked term or pattern cannot be used; each has a catalogue entry on the Discord side."""

    NO_LETTERS = "no_letters"
    TERM_TOO_LONG = "term_too_long"  # maximum
    PATTERN_TOO_LONG = "pattern_too_long"  # maximum
    PATTERN_DOES_NOT_COMPILE = "pattern_does_not_compile"  # detail: the regex engine's own message
    TOO_MANY_TERMS = "too_many_terms"  # maximum
    CONTROL_CHARACTER = "control_character"  # character: the first one found (U+XXXX)


class InvalidTerm(ValueError):
    """A blocked term or pattern an admin typed cannot be used: why (`problem`) and its `values`."""

    def __init__(self, problem: TermProblem, **values: Value) -> None:
        super().__init__(f"{problem} {values}")
        self.problem = TermProblem(problem)
        self.values: Mapping[str, Value] = MappingProxyType(values)


def normalise(text: str) -> str:
    """Fold width, case, accents, zero-width characters and look-alikes, so evasions compare equal."""
    folded = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).casefold()
    stripped = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return stripped.translate(_LOOK_ALIKES)


def term_pattern(term: str) -> str:
    """The pattern for a plain term: its letters in order, each repeatable, separators allowed between
    them, and no letter or digit directly before or after (a whole word)."""
    letters = [c for c in normalise(term) if c.isalnum()]
    if not letters:
        raise InvalidTerm(TermProblem.NO_LETTERS)
    body = _SEPARATORS.join(f"{regex.escape(c)}+" for c in letters)
    return rf"(?<![\p{{L}}\p{{N}}]){body}(?![\p{{L}}\p{{N}}])"


@dataclass(frozen=True)
class BlockedTerm:
    """A term (or, with `is_regex`, a regular expression) that prompts must not contain."""

    text: str
    is_regex: bool = False

    def compile(self) -> regex.Pattern[str]:
        """The compiled pattern of a term an admin gives; `InvalidTerm` if it cannot be used."""
        if (control := _CONTROL_CHARACTER.search(self.text)) is not None:
            character = f"U+{ord(control.group()):04X}"
            raise InvalidTerm(TermProblem.CONTROL_CHARACTER, character=character)
        return self.pattern()

    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern of a stored term (`InvalidTerm` if it cannot be used): a term stored before
        control characters were refused keeps working (to the matcher they are separators)."""
        if self.is_regex:
            if len(self.text) > MAX_REGEX_CHARS:
                raise InvalidTerm(TermProblem.PATTERN_TOO_LONG, maximum=MAX_REGEX_CHARS)
            try:
                return regex.compile(self.text, regex.IGNORECASE | regex.V1)
            except regex.error as error:
                raise InvalidTerm(TermProblem.PATTERN_DOES_NOT_COMPILE, detail=str(error)) from None
        if len(self.text) > MAX_TERM_CHARS:
            raise InvalidTerm(TermProblem.TERM_TOO_LONG, maximum=MAX_TERM_CHARS)
        return regex.compile(term_pattern(self.text), regex.V1)


class TermMatcher:
    """Finds the first blocked term in a prompt. Building one compiles every term, which is slow for a
    long list (a server's 500 terms take about 0.4 s): build it once per change of `terms`."""

    def __init__(self, terms: Sequence[BlockedTerm]) -> None:
        self.terms = tuple(terms)
        self._compiled = [(term, term.pattern()) for term in self.terms]

    def first_match(self, prompt: str) -> BlockedTerm | None:
        """The first term the prompt contains, or None. A pattern that runs too long counts as a match:
        refusing is the safe side."""
        normalised = normalise(prompt)
        for term, pattern in self._compiled:
            subjects = (prompt, normalised) if term.is_regex else (normalised,)
            for subject in subjects:
                try:
                    if pattern.search(subject, timeout=REGEX_TIMEOUT_SECONDS):
                        return term
                except TimeoutError:
                    return term
        return None
