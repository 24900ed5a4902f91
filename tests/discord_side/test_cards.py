"""Cards and their texts: what the result card offers, the hidden and review cards, Info, /history and
inert prompts (no markdown, mention or link acts)."""

from __future__ import annotations

from discord_side.cards import card_text, first_text, result_card, review_card
from discord_side.history import history_text
from discord_side.info_text import info_text
from discord_side.texts import inert
from services.core.models import DeliveryTarget, GenerationOptions, Job, JobState


def job(**changes: object) -> Job:
    base = Job(
        id="0123456789ab",
        user_id=5,
        options=GenerationOptions("a lighthouse", "1280x1280", 2, prompt_extend=False),
        target=DeliveryTarget(channel_id=1, guild_id=2),
        created_at=100.0,
        submitted_at=103.5,
        updated_at=113.5,
        state=JobState.DELIVERED,
        task_id="task-1",
        credits_reserved=2000,
        credits_charged=1000,
        message_ids=(77,),
        images_delivered=2,
    )
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def custom_ids(view: object) -> list[str]:
    found: list[str] = []

    def walk(items: list[dict[str, object]]) -> None:
        for item in items:
            if "custom_id" in item:
                found.append(str(item["custom_id"]))
            walk(item.get("components", []))  # type: ignore[arg-type]

    walk(view.to_components())  # type: ignore[attr-defined]
    return found


def test_a_result_card_offers_vary_remix_reroll_delete_info_and_report() -> None:
    card = result_card(job(), ["a.png", "b.png"], "caption", image_to_image=True)
    assert [c.split(":")[1] for c in custom_ids(card)] == [
        "reroll",
        "delete",
        "info",
        "report",
        "vary",
        "vary",
        "remix",
    ]


def test_a_result_in_direct_messages_offers_no_report() -> None:
    card = result_card(
        job(target=DeliveryTarget(channel_id=1, guild_id=None)), ["a.png"], "caption", image_to_image=False
    )
    assert "report" not in [c.split(":")[1] for c in custom_ids(card)]


def test_a_hidden_card_offers_only_delete_and_info() -> None:
    card = result_card(job(), ["a.png"], "caption", image_to_image=True, hidden=True)
    assert [c.split(":")[1] for c in custom_ids(card)] == ["delete", "info"]
    assert "reported" in card_text(card.children)


def test_a_closed_review_card_keeps_its_summary_and_loses_its_buttons() -> None:
    card = review_card(job(), "summary", ["a.png"], verdict="done")
    assert custom_ids(card) == []
    assert first_text(card.children) == "summary"


def test_info_names_what_was_sent_the_task_the_credits_and_the_times() -> None:
    words = info_text(job())
    assert "model `wan2.5-text-to-image`, size `1280x1280`, n 2, prompt_extend false" in words
    assert "Task id: `task-1`" in words
    assert "Credits: 2 reserved, 1 charged" in words
    assert "Queue time: 3.5 s · generation time: 10 s" in words


def test_info_of_a_job_never_sent_says_so() -> None:
    words = info_text(job(task_id=None, submitted_at=None, state=JobState.CANCELLED))
    assert "Task id: none" in words
    assert "Queue time: unknown" in words


def test_history_links_each_result_and_counts_pages() -> None:
    words = history_text([job()], total=6, page=1, member="<@5>")
    assert "page 1 of 2" in words
    assert "(https://discord.com/channels/2/1/77)" in words


def test_an_empty_history_page_says_so() -> None:
    assert history_text([], total=0, page=1, member="<@5>") == "No results yet."


def test_a_prompt_is_echoed_without_links_mentions_or_markdown() -> None:
    shown = inert("**bold** @everyone https://evil.example [x](https://a.b)")
    assert "https://" not in shown
    assert "@everyone" not in shown
    assert "\\*\\*bold\\*\\*" in shown


def test_a_hidden_reported_card_offers_no_new_job_from_the_reported_prompt() -> None:
    card = result_card(job(), ["a.png"], "caption", image_to_image=True, hidden=True)
    assert "reroll" not in [c.split(":")[1] for c in custom_ids(card)]


def test_info_of_a_long_prompt_with_underscores_fits_a_message() -> None:
    prompt = ("cat_in_a_hat, " * 150)[:2000]  # /imagine accepts 2000 characters; escaping doubles "_"
    words = info_text(job(options=GenerationOptions(prompt, "1280x1280", 2, prompt_extend=False)))
    assert len(words) <= 2000, len(words)
