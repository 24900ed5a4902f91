from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from discord_side.catalogue import LANGUAGES, CatalogueError, speak, speaking, spoken, text, text_in
from discord_side.job_language import in_job_language, job_language
from discord_side.locales import LOCALES_DIR, SOURCE, discover, fallback, read_language
from services.core.models import DeliveryTarget, GenerationOptions, Job

ENGLISH = LANGUAGES[SOURCE]
CODES = sorted(LANGUAGES)


def test_the_languages_are_the_directories_under_locales() -> None:
    assert set(LANGUAGES) == {path.name for path in LOCALES_DIR.iterdir() if any(path.glob("*.ftl"))}


@pytest.mark.parametrize("code", CODES)
def test_every_file_parses_without_junk(code: str) -> None:
    assert LANGUAGES[code].errors == ()


@pytest.mark.parametrize("code", CODES)
def test_every_language_has_exactly_the_english_entries(code: str) -> None:
    messages = LANGUAGES[code].messages
    assert sorted(ENGLISH.messages.keys() - messages.keys()) == []
    assert sorted(messages.keys() - ENGLISH.messages.keys()) == []


@pytest.mark.parametrize("code", CODES)
def test_every_entry_keeps_its_file_and_variables(code: str) -> None:
    messages = LANGUAGES[code].messages
    differ = [
        (entry, sorted(message.variables), sorted(messages[entry].variables))
        for entry, message in ENGLISH.messages.items()
        if entry in messages and (messages[entry].variables, messages[entry].file) != (message.variables, message.file)
    ]
    assert differ == []


@pytest.mark.parametrize("code", CODES)
def test_every_entry_renders_with_sample_values(code: str) -> None:
    for entry, message in ENGLISH.messages.items():
        for count in (0, 1, 2, 5, 21):
            assert text_in(code, entry, **dict.fromkeys(message.variables, count)), (code, entry)


@pytest.mark.parametrize(("count", "expected"), [(1, "1 image"), (2, "2 images"), (5, "5 images")])
def test_english_plurals_follow_the_count(count: int, expected: str) -> None:
    assert text_in(SOURCE, "job-images", count=count) == expected


def test_a_count_given_as_digits_still_selects_its_plural() -> None:
    assert text_in(SOURCE, "job-images", count="1") == "1 image"


def test_a_count_that_selects_a_plural_is_not_grouped() -> None:
    assert text_in(SOURCE, "change-forgot", count=12345, user="x") == "erased 12345 stored jobs and the usage of x"


def test_a_size_is_not_grouped_like_a_number() -> None:
    assert text_in(SOURCE, "size-value", width=1280, height=1280) == "1280x1280"


def test_an_id_is_not_grouped_like_a_number() -> None:
    assert text_in(SOURCE, "job-id", job_id=123456) == "job `123456`"


def test_text_speaks_the_language_set_for_the_block() -> None:
    with speaking("en-GB") as language:
        assert language == SOURCE
        assert spoken() == SOURCE
    assert spoken() == SOURCE


def test_a_discord_locale_without_catalogue_falls_back_to_its_language_then_english() -> None:
    available = frozenset({"en-US", "es-ES", "pt-BR", "de"})
    assert fallback("en-GB", available) == "en-US"
    assert fallback("es-419", available) == "es-ES"
    assert fallback("pt-PT", available) == "pt-BR"
    assert fallback("de", available) == "de"
    assert fallback("ko", available) == "en-US"
    assert fallback(None, available) == "en-US"


def test_a_language_is_found_from_its_directory_alone(tmp_path: Path) -> None:
    for code in (SOURCE, "xx"):
        (tmp_path / code).mkdir()
        (tmp_path / code / "main.ftl").write_text(f"hello = hello from {code}\n")
    found = discover(tmp_path)
    assert set(found) == {SOURCE, "xx"}
    assert found["xx"].bundle.has_message("hello")


def test_junk_in_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "main.ftl").write_text("hello = fine\nthis is not fluent\n")
    assert read_language(tmp_path / "xx").errors


def test_a_missing_variable_is_refused_in_every_language() -> None:
    with pytest.raises(CatalogueError, match="count"):
        text_in(CODES[-1], "job-images")


def test_text_uses_the_spoken_language() -> None:
    with speaking(SOURCE):
        assert text("job-images", count=2) == "2 images"


