"""Blocked terms: matching that sees through evasions without flagging innocent words.

A prompt is prepared as it is seen (`look_alikes.prepare`: compatibility forms, invisible characters,
right-to-left overrides, accents, Latin letters spelled in ASCII) and each term becomes a pattern in
which every letter stands for everything that looks like it (Unicode's confusables, leetspeak digits
and symbols), allows separators and repeated letters between its letters, and must stand as a whole
word: "a.s.s", "aaass" and "@$$" match "ass", "gore!" and "||gore||" match "gore", while "class",
"assassin", "isn't it" (tit), "he'll" (hell) and "a man's ex-wife" (sex) do not. An apostrophe between
letters belongs to the word, never separates one. Chinese and Japanese characters do not make words
with Latin letters ("goreの絵" holds "gore"). Admins who need more can add a regular expression; one
whole check, every pattern together, has a time limit, and runs without holding the interpreter lock
so a worker thread can run it while the event loop goes on.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import regex

from services.core.errors import Value
from services.moderation.look_alikes import TERM_LETTERS, fold, prepare, spell

_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4\u2032"
_SEPARATORS = rf"[^\p{{L}}\p{{N}}{_APOSTROPHES}]*"
# Letters and digits that make a word with a term's letters; not Chinese or Japanese characters, which
# are written without spaces.
_WORD = r"[[\p{L}\p{N}]--[\p{Han}\p{Hiragana}\p{Katakana}]]"
# Each pattern defines its word character and separator once and calls them: compiles faster. (Not
# in a lookbehind: the regex library does not match a call there.)
_DEFINITIONS = rf"(?(DEFINE)(?P<w>{_WORD})(?P<s>{_SEPARATORS}))"
_WORD_START = rf"(?<!{_WORD})(?<!{_WORD}[{_APOSTROPHES}])"
_WORD_END = rf"(?!(?&w))(?![{_APOSTROPHES}](?&w))"
CHECK_SECONDS = 0.25  # one whole check of a prompt, every pattern together
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
    """The text as it is seen, spelled in lower-case ASCII where its letters and digits look like ASCII
    ones ("ＨÉLL0" is "hello"): what a term's letters and admins' regular expressions are matched on."""
    return fold(prepare(text))


def _letter(character: str) -> str:
    members = TERM_LETTERS.get(character)
    if members is None:
        return regex.escape(character)
    return "[" + "".join(regex.escape(member, special_only=False) for member in members) + "]"


def term_pattern(term: str) -> str:
    """The pattern for a plain term: its letters in order, each standing for its look-alikes and
    repeatable, separators allowed between them, and a whole word (see the module's docstring)."""
    letters = [c for c in normalise(term) if c.isalnum()]
    if not letters:
        raise InvalidTerm(TermProblem.NO_LETTERS)
    body = "(?&s)".join(f"{_letter(c)}+" for c in letters)
    return f"{_WORD_START}{body}{_WORD_END}{_DEFINITIONS}"


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
        return _compiled_term(self.text)


@lru_cache(maxsize=4096)
def _compiled_term(text: str) -> regex.Pattern[str]:
    """A plain term's pattern, compiled once per process (each takes a few milliseconds): a changed
    list compiles only its new terms."""
    return regex.compile(term_pattern(text), regex.V1)


class TermMatcher:
    """Finds the first blocked term in a prompt. Building one compiles every term, which is slow for a
    long list (a server's 500 terms take about a second; each term's pattern is kept for the process, so
    a change compiles only new terms): build it once per change of `terms`, in a worker thread."""

    def __init__(self, terms: Sequence[BlockedTerm], clock: Callable[[], float] = time.monotonic) -> None:
        self.terms = tuple(terms)
        self._compiled = [(term, term.pattern()) for term in self.terms]
        self._clock = clock

    def first_match(self, prompt: str, seconds: float = CHECK_SECONDS) -> BlockedTerm | None:
        """The first term the prompt contains, or None. The whole check has `seconds`: a check that runs
        out of time refuses (returns the term it was on), the safe side."""
        deadline = self._clock() + seconds
        prepared = prepare(prompt)
        spelled, folded = spell(prepared), fold(prepared)
        for term, pattern in self._compiled:
            subjects = (prompt, folded) if term.is_regex else (spelled,)
            for subject in subjects:
                remaining = deadline - self._clock()
                try:
                    if remaining <= 0 or pattern.search(subject, timeout=remaining, concurrent=True):
                        return term
                except TimeoutError:
                    return term
        return None
