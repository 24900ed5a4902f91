"""Services report what members and admins are told as codes with values, never as sentences: the errors
shown to them take a reason code, every code has its catalogue entry, and no raise site passes a text."""

from __future__ import annotations

import ast
import enum
import typing
from pathlib import Path

import pytest

from discord_side.catalogue import ENGLISH
from discord_side.problem_text import INPUT_ENTRIES, INVALID_OPTION_ENTRIES, PROBLEM_ENTRIES, TERM_ENTRIES
from discord_side.texts import SIZE_PRESET_ENTRIES
from services.api.validation import SIZE_PRESETS
from services.core.errors import ImageFetchError, InputProblem, InputRefused, InvalidOption, InvalidOptionReason
from services.engine.events import DeliveryError
from services.engine.failures import Problem
from services.images.fitting import InvalidImageData
from services.moderation.blocked_terms import InvalidTerm, TermProblem

ROOT = Path(__file__).resolve().parents[2]

# The errors whose reason reaches a Discord message, and the parameter that carries their code.
TYPED_ERRORS: dict[type[Exception], str] = {
    InvalidOption: "reason",
    ImageFetchError: "problem",
    InvalidImageData: "problem",
    DeliveryError: "problem",
    InvalidTerm: "problem",
    InputRefused: "problem",
}
CODE_TABLES: list[tuple[type[enum.Enum], dict[typing.Any, str]]] = [
    (InvalidOptionReason, INVALID_OPTION_ENTRIES),
    (TermProblem, TERM_ENTRIES),
    (InputProblem, INPUT_ENTRIES),
    *[(family, PROBLEM_ENTRIES) for family in typing.get_args(Problem)],
]


def named(value: object) -> str:
    """A test id: the class's name."""
    return getattr(value, "__name__", str(value))


@pytest.mark.parametrize(("error", "parameter"), TYPED_ERRORS.items(), ids=named)
def test_the_errors_shown_to_members_take_a_reason_code(error: type[Exception], parameter: str) -> None:
    hint = typing.get_type_hints(error.__init__)[parameter]  # type: ignore[misc]
    assert isinstance(hint, type), f"{error.__name__}.{parameter} is {hint}"
    assert issubclass(hint, enum.Enum), f"{error.__name__}.{parameter} is {hint}"


@pytest.mark.parametrize("error", TYPED_ERRORS, ids=named)
def test_a_sentence_in_place_of_a_reason_code_is_refused(error: type[Exception]) -> None:
    arguments = {InvalidOption: ("size",), ImageFetchError: ("https://x/y.png",)}.get(error, ())
    with pytest.raises(ValueError, match="is not a valid"):
        error(*arguments, "is wrong; use WxH.")


@pytest.mark.parametrize(("codes", "entries"), CODE_TABLES, ids=[named(codes) for codes, _ in CODE_TABLES])
def test_every_reason_code_has_a_catalogue_entry(codes: type[enum.Enum], entries: dict[typing.Any, str]) -> None:
    missing = [code for code in codes if code not in entries]
    assert not missing, f"codes without a catalogue entry: {missing}"
    assert [entries[code] for code in codes if entries[code] not in ENGLISH] == []


def test_every_size_preset_has_a_catalogue_entry() -> None:
    assert [preset.name for preset in SIZE_PRESETS if SIZE_PRESET_ENTRIES.get(preset.name) not in ENGLISH] == []


def sentences_at_raise_sites(source: str, path: str) -> list[str]:
    """Each construction of a typed error with a text in place of a code or value: an f-string, a string
    built with an operator, or a literal with a space in it (a code or an option name has none)."""
    found = []
    names = {error.__name__ for error in TYPED_ERRORS}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if called not in names:
            continue
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            literal = isinstance(argument, ast.Constant) and isinstance(argument.value, str) and " " in argument.value
            if literal or isinstance(argument, ast.JoinedStr | ast.BinOp):
                found.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_raise_site_words_its_error() -> None:
    files = sorted([*ROOT.glob("services/**/*.py"), *ROOT.glob("discord_side/*.py"), *ROOT.glob("cogs/*.py")])
    found = [line for path in files for line in sentences_at_raise_sites(path.read_text(), str(path.relative_to(ROOT)))]
    assert not found, "give these errors a reason code and its values instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "code",
    [
        'raise InvalidOption("size", f"`{typed}` is not a size")',
        'raise InvalidOption("n", "must be between 1 and 4.")',
        'raise errors.DeliveryError("the channel refused the message")',
        'raise ImageFetchError(url, "the download " + why)',
        'raise InvalidTerm(TermProblem.TERM_TOO_LONG, detail=f"at most {n}")',
    ],
)
def test_the_raise_site_scan_finds_a_worded_error(code: str) -> None:
    assert sentences_at_raise_sites(code, "sample.py"), code


@pytest.mark.parametrize(
    "code",
    [
        'raise InvalidOption("size", InvalidOptionReason.SIZE_NOT_A_SIZE, typed=typed)',
        "raise DeliveryError(DeliveryProblem.CHANNEL_REFUSED, status=error.status, code=error.code)",
        "raise ImageFetchError(url, error.problem, **error.values)",
        'raise ValueError(f"the query budget must be positive, not {budget}")',
    ],
)
def test_the_raise_site_scan_leaves_codes_and_other_errors_alone(code: str) -> None:
    assert sentences_at_raise_sites(code, "sample.py") == []
