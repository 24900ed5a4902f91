"""The price list: credits per image of each model the bot uses, and what a job reserves and is finally
charged. Credits are counted in thousandths (`MILLI`), so sums and limits are exact integers in the
store (1.2 credits is 1200).

The one place prices live: the job's acceptance asks `credits_for(model, n)`.
"""

from __future__ import annotations

from collections.abc import Sequence

MILLI = 1000

# shared/spec: text-to-image reserves 1 credit per image, image-to-image 1.2 (its create answer's
# `usage.credits_reserved`).
CREDITS_PER_IMAGE: dict[str, float] = {
    "wan2.5-text-to-image": 1.0,
    "wan2.5-image-to-image": 1.2,
}


class UnknownModel(ValueError):
    """A model the price list does not know: a bug in the caller, never guessed at."""


def to_milli(credits: float) -> int:
    """Credits as thousandths (rounded to the nearest)."""
    return round(credits * MILLI)


def as_credits(milli: int) -> float:
    """Thousandths of a credit as credits."""
    return milli / MILLI


def credits_for(model: str, n: int) -> int:
    """What `n` images of `model` reserve, in thousandths of a credit."""
    price = CREDITS_PER_IMAGE.get(model)
    if price is None:
        raise UnknownModel(model)
    if n < 0:
        raise ValueError("n must not be negative")
    return to_milli(price) * n


def images_produced(charged: int, produced: int, results: Sequence[str] | None) -> int:
    """The images the API made (and billed) for a job: its results, or the images charged to the member,
    or what the caller knows it may have made (`produced`), whichever is most."""
    return max(charged, produced, len(results or ()))


def settled_credits(reserved: int, produced: int, n: int, api_used: int | None) -> int:
    """What a job is finally charged, in thousandths: what the API says it used when it says so (even when
    nothing was delivered: it billed them), else the share of the reservation of the images produced
    (`reserved` × `produced` / `n`)."""
    if api_used is not None:
        return max(0, api_used)
    if n <= 0 or produced <= 0:
        return 0
    return reserved * min(produced, n) // n