@pytest.fixture
def two_more_languages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A German and a French catalogue besides English (one entry each), for the choice of language."""
    from discord_side import catalogue

    extra = {}
    for code in ("de", "fr"):
        (tmp_path / code).mkdir()
        (tmp_path / code / "main.ftl").write_text(f"deleted = {code}\n")
        extra[code] = read_language(tmp_path / code)
    monkeypatch.setattr(catalogue, "LANGUAGES", {**LANGUAGES, **extra})


def _job(ephemeral: bool) -> Job:
    target = DeliveryTarget(channel_id=1, guild_id=2, ephemeral=ephemeral, locale="de", public_locale="fr")
    return Job(id="j1", user_id=3, options=GenerationOptions("p", None, 1, True), target=target)


class _Posts:
    @in_job_language
    async def post(self, job: Job) -> str:
        return text("deleted")


@pytest.mark.usefixtures("two_more_languages")
@pytest.mark.parametrize(("ephemeral", "expected"), [(False, "fr"), (True, "de")])
def test_a_jobs_posts_speak_its_language_not_the_one_of_the_task_starting_it(ephemeral: bool, expected: str) -> None:
    async def scenario() -> str:
        speak("ja")  # the member whose interaction started the job's task
        return await asyncio.create_task(_Posts().post(_job(ephemeral)))

    assert asyncio.run(scenario()) == expected


@pytest.mark.usefixtures("two_more_languages")
def test_a_missing_message_falls_back_to_english_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="discord_side.catalogue"):
        assert text_in("de", "job-images", count=2) == "2 images"
    assert "de has no entry 'job-images'" in caplog.text


@pytest.mark.usefixtures("two_more_languages")
def test_speaking_sets_the_language_for_the_block_only() -> None:
    with speaking("de"):
        assert text("deleted") == "de"
    assert spoken() == SOURCE


@pytest.fixture
def operators_german(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A German catalogue an operator edited: its plural names a variable the code does not give
    (`$anzahl` for `$count`), and `deleted` has attributes but no value."""
    from discord_side import catalogue

    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "main.ftl").write_text(
        "job-images = { $anzahl ->\n    [one] 1 Bild\n   *[other] { $anzahl } Bilder\n}\n"
        "deleted =\n    .label = Gelöscht\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(catalogue, "LANGUAGES", {**LANGUAGES, "de": read_language(tmp_path / "de")})


@pytest.mark.usefixtures("operators_german")
def test_a_translation_that_cannot_render_falls_back_to_english_instead_of_raising() -> None:
    # job-images is in every job description: raising here inside delivery failed a paid-for job.
    assert text_in("de", "job-images", count=2) == "2 images"


@pytest.mark.usefixtures("operators_german")
def test_a_translation_that_cannot_render_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="discord_side.catalogue"):
        for _ in range(3):
            text_in("de", "job-images", count=2)
    assert [record.getMessage() for record in caplog.records if "job-images" in record.getMessage()] == [
        "catalogue de cannot render 'job-images' (Unknown external: anzahl); using English"
    ]


@pytest.mark.usefixtures("operators_german")
def test_a_translated_message_without_a_value_falls_back_to_english() -> None:
    assert text_in("de", "deleted") == text_in(SOURCE, "deleted")


@pytest.mark.usefixtures("operators_german")
def test_wrong_arguments_from_the_code_still_raise_in_a_translated_language() -> None:
    with pytest.raises(CatalogueError, match="anzahl"):
        text_in("de", "job-images", anzahl=2)


def test_a_count_given_as_unicode_digits_does_not_crash_the_text() -> None:
    # "²".isdigit() is True but int("²") raises ValueError.
    assert text_in(SOURCE, "job-images", count="²") == "² images"


def test_junk_in_a_catalogue_is_logged_when_the_languages_are_found(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for code, body in ((SOURCE, "hello = hello\n"), ("de", "hello = hallo\nthis is not fluent\n")):
        (tmp_path / code).mkdir()
        (tmp_path / code / "main.ftl").write_text(body, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="discord_side.locales"):
        discover(tmp_path)
    assert "catalogue de/main.ftl: syntax error near 'this is not fluent\\n'" in caplog.text


def test_a_direct_message_jobs_posts_speak_the_members_language() -> None:
    # Only the member sees a DM job's posts; its public_locale is the English of ServerLanguages.public(None).
    target = DeliveryTarget(channel_id=1, guild_id=None, ephemeral=False, locale="de", public_locale=SOURCE)
    job = Job(id="j1", user_id=3, options=GenerationOptions("p", None, 1, True), target=target)
    assert job_language(job) == "de"
