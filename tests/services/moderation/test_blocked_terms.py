from __future__ import annotations

import asyncio
import time

import pytest

from services.moderation.blocked_terms import BlockedTerm, InvalidTerm, TermMatcher, TermProblem, normalise

PATHOLOGICAL = BlockedTerm(r"(a|aa)+$", is_regex=True)
LONG_PROMPT = "a" * 5000 + "!"

MATCHER = TermMatcher(
    [
        BlockedTerm("ass"),
        BlockedTerm("nazi"),
        BlockedTerm("gore"),
        BlockedTerm("kill yourself"),
        BlockedTerm("porn"),
        BlockedTerm("slut"),
        BlockedTerm("dick"),
        BlockedTerm("tit"),
        BlockedTerm("hit"),
        BlockedTerm("spit"),
        BlockedTerm("anal"),
    ]
)


@pytest.mark.parametrize(
    ("prompt", "term"),
    [
        ("a picture of an ass", "ass"),
        ("ASS", "ass"),
        ("a.s.s in a field", "ass"),
        ("a s s", "ass"),
        ("aaasssss", "ass"),
        ("@$$ on a hill", "ass"),
        ("4ss", "ass"),
        ("a\u200bss", "ass"),  # zero-width space
        ("ａｓｓ", "ass"),  # full-width letters
        ("àśš", "ass"),  # accents
        ("аss", "ass"),  # Cyrillic а
        ("n4z1 flag", "nazi"),
        ("N-A-Z-I", "nazi"),
        ("g0re everywhere", "gore"),
        ("please kill  your-self", "kill yourself"),
        ("k1ll y0urs3lf", "kill yourself"),
        ("pørn", "porn"),
        ("pᴏrn", "porn"),
        ("ɑss", "ass"),
        ("słut", "slut"),
        ("ԁick", "dick"),
    ],
)
def test_evasions_are_caught(prompt: str, term: str) -> None:
    match = MATCHER.first_match(prompt)
    assert match is not None
    assert match.text == term


@pytest.mark.parametrize(
    "prompt",
    [
        "a class of students",
        "an assassin in the night",
        "bass guitar on a stage",
        "passion fruit",
        "assembly line",
        "the glass was full",
        "a gorilla in the mist",
        "Gregory the cat",
        "an ambassador",
        "as soon as possible",
        "skill in yourself",
        "a harassed mother",
        "compass and map",
        "a tilt-shift photo",
        "the hilt of a sword",
        "a banana split",
        "hammer a nail",
        "analysis of a canal",
        "Dickens reading",
    ],
)
def test_innocent_words_pass(prompt: str) -> None:
    assert MATCHER.first_match(prompt) is None


def test_normalise_folds_width_case_accents_and_look_alikes() -> None:
    assert normalise("ＨÉ\u200bLL0") == "hello"


def test_a_regex_term_matches_the_prompt() -> None:
    matcher = TermMatcher([BlockedTerm(r"\bblood(y|bath)\b", is_regex=True)])
    assert matcher.first_match("a bloodbath") is not None
    assert matcher.first_match("blood orange") is None


def test_a_regex_that_does_not_compile_is_refused_clearly() -> None:
    with pytest.raises(InvalidTerm) as caught:
        BlockedTerm("(unclosed", is_regex=True).compile()
    assert caught.value.problem is TermProblem.PATTERN_DOES_NOT_COMPILE
    assert "missing )" in str(caught.value.values["detail"])


def test_a_term_without_letters_is_refused() -> None:
    with pytest.raises(InvalidTerm) as caught:
        BlockedTerm("--- ").compile()
    assert caught.value.problem is TermProblem.NO_LETTERS


def test_a_pathological_regex_times_out_and_refuses_instead_of_hanging() -> None:
    matcher = TermMatcher([PATHOLOGICAL])
    assert matcher.first_match("a" * 60 + "!") is not None


def test_a_whole_check_of_many_pathological_patterns_stops_within_its_time_and_refuses() -> None:
    matcher = TermMatcher([BlockedTerm(rf"(a|aa)+${'x' * n}", is_regex=True) for n in range(20)])
    started = time.monotonic()
    assert matcher.first_match(LONG_PROMPT, seconds=0.2) is not None
    # Far below the 8 s that 0.2 s for each of the 40 searches would allow (slack for a busy machine).
    assert time.monotonic() - started < 4.0


class SteppingClock:
    """A clock that moves on by `step` each time it is read."""

    def __init__(self, step: float) -> None:
        self.time, self.step = 0.0, step

    def __call__(self) -> float:
        self.time += self.step
        return self.time


def test_the_time_limit_is_shared_by_all_patterns_of_a_check_not_given_to_each() -> None:
    terms = [BlockedTerm("gore"), BlockedTerm("guts"), BlockedTerm("blood"), BlockedTerm("bones")]
    matcher = TermMatcher(terms, clock=SteppingClock(0.1))
    assert matcher.first_match("a calm lake", seconds=0.25) is not None
    assert TermMatcher(terms, clock=SteppingClock(0.01)).first_match("a calm lake", seconds=0.25) is None


async def test_a_check_in_a_worker_thread_leaves_the_event_loop_running() -> None:
    matcher = TermMatcher([PATHOLOGICAL])
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    ticking = asyncio.create_task(tick())
    assert await asyncio.to_thread(matcher.first_match, LONG_PROMPT, 0.3) is not None
    ticking.cancel()
    assert ticks > 100


def test_no_terms_match_nothing() -> None:
    assert TermMatcher([]).first_match("anything at all") is None


def test_a_term_with_a_control_character_is_refused_naming_the_character() -> None:
    with pytest.raises(InvalidTerm) as caught:
        BlockedTerm("go\x00re").compile()
    assert (caught.value.problem, caught.value.values) == (TermProblem.CONTROL_CHARACTER, {"character": "U+0000"})


def test_a_term_stored_with_a_control_character_before_they_were_refused_still_blocks() -> None:
    matcher = TermMatcher([BlockedTerm("go\x00re")])
    assert matcher.first_match("so much gore") is not None
