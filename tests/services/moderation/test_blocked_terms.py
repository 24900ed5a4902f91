from __future__ import annotations

import pytest

from services.moderation.blocked_terms import BlockedTerm, InvalidTerm, TermMatcher, TermProblem, normalise

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
    matcher = TermMatcher([BlockedTerm(r"(a|aa)+$", is_regex=True)])
    assert matcher.first_match("a" * 60 + "!") is not None


def test_no_terms_match_nothing() -> None:
    assert TermMatcher([]).first_match("anything at all") is None


def test_a_term_with_a_control_character_is_refused_naming_the_character() -> None:
    with pytest.raises(InvalidTerm) as caught:
        BlockedTerm("go\x00re").compile()
    assert (caught.value.problem, caught.value.values) == (TermProblem.CONTROL_CHARACTER, {"character": "U+0000"})


def test_a_term_stored_with_a_control_character_before_they_were_refused_still_blocks() -> None:
    matcher = TermMatcher([BlockedTerm("go\x00re")])
    assert matcher.first_match("so much gore") is not None
